"""The widget views, driven the way a learner would, without a browser."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest
import yaml
from quiz_helpers import BANK, long_texts

from medialit.progress.attempts import Attempt, MemorySink
from medialit.quiz import quiz
from medialit.quiz.display import QuizProblem
from medialit.quiz.views import QuestionView

TEACHER = yaml.safe_load(BANK.read_text(encoding="utf-8"))


def tree(widget: widgets.Widget) -> list[widgets.Widget]:
    found = [widget]
    for name in widget.trait_names():
        value = getattr(widget, name, None)
        values = value if isinstance(value, list | tuple) else [value]
        for child in values:
            if isinstance(child, widgets.Widget) and child not in found:
                found += [w for w in tree(child) if w not in found]
    return found


# Random widget model ids and memory addresses can contain a numeric answer's digits
# by chance ("4321" inside a uuid); they are not content, so they are blanked first.
_NOISE = re.compile(r"IPY_MODEL_[0-9a-f]{32}|\b[0-9a-f]{32}\b|0x[0-9a-f]+")


def strings(widget: widgets.Widget) -> str:
    """Every trait of every widget in the tree, and its synced state, as one text."""
    parts: list[str] = []
    for w in tree(widget):
        parts.append(repr(w.get_state()))
        for name in w.trait_names():
            parts.append(repr(getattr(w, name, None)))
    return _NOISE.sub("<id>", "\n".join(parts))


def secrets() -> list[str]:
    """Every string of the teacher's bank that a learner must not see before answering."""
    found = [text[:40] for text in long_texts(TEACHER)]
    for q in TEACHER["questions"]:
        found += q.get("accepted", [])
        if q["type"] == "numeric":
            found += [str(x) for x in ([q["answer"]] if "answer" in q else q["range"])]
    return found


@pytest.fixture
def view(bank, sink):
    def make(qid: str, learner: str = "ann") -> QuestionView:
        return QuestionView(bank.question(qid), bank.lesson, learner=learner, sink=sink)

    return make


@pytest.mark.parametrize("edition", ["teacher", "sealed"])
def test_no_answer_key_in_any_trait_before_answering(edition, released, sink) -> None:
    path = BANK if edition == "teacher" else released / "lessons" / "types" / "quiz.yaml"
    everything = quiz(str(path), sink=sink)
    assert len(everything.questions) == 8
    text = strings(everything)
    text += _NOISE.sub("<id>", "\n".join(str(v) for v in everything._repr_mimebundle_().values()))
    for secret in secrets():
        assert secret not in text, secret
    assert "correct" not in " ".join(
        c for w in tree(everything) for c in getattr(w, "_dom_classes", ())
    )
    assert not re.search(r"\bid=", everything._repr_mimebundle_()["text/html"])


def test_repr_and_classes_are_stable(view) -> None:
    v = view("find-hedges")
    assert repr(v) == "<Quiz types/find-hedges: highlight>"
    assert v._repr_mimebundle_()["text/plain"] == "<Quiz types/find-hedges: highlight>"
    assert "medialit-q-types-find-hedges" in v._dom_classes
    assert (
        v._repr_mimebundle_()["text/html"] == view("find-hedges")._repr_mimebundle_()["text/html"]
    )


def test_wrong_then_right_single(view, sink) -> None:
    v = view("pick-one")
    v.inputs.radio.value = "The bridge was closed"
    v.check_button.click()
    assert "✗ Not yet" in v.feedback.value
    assert "nobody is named here" in v.feedback.value
    assert v.explanation.value == ""
    assert v.explain_button.layout.display is None  # offered, not forced
    assert v.status.value == "Attempts so far: 1"
    [first] = sink.attempts
    assert (first.learner, first.lesson, first.question, first.attempt) == (
        "ann",
        "types",
        "pick-one",
        1,
    )
    assert first.misconception == "attribution-as-proof" and not first.correct
    v.explain_button.click()
    assert "names its speaker" in v.explanation.value
    v.inputs.radio.value = "Officials said the bridge was closed"
    v.check_button.click()
    assert "✓ Correct" in v.feedback.value
    assert "names its speaker" in v.explanation.value
    assert [a.attempt for a in sink.attempts] == [1, 2]


def test_unreadable_input_is_not_counted(view, sink) -> None:
    v = view("count-days")
    v.check_button.click()
    v.inputs.entry.value = "four thousand"
    v.check_button.click()
    assert "⚠" in v.feedback.value and "not a number" in v.feedback.value
    assert sink.attempts == []
    assert "not counted" in v.status.value
    v.inputs.entry.value = "4,321 days"
    v.check_button.click()
    assert "✓ Correct" in v.feedback.value
    assert sink.attempts[0].response == "4,321 days"


def test_learner_text_is_escaped(view) -> None:
    v = view("wire-name")
    v.inputs.entry.value = "<script>alert(1)</script>"
    v.check_button.click()
    assert "<script>" not in v.feedback.value
    assert "&lt;script&gt;" in v.feedback.value


def test_multiple_classify_match_and_highlight_by_clicking(view, sink) -> None:
    m = view("pick-many")
    for box in m.inputs.checks:
        box.value = box.description in ("likely", "confirmed")
    m.check_button.click()
    assert "Partly right" not in m.feedback.value  # (1 - 1) / 2 = 0
    assert "confirmed" in m.feedback.value and "✗" in m.feedback.value

    c = view("sort-kinds")
    answers = {
        "The river rose two metres on Tuesday.": "fact claim",
        "The mayor handled the flood badly.": "fact claim",
        "The river will rise again next week.": "prediction",
    }
    for item, picker in zip(c.inputs.items, c.inputs.pickers, strict=True):
        picker.value = answers[item.label]
    c.check_button.click()
    assert "◐ Partly right (67%)" in c.feedback.value
    assert "handled badly is a judgement" in c.feedback.value

    h = view("find-hedges")
    for toggle in h.inputs.toggles:
        toggle.value = toggle.description in ("believe", "likely", "may")
    assert {t.icon for t in h.inputs.toggles if t.value} == {"check"}
    assert all("(picked)" in t.tooltip for t in h.inputs.toggles if t.value)
    h.check_button.click()
    assert "✓ Correct" in h.feedback.value
    assert sink.attempts[-1].response == ["believe#1", "likely#1", "may#1"]

    w = view("who-said")
    for picker in w.inputs.pickers:
        picker.value = "Oriel Vantongeren"
    w.check_button.click()
    assert "1 of 2 matched" in w.feedback.value


def test_last_answer_is_restored(bank) -> None:
    sink = MemorySink()
    response = {
        "“the water will fall”": "Oriel Vantongeren",
        "“we were not warned”": "Basilio Quennell",
    }
    sink.record(Attempt("ann", "types", "who-said", response, True, 1.0, 1))
    v = QuestionView(bank.question("who-said"), "types", learner="ann", sink=sink)
    assert [p.value for p in v.inputs.pickers] == [response[x] for x in v.inputs.lefts]
    assert "✓ Correct" in v.feedback.value
    assert "Attempts so far: 1" in v.status.value
    stale = MemorySink()
    stale.record(Attempt("ann", "types", "who-said", ["not", "a", "dict"], False, 0.0, 1))
    fresh = QuestionView(bank.question("who-said"), "types", learner="ann", sink=stale)
    assert fresh.feedback.value == ""


def test_controls_are_labelled(bank, sink) -> None:
    everything = quiz(str(BANK), sink=sink)
    for w in tree(everything):
        if isinstance(w, widgets.Button | widgets.ToggleButton | widgets.Checkbox):
            assert w.description.strip()
        if isinstance(
            w, widgets.RadioButtons | widgets.ToggleButtons | widgets.Dropdown | widgets.Text
        ):
            assert w.description.strip()


def test_order_depends_on_learner_not_on_run(bank, sink) -> None:
    a = [
        QuestionView(bank.question("pick-many"), "types", learner=n, sink=sink)
        for n in ("ann", "ann")
    ]
    assert [c.description for c in a[0].inputs.checks] == [
        c.description for c in a[1].inputs.checks
    ]


def test_problems_are_messages_not_tracebacks(tmp_path, sink) -> None:
    missing = quiz(str(BANK), "no-such-question", sink=sink)
    assert isinstance(missing, QuizProblem) and "no-such-question" in repr(missing)
    broken = tmp_path / "lessons" / "types" / "quiz.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("lesson: types\nquestions: []\n", encoding="utf-8")
    shown = quiz(str(broken), sink=sink)
    assert isinstance(shown, QuizProblem)
    assert "lessons/types/quiz.yaml: questions" in shown._repr_html_()
    assert repr(quiz(str(BANK), section="typing", sink=sink)) == "<Quiz types/typing: 3 questions>"
    assert isinstance(quiz(str(BANK), section="nowhere", sink=sink), QuizProblem)


def test_course_quiz_reloads_when_a_bank_changes(tmp_path, sink) -> None:
    import shutil
    from pathlib import Path

    from medialit.content import ContentError, load_course

    checkout = Path(__file__).resolve().parents[2]
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy2(checkout / "course.yaml", course / "course.yaml")
    for folder in ("data", "lessons"):
        shutil.copytree(checkout / folder, course / folder)
    try:
        bank = load_course(course).lessons[0].quiz
    except ContentError as error:
        pytest.skip(f"the course does not load yet: {error.problems[0]}")
    first = bank.questions[0]
    lesson = bank.lesson
    shown = quiz(lesson, first.id, root=course, sink=sink)
    assert repr(shown) == f"<Quiz {lesson}/{first.id}: {first.type}>"
    path = course / "lessons" / lesson / "quiz.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"][0]["prompt"] = "A prompt changed by the test"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    again = quiz(lesson, first.id, root=course, sink=sink)
    assert "A prompt changed by the test" in again.prompt.value
