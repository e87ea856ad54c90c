"""The progress database's tables, its version number and the steps between versions.

``PRAGMA user_version`` holds the schema version and ``PRAGMA application_id``
marks the file as ours, so a class report can tell a learner's database from any
other SQLite file in a home folder. Each migration moves exactly one version
forward inside one transaction; a database written by a newer medialit is never
touched (see :mod:`medialit.progress.store`).

History:
  1. ``attempts`` (no misconception) and ``settings``.
  2. ``attempts.misconception``; ``attempts.uid`` (unique, so an answer replayed
     from a spill file is stored once); an index for "last attempt" look-ups.

Every version from 2 on must keep importing ``pending/*.jsonl`` spill files on
open: that is how answers given to an older medialit reach a newer database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x4D4C4954  # "MLIT"
SCHEMA_VERSION = 2

V1_DDL = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    learner TEXT NOT NULL,
    lesson TEXT NOT NULL,
    question TEXT NOT NULL,
    response TEXT NOT NULL,
    correct INTEGER NOT NULL,
    score REAL NOT NULL,
    attempt INTEGER NOT NULL,
    feedback TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE attempts ADD COLUMN misconception TEXT")
    conn.execute("ALTER TABLE attempts ADD COLUMN uid TEXT")
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS attempts_uid ON attempts(uid)")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS attempts_last ON attempts(learner, lesson, question, id)"
    )


# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2}

# Columns a reader needs; a report accepts any table that has at least these.
REQUIRED_COLUMNS = frozenset(
    {"learner", "lesson", "question", "response", "correct", "score", "attempt", "at"}
)


def create_v1(conn: sqlite3.Connection) -> None:
    """Version 1 from scratch; new databases are created this way and then migrated,
    so the migration path is exercised by every fresh install, not only by old files."""
    # Statement by statement: executescript() would commit the caller's transaction.
    for statement in V1_DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def table_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def is_ours(conn: sqlite3.Connection) -> bool:
    """Marked with our application id, or (files from before it) shaped like ours."""
    if application_id(conn) == APPLICATION_ID:
        return True
    return table_columns(conn, "attempts") >= REQUIRED_COLUMNS


def migrate(conn: sqlite3.Connection) -> tuple[int, int]:
    """Bring an empty or older database to :data:`SCHEMA_VERSION`; returns (from, to).

    Runs under ``BEGIN IMMEDIATE`` so two kernels opening an old file at once
    migrate it once: the second waits, then sees the new version and does nothing.
    The caller must have checked that the file is not from a newer version. A file
    already at :data:`SCHEMA_VERSION` is only read: another process may hold the write
    lock for minutes (a teacher's ``sqlite3`` shell, a backup), and opening must not wait.
    """
    current = user_version(conn)
    if current == SCHEMA_VERSION:
        return current, current
    conn.execute("BEGIN IMMEDIATE")
    try:
        start = version = user_version(conn)
        if version == 0:
            create_v1(conn)
            version = 1
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return start, version
