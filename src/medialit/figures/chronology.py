"""From the invasion to the article: what happened when, and what the article mentions.

The article's events crowd into one week at the end of a war of more than two
and a half years, so the chart has two panels: the whole span on top, the last
days below, at a scale where each event has room for its label. Events the
article mentions are filled diamonds with the article's own phrase; the others
are open circles marked "not in the article": shape and words, not colour alone.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import matplotlib.dates as mdates

from medialit.figures import palette
from medialit.figures.common import cite, course_or_default, day
from medialit.figures.display import (
    AccessibleFigure,
    DataTable,
    course_style,
    new_figure,
    source_line,
)

SOURCE = "course timeline (data/timeline.yaml)"
ZOOM_DAYS = 10  # the lower panel covers the last this-many days before the last event


def _mentioned(event: Any) -> bool:
    return bool(event.article_phrase)


def _duration_number(course: Any) -> Any | None:
    for number in course.numbers:
        if str(getattr(number.kind, "value", number.kind)) == "duration" and number.unit in (
            "years", "year"
        ):
            return number
    return None


def _mark(ax: Any, date: dt.date, y: float, mentioned: bool, size: float = 9) -> None:
    if mentioned:
        ax.plot(date, y, marker="D", markersize=size, color=palette.VERMILLION,
                markeredgecolor=palette.BLACK, linestyle="none", zorder=4)
    else:
        ax.plot(date, y, marker="o", markersize=size, markerfacecolor="white",
                markeredgecolor=palette.BLUE, markeredgewidth=1.6, linestyle="none", zorder=4)


def timeline(course: Any | None = None) -> AccessibleFigure:
    """The invasion to the article, the last days enlarged; article mentions marked."""
    course = course_or_default(course)
    events = sorted(course.timeline, key=lambda e: e.date)
    if not events:
        raise ValueError("timeline.yaml: no events to draw")
    first, last = events[0].date, events[-1].date
    zoom_from = last - dt.timedelta(days=ZOOM_DAYS)
    early = [e for e in events if e.date < zoom_from]
    late = [e for e in events if e.date >= zoom_from]
    duration = _duration_number(course)
    mentioned_dates = [e.date for e in events if _mentioned(e)]
    article_end = max(mentioned_dates) if mentioned_dates else last
    actual_days = (article_end - first).days

    with course_style():
        fig = new_figure(10.5, 3.6 + 0.42 * len(late))
        top, bottom = fig.subplots(2, 1, height_ratios=(1.6, max(1.6, 0.42 * len(late))))
        # Whole span.
        top.axhline(0, color="#777777", linewidth=1)
        for i, event in enumerate(early):
            _mark(top, event.date, 0, _mentioned(event))
            top.annotate(textwrap.fill(f"{day(event.date)}: {event.event}", 34)
                         + (f"\narticle: “{event.article_phrase}”" if _mentioned(event)
                            else "\n(not in the article)"),
                         (event.date, 0), xytext=(-6 if i == 0 else 6, 12),
                         textcoords="offset points", ha="left" if i == 0 else "right",
                         va="bottom", fontsize=7.5)
        top.axvspan(zoom_from, last + dt.timedelta(days=3), color=palette.YELLOW, alpha=0.5,
                    hatch="..", linewidth=0)
        top.annotate(f"{len(late)} events in {ZOOM_DAYS + 1} days:\nenlarged below",
                     (zoom_from, 0), xytext=(-8, -8), textcoords="offset points",
                     ha="right", va="top", fontsize=7.5)
        if duration is not None:
            claimed_end = first + dt.timedelta(days=round(duration.value * 365.25))
            top.annotate("", xy=(article_end, -1.6), xytext=(first, -1.6),
                         arrowprops={"arrowstyle": "<->", "lw": 1.2, "color": palette.BLACK})
            top.text(first + (article_end - first) / 2, -1.5,
                     f"{actual_days:,} days = {actual_days / 365.25:.2f} years "
                     f"({day(first)} to {day(article_end)})", ha="center", va="bottom",
                     fontsize=7.5)
            top.plot([first, claimed_end], [-2.3, -2.3], color=palette.ORANGE, linewidth=4,
                     linestyle=(0, (3, 1)))
            top.text(claimed_end, -2.3, f"  the article: “{duration.text}”",
                     va="center", fontsize=7.5)
        top.set_ylim(-2.7, 2.2)
        top.set_yticks([])
        top.spines["left"].set_visible(False)
        top.set_xlim(first - dt.timedelta(days=40), last + dt.timedelta(days=25))
        top.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
        top.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        top.set_title("From the invasion to the article", loc="left")

        # Last days, one row per event.
        rows = list(range(len(late)))[::-1]
        for y, event in zip(rows, late, strict=True):
            mentioned = _mentioned(event)
            _mark(bottom, event.date, y, mentioned, size=8)
            label = (f"{event.event}  ·  article: “{event.article_phrase}”" if mentioned
                     else f"{event.event}  ·  not in the article")
            bottom.annotate(textwrap.fill(label, 80), (event.date, y), xytext=(8, 0),
                            textcoords="offset points", va="center", fontsize=7.5,
                            style="normal" if mentioned else "italic")
        bottom.set_yticks([])
        bottom.spines["left"].set_visible(False)
        bottom.set_ylim(-0.7, len(late) - 0.3)
        bottom.set_xlim(zoom_from - dt.timedelta(days=1), last + dt.timedelta(days=6))
        bottom.xaxis.set_major_locator(mdates.DayLocator())
        bottom.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
        bottom.tick_params(axis="x", labelsize=7)
        bottom.grid(axis="x", color="#E5E5E5")
        bottom.set_title("The last days, enlarged    ◆ mentioned in the article    "
                         "○ not in the article", loc="left")
        source_line(fig, SOURCE + "; each event's citations are in the data table")

    in_article = [e for e in events if _mentioned(e)]
    left_out = [e for e in events if not _mentioned(e)]
    alt = (
        f"Timeline from {day(first)} to {day(last)}, {len(events)} events, the last "
        f"{ZOOM_DAYS + 1} days enlarged. Mentioned in the article: "
        + "; ".join(f"{day(e.date)} {e.event} (“{e.article_phrase}”)" for e in in_article)
        + ". Not in the article: "
        + ("; ".join(f"{day(e.date)} {e.event}" for e in left_out) or "none")
        + "."
        + (f" From {day(first)} to {day(article_end)} is {actual_days:,} days, about "
           f"{actual_days / 365.25:.2f} years; the article says “{duration.text}”."
           if duration is not None else "")
    )
    caption = (
        "When things happened. Relative words in the article ('on Monday', 'this summer', "
        "'overnight') are pinned to dates; events the article leaves out are shown too."
    )
    table = DataTable.of(
        ("date", "event", "article's words", "sentences", "sources"),
        [(("about " if e.approximate else "") + day(e.date), e.event,
          e.article_phrase or "not in the article", ", ".join(e.sentences),
          cite(course.citations, e.citations)) for e in events],
    )
    return AccessibleFigure("timeline", fig, alt, caption,
                            SOURCE + " and the citations it names", table)
