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
    expected = [s.index for s in report.sentences if s.attributions or s.numbers]
    assert indexes == expected
    first = report.sentences[indexes[0] - 1]
    assert sheet.claims[0].text == first.text
    assert sheet.claims[0].source == first.attributions[0].source.text


def test_csv_has_every_claim(report):
    sheet = Worksheet.from_report(report)
    sheet.claims[0].verdict = "partly"
    sheet.claims[0].evidence = 'Union ballot result, page 2, "87%"'
    rows = list(csv.DictReader(io.StringIO(sheet.to_csv())))
    assert len(rows) == len(sheet.claims)
    assert rows[0]["verdict"] == "partly" and rows[0]["evidence"].endswith('"87%"')


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
    assert values["Wrong"] < values["Partly true"] < values["Confirmed"]
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


def test_widget_edits_the_model_and_saves(report, data_dir):
    from medialit.analyze.worksheet import worksheet_widget

    view = worksheet_widget(report)
    row = view.rows.children[0]
    text, source, verdict, evidence = row.children
    assert source.description == "Source"
    assert text.description == "Claim 1" and verdict.description == "Verdict"
    verdict.value = "confirmed"
    evidence.value = "Matches the union's statement."
    saved = json.loads(view.path.read_text(encoding="utf-8"))
    assert saved["claims"][0]["verdict"] == "confirmed"
    add, export_csv, export_ld = view.buttons
    count = len(view.rows.children)
    add.click()
    assert len(view.rows.children) == count + 1
    export_ld.click()
    assert "1 claims with a verdict" in view.status.value
    written = json.loads(view.path.with_suffix(".claimreview.jsonld").read_text("utf-8"))
    assert written[0]["reviewRating"]["alternateName"] == "Confirmed"
    export_csv.click()
    assert view.path.with_suffix(".csv").is_file()
