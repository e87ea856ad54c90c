"""The article as data: the bytes, the furniture, the sentences and their annotations."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml

from medialit.content.article import parse_text

REPO = Path(__file__).resolve().parents[2]


def test_article_bytes_are_kept_exactly(course):
    meta = yaml.safe_load((REPO / "data/article/article.yaml").read_text())
    raw = (REPO / "data/article/article-as-scraped.txt").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == meta["sha256"]
    assert course.article.raw == raw
    assert not raw.endswith(b"\n"), "the scraped text has no trailing newline"
    assert "\u201c" in course.article.text, "curly quotes survive decoding"


def test_boilerplate_is_the_six_placeholder_lines(course):
    furniture = course.article.boilerplate
    assert [line.number for line in furniture] == [1, 2, 3, 4, 5, 6]
    assert all(line.reason for line in furniture)
    assert not any(line.start >= course.sentences[0].start for line in furniture)


def test_nineteen_sentences_each_annotated_in_order(course):
    assert len(course.sentences) == 19
    assert [s.index for s in course.sentences] == list(range(1, 20))
    for sentence in course.sentences:
        assert course.article.text[sentence.start : sentence.end] == sentence.text


def test_every_span_matches_the_text(course):
    text = course.article.text
    for sentence in course.sentences:
        for span in [*sentence.hedges, *sentence.quotes, *sentence.unattributed]:
            assert text[span.start : span.end] == span.text
            assert sentence.start <= span.start and span.end <= sentence.end
    for number in course.numbers:
        assert text[number.start : number.end] == number.text


def test_every_number_in_the_text_is_in_the_numbers_table(course):
    digits = re.compile(r"\d[\d,]*")
    words = re.compile(r"\b(four|six|two and a half)\b", re.IGNORECASE)
    covered = [(n.start, n.end) for n in course.numbers]
    for sentence in course.sentences:
        for pattern in (digits, words):
            for match in pattern.finditer(sentence.text):
                at = sentence.start + match.start()
                assert any(a <= at < b for a, b in covered), (sentence.id, match.group())


def test_every_source_and_citation_is_registered(course):
    for sentence in course.sentences:
        assert sentence.claimant in course.sources
        assert [hop.source for hop in sentence.chain][-1] == "this-article"
        assert all(hop.source in course.sources for hop in sentence.chain)
        assert all(i in course.record.excerpts for i in sentence.verdict.excerpts)
    for number in course.numbers:
        assert number.counted_by in course.sources


def test_every_attributed_sentence_names_its_source_or_follows_one_that_does(course):
    """The registry's aliases must cover how the article actually names its sources."""
    previous_claimant = None
    for sentence in course.sentences:
        candidates = {sentence.claimant, *(hop.source for hop in sentence.chain[:-1])}
        names = [a for sid in candidates for a in course.sources[sid].aliases]
        named = any(a.casefold() in sentence.text.casefold() for a in names)
        assert named or sentence.claimant == previous_claimant, sentence.id
        previous_claimant = sentence.claimant


def test_the_parties_the_course_promises_are_in_the_registry(course):
    names = " ".join(s.name for s in course.sources.values())
    for party in (
        "Pentagon",
        "Sabrina Singh",
        "NATO",
        "Mark Rutte",
        "White House",
        "Joe Biden",
        "Reuters",
        "New York Times",
        "Ukrainian officials",
        "Ukrainian Air Force",
        "Ministry of Defence",
        "Vladimir Putin",
        "analysts",
    ):
        assert party in names, party


def test_unconfirmed_verdicts_are_kept_where_the_record_is_silent(course):
    ratings = {s.id: s.verdict.rating.value for s in course.sentences}
    assert ratings["s17"] == "wrong"
    assert {"s11", "s13", "s19"} <= {k for k, v in ratings.items() if v == "unconfirmed"}


def test_drone_night_unknowns_are_not_zero(course):
    night = next(n for n in course.context.drone_nights if n.in_article)
    assert (night.launched, night.outcomes.get("shot down"), night.unreported) == (48, 26, 22)


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Menu\nHome\nA long sentence of real article prose that goes on for a while.", [1, 2]),
        ("He declined to comment.\nThe council voted on Tuesday to close the two libraries.", []),
        (
            "Contact us\n12 High St.\nThe mayor said the vote was close, and the budget passed.",
            [1, 2],
        ),
        (
            "The budget passed after a long debate in the council chamber.\n"
            "The budget passed after a long debate in the council chamber.",
            [1, 2],
        ),
    ],
)
def test_furniture_rule_is_general(text, furniture):
    assert [line.number for line in parse_text(text).furniture] == furniture


def test_sentence_splitter_handles_abbreviations_and_quotes():
    text = "U.S. Gen. Smith arrived. “We will stay,” he said. “Then we leave.”"
    sentences = [s.text for s in parse_text(text).sentences]
    assert sentences[0] == "U.S. Gen. Smith arrived."
    assert len(sentences) == 3
