"""Every number in the article: where it is, what it counts, and who counted it."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from medialit.content.base import ContentModel, NonEmpty, Slug


class NumberKind(StrEnum):
    ESTIMATE = "estimate"
    COUNT = "count"
    DURATION = "duration"


class NumberEntry(ContentModel):
    id: Slug
    text: NonEmpty
    start: int = Field(ge=0)
    sentence: Slug
    value: float
    unit: NonEmpty
    counts: NonEmpty
    counted_by: Slug
    kind: NumberKind
    note: str = ""
    # Fields pre-filled by `medialit new`, each with the rule that produced it; a field
    # leaves this map once a teacher has confirmed or corrected it (see newcase.todo).
    draft: dict[str, str] = {}

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class NumbersFile(ContentModel):
    numbers: list[NumberEntry]
