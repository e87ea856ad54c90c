"""Who said it, and how it reached the page: attribution chains and sourcing counts.

A claim in a news story has usually travelled: an official briefs, a wire
service reports, a newspaper paraphrases, a website copies. Each hop can drop a
hedge or add a certainty. These figures draw the hops so learners can count them.
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
    AccessibleFigure,
    DataTable,
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
        fig = new_figure(max(7.5, 3.2 * n), 3.4)
        ax = fig.add_subplot()
        ax.set_xlim(0, n)
        ax.set_ylim(0.2, 1.0)
        ax.axis("off")
        for i, hop in enumerate(chain):
            identified = _identified(course, hop.source)
            color = palette.LIGHT_GREY if hop.source == "this-article" else palette.SKY_BLUE
            box = FancyBboxPatch((i + 0.08, 0.55), 0.84, 0.3, boxstyle="round,pad=0.02",
                                 facecolor=color, alpha=0.6, edgecolor=palette.BLACK,
                                 linewidth=1.2, linestyle="-" if identified == "named" else "--",
                                 hatch="" if identified == "named" else "//")
            ax.add_patch(box)
            name = textwrap.fill(_source_name(course, hop.source), 26)
            tag = "origin" if i == 0 else ("this article" if i == n - 1 else f"hop {i}")
            ax.text(i + 0.5, 0.70, f"{name}\n({_type_label(course, hop.source)}; {identified})",
                    ha="center", va="center", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.8})
            ax.text(i + 0.5, 0.89, f"{i + 1}. {tag}", ha="center", va="bottom", fontsize=8,
                    weight="bold")
            ax.text(i + 0.5, 0.5, textwrap.fill(hop.how or "(how not recorded)", 30),
                    ha="center", va="top", fontsize=7.5, style="italic")
            if i:
                ax.add_patch(FancyArrowPatch((i - 0.08, 0.70), (i + 0.08, 0.70),
                                             arrowstyle="-|>", mutation_scale=16,
                                             linewidth=1.4, color=palette.BLACK))
        ax.set_title(f"Sentence {sentence.index}: how the claim reached the article\n"
                     + textwrap.fill(f"“{sentence.text}”", 40 * n), loc="left", fontsize=9)
        fig.text(0.99, 0.06, "dashed, hatched box = source not named", ha="right", fontsize=7)
        source_line(fig, DATA_SOURCE)

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
    with course_style():
        fig = new_figure(10.5, max(4.2, 0.32 * len(sentences) + 1.6))
        left, right = fig.subplots(1, 2, width_ratios=(1.1, 1.0))
        ys = list(range(len(ranked)))[::-1]
        named = [_identified(course, sid) == "named" for sid, _ in ranked]
        # One call per panel: every bar at once, each with its own colour and hatch.
        left.barh(ys, [count for _, count in ranked],
                  color=[palette.BLUE if n else palette.LIGHT_GREY for n in named],
                  hatch=["" if n else "//" for n in named], edgecolor=palette.BLACK,
                  linewidth=0.6)
        for y, (_, count) in zip(ys, ranked, strict=True):
            left.text(count + 0.1, y, f"{count}", va="center", fontsize=8)
        left.set_yticks(ys)
        left.set_yticklabels([
            textwrap.fill(_source_name(course, sid), 30)
            + ("" if _identified(course, sid) == "named"
               else f"\n({_identified(course, sid)}, not named)")
            for sid, _ in ranked], fontsize=7.5)
        left.set_xlabel("sentences whose claim starts with this source")
        left.set_title("Where the claims start", loc="left")
        left.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))

        hops = [len(s.chain) - 1 for s in sentences]
        ys2 = list(range(len(sentences)))[::-1]
        styles = [palette.style(h - 1) for h in hops]
        right.barh(ys2, hops, color=[st.color for st in styles],
                   hatch=[st.hatch for st in styles], edgecolor=palette.BLACK, linewidth=0.6)
        for y, s, h in zip(ys2, sentences, hops, strict=True):
            via = " → ".join(_short(course, hop.source) for hop in s.chain)
            right.text(h + 0.05, y, via, va="center", fontsize=6.5)
        right.set_yticks(ys2)
        right.set_yticklabels([f"sentence {s.index}" for s in sentences], fontsize=7)
        right.set_xlim(0, max(hops) + 2.6)
        right.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        right.set_xlabel("hops from origin to this article")
        right.set_title("How far each claim travelled", loc="left")
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
