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
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from medialit.content.base import ContentModel, NonEmpty, Slug

# A line this short is furniture unless it reads like a sentence; a repeated line this short
# is furniture even if it does (a "Share this article" or an address block printed twice).
SHORT_LINE_WORDS = 12
REPEATED_LINE_WORDS = 25
_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*\.?")
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$|[.!?…,][\"”»]\s*$")


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


def sentence_shaped(text: str) -> bool:
    """A sentence has several words, at least one lowercase word, and closing punctuation."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return False
    if not any(w[0].islower() and len(w) > 1 for w in words):
        return False
    return bool(_ENDS_LIKE_SENTENCE.search(text))


def furniture_reason(line: str, repeats: int = 1) -> str | None:
    """Why a line is page furniture rather than article prose, or None if it is prose.

    Decided by shape, never by content, so that the rule carries over to pages the
    course has never seen: addresses, menus, bylines and headlines are short and
    not sentence-shaped; boilerplate blocks repeat.
    """
    words = len(_WORD.findall(line))
    if not words:
        return None
    if repeats > 1 and words <= REPEATED_LINE_WORDS:
        return f"repeated line (appears {repeats} times): page furniture, not article text"
    if words <= SHORT_LINE_WORDS and not sentence_shaped(line):
        return "short line that is not a sentence (heading, address, menu, byline or date?)"
    return None


@cache
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[SentenceSpan]:
    """Sentences of ``text[start:end]`` with offsets into ``text``, outer space trimmed.

    pysbd's sentences are located back in the text rather than trusted for offsets,
    so a sentence is never shifted; anything pysbd leaves over becomes one last sentence.
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    spans: list[SentenceSpan] = []
    cursor = 0
    for piece in _segmenter().segment(chunk):
        piece = piece.strip()
        if not piece:
            continue
        found = chunk.find(piece, cursor)
        if found < 0:
            break
        spans.append(SentenceSpan(start + found, start + found + len(piece), piece))
        cursor = found + len(piece)
    rest = chunk[cursor:]
    if rest.strip():
        lead = cursor + len(rest) - len(rest.lstrip())
        tail = chunk.rstrip()
        spans.append(SentenceSpan(start + lead, start + len(tail), chunk[lead : len(tail)]))
    return spans


def parse_text(text: str) -> ParsedText:
    """Separate furniture lines from prose and split the prose into sentences."""
    lines = _lines(text)
    counts = Counter(" ".join(line.text.lower().split()) for line in lines)
    furniture: list[Line] = []
    prose: list[Line] = []
    for line in lines:
        key = " ".join(line.text.lower().split())
        if not key:
            continue
        reason = furniture_reason(line.text, counts[key])
        if reason:
            furniture.append(Line(line.number, line.start, line.end, line.text, reason))
        else:
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
    # Written by `medialit new`: the file as the teacher gave it, what extracted the text,
    # the page's own title, and which provenance fields the page did not carry.
    original: str | None = None
    extracted_by: str | None = None
    title: str | None = None
    missing: list[str] = []


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
