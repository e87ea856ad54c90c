"""The store as the quiz engine uses it: record, last attempt, counts, settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from progress_helpers import make_attempt

from medialit.progress import schema
from medialit.progress.paths import data_dir, db_path
from medialit.progress.sink import current_learner, current_sink, set_sink
from medialit.progress.spill import read_rows, spill_files
from medialit.progress.store import SQLiteStore


def test_current_sink_is_a_sqlite_file_in_the_data_dir(data_dir: Path) -> None:
    sink = current_sink()
    assert isinstance(sink, SQLiteStore)
    assert sink.path == data_dir / "progress.db"
    sink.record(make_attempt())
    with sqlite3.connect(sink.path) as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1
        assert schema.user_version(conn) == schema.SCHEMA_VERSION
        assert schema.application_id(conn) == schema.APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rerun_restores_last_answer_and_verdict(data_dir: Path) -> None:
    first = SQLiteStore(data_dir / "progress.db", notify=lambda m: None)
    first.record(make_attempt(response=["a", "b"], correct=False, misconception="m1",
                              feedback="Look again."))
    first.record(make_attempt(response={"s01": "opinion"}, correct=True, attempt=2, minutes=1))
    first.record(make_attempt("q2", response=978, attempt=1, minutes=2))
    first.close()
    # A re-run notebook is a new kernel: a new store on the same file.
    again = SQLiteStore(data_dir / "progress.db", notify=lambda m: None)
    last = again.last_attempt("ann", "02-claims", "q1")
    assert last is not None
    assert last.response == {"s01": "opinion"}
    assert last.correct and last.attempt == 2
    assert again.attempt_count("ann", "02-claims", "q1") == 2
    assert again.last_attempt("ann", "02-claims", "q2").response == 978
    assert again.last_attempt("bob", "02-claims", "q1") is None
    assert again.attempt_count("ann", "02-claims", "nope") == 0
    wrong = again.attempts("ann")[0]
    assert (wrong.misconception, wrong.feedback, wrong.correct) == ("m1", "Look again.", False)
    again.close()


def test_learner_name_is_stored_and_env_overrides(data_dir: Path, monkeypatch) -> None:
    monkeypatch.delenv("MEDIALIT_LEARNER")
    assert current_learner() == "learner"
    current_sink().set_learner_name("Mina")
    set_sink(None)  # a new kernel
    assert current_learner() == "Mina"
    monkeypatch.setenv("MEDIALIT_LEARNER", "Test Learner")
    assert current_learner() == "Test Learner"


def test_unusable_data_folder_keeps_answers_in_the_cache_folder(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(blocker / "sub"))
    set_sink(None)
    try:
        sink = current_sink()
        sink.record(make_attempt())
        assert sink.last_attempt("ann", "02-claims", "q1") is not None
        err = capsys.readouterr().err
        assert "cannot be written" in err and "MEDIALIT_DATA_DIR" in err
        (kept,) = spill_files(blocker / "sub" / "progress.db")
        assert kept.is_relative_to(tmp_path / "cache")  # XDG_CACHE_HOME, set by conftest
        assert f"kept in {kept}" in err
        assert [row["question"] for row in read_rows(kept)] == ["q1"]
        sink.close()
    finally:
        set_sink(None)


def test_data_dir_order(tmp_path: Path, monkeypatch) -> None:
    course = tmp_path / "course"
    (course / "notebooks").mkdir(parents=True)
    (course / "course.yaml").write_text("title: t\nprogress_dir: answers\n")
    monkeypatch.delenv("MEDIALIT_DATA_DIR", raising=False)
    monkeypatch.delenv("MEDIALIT_COURSE_ROOT", raising=False)
    monkeypatch.chdir(course / "notebooks")
    assert data_dir() == course / "answers"
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "env"))
    assert db_path() == tmp_path / "env" / "progress.db"
    monkeypatch.delenv("MEDIALIT_DATA_DIR")
    (course / "course.yaml").write_text("title: t\n")
    assert data_dir().name == "medialit"  # the platform's user data folder
    (course / "course.yaml").write_text("title: [unclosed\n")
    assert data_dir().name == "medialit"


def test_reset_keeps_a_backup(store: SQLiteStore) -> None:
    store.record(make_attempt())
    store.record(make_attempt(learner="bob"))
    backup, deleted = store.reset("ann")
    assert deleted == 1
    assert store.attempts("ann") == [] and len(store.attempts("bob")) == 1
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2


@pytest.mark.parametrize("bad", ["", "   ", "x" * 41, "bell\x07name"])
def test_bad_names_are_refused(bad: str) -> None:
    from medialit.progress.learner import InvalidName, clean_name

    with pytest.raises(InvalidName):
        clean_name(bad)
