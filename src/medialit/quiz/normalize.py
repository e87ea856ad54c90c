"""Turn what a learner typed into something comparable, or say why it cannot be.

Learners type on phones, paste from the article (curly quotes), add units and
thousands separators. None of that should make a right answer wrong, and none
of it should raise: unreadable input becomes a :class:`Unreadable` message.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

MAX_ANSWER_CHARS = 300

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "−": "-",
    }
)
# Dropped without a trace ("U.S." == "US", "Russia's" == "Russias"); other punctuation splits words.
_JOINERS = {"'", "."}


class Unreadable(ValueError):
    """Input that is not an answer at all; the message is written for the learner."""


def text_key(value: str) -> str:
    """Case-, space-, quote- and punctuation-insensitive form of a short answer."""
    value = unicodedata.normalize("NFKC", value).translate(_QUOTES).casefold()
    out = []
    for ch in value:
        cat = unicodedata.category(ch)
        if ch in _JOINERS:
            continue
        if cat[0] in "PSZC":
            out.append(" ")
        else:
            out.append(ch)
    words = "".join(out).split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(_SPELLING.get(w, w) for w in words)


# A leading article never decides whether a short answer is right ("the Pentagon").
_ARTICLES = frozenset({"the", "a", "an"})
# British and American spellings of the same word are the same answer.
_SPELLING = {
    "defence": "defense", "offence": "offense", "licence": "license", "centre": "center",
    "organisation": "organization", "organisations": "organizations", "colour": "color",
    "labour": "labor", "favour": "favor", "honour": "honor", "analyse": "analyze",
    "recognise": "recognize", "programme": "program",
}


def clean_text_answer(value: object) -> str:
    """The learner's text answer, or :class:`Unreadable` saying what to type instead."""
    if value is None:
        raise Unreadable("Type an answer first.")
    if not isinstance(value, str):
        raise Unreadable("Type your answer as text.")
    if len(value) > MAX_ANSWER_CHARS:
        raise Unreadable(
            f"That answer is {len(value):,} characters long; a few words are enough here."
        )
    if not text_key(value):
        raise Unreadable("Type an answer first: letters or digits, not only spaces or symbols.")
    return value


@dataclass(frozen=True)
class Number:
    value: float
    unit: str  # as typed, casefolded; "" when none


_NUMBER = re.compile(
    r"""^
    (?P<sign>[-+])?\s*
    (?P<int>\d{1,3}(?:,\d{3})+|\d+)?
    (?:\.(?P<frac>\d+))?
    \s*(?P<unit>.*)$""",
    re.VERBOSE,
)
_APPROX = re.compile(r"^(?:about|around|approximately|approx\.?|roughly|~|≈|c\.|ca\.?)\s*", re.I)


def parse_number(value: object) -> Number:
    """``"1,200 days"`` -> 1200 days; ``"12.5%"`` -> 12.5 %; never accepts NaN or infinity."""
    if value is None:
        raise Unreadable("Type a number first.")
    if isinstance(value, bool):
        raise Unreadable("Type a number, such as 42.")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise Unreadable("That is not a number you can count to; type an ordinary number.")
        return Number(float(value), "")
    if not isinstance(value, str):
        raise Unreadable("Type a number, such as 42.")
    if len(value) > MAX_ANSWER_CHARS:
        raise Unreadable("That is far too long for a number; type just the number.")
    typed = unicodedata.normalize("NFKC", value).translate(_QUOTES).strip()
    typed = _APPROX.sub("", typed).replace("\u202f", "").replace("_", "")
    if not typed:
        raise Unreadable("Type a number first.")
    match = _NUMBER.match(typed)
    if not match or (match.group("int") is None and match.group("frac") is None):
        raise Unreadable(f"“{_short(value)}” is not a number; type digits, such as 42 or 3.5.")
    unit = match.group("unit").strip().casefold()
    if unit and not re.fullmatch(r"%|[^\d\s][^\d]*", unit):
        if re.match(r"^,\d", match.group("unit")):
            raise Unreadable(
                "Use a dot for decimals (3.5) and commas only between thousands (1,200)."
            )
        raise Unreadable(f"“{_short(value)}” is not a single number; type one number.")
    digits = (match.group("int") or "0").replace(",", "")
    number = float(f"{digits}.{match.group('frac') or '0'}")
    if match.group("sign") == "-":
        number = -number
    if not math.isfinite(number):
        raise Unreadable("That number is too large; check the number of digits.")
    return Number(number, unit)


def unit_matches(typed: str, expected: str | None) -> bool:
    """``"day"`` and ``"Days"`` both fit a question asked in days; a bare number fits anything."""
    if not typed:
        return True
    if expected is None:
        return False
    want = expected.casefold().strip()
    forms = {want, want.rstrip("s"), want + "s", want.replace(" ", "")}
    if want in ("%", "percent", "per cent"):
        forms |= {"%", "percent", "per cent", "pc"}
    return typed.strip() in forms or typed.replace(" ", "") in forms


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


__all__ = [
    "MAX_ANSWER_CHARS",
    "Number",
    "Unreadable",
    "clean_text_answer",
    "parse_number",
    "text_key",
    "unit_matches",
]
