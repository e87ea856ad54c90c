"""The source packet (``data/record/``): the documents behind the course's verdicts.

A media-literacy course is only as credible as its own facts, so every verdict and
every outside fact cites *excerpts*: the exact words of a dated, addressed document
that a learner can read before accepting the course's word. This module holds the
packet's schema, loads it, and answers the two questions the checks ask of it:
does an excerpt exist, and does a quoted phrase occur in it verbatim.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import Field

from medialit.content.base import ContentModel, NonEmpty, Slug
from medialit.content.problems import ContentError, Problem
from medialit.content.yamlfile import display_name, load_model

RECORD_FOLDER = "record"
# Short quotation for criticism and review: a generous ceiling for one excerpt of a
# work that is not in the public domain.
SHORT_QUOTATION_WORDS = 60
# A quoted phrase this long is a quotation of someone's words; shorter ones ("around",
# "to train") are usually terms under discussion and are not checked.
MIN_QUOTED_WORDS = 3


class DocumentKind(StrEnum):
    TRANSCRIPT = "transcript"
    STATEMENT = "statement"
    REMARKS = "remarks"
    WIRE_STORY = "wire_story"
    NEWS_REPORT = "news_report"
    ANALYSIS = "analysis"
    DATA = "data"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Rights(StrEnum):
    US_GOVERNMENT_WORK = "us_government_work"
    SHORT_QUOTATION = "short_quotation"
    PUBLIC_DOMAIN = "public_domain"

    @property
    def label(self) -> str:
        return {
            "us_government_work": "work of the US government (no copyright)",
            "short_quotation": "short excerpt quoted for criticism and review",
            "public_domain": "public domain",
        }[self.value]


class Excerpt(ContentModel):
    id: Slug
    speaker: str | None = None
    text: NonEmpty
    note: str = ""


class RecordDocument(ContentModel):
    id: Slug
    publisher: NonEmpty
    title: NonEmpty
    date: dt.date | None = None
    approximate: bool = False
    url: NonEmpty
    kind: DocumentKind
    obtained: NonEmpty
    rights: Rights
    about: str = ""
    excerpts: list[Excerpt] = Field(min_length=1)


@dataclass(frozen=True)
class Quote:
    """One excerpt with the document it comes from: what a learner is shown."""

    excerpt: Excerpt
    document: RecordDocument

    @property
    def id(self) -> str:
        return self.excerpt.id


@dataclass(frozen=True)
class Packet:
    documents: dict[str, RecordDocument]
    excerpts: dict[str, Quote]

    def quote(self, excerpt_id: str) -> Quote:
        return self.excerpts[excerpt_id]

    def __iter__(self) -> Iterator[Quote]:
        return iter(self.excerpts.values())


def load_packet(folder: Path, root: Path | None = None) -> Packet:
    """Every ``*.yaml`` in ``folder``; all problems at once, each naming its file."""
    problems: list[Problem] = []
    documents: dict[str, RecordDocument] = {}
    excerpts: dict[str, Quote] = {}
    owner: dict[str, str] = {}
    if not folder.is_dir():
        raise ContentError(
            [Problem(display_name(folder, root), "(folder)", "the source packet is missing")]
        )
    for path in sorted(folder.glob("*.yaml")):
        name = display_name(path, root)
        try:
            doc = load_model(RecordDocument, path, root)
        except ContentError as exc:
            problems += exc.problems
            continue
        if doc.id != path.stem:
            problems.append(Problem(name, "id", f"'{doc.id}' differs from the file name"))
        documents[doc.id] = doc
        for k, excerpt in enumerate(doc.excerpts):
            where = f"excerpts[{k}]({excerpt.id})"
            if excerpt.id in owner:
                problems.append(
                    Problem(name, where, f"excerpt id also used in {owner[excerpt.id]}")
                )
                continue
            owner[excerpt.id] = name
            excerpts[excerpt.id] = Quote(excerpt, doc)
            words = len(excerpt.text.split())
            if doc.rights is Rights.SHORT_QUOTATION and words > SHORT_QUOTATION_WORDS:
                problems.append(
                    Problem(
                        name,
                        f"{where}.text",
                        f"{words} words: a short quotation holds at most "
                        f"{SHORT_QUOTATION_WORDS}; cut it to the words the course needs",
                    )
                )
    if problems:
        raise ContentError(problems)
    return Packet(documents, excerpts)


# --- verbatim matching ----------------------------------------------------------------

_FOLD = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                       "\u00a0": " ", "–": "-", "—": "-"})
_QUOTED = re.compile(
    r"“(?P<a>[^”]+)”"  # curly double quotes
    r"|\"(?P<b>[^\"]+)\""  # straight double quotes
    r"|(?<![\w'’])[‘'](?P<c>.+?)[’'](?![\w'’])"  # single quotes, not apostrophes
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*")
_EDGE_PUNCTUATION = " \t\n.,;:!?"


def normalise(text: str) -> str:
    """Typography-insensitive form: curly and straight quotes, dashes and spacing agree.

    "Verbatim" means the same words in the same order; whether a page printed a
    curly or a straight apostrophe is the typesetter's choice, not the speaker's.
    """
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    return re.sub(r"\s+", " ", text).strip()


def quoted_phrases(
    text: str, min_words: int = MIN_QUOTED_WORDS, double_only: bool = False
) -> list[str]:
    """Phrases between quotation marks long enough to be someone's words.

    With ``double_only``, single quotation marks are read as *mentioning* a term or
    a hypothetical wording (the house style of the quiz banks), not as quoting.
    Markdown emphasis inside a quotation is not part of the words.
    """
    found = []
    for match in _QUOTED.finditer(text):
        if double_only and match.group("c") is not None:
            continue
        phrase = next(g for g in match.groups() if g is not None).replace("*", "")
        if len(phrase.split()) >= min_words:
            found.append(phrase)
    return found


def occurs_in(phrase: str, texts: Iterable[str]) -> bool:
    """Does every part of ``phrase`` (split at ellipses) occur verbatim in one of ``texts``?

    The first letter's case is free, because quoting a phrase mid-sentence often
    changes it; everything else must match.
    """
    parts = [p.strip(_EDGE_PUNCTUATION) for p in _ELLIPSIS.split(normalise(phrase))]
    parts = [p for p in parts if p]
    if not parts:
        return True
    haystacks = [normalise(t) for t in texts]
    return any(all(_find_part(part, hay) for part in parts) for hay in haystacks)


def _find_part(part: str, hay: str) -> bool:
    if part in hay:
        return True
    head, rest = part[0], part[1:]
    return (head.swapcase() + rest) in hay


__all__ = [
    "MIN_QUOTED_WORDS",
    "SHORT_QUOTATION_WORDS",
    "DocumentKind",
    "Excerpt",
    "Packet",
    "Quote",
    "RecordDocument",
    "Rights",
    "load_packet",
    "normalise",
    "occurs_in",
    "quoted_phrases",
]
