"""Confirming or correcting a case's drafts, saved back to ``data/annotations.yaml``.

A save never loses a hand edit: the file is read again just before writing, and each
field is written only if the file still holds the value the reviewer started from (or
already holds the new one). A field changed in the file meanwhile to something else is a
true conflict: nothing is written and the message names the field. ruamel.yaml's round
trip keeps the file's comments, key order and quoting; the write goes to a temporary
file that replaces the original, so a failed save leaves the old file whole.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from medialit.content.annotations import HedgeSignal, Kind, Rating
from medialit.newcase.regenerate import round_trip

ANNOTATIONS = Path("data") / "annotations.yaml"
REVIEWABLE = ("kind", "claimant", "hedges", "verdict")


class ReviewError(Exception):
    """The review cannot be saved as asked; the message says why and where."""


class ReviewConflict(ReviewError):
    """The file changed the same field since the reviewer opened it."""


def _plain(value: Any) -> Any:
    """A ruamel value as plain Python (for comparing with what the reviewer started from)."""
    return json.loads(json.dumps(value, default=str))


@dataclass(frozen=True)
class DraftSentence:
    id: str
    index: int
    text: str
    start: int
    fields: dict[str, Any]  # the reviewable fields as the file holds them now
    draft: dict[str, str]


def read_sentences(root: Path) -> list[DraftSentence]:
    data = yaml.safe_load((Path(root) / ANNOTATIONS).read_text(encoding="utf-8")) or {}
    out = []
    for k, s in enumerate(data.get("sentences") or []):
        fields = {name: s.get(name) for name in REVIEWABLE}
        fields["hedges"] = fields["hedges"] or []
        out.append(DraftSentence(s["id"], k, s["text"], s["start"], fields,
                                 dict(s.get("draft") or {})))
    return out


def source_ids(root: Path) -> list[str]:
    data = yaml.safe_load((Path(root) / "data" / "sources.yaml").read_text(encoding="utf-8"))
    return [s["id"] for s in (data or {}).get("sources") or []]


def excerpt_ids(root: Path) -> set[str]:
    found: set[str] = set()
    for path in sorted((Path(root) / "data" / "record").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found |= {e.get("id") for e in doc.get("excerpts") or [] if isinstance(e, dict)}
    return found


_HEDGE_ITEM = re.compile(r"^\s*(?P<phrase>.+?)\s*=\s*(?P<signal>[a-z]+)\s*$")


def parse_hedges(spec: str, sentence: DraftSentence) -> list[dict[str, Any]]:
    """``believe=belief, could=possibility``: each phrase's first occurrence in the sentence
    (after the previous one), as spans of the article."""
    hedges = []
    cursor = 0
    signals = {s.value for s in HedgeSignal}
    for item in [x for x in spec.split(",") if x.strip()]:
        match = _HEDGE_ITEM.match(item)
        if not match:
            raise ReviewError(f"hedge '{item.strip()}': write it as phrase=signal, "
                              f"e.g. likely=probability")
        phrase, signal = match.group("phrase"), match.group("signal")
        if signal not in signals:
            raise ReviewError(f"hedge '{phrase}': unknown signal '{signal}' (one of "
                              f"{', '.join(sorted(signals))})")
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", sentence.text[cursor:],
                          re.IGNORECASE)
        if not found:
            raise ReviewError(f"hedge '{phrase}' is not in sentence {sentence.id}")
        at = cursor + found.start()
        hedges.append({"text": sentence.text[at : at + len(phrase)],
                       "start": sentence.start + at, "signals": signal})
        cursor = at + len(phrase)
    return hedges


def hedges_spec(hedges: list[dict[str, Any]]) -> str:
    return ", ".join(f"{h['text']}={h['signals']}" for h in hedges or [])


def check_change(root: Path, name: str, value: Any) -> None:
    """Refuse a value the course would refuse, with a message a teacher can act on."""
    if name == "kind" and value not in {k.value for k in Kind}:
        raise ReviewError(f"kind '{value}' is not one of {', '.join(k.value for k in Kind)}")
    if name == "claimant" and value not in source_ids(root):
        raise ReviewError(f"claimant '{value}' is not in data/sources.yaml: add it there first")
    if name == "verdict":
        rating = value.get("rating")
        if rating not in {r.value for r in Rating}:
            raise ReviewError(f"verdict rating '{rating}' is not one of "
                              f"{', '.join(r.value for r in Rating)}")
        cited = [x for point in value.get("evidence") or [] for x in point.get("excerpts") or []]
        unknown = sorted(set(cited) - excerpt_ids(root))
        if unknown:
            raise ReviewError(f"excerpt(s) {', '.join(unknown)} not in data/record/: add the "
                              "document and its excerpts first")
        if rating != "unconfirmed" and not cited:
            raise ReviewError(f"a verdict of '{rating}' must cite at least one excerpt of "
                              "data/record/")
        if not str(value.get("summary", "")).strip():
            raise ReviewError("the verdict needs a summary")


def save_review(
    root: Path, sentence_id: str, started_from: dict[str, Any], changes: dict[str, Any]
) -> list[str]:
    """Write ``changes`` (field -> new value) for one sentence and clear their drafts.

    ``started_from`` holds each changed field's value when the reviewer opened it.
    Returns the fields written. Raises :class:`ReviewConflict` (nothing written) when the
    file now holds a third value for one of them.
    """
    root = Path(root)
    path = root / ANNOTATIONS
    for name, value in changes.items():
        if name not in REVIEWABLE:
            raise ReviewError(f"'{name}' cannot be reviewed here (only {', '.join(REVIEWABLE)})")
        check_change(root, name, value)
    rt = round_trip()
    doc = rt.load(path.read_text(encoding="utf-8"))
    notes = doc.get("sentences") or []
    index = next((k for k, s in enumerate(notes) if s.get("id") == sentence_id), None)
    if index is None:
        raise ReviewError(f"{ANNOTATIONS}: no sentence '{sentence_id}' (was it removed?)")
    note = notes[index]
    where = f"{ANNOTATIONS.as_posix()}: sentences[{index}]({sentence_id})"
    for name, value in changes.items():
        now = _plain(note.get(name, [] if name == "hedges" else None))
        base = _plain(started_from.get(name, [] if name == "hedges" else None))
        if now not in (base, _plain(value)):
            raise ReviewConflict(
                f"{where}.{name}: changed in the file since you opened it (now "
                f"{json.dumps(now, ensure_ascii=False)[:80]}); nothing was saved: reload the "
                "sentence and review it again"
            )
    written = []
    for name, value in changes.items():
        if name == "claimant":
            _follow_claimant(note, value, doc)
        if name == "hedges" and not value:
            note.pop("hedges", None)
        else:
            note[name] = value
        draft = note.get("draft")
        if draft is not None:
            draft.pop(name, None)
            if name == "claimant":
                draft.pop("chain", None)
            if not draft:
                del note["draft"]
        written.append(name)
    out = io.StringIO()
    rt.dump(doc, out)
    _replace(path, out.getvalue())
    return written


def confirm(root: Path, sentence_id: str, fields: list[str]) -> list[str]:
    """Confirm drafts as they are: the value stays, the draft entry goes."""
    current = {s.id: s for s in read_sentences(root)}[sentence_id]
    values = {name: current.fields[name] for name in fields if name in REVIEWABLE}
    return save_review(root, sentence_id, values, values)


def _follow_claimant(note: Any, claimant: str, doc: Any) -> None:
    """The chain's first hop is the claimant; the last stays the article itself."""
    chain = note.get("chain")
    if not chain:
        return
    publisher = chain[-1].get("source")
    if claimant == publisher:
        del chain[:-1]
    elif len(chain) == 1:
        chain.insert(0, {"source": claimant, "how": ""})
    else:
        chain[0]["source"] = claimant


def _replace(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


__all__ = [
    "DraftSentence",
    "ReviewConflict",
    "ReviewError",
    "confirm",
    "hedges_spec",
    "parse_hedges",
    "read_sentences",
    "save_review",
]
