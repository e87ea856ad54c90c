"""Where the source stands in the sentence: joined subjects, inserted parts, relative
clauses, a colon before a quotation, and what a pronoun stands for.

The sentences are written for the tests (none comes from an evaluation text).
"""

from __future__ import annotations

import pytest

from medialit.analyze import analyze_text
from medialit.analyze.detectors import source_names


def kinds(sentence) -> list[tuple[str | None, str | None]]:
    return [(a.source.text if a.source else None, a.kind) for a in sentence.attributions]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Smith and Jones said the deal was fair.", [("Smith", "person"), ("Jones", "person")]),
        (
            "The harbour board, the union and the mayor said the quay would close.",
            [("The harbour board", "described"), ("the union", "described"),
             ("the mayor", "described")],
        ),
        (
            "Both Norway and Chile have criticized the quota.",
            [("Norway", "organisation"), ("Chile", "organisation")],
        ),
        # a time before the list is not one of its speakers
        (
            "Today, Health Secretary Ana Reyes, Energy Secretary Tom Ruiz, and Labor "
            "Secretary Kim Lee announced a plan.",
            [("Health Secretary Ana Reyes", "person"), ("Energy Secretary Tom Ruiz", "person"),
             ("Labor Secretary Kim Lee", "person")],
        ),
        # "and" that joins two clauses joins no subjects
        ("The ferry was late and officials said the engine failed.", [("officials", "described")]),
    ],
)  # fmt: skip
def test_joined_subjects_are_each_a_source(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("Maria Lopez, who runs a bakery in the town, said sales had fallen.", "Maria Lopez",
         "person"),
        ("The audit, published on Monday by the council, found that fees were too high.",
         "The audit", "document"),
        ("Ada Brun, 61, of Lyon, said the river rose overnight.", "Ada Brun", "person"),
        ("“It is over,” a senior official who spoke on condition of anonymity told reporters.",
         "a senior official", "anonymous"),
        ("The agency issued a notice that explains how refunds work.", "a notice", "document"),
    ],
)  # fmt: skip
def test_the_subject_before_an_inserted_part_or_a_relative_clause(one, text, source, kind):
    assert kinds(one(text)) == [(source, kind)]


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("Senate Majority Leader Rosa Vidal told reporters the bill would pass.",
         "Senate Majority Leader Rosa Vidal", "person"),
        ("Norway rejects the claim.", "Norway", "organisation"),
        ("Moscow says the talks are over.", "Moscow", "organisation"),
    ],
)  # fmt: skip
def test_titles_before_a_name_and_places_that_speak(one, text, source, kind):
    assert kinds(one(text)) == [(source, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "More than 300 Guard members called out when the river flooded worked for a week.",
        "She joined a group called Open Doors in 2019.",
    ],
)
def test_no_source_where_nobody_speaks(one, text):
    assert [a for a in one(text).attributions if a.source is not None] == []


def test_a_verb_after_its_object_needs_someone_who_can_speak(one):
    assert kinds(one("Maria Lopez, who runs a bakery, said sales had fallen.")) == [
        ("Maria Lopez", "person")
    ]
    assert kinds(one("Prices rose, said the chamber of commerce.")) == [
        ("the chamber", "described")
    ]
    assert kinds(one("Maria Lopez, who runs a bakery, said sales had fallen.")) == [
        ("Maria Lopez", "person")
    ]


def test_a_name_and_a_colon_before_a_quotation(one):
    assert kinds(one("Vidal: “This is the moment to act.”")) == [("Vidal", "person")]
    assert kinds(one("Note: the ferry runs on Sundays.")) == []


@pytest.mark.parametrize(
    "verb",
    ["explains", "pointed out", "vowed", "urged", "accused", "reiterated", "recalled",
     "warn", "allege", "described", "called"],
)  # fmt: skip
def test_reporting_verbs_in_their_forms(one, verb):
    assert one(f"Officials {verb} the plan a failure.").attributions


def test_a_pronoun_stands_for_the_last_source_of_its_kind(rules):
    text = (
        "The ministry said the road would close. Ada Brun said she would appeal. "
        "The agency said the work was needed. He added that the fine was unfair. "
        "It added that the work would take a year."
    )
    report = analyze_text(text, rules)
    he, it = report.sentences[3].attributions[0], report.sentences[4].attributions[0]
    assert source_names(he)[-1] == "Ada Brun" and he.kind == "person"
    assert source_names(it)[-1] == "The agency" and it.kind == "described"


def test_a_quote_carries_on_only_in_its_paragraph_or_a_new_one_opening_with_a_quote(rules):
    text = (
        "“We will rebuild,” Vidal said.\n\nThe harbour opened in 1901.\n\n"
        "“The quay is safe.” The board agreed.\n\n"
        "Ada Brun said the work was slow.\n\n“It has taken years.”"
    )
    report = analyze_text(text, rules)
    by_text = {s.text: s for s in report.sentences}
    assert not by_text["“The quay is safe.”"].attributions
    carried = by_text["“It has taken years.”"].attributions
    assert carried and source_names(carried[0])[-1] == "Ada Brun"


def test_he_after_a_person_who_opened_a_sentence_without_speaking(rules):
    text = (
        "The ministry said the fine stands. Ada Brun, 61, appealed on Monday. "
        "She said the fine was unfair."
    )
    she = analyze_text(text, rules).sentences[2].attributions[0]
    assert source_names(she)[-1] == "Ada Brun"


def test_he_skips_an_opening_preposition_and_a_month(rules):
    text = (
        "For Okonkwo, the flight was long. In March, however, critics doubted him. "
        "“It was worth it,” he said."
    )
    he = analyze_text(text, rules).sentences[2].attributions[0]
    assert source_names(he)[-1] == "Okonkwo"


@pytest.mark.parametrize(
    "text",
    [
        "“This is exactly the answer one expects from a regulator.”",
        "It includes legally declared assets and unpaid loans.",
        "The newly announced fund opens in May.",
        "Volunteers record damaged homes, document alleged looting and clear roads.",
        "Crews will act according to a fixed rota.",
        "The club withdrew, citing safety concerns.",
    ],
)
def test_clauses_and_adjectives_are_not_sources(one, text):
    assert not [a for a in one(text).attributions if a.source]


def test_a_reason_after_citing_is_not_a_source_but_a_speaker_is(one):
    assert kinds(one("The club withdrew, citing league officials.")) == [
        ("league officials", "described")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The embassy said Marta Ilic expressed hope that talks resume.",
            [("The embassy", "described"), ("Marta Ilic", "person")],
        ),
        ("Economists are expressing alarm after the rate rise.", [("Economists", "described")]),
        ("Two charities estimate that 4,000 homes flooded.", [("Two charities", "described")]),
        ("That plan calls for new dikes.", [("That plan", "document")]),
        (
            "The Dutch prime minister said the dikes would hold.",
            [("The Dutch prime minister", "person")],
        ),
        ("The mayor said the dikes would hold.", [("The mayor", "described")]),
        ("LAGOS, NIGERIA — Critics warn that the levy is too high.", [("Critics", "described")]),
        (
            "The Lagos Port Authority Monday said the levy stays.",
            [("The Lagos Port Authority", "organisation")],
        ),
        (
            "Prices rose 4%, according to data compiled by the statistics office.",
            [("data compiled by the statistics office", "document")],
        ),
    ],
)  # fmt: skip
def test_reported_speech_stances_documents_and_offices(one, text, expected):
    assert kinds(one(text)) == expected


def test_a_quotation_that_cites_a_document_still_belongs_to_its_speaker(rules):
    text = (
        "“The scheme was large,” said prosecutor Lena Duarte. “As set out in the filing, "
        "the pair hid the money well. These records show how.”"
    )
    report = analyze_text(text, rules)
    names = [n for a in report.sentences[1].attributions for n in source_names(a)]
    assert "prosecutor Lena Duarte" in names and "the filing" in names
    filing = next(a for a in report.sentences[1].attributions if a.source.text == "the filing")
    assert filing.kind == "document"  # "hid the money well" withholds no name
    assert "how.”" not in " ".join(names) and not any("pair" in n for n in names)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 2023 survey found the river cleaner than in 2010.", [("A 2023 survey", "document")]),
        ("The police found the car in a ditch.", []),
        ("The audit shows the fund lost money.", [("The audit", "document")]),
    ],
)  # fmt: skip
def test_a_document_finds_without_that(one, text, expected):
    assert kinds(one(text)) == expected


def test_a_clause_before_and_joins_no_subject_and_a_danger_is_no_speech(one):
    text = (
        "A year has passed since Chile’s reform of Lagos and Reyes said the trade between "
        "Peru and Chile threatens local fishing."
    )
    assert kinds(one(text)) == [("Reyes", "person")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The fines announced today are the largest yet.", []),
        ("The report published Monday was long.", []),
        ("The plan names two towns. It also calls for new dikes.", [("It", None)]),
    ],
)  # fmt: skip
def test_participles_before_the_verb_and_an_adverb_before_a_noun_verb(rules, text, expected):
    last = analyze_text(text, rules).sentences[-1]
    assert [(a.source.text, a.identified if a.source else None) for a in last.attributions] == [
        (src, "pronoun") for src, _ in expected
    ]


def test_a_quotation_in_a_later_sentence_does_not_make_an_earlier_verb_speech():
    """The ignore rules are read on their own sentence: "responded to" is an action unless a
    quotation follows in the same sentence, whatever the next sentence holds."""
    report = analyze_text(
        "Crews responded to the floods across the valley. "
        "“We worked through the night,” the fire chief said."
    )
    first, second = report.sentences
    assert first.attributions == []
    assert [a.source.text for a in second.attributions if a.source] == ["the fire chief"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "An indictment returned in Ohio was unsealed on Tuesday charging three men with fraud.",
            [("An indictment returned in Ohio", "document")],
        ),
        # filing is the prosecutors' claim; the complaint says what it charges
        ("Prosecutors filed a complaint charging him with theft.",
         [("Prosecutors", "described"), ("a complaint", "document")]),
        (
            "A complaint was unsealed charging Ana Ruiz, a Spanish national, with wire fraud.",
            [("A complaint", "document")],
        ),
        (
            "The agency released a new report on Monday warning of floods.",
            [("a new report", "document")],
        ),
        ("The ministry issued a statement saying the border was closed.",
         [("a statement", "document")]),
        # "charging" without "with": no accusation
        ("Electric buses need charging stations.", []),
        ("The mayor was seen charging through the crowd.", []),
    ],
)  # fmt: skip
def test_a_participle_after_a_document_gives_what_the_document_says(text, expected):
    report = analyze_text(text)
    assert kinds(report.sentences[0]) == expected


def test_a_quotation_paragraph_after_a_sentence_about_a_person_is_hers():
    """Press releases introduce a quotation with a sentence about the speaker and no verb
    of saying; the quotation's paragraph then belongs to her, sentence by sentence. A
    quotation after a sentence about nobody named stays unattributed."""
    report = analyze_text(
        "WASHINGTON — Minister Ana Reyes outlined her plans for the harbour.\n\n"
        "“We will dredge the channel. The work starts in May.”\n\n"
        "The harbour has been closed since March.\n\n"
        "“Nobody knows when it will open.”"
    )
    assert [(k[0][0] if k else None) for k in map(kinds, report.sentences)] == [
        None,
        "Minister Ana Reyes",
        None,
        None,
    ]
    assert report.sentences[-1].unattributed


@pytest.mark.parametrize(
    "text, expected",
    [
        # the object of "by" is not the subject: the analysis is
        (
            "An analysis of samples from four rivers across the North and South Basins by "
            "Harbour University chemists showed that the water was clean.",
            [("An analysis", "document")],
        ),
        # a comma or a clause before the verb keeps the nearest subject
        (
            "The survey of farms in the valley, the ministry said, was incomplete.",
            [("the ministry", "described")],
        ),
        # a participle inside an opening phrase is not the sentence's verb
        (
            "In a video posted on Sunday, the minister said the port would reopen.",
            [("the minister", "described")],
        ),
        ("Researchers report that the glacier lost a tenth of its ice.",
         [("Researchers", "described")]),
        ("The latest count reveals a decline in nesting birds.",
         [("The latest count", "document")]),
    ],
)  # fmt: skip
def test_the_subject_is_the_phrase_that_speaks(text, expected):
    assert kinds(analyze_text(text).sentences[0]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The anti-graft watchdog, the Central Audit Board (CAB), said the minister lied.",
            [("Central Audit Board", "organisation")],
        ),
        ("The country’s top court, the Supreme Tribunal, said the law was void.",
         [("Supreme Tribunal", "organisation")]),
        # a named subject keeps its name; the description after it is inserted
        ("The Health Ministry, the main funder, said the plan was sound.",
         [("The Health Ministry", "organisation")]),
    ],
)  # fmt: skip
def test_a_description_then_its_name_gives_the_name(text, expected):
    assert kinds(analyze_text(text).sentences[0]) == expected


def test_a_capitalised_verb_reports_only_in_a_title_case_headline(rules):
    from medialit.analyze.detectors import _in_verb_position

    headline = "Port Authority Announces New Ferry Schedules for Islanders and Visitors"
    at = headline.index("Announces")
    assert _in_verb_position(headline, at, "Announces", "verb", rules)
    sentence = "The ferry left the Port Authority Announces pier at dawn, crews said."
    at = sentence.index("Announces")
    assert not _in_verb_position(sentence, at, "Announces", "verb", rules)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reason after "citing" is not a source
        ("The agency warned against the move, citing the region’s poor roads.",
         [("The agency", "described")]),
        # an alias set off by commas
        ("The Harbour Rescue Council, or HRC, reported that ferries were late.",
         [("The Harbour Rescue Council", "organisation")]),
        # a long chain of inserted parts before the verb
        (
            "Mira Sato, senior adviser at The Lantern, a Tokyo charity, who works on refugee "
            "policy, cited two reports on the camps.",
            [("Mira Sato", "person")],
        ),
        # the participle's speaker is the sentence's named subject
        ("Ortega made his case in a post on Sunday, saying the port would reopen.",
         [("Ortega", "person")]),
        # names given to things, and pictures showing scenes, are not statements
        ("The reef, which Manila calls Rozul Reef, lies west of the island.", []),
        ("Another video showed a helicopter hovering above two boats.", []),
        # a surname with a lower-case particle is still a name
        ("President Abdel-Fattah el-Sissi has rejected the plan.",
         [("President Abdel-Fattah el-Sissi", "person")]),
    ],
)  # fmt: skip
def test_more_sentence_shapes(text, expected):
    assert kinds(analyze_text(text).sentences[0]) == expected


def test_a_pronoun_after_an_opening_phrase_of_time_means_the_new_name():
    report = analyze_text(
        "Reyes said on Monday the plan was sound. In 2020, during her first term, Tomas "
        "Brandt, then a senior adviser, made a similar appeal. “It is time to move on,” he said."
    )
    last = report.sentences[-1].attributions[0]
    assert last.refers_to == "Tomas Brandt"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a speaker inside a relative clause
        ("The levy, which critics say is too high, passed.", [("critics", "described")]),
        # one report is a noun: "report" cannot be its verb; a document is published
        ("A U.N. report published last month estimated that 2,000 people fled.",
         [("A U.N. report", "document")]),
        ("One analyst and two officials report that prices rose.",
         [("One analyst", "described"), ("two officials", "described")]),
        # named groups and news agencies are organisations
        ("The Taliban said the road was open.", [("The Taliban", "organisation")]),
        ("Xinhua reported that the road was open.", [("Xinhua", "organisation")]),
    ],
)  # fmt: skip
def test_relative_speakers_singular_nouns_and_named_groups(text, expected):
    assert kinds(analyze_text(text).sentences[0]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the agent of a passive verb of saying is the source
        ("The plan was announced by the ministry on Monday.", [("the ministry", "described")]),
        ("The decision was criticized by rights groups.", [("rights groups", "described")]),
        ("It was reported on Monday that the dam was full.", [(None, None)]),
        # a part set off by dashes, and a time between the subject and its verb
        ("Ortega – who has led the party since 2010 – said the plan was dead.",
         [("Ortega", "person")]),
        ("Ortega on Tuesday said the plan was dead.", [("Ortega", "person")]),
        ("Ortega earlier this month said the plan was dead.", [("Ortega", "person")]),
    ],
)  # fmt: skip
def test_passive_agents_dashes_and_times(text, expected):
    assert kinds(analyze_text(text).sentences[0]) == expected
