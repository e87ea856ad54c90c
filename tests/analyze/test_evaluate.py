"""The evaluation counts what the analyzer drops: an annotated sentence it never kept is a miss."""

from __future__ import annotations

from dataclasses import replace

from medialit.analyze import analyze_text
from medialit.analyze.evaluate import MISSED, Gold, evaluate, score_kinds

TEXT = ("The minister said the bridge would reopen in May. "
        "Engineers, according to the report, found 12 cracks.")


def _gold(text: str) -> Gold:
    first, second = text.index("The minister"), text.index("Engineers")
    return Gold(
        numbers=[(text.index("12"), text.index("12") + 2)],
        sources=[(first, [["The minister"]]), (second, [["the report"]])],
        kinds=[(first, ["described"]), (second, ["document"])],
    )


def test_an_annotated_sentence_the_analyzer_dropped_counts_as_missed():
    report = analyze_text(TEXT)
    kept = report.model_copy(
        update={"sentences": [s for s in report.sentences if "Engineers" not in s.text]})
    assert len(kept.sentences) == len(report.sentences) - 1
    gold = _gold(TEXT)
    full, part = evaluate(report, gold), evaluate(kept, gold)
    assert part["attributions"].gold == full["attributions"].gold == 2
    assert part["numbers"].gold == full["numbers"].gold == 1
    kinds = score_kinds(kept, gold)
    assert kinds.confusion["document"] == {MISSED: 1}
    # The course article's own gold covers its sentences only: nothing outside is counted.
    inside_only = replace(gold, outside_counts=False)
    assert evaluate(kept, inside_only)["attributions"].gold == 1


def test_a_bare_non_answer_is_marked_but_not_scored_as_an_attribution(rules):
    """The annotation scheme counts a refusal only when quoted words come with it."""
    from medialit.analyze.evaluate import counted

    bare = analyze_text("The ministry declined to comment.", rules).sentences[0]
    quoted = analyze_text(
        "The ministry declined to comment “while the case is open.”", rules
    ).sentences[0]
    assert bare.attributions and counted(bare) == []
    assert counted(quoted) == quoted.attributions


def test_another_way_of_naming_sources_is_scored_with_the_same_matching():
    """``score_sources(names_of=...)`` scores names from elsewhere (the parser experiment)
    exactly as the analyzer's own: right names, a wrong one, and a sentence left empty."""
    from medialit.analyze.evaluate import score_sources

    report = analyze_text(TEXT)
    gold = _gold(TEXT)
    names = {1: ["the minister", "the bridge"], 2: []}
    score = score_sources(report, gold, lambda s: names[s.index])
    assert (score.pred_ok, score.pred, score.gold_ok, score.gold) == (1, 2, 1, 2)
    assert score_sources(report, gold) == score_sources(
        report, gold, lambda s: [n for a in s.attributions for n in [a.source.text]]
    )
