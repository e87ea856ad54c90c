"""Option order is seeded by learner and question, and stable across processes."""

from __future__ import annotations

import subprocess
import sys

from medialit.quiz.shuffle import shuffled

ITEMS = [f"option {i}" for i in range(8)]


def test_same_learner_same_order_different_learners_differ() -> None:
    a = shuffled(ITEMS, "ann", "02-claims", "lead-kind")
    assert a == shuffled(ITEMS, "ann", "02-claims", "lead-kind")
    assert sorted(a) == ITEMS
    others = {tuple(shuffled(ITEMS, name, "02-claims", "lead-kind")) for name in "bcdefgh"}
    assert len(others | {tuple(a)}) > 1


def test_order_is_stable_across_processes_with_random_hash_seeds() -> None:
    code = (
        "from medialit.quiz.shuffle import shuffled;"
        f"print(shuffled({ITEMS!r}, 'ann', '02-claims', 'lead-kind'))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert runs == {str(shuffled(ITEMS, "ann", "02-claims", "lead-kind")) + "\n"}
