"""The source registry: who speaks in the article, what they can know, what they want."""

from __future__ import annotations

from enum import StrEnum

from medialit.content.base import ContentModel, NonEmpty, Slug


class SourceType(StrEnum):
    GOVERNMENT = "government"
    MILITARY = "military"
    MILITARY_ALLIANCE = "military_alliance"
    WIRE_SERVICE = "wire_service"
    NEWSPAPER = "newspaper"
    OFFICIAL = "official"
    STATE_MEDIA = "state_media"
    ANONYMOUS = "anonymous"
    WEBSITE = "website"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Identified(StrEnum):
    NAMED = "named"
    DESCRIBED = "described"
    ANONYMOUS = "anonymous"


class Source(ContentModel):
    id: Slug
    name: NonEmpty
    type: SourceType
    identified: Identified
    affiliation: NonEmpty
    part_of: Slug | None = None
    aliases: list[NonEmpty] = []
    position_to_know: NonEmpty
    interests: NonEmpty
    # Fields pre-filled by `medialit new`, each with the rule that produced it; a field
    # leaves this map once a teacher has confirmed or corrected it (see newcase.todo).
    draft: dict[str, str] = {}


class SourcesFile(ContentModel):
    sources: list[Source]
