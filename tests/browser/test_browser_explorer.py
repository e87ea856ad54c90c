"""The article explorer in JupyterLab: pick a sentence, read its card.

The expected card content comes from ``data/annotations.yaml`` and
``data/sources.yaml`` read as plain YAML, not from the explorer's own code.
"""

from __future__ import annotations

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
    assert widgets.count() == len(calls) == 1  # once per lesson
    widget = widgets.nth(bare[0])
    widget.scroll_into_view_if_needed()
    return nb, widget


def pick(widget, sentence_id: str) -> None:
    """Click the sentence where it stands in the article, as a learner does."""
    widget.locator(f".medialit-sentence[data-sentence='{sentence_id}']").click()


def test_click_a_sentence_and_read_its_card(explorer):
    nb, widget = explorer
    sentences = annotations()
    sid = sorted(sentences)[2]  # the third sentence: not the lead, which notebooks preselect
    s = sentences[sid]
    card = widget.locator(".medialit-explorer-card")  # holds the card, replaced on a pick
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
    assert selected.get_attribute("aria-pressed") == "true"
    assert nb.problems() == []


def test_article_by_keyboard(explorer):
    """One Tab stop for the article; the arrow keys move between sentences; Enter chooses."""
    nb, widget = explorer
    page = nb.page
    handle = widget.element_handle()
    widget.evaluate(
        """el => { const a = el.closest('.jp-OutputArea-output'); a.setAttribute('tabindex', '-1');
                   a.focus(); }"""
    )
    focused = "el => el.contains(document.activeElement) ? " \
              "(document.activeElement.dataset.sentence || document.activeElement.tagName) : null"
    for _ in range(10):
        page.keyboard.press("Tab")
        if (page.evaluate(focused, handle) or "").startswith("s"):
            break
    else:
        pytest.fail("Tab never reached the article")
    first = page.evaluate(focused, handle)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    now = page.evaluate(focused, handle)
    assert now and now.startswith("s") and now != first, (
        "the arrow keys took the focus out of the article"
    )
    page.keyboard.press("Enter")
    card = widget.locator(".medialit-explorer-card")
    page.wait_for_function(
        "([el, h]) => el.innerText.includes(h)",
        arg=[card.element_handle(), f"Sentence {int(now[1:])} ["],
    )
    assert page.evaluate(focused, handle) == now  # the focus stays on the chosen sentence
