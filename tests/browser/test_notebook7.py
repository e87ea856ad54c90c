"""Every course notebook runs in Jupyter Notebook 7 as in JupyterLab.

The per-type, restore, explorer and worksheet flows run in both front-ends in
``test_components.py``; here each course notebook gets Restart and Run All in
Notebook 7, with every question it asks shown as a live component.
"""

from __future__ import annotations

import pytest
from browser_course import course_notebooks, expected_questions, quiz_class
from browser_lab import LabPage, RanNotebook

pytestmark = pytest.mark.browser

NOTEBOOKS = course_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_course_notebook_runs_in_notebook7(notebook7_page: LabPage, path):
    run = RanNotebook(notebook7_page, path)
    try:
        nb = run.notebook
        assert nb.problems() == []
        expected = expected_questions(path)
        assert nb.widget(".medialit-quiz").count() == len(expected)
        for lesson, qid in expected:
            assert nb.widget(quiz_class(lesson, qid)).count() >= 1, qid
    finally:
        run.notebook.close()
