"""The notebooks of a new case: thin, like the course's, and valid for any article.

Markdown cells meant for the teacher's own notes carry ``"medialit": {"teacher": true}``
in their metadata and start with a bold "Teacher's notes" line, so a teacher (and a tool)
can find them; `medialit regenerate` never rewrites a notebook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
TEACHER_NOTE = (
    "**Teacher's notes** (yours to write: this cell is marked for you and no tool rewrites "
    "it). What should the class notice here?"
)


def _code(source: str) -> Any:
    return nbformat.v4.new_code_cell(source)


def _md(source: str) -> Any:
    return nbformat.v4.new_markdown_cell(source)


def _teacher() -> Any:
    cell = nbformat.v4.new_markdown_cell(TEACHER_NOTE)
    cell.metadata["medialit"] = {"teacher": True}
    return cell


def _notebook(cells: list[Any]) -> Any:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = cells
    for k, cell in enumerate(cells):  # ids from position: stable across rebuilds
        cell["id"] = f"cell-{k:03d}"
    return nb


def _quizzes(lesson_id: str, questions: list[dict[str, Any]]) -> list[Any]:
    cells = [_code("from medialit.quiz import quiz")]
    for q in questions:
        cells.append(_code(f'quiz("{lesson_id}", "{q["id"]}")'))
    return cells


def start_notebook(lessons: list[str]) -> Any:
    listing = "\n".join(f"- `{lesson}`" for lesson in lessons)
    return _notebook([
        _md("# Start here\n\nThis case applies the course's method to one article. Run each "
            "cell in order (Shift+Enter). The explorer below shows the article sentence by "
            "sentence: click a sentence to see its kind, its source, its hedges and its "
            f"verdict.\n\nThe lessons:\n\n{listing}"),
        _teacher(),
        _code('from medialit.explorer import explore; explore(selected="s1")'),
        _code("from medialit.progress.widgets import name_picker; name_picker()"),
    ])


def lesson_notebook(lesson_id: str, questions: list[dict[str, Any]], chain_sentence: str | None
                    ) -> Any:
    cells = [_code(f'from medialit.notebook import start; start("{lesson_id}")'), _teacher()]
    if lesson_id == "01-claims":
        cells.append(_code('from medialit.explorer import explore; explore(selected="s1")'))
    if lesson_id == "02-sourcing":
        cells.append(_code("from medialit import figures; figures.sourcing_summary()"))
        if chain_sentence:
            cells.append(_code("from medialit import figures; "
                               f'figures.attribution_chain(sentence_id="{chain_sentence}")'))
    if lesson_id == "03-figures":
        cells.append(_code("from medialit import figures; figures.numbers_inventory()"))
    cells += _quizzes(lesson_id, questions) if questions else []
    cells.append(_teacher())
    cells.append(_code(f'from medialit.notebook import keypoints; keypoints("{lesson_id}")'))
    return _notebook(cells)


def review_notebook() -> Any:
    return _notebook([
        _md("# Reviewing the drafts\n\nEvery field `medialit new` pre-filled is a draft until "
            "you confirm or correct it. The article below shows the drafts highlighted; pick "
            "a sentence, correct its kind, claimant, hedges and verdict, and press Save. "
            "Saving re-reads the YAML first, keeps its comments and order, and refuses if "
            "you changed the same field in the file meanwhile. This notebook is for the "
            "teacher: it is not part of the lessons."),
        _code("from medialit.newcase.review_view import review; review()"),
    ])


def write_all(root: Path, lessons: list[str], generated: dict[str, list[dict[str, Any]]],
              chain_sentence: str | None = None) -> list[Path]:
    folder = root / "notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    if chain_sentence is None:
        chain_sentence = _first_chained(root)
    written = []
    books = {"00-start": start_notebook(lessons), "review-drafts": review_notebook()}
    for lesson in lessons:
        books[lesson] = lesson_notebook(lesson, generated.get(lesson, []), chain_sentence)
    for name, nb in books.items():
        path = folder / f"{name}.ipynb"
        nbformat.write(nb, str(path))
        written.append(path)
    return written


def _first_chained(root: Path) -> str | None:
    import yaml

    path = root / "data" / "annotations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    for s in (data or {}).get("sentences", []):
        if len(s.get("chain", [])) > 1:
            return s["id"]
    return None
