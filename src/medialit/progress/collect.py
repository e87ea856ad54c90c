"""Finding learners' progress databases in folders and reading them without changing them.

Teachers point this at collected home folders, so it must never write: every
file is opened through a read-only SQLite URI (``mode=ro``; with ``immutable=1``
when no ``-wal`` file shows a writer could be mid-transaction, so SQLite does not
even create its ``-shm`` side file). Anything that is not ours, or cannot be
read, earns one warning and is skipped.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from medialit.progress import schema
from medialit.progress.attempts import Attempt
from medialit.progress.report import LearnerAnswers
from medialit.progress.rows import from_row

SQLITE_MAGIC = b"SQLite format 3\x00"
SKIP_DIRS = frozenset(
    {".git", "node_modules", "__pycache__", ".ipynb_checkpoints", "site-packages", ".venv"}
)


class NotReadable(Exception):
    """A file that is skipped; the message is the warning shown to the teacher."""


@dataclass
class Collected:
    learners: list[LearnerAnswers] = field(default_factory=list)
    databases: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def shown(path: Path | str) -> str:
    """A path as text for messages and CSV cells: bytes of a name that are not UTF-8
    (kept by Python as surrogates) become U+FFFD instead of crashing the writer."""
    return os.fsencode(path).decode("utf-8", "replace")


def find_databases(roots: Iterable[Path], warnings: list[str]) -> Iterator[Path]:
    """``*.db`` files under each root (a file named directly is taken whatever its name)."""
    seen: set[Path] = set()
    for root in roots:
        if root.is_dir():
            candidates: Iterable[Path] = _walk(root, warnings)
        elif root.exists() or root.is_symlink():
            candidates = [root]
        else:
            warnings.append(f"{shown(root)}: no such file or folder")
            continue
        for path in candidates:
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError) as error:  # RuntimeError: a loop, before 3.13
                loop = isinstance(error, RuntimeError) or getattr(error, "errno", 0) == errno.ELOOP
                why = "a symbolic link that points back to itself" if loop else (
                    "a link to nothing" if path.is_symlink() else "cannot be read"
                )
                warnings.append(f"{shown(path)}: {why}; skipped")
                continue
            if real not in seen:
                seen.add(real)
                yield path


def _walk(root: Path, warnings: list[str]) -> Iterator[Path]:
    def complain(error: OSError) -> None:
        warnings.append(f"{shown(error.filename)}: cannot be read ({error.strerror}); skipped")

    for folder, dirs, files in os.walk(root, onerror=complain):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            if name.endswith(".db"):
                yield Path(folder) / name


def connect_read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def read_database(path: Path) -> list[LearnerAnswers]:
    """Every learner's attempts in one file; raises :class:`NotReadable` with the reason.

    Only regular files are opened: a named pipe would block the report for ever and a
    device such as ``/dev/zero`` never ends.
    """
    name = shown(path)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            kind = "a named pipe" if stat.S_ISFIFO(mode) else (
                "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
            )
            raise NotReadable(f"{name}: {kind}, not a database file; skipped")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the check
                raise NotReadable(f"{name}: not a regular file; skipped")
            head = os.read(fd, len(SQLITE_MAGIC))
        finally:
            os.close(fd)
    except OSError as error:
        raise NotReadable(f"{name}: cannot be read ({error.strerror}); skipped") from error
    if head != SQLITE_MAGIC:
        raise NotReadable(f"{name}: not a SQLite database; skipped")
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as error:
        raise NotReadable(f"{name}: cannot be opened ({error}); skipped") from error
    try:
        conn.row_factory = sqlite3.Row
        if not schema.is_ours(conn):
            raise NotReadable(f"{name}: SQLite, but not a medialit progress database; skipped")
        if not schema.table_columns(conn, "attempts") >= schema.REQUIRED_COLUMNS:
            raise NotReadable(f"{name}: medialit database without answers table; skipped")
        by_learner: dict[str, list[Attempt]] = defaultdict(list)
        for row in conn.execute("SELECT * FROM attempts ORDER BY rowid"):
            attempt = from_row(row)
            by_learner[attempt.learner].append(attempt)
    except sqlite3.Error as error:
        raise NotReadable(f"{name}: damaged or unreadable ({error}); skipped") from error
    finally:
        conn.close()
    return [LearnerAnswers(path, name, attempts) for name, attempts in by_learner.items()]


def collect(roots: Iterable[Path]) -> Collected:
    found = Collected()
    for path in find_databases(roots, found.warnings):
        try:
            found.learners.extend(read_database(path))
            found.databases.append(path)
        except NotReadable as problem:
            found.warnings.append(str(problem))
    return found
