"""In a notebook the analyzer shows a message for a bad file instead of raising."""

from __future__ import annotations

from pathlib import Path

from medialit.analyze import AnalysisProblem, Report, read_article, worksheet_for


def test_missing_file_explains_how_to_save_one(tmp_path: Path):
    result = read_article(tmp_path / "my-article.html")
    assert isinstance(result, AnalysisProblem)
    assert "my-article.html" in repr(result)
    assert "Save Page As" in result.message
    assert str(tmp_path) not in repr(result), "no machine-specific path in notebook output"
    assert worksheet_for(result) is result


def test_binary_and_markup_are_reported_escaped(tmp_path: Path):
    bad = tmp_path / "<img src=x onerror=alert(1)>.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = read_article(bad)
    assert isinstance(result, AnalysisProblem)
    assert "<img" not in result._repr_html_()
    assert "&lt;img" in result._repr_html_()


def test_a_good_file_gives_a_report_with_a_short_stable_repr(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(
        "The mayor said the budget would probably pass on Tuesday.\n"
        "Officials reported that 12 of 40 schools were closed.",
        encoding="utf-8",
    )
    result = read_article(path)
    assert isinstance(result, Report)
    text = repr(result)
    assert text.startswith("<Analysis of story.txt: 2 sentences")
    assert "\n" not in text
