"""The quiz-types notebook passes strict nbval twice in a row (outputs are stable)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
NOTEBOOK = HERE / "quiz-types.ipynb"
SANITIZE = HERE.parent / "nbval-sanitize.cfg"


@pytest.mark.slow
def test_quiz_notebook_passes_strict_nbval_twice(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        MEDIALIT_LEARNER="nbval",
        MEDIALIT_DATA_DIR=str(tmp_path / "progress"),
        MEDIALIT_COURSE_ROOT=str(HERE / "fixtures" / "course"),
    )
    command = [
        sys.executable,
        "-m",
        "pytest",
        "--nbval",
        "--nbval-current-env",
        "--nbval-sanitize-with",
        str(SANITIZE),
        "-p",
        "no:cacheprovider",
        "-q",
        str(NOTEBOOK),
    ]
    for run in (1, 2):
        result = subprocess.run(
            command, cwd=HERE, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, (
            f"run {run}:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
        )
        assert "passed" in result.stdout and "failed" not in result.stdout
