"""A guide's answer notes, generated from its quiz bank.

Teachers read keys, tolerances and explanations in the guide while learners answer
from the bank. Written twice, the two drifted (a tolerance in one, another in the
other); generated, they cannot disagree, and every question appears in its guide.
``medialit guides`` rewrites the section; ``medialit check`` fails when it is stale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

SECTION = "Answer notes"
MARKER = ("<!-- Generated from quiz.yaml by `medialit guides`: edit the bank, not these "
          "notes. -->")
_SECTION_RE = re.compile(r"^## +Answer notes[ \t]*\n.*?(?=^## |\Z)", re.M | re.S)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _number(x: float) -> str:
    return f"{x:g}"


def key_text(q: Any) -> str:
    """The right answer in words, as a teacher would read it out."""
    t = q.type
    if t in ("single", "multiple"):
        right = [o.text for o in q.options if o.correct]
        return "; ".join(f"“{_short(r)}”" for r in right)
    if t == "numeric":
        unit = f" {q.unit}" if q.unit else ""
        if q.range is not None:
            return f"between {_number(q.range[0])} and {_number(q.range[1])}{unit}"
        tolerance = f" (± {_number(q.tolerance)})" if q.tolerance else ""
        return f"{_number(q.answer)}{unit}{tolerance}"
    if t == "text":
        return "any of: " + ", ".join(f"“{a}”" for a in q.accepted)
    if t == "classify":
        # A sentence item is named by its id, whether or not its text has been filled in.
        return "; ".join(f"{i.sentence or _short(i.text or '', 50)} → {i.category}"
                         for i in q.items)
    if t == "match":
        return "; ".join(f"{_short(p.left, 50)} → {p.right}" for p in q.pairs)
    if t == "highlight":
        return ", ".join(f"“{w}”" for w in q.targets)
    return ""


def _explanation(q: Any) -> str:
    first = (q.explanation or "").strip().split("\n\n")[0]
    return " ".join(first.split())


def _items(questions: Iterable[Any]) -> list[str]:
    return [f"- `{q.id}` ({q.type}): **{key_text(q)}**. {_explanation(q)}" for q in questions]


def answer_notes(bank: Any) -> str:
    """The whole ``## Answer notes`` section for ``bank``."""
    core = [q for q in bank.questions if not q.extension]
    extension = [q for q in bank.questions if q.extension]
    parts = [f"## {SECTION}", "", MARKER, "", f"### Core ({len(core)} questions)", "",
             *_items(core)]
    if extension:
        parts += ["", f"### Extension, optional ({len(extension)} questions)", "",
                  *_items(extension)]
    return "\n".join(parts) + "\n"


def current_notes(guide_text: str) -> str | None:
    match = _SECTION_RE.search(guide_text)
    return match.group(0) if match else None


def with_notes(guide_text: str, bank: Any) -> str:
    """The guide with its answer-notes section replaced (or added at the end)."""
    notes = answer_notes(bank)
    match = _SECTION_RE.search(guide_text)
    if match is None:
        return guide_text.rstrip("\n") + "\n\n" + notes
    tail = guide_text[match.end():].lstrip("\n")
    return guide_text[: match.start()] + notes + ("\n" + tail if tail else "")


def in_step(guide_text: str, bank: Any) -> bool:
    return with_notes(guide_text, bank) == guide_text


__all__ = ["MARKER", "answer_notes", "current_notes", "in_step", "key_text", "with_notes"]
