"""`medialit new`: a draft case that loads, from a text file and from a saved page."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from medialit.cli import main
from medialit.content import load_course

from .conftest import COURSE_TEXT, PRACTICE_HTML


def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case, given", [("text_case", COURSE_TEXT), ("html_case", PRACTICE_HTML)])
def test_case_loads_and_keeps_the_bytes_as_given(request, case, given):
    root = request.getfixturevalue(case)
    course = load_course(root)  # raises ContentError on any problem
    meta = _yaml(root / "data" / "article" / "article.yaml")
    assert (root / "data" / "article" / meta["original"]).read_bytes() == given.read_bytes()
    assert len(course.sentences) > 5
    assert [lesson.id for lesson in course.lessons] == ["01-claims", "02-sourcing", "03-figures"]
    for name in ("00-start", "01-claims", "02-sourcing", "03-figures", "review-drafts"):
        assert (root / "notebooks" / f"{name}.ipynb").is_file()
    assert (root / "data" / "record" / "README.md").is_file()
    assert not list((root / "data" / "record").glob("*.yaml"))


def test_text_case_lists_every_provenance_field_as_missing(text_case):
    meta = _yaml(text_case / "data" / "article" / "article.yaml")
    assert meta["missing"] == ["title", "author", "date", "sitename", "url"]
    assert meta["file"] == meta["original"]  # UTF-8 text: the course reads the bytes as given
    # the course's own page furniture (the placeholder address) is set aside with reasons
    assert [b["text"] for b in meta["boilerplate"]][:2] == ["Physical Address",
                                                            "304 North Cardinal St."]
    assert all(b["reason"] for b in meta["boilerplate"])


def test_html_case_has_trafilatura_provenance(html_case):
    meta = _yaml(html_case / "data" / "article" / "article.yaml")
    assert meta["missing"] == []
    assert meta["byline"] == "Medialit practice desk"
    assert meta["found_at"].startswith("https://valley-digest.example/")
    assert meta["file"] == "article.txt" and meta["original"] == "original.html"


def test_every_prefilled_field_is_a_draft_and_every_verdict_unconfirmed(html_case):
    data = html_case / "data"
    for s in _yaml(data / "annotations.yaml")["sentences"]:
        assert {"kind", "claimant", "chain"} <= set(s["draft"])
        for name in ("hedges", "quotes", "unattributed"):
            assert (name in s) == (name in s["draft"]), (s["id"], name)
        assert s["verdict"]["rating"] == "unconfirmed"
        assert s["verdict"]["evidence"] == [
            {"text": s["verdict"]["evidence"][0]["text"], "basis": "not-found", "excerpts": []}
        ]
    for source in _yaml(data / "sources.yaml")["sources"]:
        assert source["draft"]
    numbers = _yaml(data / "numbers.yaml")["numbers"]
    assert {n["text"] for n in numbers} >= {"38 per cent", "120,000", "30 million"}
    assert all({"counts", "kind", "counted_by"} <= set(n["draft"]) for n in numbers)


def test_sources_and_kinds_come_from_the_analyzer(html_case):
    sources = {s["name"]: s for s in _yaml(html_case / "data" / "sources.yaml")["sources"]}
    assert sources["Maya Okonjo"]["identified"] == "named"
    assert sources["Kellbridge water officials"]["identified"] == "described"
    notes = {s["id"]: s for s in _yaml(html_case / "data" / "annotations.yaml")["sentences"]}
    # the quote with no verb of its own belongs to the speaker next to it
    assert notes["s4"]["claimant"] == sources["Maya Okonjo"]["id"]
    assert notes["s1"]["hedges"][0]["text"] == "believe"


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _refused(capsys, argv, folder: Path) -> str:
    before = _tree(folder)
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert _tree(folder) == before
    return err


def test_bad_input_gets_one_message_and_nothing_written(tmp_path, capsys):
    work = tmp_path / "work"
    work.mkdir()
    empty = work / "empty.txt"
    empty.write_bytes(b"")
    assert "empty" in _refused(capsys, ["new", str(work / "a"), "--article", str(empty)], work)
    page = work / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav>"
                    "</body></html>", encoding="utf-8")
    assert "no article text" in _refused(
        capsys, ["new", str(work / "b"), "--article", str(page)], work)
    french = work / "article-fr.txt"
    french.write_text(
        "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
        "agriculteurs touchés par la sécheresse. Selon le ministère, plus de deux mille "
        "exploitations sont concernées dans les départements du sud du pays.\n",
        encoding="utf-8",
    )
    assert "English" in _refused(capsys, ["new", str(work / "c"), "--article", str(french)], work)
    existing = work / "mycase"
    existing.mkdir()
    (existing / "notes.md").write_text("my notes", encoding="utf-8")
    assert "already exists" in _refused(
        capsys, ["new", str(existing), "--article", str(COURSE_TEXT)], work)
    assert sorted(os.listdir(work)) == ["article-fr.txt", "empty.txt", "menu.html", "mycase"]


def test_cli_builds_a_case_that_medialit_check_accepts(tmp_path, capsys):
    shutil.copy(PRACTICE_HTML, tmp_path / "page.html")
    assert main(["new", str(tmp_path / "case"), "--article", str(tmp_path / "page.html")]) == 0
    capsys.readouterr()
    assert main(["check", "--root", str(tmp_path / "case")]) == 0
    assert "OK: 11 sentences annotated" in capsys.readouterr().out
