"""The class report: pure arithmetic over many learners' attempts.

No files, no SQLite, no matplotlib here: :mod:`.collect` finds and reads the
databases, :mod:`.report_files` writes CSV and the chart. That split lets tests
check the numbers with hand-made attempts.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from medialit.progress.attempts import Attempt
from medialit.progress.summary import Totals


@dataclass(frozen=True)
class LearnerAnswers:
    """One learner's attempts as found in one database file."""

    source: Path
    learner: str
    attempts: Sequence[Attempt]


@dataclass(frozen=True)
class QuestionStats:
    lesson: str
    question: str
    tried: int  # learners who answered at least once
    right_first: int  # ... whose first answer was right
    right_eventually: int  # ... who got it right at some point

    @property
    def share_first(self) -> float:
        return self.right_first / self.tried if self.tried else 0.0

    @property
    def share_eventually(self) -> float:
        return self.right_eventually / self.tried if self.tried else 0.0


@dataclass(frozen=True)
class WrongAnswer:
    lesson: str
    question: str
    response: str  # JSON text, so lists and dicts compare and print the same way
    learners: int  # learners who gave this wrong answer at least once
    misconception: str | None
    misconception_name: str | None


@dataclass(frozen=True)
class LearnerStats:
    learner: str
    source: Path
    answered: int
    right: int
    total: int

    @property
    def completion(self) -> float:
        return self.answered / self.total if self.total else 0.0


@dataclass
class ClassReport:
    questions: list[QuestionStats] = field(default_factory=list)
    wrong_answers: list[WrongAnswer] = field(default_factory=list)
    learners: list[LearnerStats] = field(default_factory=list)


def _key(attempt: Attempt) -> tuple[str, str]:
    return attempt.lesson, attempt.question


def _response_text(response: object) -> str:
    return json.dumps(response, ensure_ascii=False, sort_keys=True)


def build_report(
    learners: Sequence[LearnerAnswers],
    totals: Totals | None = None,
    misconceptions: Mapping[str, str] | None = None,
    top_wrong: int = 3,
) -> ClassReport:
    """Per question: share right first time and eventually; the commonest wrong answers
    with the misconception each stands for; per learner: how much they have done."""
    misconceptions = misconceptions or {}
    tried: Counter[tuple[str, str]] = Counter()
    first_right: Counter[tuple[str, str]] = Counter()
    ever_right: Counter[tuple[str, str]] = Counter()
    wrong: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    wrong_tag: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    learner_rows: list[LearnerStats] = []
    seen_questions: set[tuple[str, str]] = set()
    per_learner: list[tuple[LearnerAnswers, dict[tuple[str, str], list[Attempt]]]] = []

    for learner in learners:
        by_question: dict[tuple[str, str], list[Attempt]] = defaultdict(list)
        for attempt in learner.attempts:
            by_question[_key(attempt)].append(attempt)
        per_learner.append((learner, by_question))
        for key, attempts in by_question.items():
            seen_questions.add(key)
            attempts.sort(key=lambda a: (a.attempt, a.at))
            tried[key] += 1
            first_right[key] += attempts[0].correct
            ever_right[key] += any(a.correct for a in attempts)
            for response in {_response_text(a.response) for a in attempts if not a.correct}:
                wrong[key][response] += 1
            for a in attempts:
                if not a.correct and a.misconception:
                    wrong_tag[(*key, _response_text(a.response))][a.misconception] += 1

    if totals:
        order = {lesson: i for i, lesson in enumerate(totals)}
        total_questions = sum(n for _, n in totals.values())
    else:
        order = {}
        total_questions = len(seen_questions)
    total_questions = max(total_questions, 0)

    def sort_key(key: tuple[str, str]) -> tuple[int, str, str]:
        return order.get(key[0], len(order)), key[0], key[1]

    report = ClassReport()
    for key in sorted(tried, key=sort_key):
        report.questions.append(QuestionStats(*key, tried[key], first_right[key], ever_right[key]))
        for response, count in sorted(wrong[key].items(), key=lambda kv: (-kv[1], kv[0]))[
            :top_wrong
        ]:
            tags = wrong_tag.get((*key, response))
            tag = tags.most_common(1)[0][0] if tags else None
            report.wrong_answers.append(
                WrongAnswer(*key, response, count, tag, misconceptions.get(tag) if tag else None)
            )
    for learner, by_question in per_learner:
        answered = len(by_question)
        right = sum(1 for attempts in by_question.values() if any(a.correct for a in attempts))
        learner_rows.append(
            LearnerStats(
                learner.learner, learner.source, answered, right, max(total_questions, answered)
            )
        )
    report.learners = sorted(learner_rows, key=lambda r: (r.learner.casefold(), str(r.source)))
    return report
