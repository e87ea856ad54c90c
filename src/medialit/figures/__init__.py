"""Course figures: each function takes the course (default: ``current_course()``) and returns
an :class:`~medialit.figures.display.AccessibleFigure` (PNG + alt text + caption naming the
source + the data behind it as a table).

In a notebook::

    from medialit import figures
    figures.map_kursk()

Functions are imported on first use (no module is named like a function, so a
submodule import can never shadow one), so ``import medialit.figures.palette`` (used by the
explorer) does not pull in matplotlib.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "AccessibleFigure": "display",
    "DataTable": "display",
    "map_kursk": "map",
    "attribution_chain": "sourcing",
    "sourcing_summary": "sourcing",
    "timeline": "chronology",
    "casualty_context": "numbers",
    "drones": "numbers",
    "strike_casualties": "numbers",
    "numbers_inventory": "inventory",
    "chart_pair": "misleading",
    "all_figures": "gallery",
    "CATALOGUE": "gallery",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'medialit.figures' has no attribute {name!r}")
    return getattr(importlib.import_module(f"medialit.figures.{module}"), name)


def __dir__() -> list[str]:
    return __all__
