"""Faults made for real, outside SQLite's own knobs: another process holding the
write lock, a small filesystem that really fills up, a filesystem mounted read-only.

Mounting needs root (CI runs as root); elsewhere those tests are skipped with the
reason, and the full-disk case still runs under a file-size limit (RLIMIT_FSIZE)
in a child process.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from progress_helpers import ROOT, fill_disk, make_attempt

from medialit.progress.sink import save_answers, set_sink
from medialit.progress.spill import read_rows, spill_dirs, spill_files
from medialit.progress.store import CLICK_BUDGET_S, SQLiteStore

pytestmark = pytest.mark.slow

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _env(data: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, "MEDIALIT_DATA_DIR": str(data),
            "MEDIALIT_LEARNER": "ann", "XDG_CACHE_HOME": str(cache)}


def _saved(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return sorted(int(r) for (r,) in conn.execute("SELECT response FROM attempts"))


def _no_empty_files(folder: Path) -> None:
    empty = [p for p in folder.rglob("*.jsonl") if p.stat().st_size == 0]
    assert not empty, f"a spill file was left empty: {empty}"


# --------------------------------------------------------------------- a held lock
HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")  # as a teacher's sqlite3 shell or a backup tool would
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("COMMIT")
    """
)


@contextlib.contextmanager
def held_lock(path: Path) -> Iterator[subprocess.Popen]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield holder
    finally:
        release(holder)


def release(holder: subprocess.Popen) -> None:
    if holder.poll() is None:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(10)


def test_lock_held_by_another_process_never_freezes_a_click(data_dir: Path) -> None:
    path = data_dir / "progress.db"
    first = SQLiteStore(path, notify=lambda m: None)
    first.record(make_attempt("q0", response=0))
    first.close()
    notices: list[str] = []
    with held_lock(path) as holder:
        started = time.monotonic()
        store = SQLiteStore(path, notify=notices.append)  # a kernel starts under the lock
        assert time.monotonic() - started < 1.5
        assert not store.read_only
        assert store.last_attempt("ann", "02-claims", "q0").response == 0  # earlier answer shown
        clicks = []
        for i in range(1, 8):
            started = time.monotonic()
            store.record(make_attempt(f"q{i}", response=i))
            clicks.append(time.monotonic() - started)
            assert store.last_attempt("ann", "02-claims", f"q{i}").response == i
        assert max(clicks) < CLICK_BUDGET_S + 0.5, clicks
        (busy,) = [n for n in notices if "Another program is using" in n]
        (kept,) = spill_files(path)
        assert f"kept in {kept}" in busy  # the notice names the very file...
        assert [r["response"] for r in read_rows(kept)] == [str(i) for i in range(1, 8)]
        release(holder)
        deadline = time.monotonic() + 10  # ...and the background thread empties it
        while store.pending and time.monotonic() < deadline:
            time.sleep(0.05)
    assert store.pending == 0
    assert _saved(path) == list(range(8))
    assert not list(spill_files(path))
    assert any("now saved" in n for n in notices)
    store.close()


KERNEL = textwrap.dedent(
    """
    import sys
    from medialit.progress.sink import current_sink
    from progress_helpers import ROOT, fill_disk, make_attempt
    sink = current_sink()
    for i in range(int(sys.argv[1]), int(sys.argv[2])):
        sink.record(make_attempt(f"q{i}", response=i, feedback="y" * 2000))
    print("answered", sink.pending, flush=True)
    """
)


def _kernel(data: Path, cache: Path, start: int, stop: int,
            limit: int | None = None) -> subprocess.CompletedProcess:
    """A kernel in its own process that answers, then stops (its atexit hooks run)."""
    code = KERNEL
    if limit is not None:  # a file-size limit: writes past it fail with EFBIG
        code = (f"import resource, signal\nsignal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
                f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n") + code
    env = _env(data, cache)
    env["PYTHONPATH"] = os.pathsep.join([SRC, str(Path(__file__).parent)])
    return subprocess.run([sys.executable, "-c", code, str(start), str(stop)], env=env,
                          capture_output=True, text=True, timeout=120)


def test_kernel_stopping_while_the_lock_is_held_loses_nothing(data_dir: Path,
                                                              own_cache_dir: Path) -> None:
    path = data_dir / "progress.db"
    SQLiteStore(path, notify=lambda m: None).close()
    with held_lock(path):
        done = _kernel(data_dir, own_cache_dir, 0, 4)
        assert done.returncode == 0, done.stderr
        assert "answered 4" in done.stdout
        (kept,) = spill_files(path)
        assert f"they are kept in {kept}" in done.stderr
        assert len(read_rows(kept)) == 4
    store = SQLiteStore(path, notify=lambda m: None)  # the next kernel saves them
    assert _saved(path) == [0, 1, 2, 3]
    assert not list(spill_files(path))
    store.close()


# --------------------------------------------------------------------- a full disk
def test_full_disk_spills_to_another_filesystem_and_the_next_kernel_saves_it(
    small_disk: Path, own_cache_dir: Path
) -> None:
    data = small_disk / "medialit"
    SQLiteStore(data / "progress.db", notify=lambda m: None).close()
    filler = fill_disk(small_disk)
    done = _kernel(data, own_cache_dir, 0, 12)  # answers, then stops with the disk still full
    assert done.returncode == 0, done.stderr
    assert "disk is full" in done.stderr
    kept = sorted(spill_files(data / "progress.db"))
    assert kept and all(k.is_relative_to(own_cache_dir) for k in kept)  # not on the full disk
    for spill in kept:
        assert f"kept in {spill}" in done.stderr
    _no_empty_files(small_disk)
    filler.unlink()  # space comes back
    notices: list[str] = []
    store = SQLiteStore(data / "progress.db", notify=notices.append)
    assert _saved(data / "progress.db") == list(range(12))
    assert not list(spill_files(data / "progress.db"))
    assert any("now saved" in n for n in notices)
    store.close()


def test_full_disk_and_nowhere_else_to_write_says_answers_will_be_lost(
    small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = small_disk / "medialit"
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(data))
    monkeypatch.setenv("MEDIALIT_LEARNER", "ann")
    monkeypatch.setenv("XDG_CACHE_HOME", str(small_disk / "cache"))  # the same full disk
    monkeypatch.setattr(tempfile, "tempdir", str(small_disk / "tmp"))
    assert all(d.is_relative_to(small_disk) for d in spill_dirs(data / "progress.db"))
    notices: list[str] = []
    store = SQLiteStore(data / "progress.db", notify=notices.append)
    set_sink(store)
    try:
        fill_disk(small_disk)
        for i in range(10):
            store.record(make_attempt(f"q{i}", response=i, feedback="y" * 2000))
        (lost,) = [n for n in notices if "lost when the kernel stops" in n]
        assert "save_answers(" in lost and "medialit progress export --output" in lost
        assert not any("kept in" in n for n in notices)  # no notice names a file it is not in
        _no_empty_files(small_disk)
        rescued = save_answers(tmp_path / "answers.csv")  # what the notice says to do
        lines = rescued.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 + 10
    finally:
        set_sink(None)
        atexit_free(store)


def atexit_free(store: SQLiteStore) -> None:
    import atexit

    atexit.unregister(store._at_exit)
    store._closed.set()


@pytest.mark.skipif(ROOT, reason="as root the tmpfs tests above cover a full disk")
def test_file_size_limit_spills_and_the_next_kernel_saves_it(data_dir: Path,
                                                            own_cache_dir: Path) -> None:
    path = data_dir / "progress.db"
    SQLiteStore(path, notify=lambda m: None).close()
    limit = path.stat().st_size + 8192
    done = _kernel(data_dir, own_cache_dir, 0, 12, limit=limit)
    assert done.returncode == 0, done.stderr
    assert list(spill_files(path)), done.stderr  # the limit was really hit
    for spill in spill_files(path):
        assert f"kept in {spill}" in done.stderr and spill.stat().st_size > 0
    SQLiteStore(path, notify=lambda m: None).close()
    assert _saved(path) == list(range(12))


# --------------------------------------------------------------- a read-only disk
def test_read_only_disk_shows_earlier_answers_and_keeps_new_ones(
    small_disk: Path, own_cache_dir: Path
) -> None:
    path = small_disk / "medialit" / "progress.db"
    store = SQLiteStore(path, notify=lambda m: None)
    for i in range(3):
        store.record(make_attempt(f"q{i}", response=i))
    store.close()
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)],
                             capture_output=True, text=True)
    assert remount.returncode == 0, remount.stderr
    notices: list[str] = []
    try:
        store = SQLiteStore(path, notify=notices.append)
        assert store.read_only
        assert "cannot be written" in notices[0] and "earlier answers are still shown" in notices[0]
        assert [a.response for a in store.attempts("ann")] == [0, 1, 2]
        store.record(make_attempt("q3", response=3))
        assert store.last_attempt("ann", "02-claims", "q3").response == 3
        (kept,) = spill_files(path)
        assert kept.is_relative_to(own_cache_dir) and f"kept in {kept}" in notices[-1]
        store.close()
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], capture_output=True)
    SQLiteStore(path, notify=lambda m: None).close()  # writable again: the answer is saved
    assert _saved(path) == [0, 1, 2, 3]
