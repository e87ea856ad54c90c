"""The packet search box, the timed lateral-reading tasks and "check the checker".

Thin ipywidgets views over :mod:`.search` and :mod:`.checker`: every string shown
comes from there or from :mod:`.views`. Tests drive them without a browser by
setting ``.query.value`` / ``.choice.value`` and clicking buttons.
"""

from __future__ import annotations

import time
from html import escape
from typing import Any

import ipywidgets as widgets

from medialit.content.annotations import Rating
from medialit.evidence.checker import CHOICES, compare, exercise
from medialit.evidence.search import PacketIndex
from medialit.evidence.views import excerpts_html
from medialit.figures.common import course_or_default

_indexes: dict[int, PacketIndex] = {}
# Text that wraps inside the notebook's column at any width (ipywidgets' HTML and buttons
# keep one line and a fixed width by default).
FULL = {"width": "100%"}
WRAP_STYLE = ("<style>.medialit-evidence .widget-html-content{line-height:1.5;white-space:normal;"
              "overflow-wrap:anywhere}.medialit-evidence .widget-html{min-width:0;max-width:100%}"
              ".medialit-evidence button{white-space:normal;height:auto;min-height:2.2em;"
              "max-width:100%;line-height:1.3}.medialit-evidence .widget-radio-box label"
              "{white-space:normal}</style>")


def _html(value: str = "") -> widgets.HTML:
    return widgets.HTML(value, layout=widgets.Layout(**FULL))


def _button(description: str) -> widgets.Button:
    return widgets.Button(description=description,
                          layout=widgets.Layout(width="auto", max_width="100%"))


def _index(course: Any) -> PacketIndex:
    key = id(course.record)
    if key not in _indexes:
        _indexes.clear()
        _indexes[key] = PacketIndex(course.record)
    return _indexes[key]


def results_html(query: str, hits: list[Any]) -> str:
    if not query.strip():
        return "<p>Type words to search the documents the course collected.</p>"
    if not hits:
        return (f"<p role=\"status\">No excerpt matches <strong>{escape(query)}</strong>. "
                "Try fewer or different words.</p>")
    one = len(hits) == 1
    head = (f'<p role="status">{len(hits)} {"excerpt matches" if one else "excerpts match"} '
            f"<strong>{escape(query)}</strong>" + ("" if one else ", best first") + ":</p>")
    return head + excerpts_html([h.quote for h in hits], show_provenance=False)


class PacketSearch(widgets.VBox):
    """Words in, matching excerpts of the record out: lateral reading without the internet."""

    def __init__(self, course: Any | None = None, query: str = "") -> None:
        self.course = course_or_default(course)
        self.query = widgets.Text(
            value=query, placeholder="e.g. Dorchester Center, or 10,000 soldiers train",
            description="Search the record", continuous_update=False,
            style={"description_width": "initial"}, layout=widgets.Layout(width="100%"),
        )
        self.button = _button("Search")
        self.button.tooltip = "Search the course's documents"
        self.results = _html()
        self.results.add_class("medialit-search-results")
        super().__init__([_html(WRAP_STYLE),
                          widgets.HBox([self.query, self.button],
                                       layout=widgets.Layout(width="100%", flex_flow="row wrap")),
                          self.results], layout=widgets.Layout(**FULL))
        self.add_class("medialit-packet-search")
        self.add_class("medialit-evidence")
        self.query.observe(lambda _change: self.run(), names="value")
        self.button.on_click(lambda _b: self.run())
        self.run()

    def run(self) -> None:
        hits = _index(self.course).search(self.query.value) if self.query.value.strip() else []
        self.results.value = results_html(self.query.value, hits)

    def __repr__(self) -> str:
        return f"PacketSearch(excerpts={len(self.course.record.excerpts)})"


class LateralReading(widgets.VBox):
    """Timed tasks: find it in the record first, then compare with the course's answer."""

    def __init__(self, lesson: str, course: Any | None = None) -> None:
        self.course = course_or_default(course)
        tasks = self.course.lesson(lesson).exercises.lateral_reading
        self.started = time.monotonic()
        self.search = PacketSearch(self.course)
        rows: list[widgets.Widget] = []
        self.reveals: dict[str, widgets.Button] = {}
        self.answers: dict[str, widgets.HTML] = {}
        for n, task in enumerate(tasks, start=1):
            prompt = _html(f"<p><strong>Task {n}.</strong> {escape(task.task)}"
                                  + (f" <em>Hint: {escape(task.hint)}</em>" if task.hint else "")
                                  + "</p>")
            button = _button(f"I have an answer: show task {n}'s")
            answer = _html()
            answer.add_class(f"medialit-task-answer-{task.id}")
            button.on_click(lambda _b, t=task: self.reveal(t.id))
            self.reveals[task.id] = button
            self.answers[task.id] = answer
            rows += [prompt, button, answer]
        self.tasks = {t.id: t for t in tasks}
        intro = _html("<p>The clock starts now. Use the search box to find each answer "
                             "in the record before you open the course's.</p>")
        super().__init__([intro, self.search, *rows], layout=widgets.Layout(**FULL))
        self.add_class("medialit-lateral-reading")
        self.add_class("medialit-evidence")

    def reveal(self, task_id: str) -> None:
        task = self.tasks[task_id]
        seconds = round(time.monotonic() - self.started)
        quotes = [self.course.record.quote(i) for i in task.excerpts]
        self.answers[task_id].value = (
            f'<div role="status"><p>You took about {seconds // 60} min {seconds % 60} s. '
            f"The course's answer: {escape(task.answer)}</p>{excerpts_html(quotes)}</div>")
        self.reveals[task_id].disabled = True

    def __repr__(self) -> str:
        return f"LateralReading(tasks={list(self.tasks)})"


class CheckTheChecker(widgets.VBox):
    """Read the excerpts, give a verdict, and only then see the course's."""

    def __init__(self, sentence_id: str, course: Any | None = None) -> None:
        self.course = course_or_default(course)
        ex = exercise(self.course, sentence_id)
        self.sentence_id = sentence_id
        head = _html(
            WRAP_STYLE + f"<p><strong>Sentence {ex.index}.</strong></p>"
            f"<blockquote>{escape(ex.text)}</blockquote>"
            "<p>The excerpts of the record the course relies on:</p>"
            + excerpts_html(ex.excerpts))
        self.choice = widgets.RadioButtons(options=list(CHOICES), value=None,
                                           description="Your verdict",
                                           style={"description_width": "initial"})
        self.button = _button("Compare with the course")
        self.result = _html()
        self.result.add_class(f"medialit-checker-result-{sentence_id}")
        self.button.on_click(lambda _b: self.submit())
        super().__init__([head, self.choice, self.button, self.result],
                         layout=widgets.Layout(**FULL))
        self.add_class("medialit-check-the-checker")
        self.add_class("medialit-evidence")

    def submit(self) -> None:
        if self.choice.value is None:
            self.result.value = '<p role="status">Choose your own verdict first.</p>'
            return
        c = compare(self.course, self.sentence_id, self.choice.value)
        points = "".join(f"<li><em>{escape(basis)}:</em> {escape(text)}</li>"
                         for basis, text in c.evidence)
        unsure = (f"<p><strong>Where the course could be wrong:</strong> "
                  f"{escape(c.uncertainty)}</p>" if c.uncertainty else "")
        mark = "✓" if c.agree else "≠"
        self.result.value = (
            f'<div role="status"><p><strong>{mark} {escape(c.message)}</strong></p>'
            f"<p>The course's verdict: <strong>{escape(Rating(c.course).label)}</strong>. "
            f"{escape(c.summary)}</p><ul>{points}</ul>{unsure}</div>")

    def __repr__(self) -> str:
        return f"CheckTheChecker({self.sentence_id!r})"


def search_record(query: str = "", course: Any | None = None) -> PacketSearch:
    return PacketSearch(course, query)


def lateral_reading(lesson: str, course: Any | None = None) -> LateralReading:
    return LateralReading(lesson, course)


class CheckerExercises(widgets.VBox):
    """Every sentence a lesson's ``exercises.yaml`` lists for checking the checker."""

    def __init__(self, lesson: str, course: Any | None = None) -> None:
        self.course = course_or_default(course)
        ids = self.course.lesson(lesson).exercises.check_the_checker
        self.exercises = [CheckTheChecker(i, self.course) for i in ids]
        super().__init__(self.exercises)

    def __repr__(self) -> str:
        return f"CheckerExercises({[e.sentence_id for e in self.exercises]})"


def check_the_checker(lesson: str, course: Any | None = None) -> CheckerExercises:
    """The lesson's check-the-checker sentences, each judged by the learner first."""
    return CheckerExercises(lesson, course)


__all__ = ["CheckTheChecker", "CheckerExercises", "LateralReading", "PacketSearch",
           "check_the_checker",
           "lateral_reading", "results_html", "search_record"]
