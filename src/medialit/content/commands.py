"""``medialit guides``: regenerate each guide's answer notes from its quiz bank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "guides",
        help="regenerate the guides' answer notes from the quiz banks",
        description="Rewrite the '## Answer notes' section of every lessons/*/guide.md from "
        "its quiz.yaml (keys, tolerances, explanations; core and extension apart), so guide "
        "and bank cannot disagree. With --check, change nothing and exit 1 if any is stale.",
    )
    parser.add_argument("--check", action="store_true", help="only report stale guides")
    parser.add_argument("--root", type=Path, default=None, help="the course folder")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from medialit.content import ContentError, find_root
    from medialit.content.answernotes import with_notes
    from medialit.content.course import COURSE_FILE, CourseFile
    from medialit.content.quizbank import load_bank
    from medialit.content.yamlfile import load_model

    try:
        root = (args.root or find_root()).resolve()
        meta = load_model(CourseFile, root / COURSE_FILE, root)
    except ContentError as error:
        for problem in error.problems:
            print(f"medialit guides: {problem}", file=sys.stderr)
        return 1
    stale, problems = [], []
    for lesson in meta.lessons:
        folder = root / "lessons" / lesson
        if not (folder / "quiz.yaml").exists():
            continue
        try:
            bank = load_bank(folder / "quiz.yaml", root)
            guide = folder / "guide.md"
            text = guide.read_text(encoding="utf-8")
        except ContentError as error:
            problems += [str(p) for p in error.problems]
            continue
        except OSError as error:
            problems.append(f"lessons/{lesson}/guide.md: (file): {error.strerror}")
            continue
        new = with_notes(text, bank)
        if new != text:
            stale.append(f"lessons/{lesson}/guide.md")
            if not args.check:
                guide.write_text(new, encoding="utf-8")
    for problem in problems:
        print(f"medialit guides: {problem}", file=sys.stderr)
    verb = "stale" if args.check else "rewritten"
    print(f"{len(stale)} guide(s) {verb}" + (": " + ", ".join(stale) if stale else ""))
    return 1 if problems or (args.check and stale) else 0
