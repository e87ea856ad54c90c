"""``medialit analyze FILE [--json] [--rules DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyze any saved article (.html or .txt): sources, quotes, hedges, numbers",
        description="Analyze a saved web page (.html/.htm) or a text file (.txt). Reads the "
        "file only, never the network. Exit code 1 when the file cannot be analyzed.",
    )
    parser.add_argument("file", metavar="FILE", help="saved web page or text file")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument(
        "--rules",
        metavar="DIR",
        type=Path,
        help="folder of extra rule files (*.yaml) added to the built-in word lists",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from medialit.analyze import InputError, analyze_file
    from medialit.analyze.progress import terminal_bar
    from medialit.content.problems import ContentError

    try:
        report = analyze_file(args.file, rules=args.rules, progress=terminal_bar)
    except InputError as exc:
        from medialit.analyze.inputs import printable_name

        print(f"medialit analyze: {printable_name(args.file)}: {exc}", file=sys.stderr)
        return 1
    except ContentError as exc:
        print("medialit analyze: the rules cannot be used:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(report.summary())
    return 0
