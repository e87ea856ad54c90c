"""What the analyzer found, as pydantic models (``--json`` prints them as-is).

Every span is ``[start, end)`` in characters of :attr:`Report.text`, the text the
analyzer read (for HTML: the text extracted from the page). Every finding names
the rule that fired (``rule``: group or pattern id, ``entry``: the word or
pattern) so a learner can see *why* it was flagged. Changing these models changes
the JSON contract: bump :data:`SCHEMA_VERSION` and the schema snapshot in the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = 2

METADATA_FIELDS = ("title", "author", "date", "sitename", "url")


class Span(BaseModel):
    start: int
    end: int
    text: str


class RuleRef(BaseModel):
    """Which rule fired: ``hedges/probability`` + the entry ``likely``."""

    rule: str
    entry: str
    explain: str
    file: str


class Finding(Span):
    why: RuleRef


class Hedge(Finding):
    signal: str | None = None


class NumberFinding(Finding):
    kind: str = "count"
    values: list[float] = Field(default_factory=list, description="numbers read, in order")


class Quote(Span):
    """A direct quotation, quote marks included."""

    closed: bool = Field(True, description="False when the closing mark is missing")
    continues_before: bool = Field(False, description="began in an earlier sentence")
    continues_after: bool = Field(False, description="goes on into the next sentence")


class Attribution(Finding):
    """A source tied to a statement by a reporting verb or phrase."""

    form: Literal[
        "verb", "inverted", "verb_that", "participle", "source_after", "no_source", "inherited"
    ]
    cue: Span = Field(description="the reporting verb or phrase as written")
    source: Span | None = Field(None, description="the source as written; None if unnamed")
    identified: Literal["named", "described", "anonymous", "document", "pronoun", "unnamed"]
    kind: Literal["person", "organisation", "described", "anonymous", "document"] | None = Field(
        None,
        description="the course's category of the source (for a pronoun, of the source it "
        "points at); None when no source is named",
    )
    refers_to: str | None = Field(None, description="for a pronoun: the last named source")
    in_quote: bool = Field(False, description="the attribution sits inside a quotation")


class Sentence(Span):
    index: int = Field(description="1-based position among the article's sentences")
    attributions: list[Attribution] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    hedges: list[Hedge] = Field(default_factory=list)
    numbers: list[NumberFinding] = Field(default_factory=list)
    speech: Literal["direct", "mixed", "paraphrase", "none"] = Field(
        "none",
        description="direct: mostly quoted; mixed: quotes and reported speech; "
        "paraphrase: attributed without quote marks; none: no attribution or quote",
    )
    unattributed: bool = Field(
        False, description="no source at all, not even one carried over from a quote"
    )


class Furniture(Span):
    """A line of page furniture (address, menu, byline, repeated line) set aside."""

    line: int
    reason: str


class Metadata(BaseModel):
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


class Counts(BaseModel):
    sentences: int
    furniture_lines: int
    attributions: int
    quotes: int
    hedges: int
    numbers: int
    unattributed_sentences: int


class Report(BaseModel):
    schema_version: int = SCHEMA_VERSION
    file: str | None = None
    input: Literal["html", "text"]
    encoding: str
    notes: list[str] = Field(default_factory=list)
    metadata: Metadata = Field(default_factory=Metadata)
    missing: list[str] = Field(
        default_factory=list, description="metadata fields the input did not carry"
    )
    rules: list[str] = Field(default_factory=list, description="rule files used")
    text: str
    furniture: list[Furniture] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    counts: Counts

    def _repr_html_(self) -> str:
        from medialit.analyze.view import highlight

        return highlight(self)

    def __repr__(self) -> str:
        # The plain-text form a notebook stores beside the highlighted view: short and
        # stable, so a change to one rule does not rewrite a whole notebook output.
        c = self.counts
        name = Path(self.file).name if self.file else "text"
        return (
            f"<Analysis of {name}: {len(self.sentences)} sentences, {c.attributions} "
            f"attributions, {c.quotes} quotes, {c.hedges} hedges, {c.numbers} numbers, "
            f"{c.unattributed_sentences} with no source>"
        )


    def summary(self) -> str:
        from medialit.analyze.summary import summary

        return summary(self)
