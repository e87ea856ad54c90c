"""The student edition of the real course: quizzed annotation fields sealed in data/,
shown by the explorer once answered, a new salt per release, and honest words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from medialit.cli import main
from medialit.content import load_course
from medialit.content.quizbank import load_bank
from medialit.explorer.cards import build_card
from medialit.explorer.gate import HIDDEN, for_learner
from medialit.progress.attempts import Attempt, MemorySink
from medialit.quiz.release import release
from medialit.quiz.shuffle import shuffled

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("student") / "edition"
    release(ROOT, out)
    return out


def _entries(folder: Path) -> dict[str, dict]:
    raw = yaml.safe_load((folder / "data/annotations.yaml").read_text(encoding="utf-8"))
    return {e["id"]: e for e in raw["sentences"]}


def _asked() -> list[tuple[str, str, str, str]]:
    """(lesson, question, sentence, field) for every quiz question about an annotation,
    worked out here from the banks rather than by the engine's own code."""
    fields = {"sort-kinds": "kind", "sort-forms": "kind", "verdicts": "verdict"}
    hedge_questions = {"lead-hedges", "may-hedge", "reportedly-s17", "analysts-words"}
    found = []
    for bank_path in sorted((ROOT / "lessons").glob("*/quiz.yaml")):
        bank = yaml.safe_load(bank_path.read_text(encoding="utf-8"))
        for q in bank["questions"]:
            if q["type"] == "classify" and q["id"] in fields:
                found += [(bank["lesson"], q["id"], i["sentence"], fields[q["id"]])
                          for i in q["items"] if "sentence" in i]
            elif q["type"] == "highlight" and q["id"] in hedge_questions:
                found.append((bank["lesson"], q["id"], q["sentence"], "hedges"))
    return found


def test_released_annotations_hold_no_quizzed_answer(edition: Path) -> None:
    asked = _asked()
    assert sum(1 for a in asked if a[3] != "hedges") == 22  # every classify item on a sentence
    teacher = _entries(ROOT)
    student = _entries(edition)
    for lesson, question, sentence, name in asked:
        assert name not in student[sentence], (lesson, question, sentence)
        assert f"{lesson}/{question}" in student[sentence]["sealed_fields"]["asked_by"][name]
        assert name in teacher[sentence]
    text = (edition / "data/annotations.yaml").read_text(encoding="utf-8")
    for _, _, sentence, name in asked:  # a grep for the value next to the id finds nothing
        block = text.split(f"- id: {sentence}\n", 1)[1].split("\n- id: ", 1)[0]
        if name == "kind":
            assert f"kind: {teacher[sentence]['kind']}" not in block
        if name == "hedges":
            assert not re.search(r"^  hedges:", block, re.M)
            for hedge in teacher[sentence]["hedges"]:
                assert f"text: {hedge['text']}\n" not in block
        if name == "verdict":
            assert f"rating: {teacher[sentence]['verdict']['rating']}" not in block


def test_released_course_loads_with_the_same_annotations(edition: Path) -> None:
    assert load_course(edition).sentences == load_course(ROOT).sentences


def _attempt(lesson: str, question: str) -> Attempt:
    return Attempt("ann", lesson, question, {}, False, 0.0, 1)


def test_explorer_shows_a_sealed_field_once_its_question_is_answered(edition: Path) -> None:
    course = load_course(edition)
    sink = MemorySink()
    before = build_card(for_learner(course, sink, "ann"), "s01")
    assert before.kinds == (HIDDEN,) and before.hedges == ()
    sink.record(_attempt("02-claims", "sort-kinds"))
    middle = build_card(for_learner(course, sink, "ann"), "s01")
    assert middle.kinds == ("prediction", "paraphrase") and middle.hedges == ()
    sink.record(_attempt("02-claims", "lead-hedges"))
    after = build_card(for_learner(course, sink, "ann"), "s01")
    assert [word for word, _ in after.hedges] == ["believes", "likely"]
    verdict = build_card(for_learner(course, sink, "ann"), "s17")
    assert verdict.rating == HIDDEN and not verdict.evidence
    assert "05-checking, question verdicts" in verdict.summary
    sink.record(_attempt("05-checking", "verdicts"))
    assert build_card(for_learner(course, sink, "ann"), "s17").rating == "wrong"


def test_open_data_ships_annotations_as_they_are(tmp_path: Path) -> None:
    out = tmp_path / "open"
    release(ROOT, out, open_data=True)
    teacher = (ROOT / "data/annotations.yaml").read_bytes()
    assert (out / "data/annotations.yaml").read_bytes() == teacher
    course = load_course(out)
    assert build_card(for_learner(course, MemorySink(), "ann"), "s01").kinds[0] == "prediction"


def test_each_release_draws_a_new_salt_and_keeps_the_shuffles(
    edition: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    release(ROOT, other)
    one = (edition / "lessons/02-claims/quiz.yaml").read_text(encoding="utf-8")
    two = (other / "lessons/02-claims/quiz.yaml").read_text(encoding="utf-8")
    salts = [yaml.safe_load(t)["questions"][0]["seal"]["salt"] for t in (one, two)]
    assert salts[0] != salts[1]
    assert _entries(edition)["s01"]["sealed_fields"]["box"] != (
        _entries(other)["s01"]["sealed_fields"]["box"]
    )
    banks = [load_bank(f / "lessons/02-claims/quiz.yaml", f) for f in (edition, other)]
    single = [next(q for q in b.questions if q.type == "single") for b in banks]
    orders = [[o.text for o in shuffled(q.options, "ann", "02-claims", q.id)] for q in single]
    assert orders[0] == orders[1]


def test_release_says_what_it_protects_and_what_not(tmp_path: Path, capsys) -> None:
    assert main(["release", str(tmp_path / "out"), "--root", str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert "No answer found in plain text" in out
    assert "a classmate's saved notebook, a search (grep) of the course folder" in out
    assert "does not: someone who runs medialit's own code" in out
    assert "medialit class-service" in out
