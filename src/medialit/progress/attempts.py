"""What a quiz hands to the progress store, and the one interface between them.

The quiz engine depends only on :class:`AnswerSink`; the SQLite store implements it
and tests can use :class:`MemorySink`. Keeping this seam small means a quiz never
needs to know where answers end up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class Attempt:
    """One answer a learner gave to one question."""

    learner: str
    lesson: str
    question: str
    response: Any  # JSON-serialisable: str, number, list or dict of those
    correct: bool
    score: float  # 0.0 to 1.0: partial credit for multi-part questions
    attempt: int  # 1 for the first try at this question by this learner
    misconception: str | None = None
    feedback: str = ""
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


class AnswerSink(Protocol):
    """Where attempts go, and where a re-run notebook finds the last one."""

    def record(self, attempt: Attempt) -> None: ...

    def last_attempt(self, learner: str, lesson: str, question: str) -> Attempt | None: ...

    def attempt_count(self, learner: str, lesson: str, question: str) -> int: ...


class MemorySink:
    """An in-process sink: for tests, and for when no database can be opened."""

    def __init__(self) -> None:
        self.attempts: list[Attempt] = []

    def record(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)

    def _matching(self, learner: str, lesson: str, question: str) -> list[Attempt]:
        return [
            a
            for a in self.attempts
            if (a.learner, a.lesson, a.question) == (learner, lesson, question)
        ]

    def last_attempt(self, learner: str, lesson: str, question: str) -> Attempt | None:
        matching = self._matching(learner, lesson, question)
        return matching[-1] if matching else None

    def attempt_count(self, learner: str, lesson: str, question: str) -> int:
        return len(self._matching(learner, lesson, question))

    def rename_learner(self, old: str, new: str) -> int:
        """Move every answer of ``old`` to ``new``; returns how many moved."""
        from dataclasses import replace

        moved = [i for i, a in enumerate(self.attempts) if a.learner == old]
        for i in moved:
            self.attempts[i] = replace(self.attempts[i], learner=new)
        return len(moved)
