"""The same numbers drawn honestly and misleadingly, side by side, for the lesson on charts.

Both panels use identical data from the course; only the drawing choices differ,
and each panel says in words which it is and why. Two tricks are shown:

* ``truncated-axis``: bars whose axis starts above zero exaggerate a difference;
* ``cherry-picked``: a chosen pair of points out of a longer series invents a trend.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import matplotlib
import numpy as np

from medialit.figures import palette
from medialit.figures.common import cite, course_or_default, day
from medialit.figures.display import (
    FONT_SIZE,
    SMALL,
    WIDTH,
    AccessibleFigure,
    DataTable,
    course_style,
    new_figure,
    source_line,
)

TRICKS = ("truncated-axis", "cherry-picked")


def _nice_floor(value: float) -> float:
    """A round number a little below ``value`` (2,500 below 3,000): a truncated axis start."""
    step = 10 ** math.floor(math.log10(value)) / 2
    return math.floor(value * 0.9 / step) * step


def chart_pair(course: Any | None = None, trick: str = "truncated-axis") -> AccessibleFigure:
    """Honest and misleading versions of the same course numbers, each labelled in words."""
    if trick not in TRICKS:
        raise ValueError(f"unknown trick {trick!r}; choose one of: {', '.join(TRICKS)}")
    course = course_or_default(course)
    if trick == "truncated-axis":
        return _truncated(course)
    return _cherry_picked(course)


def _label(ax: Any, text: str, honest: bool) -> None:
    ax.set_title(textwrap.fill(("HONEST: " if honest else "MISLEADING: ") + text, 30),
            loc="left", fontsize=FONT_SIZE, weight="bold", pad=8,
            color=palette.BLACK,
            bbox={"boxstyle": "round,pad=0.3", "fc": "white",
                  "ec": palette.BLUISH_GREEN if honest else palette.VERMILLION,
                  "lw": 1.5, "ls": "-" if honest else "--"})


def _truncated(course: Any) -> AccessibleFigure:
    """Drones launched on the article's night and the night before, drawn twice.

    Two counts of the same thing by the same counter: comparing them is fair, so the
    only trick left to show is the axis. (The troop figures would not do: a floor of
    arrivals and an estimate of a total are different measures.)
    """
    nights = sorted(course.context.drone_nights, key=lambda n: n.date)
    if len(nights) < 2:
        raise ValueError("context-figures: need two drone nights for this chart")
    at = next((k for k, n in enumerate(nights) if n.in_article), 1)
    pair = nights[max(at - 1, 0):max(at - 1, 0) + 2]
    values = [n.launched for n in pair]
    labels = [f"night before {day(n.date)}" + (" (in the article)" if n.in_article else "")
              for n in pair]
    low, high = min(values), max(values)
    start = _nice_floor(low)
    real = high / low
    looks = (high - start) / (low - start)
    source = cite(course.citations, [n.citation for n in pair])
    with course_style():
        fig = new_figure(WIDTH, 4.8)
        honest, bad = fig.subplots(1, 2)
        x = np.arange(len(values))
        for ax in (honest, bad):
            ax.bar(x, values, color=palette.BLUE, edgecolor=palette.BLACK, hatch="//",
                   width=0.55)
            for xi, v in zip(x, values, strict=True):
                ax.text(xi, v, f"{v:,}", ha="center", va="bottom", fontsize=FONT_SIZE)
            ax.set_xticks(x)
            ax.set_xticklabels([textwrap.fill(label, 14) for label in labels], fontsize=SMALL)
            ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        honest.set_ylabel("drones launched\n(Ukrainian Air Force count)")
        honest.set_ylim(0, high * 1.15)
        _label(honest, f"axis starts at 0; one bar is {real:.1f} × the other", True)
        bad.set_ylim(start, high + (high - start) * 0.1)
        _label(bad, f"axis starts at {start:,.0f}: the bar looks {looks:.1f} × the other, "
               f"not {real:.1f} ×", False)
        bad.spines["left"].set_linestyle((0, (4, 2)))
        source_line(fig, source)
    alt = (
        "Two bar charts of the same counts of drones launched, as the Ukrainian Air Force "
        "reported them: "
        + ", ".join(f"{n.launched:,} (night before {day(n.date)})" for n in pair)
        + f". Left, honest: the axis starts at 0 and the taller bar is {real:.1f} times the "
        f"shorter. Right, misleading: the axis starts at {start:,.0f}, so the taller bar looks "
        f"{looks:.1f} times the shorter."
    )
    caption = ("Reading charts: a bar's length should be proportional to its number. Cutting "
               "the axis above zero turns a difference of "
               f"{real:.1f} × into what looks like {looks:.1f} ×. Check where the axis starts.")
    table = DataTable.of(("night before", "drones launched", "in the article", "source"),
                         [(day(n.date), n.launched, "yes" if n.in_article else "no",
                           cite(course.citations, [n.citation])) for n in pair])
    return AccessibleFigure("chart-pair-truncated-axis", fig, alt, caption, source, table)


def _cherry_picked(course: Any) -> AccessibleFigure:
    nights = sorted(course.context.drone_nights, key=lambda n: n.date)
    if len(nights) < 3:
        raise ValueError("context-figures: need three or more drone nights for this chart")
    values = [n.launched for n in nights]
    # The consecutive pair with the largest relative rise: what a cherry-picker would show.
    changes = [(values[i + 1] / values[i], i) for i in range(len(values) - 1) if values[i]]
    ratio, i = max(changes)
    picked = nights[i:i + 2]
    rise = ratio - 1
    source = cite(course.citations, [n.citation for n in nights])
    dates = [day(n.date) for n in nights]
    with course_style():
        fig = new_figure(WIDTH, 4.8)
        honest, bad = fig.subplots(1, 2)
        honest.plot(range(len(values)), values, marker="o", color=palette.BLUE, linewidth=2)
        for xi, v in enumerate(values):
            honest.annotate(f"{v}", (xi, v), xytext=(0, 7), textcoords="offset points",
                            ha="center", fontsize=FONT_SIZE)
        honest.set_xticks(range(len(values)))
        honest.set_xticklabels([d.replace(" ", "\n", 1) for d in dates], fontsize=SMALL)
        honest.set_xlim(-0.4, len(values) - 0.6)
        honest.set_ylim(0, max(values) * 1.2)
        _label(honest, f"all {len(values)} nights in the record, axis from 0", True)
        picked_values = [n.launched for n in picked]
        bad.plot([0, 1], picked_values, marker="s", color=palette.VERMILLION, linewidth=2.5)
        for xi, v in enumerate(picked_values):
            bad.annotate(f"{v}", (xi, v), xytext=(-9 if xi else 9, 0), textcoords="offset points",
                         ha="right" if xi else "left", va="center", fontsize=FONT_SIZE)
        bad.set_xticks([0, 1])
        bad.set_xticklabels([day(n.date).replace(" ", "\n", 1) for n in picked], fontsize=SMALL)
        bad.set_xlim(-0.3, 1.3)
        low, high = min(picked_values), max(picked_values)
        bad.set_ylim(low - (high - low) * 0.08, high + (high - low) * 0.12)
        # The cherry-picker's headline sits inside the chart, under the course's label.
        bad.text(0.04, 0.96, f"“Drone attacks\nup {rise:.0%}!”", transform=bad.transAxes,
                 ha="left", va="top", fontsize=FONT_SIZE + 1, weight="bold",
                 color=palette.VERMILLION)
        _label(bad, f"only {len(picked)} of {len(values)} nights, chosen to show a rise", False)
        honest.set_ylabel("drones launched per night\n(Ukrainian Air Force count)")
        source_line(fig, source)
    alt = (
        "Two line charts of drones launched per night. Left, honest: all nights, "
        + ", ".join(f"{d}: {v}" for d, v in zip(dates, values, strict=True))
        + f". Right, misleading: only {day(picked[0].date)} and {day(picked[1].date)}, "
        f"titled as a {rise:.0%} rise, which the full series does not show as a trend."
    )
    caption = (f"Reading charts: a chosen window can invent a trend. {len(values)} nights are "
               f"too few for any trend; picking {len(picked)} of them makes a rise out of "
               "ordinary variation. Ask what the chart leaves out.")
    table = DataTable.of(("night to", "drones launched", "in the misleading chart", "source"),
                         [(day(n.date), n.launched, "yes" if n in picked else "no",
                           cite(course.citations, [n.citation])) for n in nights])
    return AccessibleFigure("chart-pair-cherry-picked", fig, alt, caption, source, table)
