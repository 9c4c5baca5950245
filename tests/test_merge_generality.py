"""Merge generality on invented sentences in styles the seeds do not have: wire
datelines, legal notices, attribution phrases, number words, paraphrased counts,
organizations as speakers and entities."""

from __future__ import annotations

from factsheet.editorial import Editorial
from factsheet.merge import merge
from factsheet.merge.classify import commentary_score, is_furniture, strip_dateline
from tests.test_merge_units import record


def sheet_of(*records):
    return merge(tuple(records), Editorial()).sheet


def claim_with(sheet, words: str):
    (c,) = [c for c in sheet.claims if words in c.text]
    return c


# ------------------------------------------------------------ datelines, hedges, commentary

def test_dateline_is_not_an_opinion_cue():
    lead = "An avalanche at the Kestrel Pass ski area buried nine skiers on Saturday."
    for dateline in ("BRENNHOLT, May 18 — ", "BRENNHOLT, Norway, May 18 (Alpine Wire) — ", "ST. ANSELM - "):
        assert commentary_score(dateline + lead) == commentary_score(lead) == 0.0
        assert strip_dateline(dateline + lead) == lead
    assert commentary_score("The ski lifts reopen on May 20 after checks.") == 0.0
    assert commentary_score("Snowfall may rise, and frankly the resort should have closed.") >= 1.5


def test_passive_reporting_verb_is_not_attribution():
    # "asked"/"told" in the passive attribute nothing: the opinion cues still count
    assert commentary_score("It is hard not to wonder how long skiers will be asked to wait.") >= 1.5
    assert commentary_score("Guests were told to leave the lodge.") == 0.0


def test_lone_hedge_or_dateline_lead_alone_in_its_paragraph_stays_a_fact():
    wire = record("alpine-wire", [
        "BRENNHOLT, May 18 — An avalanche at the Kestrel Pass ski area buried nine skiers on Saturday.",
        "Rescuers said the number of injured could rise as the search continues overnight.",
        "The resort said all lifts would stay closed until the slopes were checked.",
    ], date="2032-05-18")
    s = sheet_of(wire)
    assert claim_with(s, "buried nine skiers").kind != "commentary"
    assert claim_with(s, "could rise").kind != "commentary"


def test_legal_notices_are_furniture_but_news_about_publishing_is_not():
    for notice in ("This material may not be published, broadcast, rewritten or redistributed.",
                   "No part of this dispatch may be reproduced or retransmitted without the written consent of the publisher.",
                   "This article cannot be republished without permission.",
                   "Copyright 2032 Alpine Wire, reuse subject to licence."):
        assert is_furniture(notice, "paragraph"), notice
    for news in ("The court said the inquiry report may not be published until June.",
                 "The resort's safety plan was rewritten twice after the 2029 avalanche."):
        assert not is_furniture(news, "paragraph"), news


# ------------------------------------------------------------ number words, counts of people

def test_number_words_and_people_counts():
    from factsheet.merge.numbers import extract_numbers
    (a,) = extract_numbers("Twenty-two of the 40 cabins were buried.")[:1]
    assert (a.text, a.low) == ("Twenty-two", 22.0)
    (b,) = extract_numbers("Two hundred skiers were stranded.")
    (c,) = extract_numbers("Rescuers found 200 guests in the lodge.")
    assert b.low == c.low == 200 and b.unit == c.unit == "person" and b.unit_text == "skiers"
    (hundreds,) = extract_numbers("Hundreds of residents fled.")  # a hedge: at least 200
    assert (hundreds.low, hundreds.qualifier, hundreds.text) == (200, "at least", "Hundreds")


def test_count_in_words_and_digits_of_one_measure_is_a_discrepancy():
    s = sheet_of(
        record("mill-wire", ["A grain silo collapsed at the Orvik flour mill on Monday, injuring 14 workers, the police said."],
               date="2032-03-01"),
        record("orvik-daily", ["Fifteen people were hurt when a grain silo collapsed at the Orvik flour mill."],
               date="2032-03-02"),
    )
    (d,) = s.discrepancies
    values = sorted(v.value for v in d.values)
    assert values == ["14", "Fifteen"], values
    assert {src for v in d.values for src in v.sources} == {"mill-wire", "orvik-daily"}
    assert all(c.status == "disputed" for c in s.claims if set(c.discrepancies) & {d.id})


def test_same_exact_count_paraphrased_is_one_claim():
    s = sheet_of(
        record("mill-wire", ["About 1,200 residents living within two kilometres of the mill were told to stay indoors with their windows closed."]),
        record("orvik-daily", ["Around 1,200 people living near the mill were ordered to keep their windows shut."]),
    )
    facts = [c for c in s.claims if "1,200" in c.text]
    assert len(facts) == 1 and facts[0].support == 2


def test_same_speaker_same_deadline_is_one_claim_but_small_shared_counts_are_not():
    s = sheet_of(
        record("mill-wire", ["Mayor Ingrid Solberg said the mill road would stay closed until at least Friday.",
                             "Two inspectors from the safety agency arrived at the mill on Tuesday."]),
        record("orvik-daily", ["Mayor Ingrid Solberg said drivers would not be allowed on the mill road before Friday.",
                               "Two firefighters were treated for smoke inhalation at the scene."]),
    )
    assert len([c for c in s.claims if "Friday" in c.text]) == 1
    assert len([c for c in s.claims if c.text.startswith("Two")]) == 2


# ------------------------------------------------------------ organizations: aliases, kind, speakers

def test_company_short_name_is_an_alias_and_an_organization_and_a_speaker():
    s = sheet_of(
        record("mill-wire", [
            "A grain silo collapsed at the Orsa Milling plant in Vikhaven on Monday.",
            "Orsa Milling, the plant's owner, said in a statement it was \"working with the authorities to find the cause\".",
            "The plant is part of the Brekke Group and employs 300 people.",
        ]),
        record("orvik-daily", [
            "Orsa, which also runs two mills in the north, said the silo had been inspected in January.",
            "Twenty-two workers were on shift when the silo gave way, the police said.",
        ]),
    )
    (orsa,) = [e for e in s.entities if e.name == "Orsa Milling"]
    assert orsa.kind == "organization" and "Orsa" in orsa.aliases
    assert set(orsa.sources) == {"mill-wire", "orvik-daily"}
    (q,) = s.quotes
    assert q.speaker == "Orsa Milling" and q.text.startswith("working with the authorities")
    assert not [e for e in s.entities if e.name.lower().startswith("twenty")]
    assert [e.kind for e in s.entities if e.name == "Vikhaven"] in ([], ["place"])


# ------------------------------------------------------------ attribution carries little weight

def test_attribution_phrases_are_marked_and_do_not_group_unrelated_facts():
    from factsheet.merge.features import _without_attribution
    cases = {
        "The fire started at 4:10 p.m. in a shed, the regional fire service said.": "The fire started at 4:10 p.m. in a shed",
        "The fire service said there was no danger to drinking water.": "there was no danger to drinking water.",
        "Nine workers were hurt, according to the fire service.": "Nine workers were hurt .",
        "Orsa Milling, the plant's owner, said in a statement it was sorry.": "Orsa Milling, the plant's owner, said it was sorry.",
    }
    for text, bare in cases.items():
        out = _without_attribution(text)
        assert len(out) == len(text) and " ".join(out.split()) == bare
    s = sheet_of(
        record("depot-wire", ["The fire service said there was no danger to drinking water in Kolby.",
                              "The blaze started in a shed where paint thinners were kept, the regional fire service said."]),
        record("kolby-news", ["The smoke over the harbour was not toxic, according to the fire service.",
                              "The fire service told reporters the depot roof collapsed after midnight."]),
    )
    assert sorted(len(c.citations) for c in s.claims) == [1, 1, 1, 1]


# ------------------------------------------------------------ money in two currencies, head nouns

def test_one_transaction_in_two_currencies_is_one_claim_and_head_nouns_are_units():
    from factsheet.merge.numbers import extract_numbers
    (goals,) = extract_numbers("She scored 19 league goals.")
    (matches,) = extract_numbers("in 30 league matches")
    assert goals.unit != matches.unit
    s = sheet_of(
        record("court-wire", ["Pellar Motors has bought the Dunsk Arena from Hofer Leisure for €120m, the companies said."]),
        record("uk-sport", ["Hofer Leisure sold the Dunsk Arena to Pellar Motors in a £104m deal after months of talks."]),
    )
    assert [len(c.citations) for c in s.claims] == [2]
    assert not s.discrepancies  # euros and pounds are not rival values


def test_surname_speaker_is_the_person_and_sentence_opening_words_are_no_employers():
    s = sheet_of(
        record("club-wire", ["Harnby Rovers signed goalkeeper Mira Tollan from Oskar City on Monday.",
                             "\"I wanted to play every week,\" Tollan said.",
                             "Recruitment director Paul Venn said the club had tracked her for a year."]),
    )
    (mira,) = [e for e in s.entities if e.name == "Mira Tollan"]
    assert mira.kind == "person" and "Tollan" in mira.aliases
    (q,) = s.quotes
    assert q.speaker == "Mira Tollan"
    (paul,) = [e for e in s.entities if e.name == "Paul Venn"]
    assert [r.text for r in paul.roles] == ["Recruitment director"]
    assert not [e for e in s.entities if e.name == "Recruitment"]


def test_counts_of_people_measuring_different_things_are_no_discrepancy():
    s = sheet_of(
        record("quake-wire", ["Six people were killed and 40 were injured when the dam wall at Lorne gave way, Chief Ruth Amsel said.",
                              "Amsel said rescue teams had pulled 12 people from the flooded houses."], date="2032-04-02"),
        record("lorne-news", ["Eight people died and 40 were hurt when the dam wall at Lorne gave way."], date="2032-04-03"),
    )
    (d,) = s.discrepancies
    assert d.subject == "the number of people killed"
    assert sorted(v.value for v in d.values) == ["Eight", "Six"]


def test_lone_intensifier_is_a_fact_but_a_hedge_beside_opinion_is_commentary():
    import dataclasses
    r = record("blog", [
        "A massive rockfall closed the Kestrel Pass road for nine hours on Sunday.",
        "The detour is long, but it is probably a price worth paying.",
        "Frankly, the canton had no alternative.",
    ])
    # the last two sentences form one paragraph
    r = dataclasses.replace(r, sentences=(r.sentences[0], *(dataclasses.replace(x, paragraph=1) for x in r.sentences[1:])))
    s = sheet_of(r)
    assert commentary_score("The detour is long, but it is probably a price worth paying.") < 1
    assert claim_with(s, "massive rockfall").kind != "commentary"
    assert commentary_score("A massive rockfall closed the road.") < 1
    assert claim_with(s, "probably a price").kind == "commentary"


def test_plural_hedges_are_lower_bounds_shown_as_stated():
    from factsheet.merge.cluster import agree
    from factsheet.merge.numbers import extract_numbers
    (dozens,) = extract_numbers("Dozens of people were injured in the crush.")
    (thirty,) = extract_numbers("Thirty people were injured in the crush.")
    (nine,) = extract_numbers("Nine people were injured in the crush.")
    assert (dozens.text, dozens.unit, dozens.qualifier) == ("Dozens", "person", "at least")
    assert agree(dozens, thirty) and not agree(dozens, nine)
    assert extract_numbers("Tens of thousands of fans lined the route.") == ()
    assert extract_numbers("Revenue could reach hundreds of billions by 2030.")[0].is_year
