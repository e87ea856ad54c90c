"""What the explorer may show a learner of the student edition, and when.

``medialit release`` seals the kind, hedges or verdict of a sentence when a quiz
question asks about it (:mod:`medialit.content.sealed_data`). The course loader
opens them, so every other part of medialit works as usual; the explorer, which
would otherwise show a learner the answer before they try, passes the course
through :func:`for_learner` and shows a sealed field only once one of the
questions about it has been answered (any attempt, right or wrong). A release made
with ``--open-data`` seals nothing, and then nothing is held back.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from medialit.content.sealed_data import gated_fields

HIDDEN = "not_yet_shown"  # shown as "not yet shown" by kind_label


def _gates(course: Any) -> dict[str, dict[str, list[str]]]:
    root = getattr(course, "root", None)
    if root is None:
        return {}
    path = Path(root) / "data" / "annotations.yaml"
    try:
        return gated_fields(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}


def _masked_verdict(verdict: Any, refs: list[str]) -> Any:
    where = ", ".join(f"lesson {r.replace('/', ', question ')}" for r in refs)
    update: dict[str, Any] = {}
    for name, value in verdict:
        if name == "rating":
            update[name] = HIDDEN
        elif name == "summary":
            update[name] = f"Shown once you have answered the question about it ({where})."
        elif isinstance(value, str):
            update[name] = ""
        elif isinstance(value, list | tuple):
            update[name] = type(value)()
    return verdict.model_copy(update=update)


def _masked(sentence: Any, hidden: dict[str, list[str]]) -> Any:
    update: dict[str, Any] = {}
    if "kind" in hidden:
        update["kind"] = HIDDEN
    if "also" in hidden:
        update["also"] = []
    if "hedges" in hidden:
        update["hedges"] = []
    if "verdict" in hidden:
        update["verdict"] = _masked_verdict(sentence.verdict, hidden["verdict"])
    return dataclasses.replace(sentence, **update)


def for_learner(course: Any, sink: Any | None = None, learner: str | None = None) -> Any:
    """``course`` with each sealed field hidden until a question about it is answered."""
    gates = _gates(course)
    if not gates or not dataclasses.is_dataclass(course):
        return course
    from medialit.progress.sink import current_learner, current_sink

    sink = sink or current_sink()
    learner = learner or current_learner()

    def answered(ref: str) -> bool:
        lesson, _, question = ref.partition("/")
        return sink.last_attempt(learner, lesson, question) is not None

    sentences = []
    for sentence in course.sentences:
        hidden = {
            name: refs
            for name, refs in gates.get(sentence.id, {}).items()
            if not any(answered(r) for r in refs)
        }
        sentences.append(_masked(sentence, hidden) if hidden else sentence)
    return dataclasses.replace(course, sentences=sentences)
