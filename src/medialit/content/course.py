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
from typing import Annotated, Any, TypeVar

from pydantic import Field, StringConstraints

from medialit.content import citing
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
from medialit.content.cascades import Definitions, one_per_unknown_id
from medialit.content.exercises import EXERCISES_FILE, ExercisesFile, load_exercises
from medialit.content.lessons import Guide, load_guide
from medialit.content.numbers import NumberEntry, NumbersFile
from medialit.content.packet import RECORD_FOLDER, Packet, RecordDocument, load_packet
from medialit.content.problems import ContentError, Problem
from medialit.content.record import (
    ContextFigures,
    Event,
    IncursionArea,
    Place,
    PlacesFile,
    TimelineFile,
)
from medialit.content.registry import Source, SourcesFile
from medialit.content.sealed_data import open_sentences
from medialit.content.yamlfile import display_name, load_model, read_yaml, validate

COURSE_FILE = "course.yaml"
T = TypeVar("T")
# A lesson's core fits a 45-minute period with five minutes to spare; the rest is extension.
CORE_QUESTIONS_MAX = 10
CORE_MINUTES_MAX = 40

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


class GradedSettings(ContentModel):
    """Questions whose key lives only in the class service (see :mod:`medialit.classroom`)."""

    lessons: list[Slug] = []
    questions: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*/\S+$")]] = []
    max_tries: int = Field(default=3, ge=1, le=100)


class CourseFile(ContentModel):
    title: NonEmpty
    article: NonEmpty
    lessons: list[Slug]
    progress_dir: str | None = None
    edition: str = "teacher"  # "student" in a released student edition
    graded: GradedSettings | None = None


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
    exercises: ExercisesFile = field(default_factory=ExercisesFile)

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
    # Excerpt id -> the document it comes from: what a figure's source line names.
    citations: dict[str, RecordDocument]
    context: ContextFigures
    lessons: list[Lesson]
    misconceptions: dict[str, Any] = field(default_factory=dict)
    record: Packet = field(default_factory=lambda: Packet({}, {}))

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
    c: _Collector, root: Path, meta: CourseFile, texts: dict[str, str] | None
) -> tuple[list[Lesson], dict[str, Any]]:
    """``texts``: sentence id -> text, or None when the annotations could not be read
    (then sentence references are not checked: the annotations' own problem is the cause)."""
    if not meta.lessons:
        return [], {}
    from medialit.content import quizbank  # the quiz schema lives beside the other schemas

    student = meta.edition == "student"
    misconceptions = c.attempt(lambda: quizbank.load_misconceptions(root)) or {}
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
        exercises = c.attempt(lambda f=folder: load_exercises(f, root)) or ExercisesFile()
        for k, sid in enumerate(exercises.check_the_checker):
            if texts is not None and sid not in texts:
                c.add(display_name(folder / EXERCISES_FILE, root), f"check_the_checker[{k}]",
                      f"unknown sentence '{sid}'")
        lessons.append(Lesson(lesson_id, folder, guide, bank, exercises))
    return lessons, misconceptions


def _load_annotations(path: Path, root: Path) -> AnnotationsFile:
    """The annotations, with any fields a student edition sealed opened again."""
    raw = open_sentences(read_yaml(path, root))
    return validate(AnnotationsFile, raw, display_name(path, root))


def load_course(root: Path | str | None = None) -> Course:
    """Load and cross-check everything; raise :class:`ContentError` listing all problems."""
    root = find_root() if root is None else Path(root).resolve()
    c = _Collector()
    meta = c.attempt(lambda: load_model(CourseFile, root / COURSE_FILE, root))
    if meta is None:
        raise ContentError(c.problems)
    data = root / "data"
    article = _load_article(c, root, root / meta.article)
    annotations = c.attempt(lambda: _load_annotations(data / "annotations.yaml", root))
    sources_file = c.attempt(lambda: load_model(SourcesFile, data / "sources.yaml", root))
    numbers_file = c.attempt(lambda: load_model(NumbersFile, data / "numbers.yaml", root))
    timeline = c.attempt(lambda: load_model(TimelineFile, data / "timeline.yaml", root))
    places = c.attempt(lambda: load_model(PlacesFile, data / "places.yaml", root))
    packet = c.attempt(lambda: load_packet(data / RECORD_FOLDER, root))
    context = c.attempt(lambda: load_model(ContextFigures, data / "context-figures.yaml", root))

    sources = {s.id: s for s in sources_file.sources} if sources_file else {}
    citations = {q.id: q.document for q in packet} if packet else {}
    numbers = list(numbers_file.numbers) if numbers_file else []
    if sources_file:
        _check_registry(c, display_name(data / "sources.yaml", root), sources_file.sources)
    sentences: list[Sentence] = []
    if article and annotations and sources_file:
        sentences = _build_sentences(c, root, data, article, annotations, numbers, sources)
        if numbers_file:
            _check_numbers(c, root, data, article, numbers, sentences, sources)
    ids = [s.id for s in sentences]
    ledger = citing.CitationLedger(packet, article.text if article else "") if packet else None
    if ledger and sentences:
        citing.check_annotations(ledger, display_name(data / "annotations.yaml", root), sentences)
    if timeline:
        file = display_name(data / "timeline.yaml", root)
        for k, event in enumerate(timeline.events):
            if sentences:
                _check_refs(c, file, f"events[{k}].sentences", event.sentences, ids, "sentence")
            if ledger:
                ledger.cite(file, f"events[{k}].citations", event.citations)
    if places and places.incursion_area:
        _check_refs(
            c,
            display_name(data / "places.yaml", root),
            "incursion_area.around",
            [places.incursion_area.around],
            (p.id for p in places.places),
            "place",
        )
    if context and ledger:
        file = display_name(data / "context-figures.yaml", root)
        for name in (
            "casualty_estimates",
            "troop_estimates",
            "drone_nights",
            "strike_casualties",
            "strike_counts_by_outlet",
        ):
            for k, entry in enumerate(getattr(context, name)):
                ledger.cite(file, f"{name}[{k}].citation", [entry.citation])
    # Sentence ids and texts come from the annotations even when another data file
    # failed and sentences could not be built, so the quizzes do not echo that failure.
    texts = (
        {s.id: s.text for s in sentences}
        if sentences
        else {n.id: n.text for n in annotations.sentences}
        if annotations
        else None
    )
    lessons, misconceptions = _load_lessons(c, root, meta, texts)
    for lesson in lessons:
        _check_lesson_load(c, root, lesson)
        if ledger:
            guide_file = display_name(lesson.path / "guide.md", root)
            citing.check_guide(ledger, guide_file, lesson.guide.body)
            for k, task in enumerate(lesson.exercises.lateral_reading):
                ledger.cite(display_name(lesson.path / EXERCISES_FILE, root),
                            f"lateral_reading[{k}]({task.id}).excerpts", task.excerpts)
            if lesson.quiz is not None:
                practice = [p.read_text(encoding="utf-8", errors="replace")
                            for p in sorted(lesson.path.glob("*.txt"))]
                citing.check_bank(ledger, display_name(lesson.path / "quiz.yaml", root),
                                  lesson.quiz, practice)
    if ledger and packet and meta.edition != "student" and meta.lessons and not c.problems:
        # Only a whole course that loaded can tell an unused excerpt: a data-only copy has no
        # lessons to cite from, a student edition drops teacher-only text, and a file that
        # failed to load cites nothing (its failure is the cause to report, not the excerpts).
        files = {q.id: display_name(data / RECORD_FOLDER / f"{q.document.id}.yaml", root)
                 for q in packet}
        citing.report_unused(ledger, files)
    if ledger:
        c.problems.extend(ledger.problems)
    if c.problems:
        raise ContentError(
            one_per_unknown_id(
                c.problems,
                _definitions(
                    root, data, annotations, sources_file, numbers,
                    list(timeline.events) if timeline else [], lessons,
                ),
            )
        )
    assert article and timeline and places and context and packet  # no problems: all loaded
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
        record=packet,
    )


def _check_lesson_load(c: _Collector, root: Path, lesson: Lesson) -> None:
    """A lesson's core must fit its period; the rest is marked as extension and timed apart."""
    file = display_name(lesson.path / "guide.md", root)
    meta = lesson.guide.meta
    if meta.minutes > CORE_MINUTES_MAX:
        c.add(file, "teaching + exercises", f"the core takes {meta.minutes} minutes; at most "
              f"{CORE_MINUTES_MAX} fit a 45-minute period (move the rest to the extension)")
    if lesson.quiz is None:
        return
    if not lesson.quiz.sealed:
        from medialit.content.answernotes import in_step

        try:
            text = (lesson.path / "guide.md").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = None  # already reported by the guide's loader
        if text is not None and not in_step(text, lesson.quiz):
            c.add(file, "## Answer notes", "out of step with quiz.yaml: run `medialit guides` "
                  "to regenerate them from the bank")
    bank = display_name(lesson.path / "quiz.yaml", root)
    core = [q for q in lesson.quiz.questions if not q.extension]
    if len(core) > CORE_QUESTIONS_MAX:
        c.add(bank, "questions", f"{len(core)} core questions; at most {CORE_QUESTIONS_MAX} "
              "(mark the others 'extension: true')")
    if len(core) < len(lesson.quiz.questions) and not meta.extension:
        c.add(file, "extension", "the bank has extension questions, so the guide must give "
              "their minutes ('extension: N' in the front matter)")


def _definitions(
    root: Path,
    data: Path,
    annotations: AnnotationsFile | None,
    sources_file: SourcesFile | None,
    numbers: list[NumberEntry],
    events: list[Any],
    lessons: list[Lesson],
) -> dict[str, Definitions]:
    """Where sources and sentences are defined and which ids are used, for
    :func:`~medialit.content.cascades.one_per_unknown_id`."""
    found: dict[str, Definitions] = {}
    notes = annotations.sentences if annotations else []
    if sources_file:
        used = {n.claimant for n in notes} | {h.source for n in notes for h in n.chain}
        used |= {x.counted_by for x in numbers}
        used |= {s.part_of for s in sources_file.sources if s.part_of}
        found["source"] = Definitions(
            display_name(data / "sources.yaml", root),
            {s.id: f"sources[{k}]({s.id}).id" for k, s in enumerate(sources_file.sources)},
            frozenset(used),
        )
    if notes:
        used = {x.sentence for x in numbers} | {i for e in events for i in e.sentences}
        for lesson in lessons:
            for q in lesson.quiz.questions if lesson.quiz else []:
                used |= {q.sentence} | {i.sentence for i in getattr(q, "items", [])}
        found["sentence"] = Definitions(
            display_name(data / "annotations.yaml", root),
            {n.id: f"sentences[{k}]({n.id}).id" for k, n in enumerate(notes)},
            frozenset(u for u in used if u),
        )
    return found



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
