"""Writing a :class:`~medialit.progress.report.ClassReport` as CSV files, a chart and a summary."""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import yaml

from medialit.progress.chart import OKABE_BLUE, OKABE_ORANGE, Chart, bar_chart
from medialit.progress.collect import shown
from medialit.progress.csvcells import safe_cell
from medialit.progress.report import ClassReport

QUESTIONS_CSV = "questions.csv"
WRONG_CSV = "wrong-answers.csv"
LEARNERS_CSV = "learners.csv"
CHART_PNG = "questions.png"
SUMMARY_MD = "report.md"


def shown_text(text: str) -> str:
    """Text that can be written as UTF-8 whatever file names it quotes."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def misconception_names(course_root: Path | None) -> dict[str, str]:
    """``{id: name}`` from ``lessons/misconceptions.yaml``; empty when absent or unreadable."""
    if course_root is None:
        return {}
    try:
        data = yaml.safe_load(
            (course_root / "lessons" / "misconceptions.yaml").read_text(encoding="utf-8")
        )
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    entries = data.get("misconceptions") if isinstance(data, dict) else None
    names: dict[str, str] = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
            names[entry["id"]] = str(entry.get("name") or entry["id"])
    return names


def questions_chart(report: ClassReport) -> Chart:
    labels = [f"{q.lesson} / {q.question}" for q in report.questions]
    fig = bar_chart(
        labels,
        [
            ("right first time", [100 * q.share_first for q in report.questions], OKABE_BLUE, "//"),
            ("right eventually", [100 * q.share_eventually for q in report.questions],
             OKABE_ORANGE, ""),
        ],
        100,
        "% of learners who tried the question",
        "{:.0f}%",
        "Class results by question",
    )
    hardest = sorted(report.questions, key=lambda q: (q.share_first, q.lesson, q.question))[:3]
    alt = (
        f"Bar chart of {len(report.questions)} questions: for each, the share of learners "
        "right at the first attempt (hatched) and eventually (plain). "
        + (
            "Hardest at the first attempt: "
            + "; ".join(
                f"{q.lesson} / {q.question} {100 * q.share_first:.0f}% "
                f"(eventually {100 * q.share_eventually:.0f}%)"
                for q in hardest
            )
            + "."
            if hardest
            else "No answers were found."
        )
    )
    return Chart(fig, alt)


@contextlib.contextmanager
def _atomic(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path``, then rename it: a crash leaves the old
    file or none, never an empty or half-written one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # as a plain open() would create it, not mkstemp's 0600
        with open(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with _atomic(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([[safe_cell(cell) for cell in row] for row in rows])


def write_report(
    report: ClassReport, outdir: Path, warnings: list[str] | None = None
) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    _write_csv(
        outdir / QUESTIONS_CSV,
        ["lesson", "question", "learners_tried", "right_first", "right_eventually",
         "share_right_first", "share_right_eventually"],
        [
            [q.lesson, q.question, q.tried, q.right_first, q.right_eventually,
             f"{q.share_first:.3f}", f"{q.share_eventually:.3f}"]
            for q in report.questions
        ],
    )
    _write_csv(
        outdir / WRONG_CSV,
        ["lesson", "question", "wrong_answer", "learners", "misconception", "misconception_name"],
        [
            [w.lesson, w.question, w.response, w.learners, w.misconception or "",
             w.misconception_name or ""]
            for w in report.wrong_answers
        ],
    )
    _write_csv(
        outdir / LEARNERS_CSV,
        ["learner", "database", "questions_answered", "questions_right", "questions_total",
         "completion"],
        [
            [r.learner, shown(r.source), r.answered, r.right, r.total, f"{r.completion:.3f}"]
            for r in report.learners
        ],
    )
    chart = questions_chart(report)
    with _atomic(outdir / CHART_PNG, "wb") as png:
        chart.figure.savefig(
            png, format="png", dpi=100,
            metadata={"Title": "Class results by question", "Description": chart.alt},
        )
    lines = [
        "# Class report",
        "",
        f"{len(report.learners)} learner(s), {len(report.questions)} question(s) answered.",
        "",
        f"![{chart.alt}]({CHART_PNG})",
        "",
        f"Files: `{QUESTIONS_CSV}` (share right per question), `{WRONG_CSV}` (commonest wrong "
        f"answers and the misconception each stands for), `{LEARNERS_CSV}` (completion).",
    ]
    if warnings:
        lines += ["", "## Files skipped", ""] + [f"- {w}" for w in warnings]
    with _atomic(outdir / SUMMARY_MD) as summary:
        summary.write("\n".join(shown_text(line) for line in lines) + "\n")
    return [outdir / name for name in (QUESTIONS_CSV, WRONG_CSV, LEARNERS_CSV, CHART_PNG,
                                       SUMMARY_MD)]
