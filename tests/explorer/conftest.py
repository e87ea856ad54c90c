"""A course for explorer tests: the checkout's data, without lessons.

The explorer reads only ``data/``; loading the lessons too would make these tests
fail whenever a quiz bank is mid-edit, which says nothing about the explorer.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def course_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("course")
    (root / "data").symlink_to(CHECKOUT / "data", target_is_directory=True)
    (root / "course.yaml").write_text(
        'title: "explorer test course"\narticle: data/article\nlessons: []\n', encoding="utf-8"
    )
    return root


@pytest.fixture(scope="session")
def course(course_root: Path):
    from medialit.content import load_course

    return load_course(course_root)
