"""One message per cause: an unknown id is reported once, where it is defined wrong.

Cross-references are checked where they are used, so one misspelt id in
``data/sources.yaml`` used to produce a message at every sentence, number and
source that names the right spelling. :func:`one_per_unknown_id` folds those
messages together after all checks have run:

* when a defined id is used nowhere and is a near-spelling of an id that is used
  but defined nowhere, the one message points at the definition;
* otherwise the first use gets one message that counts the other uses.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from medialit.content.problems import Problem

# The messages course.py and quizbank.py give for a reference to an undefined id.
UNKNOWN_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "source": (
        re.compile(r"^'(?P<id>[^']+)' is not in data/sources\.yaml$"),
        re.compile(r"^unknown source '(?P<id>[^']+)'$"),
    ),
    "sentence": (re.compile(r"^unknown sentence '(?P<id>[^']+)'$"),),
}


@dataclass(frozen=True)
class Definitions:
    """Where each id of one kind is defined, and which ids anything refers to."""

    file: str
    where: Mapping[str, str]  # id -> field path of its definition
    used: frozenset[str]  # every id referred to anywhere, known or not


def _unknown(problem: Problem) -> tuple[str, str] | None:
    for kind, patterns in UNKNOWN_PATTERNS.items():
        for pattern in patterns:
            match = pattern.match(problem.message)
            if match:
                return kind, match.group("id")
    return None


def one_per_unknown_id(
    problems: Iterable[Problem], definitions: Mapping[str, Definitions]
) -> list[Problem]:
    kept: list[Problem] = []
    uses: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for problem in problems:
        found = _unknown(problem)
        if found is None:
            kept.append(problem)
        else:
            uses[found].append(problem)
    for (kind, ref), places in uses.items():
        places = sorted(set(places))
        first = places[0]
        others = len(places) - 1
        defs = definitions.get(kind)
        misspelt = _misspelt_definition(ref, defs) if defs else None
        if defs and misspelt is not None:
            kept.append(
                Problem(
                    defs.file,
                    defs.where[misspelt],
                    f"'{misspelt}' is used nowhere, but '{ref}' is used {len(places)} time(s) "
                    f"and defined nowhere (first at {first.file}: {first.field}): "
                    "is this id misspelt?",
                )
            )
            continue
        also = f" (also used in {others} other place(s))" if others else ""
        hint = ""
        if defs:
            close = difflib.get_close_matches(ref, list(defs.where), n=1, cutoff=0.75)
            hint = f"; did you mean '{close[0]}'?" if close else ""
        kept.append(Problem(first.file, first.field, f"{first.message}{also}{hint}"))
    return sorted(set(kept))


def _misspelt_definition(ref: str, defs: Definitions) -> str | None:
    unused = [i for i in defs.where if i not in defs.used]
    close = difflib.get_close_matches(ref, unused, n=2, cutoff=0.6)
    return close[0] if len(close) == 1 else None
