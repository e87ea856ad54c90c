"""The reviewing notebook's widgets: the article with drafts highlighted, a form per sentence.

All logic lives in :mod:`medialit.newcase.review`; this module only lays it out. The
form remembers the values it was opened with, which is what a save compares the file
against (see :func:`medialit.newcase.review.save_review`).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from medialit.content.annotations import HedgeSignal, Kind, Rating
from medialit.content.course import find_root
from medialit.newcase import review as logic


def article_html(sentences: list[logic.DraftSentence], selected: str | None = None) -> str:
    """The sentences in order; those with drafts marked, with the number of drafts left."""
    parts = []
    for s in sentences:
        text = html.escape(s.text)
        if s.draft:
            label = f"{s.id}: {len(s.draft)} draft field(s): {', '.join(sorted(s.draft))}"
            style = "outline:2px solid #0072B2;" if s.id == selected else ""
            parts.append(f'<mark title="{html.escape(label)}" style="{style}">'
                         f"<strong>[{s.id}, {len(s.draft)} drafts]</strong> {text}</mark>")
        else:
            parts.append(f"<span>[{s.id}, reviewed] {text}</span>")
    return '<div class="lm-review-article" style="line-height:1.7">' + " ".join(parts) + "</div>"


class Review(w.VBox):
    """A stable plain-text form for nbval: the widget's state changes, its repr does not."""

    def __repr__(self) -> str:
        return "<Review of the case's drafts>"


def review(root: Path | str | None = None) -> Review:
    root = Path(root) if root is not None else find_root()
    sentences = logic.read_sentences(root)
    state: dict[str, Any] = {}
    article = w.HTML()
    pick = w.Dropdown(options=[s.id for s in sentences], description="Sentence")
    drafts = w.HTML()
    kind = w.Dropdown(options=[k.value for k in Kind], description="Kind")
    claimant = w.Dropdown(options=logic.source_ids(root), description="Claimant")
    hedges = w.Text(description="Hedges", placeholder="believe=belief, could=possibility",
                    layout=w.Layout(width="95%"))
    signals = w.HTML(f"<small>signals: {', '.join(s.value for s in HedgeSignal)}</small>")
    rating = w.Dropdown(options=[r.value for r in Rating], description="Verdict")
    summary = w.Textarea(description="Summary", layout=w.Layout(width="95%"))
    evidence = w.Textarea(description="Evidence", layout=w.Layout(width="95%"),
                          placeholder="the first point of evidence (others: edit the YAML)")
    basis = w.Dropdown(options=["record", "article", "not-found"], description="Basis")
    excerpts = w.Text(description="Excerpts", placeholder="excerpt ids, comma-separated",
                      layout=w.Layout(width="95%"))
    save = w.Button(description="Save this sentence", button_style="primary")
    status = w.HTML()

    def load(sentence_id: str) -> None:
        nonlocal sentences
        sentences = logic.read_sentences(root)
        s = next(x for x in sentences if x.id == sentence_id)
        state["sentence"] = s
        state["opened"] = {k: v for k, v in s.fields.items()}
        article.value = article_html(sentences, sentence_id)
        drafts.value = ("<ul>" + "".join(f"<li><code>{html.escape(k)}</code>: "
                                         f"{html.escape(v)}</li>" for k, v in s.draft.items())
                        + "</ul>") if s.draft else "<p>No drafts left in this sentence.</p>"
        kind.value = s.fields["kind"]
        claimant.value = s.fields["claimant"]
        hedges.value = logic.hedges_spec(s.fields["hedges"])
        verdict = s.fields["verdict"] or {}
        rating.value = verdict.get("rating", "unconfirmed")
        summary.value = verdict.get("summary", "")
        points = verdict.get("evidence") or [{}]
        evidence.value = points[0].get("text", "")
        basis.value = points[0].get("basis", "record")
        excerpts.value = ", ".join(points[0].get("excerpts") or [])

    def on_save(_: Any = None) -> None:
        s = state["sentence"]
        try:
            first = {"text": evidence.value.strip(), "basis": basis.value,
                     "excerpts": [x.strip() for x in excerpts.value.split(",") if x.strip()]}
            # the form edits the first point of evidence; the others are kept as they are
            points = [first, *((s.fields["verdict"] or {}).get("evidence") or [])[1:]]
            verdict = {**(s.fields["verdict"] or {}), "rating": rating.value,
                       "summary": summary.value.strip(), "evidence": points}
            changes = {"kind": kind.value, "claimant": claimant.value,
                       "hedges": logic.parse_hedges(hedges.value, s), "verdict": verdict}
            written = logic.save_review(root, s.id, state["opened"], changes)
        except logic.ReviewError as exc:
            status.value = f"<p role='alert'>Not saved: {html.escape(str(exc))}</p>"
            return
        load(s.id)
        status.value = f"<p>Saved {s.id}: {', '.join(written)} confirmed.</p>"

    pick.observe(lambda change: load(change["new"]), names="value")
    save.on_click(on_save)
    if sentences:
        load(sentences[0].id)
    box = Review([article, pick, drafts, kind, claimant, hedges, signals, rating, summary,
                  evidence, basis, excerpts, save, status])
    box.add_class("lm-review")
    return box
