from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_course(tmp_path: Path) -> Path:
    """A copy of the course's data with no lessons: for breaking data files on purpose."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "course.yaml").write_text(
        "title: test copy\narticle: data/article\nlessons: []\n", encoding="utf-8"
    )
    return tmp_path


@pytest.fixture
def full_course(tmp_path: Path) -> Path:
    """A copy of the whole course (data, lessons, course.yaml)."""
    for folder in ("data", "lessons"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy(REPO / "course.yaml", tmp_path / "course.yaml")
    return tmp_path
