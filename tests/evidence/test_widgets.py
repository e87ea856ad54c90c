"""The search box, lateral reading and check-the-checker, driven without a browser."""

from __future__ import annotations

from html import escape

import pytest

from medialit.content import load_course
from medialit.content.annotations import Rating
from medialit.evidence.checker import compare
from medialit.evidence.widgets import (
    CheckTheChecker,
    LateralReading,
    PacketSearch,
    check_the_checker,
)


@pytest.fixture(scope="module")
def whole_course(repo):
    return load_course(repo)


def test_search_box_shows_matching_excerpts_with_their_source(whole_course):
    quote = next(iter(whole_course.record))
    word = max(quote.excerpt.text.split(), key=len).strip(".,;:“”\"'()")
    box = PacketSearch(whole_course, query=word)
    assert escape(quote.document.publisher) in box.results.value
    box.query.value = "qqqzzzxx"
    assert "No excerpt matches" in box.results.value
    box.query.value = '"unbalanced'
    assert "excerpt" in box.results.value


def test_lateral_reading_reveals_the_answer_only_on_request(whole_course):
    lesson = next(x for x in whole_course.lessons if x.exercises.lateral_reading)
    widget = LateralReading(lesson.id, whole_course)
    task = lesson.exercises.lateral_reading[0]
    assert widget.answers[task.id].value == ""
    widget.reveal(task.id)
    shown = widget.answers[task.id].value
    assert escape(task.answer) in shown
    for excerpt_id in task.excerpts:
        assert escape(whole_course.record.quote(excerpt_id).excerpt.text) in shown
    assert widget.reveals[task.id].disabled


def test_check_the_checker_waits_for_the_learners_verdict(whole_course):
    lesson = next(x for x in whole_course.lessons if x.exercises.check_the_checker)
    assert len(lesson.exercises.check_the_checker) >= 3
    shown = check_the_checker(lesson.id, whole_course)
    assert [e.sentence_id for e in shown.exercises] == lesson.exercises.check_the_checker
    for sentence_id in lesson.exercises.check_the_checker:
        widget = CheckTheChecker(sentence_id, whole_course)
        verdict = whole_course.sentence(sentence_id).verdict
        assert escape(verdict.summary) not in widget.children[0].value
        widget.submit()
        assert "Choose your own verdict first" in widget.result.value
        widget.choice.value = verdict.rating.value
        widget.submit()
        assert "agree" in widget.result.value
        assert escape(verdict.summary) in widget.result.value


def test_disagreement_is_explained_with_the_courses_uncertainty(whole_course):
    lesson = next(x for x in whole_course.lessons if x.exercises.check_the_checker)
    for sentence_id in lesson.exercises.check_the_checker:
        verdict = whole_course.sentence(sentence_id).verdict
        assert verdict.uncertainty, f"{sentence_id} needs verdict.uncertainty for the exercise"
        other = next(r for r in Rating if r is not verdict.rating)
        result = compare(whole_course, sentence_id, other.value)
        assert not result.agree
        assert other.label in result.message and verdict.rating.label in result.message
        assert result.uncertainty == verdict.uncertainty
