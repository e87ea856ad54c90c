"""What the service knows of the course: lessons, questions, the graded ones and their key.

Loaded once from the teacher's course folder (the service's ``--course``), which is the
only place the key of a graded question exists; learners' editions ship those questions
without seals (:func:`medialit.classroom.release_graded.unseal_graded`). Judging reuses
:func:`medialit.quiz.check.check`, the same pure grader the notebooks use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.content.course import Course, load_course
from medialit.progress.report_files import misconception_names
from medialit.quiz.check import Verdict, check


@dataclass
class Catalog:
    """Questions by ``(lesson, question)``, lesson totals and the graded set."""

    questions: dict[tuple[str, str], Any]
    totals: dict[str, tuple[str, int]]
    misconceptions: dict[str, Any]
    names: dict[str, str]
    graded: set[tuple[str, str]] = field(default_factory=set)
    max_tries: int = 3

    def known(self, lesson: str, question: str) -> bool:
        return (lesson, question) in self.questions

    def is_graded(self, lesson: str, question: str) -> bool:
        return (lesson, question) in self.graded

    def judge(self, lesson: str, question: str, response: Any) -> Verdict:
        return check(self.questions[(lesson, question)], response, self.misconceptions)


def graded_set(course: Course) -> tuple[set[tuple[str, str]], int]:
    settings = course.meta.graded
    if settings is None:
        return set(), 3
    chosen: set[tuple[str, str]] = set()
    known = {lesson.id: {q.id for q in lesson.quiz.questions} if lesson.quiz else set()
             for lesson in course.lessons}
    problems = [f"course.yaml: graded.lessons: no lesson {x!r} with a quiz"
                for x in settings.lessons if not known.get(x)]
    for ref in settings.questions:
        lesson_id, _, question_id = ref.partition("/")
        if question_id not in known.get(lesson_id, set()):
            problems.append(f"course.yaml: graded.questions: no question {ref!r}")
    if problems:
        raise ValueError("\n".join(problems))
    for lesson in course.lessons:
        if lesson.quiz is None:
            continue
        for q in lesson.quiz.questions:
            if lesson.id in settings.lessons or f"{lesson.id}/{q.id}" in settings.questions:
                chosen.add((lesson.id, q.id))
    return chosen, settings.max_tries


def load_catalog(root: Path | str) -> Catalog:
    """Raises :class:`medialit.content.problems.ContentError` (``file: field: problem``)."""
    course = load_course(root)
    questions: dict[tuple[str, str], Any] = {}
    totals: dict[str, tuple[str, int]] = {}
    for lesson in course.lessons:
        bank = lesson.quiz
        totals[lesson.id] = (lesson.title, len(bank.questions) if bank else 0)
        for q in bank.questions if bank else []:
            questions[(lesson.id, q.id)] = q
    graded, max_tries = graded_set(course)
    sealed = sorted({lesson for lesson, _ in graded if course.lesson(lesson).quiz.sealed})
    if sealed:
        raise ValueError(
            f"course.yaml: graded: lessons {', '.join(sealed)} are sealed; give the service "
            "the teacher's course folder, not a student edition"
        )
    return Catalog(
        questions, totals, dict(course.misconceptions), misconception_names(Path(course.root)),
        graded, max_tries,
    )
