"""The student edition (``medialit release OUTDIR``) works in JupyterLab and hides its key.

It gets its own JupyterLab server whose ``MEDIALIT_COURSE_ROOT`` is the released
folder, so the kernel can only read the sealed banks. The right and wrong answers
come from the teacher's banks in the checkout.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_course import REPO, course_notebooks, first_single_choice, plain, quiz_class
from browser_lab import LabPage, LabServer, QuizDriver, lab_env

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def student(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("student") / "edition"
    done = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "release", str(out), "--root", str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def student_lab(
    student: Path, tmp_path_factory: pytest.TempPathFactory, browser_context: Any
) -> Iterator[LabPage]:
    state = tmp_path_factory.mktemp("student-lab")
    server = LabServer(root=student, state=state, env=lab_env(student, state)).start()
    lab = LabPage(browser_context, server)
    yield lab
    lab.close()
    server.stop()


def test_released_files_hold_no_answer(student: Path):
    from medialit.quiz.leaks import find_leaks

    assert find_leaks(REPO, student) == []
    released = sorted(p.name for p in (student / "notebooks").glob("*.ipynb"))
    assert released == [p.name for p in course_notebooks()]


def test_student_edition_runs_and_checks_answers(student_lab: LabPage):
    notebook = next((p for p in course_notebooks() if first_single_choice(p) is not None), None)
    if notebook is None:
        pytest.skip("no notebook asks a single-choice question")
    choice = first_single_choice(notebook)
    nb = student_lab.open(f"notebooks/{notebook.name}")
    try:
        nb.restart_and_run_all()
        assert nb.problems() == []
        quiz = QuizDriver(nb.widget(quiz_class(choice.lesson, choice.id)).first)
        quiz.choose(choice.wrong)
        feedback = plain(quiz.check())
        assert quiz.root.locator(".medialit-feedback.medialit-retry").count() == 1, feedback
        if choice.wrong_feedback:
            assert choice.wrong_feedback in feedback
        quiz.choose(choice.right)
        quiz.check()
        assert quiz.root.locator(".medialit-feedback.medialit-correct").count() == 1
        assert quiz.root.locator(".medialit-explanation").inner_text().strip()
    finally:
        nb.close()
