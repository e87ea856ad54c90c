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
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
