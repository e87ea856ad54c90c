"""The second case (``cases/iran-snapback``), run in JupyterLab as a learner runs it.

Its own JupyterLab server over a copy of the case (``MEDIALIT_COURSE_ROOT`` points at the
copy): for every notebook, Restart Kernel and Run All Cells with no error anywhere, every
figure with alt text and every quiz a live question with its "Check answer" button. The
reviewing notebook's form is shown too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_course import expected_questions, quiz_class
from browser_lab import LabPage, LabServer, RanNotebook, copy_course, lab_env

pytestmark = pytest.mark.browser

CASE = Path(__file__).resolve().parents[2] / "cases" / "iran-snapback"
CASE_NOTEBOOKS = sorted((CASE / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def case_page(browser_context: Any, lab_state: Path) -> Iterator[LabPage]:
    state = lab_state / "case-iran-snapback"
    root = copy_course(CASE, state / "case")
    env = lab_env(root, state, learner="browser-test-case")
    server = LabServer(root=root, state=state, env=env).start()
    page = LabPage(browser_context, server)
    yield page
    page.close()
    server.stop()


@pytest.fixture(scope="module", params=CASE_NOTEBOOKS, ids=[p.stem for p in CASE_NOTEBOOKS])
def case_run(request: pytest.FixtureRequest, case_page: LabPage) -> Iterator[RanNotebook]:
    run = RanNotebook(case_page, request.param)
    yield run
    run.notebook.close()


def test_case_notebook_runs_and_every_quiz_renders(case_run: RanNotebook):
    nb = case_run.ensure().notebook
    problems = nb.problems()
    assert problems == [], f"{case_run.path.name}:\n" + "\n".join(problems)
    images = nb.page.locator(".jp-OutputArea-output img")
    assert all((images.nth(i).get_attribute("alt") or "").strip() not in ("", "Image")
               for i in range(images.count()))
    expected = expected_questions(case_run.path)
    for lesson, qid in expected:
        views = nb.widget(quiz_class(lesson, qid))
        assert views.count() == 1, f"{lesson}/{qid}"
        assert views.first.get_by_role("button", name="Check answer").is_visible()
    if case_run.path.name == "review-drafts.ipynb":
        assert nb.widget(".lm-review").count() == 1
        assert nb.page.get_by_role("button", name="Save this sentence").is_visible()
