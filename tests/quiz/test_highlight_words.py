"""Highlight passages: numbers stay whole, names keep their capitals, phrases count whole.

Run on the course's own questions (lesson 1's "this summer", lesson 2's lead with
"10,000"), in the teacher's form and sealed as the student edition seals them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter

from medialit.content import load_course
from medialit.content.quizbank import Question, words
from medialit.quiz.check import check
from medialit.quiz.key import seal_question
from medialit.quiz.views import passage_segments

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


def sealed(q, lesson: str):
    public = seal_question(q, lesson)
    public.pop("sentence", None)
    public["text"] = q.text
    return TypeAdapter(Question).validate_python(public)


def test_numbers_are_one_word_and_capitals_stay():
    assert words("The 10,000 North Korean soldiers, 3.5 km away.") == [
        "The", "10,000", "North", "Korean", "soldiers", "3.5", "km", "away"]
    segments = passage_segments("About 10,000 troops")
    assert [s.get("ref") for s in segments if "ref" in s] == ["about#1", "10,000#1", "troops#1"]
    assert "".join(s["text"] for s in segments) == "About 10,000 troops"


@pytest.mark.parametrize("form", ["teacher", "sealed"])
def test_a_phrase_target_is_found_whole(course, form):
    q = course.lesson("01-provenance").quiz.question("time-words")
    q = q if form == "teacher" else sealed(q, "01-provenance")
    both = check(q, ["monday#1", "this#1", "summer#1"])
    assert both.correct, both.feedback
    half = check(q, ["monday#1", "summer#1"])
    assert not half.correct and "1 word still to find" in half.feedback
    extra = check(q, ["monday#1", "this#1", "summer#1", "nato#1"])
    assert not extra.correct and "“NATO”" in extra.feedback  # as written, not lower-cased


@pytest.mark.parametrize("form", ["teacher", "sealed"])
def test_the_lead_keeps_its_number(course, form):
    q = course.lesson("02-claims").quiz.question("lead-hedges")
    assert "10,000" in words(q.text)
    q = q if form == "teacher" else sealed(q, "02-claims")
    wrong = check(q, ["10,000#1"])
    assert wrong.valid and not wrong.correct and "“10,000”" in wrong.feedback
