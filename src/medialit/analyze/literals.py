"""The words a regex cannot match without: a cheap test of where it may match at all.

Why: Python's ``re`` has no fast path for a case-insensitive pattern that opens with
``\\b`` or a look-behind, which is how most rule patterns open: it tries the whole
pattern at every character. Most sentences hold none of the few words a rule is about
("threaten", "percent", "twice"), and a plain substring test (``in``, or ``str.find``
over a whole text) rules them out many times faster than the regex does. The words are
read from the pattern itself, so a teacher's own rule file gets the same speed-up and
never needs to list them.

The test is only an optimisation and must never change a finding: every literal
returned is one that any match must contain, compared case-folded. Where that cannot be
read off the pattern (a match may be all digits, say) the answer is None and the regex
runs everywhere, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the parser behind ``re``; its place changed in Python 3.11 and may again
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - an older or newer Python: no speed-up, same results
    _sre = _sre_parse = None  # type: ignore[assignment]

# a character class of more literals than this is not worth testing for
_MAX_CLASS = 8

Literals = frozenset[str]


@lru_cache(maxsize=1024)
def required_literals(pattern: str, flags: int = 0) -> Literals | None:
    """A set of strings, case-folded, at least one of which every match of ``pattern``
    contains; None when no such set is found. Look-arounds are left out: what they see
    may lie outside the text a match is placed in."""
    if _sre_parse is None:
        return None
    try:
        parsed = _sre_parse.parse(pattern, flags)
        return _best(_candidates(list(parsed)))
    except Exception:  # an unreadable pattern: no test, the regex runs
        return None


def _score(literals: Literals) -> tuple[int, int]:
    """Longer literals are rarer in text; fewer of them are fewer tests."""
    return min(len(s) for s in literals), -len(literals)


def _best(candidates: list[Literals]) -> Literals | None:
    candidates = [c for c in candidates if c and all(c)]
    return max(candidates, key=_score) if candidates else None


def _candidates(items: list[tuple[object, object]]) -> list[Literals]:
    """Each set of literals that a match of this sequence of items must contain one of."""
    out: list[Literals] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(frozenset({"".join(run).casefold()}))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if run and (heads := _heads(op, av)):
            # "t(?:wice|hrice)", as the parser writes "twice|thrice": the run goes on
            out.append(frozenset(("".join(run) + h).casefold() for h in heads))
        flush()
        found = _item(op, av)
        if found is not None:
            out.append(found)
    flush()
    return out


def _heads(op: object, av: object) -> list[str] | None:
    """The literal strings every match of a group or alternation opens with, one per
    alternative; None if an alternative opens with anything else."""
    if op is _sre.SUBPATTERN:
        items = list(av[-1])  # type: ignore[index]
        if len(items) == 1:
            return _heads(*items[0])
        return _leading(items)
    if op is _sre.BRANCH:
        heads: list[str] = []
        for branch in av[1]:  # type: ignore[index]
            lead = _leading(list(branch))
            if lead is None:
                return None
            heads += lead
        return heads
    return None


def _leading(items: list[tuple[object, object]]) -> list[str] | None:
    run = ""
    for op, av in items:
        if op is not _sre.LITERAL:
            break
        run += chr(av)  # type: ignore[arg-type]
    return [run] if run else None


def _sequence(items: list[tuple[object, object]]) -> Literals | None:
    return _best(_candidates(items))


def _item(op: object, av: object) -> Literals | None:
    if op is _sre.SUBPATTERN:
        return _sequence(list(av[-1]))  # type: ignore[index]
    if op is _sre.ATOMIC_GROUP:
        return _sequence(list(av))  # type: ignore[call-overload]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, body = av  # type: ignore[misc]
        return _sequence(list(body)) if low >= 1 else None
    if op is _sre.BRANCH:
        branches = [_sequence(list(b)) for b in av[1]]  # type: ignore[index]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op is _sre.IN:
        chars = [chr(v) for o, v in av if o is _sre.LITERAL]  # type: ignore[union-attr]
        if len(chars) != len(av) or not chars or len(chars) > _MAX_CLASS:  # type: ignore[arg-type]
            return None  # a range, a category or a negated class: any character
        return frozenset(c.casefold() for c in chars)
    return None  # look-arounds, anchors, any character, categories, back-references


def may_match(literals: Literals | None, folded: str) -> bool:
    """Whether a regex with these required literals may match in this case-folded text."""
    return literals is None or any(s in folded for s in literals)


def any_of(literals: Literals) -> re.Pattern[str]:
    """One search for all the literals in case-folded text: an alternation of plain
    strings is what ``re`` searches fastest, longest first so none hides a longer one."""
    return re.compile("|".join(re.escape(s) for s in sorted(literals, key=len, reverse=True)))
