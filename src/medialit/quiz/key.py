"""One interface to a question's answer key, whether it is in plain fields or sealed.

:func:`medialit.quiz.check.check` asks a :class:`Key` yes/no questions ("is
option 2 correct?", "is this word a target?") and reads feedback from its box.
A teacher's bank answers from its plain fields; a student edition's bank answers
by comparing salted hashes and opens its box only when an answer is checked.
:func:`seal_question` writes the sealed form; both forms share :func:`box_content`,
so feedback cannot differ between editions.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from medialit.content.quizbank import (
    ClassifyQuestion,
    HighlightQuestion,
    MatchQuestion,
    NumericQuestion,
    Question,
    TextQuestion,
    target_words,
)
from medialit.quiz.normalize import text_key
from medialit.quiz.seal import close_box, digest, make_salt, open_box


def _fb(x: Any) -> dict[str, Any]:
    return {"feedback": x.feedback, "misconception": x.misconception}


def box_content(q: Question) -> dict[str, Any]:
    """Everything shown only after an answer: explanation, feedback, numeric bounds."""
    box: dict[str, Any] = {"explanation": q.explanation or ""}
    if q.type in ("single", "multiple"):
        box["options"] = [_fb(o) for o in q.options]
    elif isinstance(q, NumericQuestion):
        if q.range is not None:
            lo, hi = q.range
        else:
            answer = q.answer or 0.0
            lo, hi = answer - q.tolerance, answer + q.tolerance
        box["bounds"] = [lo, hi]
        box["wrong"] = [{"range": list(w.range), **_fb(w)} for w in q.wrong]
    elif isinstance(q, TextQuestion):
        box["wrong"] = [{"answer": text_key(w.answer), **_fb(w)} for w in q.wrong]
    elif isinstance(q, ClassifyQuestion):
        box["items"] = [_fb(i) for i in q.items]
    elif isinstance(q, MatchQuestion):
        box["pairs"] = [_fb(p) for p in q.pairs]
    elif isinstance(q, HighlightQuestion):
        box["feedback"] = q.feedback
    return box


class Key:
    """The answer key of a teacher's bank, read from its plain fields."""

    def __init__(self, question: Question) -> None:
        self.q = question

    @cached_property
    def box(self) -> dict[str, Any]:
        return box_content(self.q)

    def option_correct(self, index: int) -> bool:
        return bool(self.q.options[index].correct)

    def accepts_text(self, key: str) -> bool:
        return any(text_key(a) == key for a in self.q.accepted)

    def wrong_text(self, key: str) -> dict[str, Any] | None:
        return next((w for w in self.box.get("wrong", []) if w.get("answer") == key), None)

    def item_ok(self, index: int, category: str) -> bool:
        expected = self.q.items[index].category
        return expected is not None and text_key(expected) == text_key(category)

    def pair_ok(self, index: int, right: str) -> bool:
        expected = self.q.pairs[index].right
        return expected is not None and text_key(expected) == text_key(right)

    @cached_property
    def _targets(self) -> set[str]:
        passage = self.q.text or ""
        return {ref for t in self.q.targets for ref in target_words(t, passage)}

    def is_target(self, ref: str) -> bool:
        return ref in self._targets

    def target_count(self) -> int:
        return len(self._targets)

    def feedback_list(self, name: str) -> list[dict[str, Any]]:
        value = self.box.get(name)
        return value if isinstance(value, list) else []


class SealedKey(Key):
    """The answer key of a sealed bank: hashes to compare with, a box opened on demand."""

    def __init__(self, question: Question) -> None:
        super().__init__(question)
        assert question.seal is not None
        self.salt = question.seal.salt
        self.keys = set(question.seal.keys)
        self.ordered = list(question.seal.keys)

    def _h(self, *parts: str) -> str:
        return digest(self.salt, self.q.id, *parts)

    @cached_property
    def box(self) -> dict[str, Any]:
        assert self.q.seal is not None
        return open_box(self.salt, self.q.id, self.q.seal.box)

    def option_correct(self, index: int) -> bool:
        return index < len(self.ordered) and self.ordered[index] == self._h(
            "option", str(index), "1"
        )

    def accepts_text(self, key: str) -> bool:
        return self._h("text", key) in self.keys

    def item_ok(self, index: int, category: str) -> bool:
        return index < len(self.ordered) and self.ordered[index] == self._h(
            "item", str(index), text_key(category)
        )

    def pair_ok(self, index: int, right: str) -> bool:
        return index < len(self.ordered) and self.ordered[index] == self._h(
            "pair", str(index), text_key(right)
        )

    def is_target(self, ref: str) -> bool:
        return self._h("target", ref) in self.keys

    def target_count(self) -> int:
        return len(self.keys)


def key_for(question: Question) -> Key:
    return SealedKey(question) if question.seal is not None else Key(question)


def _sorted_by(items: list[Any], label: Any) -> list[Any]:
    return sorted(items, key=lambda x: (label(x).casefold(), label(x)))


def seal_question(q: Question, lesson: str, seed: str = "medialit") -> dict[str, Any]:
    """The question as a sealed bank stores it: public fields plus a seal, nothing else.

    Lists are re-sorted by their text (unless the author turned shuffling off), so
    that the file's order gives away neither the correct option nor the category
    groups an author may have typed the items in.
    """
    salt = make_salt(lesson, q.id, seed)

    def h(*parts: str) -> str:
        return digest(salt, q.id, *parts)

    public: dict[str, Any] = {"id": q.id, "type": q.type}
    for name in ("section", "objective", "prompt", "hint", "sentence"):
        value = getattr(q, name)
        if value is not None:
            public[name] = value
    if q.text is not None and q.sentence is None:
        public["text"] = q.text
    if not q.shuffle:
        public["shuffle"] = False
    if q.extension:
        public["extension"] = True
    keys: list[str] = []
    if q.type in ("single", "multiple"):
        options = (
            list(q.options) if not q.shuffle else _sorted_by(list(q.options), lambda o: o.text)
        )
        q = q.model_copy(update={"options": options})
        public["options"] = [{"text": o.text} for o in options]
        keys = [h("option", str(i), "1" if o.correct else "0") for i, o in enumerate(options)]
    elif isinstance(q, NumericQuestion):
        if q.unit is not None:
            public["unit"] = q.unit
    elif isinstance(q, TextQuestion):
        keys = sorted({h("text", text_key(a)) for a in q.accepted})
    elif isinstance(q, ClassifyQuestion):
        items = _sorted_by(list(q.items), lambda i: i.label)
        q = q.model_copy(update={"items": items})
        public["categories"] = list(q.categories)
        public["items"] = [
            {"sentence": i.sentence} if i.sentence else {"text": i.text} for i in items
        ]
        keys = [h("item", str(n), text_key(i.category or "")) for n, i in enumerate(items)]
    elif isinstance(q, MatchQuestion):
        pairs = _sorted_by(list(q.pairs), lambda p: p.left)
        q = q.model_copy(update={"pairs": pairs})
        public["pairs"] = [{"left": p.left} for p in pairs]
        public["choices"] = q.right_choices
        keys = [h("pair", str(n), text_key(p.right or "")) for n, p in enumerate(pairs)]
    elif isinstance(q, HighlightQuestion):
        passage = q.text or ""
        keys = sorted({h("target", ref) for t in q.targets for ref in target_words(t, passage)})
    public["seal"] = {"salt": salt, "keys": keys, "box": close_box(salt, q.id, box_content(q))}
    return public


__all__ = ["Key", "SealedKey", "box_content", "key_for", "seal_question"]
