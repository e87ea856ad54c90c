"""``medialit release OUTDIR``: the student edition, with no answer key in plain text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.content.problems import ContentError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "release",
        help="write the student edition (answer key sealed, teacher notes removed)",
        description="Copy course.yaml, README.md, data/, lessons/ and notebooks/ into OUTDIR "
        "as the student edition: quiz answers become salted hashes, explanations and "
        "feedback are obfuscated until a learner answers, guides lose their 'Answer notes' "
        "section and notebooks lose saved widget state. Every written file is then scanned "
        "for answers. This stops casual peeking, not a student who reads the code.",
    )
    parser.add_argument("outdir", type=Path, metavar="OUTDIR")
    parser.add_argument(
        "--force", action="store_true", help="replace the course files in a non-empty OUTDIR"
    )
    parser.add_argument(
        "--root", type=Path, default=None, help="the course folder (default: found as usual)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from medialit.content import find_root
    from medialit.quiz.release import ReleaseError, release

    try:
        root = args.root or find_root()
        report = release(root, args.outdir, force=args.force)
    except ContentError as error:
        print("medialit release: the course has problems; nothing was released:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except (ReleaseError, OSError) as error:
        print(f"medialit release: {error}", file=sys.stderr)
        return 1
    print(
        f"Student edition written to {report.outdir}: {report.banks} quiz banks "
        f"({report.questions} questions) sealed, {report.guides} guides without answer notes, "
        f"{report.notebooks} notebooks without widget state, {report.files} files in all. "
        "No answer found in plain text."
    )
    for note in report.notes:
        print(f"note: {note}")
    return 0
