"""The public record around the article: timeline, places and context figures.

Every entry cites excerpt ids of the source packet (``data/record/``, see
:mod:`medialit.content.packet`): the fields keep the name ``citation(s)``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from medialit.content.base import ContentModel, NonEmpty, Slug


class Event(ContentModel):
    date: dt.date
    approximate: bool = False
    event: NonEmpty
    article_phrase: str | None = None
    sentences: list[Slug] = []
    citations: list[Slug] = Field(min_length=1)


class TimelineFile(ContentModel):
    events: list[Event]


class Place(ContentModel):
    id: Slug
    name: NonEmpty
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    kind: NonEmpty
    note: str = ""


class IncursionArea(ContentModel):
    label: NonEmpty
    around: Slug
    radius_km: float = Field(gt=0)


class PlacesFile(ContentModel):
    places: list[Place]
    incursion_area: IncursionArea | None = None


class CasualtyEstimate(ContentModel):
    id: Slug
    label: NonEmpty
    low: int = Field(ge=0)
    high: int | None = None
    measures: NonEmpty
    kind: NonEmpty  # "estimate" or "floor"
    date: dt.date
    approximate: bool = False
    citation: Slug

    @model_validator(mode="after")
    def _range(self) -> CasualtyEstimate:
        if self.high is not None and self.high < self.low:
            raise ValueError("high is below low")
        return self


class TroopEstimate(ContentModel):
    label: NonEmpty
    value: int = Field(ge=0)
    # "floor" for an "at least" figure (arrivals so far), "estimate" for a total.
    kind: Literal["estimate", "floor"] = "estimate"
    date: dt.date
    approximate: bool = False
    citation: Slug


class DroneNight(ContentModel):
    date: dt.date
    launched: int = Field(ge=0)
    outcomes: dict[str, int]
    in_article: bool
    citation: Slug

    @model_validator(mode="after")
    def _fits(self) -> DroneNight:
        if sum(self.outcomes.values()) > self.launched:
            raise ValueError("outcomes add up to more than were launched")
        return self

    @property
    def unreported(self) -> int:
        """Drones whose fate the report does not give: unknown, not zero."""
        return self.launched - sum(self.outcomes.values())


class StrikeCasualties(ContentModel):
    city: NonEmpty
    killed: int | None = Field(default=None, ge=0)
    injured: int | None = Field(default=None, ge=0)
    in_article: bool
    citation: Slug


class OutletCount(ContentModel):
    outlet: NonEmpty
    killed: int | None = None
    injured: int | None = None
    citation: Slug


class ContextFigures(ContentModel):
    casualty_estimates: list[CasualtyEstimate]
    troop_estimates: list[TroopEstimate]
    drone_nights: list[DroneNight]
    strike_casualties: list[StrikeCasualties]
    strike_counts_by_outlet: list[OutletCount] = []
