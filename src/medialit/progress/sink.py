"""Which learner is answering, and where their answers go.

The quiz engine asks this module for the current :class:`AnswerSink` and learner
name instead of opening databases itself, so a notebook, a test and the student
edition can each decide where answers are kept.
"""

from __future__ import annotations

import os

from medialit.progress.attempts import AnswerSink, MemorySink

_sink: AnswerSink | None = None


def current_learner() -> str:
    """The learner's display name; ``MEDIALIT_LEARNER`` wins so tests stay deterministic."""
    return os.environ.get("MEDIALIT_LEARNER", "").strip() or "learner"


def current_sink() -> AnswerSink:
    global _sink
    if _sink is None:
        _sink = MemorySink()
    return _sink


def set_sink(sink: AnswerSink | None) -> None:
    """Replace the sink (``None`` goes back to the default on next use)."""
    global _sink
    _sink = sink
