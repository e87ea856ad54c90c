"""The course as a whole keeps the promises the README makes to teachers and learners."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.content import load_course

REPO = Path(__file__).resolve().parents[2]
INTERACTIVE = {"classify", "match", "highlight"}


@pytest.fixture(scope="module")
def course():
    return load_course(REPO)


def notebook_text(path: Path) -> tuple[str, str]:
    """(markdown, code) of a notebook, each as one string."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return markdown, code


def lesson_words(course, lesson) -> str:
    """Everything a learner reads in a lesson: notebook markdown and quiz text."""
    markdown, _ = notebook_text(REPO / "notebooks" / f"{lesson.id}.ipynb")
    parts = [markdown]
    if lesson.quiz is not None:
        parts.append(json.dumps(lesson.quiz.model_dump(mode="json"), ensure_ascii=False))
    return "\n".join(parts)


def test_check_json_reports_the_whole_course(capsys):
    assert main(["check", "--json", "--root", str(REPO)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sentences_annotated"] == 19
    assert report["lessons"] == 7
    assert report["numbers"] >= 7


def test_every_lesson_has_a_notebook_guide_and_bank(course):
    assert [lesson.id for lesson in course.lessons] == course.meta.lessons
    for lesson in course.lessons:
        assert (REPO / "notebooks" / f"{lesson.id}.ipynb").is_file(), lesson.id
        assert lesson.quiz is not None, lesson.id


def test_each_bank_has_four_questions_of_three_types(course):
    for lesson in course.lessons:
        types = {q.type for q in lesson.quiz.questions}
        assert len(lesson.quiz.questions) >= 4, lesson.id
        assert len(types) >= 3, (lesson.id, types)
    used = {q.type for lesson in course.lessons for q in lesson.quiz.questions}
    assert used >= INTERACTIVE


def test_each_core_fits_a_period_with_slack(course):
    """At most 10 core questions and 40 minutes; extensions come after the core, timed apart."""
    for lesson in course.lessons:
        core = [q for q in lesson.quiz.questions if not q.extension]
        assert 20 <= lesson.guide.meta.minutes <= 40, (lesson.id, lesson.guide.meta.minutes)
        assert len(core) <= 10, (lesson.id, len(core))
        if len(core) < len(lesson.quiz.questions):
            assert lesson.guide.meta.extension > 0, lesson.id


def test_notebooks_show_extension_questions_after_the_core(course):
    for lesson in course.lessons:
        _, code = notebook_text(REPO / "notebooks" / f"{lesson.id}.ipynb")
        shown = re.findall(r'quiz\("[^"]+",\s*"([^"]+)"\)', code)
        flags = [lesson.quiz.question(q).extension for q in shown]
        assert flags == sorted(flags), (lesson.id, list(zip(shown, flags, strict=True)))


NUMBER_WORDS = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def test_the_article_has_one_number_count_everywhere(course):
    """README, guides and notebooks give the same count of the article's numbers as the table."""
    texts = {"README.md": (REPO / "README.md").read_text(encoding="utf-8")}
    for lesson in course.lessons:
        texts[f"{lesson.id}/guide.md"] = (lesson.path / "guide.md").read_text(encoding="utf-8")
        texts[f"{lesson.id}.ipynb"] = notebook_text(REPO / "notebooks" / f"{lesson.id}.ipynb")[0]
    counts = {(name, word) for name, text in texts.items()
              for word in re.findall(r"\b(\w+) numbers\b", text, flags=re.I)
              if word.lower() in NUMBER_WORDS}
    assert counts, "nobody says how many numbers the article has"
    wrong = {(n, w) for n, w in counts if NUMBER_WORDS[w.lower()] != len(course.numbers)}
    assert not wrong, f"the numbers table has {len(course.numbers)}: {sorted(wrong)}"


def test_notebooks_open_with_objectives_and_close_with_keypoints(course):
    for lesson in course.lessons:
        path = REPO / "notebooks" / f"{lesson.id}.ipynb"
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        assert f'start("{lesson.id}")' in code[0], lesson.id
        assert f'keypoints("{lesson.id}")' in code[-1], lesson.id


def test_every_lesson_but_the_first_shows_a_figure_or_the_explorer(course):
    for lesson in course.lessons[1:]:
        _, code = notebook_text(REPO / "notebooks" / f"{lesson.id}.ipynb")
        assert re.search(r"\b(figures|explorer|explore|analyze)\b", code), lesson.id


def test_every_sentence_is_discussed_somewhere(course):
    text = "\n".join(lesson_words(course, lesson) for lesson in course.lessons)
    for sentence in course.sentences:
        words = sentence.text.split()
        quoted = any(" ".join(words[i : i + 6]) in text for i in range(max(1, len(words) - 5)))
        by_id = re.search(rf"\b{sentence.id}\b|[Ss]entence {sentence.index}\b", text)
        assert quoted or by_id, sentence.id


def test_every_number_is_discussed_somewhere(course):
    text = "\n".join(lesson_words(course, lesson) for lesson in course.lessons).casefold()
    for number in course.numbers:
        assert re.search(rf"\b{re.escape(number.text.casefold())}\b", text), number.id



def test_the_explorer_is_used_unfiltered_somewhere(course):
    """The browser tests click a sentence in an explorer that starts with nothing selected."""
    sources = [notebook_text(REPO / "notebooks" / f"{x.id}.ipynb")[1] for x in course.lessons]
    assert any("explore()" in code for code in sources)


def test_the_explorer_appears_at_most_once_per_lesson(course):
    """One explorer per lesson, preset where the lesson needs it; the text points back to it."""
    for lesson in course.lessons:
        _, code = notebook_text(REPO / "notebooks" / f"{lesson.id}.ipynb")
        assert len(re.findall(r"\bexplore\(", code)) <= 1, lesson.id


def test_test_files_have_unique_names():
    """pytest imports test modules by file name (no packages): a clash stops collection."""
    names = [p.name for p in (REPO / "tests").rglob("test_*.py")]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_make_course_opens_the_first_notebook():
    """JupyterLab resolves the file to open against --notebook-dir, not the current folder."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"jupyter lab --notebook-dir=(\S+) .*?(\S+\.ipynb)", makefile)
    assert match, "make course must open a notebook"
    folder, notebook = match.groups()
    assert (REPO / folder / notebook).is_file()
    assert notebook.startswith("00-")
