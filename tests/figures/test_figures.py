"""Each figure builds from the course data, names what it shows, and displays accessibly."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from matplotlib.patches import PathPatch

from medialit import figures
from medialit.figures.common import day
from medialit.figures.display import AccessibleFigure


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _check_display(fig: AccessibleFigure) -> None:
    html = fig._repr_html_()
    parser = _Tags()
    parser.feed(html)
    names = [t for t, _ in parser.tags]
    for needed in ("figure", "img", "figcaption", "details", "summary", "table"):
        assert needed in names, f"{fig.name}: no <{needed}>"
    img = dict(parser.tags[names.index("img")][1])
    assert img["alt"] == fig.alt
    assert img["src"].startswith("data:image/png;base64,")
    assert "Source:" in html
    assert repr(fig) == fig.alt
    assert "<Figure size" not in repr(fig)
    # Deterministic apart from the PNG bytes (which nbval's sanitize file replaces).
    again = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "PNG", fig._repr_html_())
    assert again == re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "PNG", html)
    assert len(fig.table.rows) > 0


def _texts(fig: AccessibleFigure) -> str:
    return " ".join(t.get_text() for t in fig.figure.findobj(lambda a: hasattr(a, "get_text")))


def test_map_names_places_and_draws_crimea_apart(course):
    fig = figures.map_kursk(course)
    _check_display(fig)
    for key in ("kursk", "sudzha", "kharkiv", "kyiv", "moscow"):
        assert course.place(key).name in fig.alt
    assert "Crimea" in fig.alt and "occupied" in fig.alt
    assert "choices" in fig.caption
    # Crimea: drawn as its own hatched patch, not only inside Russia's outline.
    ax = fig.figure.axes[0]
    patches = [p for p in ax.patches if isinstance(p, PathPatch)]
    hatched = [p for p in patches if p.get_hatch() == "////"]
    assert hatched, "no separately hatched Crimea patch"
    crimea = hatched[0].get_path().vertices
    assert 32 < crimea[:, 0].mean() < 37 and 44 < crimea[:, 1].mean() < 46.5
    russia = next(p for p in patches if p.get_hatch() == "..").get_path()
    assert not russia.contains_point((crimea[:, 0].mean(), crimea[:, 1].mean()))
    assert "occupied by Russia since 2014" in _texts(fig)


def test_map_span_puts_kursk_in_the_west(course):
    fig = figures.map_kursk(course)
    rows = {r[0]: r for r in fig.table.rows}
    west = rows["Russia, westernmost point"][2]
    east = rows["Russia, easternmost point"][2]
    kursk = course.place("kursk")
    assert east > 180  # the far east counted across the date line
    assert (kursk.lon - west) / (east - west) < 0.25
    assert "western Russia" in fig.alt


def test_map_reports_missing_file(course, tmp_path):
    from medialit.figures.map import draw_map
    from medialit.figures.topojson import MapDataError

    with pytest.raises(MapDataError, match="missing"):
        draw_map(course.places, tmp_path / "nope.json", "x")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(MapDataError, match="TopoJSON"):
        draw_map(course.places, bad, "x")


def test_topojson_decoding_closes_rings(course_root):
    from medialit.figures.topojson import load_countries

    countries = load_countries(course_root / "data" / "map" / "countries-50m.json")
    ukraine = countries["Ukraine"]
    lon0, lat0, lon1, lat1 = ukraine.bounds()
    assert 22 < lon0 < 23 and 40 < lon1 < 41 and 44 < lat0 < 46 and 52 < lat1 < 53
    for polygon in ukraine.polygons:
        ring = polygon[0]
        assert (ring[0] == ring[-1]).all()


def test_attribution_chain_follows_the_data(course):
    longest = max(course.sentences, key=lambda s: len(s.chain))
    fig = figures.attribution_chain(course, longest.id)
    _check_display(fig)
    for hop in longest.chain:
        assert course.sources[hop.source].name in fig.alt
    assert f"{len(longest.chain) - 1} hops" in fig.alt
    assert len(fig.table.rows) == len(longest.chain)


def test_attribution_chain_unknown_sentence(course):
    with pytest.raises(KeyError, match="the article has"):
        figures.attribution_chain(course, "s99")


def test_sourcing_summary_counts(course):
    fig = figures.sourcing_summary(course)
    _check_display(fig)
    assert f"{len(course.sentences)} sentences" in fig.alt
    origins = {s.chain[0].source for s in course.sentences}
    for sid in origins:
        assert course.sources[sid].name in fig.alt
    assert sum(1 for _ in fig.table.rows) == len(course.sentences)


def test_timeline_marks_what_the_article_mentions(course):
    fig = figures.timeline(course)
    _check_display(fig)
    mentioned = [e for e in course.timeline if e.article_phrase]
    omitted = [e for e in course.timeline if not e.article_phrase]
    assert mentioned and omitted
    head, _, tail = fig.alt.partition("Not in the article:")
    for e in mentioned:
        assert e.event in head
    for e in omitted:
        assert e.event in tail
    first = min(e.date for e in course.timeline)
    assert day(first) in fig.alt


def test_casualty_context_floor_and_ranges(course):
    fig = figures.casualty_context(course)
    _check_display(fig)
    for c in course.context.casualty_estimates:
        assert c.label in fig.alt
        assert f"{c.low:,}" in fig.alt
    for floor in (c for c in course.context.casualty_estimates if c.kind == "floor"):
        assert f"{floor.label}: a floor" in fig.alt
    shapes = {row[0]: row[4] for row in fig.table.rows}
    for c in course.context.casualty_estimates:
        if c.high is not None and c.high > c.low:
            assert shapes[c.label] == "range"
    assert fig.figure.axes[1].get_xscale() == "log"


def test_drones_show_unknown_as_unknown(course):
    fig = figures.drones(course)
    _check_display(fig)
    article_night = next(n for n in course.context.drone_nights if n.in_article)
    unknown = article_night.launched - sum(article_night.outcomes.values())
    assert unknown > 0
    assert f"{unknown} not reported (unknown)" in fig.alt
    assert f"not reported\n{unknown} (unknown)" in _texts(fig)
    rows = [r for r in fig.table.rows if r[0] == day(article_night.date)]
    assert ("not reported (unknown)", unknown) in [(r[2], r[3]) for r in rows]
    # Drawn as a hatched grey bar of that width, not left out as zero.
    bars = [p for p in fig.figure.axes[0].patches
            if p.get_hatch() == "xx" and abs(p.get_width() - unknown) < 1e-9]
    assert bars


def test_strike_casualties_mark_what_the_article_left_out(course):
    fig = figures.strike_casualties(course)
    _check_display(fig)
    for city in course.context.strike_casualties:
        assert city.city in fig.alt
    for city in (c for c in course.context.strike_casualties if not c.in_article):
        assert f"{city.city}: " in fig.alt and "not in the article" in fig.alt
        assert city.city in fig.caption
    assert "NOT IN THE ARTICLE" in _texts(fig)


@pytest.mark.parametrize("trick", ["truncated-axis", "cherry-picked"])
def test_chart_pair_labels_both_sides(course, trick):
    fig = figures.chart_pair(course, trick)
    _check_display(fig)
    text = _texts(fig)
    assert "HONEST:" in text and "MISLEADING:" in text
    assert "honest" in fig.alt.lower() and "misleading" in fig.alt.lower()


def test_chart_pair_truncated_axis_starts_above_zero(course):
    fig = figures.chart_pair(course, "truncated-axis")
    honest, misleading = fig.figure.axes[:2]
    assert honest.get_ylim()[0] == 0
    start = misleading.get_ylim()[0]
    assert 0 < start < min(t.value for t in course.context.troop_estimates)
    assert f"{start:,.0f}" in fig.alt


def test_chart_pair_rejects_unknown_trick(course):
    with pytest.raises(ValueError, match="truncated-axis"):
        figures.chart_pair(course, "pie")


def test_all_figures_have_unique_names(course):
    built = figures.all_figures(course)
    names = [f.name for f in built]
    assert len(names) == len(set(names))
    for f in built:
        assert f.alt and f.caption and f.source


def test_figures_stay_out_of_pyplot(course):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    figures.drones(course).png()
    assert plt.get_fignums() == before


def test_table_cells_are_escaped():
    from medialit.figures.display import DataTable

    html = DataTable.of(["<b>"], [["<script>x</script>"], [None]]).to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "not reported" in html


def test_public_names_survive_submodule_imports():
    import importlib
    import pkgutil

    import medialit.figures as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"medialit.figures.{info.name}")
    for name in ("map_kursk", "timeline", "attribution_chain", "sourcing_summary",
                 "casualty_context", "drones", "strike_casualties", "chart_pair", "all_figures"):
        assert callable(getattr(package, name)), name
