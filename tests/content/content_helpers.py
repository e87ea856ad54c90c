"""Helpers for tests that break content files on purpose and read the problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.content import ContentError, load_course


def problems_of(root: Path) -> list[str]:
    """Every problem ``load_course`` reports for ``root``, as ``file: field: problem``."""
    with pytest.raises(ContentError) as caught:
        load_course(root)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in ``path``; fail if the fixture text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
