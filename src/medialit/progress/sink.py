"""Which learner is answering, and where their answers go.

The quiz engine asks this module for the current :class:`AnswerSink` and learner
name instead of opening databases itself, so a notebook, a test and the student
edition can each decide where answers are kept. The default is the SQLite store
in the user's data folder (see :mod:`medialit.progress.paths`); if no database
can be opened at all, answers are kept in memory and the learner is told.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from medialit.progress.attempts import AnswerSink, MemorySink
from medialit.progress.notices import print_notice
from medialit.progress.paths import db_path

DEFAULT_LEARNER = "learner"

_sink: AnswerSink | None = None


def current_learner() -> str:
    """``MEDIALIT_LEARNER`` (tests stay deterministic), else the name the learner picked."""
    env = os.environ.get("MEDIALIT_LEARNER", "").strip()
    if env:
        return env
    sink = current_sink()
    name = sink.learner_name() if hasattr(sink, "learner_name") else None
    return name or DEFAULT_LEARNER


def open_default_sink() -> AnswerSink:
    path = db_path()
    try:
        from medialit.progress.store import SQLiteStore

        store = SQLiteStore(path)
        if os.environ.get("MEDIALIT_CLASS_URL"):  # on a hub with a class service
            from medialit.classroom.sink import ClassSink

            return ClassSink.wrap(store, path.parent)
        return store
    except (OSError, sqlite3.Error) as error:
        print_notice(
            f"Your answers cannot be saved to {path} ({error}). They are kept only until "
            "this notebook's kernel stops. Ask your teacher, or set MEDIALIT_DATA_DIR to a "
            "folder you can write to."
        )
        return MemorySink()


def save_answers(path: str | Path, format: str = "csv") -> Path:
    """This learner's answers, as ``medialit progress export --output`` writes them.

    Runs inside the kernel, so it includes answers that exist only in memory (when
    nothing on the computer could be written): the way to keep them is to call this
    with a folder on another disk.
    """
    from medialit.progress.export import write_csv, write_json

    target = Path(path).expanduser()
    sink = current_sink()
    learner = current_learner()
    kept = getattr(sink, "attempts", [])
    attempts = kept(learner) if callable(kept) else [a for a in kept if a.learner == learner]
    writer = write_json if format == "json" else write_csv
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer(attempts, out)
        out.flush()
        os.fsync(out.fileno())
    print_notice(f"{len(attempts)} answer(s) by {learner} written to {target}.")
    return target


def current_sink() -> AnswerSink:
    global _sink
    if _sink is None:
        _sink = open_default_sink()
    return _sink


def set_sink(sink: AnswerSink | None) -> None:
    """Replace the sink (``None`` goes back to the default on next use)."""
    global _sink
    _sink = sink
