"""Look for answer keys in a released student edition, file by file.

``medialit release`` runs this on what it has just written and refuses to call
the release done if anything turns up. What counts as a leak, per kind of secret:

* explanations and per-answer feedback (any length-20+ text): anywhere, in any file,
  unless ``data/`` (public evidence, shipped as it is) states the same words;
* a sealed ``quiz.yaml`` carrying a key field (``correct``, ``accepted``, ``answer``,
  ``range``, ``targets``, ``category``, ``right``, ``feedback``, ...) at any depth;
* inside one sealed question: an accepted text answer, or a numeric answer or range
  bound as a whole token (option texts, categories and choices are public: only their
  pairing is secret, and that lives only in hashes);
* a guide's ``## Answer notes`` section, or any of its sentences, anywhere;
* widget state saved in a notebook (it can hold a previous learner's answers).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

KEY_FIELDS = frozenset(
    {
        "correct",
        "accepted",
        "answer",
        "tolerance",
        "range",
        "wrong",
        "targets",
        "category",
        "right",
        "distractors",
        "feedback",
        "misconception",
        "explanation",
    }
)
MIN_SECRET = 20


def squash(text: str) -> str:
    return " ".join(text.split())


def token_pattern(value: str) -> re.Pattern[str]:
    """``value`` as a whole token: not inside a longer word, number, hash or base64 run."""
    return re.compile(r"(?<![\w+/=.])" + re.escape(value) + r"(?![\w+/=]|\.\d)", re.IGNORECASE)


def teacher_secrets(question: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(long texts that must appear nowhere, short answers that must not sit in the question)."""
    long: list[str] = []
    short: list[str] = []

    def walk(node: Any, key: str | None = None) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif (
            isinstance(node, str)
            and key in ("explanation", "feedback")
            and len(squash(node)) >= MIN_SECRET
        ):
            long.append(squash(node))

    walk(question)
    short += [str(a) for a in question.get("accepted") or []]
    for name in ("answer",):
        if question.get("type") == "numeric" and question.get(name) is not None:
            short.append(_number(question[name]))
    if question.get("type") == "numeric" and isinstance(question.get("range"), list):
        short += [_number(x) for x in question["range"]]
    return long, short


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def answer_note_lines(guide_text: str) -> list[str]:
    """The sentences of a guide's teacher-only section, long enough to be distinctive."""
    match = re.search(r"^## +Answer notes\s*$(.*?)(?=^## |\Z)", guide_text, re.M | re.S)
    if not match:
        return []
    pieces = re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*] ", match.group(1))
    return [squash(p) for p in pieces if len(squash(p)) >= MIN_SECRET]


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield path


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def find_leaks(teacher_root: Path, release: Path) -> list[str]:
    """Every place in ``release`` where part of the teacher's key shows; empty when clean."""
    leaks: list[str] = []
    long_secrets: set[str] = set()
    short_by_bank: dict[str, dict[str, list[str]]] = {}
    for bank_path in sorted((teacher_root / "lessons").glob("*/quiz.yaml")):
        try:
            data = yaml.safe_load(bank_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue
        per_question: dict[str, list[str]] = {}
        for q in data.get("questions") or []:
            if isinstance(q, dict):
                long, short = teacher_secrets(q)
                long_secrets.update(long)
                per_question[str(q.get("id"))] = short
        short_by_bank[bank_path.parent.name] = per_question
    for guide in sorted((teacher_root / "lessons").glob("*/guide.md")):
        long_secrets.update(answer_note_lines(guide.read_text(encoding="utf-8", errors="replace")))
    long_secrets -= set(public_overlap(teacher_root, long_secrets))

    for path in _files(release):
        name = path.relative_to(release).as_posix()
        text = _read(path)
        flat = squash(text)
        for secret in long_secrets:
            if secret in flat:
                leaks.append(f"{name}: contains teacher-only text {secret[:50]!r}...")
        if path.name == "quiz.yaml" and path.parent.parent.name == "lessons":
            leaks += _sealed_bank_leaks(name, text, short_by_bank.get(path.parent.name, {}))
        if path.suffix == ".ipynb":
            leaks += _notebook_leaks(name, text)
        if path.name == "guide.md" and re.search(r"^## +Answer notes\s*$", text, re.M):
            leaks.append(f"{name}: still has its '## Answer notes' section")
    return leaks


def public_overlap(teacher_root: Path, secrets: Iterable[str]) -> list[str]:
    """Secrets the course already states word for word in public: not a leak.

    The student edition ships ``data/`` (the annotated article with its verdicts), the
    guides' public sections and the notebooks' narrative on purpose; an explanation
    (or an answer note generated from it) that repeats them gives nothing away.
    """
    texts: list[str] = []
    data = teacher_root / "data"
    if data.is_dir():
        texts += [_read(p) for p in _files(data) if p.suffix in (".yaml", ".md", ".txt")]
    for guide in sorted((teacher_root / "lessons").glob("*/guide.md")):
        texts.append(re.sub(r"^## +Answer notes\s*$.*?(?=^## |\Z)", "", _read(guide),
                            flags=re.M | re.S))
    for notebook in sorted((teacher_root / "notebooks").glob("*.ipynb")):
        try:
            cells = json.loads(_read(notebook)).get("cells", [])
        except ValueError:
            continue
        texts += ["".join(c.get("source", "")) for c in cells
                  if isinstance(c, dict) and c.get("cell_type") == "markdown"]
    public = "\n".join(squash(t) for t in texts)
    return sorted(s for s in secrets if s in public)


def _keys(node: Any) -> Iterable[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield str(k)
            yield from _keys(v)
    elif isinstance(node, list):
        for v in node:
            yield from _keys(v)


def _sealed_bank_leaks(name: str, text: str, short: dict[str, list[str]]) -> list[str]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return [f"{name}: not valid YAML"]
    leaks = []
    if data.get("sealed") is not True:
        leaks.append(f"{name}: is not sealed")
    for q in data.get("questions") or []:
        if not isinstance(q, dict):
            continue
        qid = str(q.get("id"))
        public = {k: v for k, v in q.items() if k != "seal"}
        found = sorted(set(_keys(public)) & KEY_FIELDS)
        if found:
            leaks.append(f"{name}: question {qid} carries key field(s) {', '.join(found)}")
        block = yaml.safe_dump(q, allow_unicode=True, width=10**6)
        for answer in short.get(qid, []):
            if token_pattern(answer).search(block):
                leaks.append(f"{name}: question {qid} shows its answer {answer!r}")
    return leaks


def _notebook_leaks(name: str, text: str) -> list[str]:
    try:
        nb = json.loads(text)
    except ValueError:
        return [f"{name}: not valid notebook JSON"]
    leaks = []
    if "widgets" in (nb.get("metadata") or {}):
        leaks.append(f"{name}: keeps saved widget state in its metadata")
    for cell in nb.get("cells") or []:
        for output in cell.get("outputs") or []:
            if "application/vnd.jupyter.widget-state+json" in (output.get("data") or {}):
                leaks.append(f"{name}: an output keeps widget state")
    return leaks


__all__ = [
    "KEY_FIELDS",
    "answer_note_lines",
    "find_leaks",
    "public_overlap",
    "teacher_secrets",
    "token_pattern",
]
