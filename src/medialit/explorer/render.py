"""HTML for the explorer: the article with every sentence tagged, and a sentence's card.

Every string from the course passes through ``html.escape``: annotations are
edited by hand and the analyzer feeds in arbitrary articles, so text must never
become markup. Class names come from content (``medialit-sentence-s03``), never
from random ids, so notebook diffs stay stable and browser tests can find them.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from medialit.evidence.views import excerpts_html
from medialit.explorer.cards import MARK_LEGEND, Card, build_card, kinds_text, segments
from medialit.figures.palette import KIND_COLORS, VERDICT_COLORS, kind_label

STYLE = """<style>
.medialit-explorer{font-family:system-ui,sans-serif;line-height:1.7;max-width:60em}
.medialit-explorer .medialit-sentence{padding:0.1em 0.2em;border-radius:3px;margin-right:0.2em}
.medialit-explorer .medialit-sentence.medialit-selected{outline:3px solid #000;outline-offset:1px}
.medialit-explorer .medialit-kind-tag{font-size:0.75em;font-weight:600;color:#222;
  font-family:ui-monospace,monospace;margin-right:0.3em}
.medialit-explorer .medialit-hedge{text-decoration:underline;text-decoration-thickness:2px}
.medialit-explorer .medialit-number{font-weight:700}
.medialit-explorer .medialit-quote{border:1px solid #555;border-radius:2px;padding:0 1px}
.medialit-explorer .medialit-unattributed{text-decoration:underline dotted;
  text-decoration-thickness:2px}
.medialit-legend{font-size:0.85em;margin:0.3em 0 0.8em 0;padding:0;list-style:none}
.medialit-legend li{display:inline-block;margin-right:1em}
.medialit-swatch{display:inline-block;width:0.9em;height:0.9em;border:1px solid #555;
  vertical-align:middle;margin-right:0.3em}
.medialit-card{font-family:system-ui,sans-serif;border:1px solid #999;border-radius:6px;
  padding:0.6em 1em;max-width:60em}
.medialit-card h3{margin:0.2em 0 0.4em 0;font-size:1.05em}
.medialit-card h4{margin:0.7em 0 0.2em 0;font-size:0.95em}
.medialit-card .medialit-verdict{font-weight:700;padding:0.1em 0.4em;border-radius:3px}
</style>"""


def tint(color: str, amount: float = 0.6) -> str:
    """Mix a colour with white so black text on it stays readable (contrast > 7:1)."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02X}" for c in mix)


def _kind(sentence: Any) -> str:
    return str(getattr(sentence.kind, "value", sentence.kind))


def sentence_html(sentence: Any, selected: bool = False) -> str:
    kind = _kind(sentence)
    classes = ["medialit-sentence", f"medialit-sentence-{escape(sentence.id)}",
               f"medialit-kind-{escape(kind)}"]
    if selected:
        classes.append("medialit-selected")
    parts = []
    # A quotation (and an unattributed stretch) is opened once and closed once, so a
    # hedge or number inside it does not cut its box into pieces.
    open_outer: list[str] = []
    for seg in segments(sentence):
        wanted = [m for m in ("quote", "unattributed") if m in seg.marks]
        while open_outer and open_outer != wanted[: len(open_outer)]:
            open_outer.pop()
            parts.append("</span>")
        for mark in wanted[len(open_outer):]:
            open_outer.append(mark)
            parts.append(f'<span class="medialit-{mark}">')
        text = escape(seg.text)
        for mark in ("number", "hedge"):
            if mark in seg.marks:
                tag = "strong" if mark == "number" else "span"
                text = f'<{tag} class="medialit-{mark}">{text}</{tag}>'
        parts.append(text)
    parts.extend("</span>" for _ in open_outer)
    pointer = "▶ " if selected else ""
    return (
        f'<span class="{" ".join(classes)}" data-sentence="{escape(sentence.id)}" '
        f'style="background:{tint(KIND_COLORS.get(kind, "#DDDDDD"))}">'
        f'<span class="medialit-kind-tag">{pointer}{sentence.index}&nbsp;'
        f"[{escape(kinds_text(sentence))}]</span>{''.join(parts)}</span>"
    )


def legend_html(kinds: Iterable[str]) -> str:
    items = [
        f'<li><span class="medialit-swatch medialit-kind-{escape(k)}" '
        f'style="background:{tint(KIND_COLORS.get(k, "#DDDDDD"))}"></span>'
        f"[{escape(kind_label(k))}]</li>"
        for k in kinds
    ]
    marks = [f"<li>{escape(text)}</li>" for text in MARK_LEGEND.values()]
    return ('<ul class="medialit-legend" aria-label="Legend">' + "".join(items + marks)
            + "</ul>")


def article_html(course: Any, sentences: Iterable[Any] | None = None,
                 selected: str | None = None) -> str:
    """The article's sentences, each coloured and tagged by kind; one may be selected."""
    chosen = list(course.sentences if sentences is None else sentences)
    kinds: dict[str, None] = {}
    for s in chosen:
        kinds.setdefault(_kind(s), None)
    body = " ".join(sentence_html(s, s.id == selected) for s in chosen)
    if not chosen:
        body = "<p>No sentence of this kind.</p>"
    return (f'{STYLE}<div class="medialit-explorer" aria-label="The article, sentence by '
            f'sentence">{legend_html(kinds)}<p>{body}</p></div>')


def card_html(card: Card) -> str:
    """One sentence's card: claimant, chain, hedges, numbers, verdict with its evidence."""
    e = escape
    kinds = ", ".join(e(k) for k in card.kind_labels)
    chain = "".join(
        f"<li><strong>{e(step.source.name)}</strong> ({e(step.source.type)})"
        + (f": {e(step.how)}" if step.how else "") + "</li>"
        for step in card.chain
    )
    hedges = ("<ul>" + "".join(f"<li>“{e(word)}” ({e(signal)})</li>"
                               for word, signal in card.hedges) + "</ul>"
              if card.hedges else "<p>None: the sentence states its claim without hedging.</p>")
    numbers = ("<ul>" + "".join(
        f"<li><strong>{e(n.text)}</strong>: {e(n.counts)}; counted by {e(n.counted_by)} "
        f"({e(n.kind)})" + (f". {e(n.note)}" if n.note else "") + "</li>"
        for n in card.numbers) + "</ul>" if card.numbers else "<p>None.</p>")
    evidence = "".join(
        f"<li><p><em>{e(point.basis)}:</em> {e(point.text)}</p>"
        + (excerpts_html(point.excerpts) if point.excerpts else "") + "</li>"
        for point in card.evidence
    )
    claimant = card.claimant
    colour = tint(VERDICT_COLORS.get(card.rating, "#999999"), 0.55)
    return (
        f'{STYLE}<section class="medialit-card medialit-card-{e(card.id)}" '
        f'aria-label="Card for sentence {card.index}" aria-live="polite">'
        f"<h3>Sentence {card.index} [{kinds}]</h3>"
        f"<blockquote>{e(card.text)}</blockquote>"
        f"<h4>Who claims it</h4><p><strong>{e(claimant.name)}</strong> ({e(claimant.type)})."
        + (f" In a position to know: {e(claimant.position_to_know)}"
           if claimant.position_to_know else "")
        + (f" Interests: {e(claimant.interests)}" if claimant.interests else "")
        + "</p>"
        f"<h4>Chain of attribution (origin first)</h4><ol>{chain}</ol>"
        f"<h4>Hedges</h4>{hedges}"
        f"<h4>Numbers</h4>{numbers}"
        f'<h4>Verdict</h4><p><span class="medialit-verdict medialit-verdict-{e(card.rating)}" '
        f'style="background:{colour}">{e(card.symbol)} {e(card.rating_label.upper())}</span> '
        f"{e(card.summary)}</p>"
        f"<h4>The evidence, with the words of the record</h4>"
        f'<ul class="medialit-evidence">{evidence}</ul>'
        + (f"<p><em>Note:</em> {e(card.note)}</p>" if card.note else "")
        + "<p><small>Read the excerpts before accepting the verdict: each names who said "
        "it, where and when, with the document's address.</small></p></section>"
    )


def card_for(course: Any, sentence_id: str) -> str:
    return card_html(build_card(course, sentence_id))


EMPTY_CARD = (f'{STYLE}<section class="medialit-card medialit-card-none" aria-live="polite">'
              "<p>Choose a sentence in the article (click it, or Tab to the article, move "
              "with the arrow keys and press Enter) to see who said it, how it reached the "
              "article, and what the record says.</p></section>")
