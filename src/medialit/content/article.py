"""The article as data: raw bytes, decoded text, page furniture and sentences.

The splitting rules here are general (they are also used on articles the course
has never seen): a line is page furniture when it is too short to be a sentence
of news prose or when it repeats verbatim; sentences come from pysbd, which
knows about abbreviations such as "U.S." and quotes that span sentences.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from medialit.content.base import ContentModel, NonEmpty, Slug

FURNITURE_MAX_WORDS = 7
_TERMINAL = re.compile(r"[.!?][\"\u201d\u2019')]*$")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int
    end: int
    text: str
    reason: str = ""


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ParsedText:
    lines: list[Line]
    furniture: list[Line]
    sentences: list[SentenceSpan]


def _lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for number, chunk in enumerate(text.split("\n"), start=1):
        lines.append(Line(number, pos, pos + len(chunk), chunk))
        pos += len(chunk) + 1
    return lines


def furniture_reason(line: str, seen_before: bool) -> str | None:
    """Why a line is page furniture rather than article prose, or None if it is prose.

    Short lines are kept as prose when they read like a sentence ("He declined to
    comment."); short lines without sentence punctuation, or made of capitalised
    words and numbers (addresses, names, menu items, headings), are furniture.
    """
    words = line.split()
    if not words:
        return None
    if seen_before:
        return "repeats an earlier line verbatim"
    if len(words) > FURNITURE_MAX_WORDS:
        return None
    if not _TERMINAL.search(line.strip()):
        return f"a short line ({len(words)} words) without sentence punctuation"
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    if capitalised / len(words) >= 0.75:
        return (
            f"a short line ({len(words)} words) of capitalised words and numbers, like an address"
        )
    return None


@cache
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[SentenceSpan]:
    """Sentences of ``text[start:end]`` with offsets into ``text``, trailing space trimmed."""
    end = len(text) if end is None else end
    spans = []
    for piece in _segmenter().segment(text[start:end]):
        stripped = piece.sent.strip()
        if not stripped:
            continue
        s = start + piece.start + (len(piece.sent) - len(piece.sent.lstrip()))
        spans.append(SentenceSpan(s, s + len(stripped), stripped))
    return spans


def parse_text(text: str) -> ParsedText:
    """Separate furniture lines from prose and split the prose into sentences."""
    lines = _lines(text)
    furniture: list[Line] = []
    seen: set[str] = set()
    prose: list[Line] = []
    for line in lines:
        key = " ".join(line.text.split())
        reason = furniture_reason(line.text, key in seen)
        if key:
            seen.add(key)
        if reason:
            furniture.append(Line(line.number, line.start, line.end, line.text, reason))
        elif key:
            prose.append(line)
    sentences: list[SentenceSpan] = []
    for line in prose:  # paragraphs never share a sentence
        sentences.extend(split_sentences(text, line.start, line.end))
    return ParsedText(lines, furniture, sentences)


class BoilerplateEntry(ContentModel):
    line: int
    text: str
    reason: NonEmpty


class ArticleMeta(ContentModel):
    """``data/article/article.yaml``: what is known about where the text came from."""

    file: NonEmpty
    sha256: str
    encoding: str = "utf-8"
    found_at: str | None = None
    title_from_url: str | None = None
    date_from_url: dt.date | None = None
    byline: str | None = None
    dateline: str | None = None
    publisher: Slug
    site_owner: str | None = None
    boilerplate: list[BoilerplateEntry] = []


@dataclass(frozen=True)
class Article:
    meta: ArticleMeta
    path: Path
    raw: bytes
    text: str
    parsed: ParsedText

    @property
    def boilerplate(self) -> list[Line]:
        return self.parsed.furniture

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()
