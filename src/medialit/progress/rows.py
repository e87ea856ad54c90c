"""One attempt as a database row and as a spill-file line: the same flat dict."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from medialit.progress.attempts import Attempt

COLUMNS: tuple[str, ...] = (
    "uid", "learner", "lesson", "question", "response", "correct", "score",
    "attempt", "misconception", "feedback", "at",
)


def to_row(attempt: Attempt, uid: str | None = None) -> dict[str, Any]:
    at = attempt.at if attempt.at.tzinfo else attempt.at.replace(tzinfo=UTC)
    return {
        "uid": uid or uuid.uuid4().hex,
        "learner": attempt.learner,
        "lesson": attempt.lesson,
        "question": attempt.question,
        "response": json.dumps(attempt.response, ensure_ascii=False, sort_keys=True),
        "correct": 1 if attempt.correct else 0,
        "score": float(attempt.score),
        "attempt": int(attempt.attempt),
        "misconception": attempt.misconception,
        "feedback": attempt.feedback or "",
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
    }


def parse_response(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def parse_time(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(0, UTC)
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def from_row(row: Any) -> Attempt:
    """``row`` is a mapping (sqlite3.Row or dict) with at least the v1 columns."""
    keys = row.keys()
    return Attempt(
        learner=str(row["learner"]),
        lesson=str(row["lesson"]),
        question=str(row["question"]),
        response=parse_response(row["response"]),
        correct=bool(row["correct"]),
        score=float(row["score"]),
        attempt=int(row["attempt"]),
        misconception=row["misconception"] if "misconception" in keys else None,
        feedback=str(row["feedback"] or "") if "feedback" in keys else "",
        at=parse_time(row["at"]),
    )
