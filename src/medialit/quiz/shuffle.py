"""Deterministic shuffles: the same learner sees the same order in every run and process.

Python's ``hash()`` of a string changes between processes, so it would break
strict notebook checks and confuse a learner who reopens a notebook. A SHA-256
of the learner, lesson and question seeds the order instead.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def seed_for(learner: str, lesson: str, question: str) -> int:
    data = "\x1f".join(("shuffle", learner, lesson, question)).encode("utf-8")
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "big")


def shuffled(items: Sequence[T], learner: str, lesson: str, question: str) -> list[T]:
    out = list(items)
    random.Random(seed_for(learner, lesson, question)).shuffle(out)
    return out


__all__ = ["seed_for", "shuffled"]
