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


def test_at_least_99_texts_with_at_least_30_held_out():
    splits = [load(p)["split"] for p in ANNOTATIONS]
    assert len(splits) >= 99
    assert set(splits) == {"tuning", "held-out"}
    assert splits.count("held-out") >= 30


def _batch(added: str) -> list[dict]:
    return [d for d in map(load, ANNOTATIONS) if str(d.get("added")) == added]


def _sources(batch: list[dict]) -> list[str]:
    return [s["kind"] for data in batch for item in data["attributions"] for s in item["sources"]]


def test_the_batch_added_on_2026_12_03_is_held_out_with_every_kind():
    """The batch benchmarks/analyzer.py reports apart: at least ten texts and fifty
    annotated sources, all held out, with every source kind among them."""
    batch = _batch("2026-12-03")
    assert len(batch) >= 10
    assert {data["split"] for data in batch} == {"held-out"}
    kinds = _sources(batch)
    assert len(kinds) >= 50
    assert set(kinds) == set(KINDS)


def test_the_batch_added_on_2026_12_08_is_held_out():
    """The second held-out batch (VOA stories, DOD News, Energy, NOAA Fisheries, CBP and Coast
    Guard releases): at least ten texts and the annotated sources counted, all held out, used
    only to measure (annotated and committed before any analysis ran on them)."""
    batch = _batch("2026-12-08")
    assert len(batch) >= 10
    assert {data["split"] for data in batch} == {"held-out"}
    assert len(_sources(batch)) >= 75


@pytest.mark.parametrize(
    "added, least_sources",
    [
        ("2026-12-04", 50),
        ("2026-12-05", 50),
        # ordinary reported news: VOA stories, Justice Department, EPA and NASA releases
        ("2026-12-06", 60),
        # releases and stories of DOD, DHS, the Coast Guard, NOAA, Labor, State, Interior, Marines
        ("2026-12-07", 40),
        # releases of Census, NIST, DOT, Education, Justice (DEA), HUD, FTC, the Air Force,
        # Army Corps, Navy, USDA and National Guard
        ("2026-12-09", 85),
    ],
)
def test_each_later_batch_is_tuning(added, least_sources):
    """The batches for tuning: at least ten texts each and the annotated sources counted,
    all in the tuning split (annotated and committed before any analysis ran on them)."""
    batch = _batch(added)
    assert len(batch) >= 10
    assert {data["split"] for data in batch} == {"tuning"}
    assert len(_sources(batch)) >= least_sources


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
        # the evaluation anchors a sentence at the first place its opening words occur
        assert text.count(item["sentence"]) == 1, item["sentence"]
        for source in item["sources"]:
            assert source["kind"] in KINDS, source
            assert source["text"].strip()
    for token in [*data["hedges"], *data["numbers"]]:
        occurrence(text, token)  # raises when the annotated words are not in the text
