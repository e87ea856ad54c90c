"""Markup from learners and from analyzed articles is shown as text and never runs.

Two ways untrusted text reaches the page: what a learner types into a question
(echoed in feedback, saved, restored after a restart), and any article fed to
``medialit.analyze`` (its title, sentences, quotes and sources end up in the report
and the worksheet). Both get the same payloads; a payload that ran would set
``window.__xss`` or open a dialog.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_course import REPO, bank, quiz_class
from browser_lab import LabPage, QuizDriver, RanNotebook, write_notebook

pytestmark = pytest.mark.browser

IMG = "<img src=x onerror=window.__xss=1;alert(1)>"
SCRIPT = "<script>window.__xss=1;alert(2)</script>"
PAYLOAD = f"{IMG} {SCRIPT}"

ARTICLE_TXT = f"""Officials say {IMG} troops moved {SCRIPT}

By {IMG} Staff Reporter

KYIV (Reuters) - About 10,000 soldiers were sent, officials said on Monday. "{PAYLOAD}," said
a spokesperson for the ministry, according to the agency. Analysts believe the troops may
be deployed soon, {SCRIPT} a report said.
"""


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


ARTICLE_HTML = f"""<!doctype html>
<html><head><title>{escaped(IMG)} Officials say troops moved</title>
<meta name="author" content="{escaped(IMG)}">
<meta property="og:site_name" content="{escaped(SCRIPT)}"></head>
<body><article>
<h1>{escaped(IMG)} Officials say troops moved</h1>
<p>KYIV (Reuters) - About 10,000 soldiers were sent, officials said on Monday.</p>
<p>"{escaped(PAYLOAD)}," said a spokesperson for the ministry, according to the agency.</p>
<p>Analysts believe the troops may be deployed soon, {escaped(SCRIPT)} a report said.</p>
<p>Raw markup too: <img src=x onerror="window.__xss=1;alert(3)"> and
<script>window.__xss=1;alert(4)</script> in the page itself.</p>
</article></body></html>
"""


def text_question() -> tuple[str, str]:
    for path in sorted((REPO / "lessons").glob("*/quiz.yaml")):
        for q in bank(path.parent.name)["questions"]:
            if q["type"] == "text":
                return path.parent.name, q["id"]
    pytest.skip("no text question in any quiz bank")


@pytest.fixture(scope="module")
def hostile(scratch: Path) -> tuple[str, tuple[str, str]]:
    (scratch / "hostile.txt").write_text(ARTICLE_TXT, encoding="utf-8")
    (scratch / "hostile.html").write_text(ARTICLE_HTML, encoding="utf-8")
    lesson, qid = text_question()
    write_notebook(
        scratch / "hostile.ipynb",
        [
            f"from medialit.quiz import quiz\nquiz({lesson!r}, {qid!r})",
            "from medialit.analyze import analyze_file\n"
            "from medialit.analyze.worksheet import worksheet_widget\n"
            "html_report = analyze_file('hostile.html'); html_report",
            "txt_report = analyze_file('hostile.txt'); txt_report",
            "worksheet_widget(html_report).widget",
            "worksheet_widget(txt_report).widget",
        ],
    )
    return "scratch/hostile.ipynb", (lesson, qid)


def assert_nothing_ran(nb) -> None:
    page = nb.page
    page.wait_for_timeout(300)  # give an onerror handler the chance to fire
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert nb.dialogs == []
    injected = page.evaluate(
        """() => [...document.querySelectorAll('.jp-OutputArea-output img, '
                  + '.jp-OutputArea-output script')]
               .filter(e => (e.getAttribute('src') || '') === 'x'
                            || (e.textContent || '').includes('__xss'))
               .map(e => e.outerHTML)"""
    )
    assert injected == []


@pytest.fixture(scope="module")
def hostile_run(lab_page: LabPage, hostile) -> Iterator[RanNotebook]:
    lab_page.load()
    lab_page.page.evaluate("() => { delete window.__xss; }")
    run = RanNotebook(lab_page, hostile[0])
    yield run
    run.notebook.close()


def test_analyzed_article_is_text(hostile_run):
    nb = hostile_run.ensure().notebook
    assert nb.problems() == []
    outputs = nb.page.locator(".jp-OutputArea-output")
    text = " ".join(outputs.all_inner_texts())
    assert "onerror=window.__xss" in text, "the payload should be shown, as text"
    assert_nothing_ran(nb)


def test_learner_answer_is_text(hostile_run, hostile):
    _, (lesson, qid) = hostile
    nb = hostile_run.ensure().notebook
    quiz = QuizDriver(nb.widget(quiz_class(lesson, qid)).first)
    quiz.type_answer(PAYLOAD)
    quiz.check()
    assert_nothing_ran(nb)
    # The saved answer comes back after a restart, still as text in the box.
    nb.restart_and_run_all()
    quiz = QuizDriver(nb.widget(quiz_class(lesson, qid)).first)
    box = quiz.root.locator(".medialit-inputs input[type=text]").first
    assert box.input_value() == PAYLOAD
    assert_nothing_ran(nb)
