"""What a post may contain, and the per-learner rate limit: pure checks, each with the
status the service answers with."""

from __future__ import annotations

import json

import pytest

from medialit.classroom import payload
from medialit.classroom.limits import RateLimiter

GOOD = {"attempt_id": "a1b2c3d4e5", "lesson": "01-provenance", "question": "six-lines",
        "response": ["x", {"y": 1}], "correct": False, "score": 0.5, "try": 2,
        "misconception": "address-as-byline", "at": "2026-12-03T10:00:00+00:00"}


def test_a_good_attempt_passes() -> None:
    out = payload.attempt(json.loads(json.dumps(GOOD)), "ann")
    assert out["try"] == 2 and out["score"] == 0.5 and out["response"] == ["x", {"y": 1}]


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"learner": "ben"}, 403, "only as yourself"),
        ({"score": 7}, 400, "score"),
        ({"score": True}, 400, "score"),
        ({"try": 0}, 400, "try"),
        ({"correct": "yes"}, 400, "correct"),
        ({"attempt_id": "short"}, 400, "attempt_id"),
        ({"lesson": "../etc"}, 400, "lesson"),
        ({"at": "yesterday"}, 400, "at"),
        ({"response": None}, 400, "response"),
        ({"extra": 1}, 400, "unknown field"),
    ],
)
def test_bad_attempts_are_refused_with_a_reason(change: dict, status: int, words: str) -> None:
    with pytest.raises(payload.BadPayload, match=words) as caught:
        payload.attempt({**GOOD, **change}, "ann")
    assert caught.value.status == status


def test_body_limits() -> None:
    with pytest.raises(payload.BadPayload) as caught:
        payload.parse_json(b"{" + b" " * payload.MAX_BODY + b"}")
    assert caught.value.status == 413
    for bad in (b"{not json", b"[1, 2]", b"\xff\xfe"):
        with pytest.raises(payload.BadPayload):
            payload.parse_json(bad)


def test_rate_limit_per_learner() -> None:
    limiter = RateLimiter(rate=2.0, burst=3.0)
    assert [limiter.allow("ann", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.allow("ann", now=0.0) == pytest.approx(0.5)
    assert limiter.allow("ben", now=0.0) == 0.0  # one learner's flood is theirs alone
    assert limiter.allow("ann", now=0.6) == 0.0  # refilled
