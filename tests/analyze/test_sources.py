"""Source kinds as lesson 3 teaches them, decided by structure, not by capital letters.

The sentences here are written for the tests (none comes from an evaluation text).
"""

from __future__ import annotations

import pytest

from medialit.analyze import analyze_text
from medialit.analyze.sources import classify, core


def kinds(sentence) -> list[tuple[str, str | None]]:
    return [(a.source.text if a.source else None, a.kind) for a in sentence.attributions]


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("Officials said the bridge would reopen on Friday.", "Officials", "described"),
        ("Police said two people were taken to hospital.", "Police", "described"),
        ("Witnesses said the fire started near the kitchen.", "Witnesses", "described"),
        ("Analysts say the merger will cut prices.", "Analysts", "described"),
        ("A senior official said the talks had stalled.", "A senior official", "described"),
        ("Critics say the plan costs too much.", "Critics", "described"),
        ("Residents told reporters the water was brown.", "Residents", "described"),
        (
            "People familiar with the matter said the deal was close.",
            "People familiar with the matter",
            "anonymous",
        ),
        ("Sources said the minister would resign.", "Sources", "anonymous"),
        ("The report found that rents rose by a third.", "The report", "document"),
        ("A court filing shows that the firm knew of the fault.", "A court filing", "document"),
        ("Mayor Helen Brandt said the school would stay open.", "Mayor Helen Brandt", "person"),
        ("Ines Costa said the ferry would run again.", "Ines Costa", "person"),
        (
            "The Ministry of Transport said fares would rise.",
            "The Ministry of Transport",
            "organisation",
        ),
        ("The Harbour Authority announced new fees.", "The Harbour Authority", "organisation"),
        ("NATO said the exercise would go ahead.", "NATO", "organisation"),
        ("The agency declined to comment.", "The agency", "described"),
    ],
)
def test_kind_of_source(one, text, source, kind):
    assert kinds(one(text)) == [(source, kind)]


def test_identified_follows_the_kind(one):
    by_kind = {
        "Officials said the bridge would reopen.": "described",
        "Sources said the minister would resign.": "anonymous",
        "The report found that rents rose.": "document",
        "Ines Costa said the ferry would run.": "named",
        "The Harbour Authority said fees would rise.": "named",
    }
    for text, identified in by_kind.items():
        assert one(text).attributions[0].identified == identified, text


def test_anonymous_when_the_name_is_withheld_after_the_source(one):
    sent = one(
        "“The deal is done,” said an official who spoke on condition of anonymity "
        "because the talks were private."
    )
    assert sent.attributions[0].kind == "anonymous"


def test_a_pronoun_takes_the_kind_of_the_source_it_points_at(rules):
    from medialit.analyze import analyze_text

    report = analyze_text(
        "Harbour Authority spokeswoman Ines Costa said fees would rise. "
        "She said the ferry would run again on Monday.",
        rules,
    )
    second = report.sentences[1].attributions[0]
    assert second.identified == "pronoun" and second.kind == "person"
    assert second.refers_to == "Harbour Authority spokeswoman Ines Costa"


def test_a_capital_mid_phrase_makes_a_named_body():
    from medialit.analyze import load_rules

    words = load_rules().source_words
    assert classify("the Foreign Ministers of the region", "", False, words) == "organisation"
    assert classify("the foreign ministers", "", False, words) == "described"


def test_core_keeps_a_name_through_of_and_drops_what_follows_a_comma():
    assert core("the Department of Roads and Bridges") == [
        "Department", "of", "Roads", "and", "Bridges",
    ]  # fmt: skip
    assert core("Ana Ruiz, head of the port") == ["Ana", "Ruiz"]
    assert core("a spokeswoman for the council") == ["spokeswoman"]
    assert core("Lena Hoffmann Jr.") == ["Lena", "Hoffmann"]


# ------------------------------------------------------------ verb position
def test_united_states_never_reports(one):
    sent = one(
        "Across the southeastern United States, 5,000 Guard members from 19 different "
        "states cleared roads."
    )
    assert sent.attributions == []


def test_a_noun_verb_reports_after_something_that_can_speak(one):
    assert kinds(one("The report states that costs rose by a fifth.")) == [
        ("The report", "document")
    ]
    claims = one("The ministry claims that the road is safe.")
    assert kinds(claims) == [("The ministry", "described")]
    assert one("Farmers in nine different states grow the crop.").attributions == []


def test_declined_to_comment_is_an_attribution(one):
    sent = one("The water company declined to comment on the leak.")
    assert kinds(sent) == [("The water company", "described")]
    assert sent.attributions[0].why.rule == "reporting/no-comment"


def test_could_confirm_is_not_a_hedge(one):
    assert one("Reporters could not confirm the figure.").hedges == []
    assert one("Officials could confirm only two deaths.").hedges == []
    assert [h.text for h in one("The storm could reach the coast by Friday.").hedges] == ["could"]


def test_responding_to_an_event_is_not_speech(one):
    assert one("Crews responded to three fires overnight.").attributions == []
    assert kinds(one("The mayor responded to the claim: “It is false.”")) == [
        ("The mayor", "described")
    ]


def test_progressive_forecast_and_plural_show(one):
    assert kinds(one("The harbour board is forecasting that the tide will peak at noon.")) == [
        ("The harbour board", "described")
    ]
    assert kinds(one("New surveys show that fewer people cycle in winter.")) == [
        ("New surveys", "document")
    ]


def test_a_forecast_that_is_a_noun_does_not_report(one):
    assert one("The updated rainfall forecast for the valley remains dry.").attributions == []


def test_a_district_is_an_organisation(one):
    assert kinds(one("The Harbour District announces a road closure.")) == [
        ("The Harbour District", "organisation")
    ]


def test_underscored_is_a_verb_of_saying(one):
    assert kinds(one("Mayor Helen Brandt underscored the cost of the repairs.")) == [
        ("Mayor Helen Brandt", "person")
    ]


def test_a_name_after_a_role_in_lower_case_is_a_person(one):
    assert kinds(one("Council leader Tom Reyes said the plan was sound.")) == [
        ("Council leader Tom Reyes", "person")
    ]
    assert kinds(one("Harbour Authority spokeswoman Ines Costa said fees would rise.")) == [
        ("Harbour Authority spokeswoman Ines Costa", "person")
    ]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Rights groups such as Harbour Watch said the trial was unfair.", "organisation"),
        ("Charities like the Red Lantern Trust warned that funds were short.", "organisation"),
        ("Utilities such as Kell Valley Water said supplies were safe.", "organisation"),
        ("Neighbours like Ana Duarte said the noise went on all night.", "person"),
    ],
)
def test_a_named_example_gives_the_kind(one, text, kind):
    """A kind of source named by an example ("groups like X") is as checkable as X."""
    assert [k for _, k in kinds(one(text))] == [kind]


def test_the_same_unnamed_officials_stay_anonymous_later_in_the_text():
    """Once the text says it will not name its officials, 'the officials' later are the same
    unnamed people; a different role ('the mayor') and a text that never withheld a name
    keep 'described'."""
    from medialit.analyze import analyze_text

    withheld = analyze_text(
        "Two officials, who spoke on condition of anonymity, said the convoy had turned back. "
        "The officials said the border would stay closed. The mayor said the town was calm."
    )
    assert [kinds(s) for s in withheld.sentences] == [
        [("Two officials", "anonymous")],
        [("The officials", "anonymous")],
        [("The mayor", "described")],
    ]
    plain = analyze_text("Officials said the convoy turned back. The officials said it was late.")
    assert [kinds(s) for s in plain.sentences] == [
        [("Officials", "described")],
        [("The officials", "described")],
    ]


def test_in_charge_and_in_chief_stay_inside_a_title(one):
    quoted = one("“Work goes on,” said Deputy Director in Charge Lena Ortiz of the Coast Office.")
    assert kinds(quoted) == [("Deputy Director in Charge Lena Ortiz", "person")]
    place = one("“We will sail,” said the captain in Lisbon.")
    assert kinds(place) == [("the captain", "described")]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Officials, speaking on background, said the strike was planned.", "Officials"),
        ("Officials who declined to be identified said the plan was dropped.", "Officials"),
        ("A spokesperson, who did not give her name, said the office was closed.",
         "A spokesperson"),
        # the reason for anonymity inside the relative clause is not the source
        ("An official who requested anonymity because of the sensitivity of the talks said "
         "the plan was dropped.", "An official"),
    ],
)  # fmt: skip
def test_more_ways_of_withholding_a_name(one, text, source):
    assert kinds(one(text)) == [(source, "anonymous")]


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("NATO Secretary-General Lena Holm said the drill was over.",
         "NATO Secretary-General Lena Holm", "person"),
        ("Sen. Ana Reyes, D-Calif., said the bill was dead.", "Sen. Ana Reyes", "person"),
        ("Norway’s prime minister said the bill was dead.", "Norway’s prime minister", "person"),
        ("The country’s health minister said the bill was dead.",
         "The country’s health minister", "described"),
    ],
)  # fmt: skip
def test_titles_parties_and_a_country_s_office(one, text, source, kind):
    assert kinds(one(text)) == [(source, kind)]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Court papers show the firm paid the fines late.", "Court papers"),
        ("The court records indicate the money left in 2019.", "The court records"),
        ("The lawsuit claims the council ignored three warnings.", "The lawsuit"),
        ("The plea agreement states that he took the bribes.", "The plea agreement"),
        ("According to charging documents, the suspect bought the van in May.",
         "charging documents"),
    ],
)  # fmt: skip
def test_a_document_reports_without_that(one, text, source):
    assert kinds(one(text)) == [(source, "document")]


def test_evidence_in_general_is_no_document(one):
    """'Evidence suggests' is the writer's inference, not a text anyone can look up."""
    assert kinds(one("Evidence suggests the herd is shrinking.")) == []


def test_a_name_after_the_is_an_organisation(one):
    """A person's name takes no 'the'; a body's name does, known to the word lists or not."""
    assert kinds(one("The Northfield Trust said the park would reopen.")) == [
        ("The Northfield Trust", "organisation")
    ]
    assert kinds(one("Ines Costa said the park would reopen.")) == [("Ines Costa", "person")]


def test_he_or_she_is_a_person_even_when_no_person_came_before(rules):
    """'she' can only be a person, whatever the last source was."""
    report = analyze_text(
        "The harbour board said fees would rise. “It is a shame,” she told reporters.", rules
    )
    last = report.sentences[-1].attributions[0]
    assert (last.source.text, last.kind) == ("she", "person")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The CFO admitted that sales had fallen.", [("The CFO", "described")]),
        ("Norway’s Joint Staff reported two incidents at sea.",
         [("Norway’s Joint Staff", "organisation")]),
        ("The rule drew fire from fishing crews, who say it will cost them a season.",
         [("fishing crews", "described")]),
        ("The council posted a video of the flooded square.", []),
        # the statement says what follows "saying"
        ("The council posted a statement saying the square was closed.",
         [("The council", "described"), ("a statement", "document")]),
    ],
)  # fmt: skip
def test_roles_in_capitals_relative_speakers_and_posted_pictures(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to U.S. Customs and Border Protection, arrests fell.",
         [("U.S. Customs and Border Protection", "organisation")]),
        ("The Office of Fish and Wildlife Enforcement said the nets were seized.",
         [("The Office of Fish and Wildlife Enforcement", "organisation")]),
        ("Secretary of Energy and Mines Ada Oyelaran said the mine would close.",
         [("Secretary of Energy and Mines Ada Oyelaran", "person")]),
        # two sources stay two
        ("Russia and Ukraine said the talks failed.",
         [("Russia", "organisation"), ("Ukraine", "organisation")]),
        ("Smith and the Harbour Authority said the port was shut.",
         [("Smith", "person"), ("the Harbour Authority", "organisation")]),
        ("Secretary of State Rubio and Hegseth said the talks were over.",
         [("Secretary of State Rubio", "person"), ("Hegseth", "person")]),
        ("Speaking in Oslo, the Norwegian leader said the fund was safe.",
         [("the Norwegian leader", "person")]),
    ],
)  # fmt: skip
def test_and_inside_a_name_or_a_title(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One diplomat, who asked that his name not be used, said the vote was delayed.",
         [("One diplomat", "anonymous")]),
        ("An aide, who did not want to be named, said the bill was dead.",
         [("An aide", "anonymous")]),
        ("The official, who insisted on anonymity, said the ship was hit.",
         [("The official", "anonymous")]),
        ("According to an official who declined to give his name, the ship was hit.",
         [("an official", "anonymous")]),
        ("Officials, speaking on the condition that they not be identified, said the ship "
         "was hit.", [("Officials", "anonymous")]),
        ("A senior official said on condition of anonymity that the ship was hit.",
         [("A senior official", "anonymous")]),
        # what the source says is not about the source
        ("Ines Costa said she was familiar with the plan.", [("Ines Costa", "person")]),
        ("Ines Costa said the winner would not be named until May.", [("Ines Costa", "person")]),
        ("According to the ministry, the victims will not be named.",
         [("the ministry", "described")]),
    ],
)  # fmt: skip
def test_how_a_source_spoke_not_what_it_said(one, text, expected):
    assert kinds(one(text)) == expected


def test_a_statement_printed_as_plain_paragraphs_is_its_author_s(rules):
    text = (
        "Harbour board answers critics\n\n"
        "PORTSMOUTH — Chair Ines Costa issued the following statement:\n\n"
        "Claims that the board ignored the surveyors are false. The survey was read in full.\n\n"
        "We will publish it next week.\n"
    )
    report = analyze_text(text, rules)
    body = report.sentences[2:]
    assert body[0].text.startswith("Claims")
    for sentence in body:
        assert [(a.refers_to, a.kind, a.form) for a in sentence.attributions] == [
            ("Chair Ines Costa", "person", "inherited")
        ]


def test_a_quoted_statement_is_left_to_the_quotation_rules(rules):
    text = (
        "Chair Ines Costa issued the following statement:\n\n"
        "“The survey was read in full.”\n\n"
        "Key results include:\n\n"
        "Fees rose by a tenth last year.\n"
    )
    report = analyze_text(text, rules)
    last = report.sentences[-1]
    assert last.text.startswith("Fees") and not last.attributions


def test_a_quoted_statement_runs_over_its_paragraphs_to_its_closing_mark(rules):
    """Releases often open a statement's quotation once and close it paragraphs later; every
    sentence up to the closing mark is the author's, and the narrative after it is not."""
    text = (
        "Secretary of Transport Ines Costa released the following statement on the survey of "
        "the harbour, often called the Port Census, for 2025:\n\n"
        "“The survey confirms a worrying trend. Fees rose again.\n\n"
        "The lesson is clear. We must act.”\n\n"
        "The board will meet on Friday to discuss the survey.\n"
    )
    report = analyze_text(text, rules)
    statement = [s for s in report.sentences if s.text[:4] in {"“The", "Fees", "The ", "We m"}]
    assert [s.text for s in statement][-1] == "The board will meet on Friday to discuss the survey."
    for sentence in statement[:-1]:
        # the author's; a source the author quotes stays marked as inside the quotation
        assert [(a.refers_to, a.kind) for a in sentence.attributions if not a.in_quote] == [
            ("Secretary of Transport Ines Costa", "person")
        ], sentence.text
    assert not statement[-1].attributions


def test_a_quotation_signed_with_a_name_is_that_person_s(rules):
    text = (
        "The drill ends on Friday.\n\n"
        "“We train as a team. We fight as a team.” Navy Commodore Ana Ruiz, exercise director.\n"
    )
    report = analyze_text(text, rules)
    quote = next(s for s in report.sentences if s.text.startswith("“"))
    assert [(a.refers_to, a.kind) for a in quote.attributions] == [
        ("Navy Commodore Ana Ruiz", "person")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In Lviv, Ukrainians say the trains run late.", [("Ukrainians", "described")]),
        ("Many Republicans say the bill costs too much.", [("Many Republicans", "described")]),
        # a headline joins names with a comma before a plural verb; a sentence does not
        ("Okafor, Reyes laud ferry deal\n\nThe deal was signed on Monday by both towns.",
         [("Okafor", "person"), ("Reyes", "person")]),
        ("Still, Europeans say they are worried.", [("Europeans", "described")]),
    ],
)  # fmt: skip
def test_peoples_and_parties_and_a_headline_s_comma(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize("verb", ["lamented", "quipped", "denounced", "hinted", "lauded"])
def test_more_verbs_of_saying(one, verb):
    assert kinds(one(f"Ines Costa {verb} that the ferry was late again.")) == [
        ("Ines Costa", "person")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The family said the road was unsafe.", [("The family", "described")]),
        ("The family, however, said the road was unsafe.", [("The family", "described")]),
        ("Ines Costa, the administrator, also said the plan would work.",
         [("Ines Costa", "person")]),
        ("Ines Costa basically said the talks were over.", [("Ines Costa", "person")]),
        ("The newly announced plan is costly.", []),
        ("Today, U.S. Secretary of Energy Ada Oyelaran, Secretary of Transport and Tourism "
         "Tom Reyes, and Mayor Lena Park announced the plan.",
         [("U.S. Secretary of Energy Ada Oyelaran", "person"),
          ("Secretary of Transport and Tourism Tom Reyes", "person"),
          ("Mayor Lena Park", "person")]),
    ],
)  # fmt: skip
def test_adverbs_nouns_in_ly_and_long_lists_of_titled_names(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Ines Costa has since said the ferry will run.", "Ines Costa has long argued it will run."],
)
def test_since_and_long_after_has_are_adverbs(one, text):
    assert kinds(one(text)) == [("Ines Costa", "person")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dozens of residents said the water smelled.", [("Dozens of residents", "described")]),
        ("Two of the judges wrote that the law was valid.",
         [("Two of the judges", "described")]),
        ("The University of Leeds's annual survey showed that rents rose.",
         [("The University of Leeds's annual survey", "document")]),
        ("Deputy Director Ines Costa of the Harbour Authority's Port Division said fees "
         "would rise.", [("Deputy Director Ines Costa of the Harbour Authority's Port Division",
                          "person")]),
        ("The majority opinion, written by Justice Ana Ruiz, said the law was void.",
         [("The majority opinion", "document")]),
    ],
)  # fmt: skip
def test_what_is_counted_what_is_owned_and_irregular_participles(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The airline cancelled the flights, citing security concerns.",
         [("The airline", "described")]),
        ("Since Norway closed the port, citing safety, ferries have stopped.",
         [("Norway", "organisation")]),
        ("Prices fell sharply, citing weak demand.", []),
        ("The harbour board sued the council for allegedly blocking the permit.",
         [("The harbour board", "described"), (None, None)]),
        ("Today the State of Ruritania is challenging a federal rule on ferries.",
         [("the State of Ruritania", "organisation")]),
        ("The ministry even sanctioned some harbour pilots for delays.",
         [("The ministry", "described")]),
        ("Harbour Board Sues Council for Failure to Comply with Ferry Rules and Fees\n\n"
         "The suit was filed on Monday in the county court by the board's lawyers.",
         [("Harbour Board", "organisation")]),
    ],
)  # fmt: skip
def test_a_reason_given_and_legal_action_are_the_party_s_claim(one, text, expected):
    """As the annotation scheme has it: a reason a party cites, and a party that sues,
    challenges or sanctions, make claims of that party."""
    assert kinds(one(text)) == expected


def test_the_following_is_according_to_covers_what_follows(rules):
    text = (
        "Ferry operator charged in Ruritania\n\n"
        "The following is according to court documents filed in the case:\n\n"
        "Between 2019 and 2021, the operator billed the state for 300 trips.\n\n"
        "The operator then hid the money in two accounts.\n"
    )
    report = analyze_text(text, rules)
    for sentence in report.sentences[2:]:
        assert [(a.refers_to, a.kind) for a in sentence.attributions] == [
            ("court documents filed in the case", "document")
        ]


def test_unnamed_officials_stay_anonymous_and_a_speaker_recalling_herself_is_one_source(rules):
    report = analyze_text(
        "Two officials, who spoke on condition of anonymity, said the plan was dropped. "
        "Officials said it was too costly. Other officials said it was fine.",
        rules,
    )
    assert [kinds(s) for s in report.sentences] == [
        [("Two officials", "anonymous")],
        [("Officials", "anonymous")],
        [("Other officials", "described")],
    ]
    quoted = analyze_text("“As I said last week, we will not back down,” Ines Costa said.", rules)
    assert kinds(quoted.sentences[0]) == [("Ines Costa", "person")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The inquiry concluded that no laws were broken.", [("The inquiry", "document")]),
        ("The review determined that the fire was accidental.", [("The review", "document")]),
        ("A transcript of the call shows that the mayor asked for help.",
         [("A transcript of the call", "document")]),
        ("The model projects that sea levels will rise.", [("The model", "document")]),
        ("She was determined to win the race.", []),
        ("The new projects include a bridge.", []),
    ],
)  # fmt: skip
def test_findings_of_inquiries_reviews_and_models(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Amina, who asked that only her first name be used, said she fled in May.",
         [("Amina", "anonymous")]),
        ("The 45-year-old told reporters he lost his job.", [("The 45-year-old", "described")]),
    ],
)  # fmt: skip
def test_a_first_name_only_and_an_age_name_nobody(one, text, expected):
    assert kinds(one(text)) == expected


def test_a_one_word_name_the_article_never_writes_in_full_is_a_body(rules):
    """In an article, a person is named in full before the surname stands alone; a company
    goes by its one name. (An excerpt under 100 words is left as it was: it may have cut
    the full name.)"""
    filler = " ".join(["The harbour reopened after the storm, and the ferries ran again."] * 9)
    text = (
        f"{filler}\n\nHarbour pilot Ines Costa said the channel was clear. "
        "Costa said the buoys had moved. Gazprom said gas deliveries would resume. "
        "Chinese leader Xi Jinping spoke by phone. Xi said the talks went well.\n"
    )
    report = analyze_text(text, rules)
    found = {a.source.text: a.kind for s in report.sentences for a in s.attributions if a.source}
    assert found["Costa"] == "person"
    assert found["Gazprom"] == "organisation"
    assert found["Xi"] == "person"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A senior official told reporters on condition of anonymity that the talks stalled.",
         [("A senior official", "anonymous")]),
        ("A diplomat told The Harbour Gazette, speaking on condition of anonymity, that the "
         "talks stalled.", [("A diplomat", "anonymous")]),
        ("Ines Costa told reporters on Monday that she was familiar with the plan.",
         [("Ines Costa", "person")]),
    ],
)  # fmt: skip
def test_how_a_source_spoke_after_the_one_it_spoke_to(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a document noun before the verb is the subject's head, not a second verb
        ("The police report states that the car was stolen.", [("The police report", "document")]),
        ("The agency's report warned of shortages.", [("The agency's report", "document")]),
        ("The Pentagon report says China is expanding.", [("The Pentagon report", "document")]),
        # a subject, a part set off by commas, then a verb that is also a plural noun
        (
            "The letter, signed by 40 senators, urges the council to act.",
            [("The letter", "document")],
        ),
        (
            "The memo, sent last week, says the office will close.",
            [("The memo", "document")],
        ),
        (
            "Witnesses, some of them in tears, say the bus never stopped.",
            [("Witnesses", "described")],
        ),
        # a document with no determiner, and one the participle "published" describes
        (
            "Research published last year showed that the drug reduced strokes.",
            [("Research", "document")],
        ),
        ("The data reveal that rural clinics are closing.", [("The data", "document")]),
        ("The petition argues that the rule harms small farms.", [("The petition", "document")]),
        ("The findings suggest that the virus spreads in winter.", [("The findings", "document")]),
        (
            "The fact sheet explains that veterans can apply online.",
            [("The fact sheet", "document")],
        ),
        ("The warrant says agents seized three phones.", [("The warrant", "document")]),
        # "Guard members from 19 different states" still never report
        ("About 3,000 Guard members from 19 different states arrived on Monday.", []),
        ("Prices fell sharply, citing weak demand.", []),
    ],
)
def test_documents_before_their_verb_and_parts_set_off_by_commas(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize("verb", ["reaffirmed", "affirms", "observe", "denounce", "reveal"])
def test_more_verb_forms(one, verb):
    assert kinds(one(f"The ministers {verb} that the border stays open.")) == [
        ("The ministers", "described")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hegseth expressed his gratitude to the crews.", [("Hegseth", "person")]),
        ("The minister expressed optimism about talks.", [("The minister", "described")]),
        ("Osei highlighted that the program had saved lives.", [("Osei", "person")]),
        ("Osei shared that the program had saved lives.", [("Osei", "person")]),
        # an adjective in -ing after "were" is no participle of saying
        (
            "Dr. Jane Smith, a researcher, said the results were promising.",
            [("Dr. Jane Smith", "person")],
        ),
        # a name and where the person works, set off by commas
        (
            "Another analyst, John Roe of the Brookings Institution, told VOA the risk was low.",
            [("John Roe", "person")],
        ),
    ],
)
def test_stances_and_a_name_with_its_workplace(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to court records and statements made in court, Doe owned two clinics.",
            [("statements", "document"), ("court records", "document")],
        ),
        (
            "According to police and witnesses, the car was speeding.",
            [("witnesses", "described"), ("police", "described")],
        ),
        ("According to the agency, prices rose and exports fell.", [("the agency", "described")]),
    ],
)
def test_according_to_two_sources(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rep. Ana Reyes, D-Wash., the panel's ranking member, questioned the plan.",
            [("Rep. Ana Reyes", "person")],
        ),
        ("Officials estimate the first phase will cost $25 billion.", [("Officials", "described")]),
        # a reporting word right after a possessive is a noun
        ("The agency's estimate of the cost was $25 billion.", []),
        ("Smith's claim drew a sharp reply.", []),
        ("It's said that the bridge is unsafe.", [(None, None)]),
    ],
)
def test_a_lawmaker_s_party_and_nouns_after_a_possessive(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("QUESTION: Can you say whether the talks will resume?", []),
        ("Did officials confirm the strike?", []),
        ("Has the agency said when the road will reopen?", []),
        ("Will Smith said the film was done.", [("Will Smith", "person")]),
    ],
)
def test_a_question_attributes_nothing(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The committee called Ines Costa to testify.", []),
        ("The chair called the meeting to order.", []),
        ("Costa called for calm.", [("Costa", "person")]),
    ],
)
def test_a_summons_is_no_statement(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ana Reyes, senior policy adviser at The Harbour Trust, a Lisbon charity, who works "
            "on ports and shipping, cited two reports showing that fees rose.",
            [("Ana Reyes", "person"), ("two reports", "document")],
        ),
        ("The minister cited security concerns.", [("The minister", "described")]),
        (
            "Costa cited a 2023 study by the agency that found rents rose.",
            [("Costa", "person"), ("a 2023 study", "document")],
        ),
    ],
)
def test_a_role_set_off_by_commas_and_a_cited_document(one, text, expected):
    """A role phrase ('senior policy adviser at X') stands between a name and its verb; a
    document the speaker cites is a source too, a reason cited is not."""
    assert kinds(one(text)) == expected


def test_one_of_them_and_the_official_last_spoken_of(rules):
    """'One of them' is one of the group spoken of last, of its kind; 'the official' is
    the official last spoken of, anonymous only if the text said it would not name that one."""
    report = analyze_text(
        "Two officials, speaking on condition of anonymity, said the depot was hit. "
        "One of them said more strikes were possible. "
        "A senior ministry official told reporters the talks would go on. "
        "The official said the ministry remained committed.",
        rules,
    )
    assert [kinds(s) for s in report.sentences] == [
        [("Two officials", "anonymous")],
        [("One of them", "anonymous")],
        [("A senior ministry official", "described")],
        [("The official", "described")],
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The port opened a new terminal, a facility officials say will halve delays.",
            [("officials", "described")],
        ),
        ("It has a border force experts say is stretched thin.", [("experts", "described")]),
        ("A defense official said the clinic was closed.", [("A defense official", "described")]),
    ],
)
def test_a_plural_speaker_after_a_singular_noun_opens_its_own_clause(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb joined by "and" shares the sentence's subject, and never takes one after it
        ("Costa met the mayor on Monday and said the port would reopen.", [("Costa", "person")]),
        ("Officials toured the site and told us it was bad.", [("Officials", "described")]),
        ("The plan highlights the risk and underscores the importance of ports.", []),
        # a titled document, whatever body's name it carries
        (
            "The Harbour Administration Compliance Review Report found that fees were misused.",
            [("The Harbour Administration Compliance Review Report", "document")],
        ),
        # a participle of finding after a document
        (
            "Costa released a report finding that the project was in default.",
            [("a report", "document")],
        ),
        # a name given between commas is not speech
        ("The new algorithm, called HQC, will serve as a backup.", []),
    ],
)
def test_joined_verbs_titled_documents_and_names_given(one, text, expected):
    assert kinds(one(text)) == expected


def test_a_long_titled_name_and_a_titled_document_before_a_participle(rules):
    """A name in a long run of capitals ("Seattle District Commander Col. Kathryn Sanborn")
    is a person's when its last word later stands alone; a document's long title before
    "finding that" is what finds it."""
    text = (
        "Harbour Corps of Engineers, Lisbon District Commander Col. Ana Mariz gave updates on "
        "the flood on Monday, during a joint briefing with the port.\n\n"
        "Discussing the levees, Mariz said the dams held. " + "The river fell. " * 20 + "\n\n"
        "The minister released the Harbour Administration (HA) Compliance Review Report "
        "finding that the project was in default.\n"
    )
    report = analyze_text(text, rules)
    said = next(s for s in report.sentences if s.text.startswith("Discussing"))
    assert kinds(said) == [("Mariz", "person")]
    released = report.sentences[-1]
    assert kinds(released) == [
        ("the Harbour Administration (HA) Compliance Review Report", "document")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("These statistics come from the Harbour Survey.", [("the Harbour Survey", "document")]),
        ("The money comes from taxpayers.", []),
        ("As the letter notes, the agency has 37 days to respond.", [("the letter", "document")]),
        ("As the report shows, costs rose.", [("the report", "document")]),
    ],
)
def test_where_findings_come_from_and_as_clauses(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Last year, the institute published an encryption standard.", []),
        ("A report published on Monday found that the code was weak.", [("A report", "document")]),
    ],
)
def test_publishing_is_an_act_unless_a_finding_follows(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The letter reads, in part, that the port will stay shut.",
            [("The letter", "document")],
        ),
        (
            "A notice from the council read: “The road is closed.”",
            [("A notice from the council", "document")],
        ),
        ("He read the statement aloud to the crowd.", []),  # a person reading says nothing
        (
            "The indictment charges that the pair moved $4 million abroad.",
            [("The indictment", "document")],
        ),
        ("The charges that he faces carry long sentences.", []),  # the noun is no verb
        (
            "The treaty stipulates that both sides pull back their ships.",
            [("The treaty", "document")],
        ),
        (
            "The audit report faulted the agency for poor oversight.",
            [("The audit report", "document")],
        ),
        (
            "Ferries must run every hour, the text of the legislation says.",
            [("the text of the legislation", "document")],
        ),
        (
            "According to a draft of the plan, 300 jobs will go.",
            [("a draft of the plan", "document")],
        ),
    ],
)
def test_documents_that_read_charge_or_stipulate(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ports must disclose their fees, the law says.", [("the law", "document")]),
        ("Every school should report its results to the board.", []),
        ("Operators shall notify the regulator within a day.", []),
        ("The ministry will announce the results on Friday.", [("The ministry", "described")]),
    ],
)
def test_a_duty_to_say_something_is_not_a_claim(one, text, expected):
    """What someone must or should report has not been said; "will" stays as it was."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The survey of 1,200 farmers found that yields fell.",
            [("The survey of 1,200 farmers", "document")],
        ),
        ("In 2024, 300 residents said the water was brown.", [("300 residents", "described")]),
    ],
)
def test_a_comma_inside_a_number_ends_no_phrase(one, text, expected):
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The harbour agency quoted Ines Costa as saying that the ferry would run.",
            [("Ines Costa", "person", "saying"), ("The harbour agency", "described", "quoted")],
        ),
        (
            "Costa was quoted by the Harbour Gazette as saying the ferry would run.",
            [("Costa", "person", "saying"), ("the Harbour Gazette", "organisation", "quoted")],
        ),
        (
            "Costa was quoted as saying the ferry would run.",
            [("Costa", "person", "was quoted as saying")],
        ),
        # a timetable cannot speak: no speaker is made up, "saying" stays unnamed as before
        (
            "The notice quoted the timetable as saying nothing of Sundays.",
            [(None, None, "saying")],
        ),
    ],
)
def test_quoted_as_saying_gives_the_speaker_then_the_medium(one, text, expected):
    """Lesson 3's chain: the speaker says it, the medium that quoted them passes it on."""
    found = [
        (a.source.text if a.source else None, a.kind, a.cue.text)
        for a in one(text).attributions
    ]
    assert found == expected


def test_both_names_no_one(one):
    assert kinds(one("Both Smith and the harbour office said the fee was fair.")) == [
        ("Smith", "person"),
        ("the harbour office", "described"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Some said the fee was fair.", [("Some", "described")]),
        ("Others said the fee was unfair.", [("Others", "described")]),
        (
            "One official said the fee was fair, while another said it was not.",
            [("One official", "described"), ("another", "described")],
        ),
        ("The fees, some say, are too high.", [("some", "described")]),
        ("Some of the money went to schools, officials said.", [("officials", "described")]),
        # a vague "many believe" is what lesson 3 asks learners to notice
        ("Many believe the fee is too high.", [("Many", "described")]),
    ],
)
def test_some_others_and_another_stand_for_people(one, text, expected):
    """A word of quantity alone before a verb of saying is a group of people, described;
    before "of" it is a partitive ("Some of the money") and speaks for nobody."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry has not commented on the report.",
        "The ministry did not immediately reply to a request for comment.",
        "The ministry did not respond to an email seeking comment.",
        "The ministry could not immediately be reached for comment.",
    ],
)
def test_more_ways_of_not_commenting(one, text):
    assert kinds(one(text)) == [("The ministry", "described")]


def test_a_place_that_cannot_be_reached_is_no_source(one):
    assert kinds(one("The village could not be reached by road after the storm.")) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The fees, announced Tuesday, will fund 12 piers, the ministry said.",
            [("the ministry", "described")],
        ),
        (
            "The report, titled “Piers at Risk,” found that half the piers need repairs.",
            [("The report", "document")],
        ),
        ("The plan was announced by Mayor Ruiz on Monday.", [("Mayor Ruiz", "person")]),
    ],
)
def test_a_time_after_a_participle_and_a_title_set_off_by_commas(one, text, expected):
    """'announced Tuesday': a day says when, it never speaks; a title between commas
    stands between the document and its verb."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We were told nothing,” one resident said.", [("one resident", "described")]),
        ("Residents were told to leave their homes.", []),
        ("Residents were told that the water was safe.", [(None, None)]),  # by whom?
        ("Residents were told by officials that the water was safe.", [("officials", "described")]),
    ],
)
def test_being_told_passes_a_claim_on_only_with_its_content(one, text, expected):
    """"were told that ...": an unnamed teller passed a claim on (a learner should ask who);
    "were told nothing" or "told to leave" passes no claim on."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The audit identified 14 cases of fraud.", [("The audit", "document")]),
        ("The study documents a decline in bird numbers.", [("The study", "document")]),
        ("The lawsuit challenges the rule as unconstitutional.", [("The lawsuit", "document")]),
        (
            "The council released its annual report, which detailed errors worth $5 million.",
            [("its annual report", "document")],
        ),
        ("Police identified the victim as a local man.", []),  # who did what, not a finding
        ("The mayor challenged the ruling in court.", []),
    ],
)
def test_a_document_that_identifies_details_or_challenges(one, text, expected):
    """A document's verb says what it finds even without "that" ("the audit identified
    14 cases"), also in a clause hung on it (", which detailed"); a person or a body doing
    the same acts rather than states."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry urged patience, citing economic challenges.",
        "The grant will pay for two new projects.",
        "Officials would not discuss the details.",
        "Agents seized phones and documents.",
    ],
)
def test_a_plural_noun_at_the_end_is_no_finding_verb(one, text):
    """"challenges", "projects", "details" and "documents" end many sentences as nouns; at the
    end they attribute only with a document before them."""
    cues = [a.cue.text.lower() for a in one(text).attributions]
    assert not {"challenges", "projects", "details", "documents"} & set(cues)


@pytest.mark.parametrize(
    "text",
    [
        "These charges underscore the department's commitment to justice.",
        "The forfeiture action demonstrates that no one is beyond reach.",
        "The vessels attempted to land on the reef and warned them away.",
        "The report highlights the nation's resolve and underscores the importance of drills.",
    ],
)
def test_a_described_source_must_be_someone(one, text):
    """A verb that reports only when someone does it ("underscore", "demonstrates",
    "warned") gives no source when its subject names no one."""
    assert [k for k in kinds(one(text)) if k[1] == "described"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The chef said the kitchen had closed.", [("The chef", "described")]),
        ("The opposition argued that the vote was rigged.", [("The opposition", "described")]),
        ("Local fishermen warned that stocks were falling.", [("Local fishermen", "described")]),
        ("The 45-year-old warned that rents would rise.", [("The 45-year-old", "described")]),
        ("Dozens of residents warned of flooding.", [("Dozens of residents", "described")]),
        ("Rebels claimed the town had fallen.", [("Rebels", "described")]),
        ("The judge warned that delays would follow.", [("The judge", "described")]),
    ],
)
def test_people_and_bodies_stay_sources(one, text, expected):
    """A plain verb of saying is trusted with any subject; with other verbs a role, a body,
    a noun for people by what they do ("fishermen"), an age or a count of people is someone."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Patel, 52, says demand has doubled.", [("Patel", "person")]),
        ("Mary Jones, 52, tells VOA she has lived there all her life.", [("Mary Jones", "person")]),
        (
            "Dr. Anita Patel, who leads the clinic, warns that demand has doubled.",
            [("Dr. Anita Patel", "person")],
        ),
    ],
)
def test_a_name_before_a_part_set_off_by_commas_speaks(one, text, expected):
    """'says', 'tells' and 'warns' are also nouns, so they need someone before them; an age
    or a clause set off by commas between a name and the verb leaves the name the subject."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Nobody said the plan would work.", "Everyone says the election was fair."],
)
def test_no_one_is_no_source(one, text):
    assert kinds(one(text)) == []


def test_a_pronoun_never_points_at_no_one(one):
    """'Nobody' inside the quotation is not remembered as the person 'she' stands for."""
    found = one("“Nobody tells us anything,” she said.").attributions
    assert [(a.refers_to, a.kind) for a in found] == [(None, "person")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The GAO report also said oversight was weak.", [("The GAO report", "document")]),
        (
            "A 2023 study published in Nature suggested the virus came from bats.",
            [("A 2023 study published in Nature", "document")],
        ),
        (
            "These statistics come from the Current Population Survey.",
            [("the Current Population Survey", "document")],
        ),
    ],
)
def test_a_document_noun_before_an_adverb_and_what_comes_from_where(one, text, expected):
    """'report' before 'also said' is the subject's noun; 'came from' names a source only
    when the noun right before it is a finding ('statistics'), not 'the virus'."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Petrov noted that both armies were rebuilding. In his view, the fighting would "
            "resume in the spring.",
            [("Petrov", "person")],
        ),
        ("Ann Silva spoke first. According to her, the plan failed.", [("Ann Silva", "person")]),
        ("John Doe spoke next. According to him, the talks collapsed.", [("John Doe", "person")]),
        ("John Doe spoke next. In Doe's words, the plan was dead.", [("Doe", "person")]),
        ("In the senator's view, the bill would fail.", [("the senator", "described")]),
    ],
)
def test_in_ones_view_and_according_to_a_pronoun(rules, text, expected):
    """'In his view' and 'according to her' give what follows to the person the pronoun
    stands for, as 'he said' does; 'In Doe's words' to Doe."""
    last = analyze_text(text, rules).sentences[-1]
    assert [
        (a.refers_to or a.source.text, a.kind) for a in last.attributions
    ] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kremlin spokesman Dmitry Peskov dismissed the claims.",
            [("Kremlin spokesman Dmitry Peskov", "person")],
        ),
        ("Moscow dismissed the report as propaganda.", [("Moscow", "organisation")]),
        ("The company dismissed 200 workers.", []),
        ("The judge dismissed the charges against him.", []),
    ],
)
def test_dismissing_a_claim_is_a_claim(one, text, expected):
    """Dismissing a claim says it is wrong; dismissing workers, or charges in court, is an
    act."""
    assert kinds(one(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rubio spoke first. A senior official later said the deal was close. He added that "
            "details remained.",
            ("A senior official", "described"),
        ),
        ("One witness said the car sped away. She said it was red.", ("One witness", "described")),
        (
            "Rubio spoke first. Officials said the road was closed. He added that repairs were "
            "under way.",
            ("Rubio", "person"),
        ),
    ],
)
def test_he_or_she_after_one_person_described(rules, text, expected):
    """'He' or 'she' can stand for one person the text describes without a name ("A senior
    official ... He added"); a plural ("Officials") is 'they'."""
    last = analyze_text(text, rules).sentences[-1]
    assert [(a.refers_to, a.kind) for a in last.attributions] == [expected]


def test_an_opening_participle_clause_is_no_name(rules):
    """'Asked whether ..., Shah paused.': the person 'he' then means is Shah, not 'Asked'."""
    report = analyze_text(
        "Ahmad Shah is a former official. Asked whether the deal would survive, Shah paused. "
        "“I hope so,” he said.",
        rules,
    )
    assert [(a.refers_to, a.kind) for a in report.sentences[-1].attributions] == [
        ("Shah", "person")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "One official, who declined to be identified, said the order had come from the top.",
            [("One official", "anonymous")],
        ),
        ("The estimates come from the U.N. refugee agency.", [("the U.N. refugee agency",
                                                              "described")]),
    ],
)
def test_only_findings_come_from_a_source(one, text, expected):
    """'come from' names a source for figures, data or estimates, not for an order."""
    assert kinds(one(text)) == expected
