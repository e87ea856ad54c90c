"""ipywidgets views: the name picker (notebook 0) and the progress panel.

All logic lives in :mod:`.learner`, :mod:`.summary` and :mod:`.chart`; these
views only wire widgets to it, and write feedback into widget values so a plain
pytest can click the button and read the result.
"""

from __future__ import annotations

import base64
import html
import io
import os

import ipywidgets as widgets

from medialit.progress.attempts import AnswerSink
from medialit.progress.learner import InvalidName, save_name
from medialit.progress.sink import current_learner, current_sink
from medialit.progress.summary import LessonProgress, Totals, course_totals, lesson_progress


def name_picker(sink: AnswerSink | None = None) -> widgets.VBox:
    """A labelled text box and a Save button."""
    sink = sink or current_sink()
    stored = getattr(sink, "learner_name", lambda: None)()
    box = widgets.Text(
        value=stored or "",
        description="Your name",
        placeholder="a name or nickname",
        style={"description_width": "initial"},
    )
    button = widgets.Button(description="Save name", tooltip="Save the name for your answers")
    status = widgets.HTML(value=_name_status(stored))

    def save(_: object = None) -> None:
        try:
            name = save_name(box.value, sink)
        except InvalidName as problem:
            reason = html.escape(str(problem))
            status.value = f"<p role='alert'><strong>Not saved:</strong> {reason}</p>"
            return
        box.value = name
        status.value = _name_status(name)

    button.on_click(save)
    return widgets.VBox([widgets.HBox([box, button]), status])


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
        f"<img src='data:image/png;base64,{image}' alt='{html.escape(alt, quote=True)}'>"
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
        chart.figure.savefig(buffer, format="png", dpi=96)
    drawn = (buffer.getvalue(), chart.alt)
    if key:  # only the latest chart is kept: progress moves on
        diskcache.write("figures", name, key, drawn, stale="progress-chart-")
    return drawn


def progress_widget(totals: Totals, sink: AnswerSink | None = None) -> widgets.VBox:
    """Per-lesson answered and right, with a Refresh button."""
    panel = widgets.HTML(value=progress_html(totals, sink))
    refresh = widgets.Button(description="Refresh", tooltip="Show your latest progress")

    def update(_: object = None) -> None:
        panel.value = progress_html(totals, sink)

    refresh.on_click(update)
    return widgets.VBox([refresh, panel])


def course_progress_widget(sink: AnswerSink | None = None) -> widgets.VBox:
    """:func:`progress_widget` with totals taken from ``medialit.content.current_course()``."""
    return progress_widget(course_totals(), sink)
