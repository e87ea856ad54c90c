"""Paths and helpers shared by the quiz tests."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "course"
BANK = FIXTURE / "lessons" / "types" / "quiz.yaml"


def long_texts(bank: dict) -> list[str]:
    """Explanations and feedback of a teacher's bank, whitespace normalised.

    Restated here rather than taken from ``medialit.quiz.leaks`` so that a mistake in
    the engine's own scanner cannot hide itself from the tests.
    """
    found: list[str] = []

    def walk(node: object, key: str | None = None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif key in ("explanation", "feedback") and isinstance(node, str):
            found.append(" ".join(node.split()))

    walk(bank)
    return found
