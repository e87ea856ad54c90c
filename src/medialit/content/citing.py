"""Checks that the course's own facts rest on words a learner can read.

The course teaches learners to ask of every claim "on what evidence?"; these checks
ask it of the course. Every verdict but "unconfirmed" must cite excerpts of the
source packet, every phrase the course puts in quotation marks must occur verbatim
in what it cites (or in the article), and every excerpt in the packet must be used,
so the packet never drifts into a pile of documents nobody reads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from medialit.content.annotations import Basis, Rating
from medialit.content.packet import Packet, occurs_in, quoted_phrases
from medialit.content.problems import Problem

# `[record: id]` or `[record: id1, id2]` in a guide's markdown.
GUIDE_CITATION = re.compile(r"\[record:\s*([a-z0-9][a-z0-9,\s-]*)\]")


def guide_citations(markdown: str) -> list[str]:
    """Excerpt ids a guide cites, in order."""
    ids: list[str] = []
    for match in GUIDE_CITATION.finditer(markdown):
        ids += [part.strip() for part in match.group(1).split(",") if part.strip()]
    return ids


@dataclass
class CitationLedger:
    """Where each excerpt is cited, and the problems found on the way."""

    packet: Packet
    article_text: str
    problems: list[Problem] = field(default_factory=list)
    uses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def cite(self, file: str, where: str, ids: Iterable[str]) -> list[str]:
        """Record citations; unknown ids are reported. Returns the known ones' texts."""
        texts = []
        for k, excerpt_id in enumerate(ids):
            quote = self.packet.excerpts.get(excerpt_id)
            if quote is None:
                self.problems.append(
                    Problem(file, f"{where}[{k}]", f"unknown excerpt '{excerpt_id}' "
                            "(not in any data/record/*.yaml)")
                )
                continue
            self.uses[excerpt_id].append(f"{file}: {where}")
            texts.append(quote.excerpt.text)
        return texts

    def quotes_verbatim(
        self,
        file: str,
        where: str,
        text: str,
        cited: Sequence[str],
        also: Sequence[str] = (),
        double_only: bool = False,
    ) -> None:
        """Each quoted phrase of ``text`` must occur in a cited excerpt or the article."""
        for phrase in quoted_phrases(text, double_only=double_only):
            if not occurs_in(phrase, [*cited, self.article_text, *also]):
                where_from = "the excerpts it cites or the article" if cited else "the article"
                self.problems.append(
                    Problem(
                        file,
                        where,
                        f"the quoted words '{phrase}' do not occur verbatim in {where_from}",
                    )
                )

    def unused(self) -> list[str]:
        return [i for i in self.packet.excerpts if i not in self.uses]


def check_annotations(ledger: CitationLedger, file: str, sentences: Sequence[Any]) -> None:
    for index, s in enumerate(sentences):
        where = f"sentences[{index}]({s.id}).verdict"
        verdict = s.verdict
        for k, point in enumerate(verdict.evidence):
            at = f"{where}.evidence[{k}]"
            texts = ledger.cite(file, f"{at}.excerpts", point.excerpts)
            if point.basis is Basis.RECORD and not point.excerpts:
                ledger.problems.append(
                    Problem(file, f"{at}.excerpts", "evidence from the record cites no excerpt "
                            "(cite data/record/ excerpts, or set basis: article / not-found)")
                )
            if point.basis is Basis.ARTICLE and point.excerpts:
                ledger.problems.append(
                    Problem(file, f"{at}.basis", "cites excerpts, so its basis is 'record'")
                )
            ledger.quotes_verbatim(file, f"{at}.text", point.text, texts)
        if verdict.rating is not Rating.UNCONFIRMED and not verdict.excerpts:
            ledger.problems.append(
                Problem(file, f"{where}.evidence", f"a '{verdict.rating.value}' verdict must cite "
                        "at least one excerpt of the record; with none, it is unconfirmed")
            )
        if verdict.uncertainty:
            ledger.quotes_verbatim(file, f"{where}.uncertainty", verdict.uncertainty,
                                   [ledger.packet.excerpts[i].excerpt.text
                                    for i in verdict.excerpts if i in ledger.packet.excerpts])


def question_texts(question: Any) -> list[tuple[str, str]]:
    """The course's own prose in a question: explanation, hint and every feedback."""
    found: list[tuple[str, str]] = []
    for name in ("explanation", "hint", "feedback"):
        value = getattr(question, name, None)
        if isinstance(value, str) and value:
            found.append((name, value))
    for group in ("options", "wrong", "items", "pairs"):
        for k, item in enumerate(getattr(question, group, None) or []):
            value = getattr(item, "feedback", None)
            if value:
                found.append((f"{group}[{k}].feedback", value))
    return found


def check_bank(
    ledger: CitationLedger, file: str, bank: Any, lesson_texts: Sequence[str] = ()
) -> None:
    """Quiz prose: double quotation marks quote someone (checked); single ones mention a term.

    ``lesson_texts`` are other texts a lesson works on (a practice article), which
    its questions may quote as they quote the course article.
    """
    if bank.sealed:
        return
    for k, q in enumerate(bank.questions):
        where = f"questions[{k}]({q.id})"
        texts = ledger.cite(file, f"{where}.excerpts", q.excerpts)
        # Words the question itself shows (prompt, options, passage) may be quoted back.
        own = [q.prompt, q.text or "", *lesson_texts]
        own += [getattr(o, "text", "") or "" for o in getattr(q, "options", None) or []]
        for name, text in question_texts(q):
            ledger.quotes_verbatim(file, f"{where}.{name}", text, texts, own, double_only=True)


def check_guide(ledger: CitationLedger, file: str, markdown: str) -> None:
    ledger.cite(file, "[record: ...]", guide_citations(markdown))


def report_unused(ledger: CitationLedger, file_of: dict[str, str]) -> None:
    for excerpt_id in ledger.unused():
        ledger.problems.append(
            Problem(file_of[excerpt_id], f"excerpts({excerpt_id})",
                    "cited nowhere: cite it from the course, or drop it from the packet")
        )


__all__ = [
    "GUIDE_CITATION",
    "CitationLedger",
    "check_annotations",
    "check_bank",
    "check_guide",
    "guide_citations",
    "question_texts",
    "report_unused",
]
