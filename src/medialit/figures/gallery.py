"""Every course figure at once: for the benchmark, the CLI's figure count and smoke tests."""

from __future__ import annotations

from typing import Any

from medialit.figures.chronology import timeline
from medialit.figures.common import course_or_default
from medialit.figures.display import AccessibleFigure
from medialit.figures.map import map_kursk
from medialit.figures.misleading import TRICKS, chart_pair
from medialit.figures.numbers import casualty_context, drones, strike_casualties
from medialit.figures.sourcing import attribution_chain, sourcing_summary

# The figure functions a course offers, by name (``medialit check`` counts them).
CATALOGUE = (
    "map_kursk", "timeline", "attribution_chain", "sourcing_summary",
    "casualty_context", "drones", "strike_casualties", "chart_pair",
)


def all_figures(course: Any | None = None) -> list[AccessibleFigure]:
    """One of each figure; attribution chains for every sentence with more than one hop."""
    course = course_or_default(course)
    figures = [
        map_kursk(course), timeline(course), sourcing_summary(course),
        casualty_context(course), drones(course), strike_casualties(course),
        *(chart_pair(course, trick) for trick in TRICKS),
    ]
    figures += [attribution_chain(course, s.id) for s in course.sentences if len(s.chain) > 2]
    return figures
