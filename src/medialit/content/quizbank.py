"""Quiz banks (``lessons/<id>/quiz.yaml``) and the misconceptions they diagnose.

The models accept two forms of the same file. A teacher's bank carries its answer
key in plain fields (``correct``, ``accepted``, ``answer``, ``category``, ...). A
student edition's bank says ``sealed: true``: the key fields are gone and every
question carries a :class:`Seal` (salted hashes plus an obfuscated box) that only
:mod:`medialit.quiz` knows how to use. This module validates both forms and never
interprets a seal, so the content layer stays below the quiz layer.

Cross-checks that need more than one field (one correct option, declared
categories, highlight targets present in their sentence, known sections,
sentences, objectives and misconceptions) happen in :func:`load_bank`, which
reports every problem it finds at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, FiniteFloat

from medialit.content.base import ContentModel, NonEmpty, Slug
from medialit.content.problems import ContentError, Problem
from medialit.content.yamlfile import display_name, read_yaml, validate

QUESTION_TYPES = ("single", "multiple", "numeric", "text", "classify", "match", "highlight")

SentenceId = Annotated[str, Field(pattern=r"^s\d+$")]

# A word of a highlight sentence: letters and digits, joined by inner apostrophes or hyphens.
# A number keeps its separators ("10,000", "3.5"); a word keeps apostrophes and hyphens.
WORD = re.compile(r"\d+(?:[.,]\d+)*(?:['’\-]\w+)*|\w+(?:['’\-]\w+)*")
_UNION_TAG = re.compile(r"^(questions\[\d+\](?:\([^)]*\))?)\.(?:" + "|".join(QUESTION_TYPES) + ")")
TARGET = re.compile(r"^(?P<word>.+?)(?:#(?P<n>[1-9]\d*))?$")


class Misconception(ContentModel):
    id: Slug
    name: NonEmpty
    description: NonEmpty


class MisconceptionsFile(ContentModel):
    misconceptions: list[Misconception]


class Section(ContentModel):
    id: Slug
    title: NonEmpty


class Seal(ContentModel):
    """A student edition's stand-in for a question's answer key (see ``medialit.quiz.seal``)."""

    salt: NonEmpty
    keys: list[str] = []
    box: str


class Feedback(ContentModel):
    """Targeted feedback for one wrong answer, optionally naming the misconception behind it."""

    feedback: str | None = None
    misconception: Slug | None = None


class Option(Feedback):
    text: NonEmpty
    correct: bool = False


class NumericWrong(Feedback):
    range: tuple[FiniteFloat, FiniteFloat]


class TextWrong(Feedback):
    answer: NonEmpty


class ClassifyItem(Feedback):
    text: NonEmpty | None = None
    sentence: SentenceId | None = None
    category: NonEmpty | None = None

    @property
    def key(self) -> str:
        """How a response names this item: its sentence id, else its text."""
        return self.sentence or self.text or ""

    @property
    def label(self) -> str:
        return self.text or self.sentence or ""


class Pair(Feedback):
    left: NonEmpty
    right: NonEmpty | None = None


class QuestionBase(ContentModel):
    id: Slug
    section: Slug | None = None
    objective: Slug | None = None
    prompt: NonEmpty
    hint: str | None = None
    explanation: str | None = None
    # A passage shown with the prompt (the sentence to work on, for highlight questions):
    # an article sentence by id, whose text the loader fills in, or literal text.
    sentence: SentenceId | None = None
    text: str | None = None
    shuffle: bool = True
    seal: Seal | None = None
    # Optional questions, shown after the lesson's core and timed separately in its guide.
    extension: bool = False
    # Excerpts of data/record/ behind any fact the explanation states beyond the article.
    excerpts: list[Slug] = []
    graded: bool = False  # student edition: judged by the class service, so no seal
    # Made by `medialit new` from the annotations (see newcase.banks): the ids it rests on
    # and a hash of the question as generated, which tells a hand edit from a regeneration.
    generated: bool = False
    rests_on: list[str] = []
    generated_hash: str | None = None


class SingleQuestion(QuestionBase):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)


class MultipleQuestion(QuestionBase):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)


class NumericQuestion(QuestionBase):
    type: Literal["numeric"]
    answer: FiniteFloat | None = None
    tolerance: FiniteFloat = Field(default=0, ge=0)
    range: tuple[FiniteFloat, FiniteFloat] | None = None
    unit: str | None = None
    wrong: list[NumericWrong] = []


class TextQuestion(QuestionBase):
    type: Literal["text"]
    accepted: list[NonEmpty] = []
    wrong: list[TextWrong] = []


class ClassifyQuestion(QuestionBase):
    type: Literal["classify"]
    categories: list[NonEmpty] = Field(min_length=2)
    items: list[ClassifyItem] = Field(min_length=1)


class MatchQuestion(QuestionBase):
    type: Literal["match"]
    pairs: list[Pair] = Field(min_length=2)
    distractors: list[NonEmpty] = []
    # Only in sealed banks: every right-hand choice, sorted, so their order gives nothing away.
    choices: list[NonEmpty] = []

    @property
    def right_choices(self) -> list[str]:
        if self.choices:
            return list(self.choices)
        rights = [p.right for p in self.pairs if p.right] + list(self.distractors)
        return sorted(dict.fromkeys(rights), key=str.casefold)


class HighlightQuestion(QuestionBase):
    type: Literal["highlight"]
    targets: list[NonEmpty] = []
    feedback: str | None = None


Question = Annotated[
    SingleQuestion
    | MultipleQuestion
    | NumericQuestion
    | TextQuestion
    | ClassifyQuestion
    | MatchQuestion
    | HighlightQuestion,
    Field(discriminator="type"),
]


class QuizBank(ContentModel):
    lesson: Slug
    sealed: bool = False
    sections: list[Section] = []
    questions: list[Question] = Field(min_length=1)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        known = ", ".join(q.id for q in self.questions)
        raise KeyError(f"no question {question_id!r} in {self.lesson}; the bank has: {known}")

    def in_section(self, section_id: str) -> list[Question]:
        if section_id not in {s.id for s in self.sections}:
            known = ", ".join(s.id for s in self.sections) or "(none)"
            raise KeyError(f"no section {section_id!r} in {self.lesson}; sections: {known}")
        return [q for q in self.questions if q.section == section_id]


def words(text: str) -> list[str]:
    """The selectable words of a highlight passage, in order."""
    return [m.group() for m in WORD.finditer(text)]


def target_refs(text: str) -> list[str]:
    """Every word of ``text`` as a canonical ``word#n`` reference (n counts case-insensitively)."""
    seen: dict[str, int] = {}
    refs = []
    for word in words(text):
        folded = word.casefold()
        seen[folded] = seen.get(folded, 0) + 1
        refs.append(f"{folded}#{seen[folded]}")
    return refs


def canonical_target(target: str) -> str:
    """``Believes`` and ``believes#1`` are the same target: ``believes#1``."""
    match = TARGET.match(target.strip())
    if not match:
        return target.strip().casefold()
    return f"{match.group('word').casefold()}#{match.group('n') or 1}"


def target_words(target: str, passage: str) -> list[str]:
    """The word references a target stands for: one for a word, several for a phrase.

    ``this summer`` (or ``this summer#2`` for its second occurrence) names consecutive
    words of the passage; each of them is part of the answer. An empty list means the
    phrase is not in the passage.
    """
    canon = canonical_target(target)
    phrase, _, n = canon.rpartition("#")
    parts = [w.casefold() for w in words(phrase)]
    if len(parts) <= 1:
        return [canon]
    found = [w.casefold() for w in words(passage)]
    refs = target_refs(passage)
    starts = [i for i in range(len(found) - len(parts) + 1) if found[i : i + len(parts)] == parts]
    k = int(n or 1) - 1
    return refs[starts[k] : starts[k] + len(parts)] if k < len(starts) else []


def load_misconceptions(root: Path) -> dict[str, Misconception]:
    """``lessons/misconceptions.yaml`` by id; a course without the file has none."""
    path = root / "lessons" / "misconceptions.yaml"
    if not path.exists():
        return {}
    name = display_name(path, root)
    parsed = validate(MisconceptionsFile, read_yaml(path, root), name)
    seen: set[str] = set()
    problems = []
    for k, m in enumerate(parsed.misconceptions):
        if m.id in seen:
            problems.append(Problem(name, f"misconceptions[{k}]", f"id '{m.id}' is used twice"))
        seen.add(m.id)
    if problems:
        raise ContentError(problems)
    return {m.id: m for m in parsed.misconceptions}


def load_bank(
    path: Path,
    root: Path | None = None,
    sentences: Mapping[str, str] | None = None,
    objectives: set[str] | None = None,
    misconceptions: Mapping[str, Any] | None = None,
) -> QuizBank:
    """Load and cross-check one bank, filling in the text of every ``sentence:`` reference.

    ``sentences`` maps sentence ids to text, ``objectives`` holds the lesson's
    objective ids and ``misconceptions`` the known misconception ids; pass
    ``None`` for any of them to skip that check (a bank loaded on its own).
    Raises :class:`ContentError` carrying every problem found.
    """
    name = display_name(path, root)
    data = read_yaml(path, root)
    if isinstance(data, dict) and isinstance(data.get("questions"), list):
        # Say "questions[3](lead-kind)" rather than a union tag when a type is unknown.
        for k, q in enumerate(data["questions"]):
            if isinstance(q, dict) and q.get("type") not in QUESTION_TYPES:
                raise ContentError(
                    [
                        Problem(
                            name,
                            f"questions[{k}]" + (f"({q['id']})" if "id" in q else "") + ".type",
                            f"must be one of {', '.join(QUESTION_TYPES)}, not {q.get('type')!r}",
                        )
                    ]
                )
    try:
        bank = validate(QuizBank, data, name)
    except ContentError as error:
        # Drop the union tag pydantic puts in the path: "questions[2](x).numeric.answer".
        raise ContentError(
            Problem(p.file, _UNION_TAG.sub(r"\1", p.field), p.message) for p in error.problems
        ) from None
    checker = _BankChecker(name, bank, sentences, objectives, misconceptions)
    checker.run(folder=path.parent.name)
    if checker.problems:
        raise ContentError(checker.problems)
    return checker.resolved()


class _BankChecker:
    def __init__(
        self,
        name: str,
        bank: QuizBank,
        sentences: Mapping[str, str] | None,
        objectives: set[str] | None,
        misconceptions: Mapping[str, Any] | None,
    ) -> None:
        self.name = name
        self.bank = bank
        self.sentences = sentences
        self.objectives = objectives
        self.misconceptions = misconceptions
        self.problems: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.name, where, message))

    def run(self, folder: str) -> None:
        bank = self.bank
        if folder != bank.lesson and folder not in ("", "."):
            self.add("lesson", f"'{bank.lesson}' must equal the lesson folder name '{folder}'")
        self._unique("sections", [s.id for s in bank.sections])
        self._unique("questions", [q.id for q in bank.questions])
        sections = {s.id for s in bank.sections}
        for k, q in enumerate(bank.questions):
            where = f"questions[{k}]({q.id})"
            if q.section is not None and q.section not in sections:
                self.add(
                    f"{where}.section", f"unknown section '{q.section}' (declare it in sections)"
                )
            if self.objectives is not None:
                if q.objective is None:
                    self.add(f"{where}.objective", "required field is missing")
                elif q.objective not in self.objectives:
                    self.add(
                        f"{where}.objective",
                        f"unknown objective '{q.objective}' (not in the lesson's guide.md)",
                    )
            self._sentence(f"{where}.sentence", q.sentence)
            if q.sentence and q.text:
                self.add(f"{where}.text", "give either sentence or text, not both")
            if bank.sealed:
                self._sealed(where, q)
            else:
                if q.seal is not None:
                    self.add(f"{where}.seal", "only a sealed bank (sealed: true) has seals")
                if not (q.explanation or "").strip():
                    self.add(f"{where}.explanation", "required field is missing")
                getattr(self, f"_check_{q.type}")(where, q)

    def _unique(self, where: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                self.add(where, f"id '{i}' is used twice")
            seen.add(i)

    def _sentence(self, where: str, ref: str | None) -> None:
        if ref is not None and self.sentences is not None and ref not in self.sentences:
            self.add(where, f"unknown sentence '{ref}'")

    def _misconception(self, where: str, ref: str | None) -> None:
        if ref is not None and self.misconceptions is not None and ref not in self.misconceptions:
            self.add(
                f"{where}.misconception",
                f"unknown misconception '{ref}' (add it to lessons/misconceptions.yaml)",
            )

    def _passage(self, q: QuestionBase) -> str | None:
        if q.text is not None:
            return q.text
        if q.sentence is not None and self.sentences is not None:
            return self.sentences.get(q.sentence)
        return None

    # ---- teacher banks -------------------------------------------------------------

    def _check_options(self, where: str, q: SingleQuestion | MultipleQuestion) -> int:
        texts = [o.text for o in q.options]
        for dup in sorted({t for t in texts if texts.count(t) > 1}):
            self.add(f"{where}.options", f"option '{dup}' appears twice")
        for i, o in enumerate(q.options):
            self._misconception(f"{where}.options[{i}]", o.misconception)
            if not o.correct and not (o.feedback or "").strip():
                self.add(
                    f"{where}.options[{i}].feedback",
                    f"the wrong option '{o.text}' needs feedback saying why it is wrong",
                )
        return sum(o.correct for o in q.options)

    def _check_single(self, where: str, q: SingleQuestion) -> None:
        n = self._check_options(where, q)
        if n != 1:
            self.add(
                f"{where}.options",
                f"a single-choice question needs exactly one correct option, found {n}",
            )

    def _check_multiple(self, where: str, q: MultipleQuestion) -> None:
        if self._check_options(where, q) < 1:
            self.add(
                f"{where}.options", "a multiple-choice question needs at least one correct option"
            )

    def _check_numeric(self, where: str, q: NumericQuestion) -> None:
        if (q.answer is None) == (q.range is None):
            self.add(
                where, "give either answer (with optional tolerance) or range, not both or neither"
            )
        if q.range is not None and q.range[0] > q.range[1]:
            self.add(f"{where}.range", "the lower bound is above the upper bound")
        if q.range is not None and q.tolerance:
            self.add(f"{where}.tolerance", "tolerance only goes with answer, not with range")
        for i, w in enumerate(q.wrong):
            if w.range[0] > w.range[1]:
                self.add(f"{where}.wrong[{i}].range", "the lower bound is above the upper bound")
            self._misconception(f"{where}.wrong[{i}]", w.misconception)

    def _check_text(self, where: str, q: TextQuestion) -> None:
        if not q.accepted:
            self.add(f"{where}.accepted", "a text question needs at least one accepted answer")
        for i, w in enumerate(q.wrong):
            self._misconception(f"{where}.wrong[{i}]", w.misconception)

    def _check_classify(self, where: str, q: ClassifyQuestion) -> None:
        self._unique(f"{where}.categories", list(q.categories))
        declared = set(q.categories)
        keys = []
        for i, item in enumerate(q.items):
            at = f"{where}.items[{i}]"
            if (item.text is None) == (item.sentence is None):
                self.add(at, "give either text or sentence")
            self._sentence(f"{at}.sentence", item.sentence)
            if item.category is None:
                self.add(f"{at}.category", "required field is missing")
            elif item.category not in declared:
                self.add(
                    f"{at}.category", f"'{item.category}' is not one of the declared categories"
                )
            self._misconception(at, item.misconception)
            keys.append(item.key)
        for dup in sorted({k for k in keys if keys.count(k) > 1}):
            self.add(f"{where}.items", f"item '{dup}' appears twice")

    def _check_match(self, where: str, q: MatchQuestion) -> None:
        lefts = [p.left for p in q.pairs]
        for dup in sorted({x for x in lefts if lefts.count(x) > 1}):
            self.add(f"{where}.pairs", f"left-hand '{dup}' appears twice")
        if q.choices:
            self.add(
                f"{where}.choices", "only sealed banks list choices; use pairs and distractors"
            )
        rights = []
        for i, p in enumerate(q.pairs):
            if p.right is None:
                self.add(f"{where}.pairs[{i}].right", "required field is missing")
            else:
                rights.append(p.right)
            self._misconception(f"{where}.pairs[{i}]", p.misconception)
        for d in q.distractors:
            if d in rights:
                self.add(f"{where}.distractors", f"'{d}' is also a correct right-hand side")

    def _check_highlight(self, where: str, q: HighlightQuestion) -> None:
        if q.sentence is None and q.text is None:
            self.add(where, "a highlight question needs a sentence or a text to pick words from")
        if not q.targets:
            self.add(f"{where}.targets", "name at least one word to pick")
        passage = self._passage(q)
        if passage is None:
            return
        refs = set(target_refs(passage))
        for i, target in enumerate(q.targets):
            found = set(target_words(target, passage))
            if not found or not found <= refs:
                self.add(
                    f"{where}.targets[{i}]",
                    f"'{target}' is not a word or phrase of the sentence "
                    "(use word#2 for a second occurrence)",
                )
        canon = [canonical_target(t) for t in q.targets]
        for dup in sorted({c for c in canon if canon.count(c) > 1}):
            self.add(f"{where}.targets", f"'{dup}' is listed twice")

    # ---- student banks -------------------------------------------------------------

    def _sealed(self, where: str, q: Any) -> None:
        if q.seal is None and not q.graded:
            self.add(f"{where}.seal", "every question of a sealed bank needs a seal")
        plain: list[str] = []
        if q.explanation:
            plain.append("explanation")
        if q.type in ("single", "multiple"):
            for o in q.options:
                if o.correct or o.feedback or o.misconception:
                    plain.append("options[].correct/feedback/misconception")
                    break
        elif q.type == "numeric":
            if q.answer is not None or q.range is not None or q.wrong or q.tolerance:
                plain.append("answer/range/tolerance/wrong")
        elif q.type == "text":
            if q.accepted or q.wrong:
                plain.append("accepted/wrong")
        elif q.type == "classify":
            if any(i.category or i.feedback or i.misconception for i in q.items):
                plain.append("items[].category/feedback/misconception")
        elif q.type == "match":
            if any(p.right or p.feedback or p.misconception for p in q.pairs) or q.distractors:
                plain.append("pairs[].right/distractors")
        elif q.type == "highlight" and (q.targets or q.feedback):
            plain.append("targets/feedback")
        for field in plain:
            self.add(where, f"a sealed bank must not carry {field} in plain text")

    # ---- result ----------------------------------------------------------------------

    def resolved(self) -> QuizBank:
        """The bank with every ``sentence:`` reference's text filled in."""
        if not self.sentences:
            return self.bank
        questions = []
        for q in self.bank.questions:
            update: dict[str, Any] = {}
            if q.sentence and q.text is None and q.sentence in self.sentences:
                update["text"] = self.sentences[q.sentence]
            if isinstance(q, ClassifyQuestion):
                items = [
                    item.model_copy(update={"text": self.sentences[item.sentence]})
                    if item.sentence and item.text is None and item.sentence in self.sentences
                    else item
                    for item in q.items
                ]
                update["items"] = items
            questions.append(q.model_copy(update=update) if update else q)
        return self.bank.model_copy(update={"questions": questions})


__all__ = [
    "QUESTION_TYPES",
    "ClassifyItem",
    "ClassifyQuestion",
    "HighlightQuestion",
    "MatchQuestion",
    "Misconception",
    "MultipleQuestion",
    "NumericQuestion",
    "Option",
    "Pair",
    "Question",
    "QuizBank",
    "Seal",
    "Section",
    "SingleQuestion",
    "TextQuestion",
    "canonical_target",
    "load_bank",
    "load_misconceptions",
    "target_refs",
    "words",
]
