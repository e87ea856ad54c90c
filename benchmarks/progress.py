"""Progress store and class report: speed as ratios to bare SQLite measured in the same run.

* answers recorded per second by one process, and by four processes writing the same
  file at once, against a bare insert loop with one commit per insert (same journal
  mode and synchronous setting, so the ratio is the store's own overhead);
* the class report for 300 learners x 60 answers (synthetic databases in a temp dir),
  against a bare read of every row of every file;
* a click's worst-case latency while another process holds the write lock (a
  ``sqlite3`` shell in ``BEGIN IMMEDIATE``, started before the kernel opens the store):
  the slowest of 10 ``record`` calls, against the median unlocked ``record`` call.

Run: ``.venv/bin/python benchmarks/progress.py`` (also part of ``make bench``).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

from medialit.progress.attempts import Attempt
from medialit.progress.collect import collect, connect_read_only
from medialit.progress.report import build_report
from medialit.progress.report_files import write_report
from medialit.progress.rows import to_row
from medialit.progress.store import SQLiteStore

ANSWERS = 1500
WRITERS = 4
LEARNERS = 300
PER_LEARNER = 60
T0 = datetime(2024, 11, 1, tzinfo=UTC)


def attempt(i: int, learner: str = "ann") -> Attempt:
    return Attempt(learner, f"0{i % 7}-lesson", f"q{i % 60}", {"choice": i % 4}, i % 3 == 0,
                   1.0 if i % 3 == 0 else 0.0, i // 60 + 1, "m" if i % 3 else None,
                   "feedback text", T0 + timedelta(seconds=i))


def bare_inserts(path: Path, n: int) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (learner, lesson, question, response, correct, score, attempt,"
                 " misconception, feedback, at, uid)")
    rows = [to_row(attempt(i)) for i in range(n)]
    start = time.perf_counter()
    for row in rows:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t VALUES (:learner, :lesson, :question, :response, :correct,"
                     " :score, :attempt, :misconception, :feedback, :at, :uid)", row)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return n / elapsed


def store_inserts(path: Path, n: int) -> float:
    store = SQLiteStore(path, notify=lambda m: None)
    answers = [attempt(i) for i in range(n)]
    start = time.perf_counter()
    for a in answers:
        store.record(a)
    elapsed = time.perf_counter() - start
    store.close()
    return n / elapsed


def _writer(path: str, who: str, n: int, ready, go, out) -> None:
    store = SQLiteStore(Path(path), notify=lambda m: None)
    answers = [attempt(i, who) for i in range(n)]
    ready.release()
    go.wait()
    for a in answers:
        store.record(a)
    store.close()  # saves what a click left to the background thread
    out.put(store.pending)


def concurrent_inserts(path: Path, n: int, writers: int) -> float:
    SQLiteStore(path, notify=lambda m: None).close()
    ctx = multiprocessing.get_context("spawn")
    ready, go, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(path), f"k{w}", n, ready, go, out))
             for w in range(writers)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.acquire()
    start = time.perf_counter()
    go.set()
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - start
    pending = sum(out.get() for _ in procs)
    with sqlite3.connect(path) as conn:
        saved = conn.execute("SELECT count(*) FROM attempts").fetchone()[0]
    assert saved == n * writers and pending == 0, (saved, pending)
    return n * writers / elapsed


def make_class(root: Path) -> None:
    rng = random.Random(7)
    for k in range(LEARNERS):
        path = root / f"learner{k:03d}" / ".local" / "share" / "medialit" / "progress.db"
        store = SQLiteStore(path, notify=lambda m: None)
        rows = []
        for i in range(PER_LEARNER):
            q = rng.randrange(40)
            right = rng.random() < 0.6
            rows.append(to_row(Attempt(f"learner{k:03d}", f"0{q % 7}-lesson", f"q{q}",
                                       "right" if right else rng.choice("ABC"), right,
                                       float(right), 1 + i // 40,
                                       None if right else "misc", "", T0)))
        store._insert_rows(store._conn, rows)
        store.close()


def bare_read(root: Path) -> float:
    start = time.perf_counter()
    total = 0
    for path in sorted(root.rglob("*.db")):
        conn = connect_read_only(path)
        total += len(conn.execute("SELECT * FROM attempts").fetchall())
        conn.close()
    assert total == LEARNERS * PER_LEARNER
    return time.perf_counter() - start


def report_time(root: Path, out: Path) -> tuple[float, float]:
    start = time.perf_counter()
    found = collect([root])
    report = build_report(found.learners)
    assert len(report.learners) == LEARNERS and not found.warnings
    middle = time.perf_counter()
    write_report(report, out)
    end = time.perf_counter()
    return middle - start, end - start


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""
CLICKS = 10


def click_latency(path: Path) -> tuple[float, float, float]:
    """(median unlocked click, worst click under a held lock, time to open under it), s."""
    import statistics
    import subprocess

    store = SQLiteStore(path, notify=lambda m: None)
    free = []
    for i in range(50):
        start = time.perf_counter()
        store.record(attempt(i))
        free.append(time.perf_counter() - start)
    store.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        start = time.perf_counter()
        store = SQLiteStore(path, notify=lambda m: None)
        opening = time.perf_counter() - start
        locked = []
        for i in range(CLICKS):
            start = time.perf_counter()
            store.record(attempt(1000 + i))
            locked.append(time.perf_counter() - start)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(10)
    store.close()
    with sqlite3.connect(path) as conn:
        saved = conn.execute("SELECT count(*) FROM attempts").fetchone()[0]
    assert saved == 50 + CLICKS, saved  # every click under the lock was saved afterwards
    return statistics.median(free), max(locked), opening


def best(fn, *args, repeat: int = 3) -> float:
    return max(fn(*args) for _ in range(repeat))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as tmp:
        base = Path(tmp)
        n = 0

        def fresh() -> Path:
            nonlocal n
            n += 1
            (base / f"w{n}").mkdir()
            return base / f"w{n}" / "progress.db"

        bare = best(lambda: bare_inserts(fresh(), ANSWERS))
        one = best(lambda: store_inserts(fresh(), ANSWERS))
        four = best(lambda: concurrent_inserts(fresh(), ANSWERS // 2, WRITERS), repeat=2)
        make_class(base / "homes")
        read = min(bare_read(base / "homes") for _ in range(3))
        runs = [report_time(base / "homes", base / f"report{i}") for i in range(3)]
        build = min(r[0] for r in runs)
        full = min(r[1] for r in runs)
        free_click, locked_click, locked_open = click_latency(fresh())

    print(f"sqlite {sqlite3.sqlite_version}, python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cpu(s)")
    print(f"{'measure':58} {'value':>12} {'ratio':>8}")
    print(f"{'baseline: bare insert + commit (WAL, synchronous=FULL)':58} "
          f"{bare:9.0f} /s {1.0:8.2f}")
    print(f"{'store.record, 1 process':58} {one:9.0f} /s {one / bare:8.2f}")
    print(f"{f'store.record, {WRITERS} processes at once (total)':58} "
          f"{four:9.0f} /s {four / bare:8.2f}")
    print(f"{f'baseline: bare read of {LEARNERS} x {PER_LEARNER} rows':58} "
          f"{read * 1000:9.0f} ms {1.0:8.2f}")
    print(f"{'report: find + read + compute':58} {build * 1000:9.0f} ms {build / read:8.2f}")
    print(f"{'report: ... + CSV + PNG chart + report.md':58} "
          f"{full * 1000:9.0f} ms {full / read:8.2f}")
    print(f"{'baseline: median click (record), no lock held':58} "
          f"{free_click * 1000:9.1f} ms {1.0:8.2f}")
    print(f"{f'worst of {CLICKS} clicks while another process holds the lock':58} "
          f"{locked_click * 1000:9.1f} ms {locked_click / free_click:8.2f}")
    print(f"{'opening the store while another process holds the lock':58} "
          f"{locked_open * 1000:9.1f} ms {locked_open / free_click:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
