"""Offline lateral reading: full-text search over the source packet.

A classroom without internet access can still practise leaving the page to check
it. SQLite's FTS5 (with the Porter stemmer, so "soldier" finds "soldiers") ranks
excerpts by BM25 over their words, speaker, publisher and title; a learner's
query is never passed to FTS5's query language as is, so stray quotes or
operators in it cannot cause an error.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from medialit.content.packet import Packet, Quote

_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')


@dataclass(frozen=True)
class Hit:
    quote: Quote
    score: float


class PacketIndex:
    """An in-memory index of one packet; build once per kernel, query many times."""

    def __init__(self, packet: Packet) -> None:
        self.packet = packet
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE excerpts USING fts5(id UNINDEXED, text, speaker, publisher, "
            "title, about, tokenize='porter unicode61')"
        )
        self._db.executemany(
            "INSERT INTO excerpts VALUES (?, ?, ?, ?, ?, ?)",
            [
                (q.id, q.excerpt.text, q.excerpt.speaker or "", q.document.publisher,
                 q.document.title, f"{q.document.about} {q.document.url}")
                for q in packet
            ],
        )

    def search(self, query: str, limit: int = 8) -> list[Hit]:
        """Excerpts matching every word of ``query`` (or, failing that, any word), best first.

        Words in double quotes must occur together as a phrase.
        """
        phrases = [" ".join(_WORD.findall(a or b)) for a, b in _PHRASE.findall(query)]
        rest = _PHRASE.sub(" ", query)
        terms = [f'"{p}"' for p in phrases if p] + [f'"{w}"' for w in _WORD.findall(rest)]
        if not terms:
            return []
        for joiner in (" AND ", " OR "):
            rows = self._db.execute(
                "SELECT id, bm25(excerpts, 0, 1.0, 2.0, 2.0, 2.0, 1.0) AS rank FROM excerpts "
                "WHERE excerpts MATCH ? ORDER BY rank LIMIT ?",
                (joiner.join(terms), limit),
            ).fetchall()
            if rows:
                return [Hit(self.packet.quote(i), -rank) for i, rank in rows]
        return []


__all__ = ["Hit", "PacketIndex"]
