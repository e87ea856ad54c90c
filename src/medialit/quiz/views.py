"""Quiz views as anywidget components: the browser shows, Python judges.

A :class:`QuestionView` sends the browser only what a learner may see before
answering (:func:`question_spec`: prompt, options, items, words) and, after an
answer, the feedback. The browser sends back ``{"type": "check", "response": ...}``
with the response read from the controls at the moment "Check answer" is pressed
(or Enter in a text box), so what is graded is always what is on screen. The
answer key never leaves Python: :func:`medialit.quiz.check.check` judges here.

The ES module and its CSS are files of this package (``static/quiz.js``,
``static/quiz.css``): no build step and no Jupyter extension, and no dependence on
trusted output. Tests drive a view without a browser through :meth:`QuestionView.submit`
or by handing its message handler the message the browser would send.
"""

from __future__ import annotations

import html
import pathlib
import re
from collections.abc import Callable, Mapping
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from medialit import components
from medialit.content.quizbank import WORD, Question, target_refs
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

STATIC = pathlib.Path(__file__).parent / "static"
PLACEHOLDER = "Choose…"
# Option order is the same for every learner, so choosing a name after a quiz was
# shown (lesson 0) never reshuffles it.
ORDER_SEED = "course"


def legend_html(markdown: str) -> str:
    """Author markdown as phrasing content for a ``<legend>``: paragraphs become blocks."""
    rendered = author_html(markdown)
    rendered = re.sub(r"<p>", "<span class='medialit-para'>", rendered)
    return re.sub(r"</p>", "</span>", rendered)


def passage_segments(passage: str) -> list[dict[str, str]]:
    """A highlight passage as runs of plain text and selectable words (``ref`` = ``word#n``)."""
    refs = target_refs(passage)
    out: list[dict[str, str]] = []
    at = 0
    for match, ref in zip(WORD.finditer(passage), refs, strict=True):
        if match.start() > at:
            out.append({"text": passage[at : match.start()]})
        out.append({"text": match.group(), "ref": ref})
        at = match.end()
    if at < len(passage):
        out.append({"text": passage[at:]})
    return out


def order(question: Question, items: list[Any]) -> list[Any]:
    return shuffled(items, ORDER_SEED, "", question.id) if question.shuffle else list(items)


def question_spec(lesson: str, question: Question, number: int | None = None) -> dict[str, Any]:
    """Everything the browser gets before an answer: what a printed quiz would show."""
    q = question
    spec: dict[str, Any] = {
        "type": q.type,
        "title": f"Question {number}" if number else "Question",
        "instructions": instructions(q),
        "prompt": legend_html(q.prompt),
        "passage": q.text if q.text and q.type != "highlight" else "",
        "has_hint": bool(q.hint),
        "placeholder": PLACEHOLDER,
    }
    if q.type in ("single", "multiple"):
        spec["options"] = order(q, [o.text for o in q.options])
    elif q.type in ("numeric", "text"):
        unit = getattr(q, "unit", None) or ""
        spec["unit"] = unit
        example = "42" + (" %" if unit == "%" else f" {unit}" if unit else "")
        spec["placeholder"] = f"e.g. {example}" if q.type == "numeric" else "Type your answer"
    elif q.type == "classify":
        spec["categories"] = list(q.categories)
        spec["items"] = [{"key": i.key, "label": i.label} for i in order(q, list(q.items))]
    elif q.type == "match":
        spec["choices"] = order(q, q.right_choices)
        spec["items"] = [{"key": p.left, "label": p.left} for p in order(q, list(q.pairs))]
    elif q.type == "highlight":
        spec["segments"] = passage_segments(q.text or "")
    return spec


def _row_keys(spec: Mapping[str, Any]) -> list[str]:
    """The keys of the rows the learner sees, in screen order (for numbered feedback)."""
    if spec["type"] in ("classify", "match"):
        return [item["key"] for item in spec["items"]]
    if spec["type"] == "highlight":
        return [s["ref"] for s in spec["segments"] if "ref" in s]
    return list(spec.get("options", []))


class QuestionView(anywidget.AnyWidget):
    """One question as a component: a fieldset whose legend is the prompt."""

    _esm = components.module(STATIC / "quiz.js")
    _css = components.style(STATIC / "quiz.css")

    spec = traitlets.Dict().tag(sync=True)
    classes = traitlets.List(traitlets.Unicode()).tag(sync=True)
    response = traitlets.Any(None, allow_none=True).tag(sync=True)  # last answer, restored
    feedback = traitlets.Unicode("").tag(sync=True)
    state = traitlets.Unicode("").tag(sync=True)  # "", correct, retry, invalid
    marks = traitlets.Dict().tag(sync=True)  # row key -> True/False after a check
    explanation = traitlets.Unicode("").tag(sync=True)
    can_explain = traitlets.Bool(False).tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    checked = traitlets.Int(0).tag(sync=True)  # number of checks answered, for the browser

    def __init__(
        self,
        question: Question,
        lesson: str,
        *,
        learner: str | Callable[[], str] | None = None,
        sink: AnswerSink,
        misconceptions: Mapping[str, Any] | None = None,
        number: int | None = None,
    ) -> None:
        spec = question_spec(lesson, question, number)
        super().__init__(spec=spec, classes=question_classes(lesson, question))
        self.question = question
        self.lesson = lesson
        self._learner = learner
        self.sink = sink
        self.misconceptions = misconceptions or {}
        self.number = number
        self.verdict: Verdict | None = None
        self.on_msg(self._on_message)
        self._restore()

    # -- identity ----------------------------------------------------------------------

    @property
    def learner(self) -> str:
        """Read when it is needed (an answer is recorded or restored), never kept."""
        if callable(self._learner):
            return self._learner()
        if self._learner:
            return self._learner
        from medialit.progress.sink import current_learner

        return current_learner()

    # -- what notebooks store --------------------------------------------------------

    def __repr__(self) -> str:
        return f"<Quiz {self.lesson}/{self.question.id}: {self.question.type}>"

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        data, meta = bundle if isinstance(bundle, tuple) else (bundle or {}, {})
        data = dict(data)
        data["text/plain"] = repr(self)
        data["text/html"] = static_html(self.lesson, self.question, self.number)
        return data, meta

    # -- messages from the browser ---------------------------------------------------

    def _on_message(self, _widget: Any, content: Any, _buffers: Any = None) -> None:
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "check":
            self.submit(content.get("response"))
        elif kind == "hint":
            self.show_hint()
        elif kind == "explain":
            self.show_explanation()

    # -- actions ---------------------------------------------------------------------

    def _attempts(self, learner: str) -> int:
        try:
            return self.sink.attempt_count(learner, self.lesson, self.question.id)
        except Exception:
            return 0

    def _set_status(self, learner: str, note: str = "") -> None:
        n = self._attempts(learner)
        text = f"Attempts so far: {n}" if n else "Not answered yet"
        self.status = text + (f" · {note}" if note else "")

    def _restore(self) -> None:
        learner = self.learner
        try:
            last = self.sink.last_attempt(learner, self.lesson, self.question.id)
        except Exception:
            last = None
        if last is not None:
            verdict = check(self.question, last.response, self.misconceptions)
            if verdict.valid:
                self.response = last.response
                self._show(verdict)
                self._set_status(learner, "your last answer is shown")
                return
        self._set_status(learner)

    def submit(self, response: Any) -> Verdict:
        """Judge ``response`` (as the browser sends it), record it, show the verdict."""
        if self.question.graded:  # judged by the class service, which keeps the key
            return self._submit_graded(response)
        verdict = check(self.question, response, self.misconceptions)
        learner = self.learner
        if not verdict.valid:
            self.feedback = verdict_html(verdict)
            self.state = "invalid"
            self.marks = {}
            self._set_status(learner, "not counted: nothing to check yet")
            self.checked += 1
            return verdict
        note = ""
        try:
            attempt = self._attempts(learner) + 1
            self.sink.record(
                Attempt(
                    learner=learner,
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
        self.response = response
        self._show(verdict)
        self._set_status(learner, note)
        self.checked += 1
        return verdict

    def _submit_graded(self, response: Any) -> Verdict:
        from medialit.quiz.graded import graded_verdict

        learner = self.learner
        verdict = graded_verdict(self.sink, learner, self.lesson, self.question.id, response)
        if verdict.valid:
            self.response = response
            self._show(verdict)
        else:
            self.feedback = verdict_html(verdict)
            self.state = "invalid"
        self._set_status(learner, "" if verdict.valid else "not counted")
        self.checked += 1
        return verdict

    def _show(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self.feedback = verdict_html(
            verdict,
            order=self._detail_order(verdict),
            numbered=self.question.type == "classify",  # match items often carry numbers
        )
        self.state = "correct" if verdict.correct else "retry"
        self.marks = self._marks(verdict)
        if verdict.correct:
            self.show_explanation()
        else:
            self.explanation = ""
            self.can_explain = True

    def _marks(self, verdict: Verdict) -> dict[str, bool]:
        """✓/✗ per row the learner sees, keyed as the browser keys its rows."""
        q = self.question
        if q.type == "classify":
            labels = {i.label: i.key for i in q.items}
        elif q.type == "match":
            labels = {p.left: p.left for p in q.pairs}
        elif q.type == "highlight":
            labels = {_display(q, r): r for r in _row_keys(self.spec)}
        else:
            return {}
        return {labels[d.label]: d.ok for d in verdict.details if d.label in labels}

    def _detail_order(self, verdict: Verdict) -> list[str]:
        """Detail labels in the order the rows stand on screen."""
        q = self.question
        keys = _row_keys(self.spec)
        if q.type == "classify":
            label_of = {i.key: i.label for i in q.items}
            return [label_of[k] for k in keys]
        if q.type == "highlight":
            return [_display(q, k) for k in keys]
        return keys

    def show_hint(self) -> None:
        if self.question.hint:
            self.hint = (
                "<div class='medialit-hint'><p><strong>Hint</strong></p>"
                + author_html(self.question.hint)
                + "</div>"
            )

    def show_explanation(self) -> None:
        """Only after an answer: the explanation comes from the verdict, not the question."""
        if self.verdict is None or not self.verdict.valid:
            self.feedback = verdict_html(invalid("Answer the question first."))
            self.state = "invalid"
            return
        self.explanation = explanation_html(self.verdict.explanation)
        self.can_explain = False


def _display(question: Question, ref: str) -> str:
    """A highlight word as the passage writes it (``Monday``, ``10,000``), for feedback."""
    from medialit.quiz.check import word_label

    return word_label(question, ref)


class QuizView(widgets.VBox):
    """Several questions of one bank, under the bank's section titles."""

    def __init__(
        self,
        lesson: str,
        questions: list[Question],
        *,
        sections: Mapping[str, str],
        label: str,
        learner: str | Callable[[], str] | None = None,
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

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, None)
        data = dict(data)
        data["text/plain"] = repr(self)
        data["text/html"] = "".join(
            static_html(self.lesson, v.question, v.number) for v in self.questions
        )
        return (data, meta) if meta is not None else data

    def question(self, question_id: str) -> QuestionView:
        for view in self.questions:
            if view.question.id == question_id:
                return view
        raise KeyError(question_id)


__all__ = ["QuestionView", "QuizView", "legend_html", "passage_segments", "question_spec"]
