"""Drafts as the teacher's to-do list: `check` warns, `--strict` fails, `release` refuses."""

from __future__ import annotations

import json
import re
import shutil

import yaml

from medialit.cli import main
from medialit.newcase.todo import todo_items


def test_check_lists_drafts_as_a_numbered_list_grouped_by_sentence(html_case, capsys):
    assert main(["check", "--root", str(html_case)]) == 0
    err = capsys.readouterr().err
    items = todo_items(html_case)
    assert f"warning: {len(items)} draft field(s) to review (to-do list):" in err
    lines = err.splitlines()
    start = lines.index("sentence s1:")
    assert lines[start + 1].startswith("  1. data/annotations.yaml: sentences[0](s1).")
    numbers = [int(m.group(1)) for m in re.finditer(r"^  (\d+)\. ", err, re.M)]
    assert numbers == list(range(1, len(items) + 1))
    # every unconfirmed verdict is on the list, named as such
    verdicts = [t for t in items if t.field.endswith(".verdict")]
    assert len(verdicts) == 11 and all(t.rule.startswith("UNCONFIRMED") for t in verdicts)
    assert "sources:" in lines
    # s3's number sits under s3, not elsewhere
    s3 = lines.index("sentence s3:")
    s4 = lines.index("sentence s4:")
    numbers = yaml.safe_load((html_case / "data" / "numbers.yaml").read_text())["numbers"]
    in_s3 = [n["id"] for n in numbers if n["sentence"] == "s3"]
    assert in_s3 and all(any(f"({nid})." in line for line in lines[s3:s4]) for nid in in_s3)


def test_strict_turns_drafts_into_errors(html_case, capsys):
    assert main(["check", "--root", str(html_case), "--strict"]) == 1
    assert "drafts are errors with --strict" in capsys.readouterr().err
    assert main(["check", "--root", str(html_case), "--strict", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["drafts"][0]["number"] == 1


def test_a_reviewed_field_leaves_the_list(html_case, tmp_path):
    root = tmp_path / "case"
    shutil.copytree(html_case, root)
    path = root / "data" / "annotations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    before = len(todo_items(root))
    del data["sentences"][0]["draft"]["kind"]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    after = todo_items(root)
    assert len(after) == before - 1
    assert "data/annotations.yaml: sentences[0](s1).kind" not in {f"{t.file}: {t.field}"
                                                                  for t in after}


def test_release_refuses_drafts_unless_allowed(html_case, tmp_path, capsys):
    out = tmp_path / "edition"
    assert main(["release", str(out), "--root", str(html_case)]) == 1
    assert "still drafts" in capsys.readouterr().err
    assert not out.exists()
    assert main(["release", str(out), "--root", str(html_case), "--allow-drafts"]) == 0
    released = (out / "data" / "annotations.yaml").read_text(encoding="utf-8")
    assert "draft:" not in released  # a draft's rule would name a sealed answer


def test_the_course_itself_has_no_drafts(repo):
    assert todo_items(repo) == []
