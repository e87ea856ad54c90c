"""Precision and recall of the analyzer against hand annotations.

Three kinds of gold: the course article's annotations in ``data/`` (hedge spans,
number spans, each sentence's claimant and the sources of its chain that the
sentence names), small annotated articles in YAML (see
``tests/analyze/articles/city-budget.yaml`` for the format), and annotated news texts
whose sources carry the course's kinds (``tests/analyze/govnews/``, see its README),
scored by :func:`score_kinds` as a confusion matrix and per-kind precision and recall.

Spans match when they overlap (the annotators and the rules may draw the edges of
"Two and a half years" differently); sources match when one name contains the
other after normalising case, apostrophes and a leading "the".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from medialit.analyze.detectors import source_names
from medialit.analyze.report import Report, Sentence


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
    # the same sources' kinds, where the annotation gives them (None where it does not)
    kinds: list[tuple[int, list[str | None]]] = field(default_factory=list)
    # Whether annotations outside every sentence the analyzer kept (a headline it took for
    # page furniture) count as missed. They do for annotated texts: dropping an annotated
    # sentence is a miss, not a pass. The course article's annotations cover its sentences
    # only, and its title and byline are not annotated.
    outside_counts: bool = True


MISSED = "missed"


@dataclass
class KindScore:
    """How well source kinds are told apart, over the gold sources of some texts.

    ``confusion[gold kind][predicted kind]`` counts gold sources that were found, by the
    kind the analyzer gave; ``confusion[gold kind]["missed"]`` those it did not find.
    ``accuracy`` is the share of found sources whose kind is right; ``overall`` counts a
    missed source as wrong too. ``per_kind`` holds precision and recall for each kind:
    a predicted source counts when it matches a gold source of the same kind.
    """

    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    per_kind: dict[str, Score] = field(default_factory=dict)

    def __iadd__(self, other: KindScore) -> KindScore:
        for gold, row in other.confusion.items():
            mine = self.confusion.setdefault(gold, {})
            for pred, n in row.items():
                mine[pred] = mine.get(pred, 0) + n
        for kind, score in other.per_kind.items():
            self.per_kind.setdefault(kind, Score())
            self.per_kind[kind] += score
        return self

    def count(self, gold: str, pred: str) -> None:
        row = self.confusion.setdefault(gold, {})
        row[pred] = row.get(pred, 0) + 1

    @property
    def found(self) -> int:
        return sum(n for row in self.confusion.values() for p, n in row.items() if p != MISSED)

    @property
    def right(self) -> int:
        return sum(row.get(gold, 0) for gold, row in self.confusion.items())

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def overall(self) -> float:
        total = sum(sum(row.values()) for row in self.confusion.values())
        return self.right / total if total else 1.0


NON_ANSWER = "reporting/no-comment"


def counted(sentence) -> list:
    """The attributions the annotation scheme counts in a sentence.

    The analyzer marks a non-answer ("declined to comment", "did not respond to a request
    for comment") so a reader sees who was asked; the annotations (see
    tests/analyze/govnews/README.md) count it as an attribution only when quoted words
    come with it, since a bare non-answer ties no statement to anyone.
    """
    return [a for a in sentence.attributions if a.why.rule != NON_ANSWER or sentence.quotes]


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


def sentence_sources(sentence) -> list[str]:
    """The distinct names the analyzer gives a sentence's counted attributions."""
    names: list[str] = []
    for a in counted(sentence):
        for n in source_names(a):
            if normal(n) not in {normal(x) for x in names}:
                names.append(n)
    return names


def score_sources(
    report: Report, gold: Gold, names_of: Callable[[Sentence], list[str]] = sentence_sources
) -> Score:
    """Sources per sentence against the annotation; ``names_of`` lets another way of naming
    them (``tools/parser_experiment.py``) be scored with the same matching."""
    wanted: dict[int, list[list[str]]] = {}
    score = Score()
    for anchor, sources in gold.sources:
        for s in report.sentences:
            if s.start <= anchor < s.end:
                wanted.setdefault(s.index, []).extend(sources)
                break
        else:
            if gold.outside_counts:  # the analyzer dropped the annotated sentence
                score += Score(gold=len(sources))
    for s in report.sentences:
        names = names_of(s)
        golds = wanted.get(s.index, [])
        score += Score(
            pred_ok=sum(any(names_match(n, g) for g in golds) for n in names),
            pred=len(names),
            gold_ok=sum(any(names_match(n, g) for n in names) for g in golds),
            gold=len(golds),
        )
    return score


def _predicted_sources(report: Report) -> dict[int, list[tuple[str, str | None]]]:
    """Per sentence index: each name the analyzer gives a source, with its kind."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    for s in report.sentences:
        names: list[tuple[str, str | None]] = []
        for a in counted(s):
            for n in source_names(a):
                if normal(n) not in {normal(x) for x, _ in names}:
                    names.append((n, a.kind))
        out[s.index] = names
    return out


def score_kinds(report: Report, gold: Gold) -> KindScore:
    """Source kinds against the annotation: the confusion matrix and per-kind P/R."""
    wanted: dict[int, list[tuple[list[str], str]]] = {}
    dropped: list[str] = []
    kinds_of = gold.kinds or [(anchor, [None] * len(s)) for anchor, s in gold.sources]
    for (anchor, sources), (_, kinds) in zip(gold.sources, kinds_of, strict=True):
        for s in report.sentences:
            if s.start <= anchor < s.end:
                wanted.setdefault(s.index, []).extend(
                    (names, kind) for names, kind in zip(sources, kinds, strict=True) if kind
                )
                break
        else:
            if gold.outside_counts:
                dropped.extend(kind for kind in kinds if kind)
    score = KindScore()
    for kind in dropped:  # in a sentence the analyzer dropped: missed
        score.count(kind, MISSED)
        score.per_kind.setdefault(kind, Score())
        score.per_kind[kind] += Score(gold=1)
    predicted = _predicted_sources(report)
    for s in report.sentences:
        golds = wanted.get(s.index, [])
        preds = predicted.get(s.index, [])
        for names, kind in golds:
            match = next((k for n, k in preds if names_match(n, names)), MISSED)
            score.count(kind, match or "none")
        for name, kind in preds:
            kind = kind or "none"
            right = any(names_match(name, names) and k == kind for names, k in golds)
            score.per_kind.setdefault(kind, Score())
            score.per_kind[kind] += Score(pred_ok=int(right), pred=1)
        for names, kind in golds:
            found = any(names_match(n, names) and (k or "none") == kind for n, k in preds)
            score.per_kind.setdefault(kind, Score())
            score.per_kind[kind] += Score(gold_ok=int(found), gold=1)
    return score


def evaluate(report: Report, gold: Gold) -> dict[str, Score]:
    in_sentences = [(s.start, s.end) for s in report.sentences]

    def article_only(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if gold.outside_counts:
            return spans
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


def annotated_gold(annotation: Path, report: Report) -> Gold:
    """An annotation with source kinds (``tests/analyze/govnews/*.yaml``, see its README)."""
    data = yaml.safe_load(annotation.read_text(encoding="utf-8"))
    text = report.text
    gold = Gold(
        hedges=[occurrence(text, t) for t in data.get("hedges", [])],
        numbers=[occurrence(text, t) for t in data.get("numbers", [])],
    )
    for item in data.get("attributions", []):
        anchor = text.find(item["sentence"])
        if anchor < 0:
            raise ValueError(f"{annotation.name}: sentence {item['sentence']!r} not in the text")
        gold.sources.append((anchor, [[src["text"]] for src in item["sources"]]))
        gold.kinds.append((anchor, [src["kind"] for src in item["sources"]]))
    return gold


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
    gold = Gold(numbers=numbers, outside_counts=False)
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
