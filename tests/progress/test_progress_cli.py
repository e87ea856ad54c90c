"""``medialit progress export|reset`` through the real command entry point."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from progress_helpers import make_attempt

from medialit.cli import main
from medialit.progress.store import SQLiteStore


def _seed(data_dir: Path) -> None:
    store = SQLiteStore(data_dir / "progress.db", notify=lambda m: None)
    store.record(make_attempt("q1", response=["a", "b"], correct=False, misconception="m1",
                              feedback="Not quite, \"really\"."))
    store.record(make_attempt("q1", response="ok", attempt=2, minutes=1))
    store.record(make_attempt("q1", learner="bob", response="bob's"))
    store.close()


def test_export_csv_to_stdout_is_this_learners_answers(data_dir: Path, capsys) -> None:
    _seed(data_dir)
    assert main(["progress", "export"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["learner"] for r in rows] == ["ann", "ann"]
    assert json.loads(rows[0]["response"]) == ["a", "b"]
    assert rows[0]["feedback"] == 'Not quite, "really".'
    assert (rows[0]["correct"], rows[0]["misconception"]) == ("no", "m1")
    assert "exported 2 answer(s) by ann" in err


def test_export_json_to_file(data_dir: Path, tmp_path: Path) -> None:
    _seed(data_dir)
    target = tmp_path / "mine.json"
    assert main(["progress", "export", "--format", "json", "--output", str(target)]) == 0
    attempts = json.loads(target.read_text())["attempts"]
    assert [a["response"] for a in attempts] == [["a", "b"], "ok"]
    assert attempts[1]["correct"] is True


def test_export_with_no_database_yet(data_dir: Path, capsys) -> None:
    assert main(["progress", "export"]) == 0
    out, _ = capsys.readouterr()
    assert out.strip().startswith("learner,lesson,question")
    assert not (data_dir / "progress.db").exists()  # exporting never creates the file


def test_export_to_unwritable_place_is_a_message(data_dir: Path, tmp_path: Path, capsys) -> None:
    _seed(data_dir)
    code = main(["progress", "export", "--output", str(tmp_path / "missing" / "x.csv")])
    assert code == 1
    assert "cannot write" in capsys.readouterr().err


def test_bad_format_is_refused(data_dir: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["progress", "export", "--format", "xlsx"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_reset_asks_and_keeps_a_backup(data_dir: Path, monkeypatch, capsys) -> None:
    _seed(data_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["progress", "reset"]) == 1
    assert "nothing deleted" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert main(["progress", "reset"]) == 0
    err = capsys.readouterr().err
    assert "deleted 2 answer(s) by ann" in err
    backup = Path(err.split("A backup copy is at ")[1].strip().rstrip("."))
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 3
    with sqlite3.connect(data_dir / "progress.db") as conn:
        assert conn.execute("SELECT learner FROM attempts").fetchall() == [("bob",)]


def test_reset_yes_skips_the_question(data_dir: Path, monkeypatch, capsys) -> None:
    _seed(data_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nobody there to answer
    assert main(["progress", "reset", "--yes"]) == 0
    assert "backup copy" in capsys.readouterr().err


def test_export_in_a_separate_process(data_dir: Path) -> None:
    _seed(data_dir)
    env = {**os.environ, "MEDIALIT_DATA_DIR": str(data_dir), "MEDIALIT_LEARNER": "bob"}
    done = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "progress", "export", "--format", "json"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [a["response"] for a in json.loads(done.stdout)["attempts"]] == ["bob's"]
