"""Learners check the course in JupyterLab: search the record, lateral reading, check the checker.

Expected content is read from the course files with plain YAML, not from the engine.
"""

from __future__ import annotations

import pytest
import yaml
from browser_course import REPO, calls_of, course_notebooks
from conftest import artifacts_dir
from test_components import JS_CLIPPED, SIZES

# The same clipping check as the components', over the evidence views too.
JS_EVIDENCE_CLIPPED = JS_CLIPPED.replace(
    "'.medialit-component'",
    "'.medialit-component, .medialit-lateral-reading, .medialit-check-the-checker'")
assert JS_EVIDENCE_CLIPPED != JS_CLIPPED

WITH_LATERAL = [p for p in course_notebooks() if calls_of(p, "lateral_reading")]
WITH_CHECKER = [p for p in course_notebooks() if calls_of(p, "check_the_checker")]


def record_excerpts() -> dict[str, dict]:
    out = {}
    for path in sorted((REPO / "data" / "record").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for excerpt in doc["excerpts"]:
            out[excerpt["id"]] = {**excerpt, "publisher": doc["publisher"], "url": doc["url"]}
    return out


def exercises(lesson: str) -> dict:
    path = REPO / "lessons" / lesson / "exercises.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.browser
@pytest.mark.parametrize("course_run", WITH_LATERAL, ids=[p.stem for p in WITH_LATERAL],
                         indirect=True)
def test_search_the_record_then_reveal_the_courses_answer(ran):
    nb = ran.notebook
    widget = nb.widget(".medialit-lateral-reading").first
    widget.scroll_into_view_if_needed()
    task = exercises(ran.path.stem)["lateral_reading"][0]
    target = record_excerpts()[task["excerpts"][0]]
    # Search with words of the excerpt the answer rests on, pressing Enter as a learner would.
    words = " ".join([w for w in target["text"].split() if w.isalpha() and len(w) > 4][:3])
    box = widget.locator(".medialit-packet-search input[type=text]").first
    box.fill(words)
    box.press("Enter")
    results = widget.locator(".medialit-search-results")
    nb.page.wait_for_function("el => el.innerText.includes('match')",
                              arg=results.element_handle())
    assert target["publisher"] in results.inner_text()
    # The course's answer stays hidden until asked for.
    answer = widget.locator(f".medialit-task-answer-{task['id']}")
    assert flat(answer.inner_text()) == ""
    widget.get_by_role("button", name="show task 1").click()
    nb.page.wait_for_function("el => el.innerText.includes(\"course's answer\")",
                              arg=answer.element_handle())
    assert flat(task["answer"]) in flat(answer.inner_text())
    assert nb.problems() == []


@pytest.mark.browser
@pytest.mark.parametrize("course_run", WITH_CHECKER, ids=[p.stem for p in WITH_CHECKER],
                         indirect=True)
def test_give_a_verdict_before_seeing_the_courses(ran):
    nb = ran.notebook
    widgets = nb.widget(".medialit-check-the-checker")
    ids = exercises(ran.path.stem)["check_the_checker"]
    assert widgets.count() >= 3
    sentences = {s["id"]: s for s in yaml.safe_load(
        (REPO / "data" / "annotations.yaml").read_text(encoding="utf-8"))["sentences"]}
    widget = widgets.first
    widget.scroll_into_view_if_needed()
    first = sentences[ids[0]]
    assert flat(first["verdict"]["summary"]) not in flat(widget.inner_text())
    labels = {"partly": "partly right"}
    widget.get_by_label(labels.get(first["verdict"]["rating"], first["verdict"]["rating"]),
                        exact=True).check()
    widget.get_by_role("button", name="Compare with the course").click()
    result = widget.locator(f".medialit-checker-result-{ids[0]}")
    nb.page.wait_for_function("el => el.innerText.includes('agree')",
                              arg=result.element_handle())
    assert flat(first["verdict"]["summary"]) in flat(result.inner_text())
    assert nb.problems() == []


@pytest.mark.browser
@pytest.mark.parametrize("course_run", WITH_CHECKER + WITH_LATERAL,
                         ids=[p.stem for p in WITH_CHECKER + WITH_LATERAL], indirect=True)
@pytest.mark.parametrize("size", list(SIZES))
def test_evidence_views_fit_every_width(ran, size):
    """The record's excerpts, the search box and check-the-checker stay inside their box at
    1366 px, 800 px and 200 % zoom; screenshots are kept for a person to look at."""
    nb = ran.notebook
    page = nb.page
    old = page.viewport_size
    where = artifacts_dir(nb.server.state)
    try:
        page.set_viewport_size({"width": SIZES[size], "height": 1000})
        page.wait_for_timeout(400)
        for css in (".medialit-lateral-reading", ".medialit-check-the-checker"):
            widgets = nb.widget(css)
            if widgets.count():
                widget = widgets.first
                widget.evaluate("e => e.scrollIntoView({block: 'start'})")
                page.wait_for_timeout(200)
                page.screenshot(path=str(where / f"evidence-{ran.path.stem}-{size}"
                                         f"{css.replace('.medialit-', '-')}.png"))
        clipped = page.evaluate(JS_EVIDENCE_CLIPPED)
    finally:
        page.set_viewport_size(old)
    assert clipped == [], "\n".join(clipped)
