"""The analyzer's report turned into a case's data files, every guess marked as a draft.

The course's loader splits the article with its own rules (``content.article.parse_text``),
so the annotations follow those sentences; the analyzer's findings are attached to the
sentence they fall in. Each pre-filled field gets an entry in the record's ``draft`` map,
``field: rule``, naming the analyzer rule that produced it: the teacher's to-do list.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from medialit.analyze.report import Attribution, Report
from medialit.content.annotations import HedgeSignal
from medialit.content.article import parse_text

# The same rough net `medialit check` casts for numbers (content.course): every token it
# catches needs a row in numbers.yaml, so the pre-fill adds one for each, as a draft.
from medialit.content.course import _NUMBER_TOKEN

UNCONFIRMED_SUMMARY = (
    "Not checked yet: no document in data/record/ has been read for this sentence."
)
NOT_FOUND_EVIDENCE = (
    "Nothing searched yet: add the documents behind this sentence to data/record/ "
    "and cite their excerpts."
)
TO_REVIEW = "to be written by the teacher"

_KIND_TO_SOURCE = {
    # analyzer kind -> (registry type, identified)
    "person": ("official", "named"),
    "organisation": ("government", "named"),
    "described": ("official", "described"),
    "anonymous": ("anonymous", "anonymous"),
    "document": ("government", "named"),
}
_SIGNALS = {s.value for s in HedgeSignal}
_DURATION_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "hours"}
_UNIT_WORD = re.compile(r"\s*(?:of\s+)?([A-Za-z][A-Za-z-]*)")
_SKIP_UNIT = {"per", "percent", "cent", "and", "to", "or", "the", "a", "of", "in", "on", "at"}
# A word after a number that is not what it counts: the unit is then left for the teacher.
_NOT_UNIT = set(
    "said says say will would could may might since for from by with was were is are has have "
    "had than that which who when after before more less start end local this these those its "
    "their his her our your it they he she we you".split()
)


def slugify(text: str, fallback: str = "source") -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60].strip("-")
    return slug or fallback


def _source_key(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(name.split()), flags=re.IGNORECASE).casefold()


@dataclass
class Prefill:
    """What ``medialit new`` writes into ``data/``: plain dicts, ready for YAML."""

    sentences: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    numbers: list[dict[str, Any]]
    boilerplate: list[dict[str, Any]]
    publisher: str
    notes: list[str] = field(default_factory=list)


class _Registry:
    def __init__(self, publisher: dict[str, Any]) -> None:
        self.by_key: dict[str, dict[str, Any]] = {}
        self.ids: set[str] = {publisher["id"]}
        self.entries: list[dict[str, Any]] = [publisher]

    def add(self, name: str, kind: str | None, rule: str) -> str:
        key = _source_key(name)
        if key in self.by_key:
            return self.by_key[key]["id"]
        type_, identified = _KIND_TO_SOURCE.get(kind or "described", ("official", "described"))
        base = slugify(key)
        sid, n = base, 2
        while sid in self.ids:
            sid, n = f"{base}-{n}", n + 1
        entry: dict[str, Any] = {
            "id": sid,
            "name": " ".join(name.split()),
            "type": type_,
            "identified": identified,
            "affiliation": TO_REVIEW,
            "position_to_know": TO_REVIEW,
            "interests": TO_REVIEW,
            "draft": {
                "name": f"analyzer {rule}: the source as written",
                "type": f"analyzer kind '{kind}' -> {type_}",
                "identified": f"analyzer kind '{kind}' -> {identified}",
                "affiliation": "placeholder: who the source works for or speaks for",
                "position_to_know": "placeholder: what the source could know first-hand",
                "interests": "placeholder: what the source wants",
            },
        }
        self.by_key[key] = entry
        self.ids.add(sid)
        self.entries.append(entry)
        return sid


def _speaker(att: Attribution) -> tuple[str | None, str]:
    """The source's name for an attribution (a pronoun's antecedent), and the rule."""
    name = att.source.text if att.source is not None else None
    if att.identified == "pronoun" or att.form == "inherited":
        name = att.refers_to or name
    return name, f"{att.why.rule} ({att.form}, cue '{att.cue.text}')"


def _unit_after(text: str, end: int) -> str | None:
    """The word right after a number ('120,000 households'), skipping 'of', 'per cent'."""
    pos = end
    for _ in range(3):
        match = _UNIT_WORD.match(text, pos)
        if not match:
            return None
        word = match.group(1)
        if word.casefold() in _NOT_UNIT:
            return None
        if word.casefold() not in _SKIP_UNIT:
            return word.casefold()
        pos = match.end()
    return None


_WORD_VALUES = {
    w: float(v) for v, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split())
} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "seventy": 70.0,
     "eighty": 80.0, "ninety": 90.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6,
     "billion": 1e9, "half": 0.5, "dozen": 12.0}


def _spelled_value(token: str) -> float:
    """'2,021' -> 2021, 'Two' -> 2; 0 when the token is not read (the teacher fills it in)."""
    digits = token.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return _WORD_VALUES.get(token.casefold(), 0.0)


def build(text: str, report: Report, publisher_name: str | None) -> Prefill:
    """The draft data for ``text``; ``report`` is the analyzer's report on the same text."""
    parsed = parse_text(text)
    publisher_id = slugify(publisher_name, "this-article") if publisher_name else "this-article"
    publisher = {
        "id": publisher_id,
        "name": publisher_name or "This article (the page names no site)",
        "type": "website",
        "identified": "named" if publisher_name else "anonymous",
        "affiliation": TO_REVIEW,
        "position_to_know": TO_REVIEW,
        "interests": TO_REVIEW,
        "draft": {
            "name": "provenance: the site name trafilatura found"
            if publisher_name
            else "provenance: no site name found, the page stands for itself",
            "affiliation": "placeholder: who runs the site",
            "position_to_know": "placeholder: what the writer could know first-hand",
            "interests": "placeholder: what the site wants",
        },
    }
    registry = _Registry(publisher)
    sentences: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []
    found = report.sentences
    for index, span in enumerate(parsed.sentences, start=1):
        sid = f"s{index}"
        lo, hi = span.start, span.end
        inside = [s for s in found if s.start < hi and lo < s.end]
        draft: dict[str, str] = {}
        # sourcing: the first attribution outside a quote names the claimant
        claimant, how, rule = publisher_id, "", "no attribution found: the article itself"
        for s in inside:
            for att in sorted(s.attributions, key=lambda a: a.in_quote):
                name, why = _speaker(att)
                # an inherited attribution points at the speaker's sentence next door
                if name and (lo <= att.start < hi or att.form == "inherited"):
                    claimant = registry.add(name, att.kind, why)
                    how, rule = att.cue.text, f"analyzer {why}"
                    break
            if claimant != publisher_id:
                break
        draft["claimant"] = rule
        chain = [{"source": publisher_id, "how": "published the article"}]
        if claimant != publisher_id:
            chain.insert(0, {"source": claimant, "how": how})
        draft["chain"] = "claimant, then the article itself"
        quotes = []
        for s in inside:
            for q in s.quotes:
                a, b = max(q.start, lo), min(q.end, hi)
                piece = text[a:b]
                if piece.strip() and piece == piece.strip():
                    quotes.append({"text": piece, "start": a})
        if quotes:
            draft["quotes"] = "analyzer: text between quote marks"
        hedges = []
        for s in inside:
            for h in s.hedges:
                if lo <= h.start and h.end <= hi and h.signal in _SIGNALS and h.text.strip():
                    hedges.append({"text": h.text, "start": h.start, "signals": h.signal})
        if hedges:
            draft["hedges"] = "analyzer " + ", ".join(
                dict.fromkeys(f"{h.why.rule} '{h.why.entry}'" for s in inside for h in s.hedges)
            )
        speech = inside[0].speech if inside else "none"
        unattributed_flag = bool(inside) and all(s.unattributed for s in inside)
        kind, also = {
            "direct": ("direct_quote", []),
            "mixed": ("direct_quote", ["paraphrase"]),
            "paraphrase": ("paraphrase", []),
        }.get(speech, ("fact_claim", []))
        draft["kind"] = f"analyzer speech '{speech}' -> {kind}"
        record: dict[str, Any] = {
            "id": sid,
            "text": span.text,
            "start": span.start,
            "kind": kind,
        }
        if also:
            record["also"] = also
        record["claimant"] = claimant
        record["chain"] = chain
        if hedges:
            record["hedges"] = hedges
        if quotes:
            record["quotes"] = quotes
        if unattributed_flag:
            record["unattributed"] = [{"text": span.text, "start": span.start}]
            draft["unattributed"] = "analyzer: no source in or next to the sentence"
        record["verdict"] = {
            "rating": "unconfirmed",
            "summary": UNCONFIRMED_SUMMARY,
            "evidence": [{"text": NOT_FOUND_EVIDENCE, "basis": "not-found", "excerpts": []}],
        }
        draft["verdict"] = "every verdict starts unconfirmed: search the record, cite excerpts"
        record["draft"] = draft
        sentences.append(record)
        # numbers: the analyzer's, then whatever the check's net catches besides
        covered: list[tuple[int, int]] = []
        for s in inside:
            for n in s.numbers:
                if not (lo <= n.start and n.end <= hi) or not n.text.strip():
                    continue
                unit = "percent" if n.kind == "percent" else _unit_after(text, n.end) or "items"
                kind_n = "duration" if unit in _DURATION_UNITS else "count"
                numbers.append(
                    _number(len(numbers) + 1, n.text, n.start, sid, n.values[0] if n.values
                            else 0.0, unit, claimant, kind_n,
                            f"analyzer {_rule_name(n.why.rule, n.why.entry)}")
                )
                covered.append((n.start, n.end))
        for match in _NUMBER_TOKEN.finditer(span.text):
            start = lo + match.start()
            if any(a <= start < b for a, b in covered):
                continue
            token = match.group().rstrip(".,")
            numbers.append(
                _number(len(numbers) + 1, token, start, sid, _spelled_value(token),
                        _unit_after(text, start + len(token)) or "items", claimant, "count",
                        "check's number net: a year, a date or a word such as 'one'? "
                        "keep it as counted or note what it is")
            )
            covered.append((start, start + len(token)))
    boilerplate = [
        {"line": line.number, "text": line.text, "reason": line.reason}
        for line in parsed.furniture
    ]
    return Prefill(sentences, registry.entries, numbers, boilerplate, publisher_id)


def _number(
    k: int, text: str, start: int, sentence: str, value: float, unit: str, counted_by: str,
    kind: str, rule: str,
) -> dict[str, Any]:
    return {
        "id": f"n{k}",
        "text": text,
        "start": start,
        "sentence": sentence,
        "value": value,
        "unit": unit,
        "counts": unit,
        "counted_by": counted_by,
        "kind": kind,
        "draft": {
            "text": rule,
            "value": "read from the digits or words",
            "unit": "the word after the number",
            "counts": "the word after the number: say what is counted",
            "counted_by": "the sentence's claimant",
            "kind": "duration when the unit is a time, else count",
        },
    }


def _rule_name(rule: str, entry: str) -> str:
    """A rule and its word ('hedges/belief 'believe''); a pattern is named, not printed."""
    return rule if "{" in entry or "\\" in entry or len(entry) > 30 else f"{rule} '{entry}'"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
