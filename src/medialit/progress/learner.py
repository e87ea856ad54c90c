"""The display name a learner picks once, in notebook 0."""

from __future__ import annotations

import unicodedata

from medialit.progress.attempts import AnswerSink

MAX_NAME = 40


class InvalidName(ValueError):
    """A name that cannot be used; the message says why, for the learner."""


def clean_name(raw: str) -> str:
    """Trim and check a display name; raises :class:`InvalidName` with a learner-facing reason."""
    name = " ".join(str(raw).split())
    if not name:
        raise InvalidName("Please type a name (it can be a nickname).")
    if len(name) > MAX_NAME:
        raise InvalidName(f"Please use at most {MAX_NAME} characters.")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise InvalidName("Please use letters, digits, spaces or punctuation only.")
    return name


def save_name(raw: str, sink: AnswerSink) -> str:
    """Store the cleaned name in the sink's settings (if it keeps settings) and return it."""
    name = clean_name(raw)
    setter = getattr(sink, "set_learner_name", None)
    if setter is not None:
        setter(name)
    else:
        import os

        os.environ["MEDIALIT_LEARNER"] = name  # memory-only sink: keep it for this kernel
    return name
