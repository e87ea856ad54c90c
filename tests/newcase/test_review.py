"""Saving a review: comments and order kept, hand edits kept, true conflicts refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from medialit.content import load_course
from medialit.newcase import review
from medialit.newcase.review_view import article_html
from medialit.newcase.review_view import review as review_widget
from medialit.newcase.todo import todo_items

RECORD_DOC = """\
id: water-board-2025-08-14
publisher: Arden Water
title: Reservoir levels
date: 2025-08-14
url: https://arden-water.example/levels
kind: data
obtained: Invented for the test, like the practice article.
rights: us_government_work
excerpts:
  - id: level-38
    text: Main reservoir at 38 per cent of capacity on Wednesday.
"""


@pytest.fixture
def case(html_case: Path, tmp_path: Path) -> Path:
    root = tmp_path / "case"
    shutil.copytree(html_case, root)
    return root


def _annotations(root: Path) -> str:
    return (root / "data" / "annotations.yaml").read_text(encoding="utf-8")


def _s(root: Path, sid: str) -> review.DraftSentence:
    return {s.id: s for s in review.read_sentences(root)}[sid]


def test_saving_keeps_comments_order_and_clears_the_drafts(case):
    path = case / "data" / "annotations.yaml"
    path.write_text(_annotations(case).replace(
        "  kind: paraphrase\n", "  kind: paraphrase  # my comment on s1's kind\n", 1),
        encoding="utf-8")
    s1 = _s(case, "s1")
    written = review.save_review(case, "s1", s1.fields, {"kind": "fact_claim"})
    assert written == ["kind"]
    text = _annotations(case)
    assert text.startswith("# Pre-filled by `medialit new`")
    assert "# my comment on s1's kind" in text
    data = yaml.safe_load(text)
    first = data["sentences"][0]
    assert first["kind"] == "fact_claim" and "kind" not in first["draft"]
    assert list(first)[:5] == ["id", "text", "start", "kind", "claimant"]  # order kept
    load_course(case)


def test_a_hand_edit_made_meanwhile_is_kept(case):
    s1 = _s(case, "s1")  # the reviewer opens s1 ...
    path = case / "data" / "annotations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["sentences"][0]["note"] = "Edited in the file by hand."  # ... someone edits the file
    data["sentences"][1]["kind"] = "fact_claim"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    review.save_review(case, "s1", s1.fields, {"hedges": review.parse_hedges(
        "believe=belief, could=possibility", s1)})
    after = yaml.safe_load(_annotations(case))
    assert after["sentences"][0]["note"] == "Edited in the file by hand."
    assert after["sentences"][1]["kind"] == "fact_claim"
    assert [h["text"] for h in after["sentences"][0]["hedges"]] == ["believe", "could"]
    load_course(case)


def test_the_same_field_changed_meanwhile_is_a_conflict_and_nothing_is_written(case):
    s1 = _s(case, "s1")
    path = case / "data" / "annotations.yaml"
    path.write_text(_annotations(case).replace("  kind: paraphrase\n", "  kind: opinion\n", 1),
                    encoding="utf-8")
    before = _annotations(case)
    with pytest.raises(review.ReviewConflict, match=r"sentences\[0\]\(s1\)\.kind: changed in"):
        review.save_review(case, "s1", s1.fields, {"kind": "fact_claim", "claimant": "arden-water"})
    assert _annotations(case) == before


def test_a_verdict_needs_excerpts_that_exist(case):
    s2 = _s(case, "s2")
    verdict = {"rating": "confirmed", "summary": "The water company's figure.",
               "evidence": [{"text": "The company's level page gives 38 per cent.",
                             "basis": "record", "excerpts": ["level-38"]}]}
    with pytest.raises(review.ReviewError, match="level-38 not in data/record"):
        review.save_review(case, "s2", s2.fields, {"verdict": verdict})
    (case / "data" / "record" / "water-board-2025-08-14.yaml").write_text(RECORD_DOC,
                                                                           encoding="utf-8")
    review.save_review(case, "s2", s2.fields, {"verdict": verdict})
    course = load_course(case)
    assert course.sentence("s2").verdict.excerpts == ["level-38"]
    assert not [t for t in todo_items(case) if t.field == "sentences[1](s2).verdict"]


def test_claimant_correction_follows_the_chain(case):
    s1 = _s(case, "s1")
    review.save_review(case, "s1", s1.fields, {"claimant": "arden-water"})
    course = load_course(case)
    assert [h.source for h in course.sentence("s1").chain] == ["arden-water",
                                                               "valley-daily-digest-invented"]


def test_the_widget_saves_and_reports(case):
    box = review_widget(case)
    assert repr(box) == "<Review of the case's drafts>"
    kind = box.children[3]
    kind.value = "fact_claim"
    box.children[12].click()
    assert "Saved s1" in box.children[13].value
    assert yaml.safe_load(_annotations(case))["sentences"][0]["kind"] == "fact_claim"
    # the form saves kind, claimant, hedges and verdict: s1's drafts for them are gone
    assert set(_s(case, "s1").draft) <= {"quotes", "unattributed"}
    assert "[s1, 2 drafts]" not in article_html(review.read_sentences(case))
    box.children[5].value = "nonsense=belief"
    box.children[12].click()
    assert "Not saved: hedge &#x27;nonsense&#x27; is not in sentence s1" in box.children[13].value


def test_the_widget_keeps_the_other_points_of_evidence(tmp_path):
    from pathlib import Path as _P

    root = tmp_path / "snapback"
    shutil.copytree(_P(__file__).resolve().parents[2] / "cases" / "iran-snapback", root)
    box = review_widget(root)
    box.children[1].value = "s2"
    box.children[8].value = "Six resolutions were re-applied; the quoted term is 2231's."
    box.children[12].click()
    assert "Saved s2" in box.children[13].value
    course = load_course(root)
    verdict = course.sentence("s2").verdict
    assert len(verdict.evidence) == 2
    assert verdict.summary == "Six resolutions were re-applied; the quoted term is 2231's."
    assert verdict.excerpts == ["un-note-8pm-six-resolutions", "significant-non-performance-2231"]
