"""Databases for the class service's tests: SQLite always, PostgreSQL when installed.

Locally a missing PostgreSQL skips its half with an install hint; CI sets
``MEDIALIT_REQUIRE_POSTGRES=1`` (``.ci/run`` installs it) and the skip becomes a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import classroom_postgres as postgres
import pytest


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if not postgres.available():
        if os.environ.get("MEDIALIT_REQUIRE_POSTGRES"):
            pytest.fail(postgres.HINT)
        pytest.skip(postgres.HINT)
    with postgres.cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'class.sqlite'}"
        return
    url = request.getfixturevalue("postgres_url")
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:  # each test starts from an empty database
        conn.execute(sa.text("DROP TABLE IF EXISTS attempts, schema_version"))
    engine.dispose()
    yield url
