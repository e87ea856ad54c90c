"""``medialit check``: validate every content file and summarise what the course holds.

It sits beside ``cli.py`` rather than in ``content/`` because its summary also
counts what the upper layers build from the content (figures).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from medialit.content import ContentError, Course, load_course


def summary(course: Course) -> dict[str, Any]:
    """Counts a teacher (or CI) can compare with what they expect."""
    by_type: Counter[str] = Counter()
    for lesson in course.lessons:
        if lesson.quiz is not None:
            by_type.update(q.type for q in lesson.quiz.questions)
    return {
        "ok": True,
        "root": str(course.root),
        "edition": course.meta.edition,
        "lessons": len(course.lessons),
        "questions": sum(by_type.values()),
        "questions_by_type": dict(sorted(by_type.items())),
        "sentences_annotated": len(course.sentences),
        "boilerplate_lines": len(course.article.boilerplate),
        "sources": len(course.sources),
        "numbers": len(course.numbers),
        "timeline_events": len(course.timeline),
        "record_documents": len(course.record.documents),
        "record_excerpts": len(course.record.excerpts),
        "verdicts": dict(sorted(Counter(s.verdict.rating.value for s in course.sentences).items())),
        "figures": _figure_count(),
    }


def _figure_count() -> int | None:
    try:
        figures = importlib.import_module("medialit.figures")
    except ImportError:
        return None
    catalogue = getattr(figures, "CATALOGUE", None)
    return len(catalogue) if catalogue is not None else None


def warnings(course: Course) -> list[str]:
    """Things worth fixing that do not stop the course working (exit code stays 0)."""
    from medialit.quiz.giveaways import longest_right_warnings

    banks = [lesson.quiz for lesson in course.lessons if lesson.quiz is not None]
    return [str(w) for w in longest_right_warnings(banks)]


def run(root: Path | None, as_json: bool, strict: bool = False) -> int:
    try:
        course = load_course(root)
    except ContentError as exc:
        if as_json:
            problems = [
                {"file": p.file, "field": p.field, "problem": p.message} for p in exc.problems
            ]
            print(json.dumps({"ok": False, "problems": problems}, indent=2, ensure_ascii=False))
        else:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return 1
    report = summary(course)
    report["warnings"] = warnings(course)
    from medialit.newcase.todo import format_todo, todo_items

    todo = todo_items(course.root)
    report["drafts"] = [
        {"number": k, "group": t.group, "file": t.file, "field": t.field, "rule": t.rule}
        for k, t in enumerate(todo, start=1)
    ]
    if strict and todo:
        report["ok"] = False
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        if strict and todo:
            return 1
    else:
        for line in report["warnings"]:
            print(f"warning: {line}", file=sys.stderr)
        if todo:
            label = "error" if strict else "warning"
            print(f"{label}: {len(todo)} draft field(s) to review (to-do list):", file=sys.stderr)
            for line in format_todo(todo):
                print(line, file=sys.stderr)
        if strict and todo:
            print(f"{len(todo)} problem(s) found: drafts are errors with --strict.",
                  file=sys.stderr)
            return 1
        print(
            f"OK: {report['sentences_annotated']} sentences annotated, {report['sources']} "
            f"sources, {report['numbers']} numbers, {report['lessons']} lessons, "
            f"{report['questions']} quiz questions."
        )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate all course content (data/ and lessons/)",
        description="Validate the article, its annotations, sources, numbers, timeline and every "
        "lesson. Problems are printed as 'file: field: problem'; the exit code is 1 if any.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary (or problems)")
    parser.add_argument("--root", type=Path, default=None, help="course folder (default: found)")
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 1) while any field is still a draft")
    parser.set_defaults(handler=lambda args: run(args.root, args.json, args.strict))
