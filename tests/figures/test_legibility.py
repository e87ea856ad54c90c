"""Figures a class can read on a projector: checked from matplotlib's own text extents.

Every course figure (and the progress chart) is drawn and each piece of text measured:
no type under 11 px where it is shown, no label on top of another, none running off
the picture or cut by its axes. The checker itself is tested on figures made to fail.
"""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from medialit.figures.display import DPI, png_size
from medialit.figures.gallery import all_figures
from medialit.figures.inventory import numbers_inventory
from medialit.figures.legibility import DESIGN_WIDTH_PX, MIN_TEXT_PX, problems
from medialit.progress.chart import progress_chart
from medialit.progress.summary import LessonProgress


def _course_figures(course):
    return [*all_figures(course), numbers_inventory(course)]


def test_every_course_figure_is_readable_at_the_size_it_is_shown(course):
    found = {f.name: problems(f.figure) for f in _course_figures(course)}
    assert {name: p for name, p in found.items() if p} == {}


def test_the_second_cases_figures_are_readable_too():
    """Another article's longer names and sentences wrap rather than run off or shrink."""
    from pathlib import Path

    from medialit import figures
    from medialit.content import load_course

    case = load_course(Path(__file__).resolve().parents[2] / "cases" / "iran-snapback")
    drawn = [figures.sourcing_summary(case), figures.numbers_inventory(case)]
    drawn += [figures.attribution_chain(case, s.id) for s in case.sentences if len(s.chain) > 2]
    found = {f.name: problems(f.figure) for f in drawn}
    assert {name: p for name, p in found.items() if p} == {}


def test_figures_are_drawn_no_wider_than_the_design_width_and_shown_at_that_size(course):
    for fig in _course_figures(course):
        width, height = png_size(fig.png())
        assert width <= DESIGN_WIDTH_PX, fig.name
        html = fig.to_html()
        # Shown at its own size, never shrunk to the column (which would shrink its type).
        assert f'style="width:{width}px;height:{height}px;max-width:none"' in html
        assert 'overflow-x:auto' in html and 'tabindex="0"' in html


def test_the_progress_chart_is_readable_with_many_lessons():
    lessons = [LessonProgress(f"{k:02d}", f"Lesson {k}: a longer title than most", 10, k, k // 2)
               for k in range(8)]
    chart = progress_chart(lessons)
    assert problems(chart.figure) == []


# --- the checker fails where it should ----------------------------------------------


def _figure(width_in: float = 4.0) -> Figure:
    fig = Figure(figsize=(width_in, 3), dpi=DPI)
    fig.add_subplot().set_axis_off()
    return fig


def test_small_type_is_found_and_named():
    fig = _figure()
    fig.text(0.5, 0.5, "tiny words", fontsize=6)
    found = problems(fig)
    assert any("'tiny words'" in p and "smaller than 11 px" in p for p in found), found
    # 9 pt is readable drawn at full size, not when the browser shrinks it to 60 %.
    fig = _figure()
    fig.text(0.5, 0.5, "body text", fontsize=9)
    assert problems(fig) == []
    assert any("'body text'" in p for p in problems(fig, shown_width_px=0.6 * 400))


def test_overlapping_labels_are_found():
    fig = _figure()
    fig.text(0.3, 0.5, "first label here", fontsize=10)
    fig.text(0.32, 0.5, "second label", fontsize=10)
    assert any("overlaps" in p for p in problems(fig))


def test_a_boxed_label_takes_the_room_of_its_box():
    fig = _figure()
    fig.text(0.3, 0.5, "boxed", fontsize=10)
    fig.text(0.3, 0.56, "above", fontsize=10)
    assert problems(fig) == []  # the words alone clear each other
    fig = _figure()
    fig.text(0.3, 0.5, "boxed", fontsize=10, bbox={"pad": 12, "fc": "white"})
    fig.text(0.3, 0.56, "above", fontsize=10)
    assert any("overlaps" in p for p in problems(fig))


def test_text_off_the_picture_and_cut_by_its_axes_is_found():
    fig = _figure()
    fig.text(0.95, 0.5, "runs off the right edge", fontsize=10)
    assert any("runs off the picture" in p for p in problems(fig))
    fig = Figure(figsize=(4, 3), dpi=DPI)
    ax = fig.add_subplot()
    ax.set_xlim(0, 1)
    ax.text(0.9, 0.5, "cut by the axes", fontsize=10, clip_on=True)
    assert any("cut by the edge of its axes" in p for p in problems(fig))


def test_hidden_text_and_switched_off_axes_are_not_measured():
    fig = _figure()
    fig.text(0.5, 0.5, "hidden", fontsize=5).set_visible(False)
    ax = fig.add_subplot()
    ax.axis("off")  # its tick labels are never drawn, whatever their size
    ax.tick_params(labelsize=5)
    assert problems(fig) == []


def test_a_figure_wider_than_the_design_width_is_found():
    fig = _figure(width_in=DESIGN_WIDTH_PX / DPI + 1)
    assert any("wider than" in p for p in problems(fig))


@pytest.mark.parametrize("size", [MIN_TEXT_PX * 72 / DPI])
def test_the_floor_itself_passes(size):
    fig = _figure()
    fig.text(0.4, 0.5, "exactly the floor", fontsize=size)
    assert problems(fig) == []
