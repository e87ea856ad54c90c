"""Annotation fields a quiz asks about, sealed in the student edition's ``data/annotations.yaml``.

The course's annotations say, for every sentence, its kind, its hedging words and
the verdict on it; some quiz questions ask a learner exactly that (sort these
sentences by kind, click the hedges, sort them by verdict). ``medialit release``
therefore moves those fields of those sentences into a box (the same keyed XOR
as the quiz banks, :mod:`medialit.quiz.seal`) and records which questions ask
about each field. :func:`open_sentences` puts them back when the course is
loaded, so every part of medialit works as before, and the explorer
(:mod:`medialit.explorer.gate`) shows a field only once one of its questions has
been answered.

Like the banks' seals, this keeps answers out of a grep of the folder and out of
a reader's eye; it does not stop someone who runs this code to open the boxes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SEAL_KEY = "sealed_fields"  # per sentence: {"box": ..., "asked_by": {field: [question refs]}}
SALT_KEY = "sealed_with"  # top level: {"salt": ...}
KIND_FIELDS = ("kind", "also")
HEDGE_FIELDS = ("hedges",)
VERDICT_FIELDS = ("verdict",)


def _norm(text: str) -> str:
    return text.strip().casefold().replace(" ", "_").replace("-", "_")


def _names(value: Any) -> set[str]:
    """An enum member as a quiz category may spell it: its value and its label."""
    names = {_norm(str(getattr(value, "value", value)))}
    label = getattr(value, "label", None)
    if isinstance(label, str):
        names.add(_norm(label))
    return names


def asked_fields(
    questions: Iterable[tuple[str, Any]], sentences: Mapping[str, Any]
) -> dict[str, dict[str, list[str]]]:
    """``{sentence id: {field: ["lesson/question", ...]}}`` for the fields a quiz asks about.

    ``questions`` are (lesson id, question) pairs of the teacher's banks; ``sentences``
    maps sentence ids to their annotations (anything with ``kind``, ``also``, ``hedges``
    and ``verdict.rating``). A classify question asks about the kinds when its
    categories are kinds of the sentences it lists, and about verdicts when they are
    verdict ratings; a highlight question asks about the hedges when one of its target
    words is a hedge of its sentence.
    """
    asked: dict[str, dict[str, list[str]]] = {}

    def add(sentence_id: str, fields: tuple[str, ...], ref: str) -> None:
        for name in fields:
            refs = asked.setdefault(sentence_id, {}).setdefault(name, [])
            if ref not in refs:
                refs.append(ref)

    for lesson, q in questions:
        ref = f"{lesson}/{q.id}"
        if q.type == "classify":
            categories = {_norm(c) for c in q.categories}
            for item in q.items:
                note = sentences.get(item.sentence) if item.sentence else None
                if note is None:
                    continue
                kinds = {n for k in [note.kind, *note.also] for n in _names(k)}
                if categories & kinds:
                    add(item.sentence, KIND_FIELDS, ref)
                if categories & _names(note.verdict.rating):
                    add(item.sentence, VERDICT_FIELDS, ref)
        elif q.type == "highlight" and q.sentence in sentences:
            hedge_words = {
                w.casefold() for h in sentences[q.sentence].hedges for w in h.text.split()
            }
            targets = {t.split("#")[0].casefold() for t in q.targets}
            if targets & hedge_words:
                add(q.sentence, HEDGE_FIELDS, ref)
    return asked


def seal_sentences(
    data: dict[str, Any], asked: Mapping[str, Mapping[str, list[str]]], salt: str
) -> int:
    """Seal the asked-about fields of ``data`` (raw annotations YAML) in place; returns
    how many sentences were sealed."""
    from medialit.quiz.seal import close_box

    sealed = 0
    for entry in data.get("sentences") or []:
        fields = asked.get(entry.get("id")) if isinstance(entry, dict) else None
        if not fields:
            continue
        content = {name: entry.pop(name) for name in fields if name in entry}
        entry[SEAL_KEY] = {
            "box": close_box(salt, str(entry["id"]), content),
            "asked_by": {name: list(refs) for name, refs in fields.items()},
        }
        sealed += 1
    if sealed:
        data[SALT_KEY] = {"salt": salt}
    return sealed


def open_sentences(data: Any) -> Any:
    """Raw annotations YAML with every sealed field back in place (a copy; unsealed data
    is returned as it is). A damaged box leaves its fields missing, which validation
    then reports as missing fields of that sentence."""
    if not isinstance(data, dict) or SALT_KEY not in data:
        return data
    from medialit.quiz.seal import open_box

    salt = str((data.get(SALT_KEY) or {}).get("salt", ""))
    out = {k: v for k, v in data.items() if k != SALT_KEY}
    sentences = []
    for entry in data.get("sentences") or []:
        if isinstance(entry, dict) and isinstance(entry.get(SEAL_KEY), dict):
            seal = entry[SEAL_KEY]
            entry = {k: v for k, v in entry.items() if k != SEAL_KEY}
            entry.update(open_box(salt, str(entry.get("id")), str(seal.get("box", ""))))
        sentences.append(entry)
    out["sentences"] = sentences
    return out


def gated_fields(data: Any) -> dict[str, dict[str, list[str]]]:
    """``{sentence id: {field: [question refs]}}`` recorded in sealed raw annotations."""
    gates: dict[str, dict[str, list[str]]] = {}
    if not isinstance(data, dict):
        return gates
    for entry in data.get("sentences") or []:
        seal = entry.get(SEAL_KEY) if isinstance(entry, dict) else None
        if isinstance(seal, dict) and isinstance(seal.get("asked_by"), dict):
            gates[str(entry.get("id"))] = {
                str(name): [str(r) for r in refs]
                for name, refs in seal["asked_by"].items()
                if isinstance(refs, list)
            }
    return gates
