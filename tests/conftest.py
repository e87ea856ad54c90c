"""Every test runs as a stable, throwaway learner: nothing touches the real progress folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

_progress = tempfile.mkdtemp(prefix="medialit-tests-")
os.environ.setdefault("MEDIALIT_DATA_DIR", _progress)
os.environ.setdefault("MEDIALIT_LEARNER", "pytest")
os.environ.setdefault("MEDIALIT_CACHE_DIR", tempfile.mkdtemp(prefix="medialit-cache-tests-"))
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def course_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The checkout's data with no lessons, for tests of what is built from ``data/`` alone.

    Loading the lessons too would make figure or explorer tests fail whenever a quiz
    bank is mid-edit, which says nothing about figures or the explorer.
    """
    root = tmp_path_factory.mktemp("course")
    (root / "data").symlink_to(REPO / "data", target_is_directory=True)
    (root / "course.yaml").write_text(
        'title: "data-only course"\narticle: data/article\nlessons: []\n', encoding="utf-8"
    )
    return root


@pytest.fixture(scope="session")
def course(course_root: Path):
    from medialit.content import load_course

    return load_course(course_root)
