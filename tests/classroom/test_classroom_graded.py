"""Graded mode without a hub: the student edition ships graded questions without seals,
the service's catalog judges them from the teacher's course, and a view without a class
service says so instead of guessing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from medialit.classroom.catalog import load_catalog
from medialit.content.quizbank import load_bank
from medialit.quiz.graded import OFFLINE, graded_verdict
from medialit.quiz.release import release

REPO = Path(__file__).resolve().parents[2]
LESSON, GRADED = "01-provenance", "six-lines"


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    teacher = tmp_path_factory.mktemp("teacher")
    for part in ("data", "lessons"):
        shutil.copytree(REPO / part, teacher / part)
    text = (REPO / "course.yaml").read_text(encoding="utf-8")
    (teacher / "course.yaml").write_text(
        text + f"graded:\n  lessons: [00-start-here]\n  questions: [{LESSON}/{GRADED}]\n"
        "  max_tries: 2\n", encoding="utf-8")
    student = tmp_path_factory.mktemp("student") / "edition"
    release(teacher, student)
    return teacher, student


def test_graded_questions_ship_without_seals(editions: tuple[Path, Path]) -> None:
    _teacher, student = editions
    shipped = yaml.safe_load((student / "lessons" / LESSON / "quiz.yaml").read_text())
    by_id = {q["id"]: q for q in shipped["questions"]}
    assert by_id[GRADED]["graded"] is True and "seal" not in by_id[GRADED]
    assert all(set(o) == {"text"} for o in by_id[GRADED]["options"])
    others = [q for q in shipped["questions"] if q["id"] != GRADED]
    assert others and all("seal" in q and "graded" not in q for q in others)
    whole = yaml.safe_load((student / "lessons" / "00-start-here" / "quiz.yaml").read_text())
    assert all(q["graded"] and "seal" not in q for q in whole["questions"])
    bank = load_bank(student / "lessons" / LESSON / "quiz.yaml", student)  # still valid
    assert bank.question(GRADED).graded


def test_the_service_judges_from_the_teachers_course_only(editions: tuple[Path, Path]) -> None:
    teacher, student = editions
    catalog = load_catalog(teacher)
    assert (LESSON, GRADED) in catalog.graded and catalog.max_tries == 2
    q = catalog.questions[(LESSON, GRADED)]
    right = next(o.text for o in q.options if o.correct)
    wrong = next(o for o in q.options if not o.correct)
    assert catalog.judge(LESSON, GRADED, right).correct
    verdict = catalog.judge(LESSON, GRADED, wrong.text)
    assert not verdict.correct and verdict.feedback
    with pytest.raises(ValueError, match="sealed"):
        load_catalog(student)


def test_without_a_class_service_a_graded_question_says_so() -> None:
    from medialit.progress.attempts import MemorySink

    verdict = graded_verdict(MemorySink(), "ann", LESSON, GRADED, "anything")
    assert not verdict.valid and verdict.feedback == OFFLINE


def test_a_graded_question_that_does_not_exist_is_named(tmp_path: Path) -> None:
    for part in ("data", "lessons"):
        (tmp_path / part).symlink_to(REPO / part, target_is_directory=True)
    text = (REPO / "course.yaml").read_text(encoding="utf-8")
    (tmp_path / "course.yaml").write_text(
        text + "graded:\n  lessons: [99-nothing]\n  questions: [01-provenance/nope]\n",
        encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_catalog(tmp_path)
    assert str(caught.value).splitlines() == [
        "course.yaml: graded.lessons: no lesson '99-nothing' with a quiz",
        "course.yaml: graded.questions: no question '01-provenance/nope'",
    ]
