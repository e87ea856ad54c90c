"""The worksheet as an anywidget component: a thin view over :class:`Worksheet`.

The browser shows one row per claim and sends each change as a message; Python
puts it into the model and saves at once, so a kernel restart loses nothing.
"Export" sends every row as it stands on screen with the request (nothing typed
is lost to a field that has not yet synced), writes the file next to the notebook
(the kernel's working folder) or where the learner says, tells where, and hands
the browser the same text to offer as a download.
"""

from __future__ import annotations

import pathlib
from html import escape
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from medialit import components
from medialit.analyze.report import Report
from medialit.analyze.worksheet import (
    VERDICT_LABELS,
    VERDICTS,
    Claim,
    Worksheet,
    export_name,
    open_worksheet,
)

STATIC = pathlib.Path(__file__).parent / "static"
FIELDS = ("text", "source", "verdict", "evidence")
MIME = {"csv": "text/csv", "jsonld": "application/ld+json"}


class WorksheetView(anywidget.AnyWidget):
    _esm = components.module(STATIC / "worksheet.js")
    _css = components.style(STATIC / "worksheet.css")

    heading = traitlets.Unicode("").tag(sync=True)
    claims = traitlets.List().tag(sync=True)
    verdicts = traitlets.List().tag(sync=True)  # [[value, label], ...]
    reviewer = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    names = traitlets.Dict().tag(sync=True)  # default export file names

    def __init__(self, worksheet: Worksheet, path: Path, message: str = "",
                 folder: Path | None = None) -> None:
        self.worksheet = worksheet
        self.path = path
        self.folder = folder
        super().__init__(
            heading=f"Claims from: {worksheet.title or 'your article'}",
            verdicts=[[v, VERDICT_LABELS[v]] for v in VERDICTS],
            reviewer=worksheet.reviewer,
            status=escape(message),
            names={k: export_name(worksheet.title, k) for k in MIME},
        )
        self._sync()
        self.on_msg(self._on_message)

    @property
    def widget(self) -> WorksheetView:
        """The view itself (older notebooks end their cell with ``view.widget``)."""
        return self

    def __repr__(self) -> str:
        return f"Worksheet: {len(self.worksheet.claims)} claims"

    def _sync(self) -> None:
        self.claims = [
            {f: getattr(c, f) or "" for f in FIELDS} for c in self.worksheet.claims
        ]

    # ------------------------------------------------------------ messages
    def _on_message(self, _widget: Any, content: Any, _buffers: Any = None) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "edit":
            self.edit(content.get("index"), content.get("field"), content.get("value"))
        elif kind == "reviewer":
            self.set_reviewer(str(content.get("value", "")))
        elif kind == "add":
            self.add_claim()
        elif kind == "export":
            self._take_rows(content.get("rows"), content.get("reviewer"))
            download = bool(content.get("download"))
            target = self.export(
                str(content.get("format")), content.get("target") or None, download=download
            )
            if target is not None and download:
                self.send({
                    "type": "download",
                    "name": target.name,
                    "mime": MIME.get(str(content.get("format")), "text/plain"),
                    "text": self._content(str(content.get("format"))),
                })

    def _take_rows(self, rows: Any, reviewer: Any) -> None:
        if isinstance(reviewer, str):
            self.worksheet.reviewer = reviewer
        if not isinstance(rows, list):
            return
        for index, row in enumerate(rows[: len(self.worksheet.claims)]):
            if isinstance(row, dict):
                for field in FIELDS:
                    if field in row:
                        self._set(index, field, row[field])
        self._save()

    def _set(self, index: int, field: str, value: Any) -> bool:
        if field not in FIELDS or not isinstance(index, int):
            return False
        if not 0 <= index < len(self.worksheet.claims):
            return False
        allowed = value if value in VERDICTS else None
        value = allowed if field == "verdict" else str(value or "")
        setattr(self.worksheet.claims[index], field, value)
        return True

    def edit(self, index: Any, field: Any, value: Any) -> None:
        if self._set(index, field, value):
            self._save()

    def set_reviewer(self, name: str) -> None:
        self.worksheet.reviewer = name
        self._save()

    def _save(self) -> None:
        try:
            self.worksheet.save(self.path)
        except OSError as exc:
            self.status = f"Could not save the worksheet: {escape(str(exc))}"

    # ------------------------------------------------------------ actions
    def add_claim(self) -> Claim:
        claim = self.worksheet.add()
        self._sync()
        self._save()
        return claim

    def _content(self, kind: str) -> str:
        return self.worksheet.to_csv() if kind == "csv" else self.worksheet.to_jsonld()

    def target_for(self, kind: str, chosen: str | Path | None = None) -> Path:
        """Where an export goes: the learner's choice (a file, or a folder to put it in),
        else next to the notebook (the kernel's working folder)."""
        name = export_name(self.worksheet.title, kind)
        base = self.folder or Path.cwd()
        if chosen:
            target = Path(chosen).expanduser()
            if not target.is_absolute():
                target = base / target
            if target.is_dir() or str(chosen).endswith(("/", "\\")):
                target = target / name
            return target
        return base / name

    def export(
        self, kind: str, chosen: str | Path | None = None, download: bool = False
    ) -> Path | None:
        """Write the CSV (``kind="csv"``) or ClaimReview JSON-LD; say where it went."""
        if kind not in MIME:
            self.status = f"Unknown export format {escape(kind)}."
            return None
        target = self.target_for(kind, chosen)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self._content(kind), encoding="utf-8")
        except OSError as exc:
            self.status = (f"Could not write <code>{escape(str(target))}</code>: "
                           f"{escape(str(exc))}. Type another folder and export again.")
            return None
        if kind == "csv":
            what = f"{len(self.worksheet.claims)} claims"
        else:
            what = f"{len(self.worksheet.reviewed())} claims with a verdict"
        here = target.parent.resolve() == (self.folder or Path.cwd()).resolve()
        where = " (next to this notebook)" if here else ""
        also = " Your browser also offers it as a download." if download else ""
        self.status = (f"Saved {what} to <code>{escape(str(target.resolve()))}</code>"
                       f"{where}.{also}")
        return target


def worksheet_widget(report: Report, path: Path | None = None,
                     folder: Path | None = None) -> WorksheetView:
    """The worksheet for ``report``, reopened from the learner's data folder if saved before.

    End a notebook cell with the returned view to show it.
    """
    worksheet, where, message = open_worksheet(report, path)
    return WorksheetView(worksheet, where, message, folder)
