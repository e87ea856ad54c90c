"""Patterns in a bank that give answers away without reading the question.

The one checked so far: the right option being the longest. Writers tend to
qualify the right answer until it is the longest ("...because nobody but the
writer vouches for them; they are not shown to be false"), and learners learn to
pick the longest option. One such question is normal; most of a bank is a pattern.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from medialit.content.quizbank import QuizBank

MIN_OPTIONS = 3  # with two options, "the longer one" is a coin toss anyway
SHARE = 0.5  # more than half of a bank's eligible questions is "systematically"


@dataclass(frozen=True)
class LongestRight:
    lesson: str
    questions: tuple[str, ...]  # where the right option is strictly the longest
    eligible: int  # single-choice questions with MIN_OPTIONS or more options and a key

    def __str__(self) -> str:
        return (
            f"lessons/{self.lesson}/quiz.yaml: options: the right option is the longest in "
            f"{len(self.questions)} of {self.eligible} single-choice questions "
            f"({', '.join(self.questions)}); learners can guess by length. Shorten it or "
            "lengthen a wrong option."
        )


def right_is_longest(bank: QuizBank) -> tuple[list[str], int]:
    """Ids of single-choice questions whose only right option is strictly the longest,
    and how many questions were eligible (sealed questions carry no key: skipped)."""
    hits: list[str] = []
    eligible = 0
    for q in bank.questions:
        if q.type != "single" or len(q.options) < MIN_OPTIONS or q.seal is not None:
            continue
        right = [o for o in q.options if o.correct]
        if len(right) != 1:
            continue
        eligible += 1
        others = [len(o.text) for o in q.options if not o.correct]
        if len(right[0].text) > max(others):
            hits.append(q.id)
    return hits, eligible


def longest_right_warnings(banks: Iterable[QuizBank]) -> list[LongestRight]:
    """One warning per bank where the right option is the longest in more than half."""
    found = []
    for bank in banks:
        hits, eligible = right_is_longest(bank)
        if eligible and len(hits) / eligible > SHARE:
            found.append(LongestRight(bank.lesson, tuple(hits), eligible))
    return found


__all__ = ["LongestRight", "longest_right_warnings", "right_is_longest"]
