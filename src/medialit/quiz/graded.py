"""Graded questions: their key stays with the class service, never in the student edition.

Two small pieces, kept apart from the release and the views so each is a one-line call
there: :func:`unseal_graded` rewrites a sealed bank so the teacher's graded questions
carry no seal at all (``graded: true`` instead), and :func:`graded_verdict` asks the
sink, which on a hub is :class:`medialit.classroom.sink.ClassSink`, for the service's
verdict. Which questions are graded comes from ``course.yaml``::

    graded: {lessons: [02-claims], questions: [01-provenance/six-lines], max_tries: 2}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from medialit.quiz.check import Verdict, invalid

OFFLINE = ("This question is graded by your class's service, which this notebook cannot "
           "reach: open it on your class's JupyterHub.")
UNREACHABLE = ("Your class's service cannot be reached right now, so this graded answer was "
               "not sent. Try again in a minute; your other answers are saved.")


def graded_settings(root: Path) -> dict[str, Any]:
    """``graded:`` of ``root/course.yaml`` (validated by the content loader), or empty."""
    try:
        data = yaml.safe_load((root / "course.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    graded = data.get("graded") if isinstance(data, dict) else None
    return graded if isinstance(graded, dict) else {}


def is_graded(settings: dict[str, Any], lesson: str, question: str) -> bool:
    return lesson in (settings.get("lessons") or []) or \
        f"{lesson}/{question}" in (settings.get("questions") or [])


def unseal_graded(text: str, lesson: str, root: Path) -> str:
    """The sealed bank ``text`` with every graded question's seal removed.

    A graded question's seal would hold its key (salted hashes and the feedback box),
    and the salt ships beside the hashes, so the student edition keeps only its public
    fields; the service, given the teacher's course, judges it."""
    settings = graded_settings(root)
    if not settings:
        return text
    data = yaml.safe_load(text)
    changed = False
    for q in data.get("questions", []):
        if is_graded(settings, lesson, str(q.get("id"))):
            q.pop("seal", None)
            q["graded"] = True
            changed = True
    if not changed:
        return text
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def graded_verdict(sink: Any, learner: str, lesson: str, question: str,
                   response: Any) -> Verdict:
    """The service's verdict on a graded answer; the sink keeps the learner's copy."""
    grade = getattr(sink, "grade", None)
    if grade is None:
        return invalid(OFFLINE)
    reply = grade(learner, lesson, question, response)
    body = reply.body
    if reply.status in (200, 201) and "correct" in body:
        return Verdict(
            valid=True, correct=bool(body["correct"]), score=float(body.get("score", 0)),
            feedback=str(body.get("feedback", "")),
            misconception_name=body.get("misconception_name"),
            explanation=str(body.get("explanation", "")),
        )
    if reply.status == 0:
        return invalid(UNREACHABLE)
    return invalid(str(body.get("error") or f"The class service answered {reply.status}."))
