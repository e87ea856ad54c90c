"""The name picker and the progress panel, driven the way a learner would (button clicks)."""

from __future__ import annotations

from pathlib import Path

from progress_helpers import make_attempt

from medialit.progress.chart import progress_chart
from medialit.progress.sink import current_learner, current_sink, set_sink
from medialit.progress.summary import lesson_progress
from medialit.progress.widgets import name_picker, progress_html, progress_widget

TOTALS = {"01-provenance": ("Where it comes from", 3), "02-claims": ("Claims", 2)}


def save(picker, typed: str) -> None:
    """What the browser sends when Save name (or Enter) is pressed."""
    picker._handle_custom_msg({"type": "save", "name": typed}, [])


def test_name_picker_saves_the_name(data_dir: Path, monkeypatch) -> None:
    monkeypatch.delenv("MEDIALIT_LEARNER")
    picker = name_picker()
    save(picker, "  Mina   K. ")
    assert "Mina K." in picker.status and "Saved" in picker.status
    set_sink(None)  # the next notebook
    assert current_learner() == "Mina K."
    assert name_picker().value == "Mina K."


def test_name_picker_refuses_an_empty_name(data_dir: Path, monkeypatch) -> None:
    monkeypatch.delenv("MEDIALIT_LEARNER")
    picker = name_picker()
    save(picker, "   ")
    assert "role='alert'" in picker.status and "Not saved" in picker.status
    assert current_sink().learner_name() is None


def test_answers_before_the_name_are_carried_over_once(data_dir: Path, monkeypatch) -> None:
    """Lesson 0: questions answered before the name was saved end up under that name."""
    from medialit.progress.sink import DEFAULT_LEARNER
    from medialit.progress.summary import lesson_progress
    from medialit.quiz import quiz

    monkeypatch.delenv("MEDIALIT_LEARNER")
    course = Path(__file__).resolve().parents[1] / "quiz" / "fixtures" / "course"
    bank = course / "lessons" / "types" / "quiz.yaml"
    shown = quiz(str(bank))  # built before any name exists
    one = shown.question("pick-one")
    one._handle_custom_msg({"type": "check", "response": "The bridge was closed"}, [])
    assert current_sink().attempts()[-1].learner == DEFAULT_LEARNER
    picker = name_picker()
    save(picker, "Sam K.")
    assert "1 answer you gave before choosing a name was moved to Sam K." in picker.status
    # The same quiz, still on screen, now records under the new name.
    one._handle_custom_msg(
        {"type": "check", "response": "Officials said the bridge was closed"}, []
    )
    mine = current_sink().attempts("Sam K.")
    assert [a.attempt for a in mine] == [1, 2]
    assert current_sink().attempts(DEFAULT_LEARNER) == []
    progress = lesson_progress(mine, {"types": ("Types", 8)})
    assert (progress[0].answered, progress[0].right) == (1, 1)
    # Re-running the quiz shows the answer and the same order.
    again = quiz(str(bank)).question("pick-one")
    assert "last answer" in again.status and again.spec == one.spec
    # Only once: a later answer under the default name is not moved by a new name.
    current_sink().record(make_attempt("q9", lesson="types", learner=DEFAULT_LEARNER))
    save(picker, "Sam Kay")
    assert "moved" not in picker.status
    assert len(current_sink().attempts(DEFAULT_LEARNER)) == 1


def test_lesson_progress_counts_latest_answers() -> None:
    attempts = [
        make_attempt("q1", lesson="01-provenance", correct=False),
        make_attempt("q1", lesson="01-provenance", correct=True, attempt=2, minutes=1),
        make_attempt("q2", lesson="01-provenance", correct=False),
        make_attempt("x", lesson="99-extra"),
    ]
    progress = lesson_progress(attempts, TOTALS)
    assert [(p.lesson, p.total, p.answered, p.right) for p in progress] == [
        ("01-provenance", 3, 2, 1), ("02-claims", 2, 0, 0), ("99-extra", 1, 1, 1),
    ]
    chart = progress_chart(progress)
    assert "Where it comes from: 2 of 3 answered, 1 right" in chart.alt
    hatches = {patch.get_hatch() for patch in chart.figure.axes[0].patches}
    assert {str(h or "") for h in hatches} == {"//", ""}  # not colour alone


def test_progress_panel_shows_numbers_and_alt_text(data_dir: Path) -> None:
    current_sink().record(make_attempt("q1", lesson="02-claims"))
    html = progress_html(TOTALS)
    assert "<th scope='row'>Claims</th><td>1 of 2</td><td>1</td>" in html
    assert "alt='Bar chart of your progress." in html
    widget = progress_widget(TOTALS)
    current_sink().record(make_attempt("q2", lesson="02-claims"))
    widget._handle_custom_msg({"type": "refresh"}, [])
    assert "<td>2 of 2</td>" in widget.html


def test_course_totals_come_from_the_course(monkeypatch) -> None:
    from types import SimpleNamespace

    import medialit.content
    from medialit.progress.summary import course_totals

    def lesson(lid: str, title: str, n: int | None) -> SimpleNamespace:
        quiz = None if n is None else SimpleNamespace(questions=list(range(n)))
        return SimpleNamespace(id=lid, title=title, quiz=quiz)

    fake = SimpleNamespace(lessons=[lesson("00-start-here", "Start", None),
                                    lesson("01-provenance", "Provenance", 4)])
    monkeypatch.setattr(medialit.content, "current_course", lambda: fake)
    assert course_totals() == {"00-start-here": ("Start", 0), "01-provenance": ("Provenance", 4)}
