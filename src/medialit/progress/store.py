"""The learner's answers in a SQLite file that survives what classrooms do to it.

What can go wrong, and what this store does about it:

* Two notebooks answer at once (two kernels, two processes): WAL journal and a
  few retries with back-off around every write.
* Another program holds the write lock (a teacher's ``sqlite3`` shell, a backup
  tool, a stuck kernel): opening only reads unless a migration is due, and a
  click waits at most :data:`CLICK_BUDGET_S`; then the answer is written to a
  spill file and a background thread saves it as soon as the lock is released.
* A kernel is killed in the middle of a write: one transaction per answer, so the
  file holds every committed answer and nothing half-written.
* The disk is full: the answer goes to a spill file under ``pending/``, or, when
  that disk is full too, under the user's cache or temporary folder
  (:mod:`medialit.progress.spill`); it is saved with a later answer, by the
  background thread or by the next kernel. The learner is told where it is only
  after it is really there; when nowhere can be written, they are told that the
  answers last only as long as the kernel, and how to save them.
* The file is damaged: it is renamed ``progress.db.corrupt-<timestamp>``, readable
  rows are copied into a fresh file, and the learner is told where the copy is.
* The file comes from a newer medialit, or sits on a read-only disk: it is opened
  read-only (``immutable=1`` when even that fails) and never written; earlier
  answers are still shown and new ones are spilled.
* The file comes from an older medialit: it is copied aside and migrated forward.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from medialit.progress import recovery, schema, spill
from medialit.progress.attempts import Attempt
from medialit.progress.notices import Notify, print_notice
from medialit.progress.rows import COLUMNS, from_row, parse_time, to_row

BUSY_TIMEOUT_MS = 5000  # opening, migrating, reset and backup: not on a click
CLICK_BUDGET_S = 0.5  # the longest a click may wait for the database
FLUSH_BUDGET_S = 0.1  # each background attempt holds the store for at most this
EXIT_BUDGET_S = 2.0
WRITE_RETRIES = 5
LEARNER_KEY = "learner_name"
PENDING_DIR = spill.PENDING_DIR

_INSERT = (
    f"INSERT OR IGNORE INTO attempts ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in COLUMNS)})"
)
_SELECT = (
    "SELECT learner, lesson, question, response, correct, score, attempt, "
    "misconception, feedback, at FROM attempts"
)
_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")
SAVE_HINT = (
    "To keep them, run `import medialit.progress; medialit.progress.save_answers("
    "'/a/folder/on/another/disk/answers.csv')` in a cell now (it writes what "
    "`medialit progress export --output` writes), to a USB stick or network folder."
)


def _why_unwritable(folder: Path) -> str:
    """'full', 'read_only' or 'write': what the filesystem itself says about ``folder``."""
    with contextlib.suppress(OSError):
        stats = os.statvfs(folder)
        if stats.f_flag & os.ST_RDONLY:
            return "read_only"
        if stats.f_bavail * stats.f_frsize < 64 * 1024:
            return "full"
    return "write"


def _errorname(error: BaseException) -> str:
    return getattr(error, "sqlite_errorname", "")


class SQLiteStore:
    """An :class:`~medialit.progress.attempts.AnswerSink` backed by one SQLite file."""

    def __init__(self, path: Path | str, *, notify: Notify | None = None) -> None:
        self.path = Path(path)
        self.notices: list[str] = []
        self.read_only = False  # newer format, read-only disk, or no file at all
        self.set_aside: Path | None = None  # where a damaged/foreign file was moved
        self._notify_out = notify or print_notice
        self._told: set[str] = set()
        self._lock = threading.RLock()
        self._pending: list[dict[str, Any]] = []  # not yet in the database, oldest first
        self._unsaved: list[dict[str, Any]] = []  # pending rows in no spill file either
        self._spill_name = f"{uuid.uuid4().hex}.jsonl"
        self._spilled: set[Path] = set()  # our spill files that hold rows
        self._imports: list[Path] = []  # other kernels' spill files still to save
        self._memory_settings: dict[str, str] = {}
        self._flusher: threading.Thread | None = None
        self._closed = threading.Event()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._open()
        except (OSError, sqlite3.Error) as error:
            if recovery.is_corruption(error):
                raise
            self._conn = self._open_unwritable(error)
        if not self.read_only:
            self._imports = list(spill.spill_files(self.path))
            self._import_spills(CLICK_BUDGET_S)
            if self._imports:
                self._start_flusher()
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
                "are still shown. New answers are kept aside (you are told where with the "
                "first one) and will be added when you update medialit (pip install -U "
                "medialit).",
            )
            return self._connect(read_only=True)
        if problem in ("corrupt", "foreign"):
            conn.close()
            return self._replace_damaged(problem)
        return self._prepare(conn)

    def _open_unwritable(self, error: BaseException) -> sqlite3.Connection:
        """The file cannot be opened for writing: show what it holds, spill new answers.

        On a read-only disk SQLite cannot create the WAL index (``-shm``), so a
        plain read-only open fails too; ``immutable=1`` reads the file as it is,
        as :func:`medialit.progress.collect.connect_read_only` does for reports.
        """
        self.read_only = True
        self._unwritable_kind = _why_unwritable(self.path.parent)
        reason = {"full": "the disk is full", "read_only": "the disk is read-only"}.get(
            self._unwritable_kind, getattr(error, "strerror", None) or str(error)
        )
        conn: sqlite3.Connection | None = None
        if self.path.is_file():
            base = f"{self.path.resolve().as_uri()}?mode=ro"
            for uri in (base, base + "&immutable=1"):
                try:
                    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                    conn.row_factory = sqlite3.Row
                    if not schema.is_ours(conn):
                        raise sqlite3.DatabaseError("not a medialit progress file")
                    conn.execute(f"{_SELECT} LIMIT 1").fetchall()
                    break
                except sqlite3.Error:
                    if conn is not None:
                        conn.close()
                    conn = None
        shown = "Your earlier answers are still shown. " if conn is not None else ""
        if conn is None:  # nothing readable: an empty in-memory database answers queries
            conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            conn.row_factory = sqlite3.Row
            schema.migrate(conn)
        self._tell(
            "unwritable",
            f"Your progress file {self.path} cannot be written ({reason}). {shown}"
            "New answers are kept aside; you are told where with the first one. Ask your "
            "teacher, or set MEDIALIT_DATA_DIR to a folder you can write to.",
        )
        return conn

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
        """WAL mode and the current schema; takes the write lock only to migrate."""
        if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute("PRAGMA journal_mode = WAL")  # not possible on some network disks
        conn.execute("PRAGMA synchronous = FULL")
        version = schema.user_version(conn)
        if version == schema.SCHEMA_VERSION:
            return conn  # nothing to migrate: no write lock, so a held lock cannot stall us
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
    def _insert_rows(
        self,
        conn: sqlite3.Connection,
        rows: Sequence[dict[str, Any]],
        budget: float | None = None,
    ) -> int:
        """Insert in one transaction, retrying while another process holds the lock.

        With a ``budget`` (seconds) the whole call, waits included, ends within it
        (plus one statement); without one, SQLite's busy timeout and a few retries apply.
        """
        deadline = None if budget is None else time.monotonic() + budget
        delay = 0.02
        attempt = 0
        while True:
            attempt += 1
            if deadline is not None:
                left_ms = int((deadline - time.monotonic()) * 1000)
                conn.execute(f"PRAGMA busy_timeout = {max(1, left_ms)}")
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
                if _errorname(error) not in _BUSY:
                    raise
                if deadline is None:
                    if attempt >= WRITE_RETRIES:
                        raise
                elif time.monotonic() + delay >= deadline:
                    raise
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 0.2)
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
            finally:
                if deadline is not None:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def record(self, attempt: Attempt) -> None:
        row = to_row(attempt)
        with self._lock:
            if self.read_only:
                self._keep_aside(row, self._unwritable_kind, None)
                return
            if self._pending and self._lock_was_busy() and self._flusher_running():
                # Another process still held the lock a moment ago and the background
                # thread is waiting for it: do not make this click wait as well.
                self._keep_aside(row, "busy", self._last_error)
                return
            if self._pending:  # keep the order: earlier answers go first, in one go
                self._pending.append(row)
                self._unsaved.append(row)
                if self._flush_pending(CLICK_BUDGET_S):
                    return
                self._unsaved.remove(row)
                self._pending.remove(row)
                error = self._last_error
            else:
                try:
                    self._insert_rows(self._conn, [row], CLICK_BUDGET_S)
                    return
                except sqlite3.Error as failed:
                    error = self._last_error = failed
            self._write_failed(error, row)

    _last_error: sqlite3.Error | None = None
    _unwritable_kind = "read_only"

    def _lock_was_busy(self) -> bool:
        return self._last_error is not None and _errorname(self._last_error) in _BUSY

    def _flusher_running(self) -> bool:
        return self._flusher is not None and self._flusher.is_alive()

    def _write_failed(self, error: sqlite3.Error | None, row: dict[str, Any]) -> None:
        name = _errorname(error) if error is not None else ""
        if error is not None and recovery.is_corruption(error):
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._told.discard("corrupt")
            try:
                self._conn = self._replace_damaged("corrupt")
                self._insert_rows(self._conn, [*self._pending, row], CLICK_BUDGET_S)
                self._forget_pending()
                return
            except (sqlite3.Error, OSError) as again:
                error, name = again, _errorname(again)  # type: ignore[assignment]
        kind = {"SQLITE_FULL": "full", "SQLITE_BUSY": "busy", "SQLITE_LOCKED": "busy"}.get(
            name, "write"
        )
        self._keep_aside(row, kind, error)
        self._start_flusher()

    def _keep_aside(self, row: dict[str, Any], kind: str, error: BaseException | None) -> None:
        """Spill ``row`` (and any earlier row only in memory) and say exactly where it is."""
        self._pending.append(row)
        self._unsaved.append(row)
        where, failures = self._spill_unsaved()
        if where is None:
            tried = "; ".join(f"{folder} ({why})" for folder, why in failures)
            self._tell(
                "lost",
                f"Your answers could not be saved anywhere on this computer: not in "
                f"{self.path}, nor in {tried}. They are kept only in this notebook's memory "
                f"and will be lost when the kernel stops. {SAVE_HINT}",
            )
            return
        self._told.discard("lost")
        cause = {
            "full": f"The disk is full, so your answer could not be saved in {self.path}.",
            "busy": f"Another program is using your progress file {self.path} right now.",
            "read_only": f"Your progress file {self.path} cannot be written.",
        }.get(kind, f"Your answer could not be saved in {self.path} ({error}).")
        later = (
            "It will be added when you update medialit (pip install -U medialit)."
            if self.read_only and "newer" in self._told
            else f"It will be saved in {self.path} by the next notebook that can write it."
            if self.read_only
            else "It will be saved there automatically as soon as that is possible; "
            "keep going."
        )
        self._tell(f"{kind}:{where}", f"{cause} Your answer is kept in {where}. {later}")

    def _spill_unsaved(self) -> tuple[Path | None, list[tuple[Path, str]]]:
        """Write the rows that are only in memory to the first place that takes them."""
        failures: list[tuple[Path, str]] = []
        for folder in spill.spill_dirs(self.path):
            target = folder / self._spill_name
            try:
                spill.append_rows(target, self._unsaved)
            except OSError as error:
                failures.append((folder, error.strerror or str(error)))
                continue
            self._unsaved.clear()
            self._spilled.add(target)
            return target, failures
        return None, failures

    def _forget_pending(self) -> None:
        self._pending.clear()
        self._unsaved.clear()
        for path in self._spilled:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        self._spilled.clear()

    def _flush_pending(self, budget: float | None = CLICK_BUDGET_S) -> bool:
        if self.read_only:
            return not self._pending
        if not self._pending:
            with contextlib.suppress(sqlite3.Error):
                self._save_memory_settings(budget)
            return True
        try:
            self._insert_rows(self._conn, self._pending, budget)
        except sqlite3.Error as error:
            self._last_error = error
            return False
        count = len(self._pending)
        self._last_error = None
        self._forget_pending()
        self._told = {k for k in self._told if not k.startswith(("full", "busy", "write", "lost"))}
        self._tell("flushed", f"{count} answer(s) kept aside earlier are now saved in {self.path}.")
        self._told.discard("flushed")
        with contextlib.suppress(sqlite3.Error):
            self._save_memory_settings(budget)
        return True

    def flush(self, budget: float | None = CLICK_BUDGET_S) -> bool:
        """Try again to save answers kept aside; True when nothing is left pending."""
        with self._lock:
            self._import_spills(budget)
            return self._flush_pending(budget)

    @property
    def pending(self) -> int:
        """Answers not yet in the database (taken under the lock: never mid-flush)."""
        with self._lock:
            return len(self._pending)

    def _start_flusher(self) -> None:
        """A daemon thread that saves what was kept aside, without ever holding up a click."""
        if self.read_only or self._closed.is_set():
            return
        if self._flusher is not None and self._flusher.is_alive():
            return
        self._flusher = threading.Thread(target=self._flush_loop, name="medialit-flush",
                                         daemon=True)
        self._flusher.start()

    def _flush_loop(self) -> None:
        wait = 0.1
        while not self._closed.wait(wait):
            with self._lock:
                if self._closed.is_set():
                    return
                with contextlib.suppress(sqlite3.Error, OSError):
                    if self.flush(FLUSH_BUDGET_S) and not self._imports:
                        return
            wait = min(wait * 1.5, 5.0)

    def _import_spills(self, budget: float | None = None) -> None:
        """Save answers other kernels (or this one, earlier) left in spill files."""
        if self.read_only or not self._imports:
            return
        total = 0
        for path in list(self._imports):
            if path.name == self._spill_name:
                self._imports.remove(path)
                continue
            try:
                raw = spill.read_rows(path)
            except (OSError, UnicodeDecodeError):
                self._imports.remove(path)
                continue
            rows = []
            for row in raw:
                with contextlib.suppress(ValueError, TypeError, KeyError):
                    rows.append(_normalise(row))
            try:
                total += self._insert_rows(self._conn, rows, budget) if rows else 0
            except sqlite3.Error:
                break  # keep the file; the background thread tries again
            self._imports.remove(path)
            with contextlib.suppress(OSError):
                path.unlink()
        if total:
            self._tell("imported", f"{total} answer(s) kept aside earlier are now saved in "
                                   f"{self.path}.")
            self._told.discard("imported")

    def _at_exit(self) -> None:
        self._closed.set()
        with contextlib.suppress(Exception):
            if not self.flush(EXIT_BUDGET_S):
                self._say_what_is_left()
        with contextlib.suppress(Exception):
            self._conn.close()

    def _say_what_is_left(self) -> None:
        with self._lock:
            if not self._pending:
                return
            if self._unsaved:
                self._spill_unsaved()
            if self._unsaved:
                print_notice(
                    f"{len(self._unsaved)} answer(s) could not be saved anywhere and are lost "
                    "now that this kernel stops."
                )
            elif self._spilled:
                files = ", ".join(str(p) for p in sorted(self._spilled))
                print_notice(
                    f"{len(self._pending)} answer(s) could not be saved in {self.path}; they "
                    f"are kept in {files} and will be added the next time medialit opens it."
                )

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            if not self.flush(EXIT_BUDGET_S):
                self._say_what_is_left()
            atexit.unregister(self._at_exit)
            self._conn.close()
        if self._flusher is not None:
            self._flusher.join(1)

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
        """Saved at once when possible; otherwise kept in memory and saved with the answers."""
        with self._lock:
            self._memory_settings[key] = value
            if self.read_only:
                return
            try:
                self._save_memory_settings(CLICK_BUDGET_S)
            except sqlite3.Error as error:
                if _errorname(error) in _BUSY:
                    self._start_flusher()
                else:
                    self._tell("setting", f"Could not save a setting in {self.path}: {error}")

    def _save_memory_settings(self, budget: float | None) -> None:
        if not self._memory_settings or self.read_only:
            return
        items = list(self._memory_settings.items())
        deadline = None if budget is None else time.monotonic() + budget
        delay = 0.02
        while True:
            if deadline is not None:
                left_ms = int((deadline - time.monotonic()) * 1000)
                self._conn.execute(f"PRAGMA busy_timeout = {max(1, left_ms)}")
            try:
                self._conn.executemany(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    items,
                )
                break
            except sqlite3.OperationalError as error:
                late = deadline is not None and time.monotonic() + delay >= deadline
                if _errorname(error) not in _BUSY or late or deadline is None:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
            finally:
                if deadline is not None:
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        for key, value in items:
            if self._memory_settings.get(key) == value:
                del self._memory_settings[key]

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
