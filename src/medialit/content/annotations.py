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


class Basis(StrEnum):
    """What a piece of evidence rests on: the only three honest answers."""

    RECORD = "record"  # excerpts of documents in data/record/
    ARTICLE = "article"  # the article's own words, read closely
    NOT_FOUND = "not-found"  # a search of the record that came back empty

    @property
    def label(self) -> str:
        return {
            "record": "from the record",
            "article": "from the article itself",
            "not-found": "not found in the record",
        }[self.value]


class Evidence(ContentModel):
    """One point of a verdict's evidence, with the excerpts a learner can read for it."""

    text: NonEmpty
    basis: Basis = Basis.RECORD
    excerpts: list[Slug] = []


class Verdict(ContentModel):
    rating: Rating
    summary: NonEmpty
    evidence: list[Evidence] = Field(min_length=1)
    # Where a careful reader could reach a different verdict, and what the course is
    # unsure of: shown after a learner has given their own verdict.
    uncertainty: str = ""

    @property
    def excerpts(self) -> list[str]:
        """Every excerpt the evidence cites, in order of first mention."""
        seen: dict[str, None] = {}
        for point in self.evidence:
            seen.update(dict.fromkeys(point.excerpts))
        return list(seen)


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
    # Fields pre-filled by `medialit new`, each with the rule that produced it; a field
    # leaves this map once a teacher has confirmed or corrected it (see newcase.todo).
    draft: dict[str, str] = {}

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def kinds(self) -> list[Kind]:
        return [self.kind, *self.also]


class AnnotationsFile(ContentModel):
    sentences: list[SentenceAnnotation]
