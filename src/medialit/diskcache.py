"""A folder of pickled results that saves a restarted kernel from redoing slow work.

The content loader and the figures keep what they built here, each entry named by
a key that hashes everything the result was made from, so an entry is either
exactly right or never looked at. The folder is the user's cache directory
(``platformdirs.user_cache_dir("medialit")``) or ``$MEDIALIT_CACHE_DIR``.

Why pickle, which runs code when loaded? The entries hold the course's own objects
(pydantic models, dataclasses, numpy arrays), and pickle reads them back in a few
milliseconds with no second schema to keep in step with the models. That is safe
only when nobody else can write the entries, so a folder is used only when the
current user owns it and neither group nor others may write to it, and an entry
only when the current user owns it: then whoever could plant a pickle could as
well edit the user's own files. A shared or foreign folder is simply not used.

A cache must never cost a learner a lesson: any failure to read (missing,
truncated, corrupt, unreadable, the wrong kind of object) is a miss, and any
failure to write (read-only, full, missing permission) means running without a
cache. Nothing here raises.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ENV = "MEDIALIT_CACHE_DIR"
APP = "medialit"


def cache_root() -> Path:
    """``$MEDIALIT_CACHE_DIR`` if set, else the platform's user cache folder for medialit."""
    override = os.environ.get(ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when no folder is given: it is a few ms to import

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (always true where there are no uids)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def folder(kind: str, create: bool = False) -> Path | None:
    """The private sub-folder ``kind`` of the cache, or ``None`` when it cannot be used."""
    path = cache_root() / kind
    try:
        if create:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = path.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or not _private(info):
        return None
    return path


def digest(*parts: bytes | str) -> str:
    """A hex SHA-256 of the parts, each length-prefixed so no two lists of parts collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def fingerprint(value: Any) -> str:
    """A hex digest of a value's data, equal across processes for equal data.

    ``pickle.dumps`` is not that (a set pickles in hash order, which changes from one
    process to the next), so values are spelled out field by field: pydantic models and
    dataclasses by their fields, mappings in their order, sets sorted. A type it does not
    know raises ``TypeError``: better no cache than a key that misses a change.
    """
    return digest(repr(_canonical(value)))


def _canonical(value: Any) -> Any:
    import dataclasses
    import datetime as dt
    import enum

    if value is None or isinstance(value, bool | int | float | str | bytes):
        return value
    kind = type(value)
    name = f"{kind.__module__}.{kind.__qualname__}"
    if isinstance(value, enum.Enum):
        return (name, _canonical(value.value))
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return (name, str(value))
    if isinstance(value, Path):
        return (name, value.as_posix())
    fields = getattr(kind, "model_fields", None)  # a pydantic model
    if isinstance(fields, dict):
        extra = getattr(value, "__pydantic_extra__", None) or {}
        return (name, [(f, _canonical(getattr(value, f))) for f in fields],
                _canonical(dict(extra)))
    if dataclasses.is_dataclass(value):
        return (name, [(f.name, _canonical(getattr(value, f.name)))
                       for f in dataclasses.fields(value)])
    if isinstance(value, dict):
        return (name, [(_canonical(k), _canonical(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (name, [_canonical(v) for v in value])
    if isinstance(value, set | frozenset):
        return (name, sorted(repr(_canonical(v)) for v in value))
    array = getattr(value, "__array_interface__", None)  # numpy, without importing it
    if array is not None and hasattr(value, "tobytes"):
        return (name, array["typestr"], array["shape"], value.tobytes())
    raise TypeError(f"no fingerprint for {name}")


def file_digest(path: Path) -> str:
    """A hex digest of a file's bytes (of its absence, when it cannot be read)."""
    try:
        return digest(path.read_bytes())
    except OSError as exc:
        return f"(unreadable: {exc.errno})"


def code_digest(files: Iterable[Path]) -> str:
    """What a cached result's code was: the text of its source files (``.py``)."""
    parts: list[bytes | str] = []
    for path in sorted(files):
        try:
            parts += [path.name, path.read_bytes()]
        except OSError:
            parts += [path.name, b"(unreadable)"]
    return digest(*parts)


def read(kind: str, name: str, key: str, expect: type | tuple[type, ...]) -> Any | None:
    """The object stored under ``name`` for ``key``, or ``None`` on any kind of miss."""
    where = folder(kind)
    if where is None:
        return None
    path = where / name
    try:
        with path.open("rb") as handle:
            if not _private(os.fstat(handle.fileno())):
                return None
            stored_key, value = pickle.load(handle)
    except Exception:  # missing, truncated or corrupt: a miss, never an error
        return None
    if stored_key != key or not isinstance(value, expect):
        return None
    return value


def write(kind: str, name: str, key: str, value: Any, stale: str | None = None) -> bool:
    """Store ``value`` under ``name`` atomically; ``False`` when it could not be stored.

    ``stale`` is a file-name prefix: other entries starting with it are deleted once the
    new one is in place (the older versions of the same thing, never to be read again).
    """
    where = folder(kind, create=True)
    if where is None:
        return False
    temp = None
    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        fd, temp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, where / name)
        temp = None
    except Exception:  # unpicklable, read-only or full: run without a cache
        return False
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    if stale:
        with contextlib.suppress(OSError):
            for old in where.glob(stale + "*"):
                if old.name != name:
                    old.unlink(missing_ok=True)
    return True
