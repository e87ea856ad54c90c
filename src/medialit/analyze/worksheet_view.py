"""The worksheet as ipywidgets: a thin view over :class:`Worksheet`.

Every change goes straight into the model and is saved at once, so a kernel
restart loses nothing; feedback goes to an HTML widget's ``value`` (readable
from a plain test, see the design notes on ``Output`` capture).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets

from medialit.analyze.report import Report
from medialit.analyze.worksheet import VERDICTS, Claim, Worksheet, open_worksheet
from medialit.keyboard import make_keyboard_operable

VERDICT_OPTIONS = [("— choose a verdict —", None)] + [(v, v) for v in VERDICTS]


class WorksheetView:
    def __init__(self, worksheet: Worksheet, path: Path, message: str = "") -> None:
        self.worksheet = worksheet
        self.path = path
        self.status = widgets.HTML(value=escape(message))
        self.rows = widgets.VBox()
        self.reviewer = widgets.Text(
            value=worksheet.reviewer, description="Your name", placeholder="for the export"
        )
        self.reviewer.observe(self._on_reviewer, names="value")
        add = widgets.Button(description="Add a claim", icon="plus", tooltip="Add an empty row")
        save_csv = widgets.Button(description="Export CSV", tooltip="Write the worksheet as CSV")
        save_ld = widgets.Button(
            description="Export ClaimReview", tooltip="Write schema.org ClaimReview JSON-LD"
        )
        add.on_click(lambda _: self.add_claim())
        save_csv.on_click(lambda _: self.export("csv"))
        save_ld.on_click(lambda _: self.export("jsonld"))
        self.buttons = (add, save_csv, save_ld)
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h4>Claims from: {escape(worksheet.title or 'your article')}</h4>"),
                self.reviewer,
                self.rows,
                widgets.HBox(list(self.buttons)),
                self.status,
            ]
        )
        self.widget.add_class("medialit-worksheet")
        make_keyboard_operable(self.widget)
        self._render_rows()

    def _repr_mimebundle_(self, **kwargs):
        """Shown directly in a notebook cell; plain-text fallback is a stable one-liner."""
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = f"Worksheet: {len(self.worksheet.claims)} claims"
        return bundle

    # ------------------------------------------------------------ rows
    def _row(self, index: int, claim: Claim) -> widgets.Widget:
        label = f"Claim {index + 1}"
        text = widgets.Textarea(value=claim.text, description=label, layout={"width": "95%"})
        source = widgets.Text(value=claim.source, description="Source")
        verdict = widgets.Dropdown(
            options=VERDICT_OPTIONS, value=claim.verdict, description="Verdict"
        )
        evidence = widgets.Textarea(
            value=claim.evidence,
            description="Evidence",
            placeholder="What did you find, and where?",
            layout={"width": "95%"},
        )
        for field, w in (
            ("text", text),
            ("source", source),
            ("verdict", verdict),
            ("evidence", evidence),
        ):
            w.observe(self._updater(index, field), names="value")
        return widgets.VBox(
            [text, source, verdict, evidence], layout={"border": "1px solid #999", "margin": "4px"}
        )

    def _render_rows(self) -> None:
        self.rows.children = [self._row(i, c) for i, c in enumerate(self.worksheet.claims)]

    def _updater(self, index: int, field: str):
        def update(change: dict) -> None:
            setattr(self.worksheet.claims[index], field, change["new"])
            self._save()

        return update

    def _on_reviewer(self, change: dict) -> None:
        self.worksheet.reviewer = change["new"]
        self._save()

    def _save(self) -> None:
        try:
            self.worksheet.save(self.path)
        except OSError as exc:
            self.status.value = f"Could not save the worksheet: {escape(str(exc))}"

    # ------------------------------------------------------------ actions
    def add_claim(self) -> None:
        self.worksheet.add()
        self._render_rows()
        self._save()

    def export(self, kind: str) -> Path:
        suffix = ".csv" if kind == "csv" else ".claimreview.jsonld"
        target = self.path.with_suffix(suffix)
        content = self.worksheet.to_csv() if kind == "csv" else self.worksheet.to_jsonld()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        except OSError as exc:
            self.status.value = f"Could not write {escape(target.name)}: {escape(str(exc))}"
            return target
        if kind == "csv":
            what = f"{len(self.worksheet.claims)} claims"
        else:
            what = f"{len(self.worksheet.reviewed())} claims with a verdict"
        self.status.value = f"Saved {what} to <code>{escape(str(target))}</code>"
        return target


def worksheet_widget(report: Report, path: Path | None = None) -> WorksheetView:
    """The worksheet for ``report``, reopened from the learner's data folder if saved before.

    End a notebook cell with the returned view (or ``view.widget``) to show it.
    """
    worksheet, where, message = open_worksheet(report, path)
    return WorksheetView(worksheet, where, message)
