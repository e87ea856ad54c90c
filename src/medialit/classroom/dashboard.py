"""The numbers on the teacher's page, computed by :func:`medialit.progress.report.build_report`
(the same arithmetic as ``medialit report``) plus where each learner is now."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from medialit.classroom.catalog import Catalog
from medialit.classroom.storage import StoredAttempt
from medialit.progress.attempts import Attempt
from medialit.progress.report import ClassReport, LearnerAnswers, build_report
from medialit.progress.rows import parse_time


def as_attempt(row: StoredAttempt) -> Attempt:
    return Attempt(
        learner=row.learner, lesson=row.lesson, question=row.question, response=row.response,
        correct=row.correct, score=row.score, attempt=row.try_number,
        misconception=row.misconception, at=parse_time(row.answered_at),
    )


def class_report(rows: Sequence[StoredAttempt], catalog: Catalog) -> ClassReport:
    by_learner: dict[str, list[Attempt]] = defaultdict(list)
    for row in rows:
        by_learner[row.learner].append(as_attempt(row))
    learners = [
        LearnerAnswers(Path("hub") / name, name, attempts)
        for name, attempts in sorted(by_learner.items())
    ]
    return build_report(learners, catalog.totals, catalog.names)


def dashboard_data(rows: Sequence[StoredAttempt], catalog: Catalog) -> dict[str, Any]:
    """JSON for the page: lessons started, each learner's position, per-question shares,
    commonest wrong answers with their misconceptions."""
    report = class_report(rows, catalog)
    started: dict[str, set[str]] = defaultdict(set)
    answered: dict[tuple[str, str], set[str]] = defaultdict(set)
    latest: dict[str, StoredAttempt] = {}
    for row in rows:
        started[row.lesson].add(row.learner)
        answered[(row.learner, row.lesson)].add(row.question)
        if row.learner not in latest or row.answered_at >= latest[row.learner].answered_at:
            latest[row.learner] = row
    lessons = [
        {"lesson": lesson, "title": title, "questions": total,
         "started": sorted(started.get(lesson, ()), key=str.casefold)}
        for lesson, (title, total) in catalog.totals.items()
    ]
    learners = []
    for stats in report.learners:
        last = latest[stats.learner]
        total = catalog.totals.get(last.lesson, (last.lesson, 0))[1]
        learners.append({
            "learner": stats.learner,
            "lesson": last.lesson,
            "question": last.question,
            "in_lesson": len(answered[(stats.learner, last.lesson)]),
            "lesson_total": total,
            "answered": stats.answered,
            "right": stats.right,
            "total": stats.total,
            "last_at": last.answered_at,
        })
    questions = [
        {"lesson": q.lesson, "question": q.question, "tried": q.tried,
         "right_first": q.right_first, "share_first": round(q.share_first, 3),
         "graded": catalog.is_graded(q.lesson, q.question)}
        for q in report.questions
    ]
    wrong = [
        {"lesson": w.lesson, "question": w.question, "answer": w.response,
         "learners": w.learners, "misconception": w.misconception,
         "misconception_name": w.misconception_name}
        for w in report.wrong_answers
    ]
    return {"attempts": len(rows), "lessons": lessons, "learners": learners,
            "questions": questions, "wrong_answers": wrong}
