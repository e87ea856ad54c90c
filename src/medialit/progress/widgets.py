"""Anywidget views: the name picker (notebook 0) and the progress panel.

All logic lives in :mod:`.learner`, :mod:`.summary` and :mod:`.chart`; these
views only carry it to the browser (``static/panel.js``), and take messages back
("save" with the name as typed, "refresh"), so a plain pytest can drive them by
handing their handler the same message.
"""

from __future__ import annotations

import base64
import html
import io
import os
import pathlib
from typing import Any

import anywidget
import traitlets

from medialit import components
from medialit.progress.attempts import AnswerSink
from medialit.progress.learner import InvalidName, choose_name
from medialit.progress.sink import current_learner, current_sink
from medialit.progress.summary import LessonProgress, Totals, course_totals, lesson_progress

STATIC = pathlib.Path(__file__).parent / "static"


class _Panel(anywidget.AnyWidget):
    _esm = components.module(STATIC / "panel.js")
    _css = components.style(STATIC / "panel.css")
    kind = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any = None) -> None:
        raise NotImplementedError


class NamePicker(_Panel):
    """A labelled text box and a Save button (Enter saves too)."""

    value = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)

    def __init__(self, sink: AnswerSink | None = None) -> None:
        self.sink = sink or current_sink()
        stored = getattr(self.sink, "learner_name", lambda: None)()
        super().__init__(kind="name", value=stored or "", status=_name_status(stored))

    def __repr__(self) -> str:
        return "<Name picker>"

    def _on_message(self, _widget: Any, content: Any, _buffers: Any = None) -> None:
        if isinstance(content, dict) and content.get("type") == "save":
            self.save(str(content.get("name", "")))

    def save(self, raw: str) -> str | None:
        """Save the name as typed; returns it cleaned, or None with the reason shown."""
        try:
            choice = choose_name(raw, self.sink)
        except InvalidName as problem:
            reason = html.escape(str(problem))
            self.status = f"<p role='alert'><strong>Not saved:</strong> {reason}</p>"
            return None
        self.value = choice.name
        status = _name_status(choice.name)
        if choice.notice:
            status += f"<p class='medialit-carried'>{html.escape(choice.notice)}</p>"
        self.status = status
        return choice.name


def name_picker(sink: AnswerSink | None = None) -> NamePicker:
    return NamePicker(sink)


def _name_status(name: str | None) -> str:
    override = os.environ.get("MEDIALIT_LEARNER", "").strip()
    if override:
        return (
            f"<p role='status'>Answers are stored as <strong>{html.escape(override)}</strong> "
            "(set by MEDIALIT_LEARNER).</p>"
        )
    if not name:
        return "<p role='status'>No name saved yet. Your answers stay on this computer.</p>"
    return (
        f"<p role='status'>Saved. Your answers are stored as <strong>{html.escape(name)}</strong>, "
        "on this computer only.</p>"
    )


def progress_html(
    totals: Totals, sink: AnswerSink | None = None, learner: str | None = None
) -> str:
    """The panel's content: a table (the numbers) and the chart as an image with alt text."""
    sink = sink or current_sink()
    learner = learner or current_learner()
    kept = getattr(sink, "attempts", [])
    attempts = kept(learner) if callable(kept) else [a for a in kept if a.learner == learner]
    progress = lesson_progress(attempts, totals)
    png, alt = chart_png(progress)
    image = base64.b64encode(png).decode("ascii")
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(p.title)}</th><td>{p.answered} of {p.total}</td>"
        f"<td>{p.right}</td></tr>"
        for p in progress
    )
    return (
        f"<table><caption>Progress for {html.escape(learner)}</caption>"
        "<thead><tr><th scope='col'>Lesson</th><th scope='col'>Answered</th>"
        f"<th scope='col'>Right</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<div class='medialit-chart' role='group' aria-label='Chart'>"
        f"<img src='data:image/png;base64,{image}' alt='{html.escape(alt, quote=True)}'>"
        "</div>"
    )


def chart_png(progress: list[LessonProgress]) -> tuple[bytes, str]:
    """The progress chart as PNG bytes and alt text, drawn once per distinct progress.

    Notebook 0 shows the panel every time it runs, usually with the same progress;
    drawing it would import matplotlib and cost most of a second. So the PNG is kept in
    the cache folder (:mod:`medialit.diskcache`) keyed by the progress, the chart code and
    matplotlib's version; it is drawn in matplotlib's default style, not the kernel's, so
    the kernel's settings cannot make a stored chart wrong.
    """
    from importlib.metadata import version
    from pathlib import Path

    from medialit import diskcache

    try:
        key = diskcache.digest(
            "progress-chart-1",
            diskcache.code_digest([Path(__file__).with_name("chart.py"), Path(__file__)]),
            version("matplotlib"),
            diskcache.fingerprint(progress),
        )
    except (TypeError, ValueError, ImportError):
        key = None
    name = f"progress-chart-{key[:40]}.pickle" if key else ""
    found = diskcache.read("figures", name, key, tuple) if key else None
    if found is not None and len(found) == 2:
        return found
    import matplotlib.style

    from medialit.progress.chart import progress_chart  # imports matplotlib: only to draw

    with matplotlib.style.context("default"):
        chart = progress_chart(progress)
        buffer = io.BytesIO()
        chart.figure.savefig(buffer, format="png", dpi=chart.figure.dpi)
    drawn = (buffer.getvalue(), chart.alt)
    if key:  # only the latest chart is kept: progress moves on
        diskcache.write("figures", name, key, drawn, stale="progress-chart-")
    return drawn


class ProgressPanel(_Panel):
    """Per-lesson answered and right, with a Refresh button."""

    html = traitlets.Unicode("").tag(sync=True)

    def __init__(self, totals: Totals, sink: AnswerSink | None = None) -> None:
        self.totals = totals
        self.sink = sink
        super().__init__(kind="progress", html=progress_html(totals, sink))

    def __repr__(self) -> str:
        return "<Progress panel>"

    def _on_message(self, _widget: Any, content: Any, _buffers: Any = None) -> None:
        if isinstance(content, dict) and content.get("type") == "refresh":
            self.refresh()

    def refresh(self) -> None:
        self.html = progress_html(self.totals, self.sink)


def progress_widget(totals: Totals, sink: AnswerSink | None = None) -> ProgressPanel:
    return ProgressPanel(totals, sink)


def course_progress_widget(sink: AnswerSink | None = None) -> ProgressPanel:
    """:func:`progress_widget` with totals taken from ``medialit.content.current_course()``."""
    return progress_widget(course_totals(), sink)
