"""The class report: numbers from hand-made attempts, and the files from a folder of
synthetic learner databases, read without changing a byte."""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest
from progress_helpers import make_attempt, tree_state

from medialit.cli import main
from medialit.progress.collect import collect
from medialit.progress.report import LearnerAnswers, build_report
from medialit.progress.store import SQLiteStore


def _learners() -> list[LearnerAnswers]:
    src = Path("x.db")
    return [
        LearnerAnswers(src, "ann", [make_attempt("q1", learner="ann"),
                                    make_attempt("q2", learner="ann", response="B", correct=False,
                                                 misconception="attribution-as-proof")]),
        LearnerAnswers(src, "bob", [
            make_attempt("q1", learner="bob", response="B", correct=False,
                         misconception="attribution-as-proof"),
            make_attempt("q1", learner="bob", attempt=2, minutes=1),
        ]),
        LearnerAnswers(src, "cy", [
            make_attempt("q1", learner="cy", response="B", correct=False),
            make_attempt("q1", learner="cy", response="C", correct=False, attempt=2),
        ]),
    ]


def test_report_numbers() -> None:
    report = build_report(
        _learners(),
        totals={"02-claims": ("Claims", 4)},
        misconceptions={"attribution-as-proof": "Attribution is not proof"},
    )
    q1 = next(q for q in report.questions if q.question == "q1")
    assert (q1.tried, q1.right_first, q1.right_eventually) == (3, 1, 2)
    assert q1.share_first == pytest.approx(1 / 3)
    wrong_q1 = [w for w in report.wrong_answers if w.question == "q1"]
    assert [(w.response, w.learners) for w in wrong_q1] == [('"B"', 2), ('"C"', 1)]
    assert wrong_q1[0].misconception_name == "Attribution is not proof"
    assert wrong_q1[1].misconception is None
    by_name = {r.learner: r for r in report.learners}
    assert (by_name["ann"].answered, by_name["ann"].right, by_name["ann"].total) == (2, 1, 4)
    assert by_name["cy"].completion == pytest.approx(0.25)


def _class_folder(root: Path) -> dict[str, Path]:
    """Home folders as collected from a hub: three learners plus things that are not ours."""
    answers = {
        "ann": [("q1", "A", True), ("q2", "B", True)],
        "bob": [("q1", "B", False), ("q1", "A", True)],
        "cy": [("q1", "B", False)],
    }
    dbs = {}
    for name, given in answers.items():
        folder = root / name / ".local" / "share" / "medialit"
        store = SQLiteStore(folder / "progress.db", notify=lambda m: None)
        for n, (question, response, correct) in enumerate(given):
            store.record(make_attempt(question, learner=name, response=response,
                                      correct=correct, attempt=n + 1, minutes=n,
                                      misconception=None if correct else "numbers-as-facts"))
        store.close()
        dbs[name] = folder / "progress.db"
    (root / "ann" / "notes.db").write_text("not a database at all")
    with sqlite3.connect(root / "bob" / "other.db") as conn:
        conn.execute("CREATE TABLE nbsignatures (id INTEGER, sig TEXT)")
    return dbs


def test_report_from_folders_writes_csv_and_png(tmp_path: Path, monkeypatch, capsys) -> None:
    course = tmp_path / "course"
    (course / "lessons").mkdir(parents=True)
    (course / "course.yaml").write_text("title: t\n")
    (course / "lessons" / "misconceptions.yaml").write_text(
        "misconceptions:\n  - id: numbers-as-facts\n    name: A number is not a fact\n"
        "    description: d\n"
    )
    monkeypatch.setenv("MEDIALIT_COURSE_ROOT", str(course))
    homes = tmp_path / "homes"
    _class_folder(homes)
    before = tree_state(homes)
    out = tmp_path / "report"
    assert main(["report", str(homes), "--output", str(out)]) == 0
    assert tree_state(homes) == before  # read-only: no byte, no mtime, no new file
    err = capsys.readouterr().err
    assert err.count("warning:") == 2
    assert "notes.db: not a SQLite database" in err
    assert "other.db: SQLite, but not a medialit progress database" in err

    with open(out / "questions.csv", newline="") as handle:
        questions = {r["question"]: r for r in csv.DictReader(handle)}
    assert questions["q1"]["learners_tried"] == "3"
    assert (questions["q1"]["right_first"], questions["q1"]["right_eventually"]) == ("1", "2")
    with open(out / "wrong-answers.csv", newline="") as handle:
        wrong = list(csv.DictReader(handle))
    assert wrong[0]["wrong_answer"] == '"B"' and wrong[0]["learners"] == "2"
    assert wrong[0]["misconception_name"] == "A number is not a fact"
    with open(out / "learners.csv", newline="") as handle:
        learners = list(csv.DictReader(handle))
    assert [r["learner"] for r in learners] == ["ann", "bob", "cy"]
    assert (out / "questions.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Bar chart of 2 questions" in (out / "report.md").read_text()


def test_report_reads_a_database_left_with_its_wal(tmp_path: Path) -> None:
    """A kernel still running (or killed) leaves committed answers in the -wal file."""
    live = tmp_path / "live"
    store = SQLiteStore(live / "progress.db", notify=lambda m: None)
    store.record(make_attempt("q1"))
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(live / "progress.db", copy / "progress.db")
    shutil.copy(live / "progress.db-wal", copy / "progress.db-wal")
    store.close()
    db_bytes = (copy / "progress.db").read_bytes()
    found = collect([copy])
    assert found.warnings == []
    assert [a.question for a in found.learners[0].attempts] == ["q1"]
    assert (copy / "progress.db").read_bytes() == db_bytes


def test_unreadable_and_damaged_files_get_one_warning_each(tmp_path: Path) -> None:
    homes = tmp_path / "homes"
    dbs = _class_folder(homes)
    damaged = homes / "dee" / "progress.db"
    damaged.parent.mkdir()
    damaged.write_bytes(dbs["ann"].read_bytes()[:100] + os.urandom(8000))
    found = collect([homes, tmp_path / "missing"])
    assert sorted(a.learner for a in found.learners) == ["ann", "bob", "cy"]
    assert len(found.warnings) == 4, found.warnings
    assert any("missing: no such file or folder" in w for w in found.warnings)
    assert any(str(damaged) in w for w in found.warnings)


def _report_as_ordinary_user(argv: list[str], err_file: Path) -> int:
    """Root reads any file, so under root the report runs in a forked child that has
    dropped to ``nobody``; everything it needs is imported before the fork because the
    interpreter's own files may sit in a folder only root can open."""
    import io
    import pickle  # noqa: F401  (used by matplotlib's PNG writer chain)

    from medialit.cli import build_parser
    from medialit.progress import report_files  # noqa: F401
    from medialit.progress.chart import bar_chart
    from medialit.progress.commands import _course_totals

    build_parser()
    _course_totals()

    bar_chart(["x"], [("s", [1.0], "#000000", "")], 1, "x", "{:.0f}", "t").savefig(io.BytesIO())
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            os.setgid(65534)
            os.setuid(65534)
            sys.stderr = io.StringIO()
            code = main(argv)
        except BaseException:
            import traceback

            sys.stderr.write(traceback.format_exc())
        finally:
            with contextlib.suppress(OSError):
                err_file.write_text(sys.stderr.getvalue())
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_permission_denied_is_a_warning(tmp_path: Path, capsys) -> None:
    as_root = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="medialit-perm-")) if as_root else tmp_path
    try:
        base.chmod(0o755)
        homes = base / "homes"
        dbs = _class_folder(homes)
        dbs["cy"].chmod(0)
        out = base / "out"
        out.mkdir()
        out.chmod(0o777)
        argv = ["report", str(homes), "-o", str(out / "report")]
        if as_root:
            code = _report_as_ordinary_user(argv, out / "stderr.txt")
            err = (out / "stderr.txt").read_text() if (out / "stderr.txt").exists() else ""
        else:
            code = main(argv)
            err = capsys.readouterr().err
        assert code == 0, err
        assert f"{dbs['cy']}: cannot be read (Permission denied)" in err
        with open(out / "report" / "learners.csv", newline="") as handle:
            assert [r["learner"] for r in csv.DictReader(handle)] == ["ann", "bob"]
    finally:
        if as_root:
            shutil.rmtree(base, ignore_errors=True)


def test_no_databases_is_a_clear_message(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["report", str(tmp_path / "empty"), "-o", str(tmp_path / "r")]) == 1
    assert "no learner progress databases found" in capsys.readouterr().err
