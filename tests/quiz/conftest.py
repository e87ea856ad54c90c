"""Quiz tests: a fixture course with every question type, in teacher and sealed form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from quiz_helpers import BANK, FIXTURE

from medialit.content.quizbank import QuizBank, load_bank, load_misconceptions
from medialit.progress.attempts import MemorySink
from medialit.progress.sink import set_sink


@pytest.fixture(autouse=True)
def quiet_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(tmp_path / "progress"))
    monkeypatch.setenv("MEDIALIT_LEARNER", "tester")
    monkeypatch.delenv("MEDIALIT_COURSE_ROOT", raising=False)
    set_sink(None)
    yield
    set_sink(None)


@pytest.fixture(scope="session")
def misconceptions() -> dict:
    return load_misconceptions(FIXTURE)


@pytest.fixture(scope="session")
def teacher_bank(misconceptions: dict) -> QuizBank:
    return load_bank(BANK, FIXTURE, None, {"try-types"}, misconceptions)


@pytest.fixture(scope="session")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from medialit.quiz.release import release

    out = tmp_path_factory.mktemp("student") / "edition"
    release(FIXTURE, out, validate=False)
    return out


@pytest.fixture(scope="session")
def sealed_bank(released: Path, misconceptions: dict) -> QuizBank:
    return load_bank(
        released / "lessons" / "types" / "quiz.yaml", released, None, None, misconceptions
    )


@pytest.fixture(params=["teacher", "sealed"])
def bank(request: pytest.FixtureRequest, teacher_bank: QuizBank, sealed_bank: QuizBank) -> QuizBank:
    return teacher_bank if request.param == "teacher" else sealed_bank


@pytest.fixture
def sink() -> MemorySink:
    return MemorySink()
