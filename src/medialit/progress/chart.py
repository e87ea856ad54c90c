"""Matplotlib charts for progress, each returned with its alt text.

Colour is never the only cue: the two series differ by hatch as well as by
Okabe-Ito colour, and every bar carries its number as a text label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure

from medialit.progress.summary import LessonProgress

WIDTH = 5.6  # inches, at DPI: 560 px
DPI = 100

OKABE_BLUE = "#0072B2"
OKABE_ORANGE = "#E69F00"


@dataclass(frozen=True)
class Chart:
    figure: Figure
    alt: str


def bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str, str]],
    xmax: float,
    xlabel: str,
    value_format: str,
    title: str,
) -> Figure:
    """Horizontal grouped bars, one row per label, with a text label on every bar."""
    n = max(len(labels), 1)
    # Narrow enough to sit inside the progress panel at 200 % zoom without scrolling;
    # type no smaller than 11 px (see medialit.figures.legibility).
    fig = Figure(figsize=(WIDTH, 1.4 + 0.45 * n * max(len(series), 1) / 1.5), dpi=DPI,
                 layout="constrained")
    ax = fig.subplots()
    height = 0.8 / max(len(series), 1)
    for i, (name, values, color, hatch) in enumerate(series):
        ys = [row + (i - (len(series) - 1) / 2) * height for row in range(len(labels))]
        bars = ax.barh(
            ys, values, height=height, color=color, hatch=hatch, edgecolor="black",
            linewidth=0.6, label=name,
        )
        ax.bar_label(bars, labels=[value_format.format(v) for v in values], padding=3, fontsize=10)
    ax.set_yticks(range(len(labels)), labels=list(labels), fontsize=10)
    ax.invert_yaxis()
    ax.margins(y=0.01)
    ax.set_xlim(0, xmax * 1.15 if xmax else 1)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    if len(series) > 1:
        ax.legend(loc="lower right", fontsize=10, frameon=False)
    return fig


def progress_chart(progress: Sequence[LessonProgress]) -> Chart:
    labels = [p.title for p in progress]
    xmax = max([p.total for p in progress] + [1])
    fig = bar_chart(
        labels,
        [
            ("answered", [p.answered for p in progress], OKABE_BLUE, "//"),
            ("right", [p.right for p in progress], OKABE_ORANGE, ""),
        ],
        xmax,
        "questions",
        "{:.0f}",
        "Your progress by lesson",
    )
    alt = "Bar chart of your progress. " + "; ".join(p.sentence for p in progress) + "."
    return Chart(fig, alt)
