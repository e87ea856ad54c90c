"""Helpers shared by the progress tests (importable because pytest puts this folder on sys.path)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from medialit.progress.attempts import Attempt

T0 = datetime(2024, 11, 1, 9, 0, tzinfo=UTC)


def make_attempt(
    question: str = "q1",
    *,
    learner: str = "ann",
    lesson: str = "02-claims",
    response: object = "A prediction",
    correct: bool = True,
    attempt: int = 1,
    minutes: int = 0,
    misconception: str | None = None,
    feedback: str = "",
) -> Attempt:
    return Attempt(
        learner=learner,
        lesson=lesson,
        question=question,
        response=response,
        correct=correct,
        score=1.0 if correct else 0.0,
        attempt=attempt,
        misconception=misconception,
        feedback=feedback,
        at=T0 + timedelta(minutes=minutes),
    )


def tree_state(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``root`` with its content hash and mtime: to prove nothing changed."""
    state = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and os.access(path, os.R_OK):
            state[str(path.relative_to(root))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
        elif path.is_file():
            state[str(path.relative_to(root))] = ("unreadable", path.stat().st_mtime_ns)
    return state


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NEEDS_ROOT = "mounting a small or read-only filesystem needs root (CI runs as root)"


def mount_tmpfs(folder: Path, size: str = "256k") -> None:
    """Mount a real tmpfs of ``size`` at ``folder``, or skip the test saying why not."""
    import pytest

    if not ROOT:
        pytest.skip(NEEDS_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill_disk(folder: Path) -> Path:
    """Write a file until the filesystem says it is full; returns it (delete to free space)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while os.write(fd, b"\0" * 512):
                pass
    finally:
        os.close(fd)
    return filler
