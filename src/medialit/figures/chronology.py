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
    SMALL,
    WIDTH,
    AccessibleFigure,
    DataTable,
    course_style,
    new_figure,
    source_line,
)

SOURCE = "course timeline (data/timeline.yaml)"
ZOOM_DAYS = 10  # the lower panel covers the last this-many days before the last event
DATES_SHARE = 0.4  # of the lower panel's width: the days; the rest holds the labels
LABEL_CHARS = 56  # a label line in the lower panel, at the small type size
LINE_UNITS = 0.4  # one label line's height in the lower panel's row units


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


def _late_label(event: Any) -> str:
    """An event's words, wrapped, and on a line of its own what the article says of it."""
    said = (f"article: “{event.article_phrase}”" if _mentioned(event)
            else "not in the article")
    return textwrap.fill(event.event, LABEL_CHARS) + "\n" + said


def _day_labels(days: list[dt.date]) -> list[str]:
    """Day numbers, with the month under the first day of each month shown."""
    labels, month = [], None
    for d in days:
        labels.append(f"{d.day}" + (f"\n{d:%b}" if d.month != month else ""))
        month = d.month
    return labels


def _nudge(fig: Any, dx_pt: float, dy_pt: float) -> Any:
    """A shift in points, added to a transform: a label's first line level with its mark."""
    from matplotlib.transforms import ScaledTranslation

    return ScaledTranslation(dx_pt / 72, dy_pt / 72, fig.dpi_scale_trans)


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

    labels = [_late_label(event) for event in late]
    heights = [max(1.0, LINE_UNITS * label.count("\n") + 0.85) for label in labels]
    with course_style():
        fig = new_figure(WIDTH, 3.5 + 0.32 * sum(heights))
        top, bottom = fig.subplots(2, 1, height_ratios=(2.3, 0.32 * sum(heights)))
        # Whole span.
        top.axhline(0, color="#777777", linewidth=1)
        for i, event in enumerate(early):
            _mark(top, event.date, 0, _mentioned(event))
            top.annotate(textwrap.fill(f"{day(event.date)}: {event.event}", 26)
                         + (f"\narticle: “{event.article_phrase}”" if _mentioned(event)
                            else "\n(not in the article)"),
                         (event.date, 0), xytext=(-6 if i == 0 else 6, 12),
                         textcoords="offset points", ha="left" if i == 0 else "right",
                         va="bottom", fontsize=SMALL)
        top.axvspan(zoom_from, last + dt.timedelta(days=3), color=palette.YELLOW, alpha=0.5,
                    hatch="..", linewidth=0)
        top.annotate(f"{len(late)} events in\n{ZOOM_DAYS + 1} days:\nenlarged below",
                     (last + dt.timedelta(days=3), 0), xytext=(4, 6), textcoords="offset points",
                     ha="left", va="bottom", fontsize=SMALL)
        if duration is not None:
            claimed_end = first + dt.timedelta(days=round(duration.value * 365.25))
            top.annotate("", xy=(article_end, -1.6), xytext=(first, -1.6),
                         arrowprops={"arrowstyle": "<->", "lw": 1.2, "color": palette.BLACK})
            top.text(first, -1.45,
                     f"{actual_days:,} days = {actual_days / 365.25:.2f} years "
                     f"({day(first)} to {day(article_end)})", ha="left", va="bottom",
                     fontsize=SMALL)
            top.plot([first, claimed_end], [-2.4, -2.4], color=palette.ORANGE, linewidth=4,
                     linestyle=(0, (3, 1)))
            top.text(first, -2.75, f"the article: “{duration.text}”", ha="left", va="top",
                     fontsize=SMALL)
        top.set_ylim(-3.9, 3.2)
        top.set_yticks([])
        top.spines["left"].set_visible(False)
        top.set_xlim(first - dt.timedelta(days=40), last + dt.timedelta(days=150))
        top.xaxis.set_major_locator(mdates.YearLocator())
        top.xaxis.set_major_formatter(mdates.DateFormatter("Jan %Y"))
        top.set_title("From the invasion to the article", loc="left")

        # Last days: the days on the left, one row per event, its words in a column.
        start, end = zoom_from - dt.timedelta(days=1), last + dt.timedelta(days=1)
        days_shown = (end - start).days
        right = start + dt.timedelta(days=days_shown / DATES_SHARE)
        text_at = end + dt.timedelta(days=0.6)
        tops = [sum(heights[:k]) for k in range(len(late))]
        total = sum(heights)
        for label, above, event in zip(labels, tops, late, strict=True):
            y = total - above - 0.45
            mentioned = _mentioned(event)
            _mark(bottom, event.date, y, mentioned, size=8)
            bottom.plot([event.date, text_at], [y, y], color="#999999", linewidth=0.7,
                        linestyle=(0, (1, 2)), zorder=1)
            bottom.text(text_at, y, label, va="top", ha="left", fontsize=SMALL,
                        linespacing=1.15, transform=bottom.transData
                        + _nudge(fig, 0, 7))
        bottom.vlines([start + dt.timedelta(days=k) for k in range(days_shown + 1)], 0, total,
                      color="#E5E5E5", linewidth=0.8, zorder=0)
        bottom.set_yticks([])
        bottom.spines["left"].set_visible(False)
        bottom.spines["bottom"].set_bounds(mdates.date2num(start), mdates.date2num(end))
        bottom.set_ylim(0, total)
        bottom.set_xlim(start, right)
        event_days = sorted({e.date for e in late})
        bottom.set_xticks(event_days, labels=_day_labels(event_days), fontsize=SMALL)
        bottom.set_title("The last days, enlarged\n◆ mentioned in the article   "
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
