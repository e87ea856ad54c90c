"""Detectors: hedges, numbers and attributions in one sentence.

Each detector takes the sentence text, its offset in the report text and the
rule set, and returns findings whose ``why`` names the rule and entry that
fired. The word lists are data (``rules/*.yaml``); what is code here is only how
a source is found around a reporting verb, which is grammar, not vocabulary.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from medialit.analyze.literals import Literals, any_of, may_match, required_literals
from medialit.analyze.report import Attribution, Hedge, NumberFinding, Quote, RuleRef, Span
from medialit.analyze.rules import CompiledPattern, LexiconGroup, RuleSet, SourceWords
from medialit.analyze.sources import (
    PARTITIVE,
    PARTITIVES,
    TITLE_IN,
    Kind,
    classify,
    core,
    head_of,
    plain_word,
    without_possessive,
)


@dataclass
class Candidate:
    start: int
    end: int
    priority: int
    payload: object = None


def non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then by priority (the order rules are listed); no two overlap."""
    chosen: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _ref(kind: str, group: LexiconGroup | object, entry: str, explain: str, file: str) -> RuleRef:
    return RuleRef(rule=f"{kind}/{group}", entry=entry, explain=explain, file=file)


def _ignore_spans(rules: RuleSet, category: str, text: str) -> list[tuple[int, int]]:
    rules_of = rules.ignore_literals.get(category, ())
    if not rules_of:
        return []
    folded = text.casefold()
    any_literal = rules.ignore_any_literal.get(category)
    if any_literal is not None and any_literal.search(folded) is None:
        return []  # most sentences: none of the words any of the rules is about
    return [
        (m.start(), m.end())
        for regex, literals in rules_of
        if may_match(literals, folded)
        for m in regex.finditer(text)
    ]


def _ignored(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the spans of the ignore rules."""
    return any(a <= start and end <= b for a, b in spans)


_LEADING_PUNCT = re.compile(r"^[\s\"“”‘’'«»(\[—–-]*")


def _mid_sentence_capital(text: str, start: int, entry_lower: bool) -> bool:
    """'May' or 'Will' mid-sentence is a name or a month, not a hedge."""
    return entry_lower and text[start].isupper() and start > _LEADING_PUNCT.match(text).end()


def _entry_for(group: LexiconGroup, matched: str) -> str:
    """The group's entry the matched words stand for, as the rule file writes it."""
    return _entries_by_form(tuple(group.entries)).get(" ".join(matched.lower().split()), matched)


@lru_cache(maxsize=512)
def _entries_by_form(entries: tuple[str, ...]) -> dict[str, str]:
    """Each entry by its lower-case form (the first one written wins). Why a table: a
    group holds dozens of entries, and every cue in every sentence asks for one."""
    table: dict[str, str] = {}
    for entry in entries:
        table.setdefault(entry.lower(), entry)
    return table


# ---------------------------------------------------------------- hedges
_NUMBER_PLACEHOLDER = re.compile(r"\{(?:number|digits|spelled)\}")


def _pattern_matches(
    rules: RuleSet, category: str, text: str, numberless: bool = False
) -> list[tuple[int, CompiledPattern, int, int, str]]:
    """(priority, compiled rule, start, end, text) of every non-blank match of the
    category's patterns in one sentence.

    ``numberless``: the sentence holds no digit, currency sign or number word, so patterns
    built on a number placeholder cannot match and are not tried.
    """
    out = []
    for priority, compiled in enumerate(rules.compiled_patterns):
        if compiled.rule.category != category:
            continue
        if numberless and _NUMBER_PLACEHOLDER.search(compiled.rule.regex):
            continue
        for m in compiled.regex.finditer(text):
            if m.group().strip():
                out.append((priority, compiled, m.start(), m.end(), m.group()))
    return out


_SAMPLE = 200_000  # characters in which PatternScan counts a rule's literals


class PatternScan:
    """Every pattern run once over the whole text, its matches handed out per sentence.

    Why: run per sentence, the patterns cost a Python call each for every sentence, which
    dominated the analyzer on long files. A match that runs across a sentence's edge is
    not used: that sentence is scanned alone instead, so each sentence gets what a scan of
    the sentence itself would find. That holds for rules that look at most a few characters
    past their match; the attribution ignore rules look ahead as far as a quotation mark
    ("responded to" is speech only when a quotation follows), so a later sentence would
    change them: they are left out here and run on their sentence alone.
    """

    # each rule scanned only over runs of sentences it may match in (those that may hold
    # a number, those that hold one of its literals); a test turns this off to check that
    # the findings are the same
    by_regions = True

    def __init__(
        self,
        rules: RuleSet,
        text: str,
        spans: list[tuple[int, int]],
        progress: Callable[[float], None] | None = None,
    ) -> None:
        self.rules = rules
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.found: dict[int, list[tuple[int, CompiledPattern, int, int, str]]] = {}
        self.ignored: dict[int, dict[str, list[tuple[int, int]]]] = {}
        self.alone: set[int] = set()
        self.text, self.spans = text, spans
        folded = text.casefold()
        # a letter that folds to two ('ß' to 'ss') moves every offset after it
        self.folded = folded if self.by_regions and len(folded) == len(text) else None
        self.numeric = self._hinted() if self.by_regions else None
        patterns, literals_of = rules.compiled_patterns, rules.pattern_literals
        for priority, (compiled, literals) in enumerate(zip(patterns, literals_of, strict=True)):
            if progress is not None:
                progress(priority / (len(patterns) + 1))
            regions = self._regions(self._needs_a_number(compiled), literals)
            for m in (m for a, b in regions for m in compiled.regex.finditer(text, a, b)):
                if not m.group().strip():
                    continue
                i = self._place(m.start(), m.end())
                if i is not None:
                    a = self.starts[i]
                    self.found.setdefault(i, []).append(
                        (priority, compiled, m.start() - a, m.end() - a, m.group())
                    )
        for rule, regex in rules.compiled_ignore:
            if rule.category == "attribution":
                continue
            # what the number ignore rules drop can only be where numbers can be
            literals = required_literals(regex.pattern, regex.flags)
            for m in (
                m
                for a, b in self._regions(rule.category == "number", literals)
                for m in regex.finditer(text, a, b)
            ):
                i = self._place(m.start(), m.end())
                if i is not None:
                    a = self.starts[i]
                    spans_of = self.ignored.setdefault(i, {}).setdefault(rule.category, [])
                    spans_of.append((m.start() - a, m.end() - a))

    @staticmethod
    def _needs_a_number(compiled: CompiledPattern) -> bool:
        """A number pattern built on a number placeholder finds nothing in a sentence with
        no digit, currency sign or number word, so it is run only where those are (about
        half the text of news), as :meth:`RuleSet.may_hold_number` promises."""
        return compiled.rule.category == "number" and bool(
            _NUMBER_PLACEHOLDER.search(compiled.rule.regex)
        )

    def _regions(self, numeric: bool, literals: Literals | None) -> list[tuple[int, int]]:
        """Where a rule is scanned: the runs of sentences it may match in."""
        chosen = self.numeric if numeric else None
        if literals is not None and self.folded is not None and self._rare(literals):
            having = self._holding(literals)
            chosen = having if chosen is None else chosen & having
        if chosen is None:
            return [(0, len(self.text))]
        regions: list[tuple[int, int]] = []
        joins, spans, last = self._joins, self.spans, -2
        for i in sorted(chosen):
            if i == last + 1 and joins[i]:
                regions[-1] = (regions[-1][0], spans[i][1])  # the next sentence: one region
            else:
                regions.append(spans[i])
            last = i
        return regions

    def _rare(self, literals: Literals) -> bool:
        """Whether the literals are rare enough for looking them up to pay: fewer than one
        for every two sentences, as counted in the text's first stretch (a count over all
        of a long text, for each of dozens of literals, cost more than it saved)."""
        folded = self.folded
        assert folded is not None
        sample = min(len(folded), _SAMPLE)
        hits = sum(folded.count(s, 0, sample) for s in literals)
        return hits * len(folded) < sample * (len(self.spans) // 2)

    @cached_property
    def _joins(self) -> list[bool]:
        """Whether only blank space lies between each sentence and the one before it."""
        text, ends = self.text, self.ends
        return [i > 0 and not text[ends[i - 1] : a].strip() for i, a in enumerate(self.starts)]

    def _sentences_found(self, search: Callable[[int], tuple[int, int] | None]) -> set[int]:
        """The sentences holding a whole find of ``search(at)``, the next (start, end) at
        or after ``at``; one find is enough, so on to the next sentence after it."""
        found: set[int] = set()
        at = 0
        while (hit := search(at)) is not None:
            start, end = hit
            i = bisect_right(self.starts, start) - 1
            if i >= 0 and end <= self.ends[i]:
                found.add(i)
                at = self.ends[i]
            else:
                at = start + 1  # across an edge: a shorter find may start inside it
        return found

    def _hinted(self) -> set[int]:
        """The sentences that may hold a number."""
        hint, text = self.rules.number_hint, self.text

        def search(at: int) -> tuple[int, int] | None:
            m = hint.search(text, at)
            return None if m is None else (m.start(), m.end())

        return self._sentences_found(search)

    def _holding(self, literals: Literals) -> set[int]:
        """The sentences holding one of the literals, case-folded."""
        folded = self.folded
        assert folded is not None
        literal = any_of(literals)

        def search(at: int) -> tuple[int, int] | None:
            m = literal.search(folded, at)
            return None if m is None else (m.start(), m.end())

        return self._sentences_found(search)

    def _place(self, start: int, end: int) -> int | None:
        """The sentence holding [start, end); None when the match holds no sentence text,
        or when it runs over a sentence's edge (those sentences are then scanned alone)."""
        first = bisect_right(self.starts, start) - 1
        if first >= 0 and start < self.ends[first]:
            if end <= self.ends[first]:
                return first
        else:
            first += 1  # starts between sentences
        last = bisect_left(self.starts, end) - 1
        self.alone.update(range(first, last + 1))
        return None

    def ignore_spans(self, index: int, category: str, text: str) -> list[tuple[int, int]]:
        """The spans of the category's ignore rules in sentence ``index``."""
        if index in self.alone:
            return _ignore_spans(self.rules, category, text)
        return self.ignored.get(index, {}).get(category, [])

    def matches(
        self, index: int, category: str, text: str
    ) -> list[tuple[int, CompiledPattern, int, int, str]]:
        if index in self.alone:
            return _pattern_matches(self.rules, category, text)
        return [f for f in self.found.get(index, ()) if f[1].rule.category == category]


def find_hedges(
    text: str, offset: int, rules: RuleSet, scan: tuple[PatternScan, int] | None = None
) -> list[Hedge]:
    cands: list[Candidate] = []
    groups = list(rules.hedges.values())
    for start, end, priority, matched in rules.hedge_index.find(text):
        group = groups[priority]
        entry = _entry_for(group, matched)
        if _mid_sentence_capital(text, start, entry[:1].islower()):
            continue
        why = _ref("hedges", group.id, entry, group.explain, rules.origin_of("hedges", group.id))
        cands.append(Candidate(start, end, priority, (why, group.signal)))
    base = len(cands) + 1
    found = (
        scan[0].matches(scan[1], "hedge", text) if scan else _pattern_matches(rules, "hedge", text)
    )
    for priority, compiled, start, end, _ in found:
        rule = compiled.rule
        why = _ref("patterns", rule.id, rule.regex, rule.explain, compiled.origin)
        cands.append(Candidate(start, end, base + priority, (why, rule.signal)))
    out = []
    chosen = non_overlapping(cands)
    if chosen:
        ignore = scan[0].ignore_spans(scan[1], "hedge", text) if scan else None
        ignore = _ignore_spans(rules, "hedge", text) if ignore is None else ignore
    for cand in chosen:
        if _ignored(ignore, cand.start, cand.end):
            continue
        why, signal = cand.payload
        out.append(
            Hedge(
                start=offset + cand.start,
                end=offset + cand.end,
                text=text[cand.start : cand.end],
                why=why,
                signal=signal,
            )
        )
    return out


# ---------------------------------------------------------------- numbers
def read_numbers(text: str, rules: RuleSet) -> list[float]:
    """Every number in a finding, read as a value: '600,000-700,000' -> [600000, 700000]."""
    words = rules.number_words
    values: list[float] = []
    for m in rules.number_regex.finditer(text):
        value = read_one(m.group(), rules)
        if value is not None:
            values.append(value)
    # "two and a half": the fraction belongs to the number before it
    lowered = text.lower()
    for name, fraction in words.fractions.items():
        if name not in lowered:
            continue
        joined, alone = _fraction_regexes(name)
        if joined.search(lowered) and values:
            values[-1] += fraction
        elif alone.search(lowered) and not values:
            values.append(fraction)
    return values


@cache
def _fraction_regexes(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'two and a half' and 'a half', compiled once per fraction word."""
    return (
        re.compile(rf"\band\s+an?\s+{re.escape(name)}\b"),
        re.compile(rf"\b(?:an?|one)[\s-]{re.escape(name)}\b"),
    )


def read_one(token: str, rules: RuleSet) -> float | None:
    words = rules.number_words
    token = token.strip().lower()
    digits = re.match(r"^(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th)?(?:\s+([a-z]+))?$", token)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        if digits.group(2) and digits.group(2) in words.scales:
            value *= words.scales[digits.group(2)]
        return value
    total, current, seen = 0.0, 0.0, False
    for part in re.split(r"[\s-]+", token):
        if part in ("and", ""):
            continue
        if part in ("a", "an"):
            current = max(current, 1.0)
            continue
        if part in words.units or part in words.tens:
            current += words.units.get(part, words.tens.get(part, 0.0))
            seen = True
        elif part in words.scales:
            scale = words.scales[part]
            current = max(current, 1.0) * scale
            seen = True
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
    return total + current if seen else None


def find_numbers(
    text: str, offset: int, rules: RuleSet, scan: tuple[PatternScan, int] | None = None
) -> list[NumberFinding]:
    if scan:
        found = scan[0].matches(scan[1], "number", text)
    else:
        found = _pattern_matches(rules, "number", text, not rules.may_hold_number(text))
    cands: list[Candidate] = []
    for priority, compiled, start, end, matched in found:
        start += len(matched) - len(matched.lstrip())
        cands.append(Candidate(start, end, priority, compiled))
    out = []
    chosen = non_overlapping(cands)
    if chosen:
        ignore = scan[0].ignore_spans(scan[1], "number", text) if scan else None
        ignore = _ignore_spans(rules, "number", text) if ignore is None else ignore
    for cand in chosen:
        if _ignored(ignore, cand.start, cand.end):
            continue
        compiled = cand.payload
        found = text[cand.start : cand.end]
        why = _ref(
            "patterns",
            compiled.rule.id,
            compiled.rule.regex,
            compiled.rule.explain,
            compiled.origin,
        )
        out.append(
            NumberFinding(
                start=offset + cand.start,
                end=offset + cand.end,
                text=found,
                why=why,
                kind=compiled.rule.kind or "count",
                values=read_numbers(found, rules),
            )
        )
    return out


# ---------------------------------------------------------------- attributions
# a comma right before a digit is a thousands separator ("1,200 farmers"), not a boundary
_CLAUSE_PUNCT = r"[;:()“”\"«»—–]|,(?!\d)|\s-\s"
_CLAUSE_WORDS = (
    r"\b(?:and|but|or|that|which|who|whom|whose|if|when|whenever|while|because|as|"
    r"after|before|although|though|whether|where|so|than|until|unless)\b"
    # after "has", "had" or "have" these are adverbs: "Ruiz has since said"
    r"|(?<!\bhas\s)(?<!\bhad\s)(?<!\bhave\s)\b(?:since|then|once)\b"
)
_BOUNDARY = re.compile(rf"{_CLAUSE_PUNCT}|{_CLAUSE_WORDS}", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_][\w’'&.\-]*|[^\w\s]")
AUXILIARIES = {
    "reportedly",
    "allegedly",
    "also",
    "later",
    "earlier",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "again",
    "once",
    "first",
    "then",
    "since",  # "Ruiz has since said"
    "still",
    "already",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "separately",
    "further",
    "only",
    "however",
    "meanwhile",
    "yesterday",
    "today",
    "tonight",
    "subsequently",
    "initially",
    "himself",
    "herself",
    "themselves",
    "cannot",
    "can't",
    "won't",
    "didn't",
    "doesn't",
    "don't",
    "wouldn't",
    "couldn't",
    "can’t",
    "won’t",
    "didn’t",
    "doesn’t",
    "don’t",
    "wouldn’t",
    "couldn’t",
    "long",
    "now",
    "just",
    "even",
    "often",
    "frequently",
    "consistently",
    "officially",
    "formally",
    "jointly",
    "specifically",
    "explicitly",
    "openly",
    "strongly",
    "firmly",
    "flatly",
    "quickly",
    "immediately",
    "ultimately",
    "finally",
    "currently",
    "usually",
    "generally",
    "clearly",
    "similarly",
    "likewise",
    "widely",
    "both",  # "Ortega and his deputy both said"
    "all",
    "each",
}
FINITE = {"has", "have", "had", "is", "are", "was", "were"}
# words that open a question before its subject: "Can you say", "Did officials confirm"
_QUESTION_OPENERS = FINITE | {"can", "could", "will", "would", "did", "does", "do", "should",
                              "shall", "may", "might"}
NEGATIONS = {"not", "never", "cannot"}
# modal verbs of duty: what someone must or should say is not something they said
OBLIGATIONS = {"must", "should", "shall", "mustn't", "mustn’t", "shouldn't", "shouldn’t"}
# words of degree before an adjective in -ing: "a very promising start"
_DEGREE = {"very", "most", "more", "less", "least", "highly", "so", "too", "quite", "rather"}
BE_FORMS = {"is", "are", "was", "were", "been", "being", "be", "’s", "'s"}
LEADING_TIME = {
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "also",
    "meanwhile",
    "separately",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "morning",
    "evening",
    "night",
    "afternoon",
}
DETERMINERS = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "some",
    "many",
    "all",
    "several",
    "no",
}
NP_STOP = {
    "on",
    "in",
    "at",
    "during",
    "for",
    "from",
    "with",
    "by",
    "to",
    "after",
    "before",
    "since",
    "over",
    "into",
    "about",
    "against",
    "near",
    "who",
    "which",
    "that",
    "when",
    "where",
    "while",
    "and",
    "but",
    "or",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "said",
    "says",
    "will",
    "would",
    "could",
    "later",
    "earlier",
    "also",
    "then",
    "last",
    "this",
    "adding",
    "saying",
    "because",
    "if",
    "as",
    "than",
    "it",
    "he",
    "she",
    "they",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# a participle that describes the noun before it, the sentence's verb right after
_REDUCED_RELATIVE = re.compile(
    r"(?:\s+(?:today|yesterday|earlier|recently|last\s+\w+|this\s+\w+|on\s+\w+|\w+day))?"
    r"\s+(?:is|are|was|were|will|has|have|had)\b"
)
# what a study or a report does with or without "that" after it
FINDINGS = {"found", "finds", "shows", "showed", "show", "concluded", "concludes", "estimates",
            "indicate", "indicates", "indicated", "suggest", "suggests", "suggested", "claims",
            "demonstrates", "demonstrated", "reads", "read", "stipulates", "stipulated",
            "identified", "identifies", "detailed", "details", "documented", "documents",
            "challenged", "challenges", "projects"}
# a verb that ends its sentence: "..., the agency estimates."
_AT_END = re.compile(r"\s*[.!?]?[\"”’»]*\s*$")
# verbs of saying after which reported speech often drops "that"
SPEECH_WITHOUT_THAT = {"said", "says", "told", "tells", "added", "wrote", "stated", "reported"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.",
    "oct.", "nov.", "dec.",
}  # fmt: skip
# a sentence end inside one segment (a quotation of several sentences): a lower-case word
# of three letters or more and a full stop, so "Dr. Osei" and "U.S. Attorney" stay whole
_SENTENCE_END = re.compile(r"\b[a-z]{3,}[.!?][”\"]?\s+(?=[A-Z“\"])")
MAX_SOURCE_WORDS = 12


# which kinds of source a pronoun can stand for, nearest first
PRONOUN_KINDS: dict[str, tuple[Kind, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "i": ("person",),
    "it": ("organisation", "document"),
    "they": ("described", "anonymous", "organisation", "person"),
    "we": ("organisation", "described", "person"),
}


@dataclass
class AttributionState:
    """Carried across sentences so 'He said' can point at the last named source.

    A pronoun points at the last source of a kind it can stand for: 'he' at a person,
    'it' at an organisation or a document, so "The ministry said ... . Smith ... . He
    said" gives Smith, and "... the agency said. It added" the agency.
    """

    last_named: str | None = None
    last_kind: Kind | None = None
    seen: list[str] = field(default_factory=list)
    last_of: dict[str, str] = field(default_factory=dict)
    # head nouns of the sources the text has said it will not name ("official", "diplomat")
    unnamed_heads: set[str] = field(default_factory=set)
    # words the text writes after a first name or a title ("Elon Musk", "Gen. Caine"):
    # surnames, so a one-word source among them is a person (see :func:`one_word_kind`)
    surnames: frozenset[str] | None = None
    # the last source "he" or "she" can stand for: a named person, or one person described
    # ("A senior official said ... He added"), with its kind
    last_one: tuple[str, Kind] | None = None

    def remember(self, name: str, kind: Kind | None, one_person: bool = False) -> None:
        self.last_named, self.last_kind = name, kind
        if kind == "person" or (one_person and kind is not None):
            self.last_one = (name, kind)
        if kind is not None:
            self.last_of[kind] = name
            self.seen.append(kind)
        head = _head_noun(name)
        if kind == "anonymous" and head:
            self.unnamed_heads.add(head)
        elif kind == "described" and head:
            # "A senior official told reporters ... The official said": the official last
            # spoken of is this one, whom the text did not say it would not name
            self.unnamed_heads.discard(head)

    def still_unnamed(self, phrase: str, kind: Kind | None) -> bool:
        """'the officials' after 'officials who spoke on condition of anonymity': the same
        people, still not named, so still anonymous. Only a definite phrase points back."""
        if kind != "described" or not self.unnamed_heads:
            return False
        first = phrase.split(None, 1)[0].lower() if phrase.split() else ""
        if _head_noun(phrase) not in self.unnamed_heads:
            return False
        if first in {"the", "those", "these", "that", "this"}:
            return True
        # a bare plural ("Officials said", "U.S. officials said") names nobody new either
        words = phrase.split()
        return words[-1].lower().endswith("s") and len(words) <= 2 and first not in {
            "some", "other", "many", "several", "two", "three", "local",
        }

    def antecedent(self, pronoun: str) -> tuple[str | None, Kind | None]:
        if pronoun.lower() in ("he", "she") and self.last_one is not None:
            return self.last_one
        kinds = PRONOUN_KINDS.get(pronoun.lower(), ())
        for kind in reversed(self.seen):
            if kind in kinds:
                return self.last_of[kind], kind
        if kinds == ("person",):
            return None, "person"  # "he" is a person even when the text never named him
        return self.last_named, self.last_kind


# two to five capitalised words in a row: a name in full ("Elon Musk", "Gen. Dan Caine",
# "Xi Jinping"), whose every word may later stand alone for the person
_CAPITALISED_RUN = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*\s+(?:[A-Z]\.\s+)?){1,7}[A-Z][\w’'-]*")
_RUN_OPENERS = {
    "the", "a", "an", "in", "on", "at", "for", "of", "and", "but", "as", "by", "to", "from",
    "with", "after", "before", "this", "that", "these", "those", "when", "while", "if", "its",
    "his", "her", "their", "our",
}  # fmt: skip
# below this many words a text is an excerpt, which may not name a person in full
ONE_WORD_MIN_WORDS = 100


def surnames_in(text: str) -> frozenset[str] | None:
    """Every word the text writes inside a run of capitalised words ("Elon Musk", "President
    Xi Jinping"). None for a short excerpt, where nothing can be told from it."""
    if len(text.split()) < ONE_WORD_MIN_WORDS:
        return None
    out: set[str] = set()
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group().split()
        while words and words[0].lower() in _RUN_OPENERS:
            words = words[1:]
        if len(words) >= 2:
            out.update(without_possessive(w) for w in words)
    return frozenset(out)


def one_word_kind(phrase: str, kind: Kind | None, surnames: frozenset[str] | None) -> Kind | None:
    """'Tesla said', 'Gazprom said': one capitalised word that the article never writes as part
    of a longer name is a body, not a person. News names a person in full before the surname
    alone; a company or a group goes by its one name."""
    if kind != "person" or surnames is None:
        return kind
    words = phrase.split()
    if len(words) != 1 or not words[0][:1].isupper() or words[0].lower() in PRONOUNS:
        return kind
    name = without_possessive(words[0])
    return kind if name in surnames else "organisation"


def _head_noun(phrase: str) -> str | None:
    """The head noun, lower-cased and without a plural -s: 'The two officials' -> 'official'."""
    words = core(phrase)
    if not words:
        return None
    head = without_possessive(head_of(words)).lower()
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def _words(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


_RELATIVE = {"who", "which", "that"}
_NAME = re.compile(r"^(?:[A-Z][\w’'.&-]*\s*){1,5}$")
# a name and where the person works: "John Roe of the Brookings Institution"
_NAME_AND_AFFILIATION = re.compile(
    r"((?:[A-Z][\w’'.&-]*\s+){1,4}?[A-Z][\w’'.&-]*)\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z]"
)


_WORDLIKE = re.compile(r"[^\W_]")
_LETTERLIKE = re.compile(r"[^\W\d_]")
_SOURCE_WORDS = re.compile(r"[^\W_][\w’'.\-&]*")
_PARENTHESIS = re.compile(r"\([^()]{1,60}\)")
# a title set off by commas between a subject and its verb: 'The report, titled “Ports
# at Risk,” found'
_TITLED = re.compile(
    r",\s*(?:titled|entitled|called|named|dubbed)\s+[“\"‘'][^”\"“]{1,120}[”\"’']\s*,?\s*$",
    re.IGNORECASE,
)
_THAT_NEXT = re.compile(r"\s+that\b", re.IGNORECASE)
# "... was criticized by": the agent of a passive verb of saying
_PASSIVE_AGENT = re.compile(r"\s+(?:(?:\w+ly|also)\s+)?by\b", re.IGNORECASE)
# a phrase of time between a subject and its verb: "Ortega on Tuesday said", "last week"
_TRAILING_TIME = re.compile(
    r"\s+(?:on\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+last)\s+"
    r"(?:week|month|year|morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter)"
    r"|yesterday|today|tonight)\s*$",
    re.IGNORECASE,
)
_TIME_ENDINGS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "month", "year", "morning", "afternoon", "evening", "weekend", "spring", "summer",
    "autumn", "fall", "winter", "yesterday", "today", "tonight",
}  # fmt: skip
# a part set off by dashes: "Ortega – who has led the party since 2010 – said"
_DASHES = re.compile(r"\s[—–]\s[^—–]{1,120}\s[—–]\s*$")


# word sets the functions below test against, joined once here rather than on each call
_TIME_WORDS = frozenset(LEADING_TIME | MONTHS | WEEKDAYS)
_BEFORE_A_VERB = frozenset(
    DETERMINERS | BE_FORMS | AUXILIARIES | {"to", "be", "been", "being", "get", "got"}
)
_BE_OR_FINITE = frozenset(BE_FORMS | FINITE)
_NO_SUBJECT_END = frozenset(DETERMINERS | (NP_STOP - PRONOUNS))
_SPEAKING_PRONOUNS = frozenset(PRONOUNS - {"it", "you"})
# words of quantity that stand for people when alone before a verb: "Some said"
_SOME_OF_THEM = frozenset({"others", "some", "many", "several", "most", "few", "another"})


def _subject_before(
    text: str, cue_start: int, words: SourceWords | None = None
) -> tuple[int, int] | str | None:
    """Span of the phrase before the cue, back to the clause boundary.

    Returns "passive" for 'was reported', "relative" for 'which reported',
    "reject" when what stands there cannot be a source, None when nothing does.
    A short bracket ('Homeland Security (DHS)') is read as part of the name before it.
    """
    left = _PARENTHESIS.sub(lambda m: " " * len(m.group()), text[:cue_start])
    if (titled := _TITLED.search(left)) is not None:
        left = left[: titled.start()] + " " * (len(left) - titled.start())
    last_word = left[-12:].rstrip().rpartition(" ")[2].lower()
    for blank, needed in (
        (_TRAILING_TIME, last_word in _TIME_ENDINGS),
        (_DASHES, left.rstrip()[-1:] in "—–"),
    ):
        m = blank.search(left) if needed else None
        if m is not None and m.start() > 0 and left[: m.start()].strip():
            left = left[: m.start()] + " " * (len(left) - m.start())
    boundary, boundary_word, boundary_start = 0, "", 0
    for m in _BOUNDARY.finditer(left):
        boundary, boundary_word, boundary_start = m.end(), m.group().lower(), m.start()
    for m in _SENTENCE_END.finditer(left, boundary):
        boundary = m.end()  # "... by cybercriminals. These charges underscore": one quote
    tokens = [t for t in _words(left[boundary:]) if t.group() not in {".", "’", "'"}]
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].group() in SPEECH_WITHOUT_THAT:
            tokens = tokens[i + 1 :]  # "the ministry said Kabir expressed hope": Kabir
            break
    if (
        len(tokens) > 1
        and tokens[0].group().lower() in _QUESTION_OPENERS
        and (tokens[1].group().islower() or tokens[1].group().lower() in PRONOUNS)
    ):
        return "reject"  # "Can you say whether ...": a question asks, it attributes nothing
    opener = next(
        (k for k in range(len(tokens) - 3, -1, -1) if tokens[k].group().lower() in _ONE), None
    )
    if opener is not None and _plural_after_singular(tokens[opener:], words):
        # "a move analysts say could backfire": the speakers are the analysts
        return boundary + tokens[-1].start(), boundary + tokens[-1].end()
    while len(tokens) > 1 and tokens[-1].group().lower() in WEEKDAYS:
        tokens.pop()  # "Afghanistan’s Taliban Thursday called on"
    if (
        len(tokens) > 1
        and tokens[-1].group().islower()
        and tokens[-1].group().endswith("ed")
        and tokens[-2].group().lower()
        not in _BEFORE_A_VERB
    ):
        tokens.pop()  # "A U.N. report published last month estimated": the report
    while tokens and tokens[-1].group() in AUXILIARIES:  # lower case: "Clean Rivers Now"
        word = tokens.pop().group().lower()
        if word in NEGATIONS or word.endswith(("n't", "n’t")):
            return "reject"  # "cannot say", "did not confirm": no claim is attributed
    if tokens and tokens[-1].group().lower() in OBLIGATIONS:
        return "reject"  # "Companies must disclose their emissions": a duty, no claim
    if tokens and tokens[-1].group().lower() in BE_FORMS:
        return "passive"
    while (
        len(tokens) > 1
        and tokens[0].group().lower() in LEADING_TIME
        and tokens[1].group() not in _BE_OR_FINITE  # "This is the path one expects"
    ):
        tokens.pop(0)
    if not tokens:
        if boundary_word in _RELATIVE:
            # "a memorandum that explains ...": the noun before "that" is the source
            at = _last_boundary_start(left)
            before = _trailing_noun_phrase(left[:at]) if left[:at].rstrip()[-1:] != "," else None
            if before and words and _can_speak(text[before[0] : before[1]], words):
                return before
            return "relative"
        # "Loeffler, the administrator, also said": what stood after the comma was
        # an adverb, so the parts set off by commas end at that comma
        return _appositive(left[:boundary], words) if boundary_word == "," else None
    if (
        tokens
        and tokens[0].group().lower() in _PREPOSITIONS
        and (relative := _RELATIVE_BEFORE.search(left, 0, boundary_start)) is not None
    ):
        # "An official who requested anonymity because of the sensitivity of the issue
        # said": a subject never opens with "of"; the subject stands before "who"
        return _subject_before(text, relative.start(), words)
    speaker_in_clause = (  # "the bill, which critics say is costly": critics speak
        len(tokens) <= 2
        and words is not None
        and _can_speak(left[boundary + tokens[0].start() : boundary + tokens[-1].end()], words)
    )
    if boundary_word in {"who", "which"} and _starts_with_verb(tokens) and not speaker_in_clause:
        # "a senior official who spoke on condition of anonymity told": the relative
        # clause sits between the subject and its verb; the subject stands before "who"
        return _subject_before(text, _last_boundary_start(left), words)
    if len(tokens) == 1 and tokens[0].group().lower() in _SOME_OF_THEM:
        # "Some said", "while another said": a quantity of people standing alone
        return boundary + tokens[0].start(), boundary + tokens[0].end()
    if len(tokens) > MAX_SOURCE_WORDS or tokens[-1].group().lower() in _NO_SUBJECT_END:
        return "reject"
    if not any(_LETTERLIKE.match(t.group()) for t in tokens):
        return "reject"
    if any(t.group() in FINITE for t in tokens[:-1]) and tokens[-1].group() not in PRONOUNS:
        return "reject"  # "sales had fallen said": a clause, not a noun phrase
    first = tokens[0].group().lower()
    if len(tokens) > 1 and first in PRONOUNS and tokens[-1].group().lower() not in PRONOUNS:
        return "reject"  # "It includes legally declared": a pronoun and its verb
    if _adverb(tokens[-1].group()) and all(t.group().lower() in DETERMINERS for t in tokens[:-1]):
        return "reject"  # "The newly announced plan": an adjective, no subject
    while len(tokens) > 1 and _adverb(tokens[-1].group()) and not _adverb(tokens[-2].group()):
        tokens = tokens[:-1]  # "Rwanda basically responded": the subject is "Rwanda"
    last = tokens[-1].group()
    if len(tokens) == 1 and _bare_singular(last, words):
        if boundary_word == "that" and not left[:boundary_start].strip(' “"‘'):
            return boundary_start, boundary + tokens[0].end()  # "That plan calls for"
        return "reject"  # "Journalists ... document alleged crimes": a verb, not a source
    if len(tokens) > 1 and tokens[-1].group().lower() in _SPEAKING_PRONOUNS:
        tokens = tokens[-1:]  # "a difference they described as ...": the speaker is "they"

    return boundary + tokens[0].start(), boundary + tokens[-1].end()


_ONE = {"a", "an", "this", "that", "each", "every", "another", "one"}


def _plural_after_singular(tokens: list[re.Match[str]], words: SourceWords | None) -> bool:
    """'a facility officials say', 'a claim experts say': "a" cannot go with a plural, so
    the plural role noun opens a clause of its own and is the subject."""
    if words is None or len(tokens) < 3 or tokens[0].group().lower() not in _ONE:
        return False
    last, before = tokens[-1].group(), tokens[-2].group()
    sets = words.sets
    return (
        last.islower()
        and last.endswith("s")
        and (last in sets["roles"] or last in sets["anonymous_heads"])
        and before.islower()
        and before not in NP_STOP
        and before not in sets["roles"]
        and not before.endswith("s")
    )


# nouns that end like adverbs: "The family said" has a subject
_LY_NOUNS = {
    "family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly", "reply", "bully",
    "homily", "belly", "jelly", "lily", "folly", "fly", "butterfly", "panoply", "oligopoly",
    "melancholy", "doily", "gully", "tally", "italy", "july",
}  # fmt: skip


def _adverb(word: str) -> bool:
    """A lower-case word in -ly that is no noun: "newly", "basically", not "family"."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


def _bare_singular(word: str, words: SourceWords | None) -> bool:
    """A lone lower-case singular noun ('document', 'guidance') cannot speak without a
    determiner; plurals ('officials'), pronouns and role nouns ('police') can."""
    if not word.islower() or word in PRONOUNS or word.endswith("s"):
        return False
    return words is None or word not in words.union("roles", "anonymous_heads")


def _trailing_noun_phrase(left: str) -> tuple[int, int] | None:
    """The noun phrase that ends ``left``: 'released a memorandum' -> 'a memorandum'."""
    tokens = [t for t in _words(left) if _WORDLIKE.match(t.group())]
    taken: list[re.Match[str]] = []
    for tok in reversed(tokens):
        low = tok.group().lower()
        if low in NP_STOP or (tok.group()[:1].islower() and low.endswith("ed")):
            break
        taken.insert(0, tok)
        if low in DETERMINERS or len(taken) >= 6:
            break
    if not taken or (taken[0].group().lower() in DETERMINERS and len(taken) == 1):
        return None
    return taken[0].start(), taken[-1].end()


_PREPOSITIONS = {"of", "to", "for", "from", "with", "about", "by", "into", "than"}
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\b(?!.*\b(?:who|which)\b)", re.IGNORECASE)


def _last_boundary_start(left: str) -> int:
    start = 0
    for m in _BOUNDARY.finditer(left):
        start = m.start()
    return start


def _starts_with_verb(tokens: list[re.Match[str]]) -> bool:
    """Whether a relative clause's first word is its verb ("who spoke", "which runs"),
    rather than a new subject ("who the police said"): lower case, no determiner or
    pronoun."""
    first = tokens[0].group()
    low = first.lower()
    return first[:1].islower() and low not in DETERMINERS | PRONOUNS | {"them", "him", "us"}


APPOSITION_STARTS = {"a", "an", "the", "its", "his", "her", "their"}
INSERTION_STARTS = {
    "through", "via", "in", "with", "at", "on", "for", "after", "during", "like", "from",
    "speaking", "writing", "citing", "quoting", "however", "meanwhile", "too", "also",
}  # fmt: skip


def _appositive(left: str, words: SourceWords | None = None) -> tuple[int, int] | None:
    """The subject before parts set off by commas: 'The finance director, Lena Hoffmann,
    told', 'Dr. Osei, a cardiologist ..., said', 'Clemens Bulitta, president of the
    university, said' (a role noun), 'The department, through its agency, announced'
    (an inserted phrase), 'Maria Lopez, who runs a bakery, said' (a relative clause),
    'The report, published on Monday, found' (a participle), 'Doe, 45, of Springfield,
    said' (an age and a home town: several parts in a row)."""
    body = left.rstrip()
    if not body.endswith(","):
        return None
    body = body[:-1]
    roles = words.union("roles", "titles") if words else frozenset()
    for _ in range(4):  # at most four inserted parts in a row
        cut = body.rfind(",")
        if cut < 0:
            return None
        last = body[cut + 1 :].strip()
        if _NAME.match(last) and not _inserted(last, roles):
            start = body.index(last, cut + 1)
            return start, start + len(last)
        affiliated = _NAME_AND_AFFILIATION.match(last)
        if affiliated and not _inserted(last, roles):
            # "Another analyst, John Roe of the Brookings Institution, told": the name
            start = body.index(last, cut + 1)
            return start, start + affiliated.end(1)
        if not _inserted(last, roles):
            return None
        before = _subject_before(body, cut, words)
        if (
            isinstance(before, tuple)
            and body[: before[0]].rstrip().endswith(",")
            and (
                _inserted(body[before[0] : before[1]], roles)
                or not _capitalised_head(body[before[0] : before[1]])
            )
            and (
                not _NAME.match(body[before[0] : before[1]])
                or _PARTY_STATE.fullmatch(body[before[0] : before[1]].strip())
            )
        ):
            body = body[:cut]  # "Lezhnev, adviser at The Sentry, a Washington NGO, who ..."
            continue
        if isinstance(before, tuple):
            named = _NAMED_APPOSITION.fullmatch(last)
            if named and not _capitalised_head(body[before[0] : before[1]]):
                # "The anti-graft watchdog, the Central Commission (CCDI), said": the
                # name says who the description means
                start = body.index(last, cut + 1) + named.start(1)
                return start, start + len(named.group(1))
            return before
        body = body[:cut]
    return None


# "the Central Commission for Discipline Inspection (CCDI)": "the", a name, an acronym
_NAMED_APPOSITION = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w’'.&-]*)(?:\s+(?:(?:of|for|and|the|on|de)\s+)*[A-Z][\w’'.&-]*)*)"
    r"(?:\s*\([A-Z]{2,8}\))?"
)


def _capitalised_head(phrase: str) -> bool:
    words = core(phrase)
    return bool(words) and head_of(words)[:1].isupper()


# a party and a state after a lawmaker's name: "D-Wash."
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][\w.]*")

IRREGULAR_PARTICIPLES = {
    "written", "given", "taken", "shown", "known", "seen", "held", "made", "led", "brought",
    "built", "sent", "drawn", "done", "chosen", "driven", "spoken", "begun", "won", "paid",
    "kept", "left", "sold", "bought", "caught", "taught", "struck", "hidden", "broken",
    "stolen", "sworn", "born", "set", "put", "run", "hit", "cut", "read", "heard", "told",
}  # fmt: skip


def _inserted(part: str, roles: frozenset[str]) -> bool:
    """Whether a part set off by commas can stand between a subject and its verb."""
    split = part.split()
    if not split:
        return False
    first = split[0].lower()
    if first == "or" and len(split) > 1 and split[1][:1].isupper():
        return True  # an alias: "The Norwegian Refugee Council, or NRC, said"
    if len(split) == 1 and _PARTY_STATE.fullmatch(part.strip()):
        return True  # a party and a state: "Sen. Ana Reyes, D-Calif., said"
    return (
        first in APPOSITION_STARTS | INSERTION_STARTS | {"who", "which", "whose", "of"}
        or first in roles
        or (split[0].islower() and len(split) > 1 and split[1].lower() in roles)  # "senior adviser"
        or (split[0].islower() and _role_head(part, roles))  # "senior policy adviser at X"
        or first.isdigit()  # an age: "Doe, 45, said"
        or (first in PARTITIVES and len(split) > 2 and split[1] == "of")  # "some of them"
        or (first.endswith(("ed", "ing")) and split[0][:1].islower())
        or first in IRREGULAR_PARTICIPLES  # "The opinion, written by Justice Kagan, said"
    )


def _role_head(part: str, roles: frozenset[str]) -> bool:
    words = core(part)
    return bool(words) and plain_word(head_of(words)) in roles


# verbs of saying whose form shows a plural subject ("Hegseth, Caine laud", "A, B say")
_BASE_FORMS = {"say", "laud", "warn", "urge", "vow", "deny", "claim", "call", "praise", "reject",
               "accuse", "condemn", "pledge", "tell", "insist", "argue", "announce", "agree"}
_LAST_WORD = re.compile(r"\s+(\w+)$")
_AND_NEXT = re.compile(r",?\s+and\s+(?=\w)")
_AND_BEFORE = re.compile(r"(?:,?\s+and|\s*&)\s*$", re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",\s*$")


def _conjuncts(
    text: str, span: tuple[int, int], words: SourceWords, plural_verb: bool = False
) -> list[tuple[int, int]]:
    """The other subjects joined to a source by "and" or commas: "Smith and Jones said",
    "The White House, the Pentagon and the State Department declined". Each must be a
    noun phrase that can speak: a capitalised name, or ending in a role, document,
    organisation or place noun ("The plan failed and officials said" joins nothing).
    Headlines join with a comma alone ("Hegseth, Caine laud strike"): that is read only in
    a headline, before a verb whose form says it has more than one subject."""
    out: list[tuple[int, int]] = []
    start = span[0]
    for i in range(4):
        # the last joint is "and"; commas join the ones before it: "A, B and C"
        joint = (_COMMA_BEFORE if i else _AND_BEFORE).search(text, 0, start)
        if joint is None and i == 0 and plural_verb and text[span[0] : span[0] + 1].isupper():
            joint = _COMMA_BEFORE.search(text, 0, start)
        if joint is None:
            break
        before = _subject_before(text, joint.start(), words)
        joined = (
            _name_joined_by_and(text, before, words.sets) if isinstance(before, tuple) else None
        )
        if joined is not None and joined != before:
            before = joined  # "..., Secretary of Health and Human Services Jane Park, and ..."
        elif not isinstance(before, tuple) or not _can_speak(text[before[0] : before[1]], words):
            break
        if all(w.lower() in LEADING_TIME | MONTHS for w in text[before[0] : before[1]].split()):
            break  # "Today, Smith and Jones announced": a time, not a third speaker
        out.append(before)
        start = before[0]
    if out and (pair := _PAIRED.match(text, out[-1][0], out[-1][1])) and pair.end() < out[-1][1]:
        out[-1] = (pair.end(), out[-1][1])  # "Both Ellis and the office": "Both" names no one
    return out


_PAIRED = re.compile(r"(?:both|either|neither)\s+", re.IGNORECASE)


def _can_speak(phrase: str, words: SourceWords) -> bool:
    """A capitalised head noun or one that can speak: 'Russia’s invasion of Ukraine' has
    the head 'invasion', which cannot, though 'Ukraine' is capitalised."""
    tokens = _TOKEN.findall(phrase)
    if not tokens:
        return False
    if len(tokens) > 6:
        # long only as a title and a name: "U.S. Secretary of Agriculture Brooke L. Rollins"
        titles = words.sets["titles"]
        return (
            len(tokens) <= 10
            and tokens[-1][:1].isupper()
            and any(t.lower().rstrip(".") in titles for t in tokens[:4])
        )
    head_words = core(phrase)
    head = head_of(head_words) if head_words else tokens[-1]
    if head[:1].isupper():
        return True
    last = plain_word(head)
    sets = words.sets
    forms = {last, last[:-1]} if last.endswith("s") else {last}  # "groups", "agencies"
    return any(
        form in sets[n]
        for form in forms
        for n in ("roles", "documents", "anonymous_heads", "places", "organisations")
    )


def _can_follow_verb(phrase: str, words: SourceWords) -> bool:
    """After a verb ("..., said Rutte"), a source has a capitalised word, a pronoun, or a
    noun that can speak ("said officials"); "said sales had fallen" names nobody."""
    tokens = _TOKEN.findall(phrase)
    nouns = words.union("roles", "documents", "anonymous_heads", "titles")
    return any(
        t[:1].isupper()
        or t.lower() in PRONOUNS | DETERMINERS
        or plain_word(t) in nouns
        for t in tokens
    )


_NAME_BEFORE_AND = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+(?:(?:of|for|the)\s+)?)*[A-Z][\w.’'-]*\s+and\s+$"
)
_NAME_AFTER_AND = re.compile(r"and\s+((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)")


def _and_inside_name(text: str, at: int, organisations: frozenset[str]) -> bool:
    """Whether the "and" at ``at`` joins words inside one body's name ("Customs and Border
    Protection", "Food and Drug Administration"): capitalised words on both sides, and the
    name ends in an organisation word. "Russia and Ukraine" stays two sources."""
    if not text[:at].rstrip()[-1:].isalpha() or not text[:at].rstrip().split()[-1][:1].isupper():
        return False
    m = _NAME_AFTER_AND.match(text, at)
    if m is None:
        return False
    return m.group(1).split()[-1].lower() in organisations


def _name_joined_by_and(
    text: str, span: tuple[int, int], sets: dict[str, frozenset[str]]
) -> tuple[int, int]:
    """A source found as "Border Protection" in "Customs and Border Protection said" grows
    to the whole name, as does a title with "and" in it ("Secretary of Health and Human
    Services Jane Park"); two names joined by "and" stay apart (see :func:`_and_inside_name`)."""
    if not text[max(0, span[0] - 6) : span[0]].rstrip().endswith(" and"):
        return span
    m = _NAME_BEFORE_AND.search(text, max(0, span[0] - 120), span[0])
    if m is None or m.end() != span[0] or not text[span[0] : span[0] + 1].isupper():
        return span  # "Smith and the Harbour Authority": two sources
    words_before = text[m.start() : span[0]].split()[:-1]  # without "and"
    if len(words_before) > 4:
        return span
    first = words_before[0].lower().rstrip(".")
    if first == "the" and len(words_before) > 1:
        first = words_before[1].lower().rstrip(".")
    after = [w.lower().rstrip(".") for w in text[span[0] : span[1]].split()]
    if (
        first in sets["titles"]
        and "of" in words_before
        and len(after) >= 3
        and not any(w in sets["titles"] for w in after)
    ):
        # "Secretary of Health and Human Services Jane Park"; not "Secretary of State
        # Rubio and Defense Secretary Hegseth" nor "... Rubio and Hegseth"
        return m.start(), span[1]
    last_word = without_possessive(text[span[0] : span[1]].split()[-1])
    if not last_word[:1].isupper() or last_word.lower() not in sets["organisations"]:
        return span
    return m.start(), span[1]


def _phrase_after(
    text: str,
    cue_end: int,
    max_words: int = 8,
    nouns: frozenset[str] = frozenset(),
    organisations: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """The noun phrase right after a cue: '..., said Rutte', 'according to the ministry'.
    ``nouns`` are the source nouns ('documents', 'experts') an '-ing' word may describe:
    'according to charging documents', but not 'according to reporting by'."""
    right = text[cue_end:]
    tokens = _words(right)
    taken: list[re.Match[str]] = []
    for i, tok in enumerate(tokens):
        word = tok.group()
        lower = word.lower().rstrip(".")
        if not _WORDLIKE.match(word):
            break
        if not taken:
            if lower in PRONOUNS:
                taken.append(tok)
                break
            if lower in DETERMINERS or word[0].isupper() or word[0].isdigit():
                taken.append(tok)
                continue
            if lower not in NP_STOP and lower not in LEADING_TIME and not lower.endswith("ing"):
                taken.append(tok)  # "said lead author Dr. Raman", "according to officials"
                continue
            nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
            if lower.endswith("ing") and nxt in nouns:
                taken.append(tok)  # "according to charging documents", "leading experts"
                continue
            break
        if lower == "by" and taken[-1].group().lower().endswith("ed"):
            taken.append(tok)  # "a report published by the agency"
            continue
        if lower == "in" and i + 1 < len(tokens) and tokens[i + 1].group() in TITLE_IN:
            taken.append(tok)  # "said Assistant Director in Charge Steven Jensen"
            continue
        if lower == "and" and _and_inside_name(text, cue_end + tok.start(), organisations):
            taken.append(tok)  # "according to U.S. Customs and Border Protection"
            continue
        if lower in NP_STOP or lower in LEADING_TIME - {"this", "last"}:
            break
        if lower in {"of", "for", "de"}:
            nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
            if nxt[:1].isupper() or nxt.lower() in DETERMINERS:
                taken.append(tok)
                continue
            break
        taken.append(tok)
        if len(taken) >= max_words:
            break
    while taken and taken[-1].group().lower() in DETERMINERS | {"of", "for", "de"}:
        taken.pop()
    if not taken:
        return None
    end = taken[-1].end()
    last = taken[-1].group()
    if last.endswith(".") and last.count(".") == 1:
        end -= 1  # "said Rutte." -> "Rutte"; "U.S." keeps its dots
    return cue_end + taken[0].start(), cue_end + end


IDENTIFIED = {
    "person": "named",
    "organisation": "named",
    "described": "described",
    "anonymous": "anonymous",
    "document": "document",
}


def identify(
    source: str, rules: RuleSet, after: str = "", at_sentence_start: bool = False
) -> tuple[str, Kind | None]:
    """(identified, kind): 'pronoun' for he/she/they, else the course category of
    :func:`medialit.analyze.sources.classify` and whether that counts as named."""
    words = _SOURCE_WORDS.findall(source)
    if not words:
        return "unnamed", None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun", None
    kind = classify(source, after, at_sentence_start, rules.source_words)
    return IDENTIFIED[kind], kind


_WORD_BEFORE = re.compile(r"([^\W_][\w’'.&-]*)[\s,]*$")


_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")


def _title_case(text: str) -> bool:
    """A headline in title case ("Agency Announces New Rules for Ports"): every longer
    word is capitalised, so a capital says nothing about names there."""
    words = [w for w in _TITLE_WORD.findall(text) if w not in _TITLE_LOWER]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


# prepositions and conjunctions a title-case headline may leave in lower case
_TITLE_LOWER = {
    "with", "from", "into", "onto", "over", "upon", "than", "that", "amid", "near", "like",
    "past", "about", "after", "under", "against", "during", "without", "between", "through",
    "among", "across", "toward", "towards", "versus",
}  # fmt: skip


# a phrase opened by a determiner of one thing, right before the word
_SINGULAR_BEFORE = re.compile(
    r"\b(?:a|an|one|this|that|each|every|another)\s+(?:[\w.’'-]+\s+){0,2}[\w.’'-]*(?:[^\Ws]|\.)\s+$",
    re.IGNORECASE,
)


def _in_verb_position(text: str, start: int, cue: str, form: str, rules: RuleSet) -> bool:
    """A reporting word must stand where a verb can: 'the United States' never reports.

    - A capitalised word inside the sentence is part of a name or a title ('United
      States', 'Washington Post Reports'), not a verb.
    - A word that is also a plural noun ('states', 'reports', 'claims') reports only
      right after something that can speak: a name, a pronoun, or a role, document or
      organisation noun ('the report states', 'the ministry claims'); after '19 different'
      it is a noun.
    """
    if form not in ("verb", "verb_that"):
        return True
    if cue[:1].isupper() and start > _LEADING_PUNCT.match(text).end() and not _title_case(text):
        return False
    owner = _POSSESSIVE_BEFORE.search(text, 0, start)
    if owner is not None and owner.group(1).lower() not in _CONTRACTED:
        return False  # "the agency's estimate", "Smith's claim": a noun after its owner
    if cue.lower() not in rules.source_words.sets["noun_verbs"]:
        return True
    if not cue.lower().endswith("s") and _SINGULAR_BEFORE.search(text, 0, start):
        return False  # "A U.N. report published ...": one thing, so "report" is its noun
    word = _WORD_BEFORE.search(text, 0, start)
    while word is not None and word.group(1) in AUXILIARIES:
        word = _WORD_BEFORE.search(text, 0, word.start())  # "It also calls for"
    if word is None:
        return True  # nothing before it: the source comes after ("..., says the report")
    before = word.group(1)
    if before[:1].isupper() or before.lower() in PRONOUNS:
        return True
    plain = plain_word(before)
    if not cue.endswith("s") and before.endswith("s") and before.isalpha() and len(before) > 3:
        return True  # a plural and a plain verb agree: "Two charities estimate that"
    sets = rules.source_words.sets
    if any(plain in sets[name] for name in ("roles", "documents", "anonymous_heads")):
        return True
    # "A transcript of the call shows": a document linked by "of" to what it is about
    subject = _subject_before(text, start, rules.source_words)
    if not isinstance(subject, tuple):
        return False
    phrase = text[subject[0] : subject[1]]
    words = core(phrase)
    if not words:
        return False
    head = plain_word(head_of(words))
    set_off = text[subject[1] : start].lstrip().startswith(",")
    if head in sets["documents"]:
        # a document linked by "of" speaks ("A transcript of the call shows"), and so does
        # a subject before a part set off by commas ("The letter, signed by senators, says")
        return " of " in phrase or set_off
    # a name or a role before a part set off by commas speaks: "Jones, 52, says", "Patel,
    # who leads the clinic, warns", "The mayor, in office since May, says"
    named = head_of(words)[:1].isupper()
    return set_off and (named or head in sets["roles"] or head in sets["anonymous_heads"])


# a possessive right before the cue; "it's", "that's" are "it is", "that is"
_POSSESSIVE_BEFORE = re.compile(r"\b(\w+)[’']s\s+$")
_CONTRACTED = {"it", "he", "she", "that", "there", "what", "who", "here", "where", "let"}

# "Kim: “This is the moment.”": a name and a colon before a quotation attribute it
_COLON_QUOTE = re.compile(
    r"^[\s\"“]*(?P<source>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|for)){0,6})"
    r"\s*(?P<colon>:)\s*[“\"]"
)
COLON_RULE = RuleRef(
    rule="reporting/colon-quote",
    entry=":",
    explain="A name and a colon before a quotation attribute the quotation, as 'said' does.",
    file="medialit/analyze/detectors.py",
)
VIEW_RULE = RuleRef(
    rule="reporting/in-ones-view",
    entry="in ... view",
    explain="'In his view' or 'in Doe's words' gives what follows to that person.",
    file="medialit/analyze/detectors.py",
)
# "In his view,", "in Doe’s words,", "In the senator's opinion,"
_IN_ONES_VIEW = re.compile(
    r"\b[Ii]n\s+((?:his|her|their|its)|(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}[’']s?"
    r"|the\s+[a-z]+[’']s?)\s+(view|opinion|words|estimation|assessment|telling|account)\b"
)
# what an object or possessive pronoun stands for, as its subject form
_OBJECT_PRONOUNS = {"him": "he", "his": "he", "her": "she", "them": "they", "their": "they",
                    "its": "it"}
_LONE_OBJECT_PRONOUN = re.compile(r"\s+(him|her|them)(?=\s*[,.;:!?]|\s*$)", re.IGNORECASE)


_OPENING_NAME = re.compile(
    r"^[\s\"“]*((?:[A-Z][\w’'.-]*\s+(?:(?:of|for|the|and)\s+(?=[A-Z]))*){1,6}[A-Z][\w’'-]*)(?=[\s,])"
)
# words that open questions and other sentences without a name
_NOT_NAMES = {
    "does", "did", "do", "is", "are", "was", "were", "will", "would", "can", "could",
    "should", "may", "might", "must", "has", "have", "had", "what", "why", "how", "when",
    "where", "who", "which", "there", "here", "it", "if", "but", "and", "so", "yet",
}  # fmt: skip
# one capitalised word and a lower-case verb: "Trump made his overture ..."
_OPENING_ONE_NAME = re.compile(r"^[\s\"“]*([A-Z][\w’'-]+)(?=\s+[a-z])")


def _notice_subject(text: str, rules: RuleSet, state: AttributionState) -> None:
    """A person who opens a sentence without speaking in it ('Daniel Reed, 52, pleaded
    guilty.') is who a following 'He said' most likely means."""
    span = opening_person(text, rules)
    if span is not None:
        state.remember(text[span[0] : span[1]], "person")


def opening_person(text: str, rules: RuleSet) -> tuple[int, int] | None:
    """The named person a sentence opens with, after any dateline, as a span of ``text``."""
    return opening_name(text, rules, ("person",))


# "In 2020, during Trump’s first term, " before the subject
_LEADING_ADVERBIALS = re.compile(
    r"(?:(?:in|on|at|during|after|before|since|last|this|earlier|later|by|under|over|"
    r"throughout|with|asked|pressed|questioned|speaking|responding|reacting|answering|"
    r"testifying|addressing|writing|commenting|referring)\b[^,;:“”\"]{0,60},\s*)+",
    re.IGNORECASE,
)


def _subject_start(text: str, before: int | None = None) -> int:
    """Where a sentence's subject may begin: after a dateline and leading phrases of time or
    place ("WASHINGTON — In 2020, during his first term, ..."), unless those phrases run up to
    ``before`` (then they are the clause itself)."""
    dateline = _DATELINE.match(text)
    at = dateline.end() if dateline else 0
    leading = _LEADING_ADVERBIALS.match(text, at)
    if leading and (before is None or leading.end() < before):
        at = leading.end()
    return at


_NEVER_A_NAME_ALONE = frozenset(NP_STOP | LEADING_TIME | DETERMINERS | PRONOUNS | _NOT_NAMES)
_STOP_OR_TIME = frozenset(NP_STOP | LEADING_TIME)
_MONTHS_AND_DAYS = frozenset(MONTHS | WEEKDAYS)


def opening_name(
    text: str, rules: RuleSet, kinds: tuple[str, ...] = ("person", "organisation")
) -> tuple[int, int] | None:
    """The name a sentence's subject opens with, after any dateline and leading phrases
    of time or place ("In 2020, during his first term, Jared Kushner ..."), if its kind
    is one of ``kinds``."""
    at = _subject_start(text)
    m = _OPENING_NAME.match(text[at:]) or _OPENING_ONE_NAME.match(text[at:])
    if m is None:
        return None
    start, end = at + m.start(1), at + m.end(1)
    name = text[start:end]
    first, _, rest = name.partition(" ")
    if not rest and first.lower() in _NEVER_A_NAME_ALONE:
        return None
    if first.lower() in _STOP_OR_TIME and rest:
        start += len(first) + 1  # "For Schwegel, the mission was rewarding."
        name = rest
    if all(w.lower() in _MONTHS_AND_DAYS for w in name.split()):
        return None  # "In February, however, historians ..."
    if identify(name, rules, text[end:], True)[1] not in kinds:
        return None
    return start, end


INTRODUCED_QUOTE_RULE = RuleRef(
    rule="reporting/introduced-quotation",
    entry="“",
    explain=(
        "A quotation that opens a paragraph, with no speaker of its own, right after a "
        "sentence about a named person is that person's words."
    ),
    file="medialit/analyze/detectors.py",
)


SIGNED_QUOTE_RULE = RuleRef(
    rule="reporting/signed-quotation",
    entry="“",
    explain=(
        "A quotation followed by a person's name alone (and a title) is signed by that "
        "person, as press releases print quotations."
    ),
    file="medialit/analyze/core.py",
)
STATEMENT_RULE = RuleRef(
    rule="reporting/statement-follows",
    entry=":",
    explain=(
        "After a sentence such as \"X issued the following statement:\", the paragraphs that "
        "follow are X's statement, printed without quotation marks."
    ),
    file="medialit/analyze/core.py",
)


# "ABUJA, NIGERIA — " or "WASHINGTON (Reuters) - " before the first word of the sentence
_DATELINE = re.compile(r"[\s\"“]*[A-Z][A-Z .,’'()-]*?[A-Z.)]\s*[—–-]\s*")


# what may follow a verb of saying and still describe the source: "said on condition of
# anonymity", "said, speaking on background"
_HOW_SPOKEN = re.compile(
    # the one spoken to may come first: "told reporters on condition of anonymity",
    # "told The Associated Press, speaking on condition ..."
    r"(?:\s+(?:reporters|journalists|(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*))?"
    r"\s*,?\s*(?:on\s+(?:the\s+)?(?:condition|background|understanding)|speaking|who|while|but"
    r"|and\s+(?:asked|requested))\b(?:(?!\bthat\b)[^.;:“\"]){0,80}"
)
# a comma that ends the source's own clause: not ", who asked ...", ", speaking on ..."
_CLAUSE_COMMA = re.compile(r",\s+(?!who\b|speaking\b|on\b|which\b)")


def _said_of_source(text: str, source: tuple[int, int], cue: Span, offset: int) -> str:
    """The text after a source that may say how it is sourced ("who spoke on condition of
    anonymity"): up to the verb of saying, and after it only a phrase on how it spoke.
    What the source said is not about the source: "Smith said he was familiar with the
    plan" names Smith."""
    cue_start, cue_end = cue.start - offset, cue.end - offset
    if cue_start < source[1]:
        # "..., said Smith, who asked not to be named", "According to an official who
        # declined to give his name, the ship ..." (up to the comma that ends the phrase)
        after = text[source[1] :]
        comma = _CLAUSE_COMMA.search(after)
        return after[: comma.start()] if comma else after
    how = _HOW_SPOKEN.match(text, cue_end)
    return text[source[1] : cue_start] + " " + (how.group() if how else "")


# a part of a group a pronoun stands for: "One of them", "two of those"
_PART_OF_THEM = re.compile(
    rf"(?:{'|'.join(sorted(PARTITIVES))}|another|either|neither)\s+of\s+(?:them|those|these)",
    re.IGNORECASE,
)


def _attribution(
    text: str,
    offset: int,
    source: tuple[int, int] | None,
    cue: Span,
    why: RuleRef,
    form: str,
    rules: RuleSet,
    quotes: list[Quote],
    state: AttributionState,
) -> Attribution:
    identified = "unnamed"
    kind: Kind | None = None
    source_span = None
    refers_to = None
    if source is not None:
        s_text = text[source[0] : source[1]]
        source_span = Span(start=offset + source[0], end=offset + source[1], text=s_text)
        opening = source[0] <= _LEADING_PUNCT.match(text).end() or bool(
            _DATELINE.fullmatch(text[: source[0]])
        )
        about = _said_of_source(text, source, cue, offset)
        identified, kind = identify(s_text, rules, about, opening)
        kind = one_word_kind(s_text, kind, state.surnames)
        as_subject = _OBJECT_PRONOUNS.get(s_text.strip().lower())
        if as_subject is not None:  # "according to him", "in her view"
            s_text, identified = as_subject, "pronoun"
        if _PART_OF_THEM.fullmatch(s_text.strip()):
            # "One of them said": one of the group the text spoke of last, of its kind
            kind = state.antecedent("they")[1] or kind
            identified = IDENTIFIED[kind] if kind else identified
        if state.still_unnamed(s_text, kind):
            kind = "anonymous"
            identified = IDENTIFIED[kind]
        if identified == "pronoun":
            refers_to, kind = state.antecedent(s_text)
        else:
            state.remember(s_text, kind, _one_person(s_text, kind, rules.source_words))
    start = min(cue.start, source_span.start if source_span else cue.start)
    end = max(cue.end, source_span.end if source_span else cue.end)
    return Attribution(
        start=start,
        end=end,
        text=text[start - offset : end - offset],
        why=why,
        form=form,
        cue=cue,
        source=source_span,
        identified=identified,
        kind=kind,
        refers_to=refers_to,
        in_quote=_inside(quotes, cue.start, cue.end),
    )


def _one_person(phrase: str, kind: Kind | None, words: SourceWords) -> bool:
    """Whether a described or anonymous source is one new person: "A senior official", "one
    witness", but not "officials", "a ministry" or "police". A definite role ("the
    commander") mostly stands for someone the text has named, whom "he" then means."""
    first = phrase.split(None, 1)[0].lower() if phrase.split() else ""
    if kind not in ("described", "anonymous") or first not in {"a", "an", "one", "another"}:
        return False
    head_words = core(phrase)
    plain = plain_word(head_of(head_words)) if head_words else ""
    if not plain or plain in _MANY or plain in words.union("organisations", "groups"):
        return False  # "a ministry", "police", "staff": a body or a group, "it" or "they"
    if plain.endswith("s") and not plain.endswith("ss"):
        return False  # "officials", "witnesses"
    return _someone(phrase, words)


_MANY = {"people", "men", "women", "staff", "crew", "public", "media"}


def _inside(quotes: list[Quote], start: int, end: int) -> bool:
    return any(q.start <= start and end <= q.end for q in quotes)


def find_attributions(
    text: str, offset: int, rules: RuleSet, quotes: list[Quote], state: AttributionState
) -> list[Attribution]:
    cands: list[Candidate] = []
    groups = list(rules.reporting.values())
    for start, end, priority, _entry in rules.reporting_index.find(text):
        cands.append(Candidate(start, end, priority, groups[priority]))
    out: list[Attribution] = []
    pending_participles: list[int] = []
    ignore: list[tuple[int, int]] | None = None
    chosen = non_overlapping(cands)
    documents = rules.source_words.sets["documents"]
    for at, cand in enumerate(chosen):
        group = cand.payload
        if any(a.source and a.source.start <= offset + cand.start < a.source.end for a in out):
            continue  # "according to a study published ...": part of a source already found
        cue_text = text[cand.start : cand.end]
        if (
            cue_text.lower() in documents
            and at + 1 < len(chosen)
            and _ONLY_ADVERBS.fullmatch(text, cand.end, chosen[at + 1].start)
        ):
            # "The police report states", "The GAO report also said": a noun before the
            # verb, not a verb
            continue
        if not _in_verb_position(text, cand.start, cue_text, group.form, rules):
            continue
        if cue_text.endswith("ed") and _REDUCED_RELATIVE.match(text, cand.end):
            continue  # "The charges announced today are ...": the verb is "are"
        if cue_text.lower() == "published" and _document_before(text, cand.start, rules):
            continue  # "a report published last month": a document is published, not publishing
        if ignore is None:
            ignore = _ignore_spans(rules, "attribution", text)
        if _ignored(ignore, cand.start, cand.end):
            continue
        entry = _entry_for(group, cue_text)
        why = _ref(
            "reporting", group.id, entry, group.explain, rules.origin_of("reporting", group.id)
        )
        cue = Span(start=offset + cand.start, end=offset + cand.end, text=cue_text)
        form = group.form
        source: tuple[int, int] | None = None
        if (
            form == "verb_that"
            and not _THAT_NEXT.match(text, cand.end)
            and not _AT_END.match(text, cand.end)
            and not (
                text[cand.end : cand.end + 1] == "," and _AS_CLAUSE.search(text, 0, cand.start)
            )
        ):
            # "found that ..." or "..., the agency estimates." but not "estimates of";
            # a document needs no "that": "A 2023 study found the river cleaner"
            subject = _subject_before(text, cand.start, rules.source_words)
            if subject == "relative":  # "the annual report, which detailed errors"
                subject = _relative_antecedent(text, cand.start, rules)
            if not isinstance(subject, tuple) or cue_text.lower() not in FINDINGS:
                continue
            phrase = text[subject[0] : subject[1]]
            if identify(phrase, rules, text[subject[1] :])[1] != "document":
                continue
        if form in ("verb", "verb_that"):
            before = _subject_before(text, cand.start, rules.source_words)
            if before == "reject":
                continue
            if before == "passive":
                agent = _PASSIVE_AGENT.match(text, cand.end)
                after_by = _phrase_after(text, agent.end()) if agent else None
                if after_by is not None and _can_speak(
                    text[after_by[0] : after_by[1]], rules.source_words
                ):
                    source = after_by  # "The plan was announced by the ministry"
                elif cue_text.lower() in {"told", "tells", "tell"} and not _THAT_NEXT.match(
                    text, cand.end
                ):
                    continue  # "We were told nothing", "told to leave": no claim is passed on
                else:
                    form = "no_source"
            elif before == "relative":
                form = "participle"  # "..., which first reported the talks": same source
                pending_participles.append(len(out))
            elif before is None and _JOINED_BY_AND.search(text, 0, cand.start):
                # "Costa met the mayor and said ...": the sentence's subject says it; after
                # "and" a verb never has its speaker after it
                source = _main_subject(text, cand.start, rules, "and")
                if source is None:
                    continue
            elif before is None:
                if group.id == "legal-action" or cue_text.lower() in {"told", "tells", "tell"}:
                    continue  # "sanctioned some generals", "told VOA": the object, not the source
                source = _phrase_after(text, cand.end)
                if source is not None and text[source[0] : source[1]].lower().startswith("that "):
                    continue  # "reported that Iran plans": the report's content, not a source
                if source is None or not _can_follow_verb(
                    text[source[0] : source[1]], rules.source_words
                ):
                    continue  # a reporting word with nobody around it: not an attribution
                if all(w.lower() in _TIME_WORDS for w in text[source[0] : source[1]].split()):
                    continue  # "The grants, announced Tuesday, will": when, not who
                form = "inverted"
            elif cue_text.endswith("ed") and _AFTER_PREPOSITION.search(text, 0, before[0]):
                continue  # "In a video posted online, ...": a participle, not the verb
            else:
                joined = _name_joined_by_and(text, before, rules.source_words.sets)
                source = (
                    joined
                    if joined != before
                    else _opening_subject(text, cand.start, before, rules) or before
                )
        elif form == "source_after":
            sets = rules.source_words.sets
            if group.id == "provenance" and not _findings_before(text, cand.start, rules):
                continue  # "The money comes from taxpayers": no finding is sourced
            source = _phrase_after(
                text, cand.end, nouns=rules.source_words.union("documents", "roles"),
                organisations=sets["organisations"],
            )
            lone = _LONE_OBJECT_PRONOUN.match(text, cand.end)
            if lone is not None:
                source = lone.span(1)  # "according to her,": she, whom the text named before
            if source is None:
                continue
            if cue_text.lower() in {"citing", "quoting"} and not _can_speak(
                text[source[0] : source[1]], rules.source_words
            ):
                # "The airline cancelled the flights, citing security concerns": a reason,
                # and the one who gives it is the sentence's subject
                citing = cue_text.lower() == "citing"
                source = _main_subject(text, cand.start, rules) if citing else None
                if source is None or any(
                    a.source is not None and a.source.start == offset + source[0] for a in out
                ):
                    continue  # nobody, or a source that already speaks in the sentence
            if cue_text.lower() == "according to":
                # "according to court documents and evidence presented at trial": both
                also = _AND_NEXT.match(text, source[1])
                second = _phrase_after(
                    text, also.end(), nouns=rules.source_words.union("documents", "roles"),
                    organisations=sets["organisations"],
                ) if also else None
                if second is not None:
                    cut = _LAST_WORD.search(text, second[0], second[1])
                    last = cut.group(1) if cut else ""
                    if last.islower() and (last.endswith("ed") or last in IRREGULAR_PARTICIPLES):
                        second = (second[0], cut.start())  # "statements made in court"
                if second is not None and _can_speak(
                    text[second[0] : second[1]], rules.source_words
                ):
                    out.append(
                        _attribution(text, offset, second, cue, why, form, rules, quotes, state)
                    )
        elif form == "participle":
            word = _WORD_BEFORE.search(text, 0, cand.start)
            if word is not None and word.group(1).lower() in BE_FORMS | _DEGREE:
                continue  # "the results were promising": an adjective, not a participle
            quoted = _quoted_as(text, cand.start, rules)
            if quoted is not None:
                # "TASS quoted Peskov as saying": Peskov is saying it, TASS quoted him (a
                # chain); each is marked with its own word
                (q_start, q_end), speaker, medium = quoted
                said_by = [(speaker, cue)]
                if medium is not None:
                    word = Span(start=offset + q_start, end=offset + q_end, text="quoted")
                    said_by.append((medium, word))
                for span, word in said_by:
                    out.append(
                        _attribution(text, offset, span, word, why, "verb", rules, quotes, state)
                    )
                continue
            pending_participles.append(len(out))
        if source is not None and text[source[0] : source[1]].lower().strip() in _NO_ONE:
            continue  # "Nobody tells us anything": no one to ask
        spans: list[tuple[int, int] | None] = [source]
        if source is not None and form in ("verb", "verb_that"):
            plural = (  # a headline (no full stop) in the plural: "Hegseth, Caine laud"
                cue_text.lower() in _BASE_FORMS and not re.search(r"[.!?”\"’]\s*$", text)
            )
            conjuncts = _conjuncts(text, source, rules.source_words, plural)
            spans = [*reversed(conjuncts), source]
            if cue_text.lower() in {"cited", "cites", "cite"}:
                spans += _cited_document(text, cand.end, rules)
        for span in spans:
            out.append(_attribution(text, offset, span, cue, why, form, rules, quotes, state))
    for view in _IN_ONES_VIEW.finditer(text):
        if any(a.source is not None and a.source.start <= offset + view.start(1) < a.source.end
               for a in out):
            continue
        owner = view.group(1)
        end = view.start(1) + len(without_possessive(owner))
        cue = Span(start=offset + view.start(2), end=offset + view.end(2), text=view.group(2))
        out.append(
            _attribution(
                text, offset, (view.start(1), end), cue, VIEW_RULE, "verb", rules, quotes, state
            )
        )
    colon = _COLON_QUOTE.match(text)
    if colon and not any(a.source is not None for a in out):
        cue = Span(start=offset + colon.start("colon"), end=offset + colon.end("colon"), text=":")
        span = colon.span("source")
        out.insert(
            0, _attribution(text, offset, span, cue, COLON_RULE, "verb", rules, quotes, state)
        )
    if not any(a.source is not None for a in out):
        _notice_subject(text, rules, state)
    # a participle ("..., adding") continues the nearest attribution that names someone
    named = [a for a in out if a.source is not None]
    for index in pending_participles:
        part = out[index]
        before = [a for a in named if a.start < part.start]
        after = [a for a in named if a.start > part.start]
        anchor = before[-1] if before else (after[0] if after else None)
        cue_at = part.cue.start - offset
        document = _document_before(text, cue_at, rules)
        if document is not None and anchor is not None and anchor.kind != "document":
            # "Prosecutors filed a complaint charging him": the complaint says it
            out[index] = _attribution(
                text, offset, document, part.cue, part.why, "verb", rules, quotes, state
            )
            continue
        if anchor is None and not named:
            opening = (
                _name_before_comma(text, cue_at, rules)
                or _document_before(text, cue_at, rules)
                or _document_opening(text, cue_at, rules)
                or _relative_antecedent(text, cue_at, rules)
            )
            if opening is not None:
                # "A complaint filed in Ohio was unsealed today charging him with fraud"
                cue = part.cue
                out[index] = _attribution(
                    text, offset, opening, cue, part.why, "verb", rules, quotes, state
                )
                continue
        if anchor is not None:
            out[index] = part.model_copy(
                update={
                    "refers_to": anchor.refers_to or anchor.source.text,
                    "identified": anchor.identified,
                    "kind": anchor.kind,
                }
            )
    # a described source must be someone: in "These charges underscore" or "warned them
    # away" the verb is not one of saying, and nobody speaks. A plain verb of saying is
    # trusted whatever its subject ("The chef said", "The opposition argued"): no word
    # list knows every noun for people
    voiceless = {
        a.source.text
        for a in out
        if a.kind == "described"
        and a.identified == "described"
        and a.source is not None
        and a.form in ("verb", "verb_that", "inverted")
        and a.cue.text.lower() not in _PLAIN_SAYING
        and not _someone(a.source.text, rules.source_words)
    }
    # "“As I said last week, ...,” Ruiz said": the speaker recalling her own words is
    # still the speaker, not a second source
    return [
        a
        for a in out
        if not (a.in_quote and a.source is not None and a.source.text.lower() in {"i", "we"})
        and not (a.source is not None and a.source.text in voiceless)
        and a.refers_to not in voiceless
    ]


# what may stand between a subject and its verb: "also", "further", "previously"
_ONLY_ADVERBS = re.compile(
    r"\s+(?:(?:also|further|previously|earlier|then|too|separately|additionally|again)\s+)*"
)
# indefinite pronouns name no source: "Nobody tells us anything", "Everyone says so"
_NO_ONE = {"nobody", "no one", "no-one", "everyone", "everybody", "anyone", "anybody", "none"}
# verbs whose subject speaks, whatever noun it is
_PLAIN_SAYING = SPEECH_WITHOUT_THAT | {
    "say", "tell", "argued", "argues", "argue", "claimed", "claims", "claim", "denied",
    "denies", "deny", "insisted", "insists", "insist", "asked", "replied", "responded",
}  # fmt: skip
# nouns for people by what they do: "homeowner", "investigators", "economists", "physicians",
# "fishermen", "tradespeople"
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ee)s?$|(?:man|men|woman|women|people)$")


_AGE = re.compile(r"\d-year-olds?$")


def _someone(phrase: str, words: SourceWords) -> bool:
    """Whether a described source's head noun names people or a body: a role, a group or
    an organisation word, or a noun of the form that names people by what they do."""
    partitive = PARTITIVE.match(phrase)
    if partitive and partitive.group(1).lower() in PARTITIVES:
        return _someone(partitive.group(2), words)  # "Dozens of residents": who is counted
    head_words = core(phrase)
    if not head_words:
        return True
    plain = plain_word(head_of(head_words))
    if _AGE.search(plain):
        return True  # "The 45-year-old"
    forms = {plain, plain[:-1]} if plain.endswith("s") else {plain}
    sets = words.sets
    names = ("roles", "groups", "organisations", "anonymous_heads", "places", "titles", "offices")
    return bool(_AGENT_NOUN.search(plain)) or any(f in sets[n] for f in forms for n in names)


_PASSIVE_OPENING = re.compile(
    r"[\s\"“]*((?:an?|the|this|that|its|their)\s+[^,;:“\"]*?)\s+"
    r"(?:was|were|is|are|has been|have been|had been)\s",
    re.IGNORECASE,
)


_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|on|at|from|with|into|under|through|during|via)\s*$", re.IGNORECASE
)
_OPENING_NOUN_PHRASE = re.compile(
    r"[\s\"“]*((?:an?|the|this|these|those|its|their|our|his|her)\s+[\w’'-]+"
    r"(?:\s+[\w’'-]+){0,3}?)\s+(?:of|from|by|in|on|at|across|with|for)\s",
    re.IGNORECASE,
)
_CLAUSE_BETWEEN = re.compile(
    r"[,;:“”\"()—–]|\b(?:that|which|who|whom|whose|when|where|while|after|before|because"
    r"|since|as|if|although|though|until|is|are|was|were|has|have|had)\b",
    re.IGNORECASE,
)


def _opening_subject(
    text: str, cue_start: int, nearest: tuple[int, int], rules: RuleSet
) -> tuple[int, int] | None:
    """The sentence's opening noun phrase when everything before the verb is that phrase
    and its prepositional parts: in "An analysis of data from four sites by NOAA
    scientists demonstrated that ...", the analysis speaks, not the scientists, who are
    the object of "by". None when a comma, a clause or a verb stands in between."""
    m = _OPENING_NOUN_PHRASE.match(text, 0, cue_start)
    if m is None or nearest[0] < m.end(1):
        return None
    if _CLAUSE_BETWEEN.search(text, m.end(1), cue_start):
        return None
    if identify(m.group(1), rules, text[m.end(1) :], True)[1] in (None, "person"):
        return None
    return m.span(1)


_NOUN_PHRASE_BEFORE = re.compile(
    r"\b((?:an?|the|this|that|its|their|his|her)\s+"
    r"(?:(?!(?:an?|the|this|that|its|their|his|her)\s)[\w.’'-]+\s+){0,3}?[\w.’'-]+),?\s*$",
    re.IGNORECASE,
)


# a document's title in capitals: "the Federal Railroad Administration (FRA) Compliance Review
# Report finding that"
_TITLED_DOCUMENT_BEFORE = re.compile(
    r"\b((?:an?|the)\s+(?:[A-Z(][\w.’'()-]*\s+){1,8}[A-Z][\w.’'-]*),?\s*$"
)
# the sentence's opening words, with no determiner: "Research published last year showed"
_OPENING_PHRASE = re.compile(r"[\s\"“‘(]*((?:[\w.’'-]+\s+){0,3}?[\w.’'-]+),?\s*$")


# "As the letter notes, ...": a clause of "as" that names where the rest comes from
_AS_CLAUSE = re.compile(r"(?:^|[,;—–]\s*)[\"“]?as\s+[^,;]{1,80}$", re.IGNORECASE)


def _findings_before(text: str, cue_start: int, rules: RuleSet) -> bool:
    """Whether what "comes from" somewhere is a finding: "These statistics come from the
    survey", "The figures came from the ministry"."""
    subject = _subject_before(text, cue_start, rules.source_words)
    if not isinstance(subject, tuple):
        return False
    # the subject or the noun right before the verb: "These statistics come from", "The
    # figures came from the ministry"; in "A study suggested the virus came from bats" neither
    # is a finding
    near = _trailing_noun_phrase(text[:cue_start].rstrip())
    for span in (subject, near):
        words = core(text[span[0] : span[1]]) if span else []
        if words and plain_word(head_of(words)) in _FINDING_NOUNS:
            return True
    return False


# what is said to come from a survey or a body when a source is named: figures, not "the
# order" (which comes from the top) or "the letter" (which came by post)
_FINDING_NOUNS = {
    "statistics", "statistic", "figures", "figure", "data", "findings", "finding", "estimates",
    "estimate", "numbers", "number", "results", "result", "information", "counts", "count",
    "tallies", "tally", "projections", "projection", "forecasts", "forecast", "measurements",
}  # fmt: skip


def _cited_document(text: str, cue_end: int, rules: RuleSet) -> list[tuple[int, int]]:
    """A document the speaker cites is a source too: "He cited numerous reports showing
    that ..." (both speak); "He cited security concerns" cites no document."""
    sets = rules.source_words.sets
    found = _phrase_after(
        text, cue_end, max_words=10, nouns=sets["documents"], organisations=sets["organisations"]
    )
    if found is None:
        return []
    found = _trimmed(text, found)
    participle = _LAST_WORD.search(text, found[0], found[1])
    if participle and participle.group(1).islower() and participle.group(1).endswith("ing"):
        found = (found[0], participle.start())  # "two reports showing that ..."
    if not _CITED_CONTENT.match(text, found[1]):
        return []  # "cited two reports on the camps": no finding of theirs is given
    if identify(text[found[0] : found[1]], rules, text[found[1] :])[1] != "document":
        return []
    return [found]


# what a cited document is said to show: "cited reports showing that ...", "... that found"
_CITED_CONTENT = re.compile(
    r"[^.;:!?]{0,80}?\b(?:showing|saying|finding|found|that|indicating|suggesting|stating|"
    r"concluding|which\s+(?:found|showed|said))\b",
    re.IGNORECASE,
)


# "quoted Peskov as", "was quoted by the agency as" right before "saying"
_QUOTED_AS = re.compile(
    r"(?P<be>\b(?:was|were|is|are|been|being)\s+)?\b(?P<quoted>quoted)\s+"
    r"(?:(?P<by>by\s+)?(?P<who>[^,;:“”\"]{1,80}?)\s+)?as\s+$",
    re.IGNORECASE,
)


def _quoted_as(
    text: str, cue_start: int, rules: RuleSet
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None] | None:
    """The word "quoted", the speaker and the medium that quoted them (None if not
    named): "TASS quoted Peskov as saying" and "Peskov was quoted by TASS as saying" both
    give Peskov, then TASS. None if "saying" does not follow such a "quoted"."""
    m = _QUOTED_AS.search(text, 0, cue_start)
    if m is None or m.end() != cue_start or m.group("who") is None:
        return None
    q_start = m.start("quoted")
    named = _trimmed(text, m.span("who"))
    subject = _subject_before(text, m.start(), rules.source_words)
    before = subject if isinstance(subject, tuple) else None
    if m.group("by"):  # passive: the subject speaks, the agent quotes
        speaker, medium = before, named
    else:
        speaker, medium = named, before
    if speaker is None or not _can_speak(text[speaker[0] : speaker[1]], rules.source_words):
        return None
    return (q_start, q_start + len("quoted")), speaker, medium


def _document_before(text: str, cue_start: int, rules: RuleSet) -> tuple[int, int] | None:
    """A document right before the participle: "a statement saying", "a complaint charging
    him with fraud"; the document says what follows."""
    m = (
        _NOUN_PHRASE_BEFORE.search(text, 0, cue_start)
        or _TITLED_DOCUMENT_BEFORE.search(text, 0, cue_start)
        or _OPENING_PHRASE.match(text, 0, cue_start)
    )
    if m is None:
        return None
    opening = m.start(1) <= _LEADING_PUNCT.match(text).end()
    if identify(m.group(1), rules, text[m.end(1) :], opening)[1] != "document":
        return None
    return _trimmed(text, m.span(1))


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span cut after its head noun phrase: "a new report on Monday" -> "a new report"."""
    start, end = span
    words = core(text[start:end])
    last = words[-1] if words else ""
    at = text.find(last, start, end) if last else -1
    return (start, at + len(last)) if at != -1 else span


def _name_before_comma(text: str, cue_start: int, rules: RuleSet) -> tuple[int, int] | None:
    """The named person or organisation the sentence opens with, when the participle
    follows a comma: in "Trump made his overture in a post, saying ...", Trump says it."""
    if not text[:cue_start].rstrip().endswith(","):
        return None
    span = opening_name(text, rules)
    return span if span is not None and span[1] < cue_start else None


_WHO_BEFORE = re.compile(r",\s*(?:who|which)\s+(?:also\s+|have\s+|has\s+|had\s+)?$")


_MAIN_VERB = re.compile(
    r"[a-z][\w’'-]*(?:ed|es)$|(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)$"
)


_SUBORDINATORS = {
    "since", "when", "after", "as", "while", "because", "although", "though", "if", "once",
    "before", "until", "whereas",
}  # fmt: skip


def _main_subject(
    text: str, cue_start: int, rules: RuleSet, joined: str = ","
) -> tuple[int, int] | None:
    """The subject of the clause before ", citing ..." (or, with ``joined="and"``, before
    "and said ..."): the words from the sentence's start (after a dateline or an opening
    phrase of time) up to its first verb, when they can speak ("Pakistan closed the
    border, citing ...": Pakistan; "Costa met the mayor and said ...": Costa)."""
    left = text[:cue_start].rstrip()
    if not (left.endswith(",") if joined == "," else _JOINED_BY_AND.search(left)):
        return None
    at = _subject_start(text, cue_start)
    tokens = [t for t in _words(text[at:cue_start]) if _WORDLIKE.match(t.group())]
    while tokens and tokens[0].group().lower() in _SUBORDINATORS:
        tokens = tokens[1:]  # "Since Pakistan launched a drive ..., citing": Pakistan
    taken: list[re.Match[str]] = []
    for tok in tokens:
        word = tok.group()
        if taken and (
            _MAIN_VERB.match(word)
            or word.lower() in AUXILIARIES - {"also"}
            or word in _IRREGULAR_PAST
        ):
            break
        taken.append(tok)
    else:
        return None
    if not taken or len(taken) > MAX_SOURCE_WORDS:
        return None
    start, end = at + taken[0].start(), at + taken[-1].end()
    phrase = text[start:end]
    if len(taken) == 1 and _common_plural(phrase, rules.source_words):
        return None  # "Prices fell, citing ...": a plain noun capitalised to open the sentence
    if not _can_speak(phrase, rules.source_words) and not re.match(
        r"(?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}$", phrase, re.IGNORECASE
    ):
        return None  # "The airline" may give a reason; "Prices fell, citing" cannot
    return start, end


# common past tenses that do not end in -ed: "Costa met the mayor and said"
_IRREGULAR_PAST = {
    "met", "went", "spoke", "took", "gave", "made", "saw", "held", "led", "left", "sent",
    "came", "became", "began", "brought", "built", "kept", "won", "paid", "ran", "stood",
    "wrote", "flew", "drove", "found", "got", "lost", "put", "set", "sat", "read", "heard",
    "knew", "thought", "told", "said", "taught", "sought", "fought", "chose", "rose", "fell",
}  # fmt: skip
def _common_plural(word: str, words: SourceWords) -> bool:
    plain = word.lower()
    return (
        plain.endswith("s")
        and not word.isupper()
        and not any(plain in words.sets[name] for name in ("roles", "groups", "anonymous_heads",
                                                           "organisations", "documents", "places"))
    )


_JOINED_BY_AND = re.compile(r"[^,]\s+(?:and|but)\s*$", re.IGNORECASE)


def _relative_antecedent(text: str, cue_start: int, rules: RuleSet) -> tuple[int, int] | None:
    """The noun a ', who say' clause hangs on, when nothing else in the sentence speaks:
    in "The plan drew criticism from farmers, who say it will raise costs", farmers say it."""
    m = _WHO_BEFORE.search(text, 0, cue_start)
    if m is None:
        return None
    before = _trailing_noun_phrase(text[: m.start()])
    if before is None or not _can_speak(text[before[0] : before[1]], rules.source_words):
        return None
    return before


def _document_opening(text: str, cue_start: int, rules: RuleSet) -> tuple[int, int] | None:
    """The opening noun phrase when it is a document and the sentence's verb is passive:
    the participle later in the sentence ("charging", "alleging") then says what the
    document says. Anything else (a person, an active verb) is left unattributed."""
    m = _PASSIVE_OPENING.match(text, 0, cue_start)
    if m is None:
        return None
    phrase = m.group(1)
    if identify(phrase, rules, text[m.end(1) :], True)[1] != "document":
        return None
    return m.span(1)


def source_names(attribution: Attribution) -> list[str]:
    """The names a reader would give the source: the text, or what a pronoun points at."""
    names = []
    if attribution.source is not None and attribution.identified != "pronoun":
        names.append(attribution.source.text)
    if attribution.refers_to:
        names.append(attribution.refers_to)
    return names
