"""The learner's answers in a SQLite file that survives what classrooms do to it.

What can go wrong, and what this store does about it:

* Two notebooks answer at once (two kernels, two processes): WAL journal,
  ``busy_timeout`` and a few retries with back-off around every write.
* A kernel is killed in the middle of a write: one transaction per answer, so the
  file holds every committed answer and nothing half-written.
* The disk is full (or the file is locked for too long, or read-only): the answer
  is kept in memory and in a spill file under ``pending/``, the learner is told,
  and the next answer (or the end of the session) tries again.
* The file is damaged: it is renamed ``progress.db.corrupt-<timestamp>``, readable
  rows are copied into a fresh file, and the learner is told where the copy is.
* The file comes from a newer medialit: it is opened read-only and never written;
  new answers go to ``pending/`` where a newer medialit will pick them up.
* The file comes from an older medialit: it is copied aside and migrated forward.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from medialit.progress import recovery, schema
from medialit.progress.attempts import Attempt
from medialit.progress.notices import Notify, print_notice
from medialit.progress.rows import COLUMNS, from_row, parse_time, to_row

BUSY_TIMEOUT_MS = 5000
WRITE_RETRIES = 5
LEARNER_KEY = "learner_name"
PENDING_DIR = "pending"

_INSERT = (
    f"INSERT OR IGNORE INTO attempts ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in COLUMNS)})"
)
_SELECT = (
    "SELECT learner, lesson, question, response, correct, score, attempt, "
    "misconception, feedback, at FROM attempts"
)


class SQLiteStore:
    """An :class:`~medialit.progress.attempts.AnswerSink` backed by one SQLite file."""

    def __init__(self, path: Path | str, *, notify: Notify | None = None) -> None:
        self.path = Path(path)
        self.notices: list[str] = []
        self.read_only = False  # True when the file is from a newer medialit
        self.set_aside: Path | None = None  # where a damaged/foreign file was moved
        self._notify_out = notify or print_notice
        self._told: set[str] = set()
        self._lock = threading.RLock()
        self._pending: list[dict[str, Any]] = []
        self._spill_file = self.path.parent / PENDING_DIR / f"{uuid.uuid4().hex}.jsonl"
        self._memory_settings: dict[str, str] = {}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = self._open()
        if not self.read_only:
            self._import_spills()
        atexit.register(self._at_exit)

    # ------------------------------------------------------------------ opening
    def _connect(self, read_only: bool = False) -> sqlite3.Connection:
        if read_only:
            target = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(target, uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(
                str(self.path),
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = self._connect()
        try:
            problem = self._problem(conn)
        except sqlite3.DatabaseError as error:
            if not recovery.is_corruption(error):
                conn.close()
                raise
            problem = "corrupt"
        if problem == "newer":
            version = schema.user_version(conn)
            conn.close()
            self.read_only = True
            self._tell(
                "newer",
                f"Your progress file {self.path} was written by a newer version of "
                f"medialit (format {version}; this version knows format "
                f"{schema.SCHEMA_VERSION}). It is left untouched and your earlier answers "
                f"are still shown. New answers are kept in {self._spill_file.parent} and "
                "will be added when you update medialit (pip install -U medialit).",
            )
            return self._connect(read_only=True)
        if problem in ("corrupt", "foreign"):
            conn.close()
            return self._replace_damaged(problem)
        return self._prepare(conn)

    def _problem(self, conn: sqlite3.Connection) -> str | None:
        """'corrupt', 'foreign', 'newer' or None; raises DatabaseError on unreadable files."""
        version = schema.user_version(conn)
        if version > schema.SCHEMA_VERSION:
            return "newer" if schema.is_ours(conn) else "foreign"
        has_tables = conn.execute(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
        ).fetchone()[0]
        if has_tables and not schema.is_ours(conn):
            return "foreign"
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        return None if check == "ok" else "corrupt"

    def _replace_damaged(self, problem: str) -> sqlite3.Connection:
        with recovery.file_lock(self.path):
            # Another kernel may have replaced the file while this one waited.
            conn = self._connect()
            try:
                if self._problem(conn) is None:
                    return self._prepare(conn)
            except sqlite3.DatabaseError as error:
                if not recovery.is_corruption(error):
                    conn.close()
                    raise
            conn.close()
            aside = recovery.set_aside(self.path, problem)
            self.set_aside = aside
            conn = self._prepare(self._connect())
            rows = recovery.salvage_rows(aside) if problem == "corrupt" else []
            saved = self._insert_rows(conn, [_normalise(r) for r in rows]) if rows else 0
        what = (
            "was damaged" if problem == "corrupt" else "was not a medialit progress file"
        )
        kept = f" {saved} earlier answers could still be read and were kept." if rows else ""
        self._tell(
            problem,
            f"Your progress file {what}. A copy is kept at {aside}; a new, empty progress "
            f"file was started at {self.path}.{kept} Your teacher can look at the copy.",
        )
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("PRAGMA journal_mode = WAL")  # not possible on some network disks
        conn.execute("PRAGMA synchronous = FULL")
        version = schema.user_version(conn)
        if 0 < version < schema.SCHEMA_VERSION:
            backup = self.path.with_name(f"{self.path.name}.v{version}-backup")
            if not backup.exists():
                self._copy_to(conn, backup)
        schema.migrate(conn)
        return conn

    @staticmethod
    def _copy_to(conn: sqlite3.Connection, target: Path) -> None:
        dest = sqlite3.connect(str(target))
        try:
            conn.backup(dest)
        finally:
            dest.close()

    # ------------------------------------------------------------------ notices
    def _tell(self, kind: str, message: str) -> None:
        if kind in self._told:
            return
        self._told.add(kind)
        self.notices.append(message)
        self._notify_out(message)

    # ------------------------------------------------------------------ writing
    def _insert_rows(self, conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> int:
        """Insert in one transaction, retrying while another kernel holds the lock."""
        delay = 0.02
        for attempt in range(WRITE_RETRIES):
            try:
                conn.execute("BEGIN IMMEDIATE")
                before = conn.total_changes
                conn.executemany(_INSERT, rows)
                inserted = conn.total_changes - before
                conn.execute("COMMIT")
                return inserted
            except sqlite3.OperationalError as error:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                busy = getattr(error, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED")
                if not busy or attempt == WRITE_RETRIES - 1:
                    raise
                time.sleep(delay * (1 + random.random()))
                delay *= 2
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def record(self, attempt: Attempt) -> None:
        row = to_row(attempt)
        with self._lock:
            if self.read_only:
                self._spill(row)
                return
            self._flush_pending()
            try:
                self._insert_rows(self._conn, [row])
            except sqlite3.Error as error:
                self._write_failed(error, row)

    def _write_failed(self, error: sqlite3.Error, row: dict[str, Any]) -> None:
        name = getattr(error, "sqlite_errorname", "")
        if recovery.is_corruption(error):
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._told.discard("corrupt")
            try:
                self._conn = self._replace_damaged("corrupt")
                self._insert_rows(self._conn, [row])
                return
            except (sqlite3.Error, OSError) as again:
                error, name = again, getattr(again, "sqlite_errorname", "")  # type: ignore[assignment]
        where = self._spill(row)
        if name == "SQLITE_FULL":
            self._tell(
                "full",
                f"The disk is full, so your answer could not be saved in {self.path}. "
                f"It is kept {where} and will be saved as soon as there is space. "
                "Free some space (or ask your teacher) and keep going.",
            )
        elif name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            self._tell(
                "busy",
                f"Another notebook kept the progress file busy, so your answer is kept {where} "
                "for now; it will be saved with your next answer.",
            )
        else:
            self._tell(
                "write",
                f"Your answer could not be saved in {self.path} ({error}). It is kept "
                f"{where} and will be saved when the file can be written again.",
            )

    def _spill(self, row: dict[str, Any]) -> str:
        self._pending.append(row)
        try:
            self._spill_file.parent.mkdir(parents=True, exist_ok=True)
            with open(self._spill_file, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                handle.flush()
            return f"in memory and in {self._spill_file}"
        except OSError:
            return "in memory until this notebook is closed"

    def _flush_pending(self) -> bool:
        if not self._pending or self.read_only:
            return not self._pending
        try:
            self._insert_rows(self._conn, self._pending)
        except sqlite3.Error:
            return False
        count = len(self._pending)
        self._pending.clear()
        with contextlib.suppress(OSError):
            self._spill_file.unlink(missing_ok=True)
        self._told -= {"full", "busy", "write"}
        self._tell("flushed", f"{count} answer(s) kept aside earlier are now saved in {self.path}.")
        self._told.discard("flushed")
        return True

    def flush(self) -> bool:
        """Try again to save answers kept aside; True when nothing is left pending."""
        with self._lock:
            return self._flush_pending()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def _import_spills(self) -> None:
        folder = self.path.parent / PENDING_DIR
        if not folder.is_dir():
            return
        total = 0
        for spill in sorted(folder.glob("*.jsonl")):
            if spill == self._spill_file:
                continue
            rows = []
            try:
                lines = spill.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for line in lines:
                try:
                    rows.append(_normalise(json.loads(line)))
                except (ValueError, TypeError, KeyError):
                    continue  # a line cut short by a killed kernel
            try:
                total += self._insert_rows(self._conn, rows) if rows else 0
            except sqlite3.Error:
                return  # keep the file; try again next time
            with contextlib.suppress(OSError):
                spill.unlink()
        if total:
            self._tell("imported", f"{total} answer(s) kept aside earlier are now saved.")

    def _at_exit(self) -> None:
        with contextlib.suppress(Exception):
            if not self.flush():
                print_notice(
                    f"{len(self._pending)} answer(s) could not be saved in {self.path}; "
                    f"they are kept in {self._spill_file} and will be added next time."
                )
        with contextlib.suppress(Exception):
            self._conn.close()

    def close(self) -> None:
        with self._lock:
            self.flush()
            atexit.unregister(self._at_exit)
            self._conn.close()

    # ------------------------------------------------------------------ reading
    def _pending_matching(self, learner: str, lesson: str, question: str) -> list[dict[str, Any]]:
        return [
            r
            for r in self._pending
            if (r["learner"], r["lesson"], r["question"]) == (learner, lesson, question)
        ]

    def last_attempt(self, learner: str, lesson: str, question: str) -> Attempt | None:
        with self._lock:
            found: Attempt | None = None
            with contextlib.suppress(sqlite3.Error):
                row = self._conn.execute(
                    f"{_SELECT} WHERE learner = ? AND lesson = ? AND question = ? "
                    "ORDER BY id DESC LIMIT 1",
                    (learner, lesson, question),
                ).fetchone()
                found = from_row(row) if row else None
            pending = self._pending_matching(learner, lesson, question)
            if pending:
                latest = from_row(pending[-1])
                if found is None or latest.at >= found.at:
                    return latest
            return found

    def attempt_count(self, learner: str, lesson: str, question: str) -> int:
        with self._lock:
            count = 0
            with contextlib.suppress(sqlite3.Error):
                count = self._conn.execute(
                    "SELECT count(*) FROM attempts WHERE learner = ? AND lesson = ? "
                    "AND question = ?",
                    (learner, lesson, question),
                ).fetchone()[0]
            return int(count) + len(self._pending_matching(learner, lesson, question))

    def attempts(self, learner: str | None = None) -> list[Attempt]:
        """Every attempt in the order given, saved and pending, optionally for one learner."""
        with self._lock:
            where, args = ("WHERE learner = ?", (learner,)) if learner is not None else ("", ())
            rows: list[Any] = []
            with contextlib.suppress(sqlite3.Error):
                rows = self._conn.execute(f"{_SELECT} {where} ORDER BY id", args).fetchall()
            result = [from_row(r) for r in rows]
            result += [
                from_row(r) for r in self._pending if learner is None or r["learner"] == learner
            ]
            return result

    # ----------------------------------------------------------------- settings
    def get_setting(self, key: str) -> str | None:
        with self._lock:
            if key in self._memory_settings:
                return self._memory_settings[key]
            with contextlib.suppress(sqlite3.Error):
                row = self._conn.execute(
                    "SELECT value FROM settings WHERE key = ?", (key,)
                ).fetchone()
                return None if row is None else str(row[0])
            return None

    def set_setting(self, key: str, value: str) -> None:
        with self._lock:
            if self.read_only:
                self._memory_settings[key] = value
                return
            delay = 0.02
            for attempt in range(WRITE_RETRIES):
                try:
                    self._conn.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )
                    self._memory_settings.pop(key, None)
                    return
                except sqlite3.OperationalError as error:
                    busy = getattr(error, "sqlite_errorname", "") in ("SQLITE_BUSY",)
                    if not busy or attempt == WRITE_RETRIES - 1:
                        self._memory_settings[key] = value
                        self._tell("setting", f"Could not save a setting in {self.path}: {error}")
                        return
                    time.sleep(delay)
                    delay *= 2

    def learner_name(self) -> str | None:
        return self.get_setting(LEARNER_KEY)

    def set_learner_name(self, name: str) -> None:
        self.set_setting(LEARNER_KEY, name)

    def rename_learner(self, old: str, new: str) -> int:
        """Move every answer of ``old`` to ``new`` (saved and pending); returns how many."""
        if self.read_only:
            return 0
        with self._lock:
            moved = 0
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    moved = self._conn.execute(
                        "UPDATE attempts SET learner = ? WHERE learner = ?", (new, old)
                    ).rowcount
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            for row in self._pending:
                if row["learner"] == old:
                    row["learner"] = new
                    moved += 1
            return int(moved)

    # ---------------------------------------------------------- backup / reset
    def backup(self, target: Path | None = None) -> Path:
        """A consistent copy of the whole file (even while other kernels write)."""
        with self._lock:
            target = target or recovery.aside_name(self.path, "backup")
            self._copy_to(self._conn, target)
            return target

    def reset(self, learner: str) -> tuple[Path, int]:
        """Delete one learner's answers after a backup; returns (backup path, rows deleted)."""
        if self.read_only:
            raise PermissionError(
                f"{self.path} was written by a newer medialit and is not changed by this one"
            )
        with self._lock:
            copy = self.backup()
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                deleted = self._conn.execute(
                    "DELETE FROM attempts WHERE learner = ?", (learner,)
                ).rowcount
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._pending = [r for r in self._pending if r["learner"] != learner]
            return copy, int(deleted)


def _normalise(row: dict[str, Any]) -> dict[str, Any]:
    """A salvaged or spilled row with every column the insert names."""
    out = {c: row.get(c) for c in COLUMNS}
    for needed in ("learner", "lesson", "question", "response", "at"):
        if out[needed] is None:
            raise KeyError(needed)
    out["uid"] = out["uid"] or uuid.uuid5(
        uuid.NAMESPACE_URL, json.dumps([row.get(c) for c in COLUMNS], default=str)
    ).hex
    out["correct"] = 1 if out["correct"] else 0
    out["score"] = float(out["score"] or 0.0)
    out["attempt"] = int(out["attempt"] or 1)
    out["feedback"] = out["feedback"] or ""
    out["at"] = parse_time(str(out["at"])).isoformat(timespec="microseconds")
    return out


def open_rows(rows: Iterable[Attempt]) -> list[dict[str, Any]]:
    """Rows ready for insertion (used by tests and the benchmark to build databases)."""
    return [to_row(a) for a in rows]
