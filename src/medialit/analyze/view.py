"""The report as HTML for a notebook: the text with its findings marked.

Everything from the article is escaped (a page can carry ``<script>``). Each kind
of finding has a colour from the Okabe-Ito palette *and* a line style and a
bracketed letter, and the legend says all three in words, so nothing depends on
colour alone. Hovering a mark (or reading the table under the text) shows the
rule and the entry that fired.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from medialit.analyze.report import Report, Sentence
from medialit.analyze.summary import kind_label

# kind: (label, colour, style, tag)
KINDS = {
    "source": ("source (who says it)", "#009E73", "border-bottom: 3px solid #009E73;", "S"),
    "cue": ("reporting verb or phrase", "#0072B2", "border-bottom: 3px double #0072B2;", "V"),
    "quote": ("direct quote", "#CC79A7", "font-style: italic; background: #CC79A71f;", "Q"),
    "hedge": ("hedge (less than certain)", "#D55E00", "border-bottom: 3px dotted #D55E00;", "H"),
    "number": ("number", "#E69F00", "background: #E69F0040; outline: 1px dashed #8a6000;", "N"),
}

CSS = "".join(f".ml-an .ml-{kind} {{{style}}}\n" for kind, (_, _, style, _) in KINDS.items()) + (
    ".ml-an {font-family: sans-serif; line-height: 1.9; max-width: 60em;}\n"
    ".ml-an sup.ml-tag {font-size: 0.7em; font-weight: bold; margin-left: 1px;}\n"
    ".ml-an .ml-sent {margin: 0.4em 0;}\n"
    ".ml-an .ml-nosrc {border-left: 4px solid #000; padding-left: 0.5em;}\n"
    ".ml-an .ml-furn {color: #555; font-size: 0.9em;}\n"
    ".ml-an table {border-collapse: collapse; font-size: 0.9em;}\n"
    ".ml-an td, .ml-an th {border: 1px solid #999; padding: 2px 6px; text-align: left;"
    " vertical-align: top;}\n"
)


def _marks(sentence: Sentence) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, tooltip) for every finding inside this sentence."""
    marks = []
    for q in sentence.quotes:
        marks.append((q.start, q.end, "quote", "direct quote"))
    for a in sentence.attributions:
        if a.form == "inherited":
            continue
        marks.append(
            (a.cue.start, a.cue.end, "cue", f"{a.why.rule}: '{a.why.entry}' — {a.why.explain}")
        )
        if a.source:
            label = kind_label(a)
            marks.append((a.source.start, a.source.end, "source", f"source ({label})"))
    for h in sentence.hedges:
        marks.append((h.start, h.end, "hedge", f"{h.why.rule}: '{h.why.entry}' — {h.why.explain}"))
    for n in sentence.numbers:
        marks.append((n.start, n.end, "number", f"{n.why.rule} ({n.kind}) — {n.why.explain}"))
    # one source that speaks twice ("Reyes said ... and claimed ...") is marked once
    unique = list(dict.fromkeys(marks))
    return [m for m in unique if sentence.start <= m[0] < m[1] <= sentence.end]


def _render_sentence(report: Report, sentence: Sentence) -> str:
    marks = _marks(sentence)
    cuts = sorted({sentence.start, sentence.end, *(m[0] for m in marks), *(m[1] for m in marks)})
    parts = []
    for a, b in pairwise(cuts):
        active = [m for m in marks if m[0] <= a and b <= m[1]]
        chunk = escape(report.text[a:b])
        if not active:
            parts.append(chunk)
            continue
        classes = " ".join(f"ml-{m[2]}" for m in active)
        title = escape(" | ".join(m[3] for m in active), quote=True)
        parts.append(f'<span class="{classes}" title="{title}">{chunk}</span>')
        for m in active:
            if m[1] == b:
                parts.append(f'<sup class="ml-tag">[{KINDS[m[2]][3]}]</sup>')
    cls = "ml-sent ml-nosrc" if sentence.unattributed else "ml-sent"
    flag = " <strong>(no source named)</strong>" if sentence.unattributed else ""
    for a in sentence.attributions:
        if a.form == "inherited" and a.refers_to:
            flag += f" <small>(quote continues: speaker {escape(a.refers_to)})</small>"
        elif a.identified == "pronoun" and a.refers_to and a.source:
            flag += f" <small>({escape(a.source.text)} = {escape(a.refers_to)}?)</small>"
    return f'<p class="{cls}"><small>#{sentence.index}</small> {"".join(parts)}{flag}</p>'


def _legend() -> str:
    items = "".join(
        f'<li><span class="ml-{kind}">{escape(label)}</span><sup class="ml-tag">[{tag}]</sup>'
        f" — {escape(_style_words(kind))}</li>"
        for kind, (label, _, _, tag) in KINDS.items()
    )
    return (
        "<details open><summary>Legend</summary><ul>"
        + items
        + "<li>A black bar on the left and <strong>(no source named)</strong>: a sentence "
        "with no attribution at all.</li>"
        "<li>Point at a mark to see which rule fired and why.</li></ul></details>"
    )


def _style_words(kind: str) -> str:
    return {
        "source": "green solid underline, tag [S]",
        "cue": "blue double underline, tag [V]",
        "quote": "italic on a pink tint, tag [Q]",
        "hedge": "vermilion dotted underline, tag [H]",
        "number": "orange background with dashed outline, tag [N]",
    }[kind]


def _metadata(report: Report) -> str:
    rows = []
    for name in ("title", "author", "date", "sitename", "url"):
        value = getattr(report.metadata, name)
        shown = escape(value) if value else f"<em>not in the {escape(report.input)}</em>"
        rows.append(f"<tr><th scope='row'>{escape(name)}</th><td>{shown}</td></tr>")
    notes = "".join(f"<li>{escape(n)}</li>" for n in report.notes)
    return (
        "<table><caption>Where this text comes from</caption>"
        + "".join(rows)
        + "</table>"
        + (f"<ul>{notes}</ul>" if notes else "")
    )


def _findings_table(report: Report) -> str:
    rows = []
    for s in report.sentences:
        for a in s.attributions:
            who = a.source.text if a.source else "(nobody named)"
            if a.refers_to:
                who += f" (= {a.refers_to})"
            rows.append((s.index, "attribution", f"{who} — {a.cue.text}", a.why.rule, a.why.entry))
        for h in s.hedges:
            rows.append((s.index, "hedge", h.text, h.why.rule, h.why.entry))
        for n in s.numbers:
            rows.append((s.index, f"number ({n.kind})", n.text, n.why.rule, ""))
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        "<details><summary>Every finding and the rule behind it</summary><table>"
        "<tr><th>#</th><th>kind</th><th>text</th><th>rule</th><th>entry</th></tr>"
        f"{body}</table></details>"
    )


def highlight(report: Report) -> str:
    """The whole report as one self-contained, escaped HTML fragment."""
    furniture = "".join(
        f"<li>line {f.line}: {escape(f.text)} — <em>{escape(f.reason)}</em></li>"
        for f in report.furniture
    )
    c = report.counts
    return (
        f'<div class="ml-an"><style>{CSS}</style>'
        + _metadata(report)
        + f"<p>{c.sentences} sentences · {c.attributions} attributions · {c.quotes} quotes · "
        f"{c.hedges} hedges · {c.numbers} numbers · {c.unattributed_sentences} with no source</p>"
        + _legend()
        + "".join(_render_sentence(report, s) for s in report.sentences)
        + (
            f"<details><summary>Set aside as page furniture ({len(report.furniture)} lines)"
            f"</summary><ul class='ml-furn'>{furniture}</ul></details>"
            if furniture
            else ""
        )
        + _findings_table(report)
        + "</div>"
    )
