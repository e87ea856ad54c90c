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


def _draw_people(ax: Axes, rows: list[dict[str, Any]], log: bool, xmax: float) -> None:
    y = np.arange(len(rows))[::-1]
    for yi, row in zip(y, rows, strict=True):
        color = palette.BLUE if row["group"] == "troops" else palette.VERMILLION
        low = row["low"]
        if row["shape"] == "range":
            ax.plot([low, row["high"]], [yi, yi], color=color, linewidth=6, alpha=0.5,
                    solid_capstyle="butt")
            ax.plot([low, row["high"]], [yi, yi], marker="|", markersize=14, color=color,
                    linestyle="none", markeredgewidth=2)
        elif row["shape"] == "floor":
            ax.annotate("", xy=(xmax * (0.97 if not log else 0.9), yi), xytext=(low, yi),
                        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.5,
                                    "linestyle": (0, (4, 2))})
            ax.plot(low, yi, marker=">", markersize=9, color=color, linestyle="none")
        else:
            ax.plot(low, yi, marker="o" if row["group"] == "troops" else "D", markersize=8,
                    color=color, linestyle="none")
        if not log:
            ax.plot([0, low], [yi, yi], color=color, linewidth=1, alpha=0.6)
        ax.annotate(row["short"], (low, yi), xytext=(-3, 7), textcoords="offset points",
                    fontsize=7.5, ha="left")
    ax.set_yticks(y)
    ax.set_ylim(-0.7, len(rows) - 0.3)
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
    top = max(max(r["low"], r["high"] or 0) for r in rows) * 1.15
    with course_style():
        fig = new_figure(10.5, 0.55 * len(rows) + 2.8)
        lin, log = fig.subplots(1, 2, sharey=True)
        _draw_people(lin, rows, log=False, xmax=top)
        lin.set_xlim(0, top)
        lin.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(4))
        lin.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        lin.set_yticklabels([_wrap(f"{r['label']} ({day(r['date'])})") for r in rows],
                            fontsize=7.5)
        lin.set_title("Linear scale: lengths are proportional to the numbers", loc="left")
        lin.set_xlabel("people")
        smallest = min(r["low"] for r in rows)
        _draw_people(log, rows, log=True, xmax=top * 3)
        log.set_xscale("log")
        log.set_xlim(smallest / 2, top * 3)
        log.set_title("Log scale: each gridline is 10 × the one before", loc="left")
        log.set_xlabel("people (log scale)")
        fig.suptitle("The article's numbers in context: troops sent vs Russian casualties",
                     x=0.01, ha="left", fontsize=11)
        lin.set_xlabel("people    (● ◆ point estimate   |▬| range   ▶- - -> floor: at least this "
                       "many)")
        source_line(fig, source)

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
        fig = new_figure(10.0, 1.0 * len(nights) + 2.4)
        ax = fig.add_subplot()
        ys = np.arange(len(nights))[::-1]
        for y, night in zip(ys, nights, strict=True):
            left = 0
            small = [0]
            for name, count in night.outcomes.items():
                st = styles[name]
                ax.barh(y, count, left=left, color=st.color, hatch=st.hatch,
                        edgecolor="#333333", linewidth=0.6, height=0.6)
                _segment_label(ax, left, count, y, f"{name}\n{count}", small)
                left += count
            unknown = night.launched - left
            if unknown:
                ax.barh(y, unknown, left=left, height=0.6, linewidth=0.6, **UNKNOWN_STYLE)
                _segment_label(ax, left, unknown, y, f"not reported\n{unknown} (unknown)", small)
            ax.text(night.launched + 1, y, f"{night.launched} launched", va="center",
                    fontsize=8)
        ax.set_yticks(ys)
        ax.set_yticklabels([
            f"night to {day(n.date)}" + ("\n◆ IN THE ARTICLE" if n.in_article else "")
            for n in nights
        ])
        for label, night in zip(ax.get_yticklabels(), nights, strict=True):
            if night.in_article:
                label.set_fontweight("bold")
        ax.set_xlim(0, max(n.launched for n in nights) * 1.15)
        ax.set_xlabel("drones launched, by what the Ukrainian Air Force reported became of them")
        ax.set_title("Drones: parts of a whole. What was not reported is unknown, not zero",
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
                   small: list[int]) -> None:
    """Label inside a wide segment; above, then below, alternately for narrow ones."""
    if width >= 12:
        ax.text(left + width / 2, y, text, ha="center", va="center", fontsize=7,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
        return
    above = small[0] % 2 == 0
    small[0] += 1
    ax.annotate(text.replace("\n", " "), (left + width / 2, y + (0.3 if above else -0.3)),
                xytext=(0, 8 if above else -8), textcoords="offset points", ha="center",
                va="bottom" if above else "top", fontsize=7,
                arrowprops={"arrowstyle": "-", "lw": 0.6})


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
    with course_style():
        fig = new_figure(10.0, 4.4)
        axes = fig.subplots(1, 2 if outlets else 1, squeeze=False)[0]
        ax = axes[0]
        x = np.arange(len(cities))
        for offset, (measure, color, hatch) in zip((-0.2, 0.2), measures, strict=True):
            for xi, city in zip(x, cities, strict=True):
                value = getattr(city, measure)
                if value is None:
                    # A full-height band, so no bar height can be read as a count.
                    ax.bar(xi + offset, top * 1.35, width=0.38, alpha=0.6, **UNKNOWN_STYLE)
                    ax.text(xi + offset, top * 0.6, f"{measure}:\nnot\nreported\n(unknown)",
                            ha="center", va="center", fontsize=7,
                            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none"})
                else:
                    ax.bar(xi + offset, value, width=0.38, color=color, hatch=hatch,
                           edgecolor="#333333", linewidth=0.6,
                           alpha=1.0 if city.in_article else 0.45)
                    ax.text(xi + offset, value + top * 0.02, f"{value} {measure}",
                            ha="center", va="bottom", fontsize=7.5)
        ax.set_xticks(x)
        ax.set_xticklabels([
            city.city + ("\n(in the article)" if city.in_article else "\n✗ NOT IN THE ARTICLE")
            for city in cities
        ])
        for label, city in zip(ax.get_xticklabels(), cities, strict=True):
            if not city.in_article:
                label.set_fontweight("bold")
        ax.set_ylim(0, top * 1.35)
        ax.set_ylabel("people")
        ax.set_title("By city, as the record gives it", loc="left")
        ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        if outlets:
            ax2 = axes[1]
            xo = np.arange(len(outlets))
            for offset, (measure, color, hatch) in zip((-0.2, 0.2), measures, strict=True):
                for xi, outlet in zip(xo, outlets, strict=True):
                    value = getattr(outlet, measure)
                    if value is None:
                        continue
                    ax2.bar(xi + offset, value, width=0.38, color=color, hatch=hatch,
                            edgecolor="#333333", linewidth=0.6)
                    ax2.text(xi + offset, value + top * 0.02, f"{value} {measure}",
                             ha="center", va="bottom", fontsize=7.5)
            ax2.set_xticks(xo)
            ax2.set_xticklabels([_wrap(o.outlet, 18) for o in outlets], fontsize=7.5)
            ax2.set_ylim(0, top * 1.35)
            ax2.set_title("Kharkiv and Kyiv together, as outlets counted", loc="left")
            ax2.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        fig.suptitle("Russian attacks in the Reuters story of 29 October: Kharkiv and Kyiv "
                     "overnight, Kherson in the morning", x=0.01, ha="left", fontsize=11)
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
