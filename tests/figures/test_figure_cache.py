"""The figure cache: the same data and code show the stored figure; any change draws anew."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit import diskcache, figures
from medialit.figures import cache as figure_cache
from medialit.figures.sourcing import sourcing_summary as drawn_sourcing_summary

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV, str(folder))
    figure_cache.forget()
    yield folder
    figure_cache.forget()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the figures really drawn (the cache's one way to draw)."""
    drawn: list[str] = []
    real = figure_cache.draw

    def draw(name):
        drawn.append(name)
        return real(name)

    monkeypatch.setattr(figure_cache, "draw", draw)
    return drawn


def entries(folder: Path) -> list[Path]:
    return sorted((folder / figure_cache.KIND).glob("*.pickle"))


def test_a_second_kernel_shows_the_stored_figure(course, counted, own_cache):
    first = figures.timeline(course)
    figure_cache.forget()  # as after a restart: only the disk cache is left
    second = figures.timeline(course)
    assert counted == ["timeline"]
    assert second.png() == first.png()
    assert (second.alt, second.caption, second.source, second.table) == (
        first.alt, first.caption, first.source, first.table)
    assert second._repr_html_() == first._repr_html_()
    assert len([p for p in entries(own_cache) if p.name.startswith("timeline-")]) == 1


def test_a_cached_figure_matches_a_drawn_one(course):
    figures.sourcing_summary(course)
    figure_cache.forget()
    cached = figures.sourcing_summary(course)
    drawn = drawn_sourcing_summary(course)
    assert cached._figure is None, "the figure came from the disk cache"
    assert cached.png() == drawn.png()
    assert cached.alt == drawn.alt and cached.table == drawn.table


def test_a_cached_figure_draws_its_matplotlib_figure_when_asked(course):
    figures.drones(course)
    figure_cache.forget()
    cached = figures.drones(course)
    assert cached._figure is None
    assert cached.figure.axes, "drawn again on demand"


def test_a_warm_kernel_does_not_import_matplotlib(own_cache, course_root):
    script = (
        "import sys\n"
        "from medialit import figures\n"
        "from medialit.content import load_course\n"
        f"course = load_course({str(course_root)!r})\n"
        "html = figures.casualty_context(course)._repr_html_()\n"
        "print('matplotlib' in sys.modules, len(html))\n"
    )
    env = {**os.environ, diskcache.ENV: str(own_cache), "PYTHONPATH": str(REPO / "src")}
    out = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, check=True).stdout.split() for _ in range(2)]
    assert out[0][0] == "True" and out[1][0] == "False"
    assert out[0][1] == out[1][1]


def test_changed_data_is_drawn_again(course, counted, own_cache):
    before = figures.map_kursk(course)
    kursk = course.place("kursk")
    copies = [p.model_copy() for p in course.places]  # other objects, the same data
    assert figures.map_kursk(dataclasses.replace(course, places=copies)).png() == before.png()
    assert counted == ["map_kursk"]
    renamed = [p.model_copy(update={"name": "Kursk (renamed)"}) if p is kursk else p
               for p in course.places]
    after = figures.map_kursk(dataclasses.replace(course, places=renamed))
    assert counted == ["map_kursk", "map_kursk"]
    assert "Kursk (renamed)" in after.alt and "Kursk (renamed)" not in before.alt
    stored = [p for p in entries(own_cache) if p.name.startswith("map_kursk-")]
    assert len(stored) == 1, "the older version is left behind"


def test_data_a_figure_does_not_draw_does_not_miss(course, counted):
    figures.drones(course)
    edited = dataclasses.replace(course, sentences=course.sentences[:-1])
    figures.drones(edited)
    assert counted == ["drones"]


def test_arguments_are_part_of_the_key(course, counted):
    a = figures.attribution_chain(course, "s18")
    b = figures.attribution_chain(course, sentence_id="s17")
    again = figures.attribution_chain(course, "s18")
    assert counted == ["attribution_chain", "attribution_chain"]
    assert a.name != b.name and again.name == a.name


def test_changed_figure_code_is_drawn_again(course, counted, monkeypatch):
    figures.strike_casualties(course)
    monkeypatch.setattr(figure_cache, "_code", "a changed figure module")
    figure_cache.forget()
    figures.strike_casualties(course)
    assert counted == ["strike_casualties", "strike_casualties"]


@pytest.mark.parametrize("damage", [b"", b"garbage", None], ids=["empty", "garbage", "truncated"])
def test_a_damaged_entry_is_redrawn_not_raised(course, counted, own_cache, damage):
    first = figures.chart_pair(course, "cherry-picked")
    [entry] = [p for p in entries(own_cache) if p.name.startswith("chart_pair-")]
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2] if damage is None else damage)
    figure_cache.forget()
    again = figures.chart_pair(course, "cherry-picked")
    assert counted == ["chart_pair", "chart_pair"]
    assert again.png() == first.png()


def test_an_error_is_raised_every_time_and_not_stored(course, own_cache):
    for _ in range(2):
        with pytest.raises(KeyError, match="no sentence 's999'"):
            figures.attribution_chain(course, "s999")
    assert not [p for p in entries(own_cache) if p.name.startswith("attribution_chain-")]


def test_help_shows_the_drawing_function(course):
    import inspect

    assert "origin" in figures.attribution_chain.__doc__
    assert list(inspect.signature(figures.attribution_chain).parameters) == [
        "course", "sentence_id"]


def test_map_outlines_are_decoded_once_per_file(course_root, own_cache, monkeypatch):
    from medialit.figures import map as map_module
    from medialit.figures.common import MAP_FILE

    map_file = course_root / MAP_FILE
    map_module._outlines.cache_clear()
    first = map_module.outlines(map_file)
    map_module._outlines.cache_clear()  # a new kernel: only the disk cache is left

    def no_decoding(path):
        raise AssertionError("decoded again")

    monkeypatch.setattr(map_module, "load_countries", no_decoding)
    again = map_module.outlines(map_file)
    assert again.span == first.span and again.labels == first.labels
    [entry] = (own_cache / figure_cache.KIND).glob("map-outlines-*.pickle")
    entry.write_bytes(b"damaged")
    map_module._outlines.cache_clear()
    monkeypatch.undo()
    monkeypatch.setenv(diskcache.ENV, str(own_cache))
    assert map_module.outlines(map_file).span == first.span  # rebuilt, no error


def test_simplified_outlines_stay_within_the_tolerance(course_root):
    import numpy as np

    from medialit.figures.map import SPAN_TOLERANCE, simplify
    from medialit.figures.topojson import load_countries

    tolerance = np.asarray(SPAN_TOLERANCE)
    russia = load_countries(course_root / "data" / "map" / "countries-50m.json")["Russia"]
    rings = [r for polygon in russia.polygons for r in polygon]
    before = sum(len(r) for r in rings)
    after = 0
    for ring in rings:
        kept = simplify(ring, SPAN_TOLERANCE)
        after += len(kept)
        if not len(kept):  # fits in one cell of the tolerance grid
            assert (np.ptp(ring, axis=0) <= 2 * tolerance).all()
            continue
        assert (kept[0] == ring[0]).all() and (kept[-1] == ring[-1]).all()
        # Every vertex left out lies within one tolerance (per axis) of a vertex kept.
        apart = np.abs(ring[:, None, :] - kept[None, :, :]) / tolerance
        assert apart.max(axis=2).min(axis=1).max() <= 1 + 1e-9
    assert after < before * 0.8, f"{before} -> {after} vertices"
