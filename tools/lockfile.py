"""``requirements.lock``: every install's exact, hashed versions, and a check that it is fresh.

``python tools/lockfile.py write`` compiles the lock with uv for Python 3.11 on Linux
x86_64 (the README's machine, Binder's image and CI) from ``pyproject.toml``'s
dependencies and its ``test`` and ``classroom`` extras, and heads it with a hash of
those lists. ``python tools/lockfile.py check`` fails when ``pyproject.toml``'s lists no
longer match that hash, i.e. when someone changed a dependency without ``make lock``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
EXTRAS = ("test", "classroom")
PYTHON, PLATFORM = "3.11", "x86_64-unknown-linux-gnu"
MARK = "# pyproject-sha256: "


def inputs_hash(pyproject: Path = ROOT / "pyproject.toml") -> str:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    chosen = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "extras": {e: project.get("optional-dependencies", {}).get(e, []) for e in EXTRAS},
        "target": [PYTHON, PLATFORM],
    }
    return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()


def recorded_hash(lock: Path = LOCK) -> str | None:
    if not lock.exists():
        return None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(MARK):
            return line[len(MARK):].strip()
    return None


def write() -> int:
    command = [sys.executable, "-m", "uv", "pip", "compile", "pyproject.toml",
               *[f"--extra={e}" for e in EXTRAS], "--generate-hashes", "--no-header",
               "--python-version", PYTHON, "--python-platform", PLATFORM,
               "--quiet"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        print(result.stderr, file=sys.stderr)
        return result.returncode
    header = (
        "# Exact, hashed versions of every dependency: written by `make lock`, do not edit.\n"
        f"# Python {PYTHON} on Linux x86_64; extras: {', '.join(EXTRAS)}.\n"
        "# Install: pip install --require-hashes -r requirements.lock && "
        "pip install --no-deps -e .\n"
        f"{MARK}{inputs_hash()}\n"
    )
    LOCK.write_text(header + result.stdout, encoding="utf-8")
    print(f"wrote {LOCK.name}")
    return 0


def check() -> int:
    found, wanted = recorded_hash(), inputs_hash()
    if found == wanted:
        print(f"{LOCK.name} is up to date with pyproject.toml")
        return 0
    why = "is missing" if found is None else "is stale: pyproject.toml's dependencies changed"
    print(f"{LOCK.name} {why}; run `make lock` and commit it", file=sys.stderr)
    return 1


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"write": write, "check": check}[action]())
