"""The worksheet: pure model (CSV, ClaimReview, save/load) and its thin widget view."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from medialit.analyze import analyze_file
from medialit.analyze.worksheet import VERDICTS, Worksheet, default_path, load, open_worksheet

ARTICLES = Path(__file__).with_name("articles")


@pytest.fixture
def report(rules):
    return analyze_file(ARTICLES / "rail-strike.html", rules)


def test_prefilled_from_the_report(report):
    sheet = Worksheet.from_report(report)
    assert sheet.title == report.metadata.title and sheet.article_url == report.metadata.url
    indexes = [c.sentence for c in sheet.claims]
    expected = [
        s.index for s in report.sentences if s.attributions or s.numbers or s.unattributed
    ]
    assert indexes == expected
    first = report.sentences[indexes[0] - 1]
    assert sheet.claims[0].text == first.text
    # the headline opens the sheet: a claim with no source
    assert first.unattributed and not sheet.claims[0].source
    sourced = next(c for c in sheet.claims if c.source)
    assert sourced.source == report.sentences[sourced.sentence - 1].attributions[0].source.text


def test_csv_has_every_claim(report):
    sheet = Worksheet.from_report(report)
    sheet.claims[0].verdict = "partly"
    sheet.claims[0].evidence = 'Union ballot result, page 2, "87%"'
    rows = list(csv.DictReader(io.StringIO(sheet.to_csv())))
    assert len(rows) == len(sheet.claims)
    assert rows[0]["verdict"] == "partly right" and rows[0]["evidence"].endswith('"87%"')


def test_claimreview_only_for_claims_with_a_verdict(report):
    sheet = Worksheet.from_report(report, reviewer="Ada")
    for claim, verdict in zip(sheet.claims, VERDICTS, strict=False):
        claim.verdict = verdict
    reviews = sheet.to_claimreview("https://school.example/checks", date(2024, 11, 5))
    assert len(reviews) == len(VERDICTS) < len(sheet.claims)
    for review, verdict in zip(reviews, VERDICTS, strict=True):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"]
        assert review["author"] == {"@type": "Person", "name": "Ada"}
        assert review["datePublished"] == "2024-11-05"
        assert review["url"].startswith("https://school.example/checks#claim-")
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["datePublished"] == report.metadata.date
        assert item["appearance"]["url"] == report.metadata.url
        rating = review["reviewRating"]
        assert rating["bestRating"] == 3 and rating["worstRating"] == 1
        assert rating["alternateName"]
        assert ("ratingValue" in rating) == (verdict != "unconfirmed")
    values = {
        r["reviewRating"]["alternateName"]: r["reviewRating"].get("ratingValue") for r in reviews
    }
    assert values["Wrong"] < values["Partly right"] < values["Confirmed"]
    json.loads(sheet.to_jsonld())  # valid JSON


def test_save_and_load_round_trip(report, data_dir):
    sheet = Worksheet.from_report(report)
    sheet.claims[1].verdict = "wrong"
    path = sheet.save()
    assert path.parent == data_dir / "worksheets" and path == default_path(sheet.title)
    again, where, message = open_worksheet(report)
    assert where == path and message == "" and again == sheet


def test_corrupt_file_is_kept_aside_with_a_message(report, data_dir):
    path = default_path(Worksheet.from_report(report).title)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    sheet, _, message = open_worksheet(report)
    assert "kept as" in message and sheet.claims  # a fresh worksheet
    kept = list(path.parent.glob("*.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert not path.exists()


def test_wrong_shape_is_also_kept_aside(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"claims": [{"verdict": "maybe"}]}), encoding="utf-8")
    result = load(path)
    assert result.worksheet is None and "not a worksheet" in result.message


def test_widget_edits_the_model_and_saves(report, data_dir, tmp_path, monkeypatch):
    from medialit.analyze.worksheet import worksheet_widget

    notebook_dir = tmp_path / "notebooks"
    notebook_dir.mkdir()
    monkeypatch.chdir(notebook_dir)  # a kernel runs in its notebook's folder
    view = worksheet_widget(report)
    assert [v for v, _ in view.verdicts] == list(VERDICTS)
    assert ("partly", "partly right") in [tuple(v) for v in view.verdicts]
    view._handle_custom_msg({"type": "edit", "index": 0, "field": "verdict",
                             "value": "confirmed"}, [])
    view._handle_custom_msg({"type": "edit", "index": 0, "field": "evidence",
                             "value": "Matches the union's statement."}, [])
    saved = json.loads(view.path.read_text(encoding="utf-8"))
    assert saved["claims"][0]["verdict"] == "confirmed"
    count = len(view.claims)
    view._handle_custom_msg({"type": "add"}, [])
    assert len(view.claims) == count + 1
    # Export sends the rows as they are on screen: an edit not yet synced is kept.
    rows = [dict(c) for c in view.claims]
    rows[1]["verdict"] = "partly"
    sent = []
    view.send = sent.append  # what goes back to the browser for the download
    view._handle_custom_msg({"type": "export", "format": "jsonld", "rows": rows,
                             "download": True}, [])
    assert "2 claims with a verdict" in view.status
    target = notebook_dir / view.names["jsonld"]
    assert str(target.resolve()) in view.status and "next to this notebook" in view.status
    written = json.loads(target.read_text("utf-8"))
    assert [w["reviewRating"]["alternateName"] for w in written] == ["Confirmed", "Partly right"]
    assert sent[0]["type"] == "download" and sent[0]["name"] == target.name
    assert json.loads(sent[0]["text"]) == written
    # A folder the learner chooses.
    view._handle_custom_msg({"type": "export", "format": "csv", "target": "exports/"}, [])
    chosen = notebook_dir / "exports" / view.names["csv"]
    rows = list(csv.DictReader(io.StringIO(chosen.read_text("utf-8"))))
    assert rows[1]["verdict"] == "partly right"
    assert str(chosen.resolve()) in view.status


def test_export_names_are_not_cut_mid_word():
    from medialit.analyze.worksheet import export_name

    title = "Kellbridge reservoir could run dry within six weeks, water officials warn residents"
    name = export_name(title, "jsonld")
    assert name.endswith(".claimreview.jsonld")
    assert name.startswith("kellbridge-reservoir-could-run-dry-within-six-weeks-water")
    stem = name.removesuffix(".claimreview.jsonld")
    assert all(part in title.lower() for part in stem.split("-"))


def test_every_unattributed_sentence_gets_a_row(report):
    sheet = Worksheet.from_report(report)
    rows = {c.sentence for c in sheet.claims}
    unattributed = [s.index for s in report.sentences if s.unattributed]
    assert unattributed and set(unattributed) <= rows
