"""A one-pass sentence splitter for news prose, with pysbd's own abbreviation lists.

Why not pysbd itself: pysbd makes dozens of regex passes over every paragraph and
compiles a pattern per abbreviation it meets, about 120 KB of text a second here, so a
5 MB page would take 40 s before any detector runs. This splitter visits each
candidate end ('.', '?', '!' or '…', closing quotes or brackets, a space, then a
capital, a digit or an opening quote) once and decides it from the word before it,
following pysbd's English rules:

- an initial ('D.' in 'Dwayne D. Key') or a title that stands before a name ('Gen.',
  'Dr.', 'Sgt.') never ends a sentence;
- 'No.' or 'Jan.' before a digit does not end one ('Dec. 4');
- a multi-period abbreviation ('J.F.', 'D.C.', 'U.S.') ends one only when the next word
  is a usual sentence opener ('... in the U.S. The ...'), and 'a.m.'/'p.m.' before a
  capital does;
- any other abbreviation ends a sentence before a capital, as pysbd decides.

``benchmarks/analyzer.py`` measures its agreement with pysbd, sentence by sentence, on
every annotated text and on the speed corpus, in the same run as its speed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

# pysbd's sentence openers for 'U.S. The ...' (pysbd/abbreviation_replacer.py)
SENTENCE_STARTERS = frozenset(
    "A Being Did For He How However I In It Millions More She That The There They We What "
    "When Where Who Why".split()
)

_CANDIDATE = re.compile(r"[.?!…]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[\w]|\.(?=[^\W\d_]))*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"“‘'«(\[]*([\w’']+)")
_MULTI_PERIOD = re.compile(r"^[^\W\d_](?:\.[^\W\d_])+$")
_AM_PM = {"a.m", "p.m"}
_TIME_ZONES = {
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST",
    "AKDT", "HST", "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "JST", "KST",
}
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Prof|Mag|Dipl)\.\s+(?:[a-z]{2,4}\.\s+)?$")
# how far back a title is looked for: every look back stays short, so a paragraph of
# thousands of sentences (a text with no line breaks) is split in linear time
_TITLE_REACH = 80


def _digit_before(text: str, at: int) -> bool:
    """Whether a digit stands before ``at``, blank space apart ('41 sec.')."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1].isdecimal()


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """pysbd's English abbreviation lists: all, those that stand before a name, before a number."""
    from pysbd.lang.english import English

    abbr = English.Abbreviation
    return (
        frozenset(a.lower() for a in abbr.ABBREVIATIONS),
        frozenset(a.lower() for a in abbr.PREPOSITIVE_ABBREVIATIONS),
        frozenset(a.lower() for a in abbr.NUMBER_ABBREVIATIONS),
    )


def _ends_sentence(text: str, end: int, mark: str) -> bool:
    """Whether the mark ending at ``end`` (closers included) ends a sentence."""
    if not mark.startswith(".") or mark.startswith(".."):
        return True  # '?', '!', an ellipsis
    dot = end - len(mark)  # the position of the period
    word = _WORD_BEFORE.search(text, max(0, dot - 40), dot + 1)
    if word is None:
        return True  # after a digit or a closing bracket: "... in 2025."
    token = word.group(1)
    lower = token.lower()
    nxt = _NEXT_WORD.match(text, end)
    next_word = nxt.group(1) if nxt else ""
    every, prepositive, before_number = _lists()
    if len(token) == 1:
        return False  # an initial
    if lower in prepositive:
        return False
    after_number = _digit_before(text, word.start())
    if lower == "sec" and next_word[:1].isupper() and not after_number:
        return False  # "Sec. Collins", the Secretary's title; not "41 sec." (seconds)
    if (
        token.islower()
        and len(token) <= 4
        and _TITLE_BEFORE.search(text, max(0, word.start() - _TITLE_REACH), word.start())
    ):
        return False  # a degree after a title: "Professor Dr. med. Clemens Bulitta"
    if lower in before_number and next_word[:1].isdigit():
        return False
    if _MULTI_PERIOD.match(token):
        if lower in _AM_PM:
            # "at 6:40 p.m. EDT, Caine said" and "6 p.m. local time" go on
            return next_word[:1].isupper() and next_word not in _TIME_ZONES
        return next_word in SENTENCE_STARTERS
    if lower in every:
        return not next_word[:1].isdigit()
    return True


_ENCLOSED = re.compile(r'“[^”“]*”|"[^"]*"|\([^()]*\)')


def _enclosed(text: str) -> list[tuple[int, int]]:
    """Closed quotations and brackets, (opening mark, closing mark) positions."""
    if "“" not in text and '"' not in text and "(" not in text:
        return []
    return [(m.start(), m.end() - 1) for m in _ENCLOSED.finditer(text)]


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` of one paragraph, outer space trimmed.

    As in pysbd, a quotation or a bracket is not split inside: '“A. B.” The man left.'
    is two sentences, the first one the whole quotation.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    enclosed = _enclosed(text)
    openings = [a for a, _ in enclosed]
    for m in _CANDIDATE.finditer(text):
        # the quotations and brackets do not overlap: only the last one opened before
        # the mark can hold it
        k = bisect_left(openings, m.start()) - 1
        if k >= 0 and m.end() <= enclosed[k][1]:
            continue
        if _ends_sentence(text, m.end(), m.group()):
            _add(text, start, m.end(), spans)
            start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = start + len(piece) - len(piece.lstrip())
        spans.append((lead, lead + len(stripped)))
