"""Question banks generated from a case's annotations, and kept in step with them.

Every generated question says ``generated: true``, names the records it rests on
(``rests_on``: sentence, source and number ids) and stores ``generated_hash``, a hash
of the question exactly as generated. Regeneration (``medialit regenerate DIR``) then
follows one rule, **a hand edit wins**:

- a generated question whose text still hashes to ``generated_hash`` was not touched by
  hand, so it is rebuilt from the current annotations (a teacher's corrected kind,
  claimant or hedge reaches the quiz);
- a question edited by hand (its hash differs, or its hash was removed) is kept as it
  is and reported, even when the annotation it rests on changed; to have it generated
  again, delete it and pass ``--add-missing``;
- a question the teacher deleted stays deleted unless ``--add-missing`` is given;
- a question whose annotation no longer supports it (no hedge left, say) is dropped if
  it was untouched, and kept and reported if it was edited by hand.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from medialit.content.quizbank import words

KIND_LABELS = {
    "fact_claim": "fact claim",
    "opinion": "opinion",
    "prediction": "prediction",
    "direct_quote": "direct quote",
    "paraphrase": "paraphrase",
    "background": "background",
}
KIND_REASONS = {
    "fact_claim": "it states something about the world that a document could confirm or refute",
    "opinion": "it gives a judgement that can be argued for but not observed",
    "prediction": "it says what will or may happen, which can only be watched",
    "direct_quote": "most of its words sit inside quotation marks, the speaker's own words",
    "paraphrase": "it reports what a source said in the writer's words, without quote marks",
    "background": "it gives context the writer supplies rather than news",
}
IDENTIFIED_LABELS = {"named": "named", "described": "described", "anonymous": "anonymous"}
IDENTIFIED_REASONS = {
    "named": "the article gives a name a reader can look up",
    "described": "the article says what the source is (an official, a company) but not who",
    "anonymous": "the article gives no name and no description a reader could follow up",
}

MAX_CLASSIFY_ITEMS = 8
MAX_HEDGE_QUESTIONS = 3
MAX_UNATTRIBUTED_QUESTIONS = 2
MAX_PAIRS = 6
QUOTE_WORDS = 14

LESSONS = {
    "01-claims": {
        "title": "What does each sentence claim?",
        "objectives": {
            "tell-kinds": "Sort the article's sentences into fact claims, quotes, paraphrase "
            "and the other kinds of statement.",
            "read-hedges": "Find the hedging words in a sentence and say what each signals.",
            "spot-unsourced": "Notice sentences that rest on the writer alone.",
        },
    },
    "02-sourcing": {
        "title": "Who says so?",
        "objectives": {
            "match-speakers": "Match each quote to the person or body that said it.",
            "source-kinds": "Tell named, described and anonymous sources apart.",
        },
    },
    "03-figures": {
        "title": "What do the numbers count?",
        "objectives": {
            "number-meanings": "Say what each number in the article counts and who counted it.",
        },
    },
}


def question_hash(question: dict[str, Any]) -> str:
    """A hash of the question as it stands, without its own stored hash."""
    body = {k: v for k, v in question.items() if k != "generated_hash"}
    data = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _stamp(question: dict[str, Any]) -> dict[str, Any]:
    question["generated"] = True
    question["generated_hash"] = question_hash(question)
    return question


def _short_words(text: str, limit: int = QUOTE_WORDS) -> str:
    text = text.strip().strip("\"“”'‘’").strip()
    parts = text.split()
    return " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")


def _a(label: str) -> str:
    return ("an " if label[0] in "aeiou" else "a ") + label


def _classify_kinds(sentences: list[dict[str, Any]]) -> dict[str, Any] | None:
    # one sentence of each kind first, so every kind present is asked about
    chosen: list[dict[str, Any]] = []
    seen: set[str] = set()
    for s in sentences:
        if s["kind"] not in seen:
            chosen.append(s)
            seen.add(s["kind"])
    for s in sentences:
        if len(chosen) >= MAX_CLASSIFY_ITEMS:
            break
        if s not in chosen:
            chosen.append(s)
    chosen.sort(key=lambda s: s["start"])
    chosen = chosen[:MAX_CLASSIFY_ITEMS]
    if not chosen:
        return None
    categories = list(dict.fromkeys(KIND_LABELS[s["kind"]] for s in chosen))
    for extra in ("fact claim", "opinion"):
        if len(categories) < 2 and extra not in categories:
            categories.append(extra)
    explanation = " ".join(
        f"{s['id']} is {_a(KIND_LABELS[s['kind']])}: {KIND_REASONS[s['kind']]}."
        + (f" It is also {' and '.join(_a(KIND_LABELS[k]) for k in s['also'])}."
           if s.get("also") else "")
        for s in chosen
    )
    return _stamp({
        "id": "kinds",
        "objective": "tell-kinds",
        "type": "classify",
        "prompt": "Sort these sentences of the article by the kind of statement each makes.",
        "categories": categories,
        "items": [{"sentence": s["id"], "category": KIND_LABELS[s["kind"]]} for s in chosen],
        "explanation": explanation,
        "rests_on": [s["id"] for s in chosen],
    })


def _occurrence(sentence: dict[str, Any], hedge: dict[str, Any]) -> str:
    before = [w.casefold() for w in words(sentence["text"][: hedge["start"] - sentence["start"]])]
    parts = [w.casefold() for w in words(hedge["text"])]
    n = 1 + sum(
        before[i : i + len(parts)] == parts for i in range(len(before) - len(parts) + 1)
    )
    return hedge["text"] if n == 1 else f"{hedge['text']}#{n}"


def _hedge_questions(sentences: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for s in sentences:
        hedges = [h for h in s.get("hedges", []) if words(h["text"])]
        if not hedges or len(out) >= MAX_HEDGE_QUESTIONS:
            continue
        targets = list(dict.fromkeys(_occurrence(s, h) for h in hedges))
        explanation = " ".join(
            f"'{h['text']}' signals {h['signals']}." for h in hedges
        ) + " A hedge tells you how sure the source is, and where the claim came from."
        out.append(_stamp({
            "id": f"hedges-{s['id']}",
            "objective": "read-hedges",
            "type": "highlight",
            "prompt": "Pick every hedging word or phrase in this sentence.",
            "sentence": s["id"],
            "targets": targets,
            "explanation": explanation,
            "rests_on": [s["id"]],
        }))
    return out


def _unattributed_questions(
    sentences: list[dict[str, Any]], sources: dict[str, dict[str, Any]], publisher: str
) -> list[dict[str, Any]]:
    out = []
    named = [sources[s["claimant"]]["name"] for s in sentences
             if s["claimant"] != publisher and s["claimant"] in sources]
    for s in sentences:
        if not s.get("unattributed") or len(out) >= MAX_UNATTRIBUTED_QUESTIONS:
            continue
        earlier = [sources[x["claimant"]]["name"] for x in sentences
                   if x["start"] < s["start"] and x["claimant"] != publisher
                   and x["claimant"] in sources]
        other = (earlier[-1] if earlier else named[0] if named else None)
        options = [
            {"text": "No one: it rests on the writer alone", "correct": True},
            {"text": f"{other}, named elsewhere in the article" if other
             else "A source the article names", "feedback": "That source is not tied to "
             "this sentence by any reporting verb or quote: a source nearby does not "
             "stand behind every sentence."},
            {"text": "An expert the site consulted", "feedback": "The article names no "
             "expert for this sentence; a reader cannot tell where it came from."},
        ]
        out.append(_stamp({
            "id": f"unsourced-{s['id']}",
            "objective": "spot-unsourced",
            "type": "single",
            "prompt": "Who, according to the article, stands behind this sentence?",
            "sentence": s["id"],
            "options": options,
            "explanation": f"{s['id']} has no reporting verb, no quote and no source "
            "next to it: it rests on the writer alone, so a reader must check it "
            "elsewhere before relying on it.",
            "rests_on": [s["id"]],
        }))
    return out


def _match_quotes(
    sentences: list[dict[str, Any]], sources: dict[str, dict[str, Any]], publisher: str
) -> dict[str, Any] | None:
    pairs, rests, seen = [], [], set()
    for s in sentences:
        if s["claimant"] == publisher or s["claimant"] not in sources:
            continue
        for q in s.get("quotes", []):
            left = _short_words(q["text"])
            if len(words(left)) < 3 or left.casefold() in seen:
                continue
            seen.add(left.casefold())
            pairs.append({"left": left, "right": sources[s["claimant"]]["name"]})
            rests.append(s["id"])
            break
        if len(pairs) >= MAX_PAIRS:
            break
    if len(pairs) < 2:
        return None
    explanation = " ".join(
        f"{sid}: the quote is tied to {p['right']} by the sentence's reporting verb."
        for sid, p in zip(rests, pairs, strict=True)
    )
    return _stamp({
        "id": "quotes-speakers",
        "objective": "match-speakers",
        "type": "match",
        "prompt": "Match each quote to the source the article gives for it.",
        "pairs": pairs,
        "explanation": explanation,
        "rests_on": list(dict.fromkeys(rests)),
    })


def _classify_sources(sources: list[dict[str, Any]], publisher: str) -> dict[str, Any] | None:
    items = [s for s in sources if s["id"] != publisher][:MAX_CLASSIFY_ITEMS]
    if not items:
        return None
    categories = list(IDENTIFIED_LABELS.values())
    explanation = " ".join(
        f"{s['name']} is {s['identified']}: {IDENTIFIED_REASONS[s['identified']]}." for s in items
    )
    return _stamp({
        "id": "source-kinds",
        "objective": "source-kinds",
        "type": "classify",
        "prompt": "Sort the article's sources: named, described or anonymous?",
        "categories": categories,
        "items": [{"text": s["name"], "category": s["identified"]} for s in items],
        "explanation": explanation,
        "rests_on": [s["id"] for s in items],
    })


def _match_numbers(
    numbers: list[dict[str, Any]], sources: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    pairs, rests, lefts = [], [], set()
    for n in numbers:
        left = f"{n['text']} (in {n['sentence']})"
        if left in lefts or any(p["right"] == n["counts"] for p in pairs):
            continue
        lefts.add(left)
        pairs.append({"left": left, "right": n["counts"]})
        rests.append(n["id"])
        if len(pairs) >= MAX_PAIRS:
            break
    if len(pairs) < 2:
        return None
    by_id = {n["id"]: n for n in numbers}
    explanation = " ".join(
        f"{p['left']} counts {p['right']}, as given by "
        f"{sources.get(by_id[nid]['counted_by'], {}).get('name', by_id[nid]['counted_by'])}."
        for p, nid in zip(pairs, rests, strict=True)
    )
    return _stamp({
        "id": "numbers-counts",
        "objective": "number-meanings",
        "type": "match",
        "prompt": "Match each number in the article to what it counts.",
        "pairs": pairs,
        "explanation": explanation,
        "rests_on": rests,
    })


def generate(
    sentences: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    numbers: list[dict[str, Any]],
    publisher: str,
) -> dict[str, list[dict[str, Any]]]:
    """Lesson id -> generated questions, in a fixed order with stable ids."""
    by_id = {s["id"]: s for s in sources}
    claims = [_classify_kinds(sentences), *_hedge_questions(sentences),
              *_unattributed_questions(sentences, by_id, publisher)]
    sourcing = [_match_quotes(sentences, by_id, publisher), _classify_sources(sources, publisher)]
    figures = [_match_numbers(numbers, by_id)]
    return {
        "01-claims": [q for q in claims if q],
        "02-sourcing": [q for q in sourcing if q],
        "03-figures": [q for q in figures if q],
    }


@dataclass
class Regeneration:
    """What :func:`regenerate` did to one bank, for the command's report."""

    questions: list[dict[str, Any]]
    rebuilt: list[str] = field(default_factory=list)
    kept_hand_edited: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)


def hand_edited(question: dict[str, Any]) -> bool:
    return question.get("generated_hash") != question_hash(question)


def regenerate(
    current: list[dict[str, Any]], fresh: list[dict[str, Any]], add_missing: bool = False
) -> Regeneration:
    """Merge freshly generated questions into a bank: a hand edit wins (module docstring)."""
    new_by_id = {q["id"]: q for q in fresh}
    out = Regeneration([])
    present: set[str] = set()
    for q in current:
        qid = q.get("id")
        present.add(qid)
        if not q.get("generated"):
            out.questions.append(q)  # the teacher's own question
            continue
        if hand_edited(q):
            out.questions.append(q)
            if qid in new_by_id and _without_hash(new_by_id[qid]) != _without_hash(q):
                out.kept_hand_edited.append(qid)
            continue
        if qid not in new_by_id:
            out.dropped.append(qid)
            continue
        if _without_hash(new_by_id[qid]) != _without_hash(q):
            out.rebuilt.append(qid)
        out.questions.append(new_by_id[qid])
    if add_missing:
        for q in fresh:
            if q["id"] not in present:
                out.questions.append(q)
                out.added.append(q["id"])
    return out


def _without_hash(q: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in q.items() if k != "generated_hash"}


__all__ = ["LESSONS", "Regeneration", "generate", "hand_edited", "question_hash", "regenerate"]

