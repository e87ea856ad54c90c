"""The second case, built with `medialit new` and reviewed: no draft left, every verdict cited."""

from __future__ import annotations

from pathlib import Path

from medialit.cli import main
from medialit.content import load_course
from medialit.newcase.banks import hand_edited
from medialit.newcase.todo import todo_items

CASE = Path(__file__).resolve().parents[2] / "cases" / "iran-snapback"


def test_reviewed_case_passes_strict_check(capsys):
    assert main(["check", "--root", str(CASE), "--strict"]) == 0
    assert "OK: 8 sentences annotated" in capsys.readouterr().out
    assert todo_items(CASE) == []


def test_every_verdict_cites_excerpts_of_the_record():
    course = load_course(CASE)
    for sentence in course.sentences:
        assert sentence.verdict.excerpts, sentence.id
        assert set(sentence.verdict.excerpts) <= set(course.record.excerpts)
    ratings = {s.id: s.verdict.rating.value for s in course.sentences}
    assert ratings["s6"] == "partly"  # two failed votes called a 'decision to restore'


def test_banks_are_in_step_with_the_reviewed_annotations(tmp_path):
    import shutil

    root = tmp_path / "case"
    shutil.copytree(CASE, root)
    from medialit.newcase.regenerate import regenerate_case

    reports = regenerate_case(root)
    assert all(not (r.rebuilt or r.dropped or r.kept_hand_edited) for r in reports.values())
    course = load_course(root)
    for lesson in course.lessons:
        for q in lesson.quiz.questions:
            assert q.generated
    import yaml

    for bank in root.glob("lessons/*/quiz.yaml"):
        for q in yaml.safe_load(bank.read_text())["questions"]:
            assert not hand_edited(q)
