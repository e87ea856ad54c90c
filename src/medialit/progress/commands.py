"""``medialit progress export|reset`` and ``medialit report``."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from medialit.progress.paths import db_path, find_course_root


def register(subparsers: argparse._SubParsersAction) -> None:
    progress = subparsers.add_parser(
        "progress",
        help="this learner's saved answers: export or reset",
        description="Your answers are kept on this computer only, in a SQLite file "
        "(MEDIALIT_DATA_DIR or course.yaml's progress_dir change where).",
    )
    actions = progress.add_subparsers(dest="progress_command", metavar="ACTION")
    progress.set_defaults(handler=lambda args: _usage(progress))

    export = actions.add_parser("export", help="write your answers as CSV or JSON")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: stdout)")
    export.set_defaults(handler=run_export)

    reset = actions.add_parser(
        "reset", help="forget your answers (a backup copy is kept and its place printed)"
    )
    reset.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    reset.set_defaults(handler=run_reset)

    report = subparsers.add_parser(
        "report",
        help="class report from many learners' progress databases",
        description="Reads every progress database found under the folders given "
        "(for example collected JupyterHub home folders) without changing them, and "
        "writes questions.csv, wrong-answers.csv, learners.csv, questions.png and report.md.",
    )
    report.add_argument("dirs", nargs="+", type=Path, metavar="DIR")
    report.add_argument(
        "--output", "-o", type=Path, default=Path("class-report"),
        help="folder for the report (default: ./class-report)",
    )
    report.set_defaults(handler=run_report)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _open_store():  # -> SQLiteStore | None
    from medialit.progress.store import SQLiteStore

    path = db_path()
    if not path.exists():
        return None
    return SQLiteStore(path)


def run_export(args: argparse.Namespace) -> int:
    from medialit.progress.export import write_csv, write_json
    from medialit.progress.sink import current_learner, set_sink

    try:
        store = _open_store()
    except (OSError, sqlite3.Error) as error:
        print(f"medialit: cannot open {db_path()}: {error}", file=sys.stderr)
        return 1
    if store is not None:
        set_sink(store)
    learner = current_learner()
    attempts = store.attempts(learner) if store is not None else []
    writer = write_json if args.format == "json" else write_csv
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = writer(attempts, out)
        else:
            count = writer(attempts, sys.stdout)
    except OSError as error:
        print(f"medialit: cannot write {args.output or 'the output'}: {error}", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close()
            set_sink(None)
    where = f" to {args.output}" if args.output else ""
    print(f"medialit: exported {count} answer(s) by {learner}{where}.", file=sys.stderr)
    return 0


def run_reset(args: argparse.Namespace) -> int:
    from medialit.progress.sink import current_learner, set_sink

    try:
        store = _open_store()
    except (OSError, sqlite3.Error) as error:
        print(f"medialit: cannot open {db_path()}: {error}", file=sys.stderr)
        return 1
    if store is None:
        print(f"medialit: no saved answers ({db_path()} does not exist).", file=sys.stderr)
        return 0
    set_sink(store)
    try:
        learner = current_learner()
        count = len(store.attempts(learner))
        if not args.yes:
            try:
                reply = input(
                    f"Delete {count} saved answer(s) by {learner} in {store.path}? "
                    "A backup copy is kept. [y/N] "
                )
            except EOFError:
                reply = ""
            if reply.strip().lower() not in ("y", "yes"):
                print("medialit: nothing deleted.", file=sys.stderr)
                return 1
        try:
            backup, deleted = store.reset(learner)
        except (PermissionError, sqlite3.Error) as error:
            print(f"medialit: cannot reset: {error}", file=sys.stderr)
            return 1
        print(
            f"medialit: deleted {deleted} answer(s) by {learner}. "
            f"A backup copy is at {backup}.",
            file=sys.stderr,
        )
        return 0
    finally:
        store.close()
        set_sink(None)


def _course_totals() -> dict[str, tuple[str, int]] | None:
    try:
        from medialit.progress.summary import course_totals

        return course_totals()
    except Exception:  # content not loadable: completion is then counted over answered questions
        return None


def run_report(args: argparse.Namespace) -> int:
    from medialit.progress.collect import collect
    from medialit.progress.report import build_report
    from medialit.progress.report_files import misconception_names, write_report

    found = collect(args.dirs)
    for warning in found.warnings:
        print(f"medialit: warning: {warning}", file=sys.stderr)
    if not found.learners:
        print("medialit: no learner progress databases found; no report written.",
              file=sys.stderr)
        return 1
    report = build_report(
        found.learners, _course_totals(), misconception_names(find_course_root())
    )
    try:
        files = write_report(report, args.output, found.warnings)
    except OSError as error:
        print(f"medialit: cannot write the report to {args.output}: {error}", file=sys.stderr)
        return 1
    print(
        f"medialit: report on {len(report.learners)} learner(s) from "
        f"{len(found.databases)} database(s) written to {args.output}:",
        file=sys.stderr,
    )
    for path in files:
        print(f"  {path}", file=sys.stderr)
    return 0
