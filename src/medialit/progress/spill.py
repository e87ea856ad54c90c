"""Where answers wait when the progress database cannot take them.

A spill file is a JSON-lines file of answer rows. The first place tried is
``pending/`` next to the database; when that cannot be written (the disk is
full, the folder is read-only) the next places are on other filesystems as a
rule: the user's cache folder, then the temporary folder. Each place is named
after the database, so the next kernel that opens the same database finds the
answers and saves them.

A line is only reported as kept once it has been written and ``fsync``'d; a
write that fails half-way is cut back, so a notice never names an empty or
half-written file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

PENDING_DIR = "pending"


def _key(db: Path) -> str:
    return hashlib.sha256(os.fsencode(db.expanduser().absolute())).hexdigest()[:16]


def spill_dirs(db: Path) -> list[Path]:
    """Folders tried in order for ``db``'s spilled answers; the first is ``pending/``."""
    key = _key(db)
    user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    candidates = [
        db.parent / PENDING_DIR,
        Path(user_cache_dir("medialit", appauthor=False)) / PENDING_DIR / key,
        Path(tempfile.gettempdir()) / f"medialit-{user}" / PENDING_DIR / key,
    ]
    unique: list[Path] = []
    for folder in candidates:
        if folder not in unique:
            unique.append(folder)
    return unique


def append_rows(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    """Append ``rows`` durably to ``path``, or raise OSError leaving the file as it was."""
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    created = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        size = os.fstat(fd).st_size
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            if os.fstat(fd).st_size < size + len(data):  # pragma: no cover - defensive
                raise OSError(f"{path}: short write")
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
                os.fsync(fd)
            raise
    except OSError:
        os.close(fd)
        if created:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    os.close(fd)
    if created:  # the new name itself must survive a crash
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The whole lines of a spill file (a line cut short by a killed kernel is skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict):
            rows.append(row)
    return rows


def spill_files(db: Path) -> Iterator[Path]:
    """Every spill file waiting for ``db``, in every place one may have been written."""
    for folder in spill_dirs(db):
        with contextlib.suppress(OSError):
            if folder.is_dir():
                yield from sorted(folder.glob("*.jsonl"))
