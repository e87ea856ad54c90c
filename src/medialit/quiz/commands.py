"""``medialit release OUTDIR``: the student edition, its answer key sealed against peeking."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.content.problems import ContentError

PROTECTS = (
    "What this protects against: a classmate's saved notebook, a search (grep) of the "
    "course folder, and reading its files. What it does not: someone who runs medialit's "
    "own code to open the seals or to try every option of a question; the key ships with "
    "the course. For graded work, keep the key off learners' machines: mark the questions "
    "graded in course.yaml and run `medialit class-service` on your JupyterHub, which "
    "judges them on the server (the README's section on a class on JupyterHub)."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "release",
        help="write the student edition (answer key sealed, teacher notes removed)",
        description="Copy course.yaml, README.md, data/, lessons/ and notebooks/ into OUTDIR "
        "as the student edition: quiz answers become salted hashes (a new random salt for "
        "every release), explanations and feedback are obfuscated until a learner answers, "
        "the sentence kinds, hedges and verdicts a quiz asks about are sealed in "
        "data/annotations.yaml, guides lose their 'Answer notes' section and notebooks lose "
        "saved widget state. Every written file is then scanned for answers. "
        + PROTECTS,
    )
    parser.add_argument("outdir", type=Path, metavar="OUTDIR")
    parser.add_argument(
        "--force", action="store_true", help="replace the course files in a non-empty OUTDIR"
    )
    parser.add_argument(
        "--root", type=Path, default=None, help="the course folder (default: found as usual)"
    )
    parser.add_argument(
        "--open-data", action="store_true",
        help="ship data/ unsealed: the explorer then shows every sentence's kind, hedges and "
        "verdict from the start, before the questions about them are answered",
    )
    parser.add_argument(
        "--allow-drafts", action="store_true",
        help="release a case even though some fields are still drafts (see medialit check)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from medialit.content import find_root
    from medialit.quiz.release import ReleaseError, release

    try:
        root = args.root or find_root()
        if not getattr(args, "allow_drafts", False):
            from medialit.newcase.todo import todo_items

            drafts = todo_items(root)
            if drafts:
                print(f"medialit release: {len(drafts)} field(s) are still drafts (the first: "
                      f"{drafts[0]}); review them (`medialit check` lists them all) or pass "
                      "--allow-drafts; nothing was released", file=sys.stderr)
                return 1
        report = release(root, args.outdir, force=args.force, open_data=args.open_data)
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
        f"{report.notebooks} notebooks without widget state, "
        + (
            "data/ left open (--open-data), "
            if args.open_data
            else f"{report.sealed_sentences} sentences' quizzed fields sealed in "
            "data/annotations.yaml, "
        )
        + f"{report.files} files in all. No answer found in plain text."
    )
    print(PROTECTS)
    for note in report.notes:
        print(f"note: {note}")
    return 0
