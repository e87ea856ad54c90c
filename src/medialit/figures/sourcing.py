"""Who said it, and how it reached the page: attribution chains and sourcing counts.

A claim in a news story has usually travelled: an official briefs, a wire
service reports, a newspaper paraphrases, a website copies. Each hop can drop a
hedge or add a certainty. These figures draw the hops so learners can count them.

Chains run down the page, one hop per row, so a chain of any length fits a narrow
notebook column at a type size a projector shows.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from typing import Any

import matplotlib
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from medialit.figures import palette
from medialit.figures.common import course_or_default
from medialit.figures.display import (
    FONT_SIZE,
    SMALL,
    WIDTH,
    AccessibleFigure,
    DataTable,
    chars_per_line,
    course_style,
    new_figure,
    source_line,
)

DATA_SOURCE = "course annotations (data/annotations.yaml, data/sources.yaml)"


def _source_name(course: Any, source_id: str) -> str:
    source = course.sources.get(source_id)
    return source.name if source is not None else source_id


def _identified(course: Any, source_id: str) -> str:
    source = course.sources.get(source_id)
    value = getattr(source, "identified", "named") if source is not None else "named"
    return str(getattr(value, "value", value))


def _type_label(course: Any, source_id: str) -> str:
    source = course.sources.get(source_id)
    if source is None:
        return "unknown"
    return str(getattr(source.type, "label", source.type)).replace("_", " ")


def attribution_chain(course: Any | None = None, sentence_id: str = "s01") -> AccessibleFigure:
    """Boxes and arrows from the claim's origin to this article, each hop labelled with how."""
    course = course_or_default(course)
    try:
        sentence = course.sentence(sentence_id)
    except KeyError:
        known = ", ".join(s.id for s in course.sentences)
        raise KeyError(f"no sentence {sentence_id!r}; the article has: {known}") from None
    chain = list(sentence.chain)
    n = len(chain)
    with course_style():
        fig = new_figure(WIDTH, 1.3 + 1.05 * n)
        ax = fig.add_subplot()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, n)
        ax.axis("off")
        for i, hop in enumerate(chain):
            y = n - i - 0.5
            identified = _identified(course, hop.source)
            color = palette.LIGHT_GREY if hop.source == "this-article" else palette.SKY_BLUE
            box = FancyBboxPatch((0.01, y - 0.36), 0.5, 0.72, boxstyle="round,pad=0.01",
                                 facecolor=color, alpha=0.6, edgecolor=palette.BLACK,
                                 linewidth=1.2, linestyle="-" if identified == "named" else "--",
                                 hatch="" if identified == "named" else "//")
            ax.add_patch(box)
            name = textwrap.fill(_source_name(course, hop.source), 34)
            tag = "origin" if i == 0 else ("this article" if i == n - 1 else f"hop {i}")
            ax.text(0.03, y + 0.3, f"{i + 1}. {tag}", ha="left", va="top", fontsize=SMALL,
                    weight="bold")
            ax.text(0.26, y - 0.08, f"{name}\n({_type_label(course, hop.source)}; {identified})",
                    ha="center", va="center", fontsize=SMALL, linespacing=1.15,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.85})
            ax.text(0.55, y, textwrap.fill(hop.how or "(how not recorded)", 34),
                    ha="left", va="center", fontsize=SMALL, style="italic")
            if i:
                ax.add_patch(FancyArrowPatch((0.26, y + 0.68), (0.26, y + 0.36),
                                             arrowstyle="-|>", mutation_scale=14,
                                             linewidth=1.4, color=palette.BLACK))
        ax.set_title(f"Sentence {sentence.index}: how the claim reached the article\n"
                     + textwrap.fill(f"“{sentence.text}”", chars_per_line(FONT_SIZE, 0.97)),
                     loc="left",
                     fontsize=FONT_SIZE)
        source_line(fig, DATA_SOURCE, key="Dashed, hatched box: a source not named. "
                    "In italics: how each source passed the claim on.")

    steps = [f"{_source_name(course, h.source)} ({h.how})" if h.how else
             _source_name(course, h.source) for h in chain]
    alt = (f"Diagram of the chain of attribution for sentence {sentence.index} "
           f"({sentence.id}), {n - 1} hop{'s' if n != 2 else ''} from origin to this article: "
           + " → ".join(steps) + ".")
    caption = (f"Sentence {sentence.index}'s chain of attribution, origin first. Each arrow is a "
               "retelling: compare what each hop says with what the one before it said.")
    rows = [(i + 1, _source_name(course, h.source), _type_label(course, h.source),
             _identified(course, h.source), h.how) for i, h in enumerate(chain)]
    table = DataTable.of(("step", "source", "type", "identified", "how it passed the claim on"),
                         rows)
    return AccessibleFigure(f"attribution-chain-{sentence.id}", fig, alt, caption,
                            DATA_SOURCE, table)


def sourcing_summary(course: Any | None = None) -> AccessibleFigure:
    """How many sentences rest on each origin, and how many hops each one travelled."""
    course = course_or_default(course)
    sentences = list(course.sentences)
    origins = Counter(s.chain[0].source for s in sentences)
    ranked = sorted(origins.items(), key=lambda kv: (-kv[1], _source_name(course, kv[0])))
    hops = [len(s.chain) - 1 for s in sentences]
    with course_style():
        fig = new_figure(WIDTH, 2.4 + 0.55 * len(ranked) + 0.27 * len(sentences))
        # Subfigures: each panel lays out its own labels, so the short "sentence N"
        # labels below do not inherit the width of the source names above.
        upper, lower = fig.subfigures(2, 1, height_ratios=(0.55 * len(ranked) + 0.3,
                                                          0.27 * len(sentences) + 0.3))
        left, right = upper.subplots(), lower.subplots()
        ys = list(range(len(ranked)))[::-1]
        named = [_identified(course, sid) == "named" for sid, _ in ranked]
        # One call per panel: every bar at once, each with its own colour and hatch.
        left.barh(ys, [count for _, count in ranked],
                  color=[palette.BLUE if n else palette.LIGHT_GREY for n in named],
                  hatch=["" if n else "//" for n in named], edgecolor=palette.BLACK,
                  linewidth=0.6)
        for y, (_, count) in zip(ys, ranked, strict=True):
            left.text(count + 0.1, y, f"{count}", va="center", fontsize=SMALL)
        left.set_yticks(ys)
        left.set_yticklabels([
            textwrap.fill(_source_name(course, sid), 34)
            + ("" if _identified(course, sid) == "named"
               else f"\n({_identified(course, sid)}, not named)")
            for sid, _ in ranked], fontsize=SMALL)
        left.set_xlabel("sentences whose claim starts with this source")
        left.set_title("Where the claims start", loc="left")
        left.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))

        ys2 = list(range(len(sentences)))[::-1]
        styles = [palette.style(h - 1) for h in hops]
        right.barh(ys2, hops, color=[st.color for st in styles],
                   hatch=[st.hatch for st in styles], edgecolor=palette.BLACK, linewidth=0.6)
        for y, s, h in zip(ys2, sentences, hops, strict=True):
            via = " → ".join(_short(course, hop.source) for hop in s.chain)
            right.text(h + 0.08, y, via, va="center", fontsize=SMALL)
        right.set_yticks(ys2)
        right.set_yticklabels([f"sentence {s.index}" for s in sentences], fontsize=SMALL)
        right.set_ylim(-0.6, len(sentences) - 0.4)
        right.set_xlim(0, max(hops) / 0.2)
        right.set_xticks(range(max(hops) + 1))
        right.spines["bottom"].set_bounds(0, max(hops))
        right.set_xlabel("hops from origin to this article", loc="left")
        right.set_title("How far each claim travelled, and through whom", loc="left")
        source_line(fig, DATA_SOURCE)

    by_hops = Counter(hops)
    alt = (
        f"Two bar charts of the article's {len(sentences)} sentences. Where the claims start: "
        + "; ".join(f"{_source_name(course, sid)} {count}" for sid, count in ranked)
        + ". Hops from origin to this article: "
        + "; ".join(f"{by_hops[h]} sentence{'s' if by_hops[h] != 1 else ''} with {h}"
                    for h in sorted(by_hops))
        + "."
    )
    top = ranked[:2]
    share = sum(count for _, count in top) / len(sentences)
    longest = max(hops)
    caption = (
        f"Counting sources: {share:.0%} of the sentences start with "
        + " or ".join(_source_name(course, sid) for sid, _ in top)
        + f". The longest chain has {longest} hops; every hop is a retelling that can "
        "drop a hedge or add certainty."
    )
    rows = [(s.id, _source_name(course, s.chain[0].source), _source_name(course, s.claimant),
             len(s.chain) - 1, " → ".join(_source_name(course, h.source) for h in s.chain))
            for s in sentences]
    table = DataTable.of(("sentence", "origin", "claimant", "hops", "chain"), rows)
    return AccessibleFigure("sourcing-summary", fig, alt, caption, DATA_SOURCE, table)


def _short(course: Any, source_id: str) -> str:
    source = course.sources.get(source_id)
    if source is None:
        return source_id
    if getattr(source, "aliases", None):
        return min(source.aliases, key=len)
    return source.name.split(",")[0]
