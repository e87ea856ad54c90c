"""Bad input gets one clear sentence and exit code 1, never a traceback; and no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from medialit.analyze import MAX_BYTES, InputError, analyze_file
from medialit.cli import main

ARTICLES = Path(__file__).with_name("articles")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the analyzer tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def run_cli(path, capsys) -> tuple[int, str, str]:
    code = main(["analyze", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t \n", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
        ("script.html", b"<html><body><script>var a = 1;</script></body></html>", "no article"),
    ],
)
def test_bad_files(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        analyze_file(path)
    code, out, err = run_cli(path, capsys)
    assert code == 1
    assert message in err and str(path) in err
    assert "Traceback" not in err and out == ""


def test_huge_file_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    code, _, err = run_cli(path, capsys)
    assert code == 1 and "at most 5 MB" in err


def test_missing_file_and_folder(tmp_path, capsys):
    assert run_cli(tmp_path / "nope.txt", capsys)[0] == 1
    code, _, err = run_cli(tmp_path, capsys)
    assert code == 1 and "folder" in err


def test_url_is_refused_not_fetched(capsys):
    code, _, err = run_cli("https://example.org/news/story.html", capsys)
    assert code == 1 and "never the web" in err


def test_latin1_text_is_decoded_with_a_note(tmp_path):
    text = (
        "Le maire a déclaré que la crèche rouvrira en février, après les travaux d'été. "
        "Les parents étaient soulagés, a déclaré une porte-parole de l'école élémentaire."
    )
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    report = analyze_file(path)
    assert report.encoding != "utf-8"
    assert any("not UTF-8" in note for note in report.notes)
    assert "déclaré" in report.text


def test_html_declared_charset_is_used(tmp_path):
    html = (
        "<html><head><meta charset='windows-1252'><title>Caf\xe9 closes</title></head><body>"
        "<article><p>The caf\xe9 on the corner will close on Friday after forty years, its "
        "owner said, because the rent has doubled since last spring.</p></article></body></html>"
    )
    path = tmp_path / "cafe.html"
    path.write_bytes(html.encode("cp1252"))
    report = analyze_file(path)
    assert report.encoding == "windows-1252"
    assert "café" in report.text


def test_utf8_bom_and_crlf_are_fine(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfThe mayor said the pool would reopen.\r\nIt did not.\r\n")
    report = analyze_file(path)
    assert report.encoding == "utf-8" and report.sentences[0].text.startswith("The mayor")


def test_html_metadata_and_missing_fields():
    report = analyze_file(ARTICLES / "rail-strike.html")
    assert report.input == "html"
    assert report.metadata.author == "Jordan Pike"
    assert report.metadata.url == "https://valleycourier.example/news/rail-strike-vote"
    assert report.missing == []
    assert "Home" not in report.text  # the menu is not article text


def test_html_without_metadata_lists_what_is_missing(tmp_path):
    path = tmp_path / "bare.html"
    path.write_text(
        "<html><body><div><p>The harbour reopened on Monday after a week of storms, the port "
        "authority said, and the first ferries left on time.</p></div></body></html>",
        encoding="utf-8",
    )
    report = analyze_file(path)
    assert {"author", "date", "url"} <= set(report.missing)


def test_text_file_carries_no_provenance():
    report = analyze_file(ARTICLES / "transfer.txt")
    assert report.missing == ["title", "author", "date", "sitename", "url"]
