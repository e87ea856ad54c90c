"""The report as plain text for a terminal: what was found, sentence by sentence."""

from __future__ import annotations

import textwrap

from medialit.analyze.report import Report, Sentence

LABELS = {"title": "title", "author": "author", "date": "date", "sitename": "site", "url": "URL"}


KIND_LABELS = {
    "person": "named person",
    "organisation": "named organisation",
    "described": "described",
    "anonymous": "anonymous",
    "document": "document",
}


def kind_label(a) -> str:
    """The course's category ('named person', 'described', ...); a pronoun says so."""
    label = KIND_LABELS.get(a.kind or "", a.identified)
    return f"pronoun, {label}" if a.identified == "pronoun" and a.kind else label


def _source_line(sentence: Sentence) -> list[str]:
    out = []
    for a in sentence.attributions:
        who = a.source.text if a.source else "(nobody named)"
        if a.refers_to and (a.source is None or a.identified == "pronoun"):
            who += f" (= {a.refers_to})"
        how = "quote continues a neighbouring sentence's" if a.form == "inherited" else a.cue.text
        where = ", inside a quote" if a.in_quote else ""
        out.append(f"{who} — {how} [{kind_label(a)}; {a.why.rule}{where}]")
    return out


def summary(report: Report) -> str:
    lines = [f"Article: {report.metadata.title or report.file or '(untitled)'}"]
    for name, label in LABELS.items():
        value = getattr(report.metadata, name)
        lines.append(f"  {label + ':':8} {value if value else '(not in the ' + report.input + ')'}")
    if report.missing:
        lines.append(
            "  missing: "
            + ", ".join(LABELS[m] for m in report.missing)
            + " — ask where else to find who wrote it, when, and where it appeared"
        )
    for note in report.notes:
        lines.append(f"  note: {note}")
    c = report.counts
    lines.append(
        f"{c.sentences} sentences; {c.furniture_lines} lines set aside as page furniture; "
        f"{c.attributions} attributions, {c.quotes} quotes, {c.hedges} hedges, {c.numbers} numbers"
    )
    unattributed = [s.index for s in report.sentences if s.unattributed]
    lines.append(
        "Sentences with no source at all: "
        + (", ".join(f"#{i}" for i in unattributed) if unattributed else "none")
    )
    for f in report.furniture:
        lines.append(f"  set aside line {f.line}: {f.text[:50]!r} ({f.reason})")
    lines.append("")
    for s in report.sentences:
        flag = "  NO SOURCE" if s.unattributed else ""
        lines.append(f"#{s.index} [{s.speech}]{flag}")
        lines += textwrap.wrap(s.text, 96, initial_indent="    ", subsequent_indent="    ")
        for line in _source_line(s):
            lines.append(f"    source: {line}")
        for h in s.hedges:
            lines.append(f"    hedge:  {h.text!r} [{h.why.rule}: {h.why.explain}]")
        for n in s.numbers:
            lines.append(f"    number: {n.text!r} ({n.kind}) [{n.why.rule}]")
        if s.quotes:
            lines.append(f"    quotes: {len(s.quotes)} direct quotation(s)")
    return "\n".join(lines)
