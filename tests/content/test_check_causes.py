"""``medialit check`` names the cause of a mistake once, not every place it echoes to."""

from __future__ import annotations

import re
from pathlib import Path

from content_helpers import edit, problems_of


def test_one_bad_field_in_sources_is_one_message(full_course: Path) -> None:
    edit(full_course / "data/sources.yaml", "    type: government\n", "    type: govrnment\n")
    (problem,) = problems_of(full_course)  # not the quizzes' references to every sentence
    assert problem.startswith("data/sources.yaml: sources[0](pentagon).type:")


def test_misspelt_source_id_is_reported_where_it_is_defined(full_course: Path) -> None:
    edit(full_course / "data/sources.yaml", "  - id: pentagon\n", "  - id: pentagn\n")
    (problem,) = problems_of(full_course)
    assert problem.startswith("data/sources.yaml: sources[0](pentagn).id: 'pentagn' is used")
    assert re.search(r"'pentagon' is used \d+ time\(s\) and defined nowhere", problem)


def test_misspelt_sentence_id_is_reported_where_it_is_defined(full_course: Path) -> None:
    edit(full_course / "data/annotations.yaml", "- id: s01\n", "- id: s0l\n")
    (problem,) = problems_of(full_course)
    assert problem.startswith("data/annotations.yaml: sentences[0](s0l).id:")
    assert "'s01' is used" in problem and "is this id misspelt?" in problem


def test_unknown_id_used_in_many_places_is_reported_once(data_course: Path) -> None:
    text = (data_course / "data/annotations.yaml").read_text(encoding="utf-8")
    uses = text.count("claimant: rutte")
    assert uses > 1
    path = data_course / "data/annotations.yaml"
    path.write_text(text.replace("claimant: rutte", "claimant: no-such-party"), encoding="utf-8")
    (problem,) = problems_of(data_course)
    assert "'no-such-party' is not in data/sources.yaml" in problem
    assert f"(also used in {uses - 1} other place(s))" in problem


def test_wrong_option_without_feedback_is_an_error(full_course: Path) -> None:
    bank = full_course / "lessons/00-start-here/quiz.yaml"
    edit(
        bank,
        "        feedback: Double-clicking a text cell opens it for editing; it does not run "
        "anything.\n",
        "",
    )
    (problem,) = problems_of(full_course)
    assert problem.startswith("lessons/00-start-here/quiz.yaml: questions[")
    assert (
        ".options[1].feedback: the wrong option 'Double-click the cell' needs feedback" in problem
    )
