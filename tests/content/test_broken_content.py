"""Broken content files, fed on purpose: every mistake is named by file and field."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from content_helpers import edit, problems_of

from medialit.cli import main
from medialit.content import load_course


def test_untouched_copy_loads(data_course):
    assert len(load_course(data_course).sentences) == 19


def test_yaml_syntax_error_names_file_and_line(data_course):
    edit(data_course / "data/sources.yaml", "  - id: nato\n", "  - id: nato\n   bad: [\n")
    (problem,) = problems_of(data_course)
    assert problem.startswith("data/sources.yaml: line ")
    assert "YAML syntax" in problem


def test_missing_field_names_the_item(data_course):
    edit(
        data_course / "data/numbers.yaml",
        "  counts: drones the Ukrainian military says it shot",
        "  countz: drones the Ukrainian military says it shot",
    )
    problems = problems_of(data_course)
    assert (
        "data/numbers.yaml: numbers[4](n-drones-down).counts: required field is missing" in problems
    )
    assert any("countz: unknown field" in p for p in problems)


def test_span_that_does_not_match_the_text(data_course):
    edit(data_course / "data/annotations.yaml", "start: 210\n", "start: 211\n")
    problems = problems_of(data_course)
    assert any(
        p.startswith("data/annotations.yaml: sentences[0](s01).hedges[1]: text at 211..217 reads")
        and "occurs at 210" in p
        for p in problems
    ), problems


def test_claimant_missing_from_the_registry(data_course):
    edit(data_course / "data/annotations.yaml", "claimant: putin", "claimant: no-such-party")
    assert (
        "data/annotations.yaml: sentences[17](s18).claimant: 'no-such-party' is not in "
        "data/sources.yaml" in problems_of(data_course)
    )


def test_unknown_enum_value(data_course):
    edit(data_course / "data/annotations.yaml", "rating: wrong", "rating: false")
    assert any("sentences[16](s17).verdict.rating" in p for p in problems_of(data_course))


def test_a_number_missing_from_the_numbers_table(data_course):
    path = data_course / "data/numbers.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: n-drones-launched")
    end = text.index("- id: n-war-length")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert any("'48' in sentence s15" in p for p in problems_of(data_course))


def test_edited_article_bytes_are_caught(data_course):
    path = data_course / "data/article/article-as-scraped.txt"
    path.write_bytes(path.read_bytes().replace(b"Kursk region", b"Kursk regoin", 1))
    problems = problems_of(data_course)
    assert any(
        p.startswith("data/article/article.yaml: sha256: the article bytes changed")
        for p in problems
    )


def test_unknown_excerpt_in_the_timeline(data_course):
    path = data_course / "data/timeline.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"citations: \[([a-z0-9-]+)", text).group(1)
    path.write_text(text.replace(first, "no-such-excerpt", 1), encoding="utf-8")
    assert any(
        re.fullmatch(r"data/timeline.yaml: events\[\d+\].citations\[0\]: unknown excerpt "
                     r"'no-such-excerpt' \(not in any data/record/\*.yaml\)", p)
        for p in problems_of(data_course)
    )


def test_missing_file(data_course):
    (data_course / "data/places.yaml").unlink()
    assert "data/places.yaml: (file): file is missing" in problems_of(data_course)


def test_not_utf8(data_course):
    (data_course / "data/sources.yaml").write_bytes(b"sources:\n  - id: \xff\xfe\n")
    assert any(
        p.startswith("data/sources.yaml: (file): not UTF-8") for p in problems_of(data_course)
    )


def test_all_problems_are_reported_at_once(data_course):
    edit(data_course / "data/annotations.yaml", "claimant: putin", "claimant: no-such-party")
    edit(data_course / "data/numbers.yaml", "counted_by: rutte", "counted_by: nobody")
    assert len(problems_of(data_course)) >= 2


def test_cli_check_reports_problems_without_a_traceback(data_course, capsys):
    edit(data_course / "data/annotations.yaml", "claimant: putin", "claimant: no-such-party")
    assert main(["check", "--root", str(data_course)]) == 1
    err = capsys.readouterr().err
    assert "data/annotations.yaml: sentences[17](s18).claimant:" in err
    assert "Traceback" not in err


def test_cli_check_json_on_problems(data_course, capsys):
    edit(data_course / "data/annotations.yaml", "claimant: putin", "claimant: no-such-party")
    assert main(["check", "--json", "--root", str(data_course)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert {
        "file": "data/annotations.yaml",
        "field": "sentences[17](s18).claimant",
        "problem": "'no-such-party' is not in data/sources.yaml",
    } in report["problems"]


def test_cli_check_json_counts(data_course, capsys):
    assert main(["check", "--json", "--root", str(data_course)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sentences_annotated"] == 19
    assert report["sources"] >= 13
    assert report["numbers"] == 7
    assert report["boilerplate_lines"] == 6


def test_command_line_process_exit_code(data_course):
    (data_course / "data/sources.yaml").write_text("sources: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "check", "--root", str(data_course)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "data/sources.yaml: line" in result.stderr
    assert "Traceback" not in result.stderr
