"""Keeping a damaged or foreign database file aside instead of losing it.

The file is renamed, never deleted, to ``progress.db.<reason>-<timestamp>`` with
its ``-wal`` beside it, so a developer can still open it with ``sqlite3`` and any
row that can be read is copied into the fresh database. A lock file makes sure
that when two kernels find the same damage, only one of them moves it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from medialit.progress.schema import REQUIRED_COLUMNS, table_columns

try:  # POSIX; on Windows a rename of an open file fails anyway, which is safe.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

CORRUPT_NAMES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def is_corruption(error: BaseException) -> bool:
    return getattr(error, "sqlite_errorname", "") in CORRUPT_NAMES or (
        isinstance(error, sqlite3.DatabaseError)
        and ("malformed" in str(error) or "not a database" in str(error))
    )


@contextlib.contextmanager
def file_lock(db: Path) -> Iterator[None]:
    lock_path = db.with_name(db.name + ".lock")
    with open(lock_path, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def aside_name(db: Path, reason: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = db.with_name(f"{db.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = db.with_name(f"{db.name}.{reason}-{stamp}-{n}")
    return target


def set_aside(db: Path, reason: str) -> Path:
    """Rename ``db`` (and its -wal/-shm) to a timestamped name; returns the new path."""
    target = aside_name(db, reason)
    os.replace(db, target)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db) + suffix)
        if side.exists():
            with contextlib.suppress(OSError):
                os.replace(side, Path(str(target) + suffix))
    return target


def salvage_rows(path: Path) -> list[dict[str, Any]]:
    """Whatever attempt rows can still be read from a damaged file, oldest first."""
    rows: list[dict[str, Any]] = []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return rows
    try:
        conn.row_factory = sqlite3.Row
        if not table_columns(conn, "attempts") >= REQUIRED_COLUMNS:
            return rows
        for row in conn.execute("SELECT * FROM attempts ORDER BY rowid"):
            rows.append(dict(row))
    except sqlite3.Error:
        pass  # keep what was read before the damaged page
    finally:
        conn.close()
    return rows
