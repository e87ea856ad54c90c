"""``medialit report`` over folders as they come back from a class: links that loop,
named pipes, devices, names that are not UTF-8, learner names that a spreadsheet
would run, and a disk that fills up while the report is written."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from progress_helpers import fill_disk, make_attempt

from medialit.progress.csvcells import safe_cell
from medialit.progress.report_files import SUMMARY_MD
from medialit.progress.store import SQLiteStore

pytestmark = pytest.mark.slow

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _learner_db(path: Path, learner: str) -> None:
    store = SQLiteStore(path, notify=lambda m: None)
    store.record(make_attempt("q1", learner=learner, response="=1+1", correct=False))
    store.close()


def _report(*args: str | bytes, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("MEDIALIT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "medialit.cli", "report", *args], env=env,
                          capture_output=True, timeout=timeout)


def test_report_survives_odd_files_with_one_warning_each(tmp_path: Path) -> None:
    homes = tmp_path / "homes"
    _learner_db(homes / "ann" / "progress.db", '=HYPERLINK("http://evil.example","click")')
    odd = os.fsencode(homes) + b"/caf\xe9"
    os.makedirs(odd)
    _learner_db(Path(os.fsdecode(odd)) / "progress.db", "bob")
    os.symlink("loop.db", homes / "loop.db")
    os.mkfifo(homes / "pipe.db")
    os.symlink("/dev/zero", homes / "zero.db")
    out = tmp_path / "report"
    done = _report(str(homes), "--output", str(out), timeout=60)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, err
    assert "Traceback" not in err and "unexpected error" not in err
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 3, err
    assert any("loop.db" in w and "points back to itself" in w for w in warnings)
    assert any("pipe.db" in w and "named pipe" in w for w in warnings)
    assert any("zero.db" in w and "device" in w for w in warnings)
    with open(out / "learners.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = sorted(r["learner"] for r in rows)
    assert names == ["'=HYPERLINK(\"http://evil.example\",\"click\")", "bob"]  # not a formula
    assert any("caf\ufffd" in r["database"] for r in rows)
    summary = (out / SUMMARY_MD).read_text(encoding="utf-8")
    assert "2 learner(s)" in summary and summary.count("; skipped") == 3


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_are_neutralised(start: str) -> None:
    assert safe_cell(f"{start}SUM(A1)") == f"'{start}SUM(A1)"
    assert safe_cell("plain") == "plain" and safe_cell(-3) == -3


def test_full_disk_while_writing_never_leaves_an_empty_report(
    small_disk: Path, tmp_path: Path
) -> None:
    _learner_db(tmp_path / "homes" / "ann" / "progress.db", "ann")
    out = small_disk / "report"
    done = _report(str(tmp_path / "homes"), "--output", str(out))
    assert done.returncode == 0, done.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert all(before.values())
    fill_disk(small_disk)
    done = _report(str(tmp_path / "homes"), "--output", str(out))
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1 and "cannot write the report" in err and "Traceback" not in err
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # each file is the old one, whole: none empty, none half-written


def test_a_learners_export_is_neutralised_too() -> None:
    import io

    from medialit.progress.export import write_csv

    out = io.StringIO()
    write_csv([make_attempt(learner="=1+1", feedback="@SUM(A1)")], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["learner"] == "'=1+1" and row["feedback"] == "'@SUM(A1)"
