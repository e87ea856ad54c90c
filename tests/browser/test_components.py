"""The course's components (quiz of every type, explorer, worksheet, name and progress
panels) in both tested front-ends: JupyterLab and Jupyter Notebook 7.

One generated notebook holds one question of every type (including the ones the
learner walk-through found broken: a long option, a numeric answer typed and
checked at once, a phrase to highlight), the explorer, the worksheet of lesson 6's
practice article, and the progress panel. For each front-end, in order: Run All;
every type answered wrong then right by mouse; a value typed and checked at once is
the value graded; everything restored after a restart; every type answered by
keyboard alone; the explorer by click and by keyboard; the worksheet exported
(file next to the notebook, and a browser download); axe-core; no clipping at
800 px or at 200 % zoom, with screenshots kept for a person to look at; and a course
figure shown at the size it was drawn (its type never shrunk below 11 px), fitting the
column from 800 px to 1,600 px.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_answers import give_by_keyboard, give_by_mouse, right_answer, wrong_answer
from browser_course import REPO, bank, question, quiz_class
from browser_lab import QuizDriver, RanNotebook, write_notebook
from conftest import artifacts_dir

pytestmark = pytest.mark.browser

# (lesson, question) per type: the first of each type, except where the walk-through
# found a defect in a particular question.
PREFERRED = {
    "single": ("05-checking", "limits-why"),  # long options
    "numeric": ("03-sourcing", "chain-s18"),  # graded on a stale value before
    "highlight": ("01-provenance", "time-words"),  # "this summer"
}


def one_of_each_type() -> dict[str, tuple[str, str]]:
    chosen: dict[str, tuple[str, str]] = {}
    for path in sorted((REPO / "lessons").glob("*/quiz.yaml")):
        for q in bank(path.parent.name)["questions"]:
            chosen.setdefault(q["type"], (path.parent.name, q["id"]))
    for qtype, (lesson, qid) in PREFERRED.items():
        if question(lesson, qid)["type"] == qtype:
            chosen[qtype] = (lesson, qid)
    return chosen


TYPES = one_of_each_type()


@pytest.fixture(scope="module")
def components(scratch: Path) -> str:
    cells: list[str | tuple[str, str]] = [
        ("md", "# Every component of the course"),
        "from medialit.quiz import quiz",
    ]
    cells += [f"quiz({lesson!r}, {qid!r})" for lesson, qid in TYPES.values()]
    cells += [
        "from medialit.explorer import explore\nexplore()",
        "from medialit.analyze import read_article, worksheet_for\n"
        "report = read_article('../lessons/06-your-turn/practice-article.html')\n"
        "worksheet_for(report)",
        "from medialit.progress.widgets import course_progress_widget\ncourse_progress_widget()",
        "from medialit.figures import timeline\ntimeline()",
    ]
    write_notebook(scratch / "components.ipynb", cells)
    return "scratch/components.ipynb"


@pytest.fixture(scope="module")
def run(frontend, components) -> Iterator[RanNotebook]:
    ran = RanNotebook(frontend, components)
    yield ran
    ran.notebook.close()


def quiz_of(nb: Any, qtype: str) -> QuizDriver:
    lesson, qid = TYPES[qtype]
    quiz = QuizDriver(nb.widget(quiz_class(lesson, qid)).first)
    quiz.root.scroll_into_view_if_needed()
    return quiz


def state(quiz: QuizDriver) -> str:
    box = quiz.root.locator(".medialit-feedback")
    return (box.get_attribute("class") or "") if box.count() else ""


def test_run_all_shows_every_component(run):
    nb = run.ensure().notebook
    assert nb.problems() == []
    # Errors raised in the front-end's own bundles (Notebook 7 raises one while loading
    # its settings) are not ours; anything else (a component's module) is.
    ours = [e for e in nb.page_errors if not re.search(r"/static/\w+/\w+_core\.", e)]
    assert ours == []
    assert nb.widget(".medialit-quiz").count() == len(TYPES) == 7
    assert nb.widget(".medialit-explorer-widget").count() == 1
    assert nb.widget(".medialit-worksheet").count() == 1
    assert nb.widget(".medialit-panel").count() == 1
    # Semantic HTML: each question a fieldset whose legend is its prompt.
    for qtype in TYPES:
        legend = quiz_of(nb, qtype).root.locator("fieldset.medialit-question > legend")
        assert legend.count() == 1 and legend.inner_text().strip().startswith("Question")
    # No trusted-output script: the components carry the shortcut guard themselves.
    assert nb.page.locator(".medialit-keyboard").count() == 0
    assert nb.widget(".medialit-quiz[data-lm-suppress-shortcuts]").count() == 7


@pytest.mark.parametrize("qtype", list(TYPES))
def test_wrong_then_right_by_mouse(run, qtype):
    nb = run.ensure().notebook
    lesson, qid = TYPES[qtype]
    quiz = quiz_of(nb, qtype)
    targets = question(lesson, qid).get("targets")
    give_by_mouse(quiz, wrong_answer(lesson, qid), targets)
    feedback = quiz.check()
    assert "medialit-retry" in state(quiz), feedback
    assert quiz.root.locator(".medialit-explanation").count() == 0
    if qtype in ("classify", "match"):
        # ✓/✗ beside each row's control, numbered feedback in the order of the rows
        marks = quiz.root.locator(".medialit-row .medialit-mark")
        assert marks.count() == quiz.root.locator(".medialit-row").count()
        assert "✗" in "".join(marks.all_inner_texts())
    give_by_mouse(quiz, right_answer(lesson, qid), targets)
    if qtype in ("classify", "highlight"):
        # The chosen state is a tick and an outline, not a shade of grey.
        picked = quiz.root.locator(
            "label.medialit-chip:has(input:checked), button[aria-pressed=true]")
        assert picked.count() >= 1
        for i in range(picked.count()):
            look = picked.nth(i).evaluate(
                """e => ({tick: getComputedStyle(e.querySelector('.medialit-tick')).visibility
                               + '/' + getComputedStyle(e.querySelector('.medialit-tick')).display,
                          outline: getComputedStyle(e).outlineStyle})""")
            assert look["tick"].startswith("visible/") and not look["tick"].endswith("none")
            assert look["outline"] != "none", look
    feedback = quiz.check()
    assert "medialit-correct" in state(quiz), feedback
    assert quiz.root.locator(".medialit-explanation").inner_text().strip()


def test_typed_value_checked_at_once_is_the_one_graded(run):
    """Type, then click Check answer at once: the grade is for what is on screen."""
    nb = run.ensure().notebook
    for qtype in ("text", "numeric"):
        lesson, qid = TYPES[qtype]
        quiz = quiz_of(nb, qtype)
        box = quiz.root.locator(".medialit-inputs input[type=text]")
        for answer, expected in ((wrong_answer(lesson, qid), "medialit-retry"),
                                 (right_answer(lesson, qid), "medialit-correct")):
            box.click()
            nb.page.keyboard.press("Control+A")
            nb.page.keyboard.type(answer.value, delay=0)
            before = quiz.text()
            quiz.check_button().click()  # no Tab, no pause
            feedback = quiz.wait_change(before)
            assert expected in state(quiz), (qtype, answer.value, feedback)
            if qtype == "text" and expected == "medialit-retry":
                assert answer.value in feedback  # the feedback quotes what was graded


def test_everything_restored_after_restart(run):
    nb = run.ensure().notebook
    nb.restart_and_run_all()
    assert nb.problems() == []
    for qtype in TYPES:
        quiz = quiz_of(nb, qtype)
        assert "medialit-correct" in state(quiz), qtype
        assert "your last answer is shown" in quiz.text(), qtype
    single = quiz_of(nb, "single")
    assert single.selected_option() == right_answer(*TYPES["single"]).value


@pytest.mark.parametrize("qtype", list(TYPES))
def test_wrong_then_right_by_keyboard(run, qtype):
    nb = run.ensure().notebook
    lesson, qid = TYPES[qtype]
    quiz = quiz_of(nb, qtype)
    targets = question(lesson, qid).get("targets")
    feedback = give_by_keyboard(quiz, wrong_answer(lesson, qid), targets)
    assert "medialit-retry" in state(quiz), feedback
    feedback = give_by_keyboard(quiz, right_answer(lesson, qid), targets)
    assert "medialit-correct" in state(quiz), feedback
    focus = nb.page.evaluate(
        """el => { const a = document.activeElement; const r = a.getBoundingClientRect();
                   const s = getComputedStyle(a);
                   return {inside: el.contains(a), text: a.innerText,
                           visible: r.top >= 0 && r.bottom <= window.innerHeight,
                           ring: s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0}; }""",
        quiz.root.element_handle(),
    )
    assert focus["inside"], "the focus left the question"
    if focus["text"] == "Check answer":  # a visible focus ring, on screen
        assert focus["ring"] >= 2 and focus["visible"], focus


def test_explorer_by_click_and_by_keyboard(run):
    nb = run.ensure().notebook
    widget = nb.widget(".medialit-explorer-widget").first
    widget.scroll_into_view_if_needed()
    card = widget.locator(".medialit-explorer-card")
    sentence = widget.locator(".medialit-sentence[data-sentence='s03']")
    sentence.click()
    nb.page.wait_for_function("el => el.innerText.includes('Sentence 3')",
                              arg=card.element_handle())
    assert sentence.get_attribute("aria-pressed") == "true"
    # Tags read at body size at least.
    sizes = widget.evaluate(
        """el => [...el.querySelectorAll('.medialit-kind-tag')].map(t =>
             parseFloat(getComputedStyle(t).fontSize) /
             parseFloat(getComputedStyle(t.closest('.medialit-explorer')).fontSize))"""
    )
    assert sizes and min(sizes) >= 1.0
    # Kinds differ by more than colour: the line under each sentence, and the tag's words.
    styles = widget.evaluate(
        """el => Object.fromEntries(['opinion', 'paraphrase', 'fact_claim'].map(k => {
             const s = el.querySelector('.medialit-sentence.medialit-kind-' + k);
             return [k, s ? getComputedStyle(s).borderBottomStyle + ' ' +
                            s.querySelector('.medialit-kind-tag').innerText : null]; }))"""
    )
    lines = {k: v.split(" ")[0] for k, v in styles.items() if v}
    assert len(lines) == 3 and len(set(lines.values())) == 3, styles
    assert "[opinion" in styles["opinion"] and "[paraphrase" in styles["paraphrase"]
    # Keyboard: one Tab stop for the article, arrows move, Enter chooses.
    page = nb.page
    handle = widget.element_handle()
    page.evaluate("el => el.querySelector('select').focus()", handle)
    page.keyboard.press("Tab")
    active = "el => { const a = document.activeElement; return el.contains(a) ? " \
             "(a.dataset.sentence || a.tagName) : null; }"
    assert page.evaluate(active, handle) == "s03"  # the selected sentence is the Tab stop
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(active, handle) == "s05"
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.innerText.includes('Sentence 5')",
                           arg=card.element_handle())
    assert page.evaluate(active, handle) == "s05"
    assert nb.problems() == []


def test_worksheet_exports_next_to_the_notebook_and_downloads(run, scratch):
    nb = run.ensure().notebook
    sheet = nb.widget(".medialit-worksheet").first
    sheet.scroll_into_view_if_needed()
    rows = sheet.locator("fieldset.medialit-ws-row")
    assert rows.count() >= 1
    verdicts = rows.first.locator("select option").all_inner_texts()
    assert "partly right" in verdicts
    rows.first.locator("select").select_option("partly")
    with nb.page.expect_download() as download_info:
        sheet.get_by_role("button", name="Export CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    status = sheet.locator(".medialit-ws-status")
    nb.page.wait_for_function("el => el.innerText.includes('Saved')",
                              arg=status.element_handle())
    written = scratch / download.suggested_filename
    assert str(written.resolve()) in status.inner_text()
    assert "next to this notebook" in status.inner_text()
    assert "partly right" in written.read_text(encoding="utf-8")
    assert Path(download.path()).read_text(encoding="utf-8") == written.read_text("utf-8")


def test_axe_finds_nothing_serious_in_the_components(run):
    from axe_playwright_python.sync_playwright import Axe
    from test_accessibility import BLOCKING, classify

    nb = run.ensure().notebook
    results = Axe().run(nb.page)
    found = classify(nb.page, results.response["violations"])
    print("Course output:\n  " + "\n  ".join(found["ours"] or ["none"]))
    blocking = [x for x in found["ours"] if x.startswith(tuple(f"[{b}]" for b in BLOCKING))]
    assert blocking == []


JS_CLIPPED = """
() => {
  const out = [];
  const roots = document.querySelectorAll('.medialit-component');
  for (const root of roots) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (!el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.tagName === 'SELECT' || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        out.push(`${el.tagName}.${[...el.classList].join('.')}: ` +
                 `${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    const r = root.getBoundingClientRect();
    const area = root.closest('.jp-OutputArea-output') || root.parentElement;
    if (r.right > area.getBoundingClientRect().right + 1) {
      out.push(`component wider than its output area: ${[...root.classList].join('.')}`);
    }
  }
  return out;
}
"""

# 200 % zoom of a 1366 px window lays the page out in 683 CSS pixels.
SIZES = {"1366px": 1366, "800px": 800, "zoom200": 683}


@pytest.mark.parametrize("size", list(SIZES))
def test_nothing_clipped_at_any_width(run, size, frontend):
    """At 800 px and at 200 % zoom (a 1366 px window: 683 CSS px at scale 2) no element
    of medialit's output is wider than its box; screenshots are kept to look at."""
    nb = run.ensure().notebook
    width = SIZES[size]
    page = nb.page
    old = page.viewport_size
    try:
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_timeout(400)
        clipped = page.evaluate(JS_CLIPPED)
        where = artifacts_dir(nb.server.state)
        front = "lab" if nb.server.app == "lab" else "notebook7"
        for qtype in ("single", "classify", "match", "highlight"):
            quiz = quiz_of(nb, qtype)
            quiz.root.screenshot(path=str(where / f"{front}-{size}-{qtype}.png"))
        nb.widget(".medialit-panel").first.screenshot(
            path=str(where / f"{front}-{size}-progress.png"))
        for css, name in ((".medialit-explorer-widget", "explorer"),
                          (".medialit-worksheet", "worksheet")):
            # Taller than the window: the window's view of its top, as a learner sees it.
            nb.widget(css).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(200)
            page.screenshot(path=str(where / f"{front}-{size}-{name}.png"))
        if front == "lab" and size == "1366px":
            docs = REPO / "docs" / "screenshots"
            docs.mkdir(parents=True, exist_ok=True)
            quiz_of(nb, "single").root.screenshot(path=str(docs / "question.png"))
        print(f"screenshots in {where}")
    finally:
        page.set_viewport_size(old)
    assert clipped == [], "\n".join(clipped)


JS_FIGURES = """
() => [...document.querySelectorAll('.medialit-figure')].map(f => {
  const img = f.querySelector('img'), frame = f.querySelector('.medialit-figure-frame');
  return {shown: img.getBoundingClientRect().width, drawn: img.naturalWidth,
          frame: frame.clientWidth, scrolls: frame.scrollWidth > frame.clientWidth + 1};
})
"""


@pytest.mark.parametrize("width", [800, 1366, 1600])
def test_figures_shown_at_drawn_size_and_fit_the_column(run, width, frontend):
    """A figure is shown at the size it was drawn, so its type is the size the figure test
    measured (at least 11 px); from 800 px up it fits the column without scrolling. In
    JupyterLab the column is measured with the side panel closed, as a learner at a narrow
    window would have it; with the panel open the figure scrolls inside its frame."""
    nb = run.ensure().notebook
    page = nb.page
    old = page.viewport_size
    front = "lab" if nb.server.app == "lab" else "notebook7"
    try:
        page.set_viewport_size({"width": width, "height": 900})
        if front == "lab":
            page.evaluate("() => jupyterapp.shell.collapseLeft()")
        page.wait_for_timeout(400)
        figure = page.locator(".medialit-figure").first
        figure.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(200)
        page.screenshot(path=str(artifacts_dir(nb.server.state) / f"{front}-{width}px-figure.png"))
        shown = page.evaluate(JS_FIGURES)
    finally:
        if front == "lab":
            page.evaluate("() => jupyterapp.shell.expandLeft()")
        page.set_viewport_size(old)
    assert shown, "no course figure on the page"
    for fig in shown:
        assert fig["drawn"] > 0
        assert abs(fig["shown"] - fig["drawn"]) <= 1, fig  # never shrunk
        assert not fig["scrolls"], fig
