"""One test group per detector, on sentences written for the test (not the course text)."""

from __future__ import annotations

import pytest

from medialit.analyze import analyze_text


def texts(findings) -> list[str]:
    return [f.text for f in findings]


# ------------------------------------------------------------------ hedges
@pytest.mark.parametrize(
    ("sentence", "word", "group"),
    [
        ("The minister will probably resign before the summer recess.", "probably", "probability"),
        ("Officials warned the bridge may close for a week in March.", "may", "possibility"),
        ("The agency believes the leak started at the northern valve.", "believes", "belief"),
        ("The fire reportedly started in a kitchen on the third floor.", "reportedly", "hearsay"),
        ("If the river rises again, the lower town will be evacuated.", "If", "condition"),
        ("The suspect appears to have left the country on Friday.", "appears", "belief"),
    ],
)
def test_hedge_words_carry_their_rule(one, sentence, word, group):
    hedges = one(sentence).hedges
    assert word in texts(hedges)
    hit = next(h for h in hedges if h.text == word)
    assert hit.why.rule == f"hedges/{group}"
    assert hit.why.entry.lower() == word.lower()
    assert hit.why.explain and hit.why.file.endswith("hedges.yaml")


def test_hedge_span_points_at_the_word(rules):
    text = "Fans said the match could be moved to Sunday night."
    report = analyze_text(text, rules)
    hedge = report.sentences[0].hedges[0]
    assert report.text[hedge.start : hedge.end] == "could"


def test_capitalised_may_mid_sentence_is_a_month_not_a_hedge(one):
    assert "May" not in texts(one("The council met in May to discuss the new park.").hedges)


def test_approximation_needs_an_amount_after_it(one):
    sent = one("Nearly 300 people came, and they talked about the roads for hours.")
    assert "Nearly" in texts(sent.hedges)
    assert "about" not in texts(sent.hedges)


def test_longest_hedge_phrase_wins(one):
    sent = one("The video could not be independently verified by the newsroom.")
    assert texts(sent.hedges) == ["could not be independently verified"]


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(
    ("sentence", "number", "kind", "values"),
    [
        ("The stadium holds 52,500 people on match days.", "52,500", "count", [52500]),
        ("Police said four people were hurt in the crash.", "four", "count", [4]),
        ("It took two and a half years to finish the tunnel.", "two and a half", "fraction", [2.5]),
        ("Rescuers found 26 out of 48 missing hikers by noon.", "26 out of 48", "ratio", [26, 48]),
        ("Turnout fell to 41.5 percent in the city.", "41.5 percent", "percent", [41.5]),
        (
            "Estimates ranged from 600,000-700,000 visitors a year.",
            "600,000-700,000",
            "range",
            [600000, 700000],
        ),
        ("The school will cost $3.2 million to rebuild.", "$3.2 million", "money", [3.2e6]),
        (
            "About one hundred and five boats took part in the race.",
            "one hundred and five",
            "count",
            [105],
        ),
        ("The club signed a twenty-one year old striker.", "twenty-one", "count", [21]),
        (
            "Between two and three thousand runners took part.",
            "Between two and three thousand",
            "range",
            [2, 3000],
        ),
    ],
)
def test_numbers(one, sentence, number, kind, values):
    found = {n.text: n for n in one(sentence).numbers}
    assert number in found, f"{number!r} not among {list(found)}"
    assert found[number].kind == kind
    assert found[number].values == pytest.approx(values)
    assert found[number].why.rule.startswith("patterns/")


def test_pronoun_one_is_not_a_number(one):
    assert one("No one was injured when the roof of the old depot fell in.").numbers == []


def test_number_inside_a_name_is_left_alone(one):
    assert "16" not in texts(one("Two F-16 jets flew over the parade on Sunday.").numbers)


# ------------------------------------------------------------------ attributions
def sources(sentence) -> list[str]:
    return [a.source.text for a in sentence.attributions if a.source]


def cues(sentence) -> list[str]:
    return [a.cue.text for a in sentence.attributions]


def test_subject_before_verb(one):
    sent = one("Harbour master Ines Costa said the ferry would run again on Monday.")
    assert sources(sent) == ["Harbour master Ines Costa"]
    assert cues(sent) == ["said"]
    assert sent.attributions[0].identified == "named"
    assert sent.attributions[0].form == "verb"


def test_said_x_inversion_after_a_quote(one):
    sent = one("“We will not close the school,” said Mayor Helen Brandt on Tuesday.")
    assert sources(sent) == ["Mayor Helen Brandt"]
    assert sent.attributions[0].form == "inverted"
    assert not sent.attributions[0].in_quote


def test_x_said_after_a_straight_quote(one):
    sent = one('"The numbers are wrong," the union said.')
    assert sources(sent) == ["the union"]
    assert sent.attributions[0].identified == "described"


def test_according_to(one):
    sent = one("The dam was built in 1962, according to the regional water board.")
    assert sources(sent) == ["the regional water board"]
    assert sent.attributions[0].form == "source_after"


def test_outlet_reported_and_told(one):
    sent = one("Two suspects were arrested, the Daily Ledger reported.")
    assert sources(sent) == ["the Daily Ledger"]
    sent = one("The coach told reporters the captain was fit to play.")
    assert sources(sent) == ["The coach"]


def test_reportedly_is_an_attribution_without_a_source(one):
    sent = one("The company reportedly cut 300 jobs in its Leeds office.")
    unnamed = [a for a in sent.attributions if a.form == "no_source"]
    assert [a.cue.text for a in unnamed] == ["reportedly"]
    assert unnamed[0].source is None and unnamed[0].identified == "unnamed"
    assert not sent.unattributed


def test_passive_report_has_no_source(one):
    sent = one("Several shops were reported damaged after the storm.")
    assert [a.form for a in sent.attributions] == ["no_source"]


def test_negated_verb_is_not_an_attribution(one):
    sent = one("The minister did not say when the new hospital would open.")
    assert sent.attributions == []


def test_pronoun_points_at_last_named_source(rules):
    report = analyze_text(
        "Fire chief Omar Haddad said the blaze was under control. "
        "He said crews would stay overnight.",
        rules,
    )
    second = report.sentences[1].attributions[0]
    assert second.identified == "pronoun"
    assert second.refers_to == "Fire chief Omar Haddad"


def test_participle_continues_the_attribution(one):
    sent = one("The ministry said prices had stabilised, adding that rents were still rising.")
    participle = [a for a in sent.attributions if a.form == "participle"]
    assert participle and participle[0].refers_to == "The ministry"


def test_appositive_source(one):
    sent = one("Dr. Amal Nasser, a surgeon who treated the victims, said most would recover.")
    assert sources(sent) == ["Dr. Amal Nasser"]


def test_sentence_with_no_source_is_flagged(one):
    sent = one("The bridge opened to traffic in 1998 and carries 40,000 cars a day.")
    assert sent.attributions == [] and sent.unattributed
    assert sent.speech == "none"


# ------------------------------------------------------------------ quotes and sentences
def test_quote_spanning_two_sentences_stays_with_its_speaker(rules):
    report = analyze_text("“The water is safe. We tested it twice,” the utility said.", rules)
    # pysbd keeps a quotation whole, so the attribution after it is in the same sentence
    (sentence,) = report.sentences
    assert sentence.quotes[0].text == "“The water is safe. We tested it twice,”"
    assert [a.source.text for a in sentence.attributions] == ["the utility"]
    assert sentence.speech == "direct"


def test_quoted_sentence_after_the_attribution_inherits_the_speaker(rules):
    report = analyze_text(
        "“The water is safe,” the utility said. “We tested it twice. Nobody got sick.”", rules
    )
    _, second = report.sentences
    assert second.attributions[0].form == "inherited"
    assert second.attributions[0].refers_to == "the utility"
    assert not second.unattributed


def test_quote_clipped_where_a_sentence_boundary_cuts_it():
    from medialit.analyze.segment import clip_quotes

    text = "“One. Two.”"
    first = clip_quotes([(0, len(text), True)], 0, 5, text)[0]
    second = clip_quotes([(0, len(text), True)], 6, len(text), text)[0]
    assert first.continues_after and not first.continues_before
    assert second.continues_before and not second.continues_after
    assert (first.text, second.text) == ("“One.", "Two.”")


def test_unclosed_quote_runs_to_paragraph_end(rules):
    report = analyze_text(
        "He said: “We are not leaving this town, whatever the council decides.\n"
        "The council meets again on Thursday to vote on the plan.",
        rules,
    )
    quote = report.sentences[0].quotes[0]
    assert not quote.closed


def test_direct_versus_paraphrase(one):
    assert one("“Prices will fall next year,” the bank said.").speech == "direct"
    assert one("The bank said prices would fall next year.").speech == "paraphrase"


def test_news_abbreviations_do_not_split_sentences(rules):
    report = analyze_text(
        "U.S. Gen. Mark Ellison said on Friday the base would stay open. "
        "The decision surprised Sen. Ruth Alder and her staff.",
        rules,
    )
    assert len(report.sentences) == 2
    for s in report.sentences:
        assert report.text[s.start : s.end] == s.text


# ------------------------------------------------------------------ page furniture
def test_furniture_by_shape_and_repetition(rules):
    text = (
        "Home | World | Sport\n"
        "Share this article\n"
        "Flooding closes the coastal road for a second day, and officials say repairs will "
        "take at least a week.\n"
        "Share this article\n"
        "Crews worked through the night to clear debris from the road near the harbour.\n"
    )
    report = analyze_text(text, rules)
    kept = [s.text for s in report.sentences]
    assert len(kept) == 2
    reasons = {f.text: f.reason for f in report.furniture}
    assert set(reasons) == {"Home | World | Sport", "Share this article"}
    assert "repeated" in reasons["Share this article"]
    assert all(report.text[f.start : f.end] == f.text for f in report.furniture)


@pytest.mark.parametrize(
    "first, kept",
    [
        ("Harbour board says ferry fees will rise", True),  # a headline in sentence case
        ("Ferry Fees to Rise", False),  # title case: could as well be a section name
        ("Harbour Board Says Ferry Fees Will Rise", True),  # title case with a verb of saying
        ("Mayor Tells Residents: Fees Will Rise", False),  # a colon: a label, not kept here
        ("By Jane Okafor", False),  # a byline
        ("Home | World | Sport", False),  # a menu
        ("Updated 10:42 GMT, March 3", False),
    ],
)
def test_the_first_line_as_a_headline(rules, first, kept):
    """A headline that attributes makes a claim like any sentence, so it is read as one;
    menus, bylines and section names are still set aside."""
    body = "The board voted on Monday, and the new fees start in June.\n"
    report = analyze_text(f"{first}\n\n{body}", rules)
    assert (report.sentences[0].text == first) is kept
    assert any(f.text == first for f in report.furniture) is not kept
    if first.startswith("Harbour"):
        head = report.sentences[0].attributions[0]
        assert (head.source.text.lower(), head.kind) == (
            "harbour board",
            "described" if first.startswith("Harbour board") else "organisation",
        )


def test_only_the_first_line_can_be_a_headline(rules):
    text = "The board voted on Monday, and the new fees start in June.\n\nRead more stories here\n"
    report = analyze_text(text, rules)
    assert [s.text for s in report.sentences] == [
        "The board voted on Monday, and the new fees start in June."
    ]


def test_a_short_real_sentence_is_kept(rules):
    report = analyze_text("The mayor resigned on Monday.", rules)
    assert len(report.sentences) == 1 and not report.furniture


def test_dates_years_times_and_references_are_not_amounts(one):
    sent = one(
        "On Dec. 4, 2025, at 8:00 p.m., the 152nd Airlift Wing cited Title 10 § 2661 "
        "and moved 40 trucks."
    )
    assert texts(sent.numbers) == ["40"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry left Pier 4 for Route 66 and Gate 12 in Phase 2.",
        "The carrier HMS Albion (LPD 14) sailed at dawn.",
        "Storms hit between Feb. 3 and 9 and from March 10 to 12.",
        "She is one of the best sailors and one of more than a few to try.",
    ],
)
def test_names_dates_and_one_of_are_not_amounts(one, sentence):
    assert texts(one(sentence).numbers) == []


def test_one_of_a_count_is_still_an_amount(one):
    assert texts(one("She is one of five sisters.").numbers) == ["one", "five"]


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("The suit alleges the firm hid losses.", "alleges"),
        ("Police detained the alleged driver.", "alleged"),
        ("Crews prepared for potential flooding.", "potential"),
    ],
)
def test_allegation_and_potential_are_hedges(one, sentence, word):
    assert word in texts(one(sentence).hedges)


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("The harbour master echoed that warning on Monday.", "The harbour master"),
        ("Ms. Ortega mentioned that the vote had been delayed.", "Ms. Ortega"),
        ("Engineers observed that the bridge had shifted.", "Engineers"),
        ("The ministry clarified that no troops would move.", "The ministry"),
        ("Tomas Reyes disputed the figures in a letter.", "Tomas Reyes"),
        ("The coach praised the defence after the match.", "The coach"),
        ("Economists projected that prices would fall.", "Economists"),
    ],
)
def test_more_verbs_of_saying(one, sentence, source):
    assert [a.source.text for a in one(sentence).attributions if a.source] == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "Praise for the rescue came from every side.",
        "The mention of a second site surprised the council.",
        "Disputes over the border have run for decades.",
    ],
)
def test_the_same_words_as_nouns_are_not_attributions(one, sentence):
    assert one(sentence).attributions == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Storms hit the coast in 1999–2002 and again in 2007-08.", []),
        ("Delegates gather for the Two Sessions, and firms on the Global 500 list wait.", []),
        ("Guides run tours of the Apollo 11 replica for 20 people.", ["20"]),
    ],
)
def test_numbers_in_names_and_year_ranges(one, sentence, expected):
    assert texts(one(sentence).numbers) == expected


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Planning began more than a year in advance.", "more than"),
        ("Noise fell by as much as 2 decibels.", "as much as"),
        ("More than a dozen officers stayed away.", "More than"),
    ],
)
def test_approximations_before_a_unit_or_a_dozen(one, sentence, word):
    assert word in texts(one(sentence).hedges)


def test_a_title_case_headline_keeps_its_counts(rules):
    from medialit.analyze.detectors import find_numbers

    found = find_numbers("Agency Sues Four States and One City Over Water Rules", 0, rules)
    assert texts(found) == ["Four", "One"]


@pytest.mark.parametrize(
    "sentence, attributed",
    [
        ("Kabir Ahmed, an analyst with a security firm, explained the growing challenge.", False),
        ("The mayor described the scene.", False),
        ("She described the attack as brutal.", True),
        ("He explained that the road was closed.", True),
    ],
)
def test_explaining_a_topic_is_not_a_statement(one, sentence, attributed):
    assert bool(one(sentence).attributions) == attributed


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The fund is roughly twice last year's size.", ["twice"]),
        ("Fares rose three times as fast as wages.", ["three times"]),
        ("He called three times on Monday.", ["three"]),
    ],
)
def test_multiples_compare_two_amounts(one, sentence, expected):
    assert texts(one(sentence).numbers) == expected


@pytest.mark.parametrize(
    "sentence, hedged",
    [
        ("Whales were photographed over 20 years of surveys.", False),
        ("Prices rose over the past two weeks.", False),
        ("Over 200 people came to the meeting.", True),
    ],
)
def test_over_a_period_is_not_more_than(one, sentence, hedged):
    assert any(h.text.lower() == "over" for h in one(sentence).hedges) == hedged


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("As Ortega put it, the plan was dead.", "Ortega"),
        ("Ortega went on to say the plan was dead.", "Ortega"),
        ("Ortega maintained that the plan was dead.", "Ortega"),
        ("Ortega and his deputy both said the plan was dead.", "his deputy"),
        ("She put it on the table and left.", None),
        ("The army maintains two bases in the north.", None),
    ],
)
def test_common_ways_of_reporting_words(one, sentence, source):
    found = [a.source.text for a in one(sentence).attributions if a.source]
    assert (found[-1] if found else None) == source


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Shares fell after the company warned that demand was weak.", "the company"),
        ("The judge ruled that the law was invalid.", "The judge"),
        ("The rules say that boats must wait.", "The rules"),
        ("The judge ruled out a retrial.", None),
    ],
)
def test_rulings_and_clauses_after_after(one, sentence, source):
    found = [a.source.text for a in one(sentence).attributions if a.source]
    assert (found[-1] if found else None) == source
