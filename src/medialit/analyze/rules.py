"""The analyzer's word lists and patterns, read from YAML a teacher can extend.

Nothing the analyzer flags comes from code alone: every hedge, reporting verb,
number word and pattern lives in ``rules/*.yaml`` beside this module, so a
learner can be shown the exact entry that fired and a teacher can add words
for their own articles (``medialit analyze --rules DIR`` or ``rules=DIR``).
The format is described in ``rules/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from medialit.analyze.literals import Literals, any_of, required_literals
from medialit.content.problems import ContentError, Problem
from medialit.content.yamlfile import display_name, read_yaml, validate

BUILTIN_DIR = Path(__file__).with_name("rules")

Slug = str
Form = Literal["verb", "verb_that", "participle", "source_after", "no_source"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LexiconGroup(_Strict):
    id: Slug = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    explain: str = Field(min_length=1)
    entries: list[str] = Field(min_length=1)
    signal: str | None = None

    @field_validator("entries")
    @classmethod
    def _entries_are_words(cls, value: list[str]) -> list[str]:
        for entry in value:
            if not isinstance(entry, str) or not entry.strip():
                raise ValueError("entries must be non-empty words or phrases")
        return [entry.strip() for entry in value]


class ReportingGroup(LexiconGroup):
    form: Form


class NumberWords(_Strict):
    units: dict[str, float] = {}
    tens: dict[str, float] = {}
    scales: dict[str, float] = {}
    fractions: dict[str, float] = {}


class PatternRule(_Strict):
    id: Slug = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Literal["hedge", "number"]
    explain: str = Field(min_length=1)
    regex: str = Field(min_length=1)
    kind: str | None = None
    signal: str | None = None


class IgnoreRule(_Strict):
    id: Slug = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Literal["hedge", "number", "attribution"]
    explain: str = Field(min_length=1)
    regex: str = Field(min_length=1)


class SourceWords(_Strict):
    """Nouns and phrases that tell what kind of source a phrase names (``sources.yaml``)."""

    roles: list[str] = []
    groups: list[str] = []
    documents: list[str] = []
    organisations: list[str] = []
    titles: list[str] = []
    anonymous: list[str] = []
    anonymous_heads: list[str] = []
    noun_verbs: list[str] = []
    places: list[str] = []
    offices: list[str] = []

    def merged(self, other: SourceWords) -> SourceWords:
        return SourceWords(
            **{
                name: [*getattr(self, name), *getattr(other, name)]
                for name in SourceWords.model_fields
            }
        )

    @cached_property
    def sets(self) -> dict[str, frozenset[str]]:
        """Each list lowercased, as a set (phrases keep their spaces)."""
        return {
            name: frozenset(" ".join(w.lower().split()) for w in getattr(self, name))
            for name in SourceWords.model_fields
        }

    @cached_property
    def joined(self) -> dict[tuple[str, ...], frozenset[str]]:
        """Lists looked up together, joined once (see :meth:`union`)."""
        return {}

    def union(self, *names: str) -> frozenset[str]:
        """Several lists as one set. Why: joining them on every look-up cost a copy of a few
        hundred words per word looked up, and grew with every word a list gained."""
        joined = self.joined.get(names)
        if joined is None:
            joined = self.joined[names] = frozenset().union(*(self.sets[n] for n in names))
        return joined

    @cached_property
    def anonymous_markers(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """The anonymous markers as two substring searches: phrases (looked for in the
        source and the words after it) and single words (in the source alone). Why: tried
        one by one, the markers cost a Python step each for every source classified."""

        def finder(markers: list[str]) -> re.Pattern[str] | None:
            ordered = sorted(markers, key=len, reverse=True)
            return re.compile("|".join(map(re.escape, ordered))) if ordered else None

        markers = self.sets["anonymous"]
        return (
            finder([m for m in markers if " " in m]),
            finder([m for m in markers if " " not in m]),
        )


class RuleFile(_Strict):
    """One YAML file; every section is optional so a teacher's file can hold one list."""

    description: str | None = None
    hedges: list[LexiconGroup] = []
    reporting: list[ReportingGroup] = []
    number_words: NumberWords | None = None
    patterns: list[PatternRule] = []
    ignore: list[IgnoreRule] = []
    source_words: SourceWords | None = None


def _alternation(words: list[str]) -> str:
    """One regex for a word list, longest first ("according to" wins over "according");
    spaces match any whitespace.

    Written as a trie ("sa(?:id|ys?)" for said/say/says): Python's regex engine tries the
    branches of a plain alternation one by one at every position, and the number words
    and word lists are the analyzer's hottest patterns. A trie tries each letter once,
    and deeper branches before a word ends, which is the same longest-first choice.
    """
    atoms = {
        tuple(atom for part in w.split() for atom in (*part, " "))[:-1] for w in set(words) if w
    }
    return _trie(sorted(atoms))


def _trie(atoms: list[tuple[str, ...]]) -> str:
    ends = any(not a for a in atoms)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for a in atoms:
        if a:
            by_first.setdefault(a[0], []).append(a[1:])
    branches = [
        (r"\s+" if first == " " else re.escape(first)) + _trie(rest)
        for first, rest in by_first.items()
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def whole_words(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-])(?:{_alternation(words)})(?![\w-])", re.IGNORECASE)


_TOKEN = re.compile(r"\w[\w-]*(?:[’']\w[\w-]*)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT_OR_MONEY = re.compile(r"[\d$€£¥]")
FRACTION_WORDS = frozenset(
    "half halves third thirds quarter quarters fifth fifths tenth tenths dozen dozens".split()
)
MULTIPLE_WORDS = frozenset({"twice", "thrice"})  # multiples the number patterns name alone
_PLAIN_ENTRY = re.compile(r"^\w[\w-]*(?:[’']\w[\w-]*)*(?: \w[\w-]*(?:[’']\w[\w-]*)*)*$")


_last_words: list = [None, [], []]


def _words(text: str) -> tuple[list[re.Match[str]], list[str]]:
    """Word matches and their lowercase forms; the last sentence's are kept, since the
    hedge and the reporting word lists read the same sentence one after the other."""
    if _last_words[0] is text:
        return _last_words[1], _last_words[2]
    lowered = text.lower()
    if len(lowered) == len(text):
        tokens = list(_TOKEN.finditer(lowered))
        lows = [tok.group() for tok in tokens]
    else:  # a letter whose lowercase is longer ('İ'): keep the original offsets
        tokens = list(_TOKEN.finditer(text))
        lows = [tok.group().lower() for tok in tokens]
    _last_words[:] = [text, tokens, lows]
    return tokens, lows


@dataclass(frozen=True)
class LexiconIndex:
    """Every word list of a section, looked up word by word in one pass over a sentence.

    Why not one regex per group: an alternation of a few dozen words, case-insensitive
    and with look-behinds, is tried at every character, and the groups add up to most of
    the analyzer's time. A dictionary from first word to entries finds the same whole-word
    matches (same boundaries as :func:`whole_words`: a hyphen or apostrophe joins words)
    in time proportional to the number of words. Entries that are not plain words (a
    teacher's "e.g.") are still matched by a regex.
    """

    first: dict[str, list[tuple[tuple[str, ...], int, str]]]
    fallback: list[tuple[int, re.Pattern[str]]]

    @classmethod
    def build(cls, groups: list[LexiconGroup]) -> LexiconIndex:
        first: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
        fallback: list[tuple[int, re.Pattern[str]]] = []
        for index, group in enumerate(groups):
            odd = []
            for entry in group.entries:
                norm = " ".join(entry.split())
                if not _PLAIN_ENTRY.match(norm):
                    odd.append(entry)
                    continue
                words = tuple(norm.lower().split())
                first.setdefault(words[0], []).append((words, index, entry))
            if odd:
                fallback.append((index, whole_words(odd)))
        for entries in first.values():
            entries.sort(key=lambda e: (e[1], -len(e[0])))  # by group, longest first
        return cls(first, fallback)

    def find(self, text: str) -> list[tuple[int, int, int, str]]:
        """(start, end, group index, entry) of every match, as each group's regex would
        find them: leftmost, longest first, not overlapping within a group."""
        tokens, lows = _words(text)
        out: list[tuple[int, int, int, str]] = []
        group_end: dict[int, int] = {}
        first = self.first
        for i in [i for i, low in enumerate(lows) if low in first]:
            entries = first[lows[i]]
            start = tokens[i].start()
            for words, index, entry in entries:
                if group_end.get(index, -1) > start:
                    continue
                n = len(words)
                if n > 1 and (
                    tuple(lows[i : i + n]) != words
                    or not all(
                        text[tokens[j].end() : tokens[j + 1].start()].isspace()
                        for j in range(i, i + n - 1)
                    )
                ):
                    continue
                end = tokens[i + n - 1].end()
                out.append((start, end, index, entry))
                group_end[index] = end
        for index, regex in self.fallback:
            out += [(m.start(), m.end(), index, m.group()) for m in regex.finditer(text)]
        return out


@dataclass(frozen=True)
class CompiledPattern:
    rule: PatternRule
    regex: re.Pattern[str]
    origin: str


@dataclass
class RuleSet:
    """All rule files merged: groups with the same id pool their entries."""

    hedges: dict[str, LexiconGroup] = field(default_factory=dict)
    reporting: dict[str, ReportingGroup] = field(default_factory=dict)
    number_words: NumberWords = field(default_factory=NumberWords)
    patterns: dict[str, tuple[PatternRule, str]] = field(default_factory=dict)
    ignore: list[tuple[IgnoreRule, str]] = field(default_factory=list)
    source_words: SourceWords = field(default_factory=SourceWords)
    files: list[str] = field(default_factory=list)
    origins: dict[tuple[str, str], str] = field(default_factory=dict)

    def origin_of(self, section: str, group_id: str) -> str:
        """The file(s) a group came from, so a learner's 'why' can point at them."""
        return self.origins.get((section, group_id), "")

    def _note_origin(self, section: str, group_id: str, origin: str) -> None:
        key = (section, group_id)
        if key in self.origins and origin not in self.origins[key].split(", "):
            self.origins[key] += ", " + origin
        else:
            self.origins.setdefault(key, origin)

    def add(self, rules: RuleFile, origin: str) -> None:
        self.files.append(origin)
        for group in rules.hedges:
            _merge(self.hedges, group)
            self._note_origin("hedges", group.id, origin)
        for group in rules.reporting:
            _merge(self.reporting, group)
            self._note_origin("reporting", group.id, origin)
        if rules.number_words is not None:
            for name in ("units", "tens", "scales", "fractions"):
                getattr(self.number_words, name).update(getattr(rules.number_words, name))
        for pattern in rules.patterns:
            self.patterns[pattern.id] = (pattern, origin)
        self.ignore.extend((rule, origin) for rule in rules.ignore)
        if rules.source_words is not None:
            self.source_words = self.source_words.merged(rules.source_words)

    # --- compiled forms, built once per rule set -------------------------------------
    @cached_property
    def placeholders(self) -> dict[str, str]:
        words = self.number_words
        scale = _alternation(list(words.scales)) or r"(?!x)x"
        word = _alternation([*words.units, *words.tens, *words.scales]) or r"(?!x)x"
        # "and" joins only after a scale word: "one hundred and five", not "four and six".
        after_scale = (
            "(?:" + "|".join(f"(?<={re.escape(s)})" for s in words.scales) + ")"
            if words.scales
            else "(?!x)x"
        )
        spelled = (
            rf"(?<![\w’'-])(?:an?\s+(?=(?:{scale})\b))?(?:{word})"
            rf"(?:(?:{after_scale}\s+and)?(?:\s+|-)(?:{word}))*(?!\w)"
        )
        # digits: a digit first, then a look back at the character before it; a regex that
        # starts with a look-behind is tried at every position, one that starts with a
        # digit lets the engine skip to the digits (three times faster here)
        digits = (
            r"\d(?<![\w.,]\d)(?<![A-Za-z]-\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
            r"(?:st|nd|rd|th)?(?![\d\w])"
        )
        number = rf"(?:{digits}(?:\s+(?:{scale})\b)?|{spelled})"
        return {"digits": digits, "spelled": spelled, "scale": scale, "number": number}

    def expand(self, regex: str) -> str:
        for name, value in self.placeholders.items():
            regex = regex.replace("{" + name + "}", f"(?:{value})")
        return regex

    @cached_property
    def number_regex(self) -> re.Pattern[str]:
        return re.compile(self.placeholders["number"], re.IGNORECASE)

    @cached_property
    def compiled_patterns(self) -> list[CompiledPattern]:
        return [
            CompiledPattern(rule, re.compile(self.expand(rule.regex), re.IGNORECASE), origin)
            for rule, origin in self.patterns.values()
        ]

    @cached_property
    def compiled_ignore(self) -> list[tuple[IgnoreRule, re.Pattern[str]]]:
        return [
            (rule, re.compile(self.expand(rule.regex), re.IGNORECASE)) for rule, _ in self.ignore
        ]

    @cached_property
    def ignore_by_category(self) -> dict[str, list[re.Pattern[str]]]:
        """The ignore regexes of each category, for the per-sentence look-ups."""
        out: dict[str, list[re.Pattern[str]]] = {}
        for rule, regex in self.compiled_ignore:
            out.setdefault(rule.category, []).append(regex)
        return out

    @cached_property
    def ignore_literals(self) -> dict[str, list[tuple[re.Pattern[str], Literals | None]]]:
        """The ignore regexes of each category with the literals one of which a match
        must hold (see :mod:`medialit.analyze.literals`). Why: most sentences match no
        ignore rule, and a substring test rules a sentence out far faster than a search."""
        return {
            category: [(r, required_literals(r.pattern, r.flags)) for r in regexes]
            for category, regexes in self.ignore_by_category.items()
        }

    @cached_property
    def ignore_any_literal(self) -> dict[str, re.Pattern[str]]:
        """Per category, one search for every literal of its ignore rules, when each rule
        has some: a sentence it finds nothing in needs none of the rules tried."""
        return {
            category: any_of(frozenset().union(*(lits for _, lits in pairs)))  # type: ignore[misc]
            for category, pairs in self.ignore_literals.items()
            if pairs and all(lits is not None for _, lits in pairs)
        }

    @cached_property
    def pattern_literals(self) -> list[Literals | None]:
        """For each compiled pattern, in order, the literals one of its matches must hold."""
        return [required_literals(c.regex.pattern, c.regex.flags) for c in self.compiled_patterns]

    @cached_property
    def hedge_regexes(self) -> list[tuple[LexiconGroup, re.Pattern[str]]]:
        return [(group, whole_words(group.entries)) for group in self.hedges.values()]

    @cached_property
    def reporting_regexes(self) -> list[tuple[ReportingGroup, re.Pattern[str]]]:
        return [(group, whole_words(group.entries)) for group in self.reporting.values()]

    @cached_property
    def hedge_index(self) -> LexiconIndex:
        return LexiconIndex.build(list(self.hedges.values()))

    @cached_property
    def reporting_index(self) -> LexiconIndex:
        return LexiconIndex.build(list(self.reporting.values()))

    @cached_property
    def number_hint_words(self) -> frozenset[str]:
        """Words that can start or make a number: the number words and fraction words."""
        words = self.number_words
        names = [*words.units, *words.tens, *words.scales, *words.fractions]
        return frozenset(n.lower() for n in names) | FRACTION_WORDS | MULTIPLE_WORDS

    @cached_property
    def number_hint(self) -> re.Pattern[str]:
        """What :meth:`may_hold_number` looks for, as one regex to run over a whole text: a
        digit, a currency sign, or a number word standing as a whole run of letters."""
        words = _alternation(sorted(self.number_hint_words)) or r"(?!x)x"
        return re.compile(rf"[\d$€£¥]|(?<![^\W\d_])(?:{words})(?![^\W\d_])", re.IGNORECASE)

    def may_hold_number(self, text: str) -> bool:
        """Number patterns only run where this is true: a digit, a currency sign or a
        number word. It skips most of their cost on sentences without any number."""
        if _DIGIT_OR_MONEY.search(text):
            return True
        return not self.number_hint_words.isdisjoint(_LETTERS.findall(text.lower()))

    def check_patterns(self) -> list[Problem]:
        """Compile every regex now, so a typo is a clear problem, not a crash mid-analysis."""
        problems = []
        for rule, origin in self.patterns.values():
            problems += _regex_problem(self, rule.regex, origin, f"patterns({rule.id}).regex")
        for rule, origin in self.ignore:
            problems += _regex_problem(self, rule.regex, origin, f"ignore({rule.id}).regex")
        return problems


def _regex_problem(rules: RuleSet, regex: str, origin: str, where: str) -> list[Problem]:
    for name in re.findall(r"\{([a-z_]+)\}", regex):
        if name not in rules.placeholders:
            return [Problem(origin, where, f"unknown placeholder {{{name}}}")]
    try:
        re.compile(rules.expand(regex))
    except re.error as exc:
        return [Problem(origin, where, f"not a valid regular expression: {exc}")]
    return []


def _merge(groups: dict, group: LexiconGroup) -> None:
    if group.id in groups:
        old = groups[group.id]
        merged = [*old.entries, *(e for e in group.entries if e not in old.entries)]
        groups[group.id] = old.model_copy(update={"entries": merged})
    else:
        groups[group.id] = group


def rule_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def load_rules(extra: Path | str | None = None) -> RuleSet:
    """The built-in rules plus, optionally, every ``*.yaml`` in ``extra``.

    Raises :class:`ContentError` with ``file: field: problem`` lines for any broken file.
    """
    folders = [BUILTIN_DIR]
    problems: list[Problem] = []
    if extra is not None:
        extra = Path(extra)
        if not extra.is_dir():
            raise ContentError([Problem(str(extra), "(folder)", "rules folder not found")])
        if not rule_files(extra):
            raise ContentError([Problem(str(extra), "(folder)", "no .yaml rule files in it")])
        folders.append(extra)
    rules = RuleSet()
    for folder in folders:
        root = BUILTIN_DIR.parent.parent if folder == BUILTIN_DIR else None
        for path in rule_files(folder):
            name = display_name(path, root)
            try:
                data = read_yaml(path, root)
                if data is None:
                    raise ContentError([Problem(name, "(file)", "file is empty")])
                rules.add(validate(RuleFile, data, name), name)
            except ContentError as exc:
                problems += exc.problems
    if not problems:
        problems = rules.check_patterns()
    if problems:
        raise ContentError(problems)
    return rules


_default: RuleSet | None = None


def default_rules() -> RuleSet:
    global _default
    if _default is None:
        _default = load_rules()
    return _default


def resolve_rules(rules: RuleSet | Path | str | None) -> RuleSet:
    if rules is None:
        return default_rules()
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(rules)
