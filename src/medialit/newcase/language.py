"""Is a text English? The analyzer's word lists and sentence rules are English only."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
# The commonest English function words: in any English news prose they make up a third or
# more of the words; in French, Spanish or German prose, a few percent at most.
_FUNCTION_WORDS = frozenset(
    "the of and to a in is was that for on with as by at from it he she they said his her "
    "their be are were has have had not but or an this which who will would been its".split()
)
ENGLISH_SHARE = 0.15


def english_share(text: str, limit: int = 3000) -> float:
    words = [w.casefold() for w in _WORD.findall(text)[:limit]]
    if not words:
        return 0.0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words)


def looks_english(text: str) -> bool:
    return english_share(text) >= ENGLISH_SHARE
