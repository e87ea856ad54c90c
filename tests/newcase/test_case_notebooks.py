"""A new case's notebooks run, and once executed pass strict nbval as the course's do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_executed_case_notebooks_pass_strict_nbval(html_case, tmp_path):
    root = tmp_path / "case"
    shutil.copytree(html_case, root)
    env = {**os.environ, "MEDIALIT_COURSE_ROOT": str(root), "MEDIALIT_LEARNER": "nbval",
           "MEDIALIT_DATA_DIR": str(tmp_path / "run")}
    run = subprocess.run([sys.executable, str(REPO / "tools" / "run_notebooks.py"), "--root",
                          str(root)], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    names = sorted(p.name for p in (root / "notebooks").glob("*.ipynb"))
    assert names == ["00-start.ipynb", "01-claims.ipynb", "02-sourcing.ipynb",
                     "03-figures.ipynb", "review-drafts.ipynb"]
    for path in (root / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert outputs and not [o for o in outputs if o.output_type == "error"], path.name
        teacher = [c for c in nb.cells if c.metadata.get("medialit", {}).get("teacher")]
        assert path.name == "review-drafts.ipynb" or teacher
    env["MEDIALIT_DATA_DIR"] = str(tmp_path / "check")
    check = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", str(REPO / "tests" / "nbval-sanitize.cfg"),
         "-p", "no:cacheprovider", "-q", str(root / "notebooks")],
        env=env, capture_output=True, text=True, timeout=600, cwd=root,
    )
    assert check.returncode == 0, check.stdout[-3000:]
    assert " passed" in check.stdout
