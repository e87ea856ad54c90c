"""The progress chart is drawn once per distinct progress and kept in the cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit import diskcache
from medialit.progress import chart as chart_module
from medialit.progress.summary import LessonProgress
from medialit.progress.widgets import chart_png

PROGRESS = [LessonProgress("01-provenance", "Provenance", 6, 2, 1),
            LessonProgress("02-claims", "Claims", 8, 0, 0)]


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(diskcache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_same_progress_is_not_drawn_twice(monkeypatch, own_cache):
    png, alt = chart_png(PROGRESS)
    assert png.startswith(b"\x89PNG") and "Provenance" in alt
    monkeypatch.setattr(chart_module, "progress_chart",
                        lambda progress: pytest.fail("drawn again"))
    assert chart_png(list(PROGRESS)) == (png, alt)


def test_new_progress_is_drawn_and_replaces_the_old_chart(own_cache):
    first = chart_png(PROGRESS)
    later = [PROGRESS[0], LessonProgress("02-claims", "Claims", 8, 3, 3)]
    second = chart_png(later)
    assert second[0] != first[0] and second[1] != first[1]
    assert len(list((own_cache / "figures").glob("progress-chart-*.pickle"))) == 1


def test_a_damaged_chart_entry_is_drawn_again(own_cache):
    first = chart_png(PROGRESS)
    [entry] = (own_cache / "figures").glob("progress-chart-*.pickle")
    entry.write_bytes(b"\x80\x05damaged")
    assert chart_png(PROGRESS) == first
