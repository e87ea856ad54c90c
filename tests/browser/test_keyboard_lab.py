"""A keyboard learner's first Tab in a course notebook, in JupyterLab as the course installs it.

JupyterLab's cell toolbar put "Create a duplicate of this cell below" first in the Tab order
of the active cell, so Tab then Enter copied a cell. The course's page settings
(`jupyter-settings/page_config.json`) turn the toolbar off; this test opens a course notebook,
selects a cell as a learner would by clicking it, presses Tab and Enter, and checks nothing
changed.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_first_tab_then_enter_changes_no_cell(open_notebook):
    nb = open_notebook("notebooks/02-claims.ipynb")
    page = nb.page
    cells = page.locator(".jp-Notebook .jp-Cell")
    before = cells.count()
    assert before > 3
    assert page.locator(".jp-cell-toolbar").count() == 0
    page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement;"
        " return {inToolbar: !!e.closest('.jp-cell-toolbar, .jp-Cell .jp-Toolbar'),"
        " title: e.title || e.getAttribute('aria-label') || e.tagName}; }")
    assert not focused["inToolbar"], focused
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert cells.count() == before, focused
