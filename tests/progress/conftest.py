"""Every progress test gets its own data folder and a fixed learner name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from progress_helpers import mount_tmpfs, umount

from medialit.progress.sink import set_sink
from medialit.progress.store import SQLiteStore


@pytest.fixture(autouse=True)
def own_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Answers spilled to the user's cache folder land in the test's own folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(folder))
    monkeypatch.setenv("MEDIALIT_LEARNER", "ann")
    monkeypatch.delenv("MEDIALIT_COURSE_ROOT", raising=False)
    set_sink(None)
    yield folder
    set_sink(None)


@pytest.fixture
def store(data_dir: Path) -> Iterator[SQLiteStore]:
    notices: list[str] = []
    opened = SQLiteStore(data_dir / "progress.db", notify=notices.append)
    yield opened
    opened.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs: a disk that really fills up (root only; skipped otherwise)."""
    folder = tmp_path / "small"
    mount_tmpfs(folder)
    yield folder
    umount(folder)
