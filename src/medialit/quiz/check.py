"""The pure core: ``check(question, response) -> Verdict``, for every question type.

No widgets here, so every rule can be tested with plain pytest. Responses are
JSON-friendly so they can be stored as they are and restored later:

=========  =========================================================
single     the chosen option's text
multiple   a list of chosen option texts
numeric    what was typed (``"1,200 days"``) or a number
text       what was typed
classify   ``{item: category}``; an item is its sentence id or its text
match      ``{left: right}``
highlight  a list of words as ``word#n`` (n-th occurrence; ``word`` = ``word#1``)
=========  =========================================================

Input that is not an answer at all (nothing chosen, a word where a number
belongs, an unknown option) gives a Verdict with ``valid=False`` and a message
for the learner; it is not counted as an attempt.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from medialit.content.quizbank import (
    ClassifyQuestion,
    HighlightQuestion,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    canonical_target,
    target_refs,
    words,
)
from medialit.quiz.key import Key, key_for
from medialit.quiz.normalize import (
    MAX_ANSWER_CHARS,
    Unreadable,
    clean_text_answer,
    parse_number,
    text_key,
    unit_matches,
)

MAX_CHOICES = 500


@dataclass(frozen=True)
class Detail:
    """How one part of a multi-part answer fared (an item, a pair, a word, an option)."""

    label: str
    ok: bool
    message: str = ""


@dataclass(frozen=True)
class Verdict:
    valid: bool  # False: not an answer (nothing counted); feedback says what to do
    correct: bool
    score: float  # 0..1, partial credit for multi-part questions
    feedback: str  # markdown; any learner text in it is quoted, the view escapes HTML
    misconception: str | None = None
    misconception_name: str | None = None
    details: tuple[Detail, ...] = ()
    explanation: str = field(default="", repr=False)

    @property
    def headline(self) -> str:
        """Said in words and symbols, never by colour alone."""
        if not self.valid:
            return "⚠ Not checked yet"
        if self.correct:
            return "✓ Correct"
        if self.score > 0:
            return f"◐ Partly right ({round(self.score * 100)}%)"
        return "✗ Not yet"


def invalid(message: str) -> Verdict:
    return Verdict(valid=False, correct=False, score=0.0, feedback=message)


def check(
    question: Question,
    response: Any,
    misconceptions: Mapping[str, Any] | None = None,
) -> Verdict:
    """Judge one response. Never raises: unreadable input gets a message instead."""
    try:
        verdict = judge(question, response)
    except Unreadable as problem:
        return invalid(str(problem))
    except Exception:  # a defect here must not show a learner a traceback
        return invalid("That answer could not be read. Change it a little and check again.")
    if verdict.misconception and misconceptions:
        found = misconceptions.get(verdict.misconception)
        name = getattr(found, "name", found if isinstance(found, str) else None)
        if name:
            verdict = _replace(verdict, misconception_name=name)
    return verdict


def judge(question: Question, response: Any) -> Verdict:
    """:func:`check` without the safety net: raises :class:`Unreadable` on unreadable input."""
    key = key_for(question)
    judges = {
        "single": _single,
        "multiple": _multiple,
        "numeric": _numeric,
        "text": _text,
        "classify": _classify,
        "match": _match,
        "highlight": _highlight,
    }
    verdict = judges[question.type](question, key, response)
    return _replace(verdict, explanation=str(key.box.get("explanation") or ""))


def _replace(verdict: Verdict, **changes: Any) -> Verdict:
    from dataclasses import replace

    return replace(verdict, **changes)


def _score(hits: int, extras: int, needed: int) -> float:
    if needed <= 0:
        return 0.0
    return max(0.0, min(1.0, (hits - extras) / needed))


def _quote(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return "“" + value.replace("`", "'") + "”"


def _strings(response: Any, what: str) -> list[str]:
    if response is None:
        raise Unreadable(f"Select at least one {what} first.")
    if (
        isinstance(response, str)
        or not isinstance(response, Iterable)
        or isinstance(response, Mapping)
    ):
        raise Unreadable(f"Select {what}s from the list.")
    values = list(response)
    if len(values) > MAX_CHOICES:
        raise Unreadable("That is more choices than the question has.")
    if not all(isinstance(v, str) for v in values):
        raise Unreadable(f"Select {what}s from the list.")
    return values


def _option_index(q: SingleQuestion | MultipleQuestion, value: str) -> int:
    for i, option in enumerate(q.options):
        if option.text == value:
            return i
    wanted = text_key(value) if len(value) <= MAX_ANSWER_CHARS * 10 else None
    for i, option in enumerate(q.options):
        if wanted and text_key(option.text) == wanted:
            return i
    raise Unreadable(f"{_quote(value)} is not one of the options; choose from the list.")


def _single(q: SingleQuestion, key: Key, response: Any) -> Verdict:
    if response is None or response == "":
        raise Unreadable("Choose an option first.")
    if not isinstance(response, str):
        raise Unreadable("Choose one of the options.")
    index = _option_index(q, response)
    notes = key.feedback_list("options")
    note = notes[index] if index < len(notes) else {}
    if key.option_correct(index):
        return Verdict(True, True, 1.0, note.get("feedback") or "")
    return Verdict(
        True,
        False,
        0.0,
        note.get("feedback") or "That is not the best answer. Read the question again.",
        misconception=note.get("misconception"),
    )


def _multiple(q: MultipleQuestion, key: Key, response: Any) -> Verdict:
    chosen = sorted({_option_index(q, v) for v in _strings(response, "option")})
    if not chosen:
        raise Unreadable("Select at least one option first.")
    correct = {i for i in range(len(q.options)) if key.option_correct(i)}
    notes = key.feedback_list("options")
    hits = [i for i in chosen if i in correct]
    extras = [i for i in chosen if i not in correct]
    missed = len(correct) - len(hits)
    details = []
    misconception = None
    for i in extras:
        note = notes[i] if i < len(notes) else {}
        details.append(
            Detail(q.options[i].text, False, note.get("feedback") or "This one does not apply.")
        )
        misconception = misconception or note.get("misconception")
    lines = []
    if extras:
        lines.append(
            f"{len(extras)} of your choices {'does' if len(extras) == 1 else 'do'} not apply."
        )
    if missed:
        lines.append(
            "1 more option also applies." if missed == 1 else f"{missed} more options also apply."
        )
    ok = not extras and not missed
    return Verdict(
        True,
        ok,
        _score(len(hits), len(extras), len(correct)),
        " ".join(lines) if not ok else "You found every option that applies.",
        misconception=misconception,
        details=tuple(details),
    )


def _numeric(q: NumericQuestion, key: Key, response: Any) -> Verdict:
    number = parse_number(response)
    if not unit_matches(number.unit, q.unit):
        if q.unit:
            raise Unreadable(f"This question asks for a number of {q.unit}; type it in {q.unit}.")
        raise Unreadable("Type just the number, without a unit.")
    bounds = key.box.get("bounds")
    if not (isinstance(bounds, list) and len(bounds) == 2):
        raise Unreadable("This question cannot be checked: its answer key is damaged.")
    lo, hi = float(bounds[0]), float(bounds[1])
    slack = 1e-9 * max(1.0, abs(lo), abs(hi))
    if lo - slack <= number.value <= hi + slack:
        return Verdict(True, True, 1.0, "")
    for wrong in key.feedback_list("wrong"):
        w_lo, w_hi = (float(x) for x in wrong.get("range", (math.inf, -math.inf)))
        if w_lo - slack <= number.value <= w_hi + slack:
            return Verdict(
                True,
                False,
                0.0,
                wrong.get("feedback") or "Not yet: check your working.",
                misconception=wrong.get("misconception"),
            )
    return Verdict(
        True, False, 0.0, "That number is outside the accepted range. Check your working."
    )


def _text(q: TextQuestion, key: Key, response: Any) -> Verdict:
    answer = text_key(clean_text_answer(response))
    if key.accepts_text(answer):
        return Verdict(True, True, 1.0, "")
    wrong = key.wrong_text(answer)
    if wrong:
        return Verdict(
            True,
            False,
            0.0,
            wrong.get("feedback") or "Not the answer this question is after.",
            misconception=wrong.get("misconception"),
        )
    return Verdict(
        True,
        False,
        0.0,
        f"{_quote(response)} is not one of the answers listed for this question. If you "
        "think it is right, read the explanation: a fair wording of a right answer may be "
        "missing from the list, and your teacher can add it.",
    )


def _mapping(response: Any, what: str) -> Mapping[Any, Any]:
    if response is None:
        raise Unreadable(f"Choose a {what} for every item first.")
    if not isinstance(response, Mapping):
        raise Unreadable(f"Choose a {what} for each item from the lists.")
    if len(response) > MAX_CHOICES:
        raise Unreadable("That is more items than the question has.")
    return response


def _pick(response: Mapping[Any, Any], *names: str) -> Any:
    for name in names:
        if name in response:
            return response[name]
    return None


def _choice(value: Any, allowed: list[str], what: str) -> str:
    if not isinstance(value, str) or not value:
        raise Unreadable(f"Choose a {what} for every item first.")
    for option in allowed:
        if value == option or text_key(value) == text_key(option):
            return option
    raise Unreadable(f"{_quote(value)} is not one of the {what}s; choose from the list.")


def _grade_items(
    labels: list[str],
    picks: list[str],
    is_right: Callable[[int, str], bool],
    notes: list[dict[str, Any]],
    right_mark: str,
    all_right: str,
    partly: str,
) -> Verdict:
    """Score items placed one by one (classify, match): per-item marks, partial credit.

    A misplaced item gets its own feedback but never the right answer, so a retry
    still asks the learner to think.
    """
    details = []
    misconception = None
    right = 0
    for i, (label, picked) in enumerate(zip(labels, picks, strict=True)):
        if is_right(i, picked):
            right += 1
            details.append(Detail(label, True, right_mark))
            continue
        note = notes[i] if i < len(notes) else {}
        message = f"✗ not “{picked}”" + (f": {note['feedback']}" if note.get("feedback") else "")
        details.append(Detail(label, False, message))
        misconception = misconception or note.get("misconception")
    total = len(labels)
    ok = right == total
    feedback = all_right if ok else partly.format(right=right, total=total, wrong=total - right)
    return Verdict(True, ok, right / total, feedback, misconception, details=tuple(details))


def _classify(q: ClassifyQuestion, key: Key, response: Any) -> Verdict:
    answers = _mapping(response, "category")
    chosen = [_pick(answers, item.key, item.label) for item in q.items]
    unplaced = sum(c in (None, "") for c in chosen)
    if unplaced:
        raise Unreadable(
            f"Place every item first: {unplaced} still "
            f"need{'s' if unplaced == 1 else ''} a category."
        )
    picks = [_choice(value, list(q.categories), "category") for value in chosen]
    return _grade_items(
        [item.label for item in q.items], picks, key.item_ok, key.feedback_list("items"),
        "✓ in the right group", "Every item is in the right group.",
        "{right} of {total} placed well; {wrong} misplaced (marked ✗ below).",
    )


def _match(q: MatchQuestion, key: Key, response: Any) -> Verdict:
    answers = _mapping(response, "match")
    chosen = [_pick(answers, p.left) for p in q.pairs]
    missing = sum(c in (None, "") for c in chosen)
    if missing:
        raise Unreadable(
            f"Match every item first: {missing} still need{'s' if missing == 1 else ''} a partner."
        )
    picks = [_choice(value, q.right_choices, "choice") for value in chosen]
    return _grade_items(
        [p.left for p in q.pairs], picks, key.pair_ok, key.feedback_list("pairs"),
        "✓ matched", "Every pair is right.",
        "{right} of {total} matched well; {wrong} to rethink (marked ✗ below).",
    )


def word_label(question: Question, ref: str) -> str:
    """``summer#1`` as the passage writes it (``Summer``, ``10,000``), with ``(2nd)`` for a
    repeated word, so feedback never shows a lower-cased name."""
    passage = getattr(question, "text", None) or ""
    shown = dict(zip(target_refs(passage), words(passage), strict=True)) if passage else {}
    word, _, n = ref.rpartition("#")
    if ref in shown:
        word = shown[ref]
    if not word or n in ("", "1"):
        return word or ref
    suffix = {"2": "nd", "3": "rd"}.get(n, "th")
    return f"{word} ({n}{suffix})"


def ref_label(ref: str) -> str:
    """``may#2`` -> ``may (2nd)`` for a learner's eyes."""
    word, _, n = ref.rpartition("#")
    if not word or n in ("", "1"):
        return word or ref
    suffix = {"2": "nd", "3": "rd"}.get(n, "th")
    return f"{word} ({n}{suffix})"


def _highlight(q: HighlightQuestion, key: Key, response: Any) -> Verdict:
    refs = _strings(response, "word")
    if not refs:
        raise Unreadable("Select at least one word first (click it so it is pressed).")
    chosen = list(dict.fromkeys(canonical_target(r) for r in refs if r.strip()))
    if not chosen:
        raise Unreadable("Select at least one word first (click it so it is pressed).")
    known = target_refs(q.text) if q.text else None
    if known is not None:
        strange = [r for r in chosen if r not in known]
        if strange:
            raise Unreadable(f"{_quote(word_label(q, strange[0]))} is not a word of this sentence.")
        order = {r: i for i, r in enumerate(known)}
        chosen.sort(key=lambda r: order[r])
    hits = [r for r in chosen if key.is_target(r)]
    extras = [r for r in chosen if not key.is_target(r)]
    needed = key.target_count()
    missed = needed - len(hits)
    details = [Detail(word_label(q, r), True, "✓ one of the words asked for") for r in hits]
    details += [Detail(word_label(q, r), False, "✗ not one of the words asked for") for r in extras]
    ok = not extras and missed == 0
    lines = []
    if extras:
        names = ", ".join(_quote(word_label(q, r)) for r in extras)
        lines.append(f"Not needed: {names}.")
    if missed:
        lines.append(f"{missed} word{'s' if missed != 1 else ''} still to find.")
    general = key.box.get("feedback")
    if not ok and general:
        lines.append(str(general))
    feedback = "You found every word asked for." if ok else " ".join(lines)
    return Verdict(
        True, ok, _score(len(hits), len(extras), needed), feedback, details=tuple(details)
    )


__all__ = ["Detail", "Verdict", "check", "invalid", "judge", "ref_label", "word_label"]
