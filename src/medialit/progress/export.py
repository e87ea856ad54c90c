"""A learner's answers as CSV or JSON, for the learner to keep or hand in."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from medialit.progress.attempts import Attempt
from medialit.progress.csvcells import safe_cell

FIELDS: tuple[str, ...] = (
    "learner", "lesson", "question", "attempt", "at", "correct", "score",
    "misconception", "feedback", "response",
)


def attempt_record(attempt: Attempt) -> dict[str, Any]:
    return {
        "learner": attempt.learner,
        "lesson": attempt.lesson,
        "question": attempt.question,
        "attempt": attempt.attempt,
        "at": attempt.at.isoformat(timespec="seconds"),
        "correct": attempt.correct,
        "score": attempt.score,
        "misconception": attempt.misconception,
        "feedback": attempt.feedback,
        "response": attempt.response,
    }


def write_csv(attempts: Iterable[Attempt], out: TextIO) -> int:
    """Responses are written as JSON text so lists and dicts survive a spreadsheet; text a
    spreadsheet would run as a formula (a name such as ``=HYPERLINK(...)``) is neutralised."""
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for attempt in attempts:
        record = attempt_record(attempt)
        record["response"] = json.dumps(attempt.response, ensure_ascii=False)
        record["correct"] = "yes" if attempt.correct else "no"
        record["misconception"] = attempt.misconception or ""
        writer.writerow({k: safe_cell(v) for k, v in record.items()})
        n += 1
    return n


def write_json(attempts: Iterable[Attempt], out: TextIO) -> int:
    records = [attempt_record(a) for a in attempts]
    json.dump({"attempts": records}, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(records)
