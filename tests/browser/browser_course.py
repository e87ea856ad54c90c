"""What the browser tests expect of the course, read straight from its files.

Expected quizzes come from the notebooks' source (the ``quiz(...)`` calls) and
right/wrong answers from ``lessons/<id>/quiz.yaml`` with plain YAML, not from the
quiz engine: if the engine misreads a bank, these tests should not misread it the
same way.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"


def course_notebooks() -> list[Path]:
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def css_slug(value: str) -> str:
    """The engine's class slug (``medialit.quiz.render.css_slug``), restated on purpose."""
    return re.sub(r"[^a-z0-9-]+", "-", value.casefold()).strip("-") or "x"


def quiz_class(lesson: str, question: str) -> str:
    return f".medialit-q-{css_slug(lesson)}-{css_slug(question)}"


def code_cells(notebook: Path) -> list[str]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            cells.append("".join(source) if isinstance(source, list) else source)
    return cells


def _parse(source: str) -> ast.Module | None:
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.AST | None) -> Any:
    try:
        return ast.literal_eval(node) if node is not None else None
    except ValueError:
        return _Unknown


class _Unknown:
    pass


@dataclass(frozen=True)
class QuizCall:
    lesson: str
    question: str | None  # None: a section or the whole bank
    section: str | None = None


def quiz_calls(notebook: Path) -> list[QuizCall]:
    """Every ``quiz(lesson, question, section=...)`` call with literal arguments."""
    calls = []
    for source in code_cells(notebook):
        tree = _parse(source)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called(node) == "quiz"):
                continue
            args = [_literal(a) for a in node.args]
            kwargs = {k.arg: _literal(k.value) for k in node.keywords if k.arg}
            lesson = args[0] if args else kwargs.get("lesson")
            question = args[1] if len(args) > 1 else kwargs.get("question")
            section = kwargs.get("section")
            if not isinstance(lesson, str) or _Unknown in (question, section):
                raise ValueError(f"{notebook.name}: cannot read quiz call {ast.unparse(node)}")
            calls.append(QuizCall(lesson, question, section))
    return calls


def calls_of(notebook: Path, name: str) -> list[str]:
    """Source of every call to ``name`` (``explore``, ``figures.timeline`` ...)."""
    found = []
    for source in code_cells(notebook):
        tree = _parse(source)
        if tree is None:
            continue
        found += [
            ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Call) and _called(n) == name
        ]
    return found


def bank(lesson: str, root: Path = REPO) -> dict[str, Any]:
    return yaml.safe_load((root / "lessons" / lesson / "quiz.yaml").read_text(encoding="utf-8"))


def question(lesson: str, question_id: str, root: Path = REPO) -> dict[str, Any]:
    for q in bank(lesson, root)["questions"]:
        if q["id"] == question_id:
            return q
    raise KeyError(f"{lesson}: no question {question_id!r}")


def expected_questions(notebook: Path) -> list[tuple[str, str]]:
    """(lesson, question id) of every question view the notebook should show, in order."""
    expected = []
    for call in quiz_calls(notebook):
        if call.question is not None:
            expected.append((call.lesson, call.question))
            continue
        for q in bank(call.lesson)["questions"]:
            if call.section is None or q.get("section") == call.section:
                expected.append((call.lesson, q["id"]))
    return expected


def plain(markdown: str) -> str:
    """Markdown reduced to the words a reader sees, whitespace squashed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown or "")
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class SingleChoice:
    lesson: str
    id: str
    right: str
    wrong: str
    wrong_feedback: str  # plain text of the targeted feedback for `wrong` ("" if none)


def single_choice(lesson: str, question_id: str) -> SingleChoice:
    q = question(lesson, question_id)
    right = [o for o in q["options"] if o.get("correct")]
    wrong = [o for o in q["options"] if not o.get("correct")]
    assert len(right) == 1 and wrong, f"{lesson}/{question_id} is not a single-choice question"
    wrong.sort(key=lambda o: not o.get("feedback"))  # prefer one with targeted feedback
    return SingleChoice(
        lesson, question_id, right[0]["text"], wrong[0]["text"], plain(wrong[0].get("feedback", ""))
    )


def first_single_choice(notebook: Path) -> SingleChoice | None:
    for lesson, qid in expected_questions(notebook):
        if question(lesson, qid)["type"] == "single":
            return single_choice(lesson, qid)
    return None
