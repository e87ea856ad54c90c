"""Lines, page furniture, sentences and quotations, all as spans into one text.

Furniture is recognised by shape, not by content: a line that repeats, or a
short line that is not a sentence (no lowercase word, no closing punctuation),
is an address, a menu item, a byline or a headline, and is set aside before
sentences are counted. Sentences are split paragraph by paragraph (pysbd's rules, in
one pass: :mod:`medialit.analyze.sentences`), so "U.S." and "Gen." do not end a
sentence and no sentence runs across paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from medialit.analyze import sentences
from medialit.analyze.report import Furniture, Quote
from medialit.content.article import furniture_reason


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int
    end: int
    text: str


def lines(text: str) -> list[Line]:
    out, pos = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            out.append(Line(number, start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]{2,}\b")
_NOT_HEADLINE = re.compile(
    r"^(?:by|updated|posted|published|photo|image|video)\b|[|›»/@:]|\d{1,2}:\d\d", re.IGNORECASE
)


def _headline(line: Line) -> bool:
    """The text's first line, written as a sentence without its full stop: the headline
    ("Pentagon says strike killed two"). It is read like a sentence, because a headline
    that attributes makes a claim like any other. Sentence case (two lowercase words or
    more) tells it from a menu, a byline or a section name, which are set aside."""
    words = line.text.split()
    return (
        len(words) >= 4
        and line.text[:1].isupper()
        and (len(_LOWER_WORD.findall(line.text)) >= 2 or _TITLE_SAYS.search(line.text) is not None)
        and not _NOT_HEADLINE.search(line.text)
    )


# a headline in title case whose verb is one of saying: "Rubio Says U.S. Will Not Back Down"
_TITLE_SAYS = re.compile(
    r"(?<=\w\s)(?:Says|Say|Tells|Tell|Warns|Warn|Urges|Urge|Announces|Announce|Calls|Vows|"
    r"Vow|Pledges|Claims|Denies|Deny|Rejects|Accuses|Praises|Lauds|Laud|Stresses|Highlights|"
    r"Reports|Finds|Find|Shows|Show|Confirms|Confirm|Predicts|Insists|Argues|Cautions|Touts|"
    r"Reaffirms|Reiterates|Condemns|Condemn|Sues|Sue|Testifies|Estimates|Celebrates|Hails|"
    r"Welcomes|Applauds|Commends|Slams|Decries|Questions|Announce|Identifies|Concludes)\b"
)


def _introduction(line: Line) -> bool:
    """A short line that introduces what follows ("Chair Ines Costa issued the following
    statement:"): a sentence ending in a colon, which says who speaks next."""
    text = line.text.rstrip()
    return text.endswith(":") and _headline(Line(line.number, line.start, line.end, text[:-1]))


def split_furniture(all_lines: list[Line]) -> tuple[list[Line], list[Furniture]]:
    counts = Counter(_normal(line.text) for line in all_lines)
    keep, furniture = [], []
    for index, line in enumerate(all_lines):
        reason = furniture_reason(line.text, counts[_normal(line.text)])
        if reason and counts[_normal(line.text)] == 1 and (
            (index == 0 and _headline(line)) or _introduction(line)
        ):
            reason = None
        if reason:
            furniture.append(
                Furniture(
                    start=line.start, end=line.end, text=line.text, line=line.number, reason=reason
                )
            )
        else:
            keep.append(line)
    return keep, furniture


def sentence_spans(paragraph: Line) -> list[tuple[int, int]]:
    """Sentence offsets in one paragraph: :mod:`medialit.analyze.sentences`, which agrees
    with the course article's pysbd splitter and is tens of times faster (see the benchmark)."""
    return [(paragraph.start + a, paragraph.start + b) for a, b in sentences.split(paragraph.text)]


OPENERS = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
_QUOTE_MARK = re.compile('[“”«»„"]')


def quote_spans(paragraph: Line) -> list[tuple[int, int, bool]]:
    """Double-quoted stretches (marks included) as (start, end, closed).

    Curly, guillemet and straight quotes; an opening mark left unclosed runs to the
    paragraph's end, as news style does for a quote that goes on into the next paragraph.
    """
    text = paragraph.text
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    closer = ""
    for mark in _QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in OPENERS:
                open_at, closer = i, OPENERS[ch]
            elif ch == '"':
                open_at, closer = i, '"'
        elif ch == closer or (closer != '"' and ch in CLOSERS):
            spans.append((open_at, i + 1, True))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text), False))
    return [(paragraph.start + a, paragraph.start + b, closed) for a, b, closed in spans]


def clip_quotes(
    quotes: list[tuple[int, int, bool]], start: int, end: int, text: str
) -> list[Quote]:
    """The parts of paragraph quotes inside one sentence, marked when they run on.

    ``quotes`` are in order and do not overlap (see :func:`quote_spans`), so the first
    one that may reach into the sentence is found by bisection: a paragraph of thousands
    of sentences (a text with no line breaks) costs no more per sentence than a short one.
    """
    out = []
    for k in range(bisect_right(quotes, start, key=lambda q: q[1]), len(quotes)):
        q_start, q_end, closed = quotes[k]
        if q_start >= end:
            break
        a, b = max(q_start, start), min(q_end, end)
        if a >= b or not text[a:b].strip():
            continue
        out.append(
            Quote(
                start=a,
                end=b,
                text=text[a:b],
                closed=closed,
                continues_before=q_start < start,
                continues_after=q_end > end,
            )
        )
    return out
