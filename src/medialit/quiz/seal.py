"""Salted hashes and a keyed XOR box: how a student edition keeps its key out of sight.

This stops casual peeking (opening quiz.yaml, searching the folder for an
answer). It does not stop a student who reads this module: the salt sits next
to the hashes, so the few possible answers of a question can be tried one by
one, and the box can be opened with the code below. Its job is to make looking
up an answer more work than thinking about the question.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

SEP = "\x1f"
DIGEST_CHARS = 32


def digest(salt: str, question_id: str, *parts: str) -> str:
    """A salted SHA-256 of one candidate answer, truncated to 128 bits of hex."""
    data = SEP.join(("medialit-seal-1", salt, question_id, *parts)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:DIGEST_CHARS]


def make_salt(lesson: str, question_id: str, seed: str) -> str:
    """Deterministic per question, so releasing twice gives the same files."""
    return hashlib.sha256(SEP.join(("salt", seed, lesson, question_id)).encode()).hexdigest()[:16]


def _keystream(salt: str, question_id: str, length: int) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < length:
        block = SEP.join(("box", salt, question_id, str(counter))).encode()
        out += hashlib.sha256(block).digest()
        counter += 1
    return bytes(out[:length])


def close_box(salt: str, question_id: str, content: dict[str, Any]) -> str:
    plain = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    mixed = bytes(
        a ^ b for a, b in zip(plain, _keystream(salt, question_id, len(plain)), strict=True)
    )
    return base64.b64encode(mixed).decode("ascii")


def open_box(salt: str, question_id: str, box: str) -> dict[str, Any]:
    """The box's content; an empty dict if it was damaged (the quiz then just says less)."""
    try:
        mixed = base64.b64decode(box.encode("ascii"), validate=True)
        plain = bytes(
            a ^ b for a, b in zip(mixed, _keystream(salt, question_id, len(mixed)), strict=True)
        )
        content = json.loads(plain.decode("utf-8"))
    except (ValueError, UnicodeError):
        return {}
    return content if isinstance(content, dict) else {}


__all__ = ["close_box", "digest", "make_salt", "open_box"]
