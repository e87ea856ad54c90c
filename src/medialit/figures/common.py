"""What every figure builder shares: the default course and citing sources in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# The map outlines, relative to the course root (npm world-atlas; see data/map/README.md).
MAP_FILE = Path("data") / "map" / "countries-50m.json"


def course_or_default(course: Any | None) -> Any:
    """The course a figure is drawn from; ``None`` means the one ``current_course()`` finds."""
    if course is not None:
        return course
    from medialit.content import current_course

    return current_course()


def day(date: dt.date) -> str:
    """``28 Oct 2024``: unambiguous across locales, unlike 10/28/2024."""
    return f"{date.day} {date:%b %Y}"


def cite(citations: Mapping[str, Any], ids: Iterable[str]) -> str:
    """Sources as ``publisher (date)``, each once, in first-seen order."""
    seen: dict[str, None] = {}
    for cid in ids:
        citation = citations.get(cid)
        if citation is None:
            text = cid
        else:
            approx = "about " if getattr(citation, "approximate", False) else ""
            when = day(citation.date) if citation.date else "undated"
            text = f"{citation.publisher} ({approx}{when})"
        seen.setdefault(text, None)
    return "; ".join(seen)


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")
