"""Precision and recall of the analyzer against hand annotations.

Two kinds of gold: the course article's annotations in ``data/`` (hedge spans,
number spans, each sentence's claimant and the sources of its chain that the
sentence names), and small annotated articles in YAML (see
``tests/analyze/articles/city-budget.yaml`` for the format).

Spans match when they overlap (the annotators and the rules may draw the edges of
"Two and a half years" differently); sources match when one name contains the
other after normalising case, apostrophes and a leading "the".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from medialit.analyze.detectors import source_names
from medialit.analyze.report import Report


@dataclass
class Score:
    pred_ok: int = 0
    pred: int = 0
    gold_ok: int = 0
    gold: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.pred_ok += other.pred_ok
        self.pred += other.pred
        self.gold_ok += other.gold_ok
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float:
        return self.pred_ok / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.gold_ok / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Gold:
    hedges: list[tuple[int, int]] = field(default_factory=list)
    numbers: list[tuple[int, int]] = field(default_factory=list)
    # sentence anchor (a character offset inside the sentence) -> sources, each a list of names
    sources: list[tuple[int, list[list[str]]]] = field(default_factory=list)


def normal(name: str) -> str:
    name = name.lower().replace("’", "'").replace("“", "").replace("”", "").replace('"', "")
    name = re.sub(r"^(the|a|an)\s+", "", name.strip())
    return " ".join(name.split())


def names_match(predicted: str, names: list[str]) -> bool:
    p = normal(predicted)
    if len(p) < 3:
        return False
    return any((n := normal(name)) and (n in p or p in n) for name in names)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_spans(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> Score:
    return Score(
        pred_ok=sum(any(overlaps(p, g) for g in gold) for p in pred),
        pred=len(pred),
        gold_ok=sum(any(overlaps(g, p) for p in pred) for g in gold),
        gold=len(gold),
    )


def score_sources(report: Report, gold: Gold) -> Score:
    wanted: dict[int, list[list[str]]] = {}
    for anchor, sources in gold.sources:
        for s in report.sentences:
            if s.start <= anchor < s.end:
                wanted.setdefault(s.index, []).extend(sources)
                break
    score = Score()
    for s in report.sentences:
        names: list[str] = []
        for a in s.attributions:
            for n in source_names(a):
                if normal(n) not in {normal(x) for x in names}:
                    names.append(n)
        golds = wanted.get(s.index, [])
        score += Score(
            pred_ok=sum(any(names_match(n, g) for g in golds) for n in names),
            pred=len(names),
            gold_ok=sum(any(names_match(n, g) for n in names) for g in golds),
            gold=len(golds),
        )
    return score


def evaluate(report: Report, gold: Gold) -> dict[str, Score]:
    in_sentences = [(s.start, s.end) for s in report.sentences]

    def article_only(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [g for g in spans if any(a <= g[0] < b for a, b in in_sentences)]

    hedges = [(h.start, h.end) for s in report.sentences for h in s.hedges]
    numbers = [(n.start, n.end) for s in report.sentences for n in s.numbers]
    return {
        "attributions": score_sources(report, gold),
        "hedges": score_spans(hedges, article_only(gold.hedges)),
        "numbers": score_spans(numbers, article_only(gold.numbers)),
    }


# ------------------------------------------------------------ annotated test articles
def occurrence(text: str, token: str) -> tuple[int, int]:
    """'may' -> first whole-word 'may'; 'one#2' -> the second."""
    word, _, nth = str(token).rpartition("#") if "#" in str(token) else (str(token), "", "1")
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    found = list(pattern.finditer(text))
    n = int(nth)
    if len(found) < n:
        raise ValueError(f"{token!r} not found {n} time(s) in the article")
    m = found[n - 1]
    return m.start(), m.end()


def article_gold(annotation: Path, report: Report) -> Gold:
    data = yaml.safe_load(annotation.read_text(encoding="utf-8"))
    text = report.text
    sources = []
    for item in data.get("sources", []):
        anchor = text.find(item["sentence"])
        if anchor < 0:
            raise ValueError(f"{annotation.name}: sentence {item['sentence']!r} not in the text")
        sources.append((anchor, [[name] for name in item["sources"]]))
    return Gold(
        hedges=[occurrence(text, t) for t in data.get("hedges", [])],
        numbers=[occurrence(text, t) for t in data.get("numbers", [])],
        sources=sources,
    )


# ------------------------------------------------------------ the course article
@dataclass
class CourseGold:
    text: str
    gold: Gold
    # per annotated sentence: (start, end, [(hedge text, start, end)]) for end-to-end tests
    sentences: list[tuple[int, int, list[tuple[str, int, int]]]]


def course_gold(root: Path | None = None) -> CourseGold:
    """From ``load_course()``; if the course does not load as a whole, from ``data/`` directly."""
    try:
        from medialit.content import load_course

        course = load_course(root) if root else load_course()
        text = course.article.text
        sentences = [
            (
                s.start,
                s.end,
                s.text,
                s.claimant,
                [h.source for h in s.chain],
                [(h.text, h.start, h.end) for h in s.hedges],
            )
            for s in course.sentences
        ]
        numbers = [(n.start, n.end) for n in course.numbers]
        aliases = {k: [v.name, *v.aliases] for k, v in course.sources.items()}
    except Exception:  # the lesson files may be mid-edit; the data files are what we need
        root = root or Path(__file__).resolve().parents[3]
        data = root / "data"
        text = (data / "article" / "article-as-scraped.txt").read_bytes().decode("utf-8")
        ann = yaml.safe_load((data / "annotations.yaml").read_text(encoding="utf-8"))
        sentences = [
            (
                s["start"],
                s["start"] + len(s["text"]),
                s["text"],
                s.get("claimant"),
                [h["source"] for h in s.get("chain", [])],
                [(h["text"], h["start"], h["start"] + len(h["text"])) for h in s.get("hedges", [])],
            )
            for s in ann["sentences"]
        ]
        nums = yaml.safe_load((data / "numbers.yaml").read_text(encoding="utf-8"))["numbers"]
        numbers = [(n["start"], n["start"] + len(n["text"])) for n in nums]
        srcs = yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))["sources"]
        aliases = {s["id"]: [s["name"], *s.get("aliases", [])] for s in srcs}
    gold = Gold(numbers=numbers)
    out = []
    for start, end, body, claimant, chain, hedges in sentences:
        gold.hedges += [(a, b) for _, a, b in hedges]
        named = []
        for source in [claimant, *chain]:
            if not source or source == "this-article" or source in named:
                continue
            names = aliases.get(source, [source])
            # the claimant always counts; other hops only where the sentence names them
            if source == claimant or any(normal(n) in normal(body) for n in names):
                named.append(source)
        gold.sources.append((start, [aliases.get(s, [s]) for s in named]))
        out.append((start, end, list(hedges)))
    return CourseGold(text, gold, out)
