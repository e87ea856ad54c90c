"""Lesson metadata: the Carpentries-style front matter of each ``guide.md``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field

from medialit.content.base import ContentModel, NonEmpty, Slug
from medialit.content.problems import ContentError, Problem
from medialit.content.yamlfile import display_name, validate

GUIDE_SECTIONS = (
    "Overview",
    "Teaching plan",
    "Discussion prompts",
    "Where learners stumble",
    "Answer notes",
)
TEACHER_ONLY_SECTION = "Answer notes"
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


class Objective(ContentModel):
    id: Slug
    text: NonEmpty


class GuideMeta(ContentModel):
    title: NonEmpty
    teaching: int = Field(ge=0, le=240)
    exercises: int = Field(ge=0, le=240)
    # Minutes for the optional extension questions, timed apart from the core lesson.
    extension: int = Field(default=0, ge=0, le=240)
    questions: list[NonEmpty] = Field(min_length=1)
    objectives: list[Objective] = Field(min_length=1)
    keypoints: list[NonEmpty] = Field(min_length=1)

    @property
    def minutes(self) -> int:
        """The core lesson's minutes; the extension is timed separately."""
        return self.teaching + self.exercises


@dataclass(frozen=True)
class Guide:
    meta: GuideMeta
    body: str
    sections: list[str]


def split_front_matter(text: str) -> tuple[str, str] | None:
    match = _FRONT.match(text)
    if not match:
        return None
    return match.group(1), text[match.end() :]


def load_guide(path: Path, root: Path, student_edition: bool = False) -> Guide:
    name = display_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(name, "(file)", "file is missing")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Problem(name, "(file)", f"cannot be read as UTF-8: {exc}")]) from None
    parts = split_front_matter(text)
    if parts is None:
        raise ContentError(
            [Problem(name, "(front matter)", "must start with a '---' YAML block closed by '---'")]
        )
    front, body = parts
    import yaml  # here, not at the top: a kernel reading cached content never parses YAML

    try:
        data: Any = yaml.safe_load(front)
    except yaml.YAMLError as exc:
        raise ContentError([Problem(name, "(front matter)", f"YAML syntax: {exc}")]) from None
    meta = validate(GuideMeta, data, name)
    sections = re.findall(r"^## +(.+?)\s*$", body, flags=re.MULTILINE)
    expected = [s for s in GUIDE_SECTIONS if not (student_edition and s == TEACHER_ONLY_SECTION)]
    problems = []
    missing = [s for s in expected if s not in sections]
    if missing:
        problems.append(Problem(name, "(sections)", "missing section(s): " + ", ".join(missing)))
    else:
        order = [sections.index(s) for s in expected]
        if order != sorted(order):
            problems.append(
                Problem(
                    name, "(sections)", "sections out of order; expected " + " / ".join(expected)
                )
            )
    ids = [o.id for o in meta.objectives]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem(name, "objectives", f"objective id '{dup}' is used twice"))
    if problems:
        raise ContentError(problems)
    return Guide(meta, body, sections)
