"""Helpers shared by the progress tests (importable because pytest puts this folder on sys.path)."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from medialit.progress.attempts import Attempt

T0 = datetime(2024, 11, 1, 9, 0, tzinfo=UTC)


def make_attempt(
    question: str = "q1",
    *,
    learner: str = "ann",
    lesson: str = "02-claims",
    response: object = "A prediction",
    correct: bool = True,
    attempt: int = 1,
    minutes: int = 0,
    misconception: str | None = None,
    feedback: str = "",
) -> Attempt:
    return Attempt(
        learner=learner,
        lesson=lesson,
        question=question,
        response=response,
        correct=correct,
        score=1.0 if correct else 0.0,
        attempt=attempt,
        misconception=misconception,
        feedback=feedback,
        at=T0 + timedelta(minutes=minutes),
    )


def tree_state(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``root`` with its content hash and mtime: to prove nothing changed."""
    state = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and os.access(path, os.R_OK):
            state[str(path.relative_to(root))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
        elif path.is_file():
            state[str(path.relative_to(root))] = ("unreadable", path.stat().st_mtime_ns)
    return state
