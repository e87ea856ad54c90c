"""The article's numbers set against the record: casualties, drones, strike victims.

Three habits run through these charts, because they are what the lesson teaches:
a range is drawn as a range, a floor ("at least") as an open-ended arrow, and a
number nobody reported is drawn as unknown (hatched grey, "not reported"),
never as zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes

from medialit.figures import palette
from medialit.figures.common import cite, course_or_default, day
from medialit.figures.display import (
    FONT_SIZE,
    SMALL,
    TITLE,
    WIDTH,
    AccessibleFigure,
    DataTable,
    course_style,
    new_figure,
    source_line,
)

UNKNOWN_STYLE = {"facecolor": "#E6E6E6", "edgecolor": "#555555", "hatch": "xx"}


# --- casualties and troops --------------------------------------------------------------


def _people_rows(context: Any) -> list[dict[str, Any]]:
    """Troop and casualty figures as one list of rows: label, low, high, shape."""
    rows = []
    for t in sorted(context.troop_estimates, key=lambda t: t.date):
        floor = t.kind == "floor"
        rows.append({
            "label": t.label,
            "short": (f"at least {t.value:,}" if floor
                      else f"{'about ' if t.approximate else ''}{t.value:,}"),
            "low": t.value, "high": None if floor else t.value,
            "shape": "floor" if floor else "point", "measures": "troops",
            "date": t.date, "approximate": t.approximate, "citation": t.citation,
            "group": "troops",
        })
    for c in sorted(context.casualty_estimates, key=lambda c: (c.kind != "floor", c.low)):
        if c.kind == "floor" or c.high is None:
            shape = "floor"
            short = f"at least {c.low:,}" if c.kind == "floor" else f"over {c.low:,}"
        elif c.high == c.low:
            shape, short = "point", f"{c.low:,}"
        else:
            shape, short = "range", f"{c.low:,} to {c.high:,}"
        rows.append({
            "label": f"{c.label}: {c.measures}", "short": short, "low": c.low,
            "high": c.high, "shape": shape, "measures": c.measures, "date": c.date,
            "approximate": c.approximate, "citation": c.citation, "group": "casualties",
            "kind": c.kind,
        })
    return rows


FLOOR_ARROW_PT = 28  # a floor's arrow: short and fixed, so it never reads as a range


def _draw_people(ax: Axes, rows: list[dict[str, Any]], log: bool) -> None:
    """One row per figure; each row's label sits above it, across both panels.

    A floor is a mark at its number and a short open arrow: "this many, and perhaps
    more". A long arrow to the axis' end would read as a range ending there.
    """
    y = np.arange(len(rows))[::-1]
    for yi, row in zip(y, rows, strict=True):
        color = palette.BLUE if row["group"] == "troops" else palette.VERMILLION
        low = row["low"]
        after = 8.0  # where the value's label starts, in points right of the mark
        if row["shape"] == "range":
            ax.plot([low, row["high"]], [yi, yi], color=color, linewidth=6, alpha=0.5,
                    solid_capstyle="butt")
            ax.plot([low, row["high"]], [yi, yi], marker="|", markersize=14, color=color,
                    linestyle="none", markeredgewidth=2)
        elif row["shape"] == "floor":
            ax.plot(low, yi, marker="|", markersize=14, markeredgewidth=2.5, color=color,
                    linestyle="none")
            ax.annotate("", xy=(low, yi), xytext=(FLOOR_ARROW_PT, 0),
                        textcoords="offset points",
                        arrowprops={"arrowstyle": "<|-", "color": color, "lw": 1.8,
                                    "linestyle": (0, (3, 2)), "shrinkA": 0, "shrinkB": 0})
            after = FLOOR_ARROW_PT + 5.0
        else:
            ax.plot(low, yi, marker="o" if row["group"] == "troops" else "D", markersize=8,
                    color=color, linestyle="none")
        if not log:
            ax.plot([0, low], [yi, yi], color=color, linewidth=1, alpha=0.6)
        end = row["high"] if row["shape"] == "range" else low
        ax.annotate(row["short"], (end, yi), xytext=(after, 0), textcoords="offset points",
                    fontsize=SMALL, ha="left", va="center")
    ax.set_yticks(y, labels=[""] * len(rows))
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.5, len(rows) - 0.2)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)


def casualty_context(course: Any | None = None) -> AccessibleFigure:
    """10,000 troops next to 600,000 casualties and the other estimates, on two scales."""
    course = course_or_default(course)
    return draw_casualty_context(course.context, course.citations)


def draw_casualty_context(context: Any, citations: Mapping[str, Any]) -> AccessibleFigure:
    rows = _people_rows(context)
    if not rows:
        raise ValueError("context-figures: no troop or casualty estimates to draw")
    source = cite(citations, [r["citation"] for r in rows])
    top = max(max(r["low"], r["high"] or 0) for r in rows)
    with course_style():
        fig = new_figure(WIDTH, 0.8 * len(rows) + 2.4)
        lin, log = fig.subplots(1, 2, sharey=True)
        _draw_people(lin, rows, log=False)
        lin.set_xlim(0, top * 1.45)
        lin.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(3))
        lin.xaxis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda x, _: f"{x / 1000:,.0f}k" if x else "0"))
        lin.set_title("Linear scale:\nlengths in proportion", loc="left", fontsize=FONT_SIZE)
        lin.set_xlabel("people (k = thousand)")
        smallest = min(r["low"] for r in rows)
        _draw_people(log, rows, log=True)
        log.set_xscale("log")
        log.set_xlim(smallest / 2, top * 12)
        log.set_title("Log scale: each gridline\nis 10 × the one before", loc="left",
                      fontsize=FONT_SIZE)
        log.set_xlabel("people (log scale)")
        log.patch.set_visible(False)  # the row labels run on across the log panel
        for yi, row in zip(np.arange(len(rows))[::-1], rows, strict=True):
            lin.annotate(_wrap(f"{row['label']} ({day(row['date'])})", 96), (0, yi),
                         xycoords=("axes fraction", "data"), xytext=(0, 10),
                         textcoords="offset points", fontsize=SMALL, ha="left", va="bottom",
                         color="#222222", annotation_clip=False, zorder=5,
                         bbox={"fc": "white", "ec": "none", "pad": 0.5}).set_in_layout(False)
        fig.suptitle("Troops sent vs Russian casualties", x=0.01, ha="left",
                     fontsize=TITLE, weight="bold")
        source_line(fig, source, key="Key:  ● ◆ point estimate    |▬| range    |- - ▶ floor: "
                    "at least this many, perhaps more")

    troops = [r for r in rows if r["group"] == "troops"]
    casualties = [r for r in rows if r["group"] == "casualties"]
    floors = [r for r in casualties if r.get("kind") == "floor"]
    alt = (
        "Two charts of the same numbers, linear and log scale. Troop estimates: "
        + "; ".join(f"{r['label'].split(':')[0]} {r['short']} ({day(r['date'])})" for r in troops)
        + ". Casualty estimates: "
        + "; ".join(f"{r['label'].split(':')[0]}, {r['measures']}: {r['short']}"
                    for r in casualties)
        + ". On the linear scale the troop numbers are slivers next to the casualty "
        "estimates; the log scale makes them readable."
        + "".join(f" {r['label'].split(':')[0]}: a floor (at least this many), not an "
                  "estimate of the total." for r in floors)
    )
    biggest = max(max(r["low"], r["high"] or 0) for r in rows)
    ratio = biggest / min(r["low"] for r in rows)
    caption = (
        "Numbers in context. A range is drawn as a range and a floor as an arrow: "
        "a count of the dead identified by name is a minimum, not an estimate of all deaths. "
        "Killed-and-wounded totals and killed-only counts measure different things. "
        f"Two scales because the largest number is {ratio:,.0f} times the smallest: the linear "
        "chart shows the proportions honestly, the log chart lets the small ones be read."
    )
    table = DataTable.of(
        ("figure", "measures", "low", "high", "shape", "date", "source"),
        [(r["label"].split(":")[0], r["measures"], r["low"], r["high"], r["shape"],
          ("about " if r["approximate"] else "") + day(r["date"]),
          cite(citations, [r["citation"]])) for r in rows],
    )
    return AccessibleFigure("casualty-context", fig, alt, caption, source, table)


def _wrap(text: str, width: int = 38) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


# --- drones ------------------------------------------------------------------------------


def _outcome_styles(nights: list[Any]) -> dict[str, palette.Style]:
    names: dict[str, None] = {}
    for night in nights:
        for name in night.outcomes:
            names.setdefault(name, None)
    return {name: palette.style(i) for i, name in enumerate(names)}


def drones(course: Any | None = None) -> AccessibleFigure:
    """26 of 48 drones shot down: the other 22 drawn as unknown, next to nearby nights."""
    course = course_or_default(course)
    return draw_drones(course.context, course.citations)


def draw_drones(context: Any, citations: Mapping[str, Any]) -> AccessibleFigure:
    nights = sorted(context.drone_nights, key=lambda n: n.date)
    if not nights:
        raise ValueError("context-figures: no drone nights to draw")
    styles = _outcome_styles(nights)
    source = cite(citations, [n.citation for n in nights])
    with course_style():
        fig = new_figure(WIDTH, 1.4 * len(nights) + 1.9)
        ax = fig.add_subplot()
        ys = np.arange(len(nights))[::-1]
        xmax = max(n.launched for n in nights) * 1.22
        for y, night in zip(ys, nights, strict=True):
            left = 0
            small = [0]
            for name, count in night.outcomes.items():
                st = styles[name]
                ax.barh(y, count, left=left, color=st.color, hatch=st.hatch,
                        edgecolor="#333333", linewidth=0.6, height=0.5)
                _segment_label(ax, left, count, y, f"{name}\n{count}", small, xmax)
                left += count
            unknown = night.launched - left
            if unknown:
                ax.barh(y, unknown, left=left, height=0.5, linewidth=0.6, **UNKNOWN_STYLE)
                _segment_label(ax, left, unknown, y, f"not reported\n{unknown} (unknown)",
                               small, xmax)
            ax.text(night.launched + 1, y, f"{night.launched}\nlaunched", va="center",
                    fontsize=SMALL)
            ax.annotate(f"night to {day(night.date)}"
                        + ("  ◆ THE NIGHT IN THE ARTICLE" if night.in_article else ""),
                        (0, y + 0.25), xytext=(0, 16), textcoords="offset points",
                        fontsize=FONT_SIZE, va="bottom", ha="left",
                        weight="bold" if night.in_article else "normal")
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(-0.6, len(nights) - 0.1)
        ax.set_xlim(0, xmax)
        ax.set_xlabel("drones launched, by what the Ukrainian Air Force\n"
                      "reported became of them")
        ax.set_title("Drones: parts of a whole.\nWhat was not reported is unknown, not zero",
                     loc="left")
        source_line(fig, source)

    parts = []
    for night in nights:
        outcome_text = ", ".join(f"{count} {name}" for name, count in night.outcomes.items())
        unknown = night.unreported if hasattr(night, "unreported") else (
            night.launched - sum(night.outcomes.values()))
        tail = f", {unknown} not reported (unknown)" if unknown else ""
        mark = " (the night in the article)" if night.in_article else ""
        parts.append(f"night to {day(night.date)}{mark}: {night.launched} launched, "
                     f"{outcome_text}{tail}")
    alt = ("Stacked bars of drones launched per night, split by reported outcome; the part "
           "whose fate was not reported is hatched grey and labelled unknown. "
           + "; ".join(parts) + ".")
    caption = (
        "The article gives '26 out of 48 drones' shot down and nothing about the other "
        "drones. On the nights before and after, the Air Force also reported drones lost from "
        "radar (often to electronic warfare); for the article's night it did not, so that "
        "part is unknown, not zero."
    )
    rows = []
    for night in nights:
        for name, count in night.outcomes.items():
            rows.append((day(night.date), night.launched, name, count,
                         "yes" if night.in_article else "no", cite(citations, [night.citation])))
        unknown = night.launched - sum(night.outcomes.values())
        if unknown:
            rows.append((day(night.date), night.launched, "not reported (unknown)", unknown,
                         "yes" if night.in_article else "no", cite(citations, [night.citation])))
    table = DataTable.of(("night to", "launched", "outcome", "drones", "in the article",
                          "source"), rows)
    return AccessibleFigure("drones", fig, alt, caption, source, table)


def _segment_label(ax: Axes, left: float, width: float, y: float, text: str,
                   small: list[int], xmax: float) -> None:
    """Label inside a segment wide enough; above, then below, alternately for narrow ones.

    A narrow segment's label is anchored on the side with room, so a long name near the
    end of the axis does not run off the picture.
    """
    if width >= 0.18 * xmax:
        ax.text(left + width / 2, y, text, ha="center", va="center", fontsize=SMALL,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
        return
    above = small[0] % 2 == 0
    small[0] += 1
    middle = left + width / 2
    ha = "right" if middle > 0.55 * xmax else "left"
    ax.annotate(text.replace("\n", " "), (middle, y + (0.25 if above else -0.25)),
                xytext=(6 if ha == "left" else -6, 7 if above else -7),
                textcoords="offset points", ha=ha, va="bottom" if above else "top",
                fontsize=SMALL, arrowprops={"arrowstyle": "-", "lw": 0.6})


def _grouped_rows(ax: Axes, groups: list[tuple[str, bool, float, list[tuple[str, Any, str,
                  str]]]], top: float) -> None:
    """Groups of horizontal bars, each group's name on its own line above its bars.

    A count nobody reported is a hatched grey band across the whole axis with the words
    "not reported (unknown)", so no bar length can be read as a number for it.
    """
    ys = np.arange(len(groups))[::-1].astype(float)
    for y, (name, bold, alpha, bars) in zip(ys, groups, strict=True):
        for k, (measure, value, color, hatch) in enumerate(bars):
            yb = y - 0.05 - 0.3 * k
            if value is None:
                ax.barh(yb, top * 1.3, height=0.26, alpha=0.6, **UNKNOWN_STYLE)
                ax.text(top * 0.04, yb, f"{measure}: not reported (unknown)", va="center",
                        ha="left", fontsize=SMALL,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
                continue
            ax.barh(yb, value, height=0.26, color=color, hatch=hatch, edgecolor="#333333",
                    linewidth=0.6, alpha=alpha)
            ax.text(value + top * 0.015, yb, f"{value} {measure}", va="center", ha="left",
                    fontsize=SMALL)
        ax.text(0, y + 0.17, name, va="bottom", ha="left", fontsize=FONT_SIZE,
                weight="bold" if bold else "normal")
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_ylim(-0.55, len(groups) - 0.35)


# --- strike casualties -------------------------------------------------------------------


def strike_casualties(course: Any | None = None) -> AccessibleFigure:
    """Killed and injured by city as the record gives it; what the article left out, marked."""
    course = course_or_default(course)
    return draw_strike_casualties(course.context, course.citations)


def draw_strike_casualties(context: Any, citations: Mapping[str, Any]) -> AccessibleFigure:
    cities = list(context.strike_casualties)
    if not cities:
        raise ValueError("context-figures: no strike casualties to draw")
    outlets = list(getattr(context, "strike_counts_by_outlet", []) or [])
    ids = [c.citation for c in cities] + [o.citation for o in outlets]
    source = cite(citations, ids)
    measures = (("killed", palette.VERMILLION, "//"), ("injured", palette.SKY_BLUE, ".."))
    top = max([v for c in cities for v in (c.killed, c.injured) if v is not None]
              + [v for o in outlets for v in (o.killed, o.injured) if v is not None] + [1])
    by_city = [
        (city.city + ("  (in the article)" if city.in_article else "  ✗ NOT IN THE ARTICLE"),
         not city.in_article, 1.0 if city.in_article else 0.45,
         [(m, getattr(city, m), color, hatch) for m, color, hatch in measures])
        for city in cities
    ]
    by_outlet = [
        (o.outlet, False, 1.0, [(m, getattr(o, m), color, hatch) for m, color, hatch in measures])
        for o in outlets
    ]
    with course_style():
        heights = [len(by_city)] + ([len(by_outlet)] if outlets else [])
        fig = new_figure(WIDTH, 1.05 * sum(heights) + 1.0 + 0.7 * len(heights))
        axes = fig.subplots(len(heights), 1, sharex=True, squeeze=False,
                            gridspec_kw={"height_ratios": heights})[:, 0]
        _grouped_rows(axes[0], by_city, top)
        axes[0].set_title("By city, as the record gives it", loc="left")
        if outlets:
            _grouped_rows(axes[1], by_outlet, top)
            axes[1].set_title("Kharkiv and Kyiv together, as outlets counted", loc="left")
        axes[-1].set_xlim(0, top * 1.3)
        axes[-1].set_xlabel("people")
        axes[-1].xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        fig.suptitle("Russian attacks in the Reuters story of 29 October:\nKharkiv and Kyiv "
                     "overnight, Kherson in the morning", x=0.01, ha="left", fontsize=TITLE,
                     weight="bold")
        source_line(fig, source)

    def count(value: int | None, word: str) -> str:
        return f"{word} not reported" if value is None else f"{value} {word}"

    alt = (
        "Bar chart of people killed and injured in the attacks of the Reuters story of 29 "
        "October (Kharkiv and Kyiv overnight, Kherson in the morning), by city: "
        + "; ".join(
            f"{c.city}: {count(c.killed, 'killed')}, {count(c.injured, 'injured')}"
            + ("" if c.in_article else " (not in the article)") for c in cities)
        + "."
        + (" Second chart, the same strikes as different outlets counted them: "
           + "; ".join(f"{o.outlet}: {count(o.killed, 'killed')}, "
                       f"{count(o.injured, 'injured')}" for o in outlets) + "."
           if outlets else "")
    )
    left_out = [c.city for c in cities if not c.in_article]
    caption = (
        "The article's 'four killed and six injured' combines two cities. "
        + (f"Casualties in {', '.join(left_out)}, reported in the same wire story, are not in "
           "the article. " if left_out else "")
        + "Counts of the same event differ between outlets and versions of a story."
    )
    rows = [(c.city, c.killed, c.injured, "yes" if c.in_article else "no",
             cite(citations, [c.citation])) for c in cities]
    rows += [(f"{o.outlet} (Kharkiv and Kyiv)", o.killed, o.injured, "", cite(citations,
             [o.citation])) for o in outlets]
    table = DataTable.of(("city or count", "killed", "injured", "in the article", "source"),
                         rows)
    return AccessibleFigure("strike-casualties", fig, alt, caption, source, table)
