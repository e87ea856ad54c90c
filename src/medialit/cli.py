"""The ``medialit`` command.

Each subsystem owns its subcommands in a ``commands`` module with a
``register(subparsers)`` function, so this file only lists them. Modules are
imported lazily: a teacher running ``medialit check`` should not pay for
importing matplotlib or trafilatura.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# Modules that add subcommands, in the order `medialit --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "medialit.check",
    "medialit.content.commands",
    "medialit.progress.commands",
    "medialit.quiz.commands",
    "medialit.analyze.commands",
    "medialit.newcase.commands",
    "medialit.classroom.commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medialit",
        description="Media-literacy course tools: validate content, release the student "
        "edition, export progress, build class reports, analyze any article.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a teacher gets one line, a developer can ask for more
        if os.environ.get("MEDIALIT_DEBUG"):
            raise
        print(
            f"medialit {args.command}: unexpected error: {type(exc).__name__}: {exc}\n"
            "Set MEDIALIT_DEBUG=1 to see the details, and please report it.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
