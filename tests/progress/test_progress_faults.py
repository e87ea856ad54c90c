"""What classrooms do to a progress file, done for real: other processes, kill -9,
a full disk, damaged bytes, files from newer and older versions."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from progress_helpers import make_attempt

from medialit.progress import schema
from medialit.progress.store import SQLiteStore

pytestmark = pytest.mark.slow


def _quiet(path: Path) -> SQLiteStore:
    return SQLiteStore(path, notify=lambda message: None)


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM attempts").fetchone()[0]


def _answer_many(path: str, learner: str, n: int, start: multiprocessing.Event) -> None:
    start.wait(10)
    store = SQLiteStore(Path(path), notify=lambda message: None)
    for i in range(n):
        store.record(make_attempt(f"q{i % 7}", learner=learner, response=i, attempt=i + 1))
    # A click waits at most CLICK_BUDGET_S for the lock; what could not be written by then
    # is saved by the background thread, without waiting for close().
    deadline = time.monotonic() + 30
    while store.pending and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store.pending == 0, "every answer should reach the file"
    store.close()


def test_notebooks_answering_at_once_lose_nothing(data_dir: Path) -> None:
    path = data_dir / "progress.db"
    _quiet(path).close()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    n, learners = 150, ["k1", "k2", "k3", "k4"]
    kernels = [ctx.Process(target=_answer_many, args=(str(path), who, n, start))
               for who in learners]
    for kernel in kernels:
        kernel.start()
    start.set()
    for kernel in kernels:
        kernel.join(120)
        assert kernel.exitcode == 0
    with sqlite3.connect(path) as conn:
        for who in learners:
            responses = [json.loads(r) for (r,) in conn.execute(
                "SELECT response FROM attempts WHERE learner = ? ORDER BY id", (who,))]
            assert responses == list(range(n))  # all there, each once, in order
    assert not list((data_dir / "pending").glob("*.jsonl"))


CHILD = textwrap.dedent(
    """
    import sys
    from datetime import datetime, UTC
    from pathlib import Path
    from medialit.progress.attempts import Attempt
    from medialit.progress.store import SQLiteStore
    store = SQLiteStore(Path(sys.argv[1]), notify=lambda m: None)
    i = 0
    while True:
        store.record(Attempt("ann", "01-provenance", f"q{i % 5}", i, i % 2 == 0, 1.0, i + 1,
                             feedback="x" * 500))
        print(i, flush=True)  # only after record() returned: this answer is committed
        i += 1
    """
)


def test_kernel_killed_mid_write_keeps_every_committed_answer(data_dir: Path) -> None:
    path = data_dir / "progress.db"
    data_dir.mkdir(parents=True)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    committed = -1
    assert child.stdout is not None
    for line in child.stdout:
        committed = int(line)
        if committed >= 300:
            break
    os.kill(child.pid, signal.SIGKILL)  # while it is in the middle of the next write
    child.wait(10)
    assert child.returncode == -signal.SIGKILL

    store = _quiet(path)  # opens, finds nothing to repair
    assert store.notices == [] and store.set_aside is None
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT response FROM attempts ORDER BY id").fetchall()
    saved = [json.loads(r) for (r,) in rows]
    assert saved[: committed + 1] == list(range(committed + 1))
    assert len(saved) - (committed + 1) in (0, 1)  # at most the one being written, whole
    store.close()


def test_full_disk_keeps_answers_aside_and_saves_them_later(data_dir: Path) -> None:
    notices: list[str] = []
    path = data_dir / "progress.db"
    store = SQLiteStore(path, notify=notices.append)
    store.record(make_attempt("q0", response=0))
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
    for i in range(1, 20):
        store.record(make_attempt(f"q{i}", response=i, feedback="y" * 2000))
    assert store.pending > 0
    assert any("disk is full" in n for n in notices), notices
    assert sum("disk is full" in n for n in notices) == 1  # told once, not per answer
    last = store.last_attempt("ann", "02-claims", "q19")
    assert last is not None and last.response == 19  # the quiz still shows it
    spills = list((data_dir / "pending").glob("*.jsonl"))
    assert len(spills) == 1
    spilled = [json.loads(line)["response"] for line in spills[0].read_text().splitlines()]
    assert len(spilled) == store.pending

    # Space comes back: the next answer saves everything kept aside, in order.
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    store.record(make_attempt("q20", response=20))
    assert store.pending == 0 and not spills[0].exists()
    assert any("now saved" in n for n in notices)
    with sqlite3.connect(path) as conn:
        kept = sorted(int(r) for (r,) in conn.execute("SELECT response FROM attempts"))
    assert kept == list(range(21))
    store.close()


def test_answers_spilled_by_a_kernel_that_died_are_saved_by_the_next(data_dir: Path) -> None:
    path = data_dir / "progress.db"
    store = _quiet(path)
    store._conn.execute("PRAGMA max_page_count = 1")
    for i in range(5):
        store.record(make_attempt(f"q{i}", response=i, feedback="z" * 3000))
    assert store.pending >= 3  # the first may still fit in a free page
    # The kernel dies without a chance to retry: only the spill file remains.
    import atexit

    atexit.unregister(store._at_exit)
    store._conn.close()
    notices: list[str] = []
    nxt = SQLiteStore(path, notify=notices.append)
    assert sorted(a.response for a in nxt.attempts("ann")) == list(range(5))
    assert not list((data_dir / "pending").glob("*.jsonl"))
    assert any("now saved" in n for n in notices)
    # A second kernel importing the same file again would not duplicate anything.
    nxt.close()


def _fill(path: Path, n: int = 200) -> None:
    store = _quiet(path)
    for i in range(n):
        store.record(make_attempt(f"q{i}", response=i, feedback="w" * 300))
    store.close()


def test_damaged_header_is_kept_aside_and_learner_told(data_dir: Path) -> None:
    path = data_dir / "progress.db"
    _fill(path, 5)
    damaged = os.urandom(100) + path.read_bytes()[100:]
    path.write_bytes(damaged)
    notices: list[str] = []
    store = SQLiteStore(path, notify=notices.append)
    assert store.set_aside is not None
    assert store.set_aside.name.startswith("progress.db.corrupt-")
    assert store.set_aside.read_bytes() == damaged  # the copy is exactly what was there
    assert len(notices) == 1 and str(store.set_aside) in notices[0]
    assert "damaged" in notices[0]
    store.record(make_attempt("new"))
    assert [a.question for a in store.attempts()] == ["new"]
    store.close()


def test_damaged_page_is_detected_and_readable_rows_kept(data_dir: Path) -> None:
    path = data_dir / "progress.db"
    _fill(path, 400)
    size = path.stat().st_size
    page = 4096
    assert size > 20 * page
    with open(path, "r+b") as handle:  # wreck one table page in the middle of the file
        handle.seek((size // page // 2) * page)
        handle.write(os.urandom(page))
    notices: list[str] = []
    store = SQLiteStore(path, notify=notices.append)
    assert store.set_aside is not None and store.set_aside.exists()
    assert str(store.set_aside) in notices[0]
    saved = store.attempts()
    assert 0 < len(saved) < 400  # what could be read was kept
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_not_our_file_is_kept_aside(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "progress.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    notices: list[str] = []
    store = SQLiteStore(path, notify=notices.append)
    assert store.set_aside is not None and store.set_aside.name.startswith("progress.db.foreign-")
    with sqlite3.connect(store.set_aside) as conn:
        assert conn.execute("SELECT count(*) FROM recipes").fetchone()[0] == 0
    store.close()


def test_newer_file_is_never_written(data_dir: Path) -> None:
    path = data_dir / "progress.db"
    _fill(path, 3)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 7")
    before = path.read_bytes(), path.stat().st_mtime_ns
    notices: list[str] = []
    store = SQLiteStore(path, notify=notices.append)
    assert store.read_only
    assert "newer version" in notices[0] and "untouched" in notices[0]
    assert store.last_attempt("ann", "02-claims", "q2").response == 2  # still shown
    store.record(make_attempt("q9", response=9))
    store.set_learner_name("Mina")
    assert store.last_attempt("ann", "02-claims", "q9").response == 9
    assert store.learner_name() == "Mina"
    with pytest.raises(PermissionError):
        store.reset("ann")
    store.close()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    spilled = [json.loads(line) for f in (data_dir / "pending").glob("*.jsonl")
               for line in f.read_text().splitlines()]
    assert [row["response"] for row in spilled] == ["9"]  # waiting for a newer medialit


V1_FIXTURE = """
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY, learner TEXT NOT NULL, lesson TEXT NOT NULL,
    question TEXT NOT NULL, response TEXT NOT NULL, correct INTEGER NOT NULL,
    score REAL NOT NULL, attempt INTEGER NOT NULL, feedback TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO attempts (learner, lesson, question, response, correct, score, attempt, feedback, at)
VALUES ('ann', '01-provenance', 'wire', '"Reuters"', 1, 1.0, 1, '', '2024-10-24T09:00:00+00:00'),
       ('ann', '01-provenance', 'date', '"2024-10-23"', 0, 0.0, 1, 'Look at the dateline.',
        '2024-10-24T09:01:00+00:00');
INSERT INTO settings VALUES ('learner_name', 'Ann');
PRAGMA application_id = 1296845140;
PRAGMA user_version = 1;
"""


def test_version_1_file_migrates_forward(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "progress.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_FIXTURE)
    store = _quiet(path)
    with sqlite3.connect(path) as conn:
        assert schema.user_version(conn) == 2
        columns = schema.table_columns(conn, "attempts")
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(attempts)")}
    assert {"misconception", "uid"} <= columns
    assert {"attempts_last", "attempts_uid"} <= indexes
    old = store.last_attempt("ann", "01-provenance", "date")
    assert old is not None and old.feedback == "Look at the dateline." and old.misconception is None
    assert store.learner_name() == "Ann"
    store.record(make_attempt("date", lesson="01-provenance", attempt=2, misconception="m"))
    assert store.attempt_count("ann", "01-provenance", "date") == 2
    store.close()
    backup = data_dir / "progress.db.v1-backup"
    with sqlite3.connect(backup) as conn:
        assert schema.user_version(conn) == 1
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
