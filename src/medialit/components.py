"""The browser side every medialit component shares.

anywidget loads each component's ES module on its own, so a module cannot import a
sibling file; the shared helpers (``h``, ``quiet``, ``settle`` in ``static/common.js``)
and the shared CSS are joined in front of each component's own files here, once.
"""

from __future__ import annotations

from pathlib import Path

COMMON = Path(__file__).parent / "static"


def module(path: Path) -> str:
    """A component's ES module with the shared helpers in front."""
    return (COMMON / "common.js").read_text(encoding="utf-8") + "\n" + path.read_text(
        encoding="utf-8")


def style(path: Path) -> str:
    """A component's CSS with the shared rules in front."""
    return (COMMON / "common.css").read_text(encoding="utf-8") + "\n" + path.read_text(
        encoding="utf-8")


__all__ = ["module", "style"]
