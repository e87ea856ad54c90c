"""The literals read off a rule's regex are only a speed-up: every match must hold one.
Checked on the shipped rules over every annotated text, on patterns written to be
awkward, and on generated text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.analyze import analyze_text
from medialit.analyze.detectors import _ignore_spans
from medialit.analyze.literals import any_of, may_match, required_literals

HERE = Path(__file__).parent
TEXTS = sorted((HERE / "govnews").glob("*.txt")) + sorted((HERE / "articles").glob("*.txt"))


@pytest.mark.parametrize(
    ("pattern", "flags", "literals"),
    [
        (r"\bthreaten(?:s|ed)?\b(?!\s+to)", re.I, {"threaten"}),
        (r"\b(?:twice|thrice)\b|\b\d+\s+times\b", re.I, {"twice", "thrice", "times"}),
        (r"[$€]\d+|\d+\s+dollars", 0, {"$", "€", "dollars"}),
        (r"(?=foo)bar", 0, {"bar"}),  # a look-ahead may see past the text a match is in
        (r"(?<=Mr\. )Smith", 0, {"smith"}),
        (r"SAID|Told", 0, {"said", "told"}),  # compared case-folded
        (r"Straße", re.I, {"strasse"}),
        (r"x(?:abc)?y", 0, {"x"}),  # an optional part is not required; one end will do
        (r"(?:so\s+)+good", 0, {"good"}),  # the longer of two required literals
        (r"(?-i:One|Two),?\s+(?:[a-z]+)", re.I, {"one", "two"}),
    ],
)
def test_literals_read_off_a_pattern(pattern, flags, literals):
    assert required_literals(pattern, flags) == literals


@pytest.mark.parametrize(
    "pattern",
    [r"\d+", r"\w+", r".", r"[^aeiou]{3}", r"(a)\1|b?", r"(?:said)?", r"[a-z]+ said|\d"],
)
def test_no_literals_when_a_match_can_do_without(pattern):
    """A match may be all digits, any letters, or empty: nothing is required."""
    assert required_literals(pattern) is None


def test_an_unreadable_pattern_has_no_literals_and_changes_nothing():
    assert required_literals("(unclosed") is None
    assert may_match(None, "anything")


def test_any_of_finds_the_longest_literal_first():
    assert any_of(frozenset({"to", "tomorrow"})).search("see you tomorrow").group() == "tomorrow"


def _sentences() -> list[str]:
    return [
        s.text
        for path in TEXTS
        for s in analyze_text(path.read_text(encoding="utf-8")).sentences
    ]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return _sentences()


def test_every_match_of_a_shipped_rule_holds_one_of_its_literals(rules, sentences):
    checked = 0
    regexes = [c.regex for c in rules.compiled_patterns] + [r for _, r in rules.compiled_ignore]
    for regex in regexes:
        literals = required_literals(regex.pattern, regex.flags)
        if literals is None:
            continue
        for text in sentences:
            for m in regex.finditer(text):
                assert any(s in m.group().casefold() for s in literals), (regex.pattern, m)
                checked += 1
    assert checked > 500  # the rules did match: the check was not empty


def test_ignore_spans_are_those_of_every_rule_run_on_every_sentence(rules, sentences):
    """The per-sentence look-up skips rules whose literals are absent; it must find what
    running all of them finds."""
    for category, regexes in rules.ignore_by_category.items():
        for text in sentences:
            every = [(m.start(), m.end()) for r in regexes for m in r.finditer(text)]
            assert _ignore_spans(rules, category, text) == every


TRICKY = [
    r"\bcall(?:ed|s)?\s+(?:out|up)\b",
    r"(?:[$€£]|US\$)\s?\d+",
    r"\b(?:per\s+cent|percent|%)",
    r"(?-i:[A-Z][a-z]+)\s+said",
    r"ß+|ss",
]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("calledoutup $€£US5 percent%SaidßsſKkİi\n.")), max_size=60
    )
)
def test_generated_text_never_matches_without_a_literal(text):
    for pattern in TRICKY:
        regex = re.compile(pattern, re.IGNORECASE)
        literals = required_literals(pattern, re.IGNORECASE)
        for m in regex.finditer(text):
            assert any(s in m.group().casefold() for s in literals), (pattern, m)
