"""The evaluation texts: provenance kept, annotations well-formed, the split as decided.

These tests read the files only; they never run the analyzer on the held-out texts
(benchmarks/analyzer.py reports its totals).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medialit.analyze.evaluate import occurrence
from medialit.analyze.sources import KINDS

GOVNEWS = Path(__file__).with_name("govnews")
ANNOTATIONS = sorted(GOVNEWS.glob("*.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_at_least_ten_texts_with_at_least_four_held_out():
    splits = [load(p)["split"] for p in ANNOTATIONS]
    assert len(splits) >= 10
    assert set(splits) == {"tuning", "held-out"}
    assert splits.count("held-out") >= 4


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_provenance(path):
    prov = load(path)["provenance"]
    assert prov["url"].startswith("https://")
    assert prov["publisher"] and prov["obtained"]
    assert "17 U.S.C. 105" in prov["licence"]
    assert str(prov["published"])[:4] in {"2025", "2026"}


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_annotation_points_into_its_text(path):
    data = load(path)
    text = (GOVNEWS / data["article"]).read_text(encoding="utf-8")
    for item in data["attributions"]:
        assert item["sentence"] in text, item["sentence"]
        for source in item["sources"]:
            assert source["kind"] in KINDS, source
            assert source["text"].strip()
    for token in [*data["hedges"], *data["numbers"]]:
        occurrence(text, token)  # raises when the annotated words are not in the text
