"""The explorer's logic, with no widgets: sentence cards, text segments, filters.

Everything a learner can see in the explorer is computed here from the course,
so plain pytest reaches all of it; ``render`` turns it into HTML and ``widget``
wires it to ipywidgets.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from medialit.figures.palette import VERDICT_SYMBOLS, kind_label

MARKS = ("hedge", "number", "quote", "unattributed")
MARK_LEGEND = {
    "hedge": "underlined: hedge (a word that softens or qualifies the claim)",
    "number": "bold: number",
    "quote": "in a box: direct quotation",
    "unattributed": "dotted underline: said by no one (the writer's own words)",
}


class ExplorerError(LookupError):
    """A sentence id or kind the course does not have; the message lists what it has."""


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    type: str
    position_to_know: str
    interests: str


@dataclass(frozen=True)
class Step:
    source: Party
    how: str


@dataclass(frozen=True)
class NumberNote:
    text: str
    counts: str
    counted_by: str
    kind: str
    note: str


@dataclass(frozen=True)
class EvidencePoint:
    """One point of a verdict with the excerpts of the record it rests on."""

    text: str
    basis: str  # "from the record", "from the article itself", "not found in the record"
    excerpts: tuple[Any, ...]  # medialit.content.packet.Quote


@dataclass(frozen=True)
class Card:
    """Everything the explorer shows about one sentence."""

    id: str
    index: int
    text: str
    kinds: tuple[str, ...]
    claimant: Party
    chain: tuple[Step, ...]
    hedges: tuple[tuple[str, str], ...]  # (word, signal)
    numbers: tuple[NumberNote, ...]
    rating: str
    rating_label: str
    symbol: str
    summary: str
    evidence: tuple[EvidencePoint, ...]
    note: str

    @property
    def kind_labels(self) -> tuple[str, ...]:
        return tuple(kind_label(k) for k in self.kinds)


@dataclass(frozen=True)
class Segment:
    """A run of sentence text and the marks (hedge, number, quote...) that cover it."""

    text: str
    marks: frozenset[str]


def _value(x: Any) -> str:
    return str(getattr(x, "value", x))


def _party(course: Any, source_id: str) -> Party:
    source = course.sources.get(source_id)
    if source is None:
        return Party(source_id, source_id, "unknown", "", "")
    return Party(source.id, source.name, _value(source.type).replace("_", " "),
                 getattr(source, "position_to_know", ""), getattr(source, "interests", ""))


def _evidence(course: Any, verdict: Any) -> tuple[EvidencePoint, ...]:
    record = getattr(course, "record", None)
    points = []
    for point in verdict.evidence:
        quotes = tuple(record.excerpts[i] for i in point.excerpts
                       if record is not None and i in record.excerpts)
        points.append(EvidencePoint(point.text, point.basis.label, quotes))
    return tuple(points)


def sentence_or_error(course: Any, sentence_id: str) -> Any:
    for sentence in course.sentences:
        if sentence.id == sentence_id:
            return sentence
    known = ", ".join(s.id for s in course.sentences) or "none"
    raise ExplorerError(f"no sentence {sentence_id!r}; the article has: {known}")


def build_card(course: Any, sentence_id: str) -> Card:
    """The card for one sentence: who claims it, how it travelled, what the record says."""
    s = sentence_or_error(course, sentence_id)
    rating = _value(s.verdict.rating)
    return Card(
        id=s.id,
        index=s.index,
        text=s.text,
        kinds=tuple(_value(k) for k in [s.kind, *s.also]),
        claimant=_party(course, s.claimant),
        chain=tuple(Step(_party(course, hop.source), hop.how) for hop in s.chain),
        hedges=tuple((h.text, _value(h.signals)) for h in s.hedges),
        numbers=tuple(
            NumberNote(n.text, n.counts, _party(course, n.counted_by).name, _value(n.kind),
                       n.note)
            for n in s.numbers
        ),
        rating=rating,
        rating_label=str(getattr(s.verdict.rating, "label", rating)),
        symbol=VERDICT_SYMBOLS.get(rating, "?"),
        summary=s.verdict.summary,
        evidence=_evidence(course, s.verdict),
        note=s.note,
    )


def _locate(text: str, span_text: str, offset: int) -> int | None:
    """Where a span sits in the sentence: at its recorded offset, else the first match."""
    if offset >= 0 and text[offset:offset + len(span_text)] == span_text:
        return offset
    found = text.find(span_text)
    return found if found >= 0 else None


def segments(sentence: Any) -> list[Segment]:
    """Split a sentence into runs with a constant set of marks.

    Spans carry article offsets; they are mapped into the sentence and, if the
    text there differs (edited content, a test's fake sentence), found by search
    or dropped, so a stale offset can never break the display.
    """
    text = sentence.text
    spans: list[tuple[int, int, str]] = []
    groups = (
        ("hedge", getattr(sentence, "hedges", [])),
        ("number", getattr(sentence, "numbers", [])),
        ("quote", getattr(sentence, "quotes", [])),
        ("unattributed", getattr(sentence, "unattributed", [])),
    )
    for mark, items in groups:
        for item in items:
            at = _locate(text, item.text, item.start - sentence.start)
            if at is not None:
                spans.append((at, at + len(item.text), mark))
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        marks = frozenset(m for x, y, m in spans if x <= a and b <= y)
        if out and out[-1].marks == marks:
            out[-1] = Segment(out[-1].text + text[a:b], marks)
        else:
            out.append(Segment(text[a:b], marks))
    return out


def kinds_in(course: Any) -> list[str]:
    """The statement kinds the course uses, in first-seen order."""
    seen: dict[str, None] = {}
    for s in course.sentences:
        seen.setdefault(_value(s.kind), None)
    return list(seen)


def filter_sentences(course: Any, kinds: Iterable[str] | None = None) -> list[Any]:
    """Sentences whose main or secondary kind is one of ``kinds`` (all when None or empty)."""
    wanted = {k.replace(" ", "_") for k in kinds or ()}
    if not wanted:
        return list(course.sentences)
    known = {_value(k) for s in course.sentences for k in [s.kind, *s.also]}
    unknown = wanted - known - set(_ALL_KINDS)
    if unknown:
        raise ExplorerError(
            f"unknown kind {', '.join(sorted(unknown))!r}; kinds: {', '.join(_ALL_KINDS)}")
    return [s for s in course.sentences
            if wanted & {_value(k) for k in [s.kind, *s.also]}]


_ALL_KINDS = ("fact_claim", "opinion", "prediction", "direct_quote", "paraphrase", "background")


def option_label(sentence: Any, width: int = 70) -> str:
    """``3. [fact claim] NATO Secretary General…``: the listbox entry, kind in words."""
    text = " ".join(sentence.text.split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"{sentence.index}. [{kinds_text(sentence)}] {text}"


def kinds_text(sentence: Any) -> str:
    """``paraphrase + prediction``: the main kind first, then any others."""
    return " + ".join(kind_label(_value(k)) for k in [sentence.kind, *sentence.also])


def options(sentences: Sequence[Any]) -> list[tuple[str, str]]:
    return [(option_label(s), s.id) for s in sentences]
