"""check(): every type, right, wrong, partly right and unreadable; same verdicts when sealed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from medialit.quiz.check import check
from medialit.quiz.normalize import parse_number, text_key

WRITER = "The bridge is closed, obviously"


def verdict(bank, qid, response, misconceptions=None):
    return check(bank.question(qid), response, misconceptions)


def test_single(bank, misconceptions) -> None:
    right = verdict(bank, "pick-one", "Officials said the bridge was closed")
    assert (right.valid, right.correct, right.score) == (True, True, 1.0)
    assert right.headline.startswith("✓ Correct")
    assert "attributed statement names its speaker" in right.explanation
    wrong = verdict(bank, "pick-one", "The bridge was closed", misconceptions)
    assert (wrong.correct, wrong.score) == (False, 0.0)
    assert wrong.feedback == "Zephyrine feedback, nobody is named here."
    assert wrong.misconception == "attribution-as-proof"
    assert wrong.misconception_name == "'X said it' is not 'it is true'"
    assert wrong.headline.startswith("✗ Not yet")
    assert verdict(bank, "pick-one", WRITER).misconception is None


def test_multiple_gives_partial_credit_and_names_wrong_choices(bank) -> None:
    assert verdict(bank, "pick-many", ["likely", "reportedly"]).correct
    half = verdict(bank, "pick-many", ["likely"])
    assert (half.correct, half.score) == (False, 0.5)
    assert "1 more option also applies" in half.feedback
    mixed = verdict(bank, "pick-many", ["likely", "reportedly", "confirmed"])
    assert mixed.score == 0.5
    assert [(d.label, d.ok) for d in mixed.details] == [("confirmed", False)]
    assert "opposite of a hedge" in mixed.details[0].message
    assert verdict(bank, "pick-many", ["confirmed", "announced"]).score == 0.0


@pytest.mark.parametrize(
    ("typed", "correct"),
    [
        ("4321", True),
        ("4,321 days", True),
        ("4323", True),
        ("4319 day", True),
        ("about 4,320", True),
        (4322, True),
        (4321.0, True),
        ("4324", False),
        ("4318", False),
        ("-4321", False),
    ],
)
def test_numeric_tolerance_units_and_separators(bank, typed, correct) -> None:
    v = verdict(bank, "count-days", typed)
    assert v.valid
    assert v.correct is correct


def test_numeric_targeted_feedback_and_range(bank, misconceptions) -> None:
    v = verdict(bank, "count-days", "4050", misconceptions)
    assert "wrong year" in v.feedback
    assert v.misconception_name == "A round number is a count"
    assert verdict(bank, "share", "62%").correct
    assert verdict(bank, "share", "61.5 percent").correct
    assert verdict(bank, "share", "62.5").correct
    assert not verdict(bank, "share", "62.6 %").correct


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        None,
        "lots",
        "4321 weeks",
        "nan",
        "inf",
        "1e999",
        float("nan"),
        float("inf"),
        True,
        ["4321"],
        {"a": 1},
        "4321 4322",
        "4,32",
        "x" * 100_000,
    ],
)
def test_numeric_unreadable_is_not_an_attempt(bank, typed) -> None:
    v = verdict(bank, "count-days", typed)
    assert not v.valid and not v.correct
    assert v.feedback and "Traceback" not in v.feedback
    assert v.headline.startswith("⚠")


@pytest.mark.parametrize(
    "typed",
    [
        "Quillfeather Wire",
        "quillfeather wire",
        "  QUILLFEATHER   wire. ",
        "“Quillfeather”",
        "Quillfeather-Wire",
        "'quillfeather'",
    ],
)
def test_text_is_case_space_quote_and_punctuation_tolerant(bank, typed) -> None:
    assert verdict(bank, "wire-name", typed).correct


def test_text_wrong_answers(bank, misconceptions) -> None:
    known = verdict(bank, "wire-name", "the daily lantern", misconceptions)
    assert "a newspaper, not a wire" in known.feedback
    assert known.misconception == "attribution-as-proof"
    other = verdict(bank, "wire-name", "<b>Reuters</b>")
    assert other.valid and not other.correct
    assert "<b>Reuters</b>" in other.feedback  # quoted as typed; the view escapes it
    assert not verdict(bank, "wire-name", "").valid
    assert not verdict(bank, "wire-name", "?!").valid
    assert not verdict(bank, "wire-name", 42).valid


def test_text_key() -> None:
    assert text_key("U.S.") == text_key("US") == "us"
    assert text_key("Russia’s  war") == text_key("russia's war") == "russias war"
    assert text_key("North-Korea") == "north korea"


def test_parse_number() -> None:
    assert parse_number("1,200,000 days").value == 1_200_000
    assert parse_number("12.5%").unit == "%"
    assert parse_number("−3").value == -3
    assert parse_number(".5").value == 0.5


CLASSIFY_RIGHT = {
    "The river rose two metres on Tuesday.": "fact claim",
    "The mayor handled the flood badly.": "opinion",
    "The river will rise again next week.": "prediction",
}


def test_classify_partial_credit_and_misplaced_items(bank) -> None:
    assert verdict(bank, "sort-kinds", CLASSIFY_RIGHT).correct
    swapped = dict(CLASSIFY_RIGHT)
    swapped["The mayor handled the flood badly."] = "fact claim"
    v = verdict(bank, "sort-kinds", swapped)
    assert (v.correct, round(v.score, 3)) == (False, 0.667)
    bad = [d for d in v.details if not d.ok]
    assert [d.label for d in bad] == ["The mayor handled the flood badly."]
    assert "not “fact claim”" in bad[0].message and "handled badly is a judgement" in bad[0].message
    assert "1 misplaced" in v.feedback


def test_classify_unreadable(bank) -> None:
    partial = dict(CLASSIFY_RIGHT)
    partial.pop("The mayor handled the flood badly.")
    assert "1 still needs a category" in verdict(bank, "sort-kinds", partial).feedback
    odd = dict(CLASSIFY_RIGHT, **{"The mayor handled the flood badly.": "gossip"})
    assert not verdict(bank, "sort-kinds", odd).valid
    assert not verdict(bank, "sort-kinds", ["fact claim"]).valid


MATCH_RIGHT = {
    "“the water will fall”": "Oriel Vantongeren",
    "“we were not warned”": "Basilio Quennell",
}


def test_match(bank) -> None:
    assert verdict(bank, "who-said", MATCH_RIGHT).correct
    v = verdict(bank, "who-said", {**MATCH_RIGHT, "“we were not warned”": "Ambrose Kettleworth"})
    assert v.score == 0.5
    assert [d.ok for d in v.details] == [True, False]
    assert "residents complained" in v.details[1].message
    assert not verdict(bank, "who-said", {"“the water will fall”": "Oriel Vantongeren"}).valid


def test_highlight_missed_and_extra_words(bank) -> None:
    assert verdict(bank, "find-hedges", ["believe", "likely", "may"]).correct
    assert verdict(bank, "find-hedges", ["Believe#1", "likely", "may#1"]).correct
    v = verdict(bank, "find-hedges", ["believe", "likely", "hold#2"])
    assert (v.correct, round(v.score, 3)) == (False, 0.333)
    assert "Not needed: “hold (2nd)”" in v.feedback
    assert "1 word still to find" in v.feedback
    assert "verbs of belief" in v.feedback
    assert not verdict(bank, "find-hedges", []).valid
    assert not verdict(bank, "find-hedges", ["elephant"]).valid
    assert not verdict(bank, "find-hedges", "believe").valid


def test_sealed_and_teacher_verdicts_agree(teacher_bank, sealed_bank, misconceptions) -> None:
    responses = {
        "pick-one": ["Officials said the bridge was closed", "The bridge was closed", WRITER, "?"],
        "pick-many": [["likely"], ["likely", "reportedly"], ["announced", "likely"]],
        "count-days": ["4321", "4050", "12", "x"],
        "share": ["62", "70 %", "1 day"],
        "wire-name": ["Quillfeather", "The Daily Lantern", "Reuters", ""],
        "sort-kinds": [CLASSIFY_RIGHT, dict.fromkeys(CLASSIFY_RIGHT, "opinion")],
        "who-said": [MATCH_RIGHT, dict.fromkeys(MATCH_RIGHT, "Ambrose Kettleworth")],
        "find-hedges": [["believe", "likely", "may"], ["officials", "may"], ["hold#2"]],
    }
    for qid, cases in responses.items():
        for response in cases:
            a = check(teacher_bank.question(qid), response, misconceptions)
            b = check(sealed_bank.question(qid), response, misconceptions)
            # Sealed banks store items sorted, so only the order of details may differ.
            assert replace(a, details=()) == replace(b, details=()), (qid, response)
            assert sorted(a.details, key=str) == sorted(b.details, key=str), (qid, response)
