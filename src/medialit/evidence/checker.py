"""Check the checker: a learner gives a verdict from the excerpts before seeing the course's.

The course asks learners not to take a page's word for anything; this exercise
asks them not to take the course's word either. The logic is pure so tests reach
it without widgets: which excerpts to show, and what to say when the learner's
verdict and the course's differ (including where the course itself is unsure).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.content.annotations import Rating
from medialit.content.packet import Quote

CHOICES: tuple[tuple[str, str], ...] = tuple((r.label, r.value) for r in Rating)

# How far apart two verdicts are on the scale from wrong to confirmed; unconfirmed
# is a different kind of answer (the record is silent), so it is never "close".
_SCALE = {"wrong": 0, "partly": 1, "confirmed": 2}


@dataclass(frozen=True)
class Exercise:
    sentence_id: str
    index: int
    text: str
    excerpts: tuple[Quote, ...]


@dataclass(frozen=True)
class Comparison:
    learner: Rating
    course: Rating
    agree: bool
    message: str
    summary: str
    evidence: tuple[tuple[str, str], ...]  # (basis label, text)
    uncertainty: str


def exercise(course: Any, sentence_id: str) -> Exercise:
    s = course.sentence(sentence_id)
    quotes = tuple(course.record.quote(i) for i in s.verdict.excerpts)
    return Exercise(s.id, s.index, s.text, quotes)


def compare(course: Any, sentence_id: str, learner: str) -> Comparison:
    """What the course says once the learner has committed to ``learner`` (a rating value)."""
    s = course.sentence(sentence_id)
    mine = Rating(learner)
    theirs = s.verdict.rating
    if mine is theirs:
        message = (f"You and the course agree: {theirs.label}. Read the course's reasons "
                   "below and check that they are yours too.")
    elif mine is Rating.UNCONFIRMED or theirs is Rating.UNCONFIRMED:
        message = (f"You said {mine.label}; the course says {theirs.label}. The difference is "
                   "about whether the excerpts settle the question at all: compare what each "
                   "excerpt actually shows with what the sentence claims.")
    elif abs(_SCALE[mine.value] - _SCALE[theirs.value]) == 1:
        message = (f"You said {mine.label}; the course says {theirs.label}. Close: careful "
                   "readers can weigh the same evidence differently. Below is why the course "
                   "chose its verdict, and what it is unsure of.")
    else:
        message = (f"You said {mine.label}; the course says {theirs.label}. That is a big gap: "
                   "read the excerpts again against the exact words of the sentence.")
    return Comparison(
        learner=mine,
        course=theirs,
        agree=mine is theirs,
        message=message,
        summary=s.verdict.summary,
        evidence=tuple((p.basis.label, p.text) for p in s.verdict.evidence),
        uncertainty=s.verdict.uncertainty,
    )


__all__ = ["CHOICES", "Comparison", "Exercise", "compare", "exercise"]
