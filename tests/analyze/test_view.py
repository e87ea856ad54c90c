"""The notebook view: escaped, legend in words, every finding's rule reachable."""

from __future__ import annotations

import re

from medialit.analyze import analyze_html, analyze_text
from medialit.analyze.view import KINDS, highlight

HOSTILE = (
    "The mayor said <script>alert('x')</script> the pool would reopen in 2 weeks. "
    "An official said <img src=x onerror=alert(document.domain)> it may cost $4 million."
)


def test_article_markup_is_escaped(rules):
    html = highlight(analyze_text(HOSTILE, rules))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;img src=x onerror=alert(document.domain)&gt;" in html


def test_metadata_from_a_page_is_escaped(rules):
    page = (
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"
        '<meta name="author" content="&lt;img src=x onerror=alert(2)&gt;"></head><body><article>'
        "<p>The harbour reopened on Monday after a week of storms, the port authority said, "
        "and the first ferries left on time.</p></article></body></html>"
    )
    html = highlight(analyze_html(page, rules))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the page title, escaped


def test_legend_names_each_kind_in_words(rules):
    html = highlight(analyze_text(HOSTILE, rules))
    legend = html[html.index("Legend") :]
    for label, _colour, _style, tag in KINDS.values():
        assert label in legend and f"[{tag}]" in legend
    assert "no source named" in legend


def test_marks_carry_rule_and_tag(rules):
    report = analyze_text("Officials said the road will likely reopen on Friday.", rules)
    html = report._repr_html_()
    assert re.search(r'class="ml-hedge" title="hedges/probability: &#x27;likely&#x27;', html)
    assert '<sup class="ml-tag">[H]</sup>' in html
    assert '<sup class="ml-tag">[V]</sup>' in html


def test_unattributed_sentence_is_marked_in_words(rules):
    html = highlight(analyze_text("The bridge opened in 1998 and carries many cars a day.", rules))
    assert "(no source named)" in html


def test_colours_are_okabe_ito():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert {colour for _, colour, _, _ in KINDS.values()} <= okabe_ito


def test_carried_over_and_pronoun_sources_are_spelled_out(rules):
    report = analyze_text(
        "“The water is safe,” said engineer Ravi Patel. “We tested it twice.” "
        "He said the results would be published.",
        rules,
    )
    html = highlight(report)
    assert "(quote continues: speaker engineer Ravi Patel)" in html
    assert "(He = engineer Ravi Patel?)" in html


def test_a_source_that_speaks_twice_is_marked_once(rules):
    report = analyze_text(
        "Council leader Tom Reyes said the ban was overdue and claimed the pipes leaked.", rules
    )
    sentence = report.sentences[0]
    assert [a.source.text for a in sentence.attributions] == ["Council leader Tom Reyes"] * 2
    html = highlight(report)
    assert 'class="ml-source" title="source (named person)">Council leader Tom Reyes<' in html
    assert "ml-source ml-source" not in html
