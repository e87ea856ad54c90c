"""Generated questions stay in step with the annotations; a hand edit wins."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from medialit.cli import main
from medialit.content import load_course
from medialit.newcase.banks import hand_edited, question_hash


def _copy(case: Path, tmp_path: Path) -> Path:
    root = tmp_path / "case"
    shutil.copytree(case, root)
    return root


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _save(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _bank(root: Path, lesson: str) -> dict:
    return {q["id"]: q for q in _load(root / "lessons" / lesson / "quiz.yaml")["questions"]}


def test_every_generated_question_names_what_it_rests_on(html_case):
    for lesson in ("01-claims", "02-sourcing", "03-figures"):
        for q in _bank(html_case, lesson).values():
            assert q["generated"] is True and q["rests_on"] and q["explanation"]
            assert q["generated_hash"] == question_hash(q)
    types = {q["type"] for lesson in ("01-claims", "02-sourcing", "03-figures")
             for q in _bank(html_case, lesson).values()}
    assert types == {"classify", "highlight", "single", "match"}
    # explanations are built from the annotation: s1's hedge and its signal
    assert "'believe' signals belief" in _bank(html_case, "01-claims")["hedges-s1"]["explanation"]


def test_an_annotation_edit_rebuilds_an_untouched_question(html_case, tmp_path, capsys):
    root = _copy(html_case, tmp_path)
    notes_path = root / "data" / "annotations.yaml"
    notes = _load(notes_path)
    notes["sentences"][0]["kind"] = "opinion"  # the teacher corrects s1
    _save(notes_path, notes)
    assert main(["regenerate", str(root)]) == 0
    assert "01-claims: kinds: rebuilt from the annotations" in capsys.readouterr().out
    kinds = _bank(root, "01-claims")["kinds"]
    assert {"sentence": "s1", "category": "opinion"} in kinds["items"]
    assert not hand_edited(kinds)
    load_course(root)  # banks and answer notes still agree


def test_a_hand_edit_wins_over_an_annotation_edit(html_case, tmp_path, capsys):
    root = _copy(html_case, tmp_path)
    bank_path = root / "lessons" / "01-claims" / "quiz.yaml"
    text = bank_path.read_text(encoding="utf-8")
    edited = text.replace("Pick every hedging word or phrase in this sentence.",
                          "Which words show how sure the officials are?", 1)
    edited = "# my own note on this bank\n" + edited
    bank_path.write_text(edited, encoding="utf-8")
    notes_path = root / "data" / "annotations.yaml"
    notes = _load(notes_path)
    notes["sentences"][0]["hedges"] = notes["sentences"][0]["hedges"][:1]  # drop 'could', 'if'
    notes["sentences"][0]["kind"] = "opinion"
    _save(notes_path, notes)
    assert main(["regenerate", str(root)]) == 0
    out = capsys.readouterr().out
    assert "01-claims: hedges-s1: kept: edited by hand" in out
    bank = _bank(root, "01-claims")
    assert bank["hedges-s1"]["prompt"] == "Which words show how sure the officials are?"
    assert bank["hedges-s1"]["targets"] == ["believe", "could", "if"]  # not regenerated
    assert {"sentence": "s1", "category": "opinion"} in bank["kinds"]["items"]  # untouched: rebuilt
    assert bank_path.read_text(encoding="utf-8").startswith("# my own note on this bank\n")


def test_a_deleted_question_stays_deleted_unless_asked(html_case, tmp_path, capsys):
    root = _copy(html_case, tmp_path)
    bank_path = root / "lessons" / "02-sourcing" / "quiz.yaml"
    data = _load(bank_path)
    data["questions"] = [q for q in data["questions"] if q["id"] != "source-kinds"]
    _save(bank_path, data)
    assert main(["regenerate", str(root)]) == 0
    assert "source-kinds" not in _bank(root, "02-sourcing")
    assert main(["regenerate", str(root), "--add-missing"]) == 0
    assert "02-sourcing: source-kinds: added" in capsys.readouterr().out
    assert "source-kinds" in _bank(root, "02-sourcing")
    load_course(root)
