"""The one-pass sentence splitter keeps pysbd's decisions, at a fraction of its cost."""

from __future__ import annotations

import pytest

from medialit.analyze.sentences import split
from medialit.content.article import split_sentences


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Gen. Bryan P. Fenton spoke. The crowd left.",
            ["Gen. Bryan P. Fenton spoke.", "The crowd left."],
        ),
        (
            "It happened in the U.S. The talks ended.",
            ["It happened in the U.S.", "The talks ended."],
        ),
        ("The U.S. Army said so.", ["The U.S. Army said so."]),
        ("On Dec. 4, 2025, it was No. 5 in line.", ["On Dec. 4, 2025, it was No. 5 in line."]),
        (
            "“A is here. B is there,” he said. Then he left.",
            ["“A is here. B is there,” he said.", "Then he left."],
        ),
        ("“Is it over?” He asked twice. Fine.", ["“Is it over?”", "He asked twice.", "Fine."]),
        (
            "It rose (see the table. Yes) last year. Ok.",
            ["It rose (see the table. Yes) last year.", "Ok."],
        ),
        (
            "The meeting ends at 8 p.m. Friday is a holiday.",
            ["The meeting ends at 8 p.m.", "Friday is a holiday."],
        ),
        (
            "Prof. Dr. med. Anna Weber opened it. Dr. rer. nat. Jo Lind spoke.",
            ["Prof. Dr. med. Anna Weber opened it.", "Dr. rer. nat. Jo Lind spoke."],
        ),
        ("  No end mark here  ", ["No end mark here"]),
        ("", []),
    ],
)
def test_splits(text, expected):
    assert pieces(text) == expected


def test_agrees_with_pysbd_on_the_course_article():
    """Every paragraph of the course article is split exactly as pysbd splits it."""
    from medialit.analyze import segment
    from medialit.analyze.evaluate import course_gold

    text = course_gold().text
    keep, _ = segment.split_furniture(segment.lines(text))
    for line in keep:
        ours = split(line.text)
        theirs = [(s.start, s.end) for s in split_sentences(line.text)]
        assert ours == theirs, line.text


def test_spans_are_trimmed_and_cover_the_text_in_order():
    text = "  First one.   Second one!  Third?  "
    spans = split(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!", "Third?"]
    assert all(a < b for a, b in spans) and spans == sorted(spans)


def test_sec_before_a_name_is_a_title_and_after_a_number_a_unit():
    """pysbd knows "sec." only as seconds; news writes the Secretary's title that way."""
    assert split("Ahead of the vote, Sec. Collins spoke to staff.") == [(0, 47)]
    assert len(split("The lap took 41 sec. Then it rained.")) == 2


def test_a_time_zone_or_lower_case_after_p_m_goes_on():
    assert len(split("The bombs fell at 6:40 p.m. EDT, Caine said.")) == 1
    assert len(split("The bombs fell at 6 p.m. local time on Monday.")) == 1
    assert len(split("The bombs fell at 6 p.m. Nobody was hurt.")) == 2
