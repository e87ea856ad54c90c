"""The one call a notebook makes: ``quiz("02-claims")``, ``quiz("02-claims", "lead-hedges")``.

Content problems and unknown ids are shown as a short message in the cell (a
teacher learns which file and field to fix), never as a traceback.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from medialit.content.problems import ContentError
from medialit.content.quizbank import QuizBank, load_bank, load_misconceptions
from medialit.progress.attempts import AnswerSink
from medialit.quiz.views import QuestionView, QuizView


class QuizProblem:
    """Shown instead of a quiz when it cannot be built; says what to fix."""

    def __init__(self, title: str, lines: list[str]) -> None:
        self.title = title
        self.lines = lines

    def __repr__(self) -> str:
        return "\n".join([self.title, *(f"  {line}" for line in self.lines)])

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
        return (
            "<div class='medialit-problem' role='alert'>"
            f"<p><strong>⚠ {html.escape(self.title)}</strong></p><ul>{items}</ul></div>"
        )


def _root_of(path: Path) -> Path:
    """``<root>/lessons/<lesson>/quiz.yaml`` -> ``<root>``."""
    return path.parents[2] if len(path.parents) > 2 else path.parent


def load_quiz_file(
    path: Path | str, sentences: Mapping[str, str] | None = None
) -> tuple[QuizBank, dict[str, Any]]:
    """A bank on its own (tests, drafts), with misconceptions from ``../misconceptions.yaml``."""
    path = Path(path).resolve()
    misconceptions = load_misconceptions(_root_of(path))
    bank = load_bank(path, _root_of(path), sentences, None, misconceptions or None)
    return bank, dict(misconceptions)


def _course(root: Path | str | None) -> Any:
    from medialit.content import current_course

    return current_course(root)


def _from_course(lesson: str, root: Path | str | None) -> tuple[QuizBank, dict[str, Any]]:
    course = _course(root)
    bank = course.lesson(lesson).quiz
    if bank is None:
        raise KeyError(f"lesson {lesson!r} has no quiz.yaml")
    return bank, dict(course.misconceptions)


def quiz(
    lesson: str,
    question: str | None = None,
    *,
    section: str | None = None,
    root: Path | str | None = None,
    learner: str | None = None,
    sink: AnswerSink | None = None,
) -> QuestionView | QuizView | QuizProblem:
    """Show one question, one section, or a whole bank of a lesson.

    ``lesson`` is a lesson id of the course (found as ``load_course`` finds it,
    or under ``root``), or the path of a ``quiz.yaml`` file. ``learner`` fixes the
    name answers are stored under; left out, the name is read at each answer.
    """
    from medialit.progress.sink import current_sink

    try:
        if lesson.endswith((".yaml", ".yml")):
            bank, misconceptions = load_quiz_file(lesson)
        else:
            bank, misconceptions = _from_course(lesson, root)
        # The learner is read when an answer is recorded, not now: lesson 0 shows
        # questions before the learner has chosen a name.
        who = learner
        where = sink or current_sink()
        sections = {s.id: s.title for s in bank.sections}
        if question is not None:
            q = bank.question(question)
            return QuestionView(
                q, bank.lesson, learner=who, sink=where, misconceptions=misconceptions
            )
        if section is not None:
            questions = bank.in_section(section)
            label = f"{bank.lesson}/{section}"
        else:
            questions = list(bank.questions)
            label = bank.lesson
        return QuizView(
            bank.lesson,
            questions,
            sections=sections,
            label=label,
            learner=who,
            sink=where,
            misconceptions=misconceptions,
        )
    except ContentError as error:
        return QuizProblem(
            "This quiz cannot be shown: the course files need fixing.",
            [str(p) for p in error.problems],
        )
    except KeyError as error:
        return QuizProblem(
            "This quiz cannot be shown.", [str(error.args[0]) if error.args else "unknown id"]
        )


__all__ = ["QuizProblem", "load_quiz_file", "quiz"]
