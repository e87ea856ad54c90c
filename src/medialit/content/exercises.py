"""A lesson's exercises beyond its quiz bank (``lessons/<id>/exercises.yaml``).

Lateral-reading tasks ask learners to find something in the source packet before
the course shows its own answer; the answer cites excerpts like any other fact.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from medialit.content.base import ContentModel, NonEmpty, Slug
from medialit.content.yamlfile import load_model

EXERCISES_FILE = "exercises.yaml"


class LateralReadingTask(ContentModel):
    id: Slug
    task: NonEmpty
    hint: str = ""
    answer: NonEmpty
    excerpts: list[Slug] = Field(min_length=1)


class ExercisesFile(ContentModel):
    lateral_reading: list[LateralReadingTask] = []
    # Sentences whose verdict learners give themselves before seeing the course's.
    check_the_checker: list[Slug] = []


def load_exercises(folder: Path, root: Path) -> ExercisesFile:
    path = folder / EXERCISES_FILE
    if not path.exists():
        return ExercisesFile()
    return load_model(ExercisesFile, path, root)
