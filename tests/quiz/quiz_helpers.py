"""Paths and helpers shared by the quiz tests."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "course"
BANK = FIXTURE / "lessons" / "types" / "quiz.yaml"
