"""The display name a learner picks once, in notebook 0."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

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


CARRIED_KEY = "default_answers_carried_to"


@dataclass(frozen=True)
class NameChoice:
    """A saved name, and how many earlier answers were carried over to it."""

    name: str
    carried: int = 0

    @property
    def notice(self) -> str:
        if not self.carried:
            return ""
        n = self.carried
        return (
            f"{n} answer{'s' if n != 1 else ''} you gave before choosing a name "
            f"{'were' if n != 1 else 'was'} moved to {self.name}."
        )


def _carried(sink: AnswerSink) -> str | None:
    getter = getattr(sink, "get_setting", None)
    if getter is not None:
        return getter(CARRIED_KEY)
    return getattr(sink, "_medialit_carried", None)


def _mark_carried(sink: AnswerSink, name: str) -> None:
    setter = getattr(sink, "set_setting", None)
    if setter is not None:
        setter(CARRIED_KEY, name)
    else:
        sink._medialit_carried = name  # type: ignore[attr-defined]


def choose_name(raw: str, sink: AnswerSink) -> NameChoice:
    """Store the cleaned name and, the first time a name is chosen, carry the answers
    given under the default name over to it (quizzes shown before the name was
    chosen record under the default). Only once: a later change of name moves nothing."""
    from medialit.progress.sink import DEFAULT_LEARNER

    name = clean_name(raw)
    carried = 0
    rename = getattr(sink, "rename_learner", None)
    if _carried(sink) is None and rename is not None and name != DEFAULT_LEARNER:
        carried = int(rename(DEFAULT_LEARNER, name))
        _mark_carried(sink, name)
    setter = getattr(sink, "set_learner_name", None)
    if setter is not None:
        setter(name)
    else:
        os.environ["MEDIALIT_LEARNER"] = name  # memory-only sink: keep it for this kernel
    return NameChoice(name, carried)


def save_name(raw: str, sink: AnswerSink) -> str:
    """Store the cleaned name in the sink's settings (if it keeps settings) and return it."""
    return choose_name(raw, sink).name
