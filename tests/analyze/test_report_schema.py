"""The JSON report is a contract: its schema only changes on purpose.

After an intended change, bump SCHEMA_VERSION in analyze/report.py and run
    .venv/bin/python tests/analyze/test_report_schema.py
to rewrite the snapshot.
"""

from __future__ import annotations

import json
from pathlib import Path

from medialit.analyze.report import SCHEMA_VERSION, Report

SNAPSHOT = Path(__file__).with_name("report-schema.json")


def current() -> dict:
    return {"schema_version": SCHEMA_VERSION, "schema": Report.model_json_schema()}


def test_schema_matches_snapshot():
    saved = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert saved == current(), (
        "Report schema changed: bump SCHEMA_VERSION and regenerate the snapshot "
        "(python tests/analyze/test_report_schema.py)"
    )


def test_report_round_trips(rules):
    from medialit.analyze import analyze_text

    report = analyze_text("The council said 3 of 5 parks would close, probably in May.", rules)
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(current(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
