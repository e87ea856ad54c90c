"""Every course notebook, run in JupyterLab as a learner runs it.

For each notebook (found by globbing ``notebooks/*.ipynb``, so a new one is covered
without editing this file), in order and on one open notebook:

1. Kernel > Restart Kernel and Run All Cells: every code cell runs, none shows an
   error, a traceback or anything on stderr, and no quiz shows a "cannot be shown"
   message;
2. every question the notebook asks (its ``quiz(...)`` calls) is a live widget;
3. a single-choice question answered wrong shows the targeted feedback for that
   option, answered right shows the explanation;
4. after Kernel > Restart Kernel and Run up to Selected Cell (the question's cell),
   that question shows the saved answer.
"""

from __future__ import annotations

import pytest
from browser_course import expected_questions, first_single_choice, plain, quiz_class
from browser_lab import QuizDriver, RanNotebook

pytestmark = pytest.mark.browser


def test_runs_without_errors(ran: RanNotebook):
    problems = ran.notebook.problems()
    assert problems == [], f"{ran.path.name} after Restart and Run All:\n" + "\n".join(problems)
    assert ran.notebook.dialogs == []
    print(f"{ran.path.name}: Restart and Run All took {ran.seconds:.1f} s")


def test_every_image_has_alt_text(ran: RanNotebook):
    """Figures carry real alt text ("Image" is JupyterLab's stand-in for a missing one)."""
    images = ran.notebook.page.locator(".jp-OutputArea-output img")
    missing = [
        images.nth(i).evaluate("e => e.outerHTML.slice(0, 120)")
        for i in range(images.count())
        if (images.nth(i).get_attribute("alt") or "").strip() in ("", "Image")
    ]
    assert missing == []


def test_every_quiz_renders(ran: RanNotebook):
    expected = expected_questions(ran.path)
    nb = ran.notebook
    missing = []
    for lesson, qid in expected:
        views = nb.widget(quiz_class(lesson, qid))
        if views.count() != expected.count((lesson, qid)):
            missing.append(f"{lesson}/{qid}: {views.count()} live view(s)")
        elif not views.first.get_by_role("button", name="Check answer").is_visible():
            missing.append(f"{lesson}/{qid}: no visible 'Check answer' button")
    assert missing == []
    assert nb.widget(".medialit-quiz").count() == len(expected)


def test_answer_wrong_then_right(ran: RanNotebook):
    choice = first_single_choice(ran.path)
    if choice is None:
        pytest.skip(f"{ran.path.name} asks no single-choice question")
    quiz = QuizDriver(ran.notebook.widget(quiz_class(choice.lesson, choice.id)).first)
    quiz.root.scroll_into_view_if_needed()

    quiz.choose(choice.wrong)
    feedback = plain(quiz.check())
    assert quiz.root.locator(".medialit-feedback.medialit-retry").count() == 1, feedback
    if choice.wrong_feedback:
        assert choice.wrong_feedback in feedback
    assert quiz.root.locator(".medialit-explanation").count() == 0

    quiz.choose(choice.right)
    feedback = quiz.check()
    assert quiz.root.locator(".medialit-feedback.medialit-correct").count() == 1, feedback
    assert quiz.root.locator(".medialit-explanation").inner_text().strip()
    ran.answered = choice


def test_answer_restored_after_restart(ran: RanNotebook):
    choice = ran.answered
    if choice is None:
        pytest.skip("no question was answered in this notebook")
    nb = ran.notebook
    view = nb.widget(quiz_class(choice.lesson, choice.id)).first
    ran.partial = True  # cells below the question keep views of the old kernel
    nb.restart_and_run_to(view)
    quiz = QuizDriver(nb.widget(quiz_class(choice.lesson, choice.id)).first)
    assert quiz.selected_option() == choice.right
    assert quiz.root.locator(".medialit-feedback.medialit-correct").count() == 1
    assert "last answer" in quiz.root.inner_text()
