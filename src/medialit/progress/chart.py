"""Matplotlib charts for progress, each returned with its alt text.

Colour is never the only cue: the two series differ by hatch as well as by
Okabe-Ito colour, and every bar carries its number as a text label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure

from medialit.progress.summary import LessonProgress

WIDTH = 4.8  # inches, at DPI: 480 px
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
    k = max(len(series), 1)
    fig = Figure(figsize=(WIDTH, 1.5 + n * (0.3 + 0.28 * k)), dpi=DPI, layout="constrained")
    ax = fig.subplots()
    height = 0.8 / k * 0.62
    for i, (name, values, color, hatch) in enumerate(series):
        # Bars in the lower part of each row; the lesson's name above them, full width,
        # so a long title never squeezes the bars (or is cut) in a narrow panel.
        ys = [row + 0.12 + (i - (k - 1) / 2) * height for row in range(len(labels))]
        bars = ax.barh(
            ys, values, height=height, color=color, hatch=hatch, edgecolor="black",
            linewidth=0.6, label=name,
        )
        ax.bar_label(bars, labels=[value_format.format(v) for v in values], padding=3,
                     fontsize=10)
    for row, label in enumerate(labels):
        ax.annotate(label, (0, row - 0.2), xycoords=("axes fraction", "data"), fontsize=10,
                    va="bottom", ha="left", annotation_clip=False)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_ylim(len(labels) - 0.45, -0.75)
    ax.set_xlim(0, xmax * 1.15 if xmax else 1)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    if len(series) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12 * 8 / (n + 2)), fontsize=10,
                  frameon=False, ncols=len(series), borderaxespad=0)
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
