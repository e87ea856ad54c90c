"""Cases built once per session from the course's own article and lesson 6's practice page."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.newcase.scaffold import build_case

REPO = Path(__file__).resolve().parents[2]
COURSE_TEXT = REPO / "data" / "article" / "article-as-scraped.txt"
PRACTICE_HTML = REPO / "lessons" / "06-your-turn" / "practice-article.html"


@pytest.fixture(scope="session")
def text_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_case(tmp_path_factory.mktemp("cases") / "kursk", COURSE_TEXT)


@pytest.fixture(scope="session")
def html_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_case(tmp_path_factory.mktemp("cases") / "reservoir", PRACTICE_HTML)
