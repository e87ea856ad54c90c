"""The name picker and the progress panel, driven the way a learner would (button clicks)."""

from __future__ import annotations

from pathlib import Path

from progress_helpers import make_attempt

from medialit.progress.chart import progress_chart
from medialit.progress.sink import current_learner, current_sink, set_sink
from medialit.progress.summary import lesson_progress
from medialit.progress.widgets import name_picker, progress_html, progress_widget

TOTALS = {"01-provenance": ("Where it comes from", 3), "02-claims": ("Claims", 2)}


def _parts(picker):
    row, status = picker.children
    box, button = row.children
    return box, button, status


def test_name_picker_saves_the_name(data_dir: Path, monkeypatch) -> None:
    monkeypatch.delenv("MEDIALIT_LEARNER")
    box, button, status = _parts(name_picker())
    assert box.description == "Your name" and button.description == "Save name"
    box.value = "  Mina   K. "
    button.click()
    assert "Mina K." in status.value and "Saved" in status.value
    set_sink(None)  # the next notebook
    assert current_learner() == "Mina K."
    box, _, _ = _parts(name_picker())
    assert box.value == "Mina K."


def test_name_picker_refuses_an_empty_name(data_dir: Path, monkeypatch) -> None:
    monkeypatch.delenv("MEDIALIT_LEARNER")
    box, button, status = _parts(name_picker())
    box.value = "   "
    button.click()
    assert "role='alert'" in status.value and "Not saved" in status.value
    assert current_sink().learner_name() is None


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
    refresh, panel = widget.children
    current_sink().record(make_attempt("q2", lesson="02-claims"))
    refresh.click()
    assert "<td>2 of 2</td>" in panel.value


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
