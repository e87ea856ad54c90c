"""The service's storage, run the same on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

sa = pytest.importorskip("sqlalchemy", reason="pip install -e '.[classroom]'")

from medialit.classroom.storage import MIGRATIONS, ClassStore  # noqa: E402


def body(n: int, question: str = "six-lines", correct: bool = False) -> dict:
    return {
        "attempt_id": f"attempt-{n:06d}", "lesson": "01-provenance", "question": question,
        "response": {"choice": f"option {n}", "list": [n]}, "correct": correct,
        "score": 1.0 if correct else 0.0, "try": 1, "misconception": None,
        "at": datetime.now(UTC).isoformat(),
    }


def test_migrations_reach_the_last_version_once(db_url: str) -> None:
    store = ClassStore(db_url)
    assert store.version() == len(MIGRATIONS)
    assert ClassStore(db_url).migrate() == len(MIGRATIONS)  # a second start changes nothing
    with store.engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version FROM schema_version")).scalars().all()
    assert sorted(versions) == list(range(1, len(MIGRATIONS) + 1))


def test_a_replayed_attempt_is_stored_once(db_url: str) -> None:
    store = ClassStore(db_url)
    assert store.add("ada", body(1)) is True
    assert store.add("ada", body(1)) is False
    assert store.add("grace", body(1)) is True  # ids are unique per learner, not globally
    assert store.count() == 2
    [mine] = store.of("ada")
    assert mine.response == {"choice": "option 1", "list": [1]}
    assert store.tries("ada", "01-provenance", "six-lines") == 1


def test_concurrent_writers_lose_nothing_and_a_restart_keeps_everything(db_url: str) -> None:
    store = ClassStore(db_url)
    errors: list[BaseException] = []

    def learner(name: str) -> None:
        try:
            for n in range(40):
                store.add(name, body(n, correct=n % 2 == 0))
                store.add(name, body(n))  # every attempt replayed once
        except BaseException as error:  # reported below, with the learner's name
            errors.append(error)

    threads = [threading.Thread(target=learner, args=(f"l{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store.close()
    again = ClassStore(db_url)
    assert again.count() == 8 * 40
    assert {r.learner for r in again.everything()} == {f"l{i}" for i in range(8)}
    assert sum(r.correct for r in again.of("l3")) == 20
