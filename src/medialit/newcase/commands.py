"""``medialit new`` and ``medialit regenerate``: a case for the teacher's own article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _new(args: argparse.Namespace) -> int:
    from medialit.newcase.scaffold import NewCaseError, build_case

    try:
        root = build_case(args.dir, args.article, title=args.title)
    except NewCaseError as exc:
        print(f"medialit new: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote a draft case to {root}. Next: `medialit check --root {root}` lists the "
          "drafts to review; open notebooks/review-drafts.ipynb to review them.")
    return 0


def _regenerate(args: argparse.Namespace) -> int:
    from medialit.newcase.regenerate import RegenerateError, regenerate_case

    try:
        reports = regenerate_case(Path(args.dir), add_missing=args.add_missing)
    except RegenerateError as exc:
        print(f"medialit regenerate: {exc}", file=sys.stderr)
        return 1
    for lesson, r in reports.items():
        for qid in r.rebuilt:
            print(f"{lesson}: {qid}: rebuilt from the annotations")
        for qid in r.kept_hand_edited:
            print(f"{lesson}: {qid}: kept: edited by hand (a hand edit wins over the "
                  "annotations; delete it and use --add-missing to generate it again)")
        for qid in r.dropped:
            print(f"{lesson}: {qid}: dropped: the annotations no longer support it")
        for qid in r.added:
            print(f"{lesson}: {qid}: added")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="a new case (course folder) for your own article, pre-filled as drafts",
        description="Write a course folder for a saved page (.html) or a text file: the "
        "article and its provenance, annotations, sources and numbers pre-filled by the "
        "analyzer (every guess marked draft), generated quiz banks and notebooks.",
    )
    parser.add_argument("dir", type=Path, help="the new folder (must not exist)")
    parser.add_argument("--article", type=Path, required=True, help="a saved .html or .txt")
    parser.add_argument("--title", default=None, help="the case's title (default: the page's)")
    parser.set_defaults(handler=_new)
    regen = subparsers.add_parser(
        "regenerate",
        help="rebuild a case's generated questions from its annotations (hand edits win)",
        description="Rebuild every generated question not edited by hand from the current "
        "annotations; questions edited by hand are kept and listed.",
    )
    regen.add_argument("dir", type=Path, help="the case folder")
    regen.add_argument("--add-missing", action="store_true",
                       help="also add generated questions that are not in the banks")
    regen.set_defaults(handler=_regenerate)
