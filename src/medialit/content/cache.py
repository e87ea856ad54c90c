"""The validated course, kept between kernels: a warm start reads one pickle instead of YAML.

Loading and cross-checking the whole course takes most of a second, and every
notebook starts by doing it; learners restart and run all often. So a course that
loaded without problems is stored in the user's cache (see :mod:`medialit.diskcache`
for where, and why pickle is safe there) under a key that hashes:

* the bytes of every file under ``data/`` and ``lessons/`` and of ``course.yaml``,
  with their paths, and the course folder itself (the course object names it);
* medialit's version and the source of ``medialit/content/`` (a schema change
  makes every stored course unreadable by key, so it is never unpickled);
* the Python and pydantic versions (what the pickle was written with).

A changed file changes the key, so it is always read again. Within one kernel the
course is also kept in memory and checked against the files' sizes and times on
every call (a notebook asks for it in nearly every cell); a file whose time is too
recent for that check to be trusted is hashed instead (as git treats "racily clean"
files), so an edit made within the same clock tick as the last check is still seen.
A course with problems is never stored: every load reports them afresh.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit import diskcache

KIND = "content"
FORMAT = "medialit-course-cache-1"
COURSE_FILE = "course.yaml"
FOLDERS = ("data", "lessons")
# How long after a file's last change its time stamp alone is trusted to reveal a later
# change: longer than the coarsest common file-system clock (2 s on FAT).
RACY_SECONDS = 3.0

Stat = tuple[tuple[str, int, int], ...]


def content_files(root: Path) -> list[Path]:
    """``course.yaml`` and every file under ``data/`` and ``lessons/``, in a stable order."""
    files = [root / COURSE_FILE]
    for name in FOLDERS:
        top = root / name
        found = []
        for folder, dirs, names in os.walk(top, followlinks=True):
            dirs.sort()
            found += [Path(folder) / n for n in names]
        files += sorted(found)
    return files


def _stat(files: list[Path]) -> Stat:
    out = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            out.append((path.as_posix(), -1, -1))
            continue
        out.append((path.as_posix(), info.st_size, info.st_mtime_ns))
    return tuple(out)


_code: str | None = None


def _code_key() -> str:
    """medialit's version, the content code, and what the pickle is written with."""
    global _code
    if _code is None:
        from importlib.metadata import PackageNotFoundError, version

        import pydantic

        try:
            ours = version("medialit")
        except PackageNotFoundError:
            ours = "(not installed)"
        code = diskcache.code_digest(Path(__file__).resolve().parent.glob("*.py"))
        _code = diskcache.digest(FORMAT, ours, code, sys.version, pydantic.VERSION)
    return _code


def content_key(root: Path, files: list[Path] | None = None) -> str:
    """The key of the course in ``root`` as its files are now (reads every file)."""
    parts: list[bytes | str] = [_code_key(), root.as_posix()]
    for path in content_files(root) if files is None else files:
        parts.append(path.relative_to(root).as_posix() if path.is_relative_to(root)
                     else path.as_posix())
        try:
            parts.append(diskcache.digest(path.read_bytes()))
        except OSError as exc:
            parts.append(f"(unreadable: {exc.errno})")
    return diskcache.digest(*parts)


def entry_name(root: Path, key: str) -> str:
    return f"{_root_prefix(root)}{key[:32]}.pickle"


def _root_prefix(root: Path) -> str:
    return f"course-{diskcache.digest(root.as_posix())[:16]}-"


def load(root: Path, build: Callable[[Path], Any], key: str | None = None) -> Any:
    """The course in ``root``: from the disk cache if its key matches, else built and stored."""
    from medialit.content.course import Course

    key = key or content_key(root)
    name = entry_name(root, key)
    course = diskcache.read(KIND, name, key, Course)
    if course is not None and course.root == root:
        return course
    course = build(root)
    diskcache.write(KIND, name, key, course, stale=_root_prefix(root))
    return course


@dataclass
class _Remembered:
    stat: Stat
    checked_ns: int  # when ``stat`` was taken
    key: str
    course: Any


_memory: dict[Path, _Remembered] = {}


def _trusted(entry: _Remembered) -> bool:
    """Whether equal sizes and times prove the files unchanged since ``entry`` was taken."""
    newest = max((mtime for _, _, mtime in entry.stat), default=0)
    return newest < entry.checked_ns - int(RACY_SECONDS * 1e9)


def remembered(root: Path, build: Callable[[Path], Any]) -> Any:
    """The course in ``root``, kept in memory for this kernel and on disk across kernels."""
    files = content_files(root)
    now = time.time_ns()
    stats = _stat(files)
    entry = _memory.get(root)
    if entry is not None and entry.stat == stats and _trusted(entry):
        return entry.course
    key = content_key(root, files)
    unchanged = entry is not None and entry.key == key  # touched, not edited
    course = entry.course if unchanged else load(root, build, key)
    _memory[root] = _Remembered(stats, now, key, course)
    return course


def forget() -> None:
    """Drop the courses kept in memory (the disk cache stays)."""
    _memory.clear()
