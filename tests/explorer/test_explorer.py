"""The explorer's cards, HTML and widget, driven without a browser."""

from __future__ import annotations

import dataclasses
import re
from html import escape

import pytest

from medialit.explorer import ExplorerError, build_card, card_html, filter_sentences
from medialit.explorer.cards import segments
from medialit.explorer.render import article_html
from medialit.explorer.widget import ArticleExplorer
from medialit.figures.palette import VERDICT_SYMBOLS, kind_label

EVIL = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


def _evil_course(course):
    """The course with a sentence, a source name and a verdict that carry markup."""
    first = course.sentences[0]
    evil_sentence = dataclasses.replace(
        first,
        text=f"{first.text} {EVIL}",
        note=EVIL,
        verdict=first.verdict.model_copy(update={
            "summary": EVIL,
            "evidence": [first.verdict.evidence[0].model_copy(update={"text": EVIL})],
        }),
    )
    sources = dict(course.sources)
    claimant = sources[first.claimant]
    sources[first.claimant] = claimant.model_copy(update={"name": EVIL})
    return dataclasses.replace(course, sentences=[evil_sentence, *course.sentences[1:]],
                               sources=sources)


def test_card_carries_the_annotation(course):
    for s in course.sentences:
        card = build_card(course, s.id)
        assert card.claimant.name == course.sources[s.claimant].name
        assert [step.source.id for step in card.chain] == [h.source for h in s.chain]
        assert [w for w, _ in card.hedges] == [h.text for h in s.hedges]
        assert [n.text for n in card.numbers] == [n.text for n in s.numbers]
        assert card.symbol == VERDICT_SYMBOLS[str(s.verdict.rating.value)]
        shown = [q.id for point in card.evidence for q in point.excerpts]
        assert shown == [i for point in s.verdict.evidence for i in point.excerpts]


def test_card_html_has_verdict_word_and_symbol(course):
    for s in course.sentences:
        html = card_html(build_card(course, s.id))
        card = build_card(course, s.id)
        assert f"{card.symbol} {card.rating_label.upper()}" in html
        for point in card.evidence:
            for quote in point.excerpts:
                assert escape(quote.excerpt.text) in html
                assert escape(quote.document.url) in html
        for n in s.numbers:
            counted_by = course.sources[n.counted_by].name
            assert counted_by.replace("'", "&#x27;") in html


def test_unknown_sentence_is_a_clear_error(course):
    with pytest.raises(ExplorerError, match="the article has: s01"):
        build_card(course, "s99")


def test_segments_rebuild_the_text_and_mark_hedges(course):
    for s in course.sentences:
        parts = segments(s)
        assert "".join(p.text for p in parts) == s.text
        hedged = "".join(p.text for p in parts if "hedge" in p.marks)
        for h in s.hedges:
            assert h.text in hedged
        numbered = "".join(p.text for p in parts if "number" in p.marks)
        for n in s.numbers:
            assert n.text in numbered


def test_article_html_tags_every_sentence_in_words(course):
    html = article_html(course)
    for s in course.sentences:
        assert f"medialit-sentence-{s.id}" in html
        assert f"[{kind_label(s.kind.value)}" in html
    assert "medialit-explorer" in html
    assert "underlined: hedge" in html and "bold: number" in html
    assert not re.search(r"id=\"[^\"]*[0-9a-f]{8}", html)  # no random ids


def test_markup_in_content_is_escaped(course):
    evil = _evil_course(course)
    page = article_html(evil)
    card = card_html(build_card(evil, evil.sentences[0].id))
    for html in (page, card):
        assert "<script>" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    explorer = ArticleExplorer(evil)
    explorer.selected = evil.sentences[0].id  # what a click in the browser sets
    assert "<script>" not in explorer.card
    assert "<script>" not in explorer.article


def test_filter_by_kind(course):
    kind = course.sentences[0].kind.value
    chosen = filter_sentences(course, [kind])
    assert chosen
    assert all(kind in {s.kind.value, *(k.value for k in s.also)} for s in chosen)
    assert filter_sentences(course, None) == list(course.sentences)
    with pytest.raises(ExplorerError, match="unknown kind"):
        filter_sentences(course, ["gossip"])


def test_widget_selection_updates_the_card(course):
    explorer = ArticleExplorer(course)
    assert "Choose a sentence" in explorer.card
    target = course.sentences[2]
    explorer.selected = target.id  # what a click on the sentence in the article sets
    assert f"medialit-card-{target.id}" in explorer.card
    assert f"Sentence {target.index} [" in explorer.card
    assert "medialit-selected" in explorer.article
    assert f'data-sentence="{target.id}"' in explorer.article
    assert f"sentence {target.id} selected" in repr(explorer)
    explorer.selected = "s99"  # an id the article does not show is refused
    assert explorer.selected == target.id


def test_widget_filter_narrows_the_article(course):
    kind = course.sentences[0].kind.value
    explorer = ArticleExplorer(course, selected=course.sentences[0].id)
    explorer.kind = kind
    assert explorer.shown() == [s.id for s in filter_sentences(course, [kind])]
    assert explorer.article.count('class="medialit-sentence ') == len(explorer.shown())
    assert explorer.selected == course.sentences[0].id
    other = next(k for k in {s.kind.value for s in course.sentences} if k != kind)
    explorer.kind = other
    if course.sentences[0].id not in explorer.shown():
        assert explorer.selected == ""
        assert "Choose a sentence" in explorer.card
    explorer.kind = "gossip"  # not a kind of the course: the filter stays
    assert explorer.kind == other


def test_nested_marks_keep_one_quote_box(course):
    """A hedge inside a quotation does not cut the quotation's box in two."""
    from medialit.explorer.render import sentence_html

    for s in course.sentences:
        html = sentence_html(s)
        assert html.count('class="medialit-quote"') == len(s.quotes), s.id


def test_widget_has_stable_repr_and_clear_errors(course):
    explorer = ArticleExplorer(course)
    assert explorer.kinds[0][0] == "all"
    data, _ = explorer._repr_mimebundle_()
    assert data["text/plain"] == f"Article explorer: {len(course.sentences)} of " \
                                 f"{len(course.sentences)} sentences shown."
    with pytest.raises(ExplorerError, match="not shown"):
        explorer.select("s99")
    with pytest.raises(ExplorerError, match="unknown kind"):
        ArticleExplorer(course, kind="gossip")
