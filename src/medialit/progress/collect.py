"""Finding learners' progress databases in folders and reading them without changing them.

Teachers point this at collected home folders, so it must never write: every
file is opened through a read-only SQLite URI (``mode=ro``; with ``immutable=1``
when no ``-wal`` file shows a writer could be mid-transaction, so SQLite does not
even create its ``-shm`` side file). Anything that is not ours, or cannot be
read, earns one warning and is skipped.
"""

from __future__ import annotations

import os
import sqlite3
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


def find_databases(roots: Iterable[Path], warnings: list[str]) -> Iterator[Path]:
    """``*.db`` files under each root (a file named directly is taken whatever its name)."""
    seen: set[Path] = set()
    for root in roots:
        if root.is_file():
            candidates: Iterable[Path] = [root]
        elif root.is_dir():
            candidates = _walk(root, warnings)
        else:
            warnings.append(f"{root}: no such file or folder")
            continue
        for path in candidates:
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                yield path


def _walk(root: Path, warnings: list[str]) -> Iterator[Path]:
    def complain(error: OSError) -> None:
        warnings.append(f"{error.filename}: cannot be read ({error.strerror}); skipped")

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
    """Every learner's attempts in one file; raises :class:`NotReadable` with the reason."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise NotReadable(f"{path}: cannot be read ({error.strerror}); skipped") from error
    if head != SQLITE_MAGIC:
        raise NotReadable(f"{path}: not a SQLite database; skipped")
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as error:
        raise NotReadable(f"{path}: cannot be opened ({error}); skipped") from error
    try:
        conn.row_factory = sqlite3.Row
        if not schema.is_ours(conn):
            raise NotReadable(f"{path}: SQLite, but not a medialit progress database; skipped")
        if not schema.table_columns(conn, "attempts") >= schema.REQUIRED_COLUMNS:
            raise NotReadable(f"{path}: medialit database without answers table; skipped")
        by_learner: dict[str, list[Attempt]] = defaultdict(list)
        for row in conn.execute("SELECT * FROM attempts ORDER BY rowid"):
            attempt = from_row(row)
            by_learner[attempt.learner].append(attempt)
    except sqlite3.Error as error:
        raise NotReadable(f"{path}: damaged or unreadable ({error}); skipped") from error
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
