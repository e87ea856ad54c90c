"""Hand annotations of the article's sentences: kind, sourcing, hedges, verdict."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from medialit.content.base import ContentModel, NonEmpty, Slug


class Kind(StrEnum):
    FACT_CLAIM = "fact_claim"
    OPINION = "opinion"
    PREDICTION = "prediction"
    DIRECT_QUOTE = "direct_quote"
    PARAPHRASE = "paraphrase"
    BACKGROUND = "background"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class HedgeSignal(StrEnum):
    PROBABILITY = "probability"
    POSSIBILITY = "possibility"
    BELIEF = "belief"
    HEARSAY = "hearsay"
    APPROXIMATION = "approximation"
    CONDITION = "condition"


class Rating(StrEnum):
    CONFIRMED = "confirmed"
    WRONG = "wrong"
    PARTLY = "partly"
    UNCONFIRMED = "unconfirmed"

    @property
    def label(self) -> str:
        return {"partly": "partly right"}.get(self.value, self.value)


class Span(ContentModel):
    """A stretch of the article: ``text`` must equal ``article.text[start:start+len(text)]``."""

    text: NonEmpty
    start: int = Field(ge=0)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Hedge(Span):
    signals: HedgeSignal


class Hop(ContentModel):
    source: Slug
    how: str = ""


class Verdict(ContentModel):
    rating: Rating
    summary: NonEmpty
    evidence: NonEmpty
    citations: list[Slug] = Field(min_length=1)


class SentenceAnnotation(ContentModel):
    id: Slug
    text: NonEmpty
    start: int = Field(ge=0)
    kind: Kind
    also: list[Kind] = []
    claimant: Slug
    chain: list[Hop] = Field(min_length=1)
    hedges: list[Hedge] = []
    quotes: list[Span] = []
    unattributed: list[Span] = []
    verdict: Verdict
    note: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def kinds(self) -> list[Kind]:
        return [self.kind, *self.also]


class AnnotationsFile(ContentModel):
    sentences: list[SentenceAnnotation]
