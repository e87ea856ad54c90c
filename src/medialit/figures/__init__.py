"""Course figures: each function takes the course (default: ``current_course()``) and returns
an :class:`~medialit.figures.display.AccessibleFigure` (PNG + alt text + caption naming the
source + the data behind it as a table).

In a notebook::

    from medialit import figures
    figures.map_kursk()

The figure functions here look in the figure cache first (:mod:`medialit.figures.cache`):
a figure drawn before, from the same data and code, is shown without drawing it, or
even importing matplotlib. The drawing modules hold the same functions uncached.

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
    from medialit.figures import cache

    if name in cache.DRAWS:  # a figure function: the cache is asked before anything is drawn
        value = cache.public_function(name)
    else:
        value = getattr(importlib.import_module(f"medialit.figures.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
