"""The article explorer in JupyterLab: pick a sentence, read its card.

The expected card content comes from ``data/annotations.yaml`` and
``data/sources.yaml`` read as plain YAML, not from the explorer's own code.
"""

from __future__ import annotations

import re

import pytest
import yaml
from browser_course import REPO, calls_of, course_notebooks

# Only the notebooks that show the explorer with nothing selected (a filtered or
# preselected explorer would make "click a sentence" test the preset, not the click).
WITH_EXPLORER = [
    path for path in course_notebooks()
    if any(call.endswith("explore()") for call in calls_of(path, "explore"))
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize(
        "course_run", WITH_EXPLORER, ids=[p.stem for p in WITH_EXPLORER], indirect=True
    ),
]

EXPLORER = ".medialit-explorer-widget"


def annotations() -> dict[str, dict]:
    data = yaml.safe_load((REPO / "data" / "annotations.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s for s in data["sentences"]}


def source_names() -> dict[str, str]:
    data = yaml.safe_load((REPO / "data" / "sources.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s["name"] for s in data["sources"]}


@pytest.fixture
def explorer(ran):
    """The first explorer in a course notebook that shows it with nothing selected."""
    calls = calls_of(ran.path, "explore")
    bare = [n for n, call in enumerate(calls) if call.endswith("explore()")]
    nb = ran.notebook
    widgets = nb.widget(EXPLORER)
    assert widgets.count() == len(calls)
    widget = widgets.nth(bare[0])
    widget.scroll_into_view_if_needed()
    return nb, widget


def sentence_list(widget):
    """The listbox of sentences (a ``<select>`` with a size; the kind filter has none)."""
    return widget.locator("select[size]").first


def pick(widget, sentence_id: str) -> None:
    """Click the sentence's entry in the sentence list, as a learner does."""
    number = int(sentence_id.lstrip("s"))
    label = re.compile(rf"^\s*{number}\.\s\[")  # ipywidgets writes &nbsp; for spaces
    option = sentence_list(widget).locator("option").filter(has_text=label).first
    option.click()


def test_click_a_sentence_and_read_its_card(explorer):
    nb, widget = explorer
    sentences = annotations()
    sid = sorted(sentences)[2]  # the third sentence: not the lead, which notebooks preselect
    s = sentences[sid]
    card = widget.locator(".medialit-card")
    assert "Choose a sentence" in card.inner_text()

    pick(widget, sid)
    nb.page.wait_for_function(
        "el => !el.innerText.includes('Choose a sentence')", arg=card.element_handle()
    )
    text = " ".join(card.inner_text().split())
    assert f"Sentence {int(sid[1:])}" in text
    assert " ".join(s["text"].split()) in text
    assert source_names()[s["claimant"]] in text
    assert s["verdict"]["rating"].upper() in text.upper()
    # The article shows which sentence is selected, by a marker and not by colour alone.
    selected = widget.locator(f".medialit-sentence-{sid}.medialit-selected")
    assert selected.count() == 1
    assert "▶" in selected.inner_text()
    assert nb.problems() == []


def test_sentence_list_by_keyboard(explorer):
    nb, widget = explorer
    page = nb.page
    listbox = sentence_list(widget)
    handle = listbox.element_handle()
    widget.evaluate(
        """el => { const a = el.closest('.jp-OutputArea-output'); a.setAttribute('tabindex', '-1');
                   a.focus(); }"""
    )
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            break
    else:
        pytest.fail("Tab never reached the sentence list")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("el => document.activeElement === el", handle), (
        "the arrow keys took the focus out of the sentence list"
    )
    card = widget.locator(".medialit-card")
    page.wait_for_function(
        "el => !el.innerText.includes('Choose a sentence')", arg=card.element_handle()
    )
    assert card.locator("h3").inner_text().startswith("Sentence")
