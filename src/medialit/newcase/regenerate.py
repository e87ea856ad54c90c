"""``medialit regenerate DIR``: generated questions follow the annotations they rest on.

The rule (see :mod:`medialit.newcase.banks`): a question untouched since it was
generated is rebuilt from the current annotations; a question edited by hand is kept.
Banks are rewritten with ruamel.yaml, so the teacher's comments and order survive, and
each guide's answer notes are regenerated so `medialit check` stays green.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML

from medialit.newcase import banks


class RegenerateError(Exception):
    """The case cannot be regenerated; the message says why."""


def _plain(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegenerateError(f"{path}: cannot be read: {exc}") from None


def round_trip() -> YAML:
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 100
    rt.indent(mapping=2, sequence=2, offset=0)
    return rt


def fresh_questions(root: Path) -> dict[str, list[dict[str, Any]]]:
    data = root / "data"
    sentences = _plain(data / "annotations.yaml")["sentences"]
    sources = _plain(data / "sources.yaml")["sources"]
    numbers = _plain(data / "numbers.yaml")["numbers"]
    publisher = _plain(data / "article" / "article.yaml")["publisher"]
    return banks.generate(sentences, sources, numbers, publisher)


def regenerate_case(root: Path, add_missing: bool = False) -> dict[str, banks.Regeneration]:
    if not (root / "course.yaml").is_file():
        raise RegenerateError(f"{root}: not a case folder (no course.yaml)")
    fresh = fresh_questions(root)
    rt = round_trip()
    reports: dict[str, banks.Regeneration] = {}
    for lesson, questions in fresh.items():
        path = root / "lessons" / lesson / "quiz.yaml"
        if not path.is_file():
            continue
        doc = rt.load(path.read_text(encoding="utf-8"))
        current = list(doc.get("questions") or [])
        result = banks.regenerate(current, questions, add_missing)
        reports[lesson] = result
        if not (result.rebuilt or result.dropped or result.added):
            continue
        doc["questions"] = result.questions
        out = io.StringIO()
        rt.dump(doc, out)
        path.write_text(out.getvalue(), encoding="utf-8")
        _refresh_notes(root / "lessons" / lesson / "guide.md", path)
    return reports


def _refresh_notes(guide: Path, bank_path: Path) -> None:
    from medialit.content.answernotes import with_notes
    from medialit.content.quizbank import QuizBank

    bank = QuizBank.model_validate(yaml.safe_load(bank_path.read_text(encoding="utf-8")))
    guide.write_text(with_notes(guide.read_text(encoding="utf-8"), bank), encoding="utf-8")
