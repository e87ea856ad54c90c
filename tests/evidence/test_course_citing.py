"""`medialit check` holds the course to its own method: every verdict rests on readable words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from medialit.cli import main
from medialit.content import ContentError, load_course
from medialit.content.answernotes import MARKER
from medialit.content.packet import quoted_phrases


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(root)
    return [str(p) for p in caught.value.problems]


def annotations(root: Path) -> dict:
    return yaml.safe_load((root / "data/annotations.yaml").read_text(encoding="utf-8"))


def save_annotations(root: Path, data: dict) -> None:
    (root / "data/annotations.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_course_passes_its_own_checks(full_course):
    course = load_course(full_course)
    for s in course.sentences:
        if s.verdict.rating.value != "unconfirmed":
            assert s.verdict.excerpts, s.id


def test_a_verdict_with_no_excerpt_is_refused(full_course):
    data = annotations(full_course)
    index, s = next((i, s) for i, s in enumerate(data["sentences"])
                    if s["verdict"]["rating"] != "unconfirmed")
    for point in s["verdict"]["evidence"]:
        point["excerpts"] = []
        point["basis"] = "article"
    save_annotations(full_course, data)
    expected = (f"data/annotations.yaml: sentences[{index}]({s['id']}).verdict.evidence: a "
                f"'{s['verdict']['rating']}' verdict must cite at least one excerpt of the record")
    assert any(p.startswith(expected) for p in problems_of(full_course))


def test_a_misquoted_phrase_is_caught(full_course):
    data = annotations(full_course)
    course = load_course(full_course)
    # Find a point that quotes a cited excerpt, and change one word inside the quotation.
    for i, s in enumerate(data["sentences"]):
        for k, point in enumerate(s["verdict"]["evidence"]):
            quoted = quoted_phrases(point["text"])
            if point.get("excerpts") and quoted:
                phrase = quoted[0]
                words = phrase.split()
                words[-1] = "zebras"
                point["text"] = point["text"].replace(phrase, " ".join(words))
                save_annotations(full_course, data)
                where = f"data/annotations.yaml: sentences[{i}]({s['id']}).verdict.evidence[{k}]"
                assert any(p.startswith(where + ".text: the quoted words")
                           for p in problems_of(full_course))
                return
    pytest.fail(f"no evidence point quotes an excerpt ({len(course.sentences)} sentences)")


def test_evidence_from_the_record_must_cite_an_excerpt(full_course):
    data = annotations(full_course)
    s = data["sentences"][0]
    s["verdict"]["evidence"].append({"text": "Another point.", "basis": "record",
                                     "excerpts": []})
    save_annotations(full_course, data)
    k = len(s["verdict"]["evidence"]) - 1
    assert any(p.startswith(f"data/annotations.yaml: sentences[0]({s['id']}).verdict."
                            f"evidence[{k}].excerpts: evidence from the record cites no excerpt")
               for p in problems_of(full_course))


def test_an_excerpt_cited_nowhere_is_reported(full_course):
    doc = sorted((full_course / "data/record").glob("*.yaml"))[0]
    data = yaml.safe_load(doc.read_text(encoding="utf-8"))
    data["excerpts"].append({"id": "an-unused-excerpt", "text": "Words nobody cites."})
    doc.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert (f"data/record/{doc.name}: excerpts(an-unused-excerpt): cited nowhere: cite it from "
            "the course, or drop it from the packet") in problems_of(full_course)


def test_an_unknown_excerpt_in_a_guide_is_reported(full_course):
    guide = full_course / "lessons/01-provenance/guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace(
        "## Overview", "## Overview\n\nA fact. [record: no-such-excerpt]", 1), encoding="utf-8")
    assert any(p.startswith("lessons/01-provenance/guide.md: [record: ...][0]: unknown excerpt "
                            "'no-such-excerpt'") for p in problems_of(full_course))


def test_too_many_core_questions_are_refused(full_course):
    bank = full_course / "lessons/02-claims/quiz.yaml"
    text = bank.read_text(encoding="utf-8").replace("extension: true", "extension: false")
    bank.write_text(text, encoding="utf-8")
    assert any(re.match(r"lessons/02-claims/quiz.yaml: questions: \d+ core questions; at most 10",
                        p) for p in problems_of(full_course))


def test_a_core_longer_than_forty_minutes_is_refused(full_course):
    guide = full_course / "lessons/03-sourcing/guide.md"
    text = re.sub(r"^exercises: \d+", "exercises: 40", guide.read_text(encoding="utf-8"),
                  count=1, flags=re.M)
    guide.write_text(text, encoding="utf-8")
    assert any(p.startswith("lessons/03-sourcing/guide.md: teaching + exercises: the core takes")
               for p in problems_of(full_course))


def test_answer_notes_follow_the_bank(full_course, capsys):
    bank = full_course / "lessons/04-figures/quiz.yaml"
    data = yaml.safe_load(bank.read_text(encoding="utf-8"))
    numeric = next(q for q in data["questions"] if q["type"] == "numeric" and "answer" in q)
    numeric["answer"] = numeric["answer"] + 1
    bank.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert ("lessons/04-figures/guide.md: ## Answer notes: out of step with quiz.yaml: run "
            "`medialit guides` to regenerate them from the bank") in problems_of(full_course)
    assert main(["guides", "--check", "--root", str(full_course)]) == 1
    assert main(["guides", "--root", str(full_course)]) == 0
    guide = (full_course / "lessons/04-figures/guide.md").read_text(encoding="utf-8")
    assert MARKER in guide and f"`{numeric['id']}`" in guide
    load_course(full_course)


def test_every_question_appears_in_its_guide(full_course):
    course = load_course(full_course)
    for lesson in course.lessons:
        if lesson.quiz is None:
            continue
        guide = (lesson.path / "guide.md").read_text(encoding="utf-8")
        for q in lesson.quiz.questions:
            assert f"`{q.id}`" in guide, (lesson.id, q.id)
