"""Accessibility of what the course puts on the page: axe-core and keyboard-only use.

axe-core runs offline from the copy bundled in ``axe-playwright-python``. It checks
the whole JupyterLab page; a violation fails the test only when one of its nodes is
inside course output (widgets, figures, rendered markdown) and it is serious or
critical. JupyterLab's own violations are printed, not failed on: they are not ours
to fix.

The showcase notebook is generated: one question of every type found in the quiz
banks, the explorer with a sentence selected and one figure, so every widget the
course uses is checked in one run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_course import REPO, bank, quiz_class, single_choice
from browser_lab import LabPage, QuizDriver, RanNotebook, keyboard_answer, write_notebook

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
OURS = ".jp-OutputArea-output, .jp-MarkdownOutput, [class*='medialit-']"
NOT_OURS = ".jp-InternalAnchorLink, .jp-Collapser, .jp-InputPrompt, .jp-OutputPrompt"


# Deliberately inaccessible output (a text box with no label): proves the check sees
# course output at all. (An <img> without alt would not do: JupyterLab fills in "Image".)
CANARY = (
    "from IPython.display import HTML\n"
    'HTML(\'<div class="medialit-axe-canary"><input type="text"></div>\')'
)

def one_question_per_type() -> dict[str, tuple[str, str]]:
    chosen: dict[str, tuple[str, str]] = {}
    for path in sorted((REPO / "lessons").glob("*/quiz.yaml")):
        lesson = path.parent.name
        for q in bank(lesson)["questions"]:
            chosen.setdefault(q["type"], (lesson, q["id"]))
    return chosen


@pytest.fixture(scope="module")
def showcase(scratch: Path) -> tuple[str, dict[str, tuple[str, str]]]:
    questions = one_question_per_type()
    cells: list[str | tuple[str, str]] = [
        (
            "md",
            "# Every widget of the course\n\nOne question of each type, the explorer, a figure.",
        ),
        "from medialit.quiz import quiz",
    ]
    cells += [f"quiz({lesson!r}, {qid!r})" for lesson, qid in questions.values()]
    cells += [
        "from medialit.explorer import explore\nexplore(selected='s01')",
        "from medialit import figures\nfigures.timeline()",
        CANARY,
    ]
    write_notebook(scratch / "showcase.ipynb", cells)
    return "scratch/showcase.ipynb", questions


def classify(page: Any, violations: list[dict]) -> dict[str, list[str]]:
    """Violation lines by where their nodes are: course output, JupyterLab, the canary."""
    found: dict[str, list[str]] = {"ours": [], "theirs": [], "canary": []}
    for v in violations:
        for node in v["nodes"]:
            target = node["target"][0] if node["target"] else "body"
            where = page.evaluate(
                """([sel, ours, notOurs]) => {
                     const el = document.querySelector(Array.isArray(sel) ? sel[0] : sel);
                     if (el && el.closest('.medialit-axe-canary')) return 'canary';
                     return el && el.closest(ours) && !el.closest(notOurs) ? 'ours' : 'theirs';
                   }""",
                [target, OURS, NOT_OURS],
            )
            line = f"[{v['impact']}] {v['id']}: {v['help']} at {target}: {node['html'][:160]}"
            found[where].append(line)
    return found


@pytest.fixture(scope="module")
def showcase_run(lab_page: LabPage, showcase) -> Iterator[RanNotebook]:
    run = RanNotebook(lab_page, showcase[0])
    yield run
    run.notebook.close()


def test_axe_finds_no_serious_violation_in_course_output(showcase_run, showcase):
    from axe_playwright_python.sync_playwright import Axe

    _, questions = showcase
    nb = showcase_run.ensure().notebook
    assert nb.problems() == []
    # Answer the single-choice question wrong so feedback markup is checked too.
    lesson, qid = questions["single"]
    quiz = QuizDriver(nb.widget(quiz_class(lesson, qid)).first)
    choice = single_choice(lesson, qid)
    quiz.choose(choice.wrong)
    quiz.check()

    results = Axe().run(nb.page)
    violations = results.response["violations"]
    found = classify(nb.page, violations)
    ours, theirs = found["ours"], found["theirs"]
    assert any("] label:" in line for line in found["canary"]), "axe missed the canary"
    print(
        f"axe-core {results.response.get('testEngine', {}).get('version')}: "
        f"{len(violations)} rules violated on the page"
    )
    print("JupyterLab's own (reported, not failed on):\n  " + "\n  ".join(theirs or ["none"]))
    print("Course output:\n  " + "\n  ".join(ours or ["none"]))
    blocking = [line for line in ours if line.startswith(tuple(f"[{b}]" for b in BLOCKING))]
    assert blocking == []


def test_quiz_by_keyboard_alone(showcase_run, showcase):
    _, questions = showcase
    lesson, qid = questions["single"]
    choice = single_choice(lesson, qid)
    nb = showcase_run.ensure().notebook
    quiz = QuizDriver(nb.widget(quiz_class(lesson, qid)).first)
    quiz.root.scroll_into_view_if_needed()

    feedback = keyboard_answer(quiz, choice.wrong)
    assert quiz.root.locator(".medialit-feedback.medialit-retry").count() == 1, feedback
    feedback = keyboard_answer(quiz, choice.right)
    assert quiz.root.locator(".medialit-feedback.medialit-correct").count() == 1, feedback
    assert quiz.selected_option() == choice.right
