"""The source packet: its schema, verbatim matching, and the search box's index."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.content import ContentError
from medialit.content.packet import load_packet, occurs_in, quoted_phrases
from medialit.evidence.search import PacketIndex

DOC = """\
id: {id}
publisher: US Department of Defense
title: A briefing
date: 2024-10-28
url: https://example.org/briefing
kind: transcript
obtained: Written for this test.
rights: {rights}
excerpts:
  - id: {excerpt}
    speaker: A Spokesperson
    text: >-
      {text}
"""


def write_doc(folder: Path, doc_id: str, excerpt: str, text: str,
              rights: str = "us_government_work") -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{doc_id}.yaml").write_text(
        DOC.format(id=doc_id, excerpt=excerpt, text=text, rights=rights), encoding="utf-8")


@pytest.fixture
def packet_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "record"
    write_doc(folder, "briefing", "around-10000",
              "We believe that the DPRK has sent around 10,000 soldiers in total to train in "
              "eastern Russia that will probably augment Russian forces near Ukraine.")
    write_doc(folder, "footer", "placeholder-address",
              "Physical Address 304 North Cardinal St. Dorchester Center, MA 02124",
              rights="short_quotation")
    return folder


def test_quoted_phrases_reads_double_and_single_quotes_but_not_apostrophes():
    text = ("Singh's words were 'around 10,000 soldiers in total' and “to train in eastern "
            "Russia”; Putin's aides said \"our business\" (two words, not checked).")
    assert quoted_phrases(text) == ["around 10,000 soldiers in total", "to train in eastern Russia"]
    assert quoted_phrases(text, double_only=True) == ["to train in eastern Russia"]


def test_occurs_in_ignores_typography_and_first_letter_case_only():
    source = "It’s “an indication that Putin may be in more trouble than people realize.”"
    assert occurs_in("An indication that Putin may be", [source])
    assert occurs_in("it's \"an indication", [source])
    assert not occurs_in("an indication that Putin is in more trouble", [source])
    assert not occurs_in("AN INDICATION that Putin", [source])


def test_occurs_in_checks_every_part_around_an_ellipsis():
    source = "around 10,000 soldiers in total to train in eastern Russia"
    assert occurs_in("around 10,000 soldiers ... in eastern Russia", [source])
    assert not occurs_in("around 10,000 soldiers ... in western Russia", [source])


def test_load_packet_indexes_excerpts_with_their_documents(packet_dir):
    packet = load_packet(packet_dir)
    assert set(packet.documents) == {"briefing", "footer"}
    quote = packet.quote("around-10000")
    assert quote.document.publisher == "US Department of Defense"
    assert quote.excerpt.speaker == "A Spokesperson"


def test_long_excerpt_of_a_copyrighted_work_is_refused(packet_dir):
    write_doc(packet_dir, "wire", "too-long", " ".join(["word"] * 61), rights="short_quotation")
    with pytest.raises(ContentError) as caught:
        load_packet(packet_dir, packet_dir.parent)
    (problem,) = caught.value.problems
    assert str(problem).startswith("record/wire.yaml: excerpts[0](too-long).text: 61 words")


def test_duplicate_excerpt_ids_and_misnamed_files_are_named(packet_dir):
    write_doc(packet_dir, "copy", "around-10000", "Other words.")
    (packet_dir / "misnamed.yaml").write_text(
        (packet_dir / "footer.yaml").read_text().replace("placeholder-address", "other-id"))
    with pytest.raises(ContentError) as caught:
        load_packet(packet_dir, packet_dir.parent)
    problems = [str(p) for p in caught.value.problems]
    assert "record/copy.yaml: excerpts[0](around-10000): excerpt id also used in " \
           "record/briefing.yaml" in problems
    assert "record/misnamed.yaml: id: 'footer' differs from the file name" in problems


def test_missing_field_in_a_document_names_file_and_field(packet_dir):
    text = (packet_dir / "footer.yaml").read_text().replace("url: https://example.org/briefing\n",
                                                            "")
    (packet_dir / "footer.yaml").write_text(text)
    with pytest.raises(ContentError) as caught:
        load_packet(packet_dir, packet_dir.parent)
    assert [str(p) for p in caught.value.problems] == [
        "record/footer.yaml: url: required field is missing"]


def test_search_finds_stems_phrases_and_ranks(packet_dir):
    index = PacketIndex(load_packet(packet_dir))
    assert [h.quote.id for h in index.search("soldier train")] == ["around-10000"]
    assert [h.quote.id for h in index.search('"Dorchester Center"')] == ["placeholder-address"]
    assert index.search('"Center Dorchester"') == []
    # No excerpt has both words: fall back to either.
    ids = {h.quote.id for h in index.search("Dorchester soldiers")}
    assert ids == {"around-10000", "placeholder-address"}


@pytest.mark.parametrize("query", ['"', "NEAR(a b)", "* OR", "a AND", "-x", "'; DROP TABLE", ""])
def test_search_never_fails_on_odd_input(packet_dir, query):
    index = PacketIndex(load_packet(packet_dir))
    assert isinstance(index.search(query), list)


def test_search_matches_speaker_and_publisher(packet_dir):
    index = PacketIndex(load_packet(packet_dir))
    assert {h.quote.id for h in index.search("spokesperson defense")} == {
        "around-10000", "placeholder-address"}
