"""Saved progress: the store, reports, and one call for a learner to keep their answers."""

from __future__ import annotations

from pathlib import Path


def save_answers(path: str | Path, format: str = "csv") -> Path:
    """Write this kernel's answers (saved and kept aside) to ``path``; see
    :func:`medialit.progress.sink.save_answers`."""
    from medialit.progress.sink import save_answers as save

    return save(path, format)
