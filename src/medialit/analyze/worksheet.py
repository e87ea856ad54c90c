"""The claim-checking worksheet (lesson 06): what the learner records, without widgets.

For each claim: its text, who makes it, a verdict (confirmed / partly right /
wrong / unconfirmed, the names lesson 5 uses) and a note on the evidence. The
worksheet can be prefilled from an analyzer report, saved to and loaded from JSON
in the learner's data folder (so nothing is lost when the kernel restarts), and
exported as CSV or as schema.org
``ClaimReview`` JSON-LD for the claims that have a verdict.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from medialit.analyze.report import Report
from medialit.content.annotations import Rating

Verdict = Literal["confirmed", "partly", "wrong", "unconfirmed"]
VERDICTS: tuple[str, ...] = ("confirmed", "partly", "wrong", "unconfirmed")

# What the learner reads: the verdict names of lesson 5 (``Rating.label``).
VERDICT_LABELS: dict[str, str] = {v: Rating(v).label for v in VERDICTS}

# ClaimReview wants an ordinal scale: wrong (1) < partly (2) < confirmed (3).
# "Unconfirmed" is not a point on it: its rating carries the name but no value.
RATING = {"wrong": 1, "partly": 2, "confirmed": 3}
RATING_NAMES = {
    "confirmed": "Confirmed",
    "partly": "Partly right",
    "wrong": "Wrong",
    "unconfirmed": "Unconfirmed",
}
CSV_COLUMNS = ("number", "claim", "source", "verdict", "evidence", "sentence")


class Claim(BaseModel):
    text: str = ""
    source: str = ""
    verdict: Verdict | None = None
    evidence: str = ""
    sentence: int | None = Field(None, description="sentence number in the analyzer report")


class Worksheet(BaseModel):
    title: str = ""
    article_url: str | None = None
    article_author: str | None = None
    article_date: str | None = None
    reviewer: str = ""
    claims: list[Claim] = Field(default_factory=list)

    # ----------------------------------------------------------- building
    @classmethod
    def from_report(cls, report: Report, reviewer: str = "") -> Worksheet:
        """One row per checkable sentence: it names a source, gives a number, or names
        no source at all (the writer's own claims, which need checking first)."""
        claims = []
        for s in report.sentences:
            if not (s.attributions or s.numbers or s.unattributed):
                continue
            source = ""
            for a in s.attributions:
                name = a.refers_to if a.identified == "pronoun" or not a.source else a.source.text
                if name:
                    source = name
                    break
            claims.append(Claim(text=s.text, source=source, sentence=s.index))
        meta = report.metadata
        return cls(
            title=meta.title or report.file or "",
            article_url=meta.url,
            article_author=meta.author,
            article_date=meta.date,
            reviewer=reviewer,
            claims=claims,
        )

    def add(self, text: str = "", source: str = "") -> Claim:
        claim = Claim(text=text, source=source)
        self.claims.append(claim)
        return claim

    def reviewed(self) -> list[Claim]:
        return [c for c in self.claims if c.verdict and c.text.strip()]

    # ----------------------------------------------------------- exports
    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for number, c in enumerate(self.claims, start=1):
            verdict = VERDICT_LABELS.get(c.verdict or "", "")
            writer.writerow([number, c.text, c.source, verdict, c.evidence, c.sentence or ""])
        return out.getvalue()

    def to_claimreview(
        self, review_url: str | None = None, published: date | None = None
    ) -> list[dict]:
        """schema.org ClaimReview objects, one per claim with a verdict."""
        published = published or date.today()
        reviews = []
        for number, c in enumerate(self.claims, start=1):
            if not c.verdict or not c.text.strip():
                continue
            item: dict = {"@type": "Claim"}
            if c.source:
                item["author"] = {"@type": "Thing", "name": c.source}
            if self.article_date:
                item["datePublished"] = self.article_date
            appearance: dict = {"@type": "CreativeWork"}
            if self.article_url:
                appearance["url"] = self.article_url
            if self.title:
                appearance["headline"] = self.title
            if self.article_author:
                appearance["author"] = {"@type": "Person", "name": self.article_author}
            item["appearance"] = appearance
            rating: dict = {
                "@type": "Rating",
                "bestRating": max(RATING.values()),
                "worstRating": min(RATING.values()),
                "alternateName": RATING_NAMES[c.verdict],
            }
            if c.verdict in RATING:
                rating["ratingValue"] = RATING[c.verdict]
            review = {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": c.text.strip(),
                "itemReviewed": item,
                "reviewRating": rating,
                "author": {"@type": "Person", "name": self.reviewer or "anonymous learner"},
                "datePublished": published.isoformat(),
            }
            if review_url:
                review["url"] = f"{review_url}#claim-{number}"
            if c.evidence.strip():
                review["reviewBody"] = c.evidence.strip()
            reviews.append(review)
        return reviews

    def to_jsonld(self, review_url: str | None = None, published: date | None = None) -> str:
        return json.dumps(self.to_claimreview(review_url, published), ensure_ascii=False, indent=2)

    # ----------------------------------------------------------- storage
    def save(self, path: Path | None = None) -> Path:
        path = path or default_path(self.title)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(self.model_dump_json(indent=2), encoding="utf-8")
        tmp.replace(path)  # never leave a half-written file behind
        return path


class LoadResult(BaseModel):
    worksheet: Worksheet | None
    message: str = ""


def slug(title: str, limit: int = 80) -> str:
    """A file name from a title, cut at a word boundary rather than mid-word."""
    words = re.sub(r"[^a-z0-9]+", " ", title.lower()).split()
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "worksheet")


def export_name(title: str, kind: str) -> str:
    """``<title slug>.csv`` or ``<title slug>.claimreview.jsonld``."""
    return slug(title) + (".csv" if kind == "csv" else ".claimreview.jsonld")


def default_path(title: str) -> Path:
    """``<data dir>/worksheets/<slug>.json``; the data dir is the progress store's.

    This is where the worksheet keeps itself between sessions; exports go next to
    the notebook instead (see :mod:`medialit.analyze.worksheet_view`)."""
    try:
        from medialit.progress.paths import data_dir

        folder = data_dir()
    except ImportError:  # pragma: no cover - progress is part of the package
        import os

        from platformdirs import user_data_dir

        env = os.environ.get("MEDIALIT_DATA_DIR", "").strip()
        folder = Path(env) if env else Path(user_data_dir("medialit", appauthor=False))
    return folder / "worksheets" / f"{slug(title)}.json"


def load(path: Path) -> LoadResult:
    """The saved worksheet, or None with a message; a corrupt file is kept aside, not lost."""
    if not path.exists():
        return LoadResult(worksheet=None, message="")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LoadResult(worksheet=Worksheet.model_validate(data))
    except (ValueError, ValidationError, UnicodeDecodeError) as exc:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
        path.replace(aside)
        kind = "not valid JSON" if isinstance(exc, json.JSONDecodeError) else "not a worksheet"
        return LoadResult(
            worksheet=None,
            message=f"The saved worksheet {path.name} was {kind}; it was kept as "
            f"{aside.name} and a fresh worksheet was started.",
        )


def open_worksheet(report: Report, path: Path | None = None) -> tuple[Worksheet, Path, str]:
    """The learner's saved worksheet for this article if there is one, else a fresh one."""
    fresh = Worksheet.from_report(report)
    path = path or default_path(fresh.title)
    result = load(path)
    return (result.worksheet or fresh), path, result.message


def worksheet_widget(report: Report, path: Path | None = None):
    """The ipywidgets worksheet (see :mod:`medialit.analyze.worksheet_view`)."""
    from medialit.analyze.worksheet_view import worksheet_widget as build

    return build(report, path)
