"""The whole-text pattern scan runs the number rules only over runs of sentences that may
hold a number. That is a speed-up only: the findings must be those of a scan of the whole
text, on every annotated text of the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.analyze import analyze_file
from medialit.analyze.detectors import PatternScan

HERE = Path(__file__).parent
TEXTS = sorted((HERE / "govnews").glob("*.txt")) + sorted(
    p for p in (HERE / "articles").iterdir() if p.suffix in {".txt", ".html"}
)


def findings(path: Path, rules) -> list:
    report = analyze_file(path, rules)
    return [
        (
            s.start,
            [(h.start, h.end, h.why.rule) for h in s.hedges],
            [(n.start, n.end, n.why.rule) for n in s.numbers],
            [(a.start, a.end, a.kind) for a in s.attributions],
        )
        for s in report.sentences
    ]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_scanning_by_regions_finds_what_the_whole_text_scan_finds(path, rules, monkeypatch):
    by_regions = findings(path, rules)
    monkeypatch.setattr(PatternScan, "by_regions", False)
    assert findings(path, rules) == by_regions


def test_a_multiple_with_no_other_number_is_still_found(rules, monkeypatch):
    """'twice' is the only sign of a number in its sentence: the regions must include it."""
    from medialit.analyze import analyze_text

    text = "The port was quiet. Fees rose twice as fast as wages, the board said. It rained."
    found = [n.text for s in analyze_text(text, rules).sentences for n in s.numbers]
    monkeypatch.setattr(PatternScan, "by_regions", False)
    assert found == ["twice"]
    assert [n.text for s in analyze_text(text, rules).sentences for n in s.numbers] == found
