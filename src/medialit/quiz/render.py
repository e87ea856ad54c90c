"""HTML for quiz text: author markdown, learner feedback, and a static fallback.

Author text (prompts, explanations) comes from the course files and may use
inline HTML such as ``<br>``. Feedback can quote what a learner typed, so it is
rendered with raw HTML escaped. Nothing here makes ids: classes only, derived
from the lesson and question ids, so output is identical on every run.
"""

from __future__ import annotations

import html
import re

import mistune

from medialit.content.quizbank import Question
from medialit.quiz.check import Verdict

_author = mistune.create_markdown(escape=False, plugins=["strikethrough", "table"])
_learner = mistune.create_markdown(escape=True)

TYPE_INSTRUCTIONS = {
    "single": "Choose one answer.",
    "multiple": "Choose every answer that applies.",
    "numeric": "Type a number.",
    "text": "Type a short answer.",
    "classify": "Put each item in a group.",
    "match": "Match each item on the left with one choice.",
    "highlight": "Press the words asked for; press again to release one.",
}


def author_html(markdown: str) -> str:
    return str(_author(markdown or "")).strip()


def safe_html(markdown: str) -> str:
    """Markdown with any HTML in it shown as text: for anything that may quote a learner."""
    return str(_learner(markdown or "")).strip()


def css_slug(value: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", value.casefold()).strip("-") or "x"


def question_classes(lesson: str, question: Question) -> list[str]:
    return [
        "medialit-quiz",
        f"medialit-type-{question.type}",
        f"medialit-q-{css_slug(lesson)}-{css_slug(question.id)}",
    ]


def instructions(question: Question) -> str:
    text = TYPE_INSTRUCTIONS[question.type]
    unit = getattr(question, "unit", None)
    if question.type == "numeric" and unit:
        text = f"Type a number ({'a percentage' if unit == '%' else 'in ' + unit})."
    return text


def verdict_html(
    verdict: Verdict,
    misconception_label: str = "Common mix-up",
    order: list[str] | None = None,
    numbered: bool = True,
) -> str:
    """The verdict in words and symbols. ``order`` lists detail labels as the rows stand
    on screen: details then follow it, numbered (unless ``numbered`` is False) when
    every row has one."""
    parts = [f"<p><strong>{html.escape(verdict.headline)}</strong></p>"]
    if verdict.feedback:
        parts.append(safe_html(verdict.feedback))
    details = list(verdict.details)
    if not order:
        numbered = False
    else:
        rank = {label: i for i, label in enumerate(order)}
        details.sort(key=lambda d: rank.get(d.label, len(rank)))
        numbered = (
            numbered and len(details) == len(order) and all(d.label in rank for d in details)
        )
    if details:
        rows = "".join(
            f"<li>{'✓' if d.ok else '✗'} <em>{html.escape(d.label)}</em>"
            f"{': ' + html.escape(d.message.lstrip('✓✗ ')) if d.message else ''}</li>"
            for d in details
        )
        tag = "ol" if numbered else "ul"
        parts.append(f"<{tag} class='medialit-details'>{rows}</{tag}>")
    if verdict.misconception_name:
        parts.append(
            f"<p class='medialit-misconception'>{html.escape(misconception_label)}: "
            f"<strong>{html.escape(verdict.misconception_name)}</strong></p>"
        )
    state = "invalid" if not verdict.valid else ("correct" if verdict.correct else "retry")
    return (
        f"<div class='medialit-feedback medialit-{state}' role='status' aria-live='polite'>"
        + "".join(parts)
        + "</div>"
    )


def explanation_html(explanation: str) -> str:
    return (
        "<div class='medialit-explanation'><p><strong>Explanation</strong></p>"
        + author_html(explanation)
        + "</div>"
    )


def static_html(lesson: str, question: Question, number: int | None = None) -> str:
    """What a viewer without a running kernel sees: the question, never its key."""
    title = f"Question {number}" if number else "Question"
    parts = [
        f"<div class='{' '.join(question_classes(lesson, question))}'>",
        f"<p><strong>{html.escape(title)}</strong> · {html.escape(instructions(question))}</p>",
        author_html(question.prompt),
    ]
    if question.text and question.type != "highlight":
        parts.append(f"<blockquote>{html.escape(question.text)}</blockquote>")
    elif question.text:
        parts.append(f"<p>{html.escape(question.text)}</p>")
    parts.append("<p><em>Run this cell in Jupyter to answer.</em></p></div>")
    return "".join(parts)


__all__ = [
    "author_html",
    "css_slug",
    "explanation_html",
    "instructions",
    "question_classes",
    "safe_html",
    "static_html",
    "verdict_html",
]
