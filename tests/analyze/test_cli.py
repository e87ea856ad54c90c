"""`medialit analyze` from Python and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from medialit.analyze.report import SCHEMA_VERSION
from medialit.cli import main

ARTICLES = Path(__file__).with_name("articles")


def test_text_summary(capsys):
    assert main(["analyze", str(ARTICLES / "transfer.txt")]) == 0
    out = capsys.readouterr().out
    assert "Article: transfer.txt" in out
    assert "missing:" in out and "#1" in out
    assert "reporting/speech" in out and "hedges/" in out


def test_json_is_the_report(capsys):
    assert main(["analyze", str(ARTICLES / "rail-strike.html"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == SCHEMA_VERSION and data["input"] == "html"
    assert data["metadata"]["sitename"] == "The Valley Courier"
    assert data["counts"]["sentences"] == len(data["sentences"])
    for sentence in data["sentences"]:
        for kind in ("hedges", "numbers", "attributions"):
            for finding in sentence[kind]:
                assert data["text"][finding["start"] : finding["end"]] == finding["text"]
                assert finding["why"]["rule"] and finding["why"]["entry"]


def test_rules_option(tmp_path, capsys):
    (tmp_path / "extra.yaml").write_text(
        "hedges:\n  - id: rumour\n    explain: Hearsay.\n    entries: [rumour has it]\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("Rumour has it the striker wants to leave the club in June.", "utf-8")
    assert main(["analyze", str(article), "--rules", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [h["why"]["rule"] for h in data["sentences"][0]["hedges"]] == ["hedges/rumour"]


def test_subprocess_exit_codes(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    command = [sys.executable, "-m", "medialit.cli", "analyze"]
    good = subprocess.run(
        [*command, str(ARTICLES / "city-budget.txt"), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["counts"]["sentences"] > 0
    bad = subprocess.run(
        [*command, str(empty)], capture_output=True, text=True, timeout=120, check=False
    )
    assert bad.returncode == 1
    assert "empty" in bad.stderr and "Traceback" not in bad.stderr
