"""The bank schema: every mistake a teacher can make is reported with file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from quiz_helpers import BANK, FIXTURE

from medialit.content.problems import ContentError
from medialit.content.quizbank import canonical_target, load_bank, target_refs


def write_bank(tmp_path: Path, data: dict, lesson: str = "types") -> Path:
    folder = tmp_path / "lessons" / lesson
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "quiz.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def base() -> dict:
    return yaml.safe_load(BANK.read_text(encoding="utf-8"))


def problems_for(tmp_path: Path, data: dict, **kwargs) -> list[str]:
    path = write_bank(tmp_path, data)
    with pytest.raises(ContentError) as caught:
        load_bank(path, tmp_path, **kwargs)
    return [str(p) for p in caught.value.problems]


def test_fixture_bank_loads_with_every_type(teacher_bank) -> None:
    assert {q.type for q in teacher_bank.questions} == {
        "single",
        "multiple",
        "numeric",
        "text",
        "classify",
        "match",
        "highlight",
    }
    assert [q.id for q in teacher_bank.in_section("typing")] == ["count-days", "share", "wire-name"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["questions"][0]["options"][1].update(correct=True),
            "questions[0](pick-one).options: a single-choice question needs exactly one correct",
        ),
        (
            lambda d: [o.pop("correct", None) for o in d["questions"][1]["options"]],
            "questions[1](pick-many).options: a multiple-choice question needs at least one",
        ),
        (
            lambda d: d["questions"][2].update(range=[1, 2]),
            "questions[2](count-days): give either answer",
        ),
        (
            lambda d: d["questions"][3].update(range=[9, 1]),
            "questions[3](share).range: the lower bound is above the upper bound",
        ),
        (
            lambda d: d["questions"][4].update(accepted=[]),
            "questions[4](wire-name).accepted: a text question needs at least one",
        ),
        (
            lambda d: d["questions"][5]["items"][0].update(category="rumour"),
            "questions[5](sort-kinds).items[0].category: 'rumour' is not one of the declared",
        ),
        (
            lambda d: d["questions"][7].update(targets=["believe", "surely"]),
            "questions[7](find-hedges).targets[1]: 'surely' is not a word or phrase",
        ),
        (
            lambda d: d["questions"][7].update(targets=["hold#3"]),
            "questions[7](find-hedges).targets[0]: 'hold#3' is not a word",
        ),
        (
            lambda d: d["questions"][0].update(section="nowhere"),
            "questions[0](pick-one).section: unknown section 'nowhere'",
        ),
        (
            lambda d: d["questions"][1].update(id="pick-one"),
            "questions: id 'pick-one' is used twice",
        ),
        (
            lambda d: d["questions"][0]["options"][1].update(misconception="no-such-idea"),
            "questions[0](pick-one).options[1].misconception: unknown misconception 'no-such-idea'",
        ),
        (
            lambda d: d.update(lesson="other"),
            "lesson: 'other' must equal the lesson folder name 'types'",
        ),
        (
            lambda d: d["questions"][6]["pairs"][0].pop("right"),
            "questions[6](who-said).pairs[0].right: required field is missing",
        ),
        (
            lambda d: d["questions"][0].pop("explanation"),
            "questions[0](pick-one).explanation: required field is missing",
        ),
    ],
)
def test_cross_checks_name_file_and_field(tmp_path, misconceptions, mutate, expected) -> None:
    data = base()
    mutate(data)
    problems = problems_for(tmp_path, data, misconceptions=misconceptions)
    assert any(p.startswith("lessons/types/quiz.yaml: " + expected) for p in problems), problems


def test_all_problems_are_reported_at_once(tmp_path, misconceptions) -> None:
    data = base()
    data["questions"][0]["options"][1]["correct"] = True
    data["questions"][4]["accepted"] = []
    data["questions"][2]["objective"] = "unknown-goal"
    problems = problems_for(tmp_path, data, objectives={"try-types"}, misconceptions=misconceptions)
    assert len(problems) == 3


def test_schema_errors_name_the_question(tmp_path) -> None:
    data = base()
    data["questions"][2]["answer"] = float("nan")
    data["questions"][3]["extra_field"] = 1
    problems = problems_for(tmp_path, data)
    assert any("questions[2](count-days).answer" in p and "finite" in p for p in problems)
    assert any("questions[3](share).extra_field: unknown field" in p for p in problems)


def test_unknown_type_and_bad_yaml(tmp_path) -> None:
    data = base()
    data["questions"][0]["type"] = "essay"
    assert "questions[0](pick-one).type: must be one of" in problems_for(tmp_path, data)[0]
    path = write_bank(tmp_path, {})
    path.write_text("lesson: types\nquestions: [\n", encoding="utf-8")
    with pytest.raises(ContentError, match="YAML syntax"):
        load_bank(path, tmp_path)


def test_sentence_refs_are_checked_and_filled_in(tmp_path) -> None:
    data = base()
    data["questions"][7].pop("text")
    data["questions"][7]["sentence"] = "s02"
    data["questions"][5]["items"][0] = {"sentence": "s01", "category": "fact claim"}
    path = write_bank(tmp_path, data)
    sentences = {"s01": "Troops arrived.", "s02": "They believe it will likely hold, it may hold."}
    bank = load_bank(path, tmp_path, sentences=sentences)
    assert bank.question("find-hedges").text == sentences["s02"]
    assert bank.question("sort-kinds").items[0].label == "Troops arrived."
    assert bank.question("sort-kinds").items[0].key == "s01"
    problems = problems_for(tmp_path, data, sentences={"s01": "x"})
    assert any("questions[7](find-hedges).sentence: unknown sentence 's02'" in p for p in problems)


def test_sealed_bank_must_not_carry_plain_keys(tmp_path, released) -> None:
    data = yaml.safe_load((released / "lessons/types/quiz.yaml").read_text(encoding="utf-8"))
    data["questions"][0]["options"][0]["correct"] = True
    data["questions"][4]["accepted"] = ["Quillfeather"]
    problems = problems_for(tmp_path, data)
    assert any(
        "questions[0](pick-one): a sealed bank must not carry options" in p for p in problems
    )
    assert any(
        "questions[4](wire-name): a sealed bank must not carry accepted" in p for p in problems
    )


def test_target_refs_count_occurrences_case_insensitively() -> None:
    assert target_refs("May I? It may, may it not") == [
        "may#1",
        "i#1",
        "it#1",
        "may#2",
        "may#3",
        "it#2",
        "not#1",
    ]
    assert canonical_target("Believes") == "believes#1"
    assert canonical_target("may#2") == "may#2"


def test_fixture_course_folder_is_a_course() -> None:
    assert (FIXTURE / "course.yaml").is_file()
