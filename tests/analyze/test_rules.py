"""Rule files: built-ins load, a teacher's folder extends them, broken ones are explained."""

from __future__ import annotations

import pytest

from medialit.analyze import analyze_text, load_rules
from medialit.analyze.rules import BUILTIN_DIR
from medialit.cli import main
from medialit.content.problems import ContentError

SENTENCE = "The inspector said the bridge was arguably unsafe for heavy lorries."


def test_builtin_rules_have_every_section(rules):
    assert rules.hedges and rules.reporting and rules.number_words.units
    assert {p.rule.category for p in rules.compiled_patterns} == {"hedge", "number"}
    assert all(f.startswith("analyze/rules/") for f in rules.files)


def test_every_builtin_file_documents_its_format():
    for path in BUILTIN_DIR.glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name
    assert (BUILTIN_DIR / "README.md").is_file()


def test_extra_folder_adds_words_and_names_its_file(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "hedges:\n"
        "  - id: probability\n"
        "    explain: ignored when merging\n"
        "    entries: [arguably]\n",
        encoding="utf-8",
    )
    assert "arguably" not in [h.text for h in analyze_text(SENTENCE).sentences[0].hedges]
    rules = load_rules(tmp_path)
    hedge = next(h for h in analyze_text(SENTENCE, rules).sentences[0].hedges)
    assert hedge.text == "arguably" and hedge.why.rule == "hedges/probability"
    assert str(tmp_path / "mine.yaml") in hedge.why.file
    assert "likely" in rules.hedges["probability"].entries  # built-ins kept


def test_extra_folder_can_add_a_pattern(tmp_path):
    (tmp_path / "grades.yaml").write_text(
        "patterns:\n"
        "  - id: school-grade\n"
        "    category: number\n"
        "    kind: grade\n"
        "    explain: A grade on a scale.\n"
        "    regex: '\\bgrade\\s+[A-F]\\b'\n",
        encoding="utf-8",
    )
    report = analyze_text("The inspectors gave the school grade B this year.", tmp_path)
    assert [n.kind for n in report.sentences[0].numbers] == ["grade"]


@pytest.mark.parametrize(
    ("content", "field", "problem"),
    [
        ("hedges:\n- id: x\n  explain: e\n  entries: []\n", "hedges[0](x).entries", "at least"),
        ("hedges:\n- id: x\n  explain: e\n  entrys: [a]\n", "hedges[0](x).entrys", "unknown"),
        (
            "reporting:\n  - id: x\n    explain: e\n    entries: [a]\n    form: shout\n",
            "reporting[0](x).form",
            "Input should be",
        ),
        (
            "patterns:\n  - id: x\n    category: number\n    explain: e\n    regex: '(['\n",
            "patterns(x).regex",
            "not a valid regular expression",
        ),
        (
            "patterns:\n  - id: x\n    category: number\n    explain: e\n    regex: '{numbr}'\n",
            "patterns(x).regex",
            "unknown placeholder",
        ),
        ("hedges: [unclosed\n", "line", "YAML syntax"),
        ("", "(file)", "empty"),
    ],
)
def test_broken_rule_file_is_file_field_problem(tmp_path, content, field, problem):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_rules(tmp_path)
    lines = [str(p) for p in err.value.problems]
    assert any(line.startswith(f"{path}: {field}") and problem in line for line in lines), lines


def test_cli_reports_broken_rules_with_exit_1(tmp_path, capsys):
    (tmp_path / "broken.yaml").write_text("hedges: 3\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The mayor said the pool would reopen in June.", encoding="utf-8")
    assert main(["analyze", str(article), "--rules", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "broken.yaml: hedges:" in err and "Traceback" not in err


def test_rules_folder_must_exist_and_hold_yaml(tmp_path):
    with pytest.raises(ContentError, match="not found"):
        load_rules(tmp_path / "missing")
    with pytest.raises(ContentError, match=r"no \.yaml"):
        load_rules(tmp_path)


def test_source_word_lists_joined_once_are_the_lists_joined(rules):
    """``union`` joins lists once per rule set; it must hold exactly their words."""
    words = rules.source_words
    joined = words.union("roles", "documents")
    assert joined == words.sets["roles"] | words.sets["documents"]
    assert words.union("roles", "documents") is joined
