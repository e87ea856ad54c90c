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


def current_sink() -> AnswerSink:
    global _sink
    if _sink is None:
        _sink = open_default_sink()
    return _sink


def set_sink(sink: AnswerSink | None) -> None:
    """Replace the sink (``None`` goes back to the default on next use)."""
    global _sink
    _sink = sink
