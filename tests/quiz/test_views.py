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
    bundle = everything._repr_mimebundle_()
    text += _NOISE.sub("<id>", "\n".join(str(v) for v in bundle.values()))
    for secret in secrets():
        assert secret not in text, secret
    assert "correct" not in " ".join(
        c for w in tree(everything) for c in [*getattr(w, "_dom_classes", ()),
                                              *getattr(w, "classes", ())]
    )
    assert not re.search(r"\bid=", everything._repr_mimebundle_()["text/html"])


def send(view: QuestionView, response) -> None:
    """What the browser does when "Check answer" is pressed: one custom message."""
    view._handle_custom_msg({"type": "check", "response": response}, [])


def test_repr_and_classes_are_stable(view) -> None:
    v = view("find-hedges")
    assert repr(v) == "<Quiz types/find-hedges: highlight>"
    data, _ = v._repr_mimebundle_()
    assert data["text/plain"] == "<Quiz types/find-hedges: highlight>"
    assert "medialit-q-types-find-hedges" in v.classes
    assert data["text/html"] == view("find-hedges")._repr_mimebundle_()[0]["text/html"]


def test_component_ships_its_module_and_css() -> None:
    from medialit.quiz.views import STATIC

    assert (STATIC / "quiz.js").read_text(encoding="utf-8").count("export default") == 1
    assert ".medialit-component" in (STATIC / "quiz.css").read_text(encoding="utf-8")
    assert "export default" in str(QuestionView._esm)  # the module's text, from the package


def test_wrong_then_right_single(view, sink) -> None:
    v = view("pick-one")
    assert set(v.spec["options"]) == {
        "Officials said the bridge was closed", "The bridge was closed",
        "The bridge is closed, obviously",
    }
    send(v, "The bridge was closed")
    assert "✗ Not yet" in v.feedback
    assert "nobody is named here" in v.feedback
    assert v.explanation == "" and v.can_explain  # offered, not forced
    assert v.status == "Attempts so far: 1" and v.state == "retry"
    [first] = sink.attempts
    assert (first.learner, first.lesson, first.question, first.attempt) == (
        "ann",
        "types",
        "pick-one",
        1,
    )
    assert first.misconception == "attribution-as-proof" and not first.correct
    v._handle_custom_msg({"type": "explain"}, [])
    assert "names its speaker" in v.explanation
    send(v, "Officials said the bridge was closed")
    assert "✓ Correct" in v.feedback and v.state == "correct"
    assert "names its speaker" in v.explanation
    assert [a.attempt for a in sink.attempts] == [1, 2]
    assert v.response == "Officials said the bridge was closed"  # a new view shows it


def test_graded_value_is_the_one_sent(view, sink) -> None:
    """The browser sends what is on screen with the check; no earlier value is graded."""
    v = view("wire-name")
    send(v, "The Daily Lantern")
    send(v, "Quillfeather")
    assert [a.response for a in sink.attempts] == ["The Daily Lantern", "Quillfeather"]
    assert "✓ Correct" in v.feedback


def test_hint_on_request(view) -> None:
    v = view("pick-one")
    assert v.spec["has_hint"] and v.hint == ""
    v._handle_custom_msg({"type": "hint"}, [])
    assert "named speaker" in v.hint


def test_unreadable_input_is_not_counted(view, sink) -> None:
    v = view("count-days")
    send(v, "")
    send(v, "four thousand")
    assert "⚠" in v.feedback and "not a number" in v.feedback
    assert sink.attempts == []
    assert "not counted" in v.status and v.state == "invalid"
    send(v, "4,321 days")
    assert "✓ Correct" in v.feedback
    assert sink.attempts[0].response == "4,321 days"


def test_learner_text_is_escaped(view) -> None:
    v = view("wire-name")
    send(v, "<script>alert(1)</script>")
    assert "<script>" not in v.feedback
    assert "&lt;script&gt;" in v.feedback


def test_multiple_classify_match_and_highlight(view, sink) -> None:
    m = view("pick-many")
    send(m, ["likely", "confirmed"])
    assert "Partly right" not in m.feedback  # (1 - 1) / 2 = 0
    assert "confirmed" in m.feedback and "✗" in m.feedback

    c = view("sort-kinds")
    answers = {
        "The river rose two metres on Tuesday.": "fact claim",
        "The mayor handled the flood badly.": "fact claim",
        "The river will rise again next week.": "prediction",
    }
    shown = [item["label"] for item in c.spec["items"]]
    assert not any(label.startswith("Item") for label in shown)
    send(c, {item["key"]: answers[item["label"]] for item in c.spec["items"]})
    assert "◐ Partly right (67%)" in c.feedback
    assert "handled badly is a judgement" in c.feedback
    # Feedback is numbered in the order the items stand on screen, with a mark per row.
    listed = re.findall(r"<li>[✓✗] <em>([^<]*)</em>", c.feedback)
    assert listed == shown and "<ol class='medialit-details'>" in c.feedback
    assert c.marks == {
        item["key"]: not item["label"].startswith("The mayor") for item in c.spec["items"]
    }

    h = view("find-hedges")
    assert [s["text"] for s in h.spec["segments"] if "ref" in s][:2] == ["Officials", "believe"]
    send(h, ["believe#1", "likely#1", "may#1"])
    assert "✓ Correct" in h.feedback
    assert sink.attempts[-1].response == ["believe#1", "likely#1", "may#1"]
    assert h.marks == {"believe#1": True, "likely#1": True, "may#1": True}
    send(h, ["officials#1", "believe#1"])
    assert "“Officials”" in h.feedback  # as the passage writes it, not lower-cased
    assert h.marks == {"officials#1": False, "believe#1": True}

    w = view("who-said")
    assert w.spec["placeholder"] == "Choose…"
    assert sorted(w.spec["choices"]) == [
        "Ambrose Kettleworth", "Basilio Quennell", "Oriel Vantongeren"]
    send(w, {item["key"]: "Oriel Vantongeren" for item in w.spec["items"]})
    assert "1 of 2 matched" in w.feedback
    assert "<ul class='medialit-details'>" in w.feedback  # left items may carry numbers
    assert sorted(w.marks.values()) == [False, True]
    assert not re.search(r"<strong>\d+\.</strong>", str(w.spec))  # numbered once, by the view


def test_last_answer_is_restored(bank) -> None:
    sink = MemorySink()
    response = {
        "“the water will fall”": "Oriel Vantongeren",
        "“we were not warned”": "Basilio Quennell",
    }
    sink.record(Attempt("ann", "types", "who-said", response, True, 1.0, 1))
    v = QuestionView(bank.question("who-said"), "types", learner="ann", sink=sink)
    assert v.response == response
    assert "✓ Correct" in v.feedback
    assert "Attempts so far: 1" in v.status
    stale = MemorySink()
    stale.record(Attempt("ann", "types", "who-said", ["not", "a", "dict"], False, 0.0, 1))
    fresh = QuestionView(bank.question("who-said"), "types", learner="ann", sink=stale)
    assert fresh.feedback == "" and fresh.response is None


def test_learner_is_read_when_an_answer_is_recorded(bank, sink, monkeypatch) -> None:
    """Lesson 0 shows questions before the name is chosen: the answer goes to the name
    chosen by the time it is given."""
    monkeypatch.setenv("MEDIALIT_LEARNER", "")
    from medialit.progress.sink import set_sink

    set_sink(sink)
    v = QuestionView(bank.question("pick-one"), "types", sink=sink)
    monkeypatch.setenv("MEDIALIT_LEARNER", "Sam K.")
    send(v, "The bridge was closed")
    assert sink.attempts[-1].learner == "Sam K."


def test_order_is_the_same_for_every_learner_and_run(bank, sink) -> None:
    views = [
        QuestionView(bank.question("pick-many"), "types", learner=n, sink=sink)
        for n in ("ann", "ann", "bob")
    ]
    assert views[0].spec == views[1].spec == views[2].spec


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
    assert "A prompt changed by the test" in again.spec["prompt"]
