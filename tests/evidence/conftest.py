from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def full_course(tmp_path: Path) -> Path:
    """A copy of the whole course, to break on purpose."""
    for folder in ("data", "lessons"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy(REPO / "course.yaml", tmp_path / "course.yaml")
    return tmp_path
