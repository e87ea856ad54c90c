"""What a learner's kernel may post: checked field by field before anything is stored.

Pure functions raising :class:`BadPayload` with a message for the 4xx response and the
log line; the hub user's name is never taken from here (a ``learner`` field, when sent,
must equal it).
"""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from typing import Any

MAX_BODY = 64 * 1024  # bytes: the largest honest answer is a few kilobytes
ATTEMPT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
NAME = re.compile(r"^[a-z0-9][a-z0-9._/-]{0,99}$")

ATTEMPT_FIELDS = {
    "attempt_id", "learner", "lesson", "question", "response", "correct", "score", "try",
    "misconception", "at",
}
GRADE_FIELDS = {"attempt_id", "learner", "lesson", "question", "response", "at"}


class BadPayload(ValueError):
    """The post is not an attempt; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def parse_json(body: bytes) -> dict[str, Any]:
    if len(body) > MAX_BODY:
        raise BadPayload(f"body is {len(body)} bytes; the limit is {MAX_BODY}", 413)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BadPayload(f"body is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise BadPayload("body must be a JSON object")
    return data


def _string(data: dict[str, Any], name: str, pattern: re.Pattern[str]) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not pattern.match(value):
        raise BadPayload(f"{name}: must be a string matching {pattern.pattern}")
    return value


def _common(data: dict[str, Any], allowed: set[str], user: str) -> dict[str, Any]:
    extra = sorted(set(data) - allowed)
    if extra:
        raise BadPayload(f"unknown field(s): {', '.join(extra)}")
    if "learner" in data and data["learner"] != user:
        raise BadPayload(f"learner: you are signed in as {user!r}; you can post only as yourself",
                         403)
    out = {
        "attempt_id": _string(data, "attempt_id", ATTEMPT_ID),
        "lesson": _string(data, "lesson", NAME),
        "question": _string(data, "question", NAME),
    }
    if "response" not in data or data["response"] is None:
        raise BadPayload("response: missing")
    out["response"] = data["response"]
    at = data.get("at")
    try:
        if not isinstance(at, str):
            raise ValueError
        datetime.fromisoformat(at)
    except ValueError:
        raise BadPayload("at: must be an ISO 8601 time") from None
    out["at"] = at
    return out


def attempt(data: dict[str, Any], user: str) -> dict[str, Any]:
    """An ungraded attempt, judged in the kernel and reported here."""
    out = _common(data, ATTEMPT_FIELDS, user)
    if not isinstance(data.get("correct"), bool):
        raise BadPayload("correct: must be true or false")
    score = data.get("score")
    if isinstance(score, bool) or not isinstance(score, int | float) or not (
        math.isfinite(score) and 0 <= score <= 1
    ):
        raise BadPayload("score: must be a number from 0 to 1")
    tries = data.get("try")
    if isinstance(tries, bool) or not isinstance(tries, int) or not 1 <= tries <= 10_000:
        raise BadPayload("try: must be a whole number from 1")
    misconception = data.get("misconception")
    if misconception is not None and (not isinstance(misconception, str) or
                                      not NAME.match(misconception)):
        raise BadPayload("misconception: must be null or an id")
    out.update(correct=data["correct"], score=float(score), misconception=misconception)
    out["try"] = tries
    return out


def grade_request(data: dict[str, Any], user: str) -> dict[str, Any]:
    """A graded answer: only the response; the service judges it."""
    return _common(data, GRADE_FIELDS, user)
