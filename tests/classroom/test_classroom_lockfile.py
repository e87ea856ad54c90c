"""requirements.lock drives every install; CI fails when it is stale against pyproject.toml."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("lockfile", REPO / "tools" / "lockfile.py")
assert spec and spec.loader
lockfile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lockfile)


def test_the_lock_matches_pyproject() -> None:
    assert lockfile.recorded_hash() == lockfile.inputs_hash(), (
        "requirements.lock is stale: run `make lock` and commit it"
    )


def test_changing_a_dependency_makes_the_lock_stale(tmp_path: Path) -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    changed = tmp_path / "pyproject.toml"
    changed.write_text(text.replace('"numpy>=1.26"', '"numpy>=2.0"'), encoding="utf-8")
    assert lockfile.inputs_hash(changed) != lockfile.inputs_hash()


def test_every_locked_requirement_is_exact_and_hashed() -> None:
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 4)[4])
    assert len(entries) > 50
    for entry in entries:
        head = entry.splitlines()[0]
        assert re.match(r"^[A-Za-z0-9._\[\],-]+==\S+", head), head
        assert "--hash=sha256:" in entry, head
    for needed in ("jupyterhub==", "sqlalchemy==", "jupyterlab==", "psycopg=="):
        assert needed in text


def test_installs_use_the_lock() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in makefile
    binder = (REPO / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert "-r ../requirements.lock" in binder.splitlines()
