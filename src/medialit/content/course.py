"""Load the whole course and check that its parts agree with each other and with the text.

Each file is validated on its own by its pydantic model; this module adds the
checks that need two files at once (a span against the article bytes, a
claimant against the registry, a quiz objective against its guide). Every
problem found is collected, so one run of ``medialit check`` lists them all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from medialit.content.annotations import (
    AnnotationsFile,
    Hedge,
    Hop,
    Kind,
    SentenceAnnotation,
    Span,
    Verdict,
)
from medialit.content.article import Article, ArticleMeta, parse_text
from medialit.content.base import ContentModel, NonEmpty, Slug
from medialit.content.lessons import Guide, load_guide
from medialit.content.numbers import NumberEntry, NumbersFile
from medialit.content.problems import ContentError, Problem
from medialit.content.record import (
    Citation,
    CitationsFile,
    ContextFigures,
    Event,
    IncursionArea,
    Place,
    PlacesFile,
    TimelineFile,
)
from medialit.content.registry import Source, SourcesFile
from medialit.content.yamlfile import display_name, load_model

COURSE_FILE = "course.yaml"
T = TypeVar("T")

# Spelled-out numbers a sentence may carry; a rough net that only has to catch what the
# numbers table must then explain.
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion half dozen"
).split()
_NUMBER_TOKEN = re.compile(
    r"\d[\d,.]*|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", flags=re.IGNORECASE
)


class CourseFile(ContentModel):
    title: NonEmpty
    article: NonEmpty
    lessons: list[Slug]
    progress_dir: str | None = None
    edition: str = "teacher"  # "student" in a released student edition


@dataclass(frozen=True)
class Sentence:
    """An article sentence with its annotation and the numbers inside it."""

    id: str
    index: int
    start: int
    end: int
    text: str
    kind: Kind
    also: list[Kind]
    claimant: str
    chain: list[Hop]
    hedges: list[Hedge]
    quotes: list[Span]
    unattributed: list[Span]
    verdict: Verdict
    note: str
    numbers: list[NumberEntry]

    @property
    def kinds(self) -> list[Kind]:
        return [self.kind, *self.also]


@dataclass(frozen=True)
class Lesson:
    id: str
    path: Path
    guide: Guide
    quiz: Any  # medialit.content.quizbank.QuizBank, or None when the lesson has no bank

    @property
    def title(self) -> str:
        return self.guide.meta.title


@dataclass(frozen=True)
class Course:
    root: Path
    meta: CourseFile
    article: Article
    sentences: list[Sentence]
    sources: dict[str, Source]
    numbers: list[NumberEntry]
    timeline: list[Event]
    places: list[Place]
    incursion_area: IncursionArea | None
    citations: dict[str, Citation]
    context: ContextFigures
    lessons: list[Lesson]
    misconceptions: dict[str, Any] = field(default_factory=dict)

    def sentence(self, sentence_id: str) -> Sentence:
        for s in self.sentences:
            if s.id == sentence_id:
                return s
        raise KeyError(f"no sentence with id {sentence_id!r}")

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        known = ", ".join(x.id for x in self.lessons)
        raise KeyError(f"no lesson {lesson_id!r}; the course has: {known}")

    def place(self, place_id: str) -> Place:
        for p in self.places:
            if p.id == place_id:
                return p
        raise KeyError(f"no place with id {place_id!r}")


def find_root(start: Path | None = None) -> Path:
    """The course root: ``$MEDIALIT_COURSE_ROOT``, else upward from ``start``, else the checkout."""
    env = os.environ.get("MEDIALIT_COURSE_ROOT")
    if env:
        return Path(env).expanduser().resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / COURSE_FILE).is_file():
            return folder
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / COURSE_FILE).is_file():
        return checkout
    raise ContentError(
        [
            Problem(
                COURSE_FILE,
                "(file)",
                f"no {COURSE_FILE} found from {here} upwards; "
                "run from inside the course folder or set MEDIALIT_COURSE_ROOT",
            )
        ]
    )


class _Collector:
    """Runs loaders, keeping every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def attempt(self, load: Callable[[], T]) -> T | None:
        try:
            return load()
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None

    def add(self, file: str, where: str, message: str) -> None:
        self.problems.append(Problem(file, where, message))


def _check_span(
    c: _Collector,
    text: str,
    span: Span,
    file: str,
    where: str,
    within: tuple[int, int] | None = None,
) -> None:
    actual = text[span.start : span.end]
    if actual != span.text:
        hint = ""
        found = text.find(span.text, within[0] if within else 0)
        if found >= 0:
            hint = f" (the text occurs at {found}: did the offset shift?)"
        c.add(
            file,
            where,
            f"text at {span.start}..{span.end} reads {actual!r}, not {span.text!r}{hint}",
        )
    elif within and not (within[0] <= span.start and span.end <= within[1]):
        c.add(
            file,
            where,
            f"span {span.start}..{span.end} lies outside its sentence ({within[0]}..{within[1]})",
        )


def _load_article(c: _Collector, root: Path, folder: Path) -> Article | None:
    meta_path = folder / "article.yaml"
    meta = c.attempt(lambda: load_model(ArticleMeta, meta_path, root))
    if meta is None:
        return None
    name = display_name(meta_path, root)
    path = folder / meta.file
    try:
        raw = path.read_bytes()
    except OSError as exc:
        c.add(display_name(path, root), "(file)", f"cannot be read: {exc.strerror}")
        return None
    try:
        text = raw.decode(meta.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        c.add(name, "encoding", f"the article does not decode as {meta.encoding}: {exc}")
        return None
    article = Article(meta, path, raw, text, parse_text(text))
    if article.sha256 != meta.sha256:
        c.add(
            name,
            "sha256",
            f"the article bytes changed (now {article.sha256}); the "
            "scraped text must stay exactly as scraped",
        )
    detected = [(line.number, line.text) for line in article.boilerplate]
    declared = [(b.line, b.text) for b in meta.boilerplate]
    if detected != declared:
        c.add(
            name,
            "boilerplate",
            f"declares lines {[n for n, _ in declared]} but the text has "
            f"page furniture on lines {[n for n, _ in detected]}",
        )
    return article


def _check_unique(c: _Collector, file: str, where: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            c.add(file, where, f"id '{i}' is used twice")
        seen.add(i)


def _build_sentences(
    c: _Collector,
    root: Path,
    data: Path,
    article: Article,
    annotations: AnnotationsFile,
    numbers: list[NumberEntry],
    sources: dict[str, Source],
    citations: dict[str, Citation],
) -> list[Sentence]:
    file = display_name(data / "annotations.yaml", root)
    text = article.text
    detected = article.parsed.sentences
    notes = annotations.sentences
    _check_unique(c, file, "sentences", (n.id for n in notes))
    if len(notes) != len(detected):
        c.add(
            file,
            "sentences",
            f"{len(notes)} sentences annotated, but the article has "
            f"{len(detected)} (every sentence needs exactly one annotation)",
        )
    sentences: list[Sentence] = []
    for index, (note, found) in enumerate(zip(notes, detected, strict=False), start=1):
        where = f"sentences[{index - 1}]({note.id})"
        if (note.start, note.text) != (found.start, found.text):
            c.add(
                file,
                f"{where}.text",
                f"does not match sentence {index} of the article, "
                f"which starts at {found.start}: {found.text[:60]!r}...",
            )
        bounds = (note.start, note.end)
        for k, hedge in enumerate(note.hedges):
            _check_span(c, text, hedge, file, f"{where}.hedges[{k}]", bounds)
        for k, quote in enumerate(note.quotes):
            _check_span(c, text, quote, file, f"{where}.quotes[{k}]", bounds)
        for k, span in enumerate(note.unattributed):
            _check_span(c, text, span, file, f"{where}.unattributed[{k}]", bounds)
        _check_sourcing(c, file, where, note, sources, article.meta.publisher)
        for k, cid in enumerate(note.verdict.citations):
            if cid not in citations:
                c.add(
                    file,
                    f"{where}.verdict.citations[{k}]",
                    f"unknown citation '{cid}' (add it to data/citations.yaml)",
                )
        inside = [n for n in numbers if n.sentence == note.id]
        sentences.append(
            Sentence(
                note.id,
                index,
                note.start,
                note.end,
                note.text,
                note.kind,
                list(note.also),
                note.claimant,
                list(note.chain),
                list(note.hedges),
                list(note.quotes),
                list(note.unattributed),
                note.verdict,
                note.note,
                inside,
            )
        )
    return sentences


def _check_sourcing(
    c: _Collector,
    file: str,
    where: str,
    note: SentenceAnnotation,
    sources: dict[str, Source],
    publisher: str,
) -> None:
    if note.claimant not in sources:
        c.add(file, f"{where}.claimant", f"'{note.claimant}' is not in data/sources.yaml")
    for k, hop in enumerate(note.chain):
        if hop.source not in sources:
            c.add(file, f"{where}.chain[{k}].source", f"'{hop.source}' is not in data/sources.yaml")
    if note.chain and note.chain[-1].source != publisher:
        c.add(file, f"{where}.chain", f"the last hop must be the article itself ('{publisher}')")


def _check_numbers(
    c: _Collector,
    root: Path,
    data: Path,
    article: Article,
    numbers: list[NumberEntry],
    sentences: list[Sentence],
    sources: dict[str, Source],
) -> None:
    file = display_name(data / "numbers.yaml", root)
    by_id = {s.id: s for s in sentences}
    _check_unique(c, file, "numbers", (n.id for n in numbers))
    for k, number in enumerate(numbers):
        where = f"numbers[{k}]({number.id})"
        sentence = by_id.get(number.sentence)
        if sentence is None:
            c.add(file, f"{where}.sentence", f"unknown sentence '{number.sentence}'")
            continue
        _check_span(
            c,
            article.text,
            Span(text=number.text, start=number.start),
            file,
            f"{where}.start",
            (sentence.start, sentence.end),
        )
        if number.counted_by not in sources:
            c.add(file, f"{where}.counted_by", f"'{number.counted_by}' is not in data/sources.yaml")
    covered = [(n.start, n.end) for n in numbers]
    for sentence in sentences:
        for match in _NUMBER_TOKEN.finditer(sentence.text):
            start = sentence.start + match.start()
            if not any(a <= start < b for a, b in covered):
                c.add(
                    file,
                    "numbers",
                    f"'{match.group()}' in sentence {sentence.id} (at {start}) "
                    "is not in the numbers table",
                )


def _check_registry(c: _Collector, file: str, sources: list[Source]) -> None:
    _check_unique(c, file, "sources", (s.id for s in sources))
    ids = {s.id for s in sources}
    owners: dict[str, str] = {}
    for k, source in enumerate(sources):
        if source.part_of and source.part_of not in ids:
            c.add(file, f"sources[{k}]({source.id}).part_of", f"unknown source '{source.part_of}'")
        for alias in source.aliases:
            key = alias.casefold()
            if key in owners and owners[key] != source.id:
                c.add(
                    file,
                    f"sources[{k}]({source.id}).aliases",
                    f"alias '{alias}' also belongs to '{owners[key]}'",
                )
            owners[key] = source.id


def _check_refs(
    c: _Collector, file: str, where: str, refs: Iterable[str], known: Iterable[str], what: str
) -> None:
    known = set(known)
    for k, ref in enumerate(refs):
        if ref not in known:
            c.add(file, f"{where}[{k}]", f"unknown {what} '{ref}'")


def _load_lessons(
    c: _Collector, root: Path, meta: CourseFile, sentences: list[Sentence]
) -> tuple[list[Lesson], dict[str, Any]]:
    if not meta.lessons:
        return [], {}
    from medialit.content import quizbank  # the quiz schema lives beside the other schemas

    student = meta.edition == "student"
    misconceptions = c.attempt(lambda: quizbank.load_misconceptions(root)) or {}
    texts = {s.id: s.text for s in sentences}
    lessons = []
    for lesson_id in meta.lessons:
        folder = root / "lessons" / lesson_id
        guide = c.attempt(lambda f=folder: load_guide(f / "guide.md", root, student))
        if guide is None:
            continue
        objectives = {o.id for o in guide.meta.objectives}
        bank_path = folder / "quiz.yaml"
        bank = None
        if bank_path.exists():
            bank = c.attempt(
                lambda p=bank_path, o=objectives: quizbank.load_bank(
                    p, root, sentences=texts, objectives=o, misconceptions=misconceptions
                )
            )
            if bank is not None:
                tested = {q.objective for q in bank.questions}
                for k, objective in enumerate(guide.meta.objectives):
                    if objective.id not in tested:
                        c.add(
                            display_name(folder / "guide.md", root),
                            f"objectives[{k}]",
                            f"objective '{objective.id}' is not tested by any quiz question",
                        )
        lessons.append(Lesson(lesson_id, folder, guide, bank))
    return lessons, misconceptions


def load_course(root: Path | str | None = None) -> Course:
    """Load and cross-check everything; raise :class:`ContentError` listing all problems."""
    root = find_root() if root is None else Path(root).resolve()
    c = _Collector()
    meta = c.attempt(lambda: load_model(CourseFile, root / COURSE_FILE, root))
    if meta is None:
        raise ContentError(c.problems)
    data = root / "data"
    article = _load_article(c, root, root / meta.article)
    annotations = c.attempt(lambda: load_model(AnnotationsFile, data / "annotations.yaml", root))
    sources_file = c.attempt(lambda: load_model(SourcesFile, data / "sources.yaml", root))
    numbers_file = c.attempt(lambda: load_model(NumbersFile, data / "numbers.yaml", root))
    timeline = c.attempt(lambda: load_model(TimelineFile, data / "timeline.yaml", root))
    places = c.attempt(lambda: load_model(PlacesFile, data / "places.yaml", root))
    citations_file = c.attempt(lambda: load_model(CitationsFile, data / "citations.yaml", root))
    context = c.attempt(lambda: load_model(ContextFigures, data / "context-figures.yaml", root))

    sources = {s.id: s for s in sources_file.sources} if sources_file else {}
    citations = {x.id: x for x in citations_file.citations} if citations_file else {}
    numbers = list(numbers_file.numbers) if numbers_file else []
    if sources_file:
        _check_registry(c, display_name(data / "sources.yaml", root), sources_file.sources)
    if citations_file:
        _check_unique(
            c,
            display_name(data / "citations.yaml", root),
            "citations",
            (x.id for x in citations_file.citations),
        )
    sentences: list[Sentence] = []
    if article and annotations and sources_file and citations_file:
        sentences = _build_sentences(
            c, root, data, article, annotations, numbers, sources, citations
        )
        if numbers_file:
            _check_numbers(c, root, data, article, numbers, sentences, sources)
    ids = [s.id for s in sentences]
    if timeline:
        file = display_name(data / "timeline.yaml", root)
        for k, event in enumerate(timeline.events):
            if sentences:
                _check_refs(c, file, f"events[{k}].sentences", event.sentences, ids, "sentence")
            if citations_file:
                _check_refs(
                    c, file, f"events[{k}].citations", event.citations, citations, "citation"
                )
    if places and places.incursion_area:
        _check_refs(
            c,
            display_name(data / "places.yaml", root),
            "incursion_area.around",
            [places.incursion_area.around],
            (p.id for p in places.places),
            "place",
        )
    if context and citations_file:
        file = display_name(data / "context-figures.yaml", root)
        for name in (
            "casualty_estimates",
            "troop_estimates",
            "drone_nights",
            "strike_casualties",
            "strike_counts_by_outlet",
        ):
            _check_refs(
                c, file, name, (x.citation for x in getattr(context, name)), citations, "citation"
            )
    lessons, misconceptions = _load_lessons(c, root, meta, sentences)
    if c.problems:
        raise ContentError(sorted(set(c.problems)))
    assert article and timeline and places and context  # guaranteed when no problems
    return Course(
        root=root,
        meta=meta,
        article=article,
        sentences=sentences,
        sources=sources,
        numbers=numbers,
        timeline=sorted(timeline.events, key=lambda e: e.date),
        places=list(places.places),
        incursion_area=places.incursion_area,
        citations=citations,
        context=context,
        lessons=lessons,
        misconceptions=misconceptions,
    )


def current_course(root: Path | str | None = None) -> Course:
    """``load_course``, remembered per course folder until one of its files changes.

    A notebook asks for the course in nearly every cell (each quiz, figure and panel),
    and every restarted kernel asks again: :mod:`medialit.content.cache` keeps it in
    memory and on disk, keyed by the files' contents, so a teacher who edits a quiz bank
    mid-lesson still gets the new version.
    """
    from medialit.content import cache

    folder = find_root() if root is None else Path(root).resolve()
    return cache.remembered(folder, load_course)


__all__ = [
    "Course",
    "CourseFile",
    "Lesson",
    "Sentence",
    "current_course",
    "find_root",
    "load_course",
]
