"""Build the student edition: the course with its answer key sealed and teacher notes removed.

What is written to OUTDIR:

* ``course.yaml`` with ``edition: student`` (guides are then loaded without their
  teacher-only section);
* ``data/`` as it is, except that in ``data/annotations.yaml`` the fields a quiz asks
  about (a sentence's kind, hedges or verdict) are sealed like the banks
  (:mod:`medialit.content.sealed_data`), unless the teacher passes ``open_data``;
  ``README.md`` when there is one;
* ``lessons/``: every ``quiz.yaml`` replaced by its sealed form (``sealed: true``), every
  ``guide.md`` without its ``## Answer notes`` section, other files as they are;
* ``notebooks/``: widget state dropped from metadata and outputs (it can carry a
  previous learner's answers), everything else as it is.

Afterwards every sealed bank is loaded back and :func:`medialit.quiz.leaks.find_leaks`
scans every written file; any finding fails the release.

Each release draws a random salt (:mod:`secrets`), so salts cannot be guessed from
one release to the next; shuffles do not depend on it (:mod:`medialit.quiz.shuffle`
seeds them from the learner, lesson and question), so a learner sees the same
order in every run of one edition.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from medialit.content.problems import ContentError, Problem
from medialit.content.quizbank import load_bank, load_misconceptions
from medialit.content.sealed_data import asked_fields, gated_fields, seal_sentences
from medialit.quiz.graded import unseal_graded
from medialit.quiz.key import seal_question
from medialit.quiz.leaks import find_leaks

WRITTEN = ("course.yaml", "README.md", "data", "lessons", "notebooks")
SKIP_DIRS = {".ipynb_checkpoints", "__pycache__", ".git"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
BANK_HEADER = (
    "# Student edition, written by `medialit release`: the answer key is sealed\n"
    "# (salted hashes and an obfuscated box per question). Edit the teacher's\n"
    "# lessons/<lesson>/quiz.yaml and release again instead of editing this file.\n"
)


class ReleaseError(Exception):
    """The release cannot be made; the message says why and what to do."""


@dataclass
class ReleaseReport:
    outdir: Path
    banks: int = 0
    questions: int = 0
    sealed_sentences: int = 0  # sentences of data/annotations.yaml with sealed fields
    guides: int = 0
    notebooks: int = 0
    files: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Context:
    sentences: Mapping[str, str] | None
    objectives: Mapping[str, set[str]] | None
    misconceptions: Mapping[str, Any] | None
    course: Any = None  # the loaded course, when validated


def _check_places(root: Path, outdir: Path) -> None:
    if outdir == root:
        raise ReleaseError("OUTDIR is the course itself; choose another folder")
    if outdir in root.parents:
        raise ReleaseError(f"OUTDIR {outdir} contains the course; choose a folder outside it")
    for name in WRITTEN:
        source = root / name
        if outdir == source or source in outdir.parents:
            raise ReleaseError(f"OUTDIR cannot be inside the course's {name}/")


def _prepare(outdir: Path, force: bool) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise ReleaseError(f"{outdir} exists and is not a folder")
    if outdir.exists() and any(outdir.iterdir()):
        if not force:
            raise ReleaseError(
                f"{outdir} is not empty; choose an empty folder, or pass --force to replace "
                "the course files in it"
            )
        for name in WRITTEN:
            target = outdir / name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists() or target.is_symlink():
                target.unlink()
    outdir.mkdir(parents=True, exist_ok=True)


def _context(root: Path, validate: bool) -> _Context:
    if not validate:
        return _Context(None, None, load_misconceptions(root) or None)
    from medialit.content import load_course

    course = load_course(root)
    return _Context(
        {s.id: s.text for s in course.sentences},
        {lesson.id: {o.id for o in lesson.guide.meta.objectives} for lesson in course.lessons},
        dict(course.misconceptions),
        course,
    )


def student_course_yaml(text: str) -> str:
    """``course.yaml`` marked as the student edition; comments and order kept."""
    if re.search(r"^edition:.*$", text, flags=re.M):
        return re.sub(r"^edition:.*$", "edition: student", text, flags=re.M)
    return text.rstrip("\n") + "\nedition: student\n"


def strip_answer_notes(text: str) -> str:
    """A guide without its teacher-only sections (``## Answer notes``, ``## Model corrections``).

    Each section runs to the next ``## `` heading.
    """
    pattern = r"^## +(?:Answer notes|Model corrections)\s*$.*?(?=^## |\Z)"
    return re.sub(pattern, "", text, flags=re.M | re.S).rstrip("\n") + "\n"


def strip_notebook(text: str) -> str:
    """Notebook JSON without saved widget state (views fall back to their text and HTML)."""
    nb = json.loads(text)
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data")
            if isinstance(data, dict):
                data.pop(WIDGET_VIEW, None)
                data.pop(WIDGET_STATE, None)
                if not data and output.get("output_type") == "display_data":
                    continue
            kept.append(output)
        cell["outputs"] = kept
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def seal_bank(path: Path, root: Path, ctx: _Context, seed: str) -> tuple[str, int]:
    """The sealed YAML text of one teacher bank, and its number of questions."""
    lesson = path.parent.name
    objectives = ctx.objectives.get(lesson) if ctx.objectives is not None else None
    bank = load_bank(path, root, ctx.sentences, objectives, ctx.misconceptions)
    data: dict[str, Any] = {"lesson": bank.lesson, "sealed": True}
    if bank.sections:
        data["sections"] = [s.model_dump() for s in bank.sections]
    data["questions"] = [seal_question(q, bank.lesson, seed) for q in bank.questions]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return BANK_HEADER + body, len(bank.questions)


ANNOTATIONS_HEADER = (
    "# Student edition, written by `medialit release`: the kinds, hedges and verdicts\n"
    "# that a quiz asks about are sealed (sealed_fields) and opened by medialit once the\n"
    "# question has been answered. Edit the teacher's data/annotations.yaml instead.\n"
)


def _sealed_annotations(root: Path, ctx: _Context, seed: str, report: ReleaseReport) -> str | None:
    """The student edition's ``data/annotations.yaml``, or None when the course has none."""
    path = root / "data" / "annotations.yaml"
    if not path.is_file():
        return None
    course = ctx.course
    if course is None:
        from medialit.content import load_course

        course = load_course(root)
    questions = [
        (lesson.id, q) for lesson in course.lessons if lesson.quiz for q in lesson.quiz.questions
    ]
    notes = {s.id: s for s in course.sentences}
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    salt = hashlib.sha256(f"annotations\x1f{seed}".encode()).hexdigest()[:16]
    for note in (raw or {}).get("sentences") or []:
        if isinstance(note, dict):
            note.pop("draft", None)  # a draft's rule names the answer ("-> paraphrase")
    report.sealed_sentences = seal_sentences(raw, asked_fields(questions, notes), salt)
    if not report.sealed_sentences:
        return None
    body = yaml.safe_dump(raw, sort_keys=False, allow_unicode=True, width=100)
    return ANNOTATIONS_HEADER + body


def _copy_tree(source: Path, target: Path, report: ReleaseReport, transform: Any) -> None:
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if any(part in SKIP_DIRS for part in rel.parts) or path.is_dir():
            continue
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if not transform(path, out):
            shutil.copy2(path, out)
        report.files += 1


def release(
    root: Path | str,
    outdir: Path | str,
    *,
    force: bool = False,
    validate: bool = True,
    seed: str | None = None,
    open_data: bool = False,
) -> ReleaseReport:
    """Write the student edition of the course at ``root`` into ``outdir``.

    ``validate`` loads the whole course first (so a broken course is never
    released, and sentence and objective references are checked); tests of the
    engine alone turn it off. ``seed`` makes the salts (tests); by default each
    release draws a random one. ``open_data`` ships ``data/`` unsealed, so the
    explorer shows every kind, hedge and verdict from the start. Raises
    :class:`ReleaseError` or ``ContentError``.
    """
    seed = seed or secrets.token_hex(16)
    root = Path(root).resolve()
    outdir = Path(outdir).resolve()
    if not (root / "course.yaml").is_file():
        raise ReleaseError(f"{root} has no course.yaml; point at the course folder")
    _check_places(root, outdir)
    ctx = _context(root, validate)
    # Seal every bank before writing anything, so a content error leaves OUTDIR untouched.
    sealed: dict[Path, str] = {}
    problems: list[Problem] = []
    report = ReleaseReport(outdir)
    for bank_path in sorted((root / "lessons").glob("*/quiz.yaml")):
        try:
            text, count = seal_bank(bank_path, root, ctx, seed)
            text = unseal_graded(text, bank_path.parent.name, root)  # key stays in the service
        except ContentError as error:
            problems += error.problems
            continue
        sealed[bank_path] = text
        report.banks += 1
        report.questions += count
    if problems:
        raise ContentError(problems)
    annotations = _sealed_annotations(root, ctx, seed, report) if not open_data else None
    _prepare(outdir, force)

    course_text = (root / "course.yaml").read_text(encoding="utf-8")
    (outdir / "course.yaml").write_text(student_course_yaml(course_text), encoding="utf-8")
    report.files += 1
    if (root / "README.md").is_file():
        shutil.copy2(root / "README.md", outdir / "README.md")
        report.files += 1

    def lessons(path: Path, out: Path) -> bool:
        if path in sealed:
            out.write_text(sealed[path], encoding="utf-8")
            return True
        if path.name == "guide.md":
            text = path.read_text(encoding="utf-8")
            out.write_text(strip_answer_notes(text), encoding="utf-8")
            report.guides += 1
            return True
        return False

    def notebooks(path: Path, out: Path) -> bool:
        if path.suffix != ".ipynb":
            return False
        try:
            out.write_text(strip_notebook(path.read_text(encoding="utf-8")), encoding="utf-8")
        except (ValueError, UnicodeDecodeError) as error:
            raise ReleaseError(
                f"{path.relative_to(root)} is not a readable notebook: {error}"
            ) from None
        report.notebooks += 1
        return True

    def data(path: Path, out: Path) -> bool:
        if annotations is not None and path == root / "data" / "annotations.yaml":
            out.write_text(annotations, encoding="utf-8")
            return True
        return False

    for name, transform in (("data", data), ("lessons", lessons), ("notebooks", notebooks)):
        if (root / name).is_dir():
            _copy_tree(root / name, outdir / name, report, transform)
        else:
            report.notes.append(f"the course has no {name}/ folder")

    _verify(outdir, root, report)
    return report


def _verify(outdir: Path, root: Path, report: ReleaseReport) -> None:
    problems: list[Problem] = []
    misconceptions = load_misconceptions(outdir) or None
    for bank_path in sorted((outdir / "lessons").glob("*/quiz.yaml")):
        try:
            bank = load_bank(bank_path, outdir, None, None, misconceptions)
        except ContentError as error:
            problems += error.problems
            continue
        if not bank.sealed:
            problems.append(Problem(bank_path.name, "sealed", "the released bank is not sealed"))
    if problems:
        raise ContentError(problems)
    leaks = find_leaks(root, outdir) + _annotation_leaks(outdir)
    if leaks:
        raise ReleaseError("the student edition still shows answers:\n" + "\n".join(leaks))


def _annotation_leaks(outdir: Path) -> list[str]:
    """Sealed sentences of the released annotations that still carry a field in plain text."""
    path = outdir / "data" / "annotations.yaml"
    if not path.is_file():
        return []
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    gates = gated_fields(raw)
    leaks = []
    for entry in raw.get("sentences") or [] if isinstance(raw, dict) else []:
        for name in gates.get(str(entry.get("id")), {}):
            if name in entry:
                leaks.append(f"data/annotations.yaml: sentence {entry['id']} shows its {name}")
    return leaks


__all__ = [
    "ReleaseError",
    "ReleaseReport",
    "release",
    "seal_bank",
    "strip_answer_notes",
    "strip_notebook",
    "student_course_yaml",
]
