"""Every number in an article in one chart: for any article, not only the course's.

The course's own number figures compare its numbers with outside estimates
(``data/context-figures.yaml``); a new case has none of those yet, but every article
has a numbers table. This draws it: one row per number, its value on a log scale (so
6 and 120,000 can share a chart), marked by who gave it.
"""

from __future__ import annotations

import math
from typing import Any

import matplotlib

from medialit.figures import palette
from medialit.figures.common import course_or_default
from medialit.figures.display import (
    RC,
    SMALL,
    WIDTH,
    AccessibleFigure,
    DataTable,
    new_figure,
    source_line,
)

DATA_SOURCE = "the article's numbers table (data/numbers.yaml)"


def _name(course: Any, source_id: str) -> str:
    source = course.sources.get(source_id)
    return source.name if source is not None else source_id


def numbers_inventory(course: Any | None = None) -> AccessibleFigure:
    """One row per number: value (log scale), what it counts, who gave it."""
    course = course_or_default(course)
    numbers = list(course.numbers)
    givers = list(dict.fromkeys(n.counted_by for n in numbers))
    with matplotlib.rc_context(RC):
        fig = new_figure(WIDTH, 0.52 * len(numbers) + 2.0 + 0.2 * len(givers))
        ax = fig.add_subplot()
        ys = list(range(len(numbers)))[::-1]
        positive = [n.value for n in numbers if n.value > 0]
        low = 10 ** math.floor(math.log10(min(positive))) if positive else 1
        high = 10 ** math.ceil(math.log10(max(positive)) + 0.5) if positive else 10
        for y, n in zip(ys, numbers, strict=True):
            style = palette.style(givers.index(n.counted_by))
            if n.value > 0:
                ax.plot([n.value], [y], marker=style.marker, color=style.color,
                        markeredgecolor=palette.BLACK, markersize=8, linestyle="none")
            else:
                ax.text(low, y, "  (no value read)", va="center", fontsize=SMALL)
            label = f"{n.text} ({n.sentence}): {n.counts}"
            ax.annotate(label if len(label) <= 90 else label[:89] + "…", (0, y),
                        xycoords=("axes fraction", "data"), xytext=(0, 8),
                        textcoords="offset points", fontsize=SMALL, va="bottom",
                        annotation_clip=False).set_in_layout(False)
        ax.set_xscale("log")
        ax.set_xlim(low / 2, high)
        ax.set_ylim(-0.6, len(numbers) - 0.1)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
        ax.set_xlabel("value (log scale: each step is ten times the last)")
        ax.set_title("Every number in the article, and who gave it", loc="left")
        handles = [
            matplotlib.lines.Line2D([], [], marker=palette.style(k).marker, linestyle="none",
                                    color=palette.style(k).color, markeredgecolor=palette.BLACK,
                                    label=_name(course, g))
            for k, g in enumerate(givers)
        ]
        if handles:
            # Below the axis label, one giver a line: long names never run off the side.
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.16),
                      title="given by", fontsize=SMALL, title_fontsize=SMALL, frameon=False,
                      alignment="left", borderaxespad=0)
        source_line(fig, DATA_SOURCE)
    alt = (
        f"A dot chart of the article's {len(numbers)} numbers on a log scale: "
        + "; ".join(f"{n.text} ({n.counts}, given by {_name(course, n.counted_by)})"
                    for n in numbers)
        + "."
    )
    caption = (
        f"{len(numbers)} numbers from {len(givers)} source(s). A number is only as good as "
        "who counted it and what exactly it counts: check both before comparing two."
    )
    rows = [(n.id, n.text, n.sentence, f"{n.value:g}", n.unit, n.counts,
             _name(course, n.counted_by), n.kind.value) for n in numbers]
    table = DataTable.of(
        ("number", "as written", "sentence", "value", "unit", "counts", "given by", "kind"), rows
    )
    return AccessibleFigure("numbers-inventory", fig, alt, caption, DATA_SOURCE, table)
