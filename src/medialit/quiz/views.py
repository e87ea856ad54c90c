"""ipywidgets views: a thin layer that reads inputs, calls ``check`` and writes HTML.

Every control is a native ipywidgets control (radio buttons, checkboxes, toggle
buttons, dropdowns, text boxes, buttons), so it works from the keyboard and has
a label a screen reader can announce. Feedback goes into an ``HTML`` widget's
``value``, so a test can set inputs, call ``button.click()`` and read it.

No widget trait ever holds the answer key: the question object stays on the
Python side, and explanations are written into the page only after an answer.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from medialit.content.quizbank import Question, target_refs, words
from medialit.keyboard import make_keyboard_operable
from medialit.progress.attempts import AnswerSink, Attempt
from medialit.quiz.check import Verdict, check, invalid
from medialit.quiz.render import (
    author_html,
    explanation_html,
    instructions,
    question_classes,
    static_html,
    verdict_html,
)
from medialit.quiz.shuffle import shuffled

PLACEHOLDER = "Choose…"


class Inputs:
    """The answer controls of one question, and how to read and restore a response."""

    def __init__(self, question: Question, order_key: tuple[str, str, str]) -> None:
        self.q = question
        self.order_key = order_key
        self.box = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.box.add_class("medialit-inputs")
        getattr(self, f"_build_{question.type}")()

    def _order(self, items: list[Any]) -> list[Any]:
        return shuffled(items, *self.order_key) if self.q.shuffle else list(items)

    # -- building ----------------------------------------------------------------------

    def _build_single(self) -> None:
        self.radio = widgets.RadioButtons(
            options=self._order([o.text for o in self.q.options]),
            value=None,
            description="Answer",
            layout=widgets.Layout(width="auto"),
        )
        self.box.children = (self.radio,)

    def _build_multiple(self) -> None:
        self.checks = [
            widgets.Checkbox(
                value=False,
                description=text,
                tooltip=text,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for text in self._order([o.text for o in self.q.options])
        ]
        self.box.children = tuple(self.checks)

    def _build_numeric(self) -> None:
        unit = self.q.unit
        example = "42" + (" %" if unit == "%" else f" {unit}" if unit else "")
        self.entry = widgets.Text(
            value="",
            placeholder=f"e.g. {example}",
            description="Answer",
            tooltip="Type a number" + (f" ({unit})" if unit else ""),
            continuous_update=False,
        )
        self.box.children = (self.entry,)

    def _build_text(self) -> None:
        self.entry = widgets.Text(
            value="",
            placeholder="Type your answer",
            description="Answer",
            tooltip="Type a short answer",
            continuous_update=False,
        )
        self.box.children = (self.entry,)

    def _row(self, n: int, label: str, control: widgets.Widget) -> widgets.Widget:
        text = widgets.HTML(f"<strong>{n}.</strong> {html.escape(label)}")
        row = widgets.VBox([text, control])
        row.add_class("medialit-row")
        return row

    def _build_classify(self) -> None:
        cats = list(self.q.categories)
        compact = len(cats) <= 4 and all(len(c) <= 28 for c in cats)
        self.items = self._order(list(self.q.items))
        self.pickers: list[widgets.ValueWidget] = []
        rows = []
        for n, item in enumerate(self.items, start=1):
            if compact:
                picker = widgets.ToggleButtons(
                    options=cats,
                    value=None,
                    description=f"Item {n}",
                    tooltips=[f"Item {n}: {c}" for c in cats],
                    style={"button_width": "auto"},
                )
            else:
                picker = widgets.Dropdown(
                    options=[(PLACEHOLDER, None), *((c, c) for c in cats)],
                    value=None,
                    description=f"Item {n}",
                )
            self.pickers.append(picker)
            rows.append(self._row(n, item.label, picker))
        self.box.children = tuple(rows)

    def _build_match(self) -> None:
        choices = self._order(self.q.right_choices)
        self.lefts = self._order([p.left for p in self.q.pairs])
        self.pickers = []
        rows = []
        for n, left in enumerate(self.lefts, start=1):
            picker = widgets.Dropdown(
                options=[(PLACEHOLDER, None), *((c, c) for c in choices)],
                value=None,
                description=f"Match {n}",
                layout=widgets.Layout(width="auto", max_width="100%"),
            )
            self.pickers.append(picker)
            rows.append(self._row(n, left, picker))
        self.box.children = tuple(rows)

    def _build_highlight(self) -> None:
        passage = self.q.text or ""
        self.refs = target_refs(passage)
        found = words(passage)
        self.toggles = []
        for i, (word, _ref) in enumerate(zip(found, self.refs, strict=True), start=1):
            toggle = widgets.ToggleButton(
                value=False,
                description=word,
                tooltip=f"Word {i} of {len(found)}: {word} (not picked)",
                layout=widgets.Layout(width="auto"),
            )
            toggle.observe(self._mark, names="value")
            self.toggles.append(toggle)
        words_box = widgets.Box(self.toggles, layout=widgets.Layout(flex_flow="row wrap"))
        words_box.add_class("medialit-words")
        self.box.children = (words_box,)

    @staticmethod
    def _mark(change: Mapping[str, Any]) -> None:
        """Show a pressed word by a tick and in its tooltip, not by colour alone."""
        toggle = change["owner"]
        toggle.icon = "check" if change["new"] else ""
        state = "picked" if change["new"] else "not picked"
        toggle.tooltip = toggle.tooltip.rsplit(" (", 1)[0] + f" ({state})"

    # -- reading and restoring ---------------------------------------------------------

    def response(self) -> Any:
        t = self.q.type
        if t == "single":
            return self.radio.value
        if t == "multiple":
            return [c.description for c in self.checks if c.value]
        if t in ("numeric", "text"):
            return self.entry.value
        if t == "classify":
            return {item.key: p.value for item, p in zip(self.items, self.pickers, strict=True)}
        if t == "match":
            return {left: p.value for left, p in zip(self.lefts, self.pickers, strict=True)}
        return [ref for ref, tog in zip(self.refs, self.toggles, strict=True) if tog.value]

    def restore(self, response: Any) -> None:
        """Put a stored response back; anything that no longer fits the question is skipped."""
        t = self.q.type
        try:
            if t == "single" and response in self.radio.options:
                self.radio.value = response
            elif t == "multiple" and isinstance(response, list):
                for c in self.checks:
                    c.value = c.description in response
            elif t in ("numeric", "text") and isinstance(response, str | int | float):
                self.entry.value = str(response)
            elif t in ("classify", "match") and isinstance(response, dict):
                keys = [i.key for i in self.items] if t == "classify" else self.lefts
                for k, picker in zip(keys, self.pickers, strict=True):
                    value = response.get(k)
                    if value in {v for v in _values(picker)}:
                        picker.value = value
            elif t == "highlight" and isinstance(response, list):
                for ref, tog in zip(self.refs, self.toggles, strict=True):
                    tog.value = ref in response
        except Exception:  # a stale stored answer must never stop the question showing
            return


def _values(picker: widgets.Widget) -> list[Any]:
    return [o[1] if isinstance(o, tuple) else o for o in picker.options]


class QuestionView(widgets.VBox):
    """One question: prompt, controls, Check / Hint / Explanation buttons, feedback."""

    def __init__(
        self,
        question: Question,
        lesson: str,
        *,
        learner: str,
        sink: AnswerSink,
        misconceptions: Mapping[str, Any] | None = None,
        number: int | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.lesson = lesson
        self.learner = learner
        self.sink = sink
        self.misconceptions = misconceptions or {}
        self.number = number
        self.verdict: Verdict | None = None
        for cls in question_classes(lesson, question):
            self.add_class(cls)

        title = f"Question {number}" if number else "Question"
        self.header = widgets.HTML(
            f"<p><strong>{html.escape(title)}</strong> · {html.escape(instructions(question))}</p>"
        )
        self.prompt = widgets.HTML(author_html(question.prompt))
        self.prompt.add_class("medialit-prompt")
        parts: list[widgets.Widget] = [self.header, self.prompt]
        if question.text and question.type != "highlight":
            passage = widgets.HTML(f"<blockquote>{html.escape(question.text)}</blockquote>")
            passage.add_class("medialit-passage")
            parts.append(passage)
        self.inputs = Inputs(question, (learner, lesson, question.id))
        parts.append(self.inputs.box)

        self.check_button = widgets.Button(
            description="Check answer",
            tooltip="Check your answer and see feedback",
            button_style="primary",
            icon="check",
        )
        self.check_button.on_click(lambda _b: self.submit())
        buttons = [self.check_button]
        self.hint_button = None
        self.hint = widgets.HTML("")
        if question.hint:
            self.hint_button = widgets.Button(description="Show hint", tooltip="Show a hint")
            self.hint_button.on_click(lambda _b: self.show_hint())
            buttons.append(self.hint_button)
        self.explain_button = widgets.Button(
            description="Show explanation",
            tooltip="Show the explanation (it gives the answer away)",
            layout=widgets.Layout(display="none"),
        )
        self.explain_button.on_click(lambda _b: self.show_explanation())
        buttons.append(self.explain_button)
        row = widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap"))
        self.feedback = widgets.HTML("")
        self.feedback.add_class("medialit-feedback-box")
        self.explanation = widgets.HTML("")
        self.status = widgets.Label("")
        parts += [row, self.hint, self.feedback, self.explanation, self.status]
        self.children = tuple(parts)
        make_keyboard_operable(self)
        self._restore()

    def __repr__(self) -> str:
        return f"<Quiz {self.lesson}/{self.question.id}: {self.question.type}>"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        bundle["text/html"] = static_html(self.lesson, self.question, self.number)
        return bundle

    # -- actions -----------------------------------------------------------------------

    def _attempts(self) -> int:
        try:
            return self.sink.attempt_count(self.learner, self.lesson, self.question.id)
        except Exception:
            return 0

    def _set_status(self, note: str = "") -> None:
        n = self._attempts()
        text = f"Attempts so far: {n}" if n else "Not answered yet"
        self.status.value = text + (f" · {note}" if note else "")

    def _restore(self) -> None:
        try:
            last = self.sink.last_attempt(self.learner, self.lesson, self.question.id)
        except Exception:
            last = None
        if last is not None:
            self.inputs.restore(last.response)
            verdict = check(self.question, last.response, self.misconceptions)
            if verdict.valid:
                self._show(verdict)
                self._set_status("your last answer is shown")
                return
        self._set_status()

    def submit(self) -> Verdict:
        try:
            response = self.inputs.response()
        except Exception:
            response = None
        if self.question.graded:  # judged by the class service, which keeps the key
            return self._submit_graded(response)
        verdict = check(self.question, response, self.misconceptions)
        if not verdict.valid:
            self.feedback.value = verdict_html(verdict)
            self._set_status("not counted: nothing to check yet")
            return verdict
        note = ""
        try:
            attempt = self._attempts() + 1
            self.sink.record(
                Attempt(
                    learner=self.learner,
                    lesson=self.lesson,
                    question=self.question.id,
                    response=response,
                    correct=verdict.correct,
                    score=verdict.score,
                    attempt=attempt,
                    misconception=verdict.misconception,
                    feedback=verdict.feedback,
                )
            )
        except Exception:
            note = "this answer could not be saved"
        self._show(verdict)
        self._set_status(note)
        return verdict

    def _submit_graded(self, response: Any) -> Verdict:
        from medialit.quiz.graded import graded_verdict

        verdict = graded_verdict(self.sink, self.learner, self.lesson, self.question.id, response)
        if verdict.valid:
            self._show(verdict)
        else:
            self.feedback.value = verdict_html(verdict)
        self._set_status("" if verdict.valid else "not counted")
        return verdict

    def _show(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self.feedback.value = verdict_html(verdict)
        if verdict.correct:
            self.show_explanation()
        else:
            self.explanation.value = ""
            self.explain_button.layout.display = None

    def show_hint(self) -> None:
        if self.question.hint:
            self.hint.value = (
                "<div class='medialit-hint'><p><strong>Hint</strong></p>"
                + author_html(self.question.hint)
                + "</div>"
            )

    def show_explanation(self) -> None:
        """Only after an answer: the explanation comes from the verdict, not the question."""
        if self.verdict is None or not self.verdict.valid:
            self.feedback.value = verdict_html(invalid("Answer the question first."))
            return
        self.explanation.value = explanation_html(self.verdict.explanation)
        self.explain_button.layout.display = "none"


class QuizView(widgets.VBox):
    """Several questions of one bank, under the bank's section titles."""

    def __init__(
        self,
        lesson: str,
        questions: list[Question],
        *,
        sections: Mapping[str, str],
        label: str,
        learner: str,
        sink: AnswerSink,
        misconceptions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.lesson = lesson
        self.label = label
        self.add_class("medialit-quiz-set")
        self.questions: list[QuestionView] = []
        children: list[widgets.Widget] = []
        current = None
        for n, q in enumerate(questions, start=1):
            if q.section != current and q.section in sections:
                current = q.section
                heading = widgets.HTML(f"<h3>{html.escape(sections[q.section])}</h3>")
                children.append(heading)
            view = QuestionView(
                q, lesson, learner=learner, sink=sink, misconceptions=misconceptions, number=n
            )
            self.questions.append(view)
            children.append(view)
        self.children = tuple(children)

    def __repr__(self) -> str:
        n = len(self.questions)
        return f"<Quiz {self.label}: {n} question{'s' if n != 1 else ''}>"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        bundle["text/html"] = "".join(
            static_html(self.lesson, v.question, v.number) for v in self.questions
        )
        return bundle

    def question(self, question_id: str) -> QuestionView:
        for view in self.questions:
            if view.question.id == question_id:
                return view
        raise KeyError(question_id)


__all__ = ["Inputs", "QuestionView", "QuizView"]
