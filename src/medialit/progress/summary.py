"""Per-lesson progress for one learner: pure data, drawn by :mod:`.chart` and :mod:`.widgets`.

The lesson totals come in as an argument (``{lesson_id: (title, n_questions)}``)
so this module never needs the quiz engine or the content loader.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from medialit.progress.attempts import Attempt

Totals = Mapping[str, tuple[str, int]]


@dataclass(frozen=True)
class LessonProgress:
    lesson: str
    title: str
    total: int  # questions in the lesson
    answered: int  # questions tried at least once
    right: int  # questions whose latest answer is right

    @property
    def sentence(self) -> str:
        return f"{self.title}: {self.answered} of {self.total} answered, {self.right} right"


def lesson_progress(attempts: Iterable[Attempt], totals: Totals) -> list[LessonProgress]:
    """One entry per lesson in ``totals`` order; lessons seen only in answers come last."""
    latest: dict[tuple[str, str], Attempt] = {}
    for attempt in attempts:
        key = (attempt.lesson, attempt.question)
        if key not in latest or attempt.at >= latest[key].at:
            latest[key] = attempt
    answered: dict[str, int] = {}
    right: dict[str, int] = {}
    for (lesson, _), attempt in latest.items():
        answered[lesson] = answered.get(lesson, 0) + 1
        right[lesson] = right.get(lesson, 0) + (1 if attempt.correct else 0)
    lessons = list(totals) + sorted(set(answered) - set(totals))
    result = []
    for lesson in lessons:
        title, total = totals.get(lesson, (lesson, 0))
        seen = answered.get(lesson, 0)
        result.append(LessonProgress(lesson, title, max(total, seen), seen, right.get(lesson, 0)))
    return result


def course_totals() -> dict[str, tuple[str, int]]:
    """Totals from ``medialit.content.current_course()``; raises its ContentError on bad content."""
    from medialit.content import current_course

    course = current_course()
    return {
        lesson.id: (lesson.title, len(lesson.quiz.questions) if lesson.quiz else 0)
        for lesson in course.lessons
    }
