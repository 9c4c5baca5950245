"""Propositions and values, on invented sentences of the shapes news writing uses."""

from __future__ import annotations

import pytest

from factsheet.merge.extract import _count_noun, extract_record
from factsheet.merge.lexicon import Lexicon
from factsheet.merge.propositions import pieces_text, split_propositions, tokenize
from factsheet.merge.quantities import extract_quantities, same_value
from factsheet.parse import parse_article


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default()


def props(text: str, lex) -> list[tuple[str, str]]:
    toks = tokenize(text, lex.fold)
    out = []
    for span in split_propositions(toks, lex):
        subject = pieces_text(text, toks, [span.subject]) + " " if span.subject else ""
        out.append((span.role, subject + pieces_text(text, toks, span.pieces)))
    return out


def _opening(sentence: str, lex):
    """The one proposition of `sentence`, opening an article of two more sentences."""
    facts = _extracted(f"{sentence} Reporters from the Orvanto Courier visited the valley on Tuesday. Boats carried "
                       "families out.", lex)
    (prop,) = [p for p in facts.propositions if p.sentence == 0]
    return prop


def _concepts(sentence: str, lex) -> set[str]:
    return {k for k in dict(_opening(sentence, lex).features) if k.startswith("w:")}


def _extracted(body: str, lex):
    """The extraction of one article of `body` (no front matter), from the real parse stage."""
    return extract_record(parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record, lex)


def test_coordinated_clauses_subordinate_and_participle(lex):
    got = props("Two climbers died and nine were rescued after an avalanche struck the Velna glacier on Sunday, "
                "forcing the resort to close its upper lifts, the mountain police said.", lex)
    texts = [t for _, t in got]
    assert texts[0] == "Two climbers died"
    assert "nine were rescued" in texts
    assert any(t.startswith("an avalanche struck the Velna glacier") for t in texts)
    assert any(t.startswith("forcing the resort to close") for t in texts)
    assert not any("police said" in t for t in texts)  # the attribution is no proposition


@pytest.mark.parametrize("sentence,role,text", [
    pytest.param("The Orrin Transit Authority cancelled the night buses and promised refunds to ticket holders.",
                 "coordinate", "The Orrin Transit Authority promised refunds to ticket holders",
                 id="a-verb-phrase-borrows-the-subject"),
    pytest.param("Halvex, which makes ferry engines for three shipyards, employs about 900 people in Tarrow.",
                 "main", "Halvex employs about 900 people in Tarrow",
                 id="relative-clause-states-a-fact-of-its-antecedent"),
    pytest.param("Halvex, which makes ferry engines for three shipyards, employs about 900 people in Tarrow.",
                 "relative", "Halvex makes ferry engines for three shipyards",
                 id="relative-clause-states-a-fact-of-its-antecedent-2"),
    pytest.param("The recall covers 14 batches, about 1.2 million bottles in total, which have been on sale since May.",
                 "relative", "about 1.2 million bottles have been on sale since May",
                 id="a-relative-clauses-antecedent-is-a-noun-phrase-not-a-verb-or-an-adverbial"),
    pytest.param("The party also won six of the 11 council seats, which are held for four years.",
                 "relative", "six of the 11 council seats are held for four years",
                 id="a-relative-clauses-antecedent-is-a-noun-phrase-not-a-verb-or-an-adverbial-2"),
    pytest.param("Vance, 58, conceded on Wednesday and said he had phoned his rival.",
                 "coordinate", "Vance said he had phoned his rival",
                 id="a-verb-phrase-borrows-a-subject-parted-from-its-verb-by-an-apposition"),
    pytest.param("The ferry, which was built in 1998, has been sold and will be scrapped.",
                 "coordinate", "The ferry will be scrapped",
                 id="a-verb-phrase-borrows-a-subject-parted-from-its-verb-by-an-apposition-2"),
    pytest.param("Police arrested a man in Dunmore who had fled the scene.",
                 "relative", "a man in Dunmore had fled the scene",
                 id="a-relative-clause-after-a-place-is-about-the-thing-in-the-place"),
    pytest.param("It plans a third factory in Kessock that would create about 450 jobs.",
                 "relative", "a third factory in Kessock would create about 450 jobs",
                 id="a-relative-clause-after-a-place-is-about-the-thing-in-the-place-2"),
    pytest.param("The thieves took nine objects and then fled on two scooters.",
                 "coordinate", "The thieves then fled on two scooters",
                 id="a-verb-phrase-after-and-then-borrows-the-subject"),
    pytest.param("Rock slid from the north face shortly after 10.20am on Wednesday, burying a workshop.",
                 "main", "Rock slid from the north face shortly after 10.20am on Wednesday",
                 id="am-after-a-time-is-no-verb"),
])
def test_a_proposition_reads_with_the_words_it_is_about(sentence, role, text, lex):
    got = props(sentence, lex)
    assert (role, text) in got, got


def test_a_possessive_whose_noun_is_left_out_does_not_read_alone(lex):
    body = ("Velder shares jumped 24% in early trading, while Ostrand's fell 3.2%. Ostrand's shares fell 3.2% on Monday. "
            "Ostrand's agreed takeover of Velder pays a premium.")
    facts = _extracted(body, lex)
    alone = {p.text: p.standalone for p in facts.propositions}
    assert alone["Ostrand's fell 3.2%."] is False, alone  # Ostrand's what?
    assert alone["Ostrand's shares fell 3.2% on Monday."] is True, alone
    assert alone["Ostrand's agreed takeover of Velder pays a premium."] is True, alone


def test_an_absolute_with_phrase_reads_as_the_sentence_it_stands_for(lex):
    body = ("A deckhand was killed and 14 people were taken to hospital after fire broke out aboard a ferry off "
            "Tarrow on Tuesday, with more than 330 people forced to abandon ship in life rafts. "
            "With the deal approved, Ostrand will close the purchase in May.")
    facts = _extracted(body, lex)
    texts = {p.text for p in facts.propositions}
    assert "More than 330 people were forced to abandon ship in life rafts." in texts, texts
    assert not any(t.startswith("The deal was approved") for t in texts), texts  # a clause goes on after it


def test_lists_and_names_are_never_split(lex):
    got = props("Inspectors from the Marine and Coastal Safety Board, the port authority and two insurers "
                "examined the hull.", lex)
    assert len(got) == 1


def test_a_second_object_ending_in_a_plural_noun_is_no_clause(lex):
    got = props("The council is offering residents credit monitoring and identity protection services for two years.", lex)
    assert len(got) == 1, got
    got = props("The road was closed on Monday and the tunnel closes for 18 months.", lex)
    assert [text for _, text in got] == ["The road was closed on Monday", "the tunnel closes for 18 months"]


def test_numbers_in_a_list_or_a_date_are_no_apposition(lex):
    assert not any(role == "apposition" for role, _ in props(
        "Drivers walked out at dawn, closing tram Lines 1, 2 and 3 across the city.", lex))
    assert not any(role == "apposition" for role, _ in props("The depot opened on June 3, 2025, with 300 staff.", lex))
    assert any(role == "apposition" for role, _ in props("The quake struck at 03:12, 22 kilometres from Orvel.", lex))


def test_an_apposition_with_a_value_is_a_proposition(lex):
    got = props("The buyer will pay $12.40 a share, a 31% premium to Monday's close, the firms said.", lex)
    assert ("apposition", "$12.40 a share a 31% premium to Monday's close") in got


def test_a_quoted_phrase_stays_in_its_clause(lex):
    got = props('Officials say "about 180,000" patients are affected.', lex)
    assert got == [("main", 'Officials say "about 180,000" patients are affected')]


def test_reported_clause_after_but_said_is_content(lex):
    got = props("The council declined to name the contractor but said it would not renew the lease.", lex)
    assert any(role == "coordinate" and "would not renew the lease" in text for role, text in got)


@pytest.mark.parametrize("a,b", [
    ("48 hours", "two days"), ("24 months", "two years"), ("118-metre", "387-foot"),
    ("$2.1bn", "2.1 billion dollars"), ("8 degrees Celsius", "46F"), ("nearly 250,000", "240,112"),
    ("more than 300 people", "312 people"), ("27%", "27 per cent"), ("2:03:11", "two hours, three minutes and 11 seconds"),
    ("a magnitude 6.4 earthquake", "a 6.4-magnitude quake"), ("a magnitude of 5.1", "5.1 on the Richter scale"),
    ("1,2 million bottles", "1.2m bottles"), ("180 000 bottles", "180,000 bottles"),
])
def test_values_that_agree(a, b, lex):
    (qa,), (qb,) = extract_quantities(a, _count_noun(lex)), extract_quantities(b, _count_noun(lex))
    assert same_value(qa, qb) and same_value(qb, qa), (qa, qb)


@pytest.mark.parametrize("a,b", [
    ("14 people", "19 people"), ("2:03:11", "2:03:12"), ("$4.5 million", "$4.2 million"), ("7:30 a.m.", "8 a.m."),
    ("48 hours", "three to four days"), ("up to 600 jobs", "180 jobs"), ("about 180,000", "240,112"),
    ("a magnitude 6.4 earthquake", "magnitude 6.2"), ("$14.50 per Brennock share", "$14.25 a share"),
])
def test_values_that_differ(a, b, lex):
    (qa,), (qb,) = extract_quantities(a, _count_noun(lex)), extract_quantities(b, _count_noun(lex))
    assert not same_value(qa, qb), (qa, qb)


@pytest.mark.parametrize("text,low,high,unit", [
    ("It will spend between 4 and 5 billion dollars.", 4e9, 5e9, "USD"), ("It will cost 2 to 3 million euros.", 2e6, 3e6, "EUR"),
    ("It costs between five and six million pounds.", 5e6, 6e6, "GBP"), ("It is worth 2.4 billion dollars.", 2.4e9, 2.4e9, "USD"),
])
def test_a_range_of_money_whose_scale_and_currency_are_said_once(text, low, high, unit, lex):
    (q,) = extract_quantities(text, _count_noun(lex))
    assert (q.kind, q.low, q.high, q.unit) == ("money", low, high, unit)


def test_parts_deltas_and_rates(lex):
    qs = extract_quantities("Of the 19 injured, four were crew, and the winner finished 47 seconds clear "
                            "at 2:58 per kilometre.", _count_noun(lex))
    by_value = {q.low: q for q in qs}
    assert by_value[19].reference and not by_value[19].part  # the group a part is taken from
    assert by_value[4].part  # four of them: a part, no rival of the 19
    assert by_value[47].delta  # a margin, not a time
    assert by_value[178].kind == "duration" and by_value[178].rate == "kilometre"  # a pace


def test_a_stretch_of_a_course_or_a_span_of_time_is_a_part(lex):
    qs = extract_quantities("She led for the last seven kilometres and the first two hours, and broke clear at 35 km "
                            "after 90 minutes.", _count_noun(lex))
    by_text = {q.text: q for q in qs}
    assert by_text["seven kilometres"].part and by_text["two hours"].part  # a stretch, no rival of a position
    assert not by_text["35 km"].part and not by_text["90 minutes"].part


def test_a_bare_count_set_against_the_count_just_stated_counts_the_same_noun(lex):
    qs = extract_quantities("The count rose to 51,400 voters, far above the roughly 40,000 expected, and 3 were turned "
                            "away.", _count_noun(lex))
    by_value = {q.low: q for q in qs}
    assert by_value[40000].unit == by_value[51400].unit == "vote"  # a voter is counted as a vote
    assert by_value[3].unit == ""  # not set against the other: nothing says what it counts


def test_a_k_after_at_is_a_point_on_a_course_in_kilometres(lex):
    (mark,) = extract_quantities("Ostrava pulls clear at 25K and nobody follows.", _count_noun(lex))
    (kms,) = extract_quantities("Ostrava pulled clear at 25 kilometres.", _count_noun(lex))
    assert (mark.kind, mark.low, mark.unit) == ("distance", 25000, "m") and mark.key == kms.key
    (price,) = extract_quantities("The medal sold at $25K.", _count_noun(lex))
    assert price.kind == "money"


def test_a_percentage_moved_by_a_verb_of_change_is_a_rise_or_a_fall_not_a_level(lex):
    from factsheet.merge.extract import _with_contexts

    text = ("Velder shares jumped 24% and Ostrand's closed down 4.1%, a day after a 27% premium was offered; "
            "unemployment rose to 5.2%.")
    qs = _with_contexts(extract_quantities(text, _count_noun(lex)), tokenize(text, lex.fold), lex)
    change = {q.text: q.change for q in qs if q.kind == "percent"}
    assert change == {"24%": "up", "4.1%": "down", "27%": "", "5.2%": ""}, change


def test_a_day_that_owns_a_noun_is_referred_to_not_stated(lex):
    qs = extract_quantities("The offer, announced on Monday, is a 27% premium to Friday's close.", _count_noun(lex))
    by_text = {q.text: q for q in qs}
    assert by_text["Friday"].reference and not by_text["Monday"].reference


def test_what_a_value_measures_is_read_within_its_own_clause(lex):
    from factsheet.merge.extract import _with_contexts

    text = "Tarus ran 2:03:11, a negative split of 29 seconds."
    qs = _with_contexts(extract_quantities(text, _count_noun(lex)), tokenize(text, lex.fold), lex)
    context = {q.text: set(q.context) for q in qs}
    assert "split" not in context["2:03:11"] and "run" in context["2:03:11"], context
    assert "split" in context["29 seconds"], context


def test_a_value_measures_the_noun_it_is_of_or_stands_before(lex):
    from factsheet.merge.extract import _with_contexts

    text = ("Ostrand expects annual cost savings of $140 million, and a $1.6 billion bridge facility will "
            "finance the deal, a 27% premium.")
    qs = _with_contexts(extract_quantities(text, _count_noun(lex)), tokenize(text, lex.fold), lex)
    context = {q.text: set(q.context) for q in qs}
    assert "price" not in context["$140 million"], context  # savings, not a cost
    assert context["$1.6 billion"] == set(lex.word("facility").concepts), context  # the facility, not the bridge
    assert context["27%"] == {"premium"}, context


def test_a_value_ends_at_its_last_word(lex):
    (q,) = [q for q in extract_quantities("It started with the temperature at 46 degrees and no wind.", _count_noun(lex))
            if q.kind == "temperature"]
    assert q.text == "46 degrees"


def test_a_value_set_against_the_stated_one_is_no_rival(lex):
    qs = extract_quantities("Patients will get 24 months of monitoring, not the single year first announced, "
                            "and the toll rose to 19, up from 14 on Monday.", _count_noun(lex))
    by_text = {q.text: q for q in qs}
    assert by_text["single year"].reference and not by_text["24 months"].reference
    assert by_text["14"].reference and not by_text["19"].reference
    assert not by_text["Monday"].reference


def test_a_figure_known_already_that_the_stated_one_is_set_against_is_referred_to(lex):
    qs = extract_quantities("Orvel shares closed at $12.40, just below the $12.75 offer, and 51,400 voters came, far "
                            "more than the roughly 40,000 expected; more than 300 stayed away.", _count_noun(lex))
    by_text = {q.text: q for q in qs}
    assert by_text["$12.75"].reference and not by_text["$12.40"].reference
    assert by_text["40,000"].reference and not by_text["51,400 voters"].reference
    assert not by_text["300"].reference  # the bound of "more than 300" is stated


def test_a_superseded_value_is_referred_to_not_stated(lex):
    qs = extract_quantities("Okafor ran 2:18:09, taking 40 seconds off the previous course record of 2:18:49. "
                            "Damage is now put at $52 million, against an earlier estimate of $40 million.", _count_noun(lex))
    by_text = {q.text: q for q in qs}
    assert by_text["2:18:49"].reference and not by_text["2:18:09"].reference
    assert by_text["$40 million"].reference and not by_text["$52 million"].reference


def test_a_year_that_labels_a_thing_is_no_date_and_a_few_hundred_is_vague(lex):
    qs = {q.text: q for q in extract_quantities("Runners in the 2026 race raised $2.1 million; the race was first "
                                                "run in 2006.", _count_noun(lex))}
    assert qs["2026"].reference and not qs["2006"].reference
    (q,) = extract_quantities("He took a bottle a few hundred metres before the station.", _count_noun(lex))
    assert (q.low, q.high) == (200, 900) and not q.exact
    assert not same_value(q, extract_quantities("He took a bottle 100 metres before it.", _count_noun(lex))[0])
    (q,) = extract_quantities("He took a bottle a hundred metres before the station.", _count_noun(lex))
    assert (q.low, q.high) == (100, 100)


def test_a_quarter_of_the_year_is_one_value_however_written(lex):
    def quarters(text):
        return [(q.kind, q.low) for q in extract_quantities(text, _count_noun(lex)) if q.kind == "quarter"]

    assert quarters("The deal should close in the fourth quarter.") == [("quarter", 4)]
    assert quarters("Closing is targeted for Q4 2027.") == [("quarter", 4)]
    assert quarters("Third-quarter sales fell.") == [("quarter", 3)]
    assert quarters("A quarter of a million people marched.") == []


def test_a_conjunction_after_a_count_is_not_what_it_counts(lex):
    (q,) = extract_quantities("The trust has had to cut 31 jobs because of the fraud.", _count_noun(lex))
    assert q.text == "31 jobs" and q.unit == lex.word("jobs").concepts[0]


def test_a_name_after_a_count_is_not_what_it_counts(lex):
    (q,) = extract_quantities("That is well above the 180,000 Vorsandt cited in March.", _count_noun(lex))
    assert q.unit == ""
    (q,) = extract_quantities("Nearly 250,000 Orvelmark patients had their data taken.", _count_noun(lex))
    assert q.unit == lex.word("patients").concepts[0]


def test_two_amounts_joined_by_and_are_no_range(lex):
    qs = extract_quantities("He was fined £12,000 and ordered to pay £8,500 in costs.", _count_noun(lex))
    assert [(q.text, q.low, q.high) for q in qs] == [("£12,000", 12000, 12000), ("£8,500", 8500, 8500)]
    (span,) = extract_quantities("It will invest between $1 billion and $5 billion.", _count_noun(lex))
    assert (span.low, span.high) == (1e9, 5e9)


def test_a_margin_is_a_difference_not_a_figure(lex):
    (margin,) = extract_quantities("She unseated the mayor, defeating him by 1,912 votes.", _count_noun(lex))
    assert margin.delta
    (crew,) = extract_quantities("The fire was put out by 14 firefighters.", _count_noun(lex))
    assert not crew.delta


def test_a_live_reports_timestamp_is_a_time_of_day_not_minutes_and_seconds(lex):
    for text in ("UPDATE (Thursday 5 March, 10:30) The pier has reopened.", "Update, 5 March 2031, 16:45 - The pier has reopened."):
        (stamp,) = [q for q in extract_quantities(text, _count_noun(lex)) if ":" in q.text]
        assert stamp.kind == "clock", (text, stamp)
    (split,) = [q for q in extract_quantities("She ran the second half in 15:30.", _count_noun(lex)) if ":" in q.text]
    assert split.kind == "duration"


def test_a_speed_is_a_distance_an_hour_and_bare_degrees_may_be_either_scale(lex):
    def one(text):
        (q,) = [q for q in extract_quantities(text, _count_noun(lex)) if q.kind in ("distance", "temperature")]
        return q

    gust = one("Winds gusted to 70 km/h.")
    assert (gust.kind, gust.low, gust.rate) == ("distance", 70000, "hour") and gust.rate != one("The fire is 70 km away.").rate
    assert one("Gusts reached 45 mph.").rate == "hour"
    assert same_value(one("It was 39 degrees at noon."), one("It was 102 degrees at noon."))  # 39 C is 102 F
    assert not same_value(one("It was 39 degrees at noon."), one("It was 41 degrees at noon."))


def test_a_measure_converted_and_rounded_agrees_with_the_original(lex):
    def one(text):
        (q,) = [q for q in extract_quantities(text, _count_noun(lex)) if q.kind == "distance"]
        return q

    assert same_value(one("Gusts reached 70 km/h."), one("Gusts reached 43 mph."))  # 43.5 mph is 70 km/h
    assert same_value(one("The epicentre was 10 km deep."), one("The epicentre was 6 miles deep."))
    assert not same_value(one("The epicentre was 14 km deep."), one("The epicentre was 6 miles deep."))
    assert not same_value(one("The tailback was 32 km long."), one("The tailback was 35 km long."))


def test_a_time_of_day_in_words(lex):
    def clock(text):
        return [(q.kind, q.low) for q in extract_quantities(text, _count_noun(lex)) if q.kind == "clock"]

    assert clock("At ten past two on Sunday the pumps failed.") == [("clock", 130)]
    assert clock("Power was back by twenty to eight in the evening.") == clock("Power was back at 19:40.")
    assert clock("The count had fallen from ten to five.") == []


def test_times_keep_their_relation(lex):
    (q,) = [q for q in extract_quantities("Services stay suspended until Thursday.", _count_noun(lex))]
    assert q.kind == "weekday" and q.relation == "until"


@pytest.mark.parametrize("sentence, words, negated", [
    ("The water board did not open an investigation into the failure.", "investigation", True),
    ("Officials found no evidence that the gates had been tampered with.", "evidence", True),
    ("It was 8C and overcast with almost no wind at the start of the race.", "overcast", False),
    ("The levy is of no value to farmers downstream, the council said.", "levy", False),
    ("This is not just a flood for the families of the valley.", "flood", False),
    ("The spillway, which had never been tested, failed on Monday.", "failed", False),
    ("The board apologised, adding that it had found no evidence of sabotage.", "evidence", True),
    ("Tenants will get 18 months of rent relief, not the single year promised in May.", "relief", False),
    ("The depot reopens on Friday, not Thursday.", "reopens", False),
    ("The depot will not reopen on Friday.", "reopen", True),
    ("Police said there was nothing to suggest the fire had been started deliberately.", "fire", True),
    ("The two night porters were unhurt.", "porters", True),
    ("An unnamed official confirmed the closure of the depot.", "closure", False),
])
def test_a_negation_denies_only_its_own_clause(sentence, words, negated, lex):
    body = f"{sentence} Reporters from the Orvanto Courier visited the valley on Tuesday. Boats carried families out."
    record = parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record
    facts = extract_record(record, lex)
    (prop,) = [p for p in facts.propositions if p.sentence == 0 and words in p.text]
    assert prop.negated is negated, prop.text


def test_a_change_states_its_new_figure_and_phone_numbers_are_no_values(lex):
    qs = extract_quantities("The recall was extended from 12 to 14 batches; call 0800 300 600 or 1-888-555-0142.",
                            _count_noun(lex))
    by_text = {q.text: q for q in qs}
    assert by_text["12"].reference and not by_text["14 batches"].reference
    assert set(by_text) == {"12", "14 batches"}
    (span,) = extract_quantities("Between 300 and 350 people will work there.", _count_noun(lex))
    assert (span.low, span.high) == (300, 350)  # a range, not a change


def test_a_coordinated_verb_phrase_borrows_subject_and_auxiliary(lex):
    got = props("The Taiwan-based giant will co-design and develop server racks with its partner.", lex)
    assert ("coordinate", "The Taiwan-based giant will develop server racks with its partner") in got
    got = props("The committee met on Monday and approved the budget.", lex)
    assert ("coordinate", "The committee approved the budget") in got
    assert props("He bought bread and butter at the market.", lex) == [("main", "He bought bread and butter at the market")]
    assert props("OpenAI worked with Oracle and SoftBank this year on plans to invest.", lex)[0][1].endswith("to invest")


def test_a_verb_phrase_with_its_own_auxiliary_borrows_only_the_subject(lex):
    got = props("The utility has informed the regional regulator and is sending letters to customers.", lex)
    assert ("coordinate", "The utility is sending letters to customers") in got
    got = props("The museum is working with the police and asks anyone with information to call.", lex)
    assert ("coordinate", "The museum asks anyone with information to call") in got


def test_a_reported_clause_may_open_with_two_joined_subjects(lex):
    """"The coastguard said 298 passengers and 24 crew had been on board": the speaker is
    an attribution (no feature of the proposition); the "and" joins two subjects."""
    body = ("The harbour police said 41 passengers and six crew were on board. Reporters from the Orvanto "
            "Courier visited the quay on Tuesday. Boats carried families out.")
    record = parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record
    (prop,) = [p for p in extract_record(record, lex).propositions if p.sentence == 0]
    keys = {k for k, _ in prop.features}
    assert "w:police" not in keys and "w:harbour" not in keys
    assert {"w:passenger", "w:crew"} <= keys
    got = props("Vesna signed a contract until 2036 and will wear the number nine shirt.", lex)
    assert ("coordinate", "Vesna will wear the number nine shirt") in got  # "2036 and will" joins no subjects


def test_a_reporting_verb_with_an_object_states_content(lex):
    """"The company reported a loss of $4 million" states the loss; "the council
    confirmed on Monday" and "the drugmaker announced Monday" only say who said it."""
    assert props("The Orvel company reported a loss of $4 million, with revenue down 12%.", lex)[0] == (
        "main", "The Orvel company reported a loss of $4 million, with revenue down 12%")
    assert props("The bridge will reopen on Friday, the council confirmed on Monday.", lex) == [
        ("main", "The bridge will reopen on Friday")]
    assert props("The vaccine prevented 71 percent of infections, the drugmaker announced Monday.", lex) == [
        ("main", "The vaccine prevented 71 percent of infections")]


def test_a_condition_asserts_nothing_and_a_gerund_object_is_no_clause(lex):
    got = props("If your child has had the tonic in the last day and you are not sure which batch it came "
                "from, ring the helpline on Monday.", lex)
    assert len(got) == 1 and got[0][1].startswith("If your child has had the tonic")
    assert props("Owners should stop using the heaters and return them to the shop.", lex)[0] == (
        "main", "Owners should stop using the heaters")
    assert ("participle", "using a sledgehammer") in props("The thieves smashed two cases using a sledgehammer.", lex)


def test_an_un_participle_after_a_verb_of_state_denies_the_participle(lex):
    body = ("The two night porters were unhurt. The two night porters were not hurt. An unnamed porter spoke "
            "to the Orvanto Courier. Boats carried families out.")
    record = parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record
    by_sentence = {p.sentence: p for p in extract_record(record, lex).propositions}
    assert by_sentence[0].negated and by_sentence[1].negated
    assert dict(by_sentence[0].features).keys() == dict(by_sentence[1].features).keys()
    assert not by_sentence[2].negated


def test_the_event_is_the_main_verb_not_a_relative_clauses(lex):
    body = ("Ivo Brenn, a 58-year-old tenant who was treated at the Orvel clinic in 2024, filed a lawsuit on Tuesday. "
            "Reporters from the Orvanto Courier visited the valley on Tuesday. Boats carried families out.")
    record = parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record
    (prop,) = [p for p in extract_record(record, lex).propositions if p.sentence == 0 and "lawsuit" in p.text]
    assert prop.predicate == ("w:sue",), prop.predicate  # "filed a lawsuit": the noun phrase says what happened


def test_what_a_passive_light_verb_did_is_its_subject(lex):
    prop = _opening("A proposed class action was filed on Tuesday in Orvel District Court.", lex)
    assert prop.predicate == ("w:sue",), prop.predicate  # what was filed, not where


def test_whom_a_statement_was_told_is_part_of_the_attribution(lex):
    body = ("Orvel chief Ida Brenn told K7 News the storage business is the bottleneck of the grid. "
            "Reporters from the Orvanto Courier visited the valley on Tuesday. Boats carried families out.")
    record = parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record
    (prop,) = [p for p in extract_record(record, lex).propositions if p.sentence == 0]
    keys = {k for k, _ in prop.features}
    assert "w:bottleneck" in keys and not keys & {"w:news", "n:k7", "w:k"}, keys


def test_whom_a_speaker_who_acted_told_is_no_part_of_what_was_said(lex):
    keys = set(dict(_opening("Orvel Water told regulators it had found no sign of contamination.", lex).features))
    assert "w:regulator" not in keys and "n:orvel" in keys  # the speaker did it; the audience is no content


def test_said_with_an_object_states_it(lex):
    """"has said sorry" states an apology; ", said a spokesman" only says who spoke."""
    got = props("The Orvel ferry chief, Ida Brenn, has said sorry and promised full cooperation.", lex)
    assert any("said sorry" in text for _, text in got), got
    assert props("The bridge will reopen on Friday, said a spokesman for the council.", lex) == [
        ("main", "The bridge will reopen on Friday")]


def test_a_plural_noun_before_a_relative_that_is_no_verb(lex):
    # "houses" can be a verb, but not before "that most people live in"; "says that" is one
    got = props("The rule was never applied to the stone and clay-brick houses that most farmers in the hills live in.", lex)
    assert [r for r, _ in got] == ["main"], got
    got = props("The inquiry report says that the valve was never tested.", lex)
    assert any("the valve was never tested" in t for _, t in got), got


def test_a_past_participle_after_the_subject_states_a_fact_of_its_own(lex):
    got = props("A proposed class action filed on Tuesday in the district court accuses the Orvik council of negligence.", lex)
    assert ("main", "A proposed class action accuses the Orvik council of negligence") in got, got
    assert ("relative", "A proposed class action filed on Tuesday in the district court") in got, got
    got = props("The two paintings stolen in 1990 were found in a barn near Orvik.", lex)
    assert ("relative", "The two paintings stolen in 1990") in got, got
    # a reporting verb, a clause after a comma, a time of day: no participle clause
    for text in ("The company reported on Monday that profits rose.",
                 "The earthquake struck at 3.12am local time near the village.",
                 "The ferry sailed at noon, and the storm hit an hour later."):
        assert not [t for r, t in props(text, lex) if r == "relative"], props(text, lex)


def test_a_verb_only_concept_member_leaves_the_noun_alone(lex):
    assert lex.word("dammed").concepts == lex.word("blocked").concepts
    assert lex.word("dam").concepts != lex.word("blocked").concepts  # "the dam failed"


def test_no_evidence_of_misuse_and_no_indication_of_use_for_fraud_share_their_concepts(lex):
    a = _concepts("The council said it had found no evidence that the donations had been misused.", lex)
    b = _concepts("The council has no indication that any donation was used for fraud.", lex)
    assert {"w:evidence", "w:misuse"} <= a & b


def test_the_ways_news_says_people_were_made_to_leave_are_one_concept(lex):
    said = [_concepts(text, lex) for text in ("About 900 residents were told to leave.", "Police ordered 900 people out of "
                                               "Orvel.", "More than 900 people were forced from their homes.",
                                               "Officials evacuated 900 people.")]
    assert all("w:evacuate" in c for c in said), said


def test_writing_to_someone_is_a_letter_not_an_attribution(lex):
    assert "w:letter" in _concepts("The regulator said it had written to the council.", lex) & _concepts(
        "The regulator sent the council a stiff letter.", lex)


def test_ruling_out_is_a_denial(lex):
    assert _opening("Police have ruled out foul play.", lex).negated


def test_an_ing_noun_is_no_form_of_a_word_whose_frequency_is_another_parts_of_speech(lex):
    assert lex.word("evening").key == "evening"  # not "even", common as an adverb only
    assert lex.word("meeting").key == "meet" and lex.word("buildings").key == lex.word("building").key


def test_jumped_is_both_a_rise_and_a_crossing(lex):
    assert {"rise", "cross"} <= set(lex.word("jumped").concepts)  # "shares jumped 24%", "the fire jumped the river"
    assert "cross" in lex.word("crossed").concepts and "cross" not in lex.word("rose").concepts


def test_filed_is_lodged_not_a_file_of_data(lex):
    assert "lodge" in lex.word("filed").concepts and lex.word("filed").concepts[0] == lex.word("lodged").concepts[0]
    assert "data" not in lex.word("filed").concepts and "data" in lex.word("files").concepts


def test_a_dotted_abbreviation_is_one_word(lex):
    toks = tokenize("A suit was filed in U.S. District Court at 7 a.m. on Tuesday.", lex.fold)
    assert [t.text for t in toks][5:11] == ["U.S.", "District", "Court", "at", "7", "a.m."]
    suit = _opening("A suit was filed in U.S. District Court on Tuesday.", lex)
    assert [pl.text for pl in suit.places] == ["U.S. District Court"]
    assert not {"w:u", "w:s"} & set(dict(suit.features))


def test_a_verb_after_a_plural_noun_ends_what_a_count_counts(lex):
    def keys(text):
        return [q.key for q in extract_quantities(text, _count_noun(lex)) if q.kind == "count"]
    # "runners set off" counts runners (not a "set off"), "batches amount to" counts batches
    assert keys("More than 3,000 runners set off through the old town.")[0].split(":")[1] == \
        keys("A total of 3,120 runners started the race.")[0].split(":")[1]
    assert keys("The 9 batches amount to about 40,000 bottles.")[0].split(":")[1] == \
        keys("The firm recalled 9 batches.")[0].split(":")[1]
    assert keys("The 40 car parks close at night.")[0].split(":")[1] == keys("There are 40 car parks.")[0].split(":")[1]


def test_a_number_word_opening_a_clause_before_its_verb_is_a_count(lex):
    def counts(text):
        return [(q.low, q.unit) for q in extract_quantities(text, _count_noun(lex)) if q.kind == "count"]
    assert counts("Two were recovered alive.") == [(2.0, "")]
    assert counts("Four miners died, two were rescued and one remains missing.")[1:] == [(2.0, ""), (1.0, "")]
    assert counts("He said one was enough.") == []  # not opening a clause


def test_hearsay_and_what_a_coordinated_verb_group_continues(lex):
    got = dict((t, r) for r, t in props("We're told he is 41 and has been taken to the Orvik infirmary.", lex))
    assert "he has been taken to the Orvik infirmary" in got, got  # not "We're has been taken"
    got = [t for _, t in props("Police said the coast road was closed and will reopen on Monday.", lex)]
    assert "the coast road will reopen on Monday" in got, got
    got = [t for _, t in props("The union said up to 600 jobs could be lost, and called for guarantees for staff.", lex)]
    assert "The union called for guarantees for staff" in got, got


def test_a_reporting_verb_in_the_progressive_is_an_attribution(lex):
    from factsheet.merge.propositions import _Verbs, _leading_attribution

    text = "Harbour police are now saying the coast road will reopen on Monday."
    toks = tokenize(text, lex.fold)
    said = _leading_attribution(toks, 0, len(toks), lex, _Verbs(lex))
    assert said is not None and pieces_text(text, toks, [said]) == "Harbour police are now saying"


def test_a_second_reported_clause_after_and_that_is_what_the_speaker_said(lex):
    got = [t for _, t in props("The council said it would not appeal the ruling, and that the pool would reopen on "
                               "Monday.", lex)]
    assert "The council said the pool would reopen on Monday" in got, got
    got = [t for _, t in props('Mayor Ida Brenn said in a statement that she was "deeply sorry" and that the '
                               'review would be public.', lex)]
    assert "Mayor Ida Brenn said in a statement the review would be public" in got, got


def test_a_verb_phrase_after_a_reporting_participle_goes_on_with_what_was_said(lex):
    got = [t for _, t in props("The union blamed cost cuts, saying the council had closed two depots and sold "
                               "the land to Orvel Homes.", lex)]
    assert "the council had sold the land to Orvel Homes" in got, got


def test_two_sums_joined_by_plus_are_two_propositions_with_the_verb(lex):
    got = [t for _, t in props("The winner takes home $20,000 plus a $5,000 bonus for the record.", lex)]
    assert got == ["The winner takes home $20,000", "The winner takes a $5,000 bonus for the record"], got
    assert [t for _, t in props("The fine was $5,000 plus costs.", lex)] == ["The fine was $5,000 plus costs"]


def test_a_clause_opening_with_an_auxiliary_and_no_subject_does_not_read_alone(lex):
    body = ("Counsel for Mr Orr, for the defence, told the jury that his client accepted he had made errors in the "
            "accounts but had never set out to act dishonestly. Had never once been warned, the court heard. "
            "Reporters from the Orvanto Courier visited the court on Tuesday. Do not enter the building without a pass.")
    facts = _extracted(body, lex)
    alone = {p.text: p.standalone for p in facts.propositions}
    # what was told the jury goes on after "but": about the client, not counsel (whose client
    # it is, another sentence says: it does not read on its own)
    assert alone.get("His client had never set out to act dishonestly.") is False, alone
    assert alone.get("Had never once been warned, the court heard.") is False, alone
    assert alone.get("Do not enter the building without a pass.") is True, alone  # an instruction


def _texts(body: str, lex) -> dict[str, bool]:
    """Each proposition's text (as a claim would read it) -> whether it reads on its own."""
    body += " Reporters from the Orvanto Courier visited the mill on Tuesday. Boats carried timber out."
    facts = _extracted(body, lex)
    return {p.text: p.standalone for p in facts.propositions}


def test_two_verbs_sharing_an_object_are_two_propositions_with_it(lex):
    got = [t for _, t in props("The Orvik shipyard will co-design and develop two ferries for the island council.", lex)]
    assert "The Orvik shipyard will co-design two ferries for the island council" in got, got
    assert "The Orvik shipyard will develop two ferries for the island council" in got, got


@pytest.mark.parametrize("sentence, second", [
    # a verb after an infinitive reads with the host's words up to the infinitive
    ("The mill has been expanding production to meet demand and reduce its reliance on imports.",
     "The mill has been expanding production to reduce its reliance on imports."),
    # the host's words up to a gerund after a preposition
    ("The two firms have agreed to partner on designing and building timber frames in Orvik.",
     "The two firms have agreed to partner on building timber frames in Orvik."),
    # a noun that can be a verb ("market") does not share its object with the verb after "and"
    ("The mill wants to grow its share of the timber market and reduce its reliance on imports.",
     "The mill wants to reduce its reliance on imports."),
])
def test_a_coordinated_infinitive_or_gerund_reads_with_its_hosts_words(sentence, second, lex):
    got = _texts(sentence, lex)
    assert got.get(second) is True, got


def test_participles_and_complements_joined_by_and(lex):
    got = _texts("Four masked men raided the Orvik museum on Sunday, stealing nine gold objects and fleeing "
                 "on two motor scooters. Overnight staff found the doors locked and displaying a warning.", lex)
    assert "Fleeing on two motor scooters." in got, got  # a participle of its own
    assert "Overnight staff found the doors locked and displaying a warning." in got, got  # one complement
    got = _texts("The plant will make custom frames, panels, roof trusses, and cladding systems for schools.", lex)
    assert not any("will cladding" in t for t in got), got  # a list, not a verb phrase


def test_a_relative_clause_after_a_name_is_about_the_name(lex):
    def relatives(text):
        return [t for r, t in props(text, lex) if r == "relative"]
    assert relatives("The winner finished 40 seconds clear of Orvik's Ansel Moor, who clocked 2:11:05.") == \
        ["Orvik's Ansel Moor clocked 2:11:05"]
    assert relatives("The grant went to the University of Tessby, which will build a new lab.") == \
        ["the University of Tessby will build a new lab"]
    # a role "of" a name: the person holding it
    assert relatives("The finance director of Orvik Water, who is accused of fraud, was in court.") == \
        ["The finance director of Orvik Water is accused of fraud"]


def test_an_adverb_and_participle_after_a_determiner_is_no_verb(lex):
    got = props("The council will pay for it with reserves and a fully committed loan from the Orvik bank.", lex)
    assert [r for r, _ in got] == ["main"], got  # not "A fully committed loan from the Orvik bank"


@pytest.mark.parametrize("sentence", [
    "A transformer fire at the smelter on Tuesday cut electricity to 31,284 households.",
    "Of its 2,300 employees, about 1,400 work at the Dunmore plant.",
    "Federal rules give providers 60 days to report.",
    "Ana Kovač beat Mayor Douglas Fenn by fewer than 2,000 votes.",
])
def test_a_sentence_whose_verb_is_also_a_noun_states_something(sentence, lex):
    facts = _extracted(f"The council met on Monday to set next year's budget. {sentence}", lex)
    assert len(facts.sentences) == 2 and facts.sentences[1].claimable


@pytest.mark.parametrize("line", [
    "Two strengths of the same medicine, in the same bottle, with nothing but a label between them.",
    "Kalomi pet danbri sulven torgal ravenmi halfen dorlis.",  # not English: no word of it is a verb
])
def test_a_line_without_a_verb_states_nothing(line, lex):
    facts = _extracted(f"The council met on Monday to set next year's budget. {line}", lex)
    assert len(facts.sentences) == 2 and not facts.sentences[1].claimable


def test_a_verb_particle_that_ends_like_a_participle_is_not_the_event(lex):
    body = ("The burglars prised open a steel shutter with a crowbar. The shutter had been broken open before. "
            "Boats carried families out.")
    record = parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record
    by_sentence = {p.sentence: p for p in extract_record(record, lex).propositions}
    assert by_sentence[0].predicate == ("w:prise",), by_sentence[0].predicate  # prising, not opening a "steel"
    assert by_sentence[1].predicate == ("w:break",), by_sentence[1].predicate  # "broken" still goes on "had been"


def test_verb_phrases_in_a_series_are_propositions_of_their_own(lex):
    got = props("Four thieves forced the shutter with a crowbar, spent seven minutes inside and escaped on "
                "two scooters.", lex)
    assert [r for r, _ in got] == ["main", "coordinate", "coordinate"], got
    assert got[1] == ("coordinate", "Four thieves spent seven minutes inside"), got
    # a participle after a comma describes what came before: no verb of a series
    for text, kept in (("The Morning Rose, built in 2004, was towed into the harbour and is berthed at Quay 3.",
                        "built in 2004"),
                       ("Orvel Port Holdings, known as OPH, said it regretted the decision and remained ready "
                        "to talk.", "known as OPH"),
                       ("Orvel will operate as Orvel Storage, led by its chief executive, and will keep its "
                        "contracts.", "led by its chief executive")):
        got = props(text, lex)
        assert not any(t.endswith(kept) or t.startswith(kept) for r, t in got if r == "coordinate"), got


def test_the_last_items_of_a_list_are_no_apposition(lex):
    got = props("Ivo Brenn received 20 months suspended for two years, 200 hours of unpaid work, a fine of "
                "£12,000 and £8,500 in costs.", lex)
    assert [r for r, _ in got] == ["main"], got
    # an apposition that is itself a list, or holds a clause, stays one
    assert ("apposition", "the two bus routes the 31 and the 44") in props(
        "Trains ran every 12 minutes, and the two bus routes, the 31 and the 44, had a handful of buses.", lex)
    assert any(r == "apposition" for r, _ in props(
        "Orvel, a nonprofit that runs five hospitals and 22 clinics, confirmed the attack on Monday.", lex))


def test_a_negated_verb_after_an_auxiliary_is_the_event(lex):
    body = ("The Orvel board did not respond to a request for comment. The operator would not appeal the "
            "ruling. The council has repeatedly delayed the vote. Boats carried families out.")
    record = parse_article("01_a.md", body.encode(), max_bytes=1 << 20).record
    by_sentence = {p.sentence: p for p in extract_record(record, lex).propositions}
    assert by_sentence[0].predicate == ("w:respond",), by_sentence[0].predicate  # not the "request" after it
    assert by_sentence[1].predicate == ("w:appeal",), by_sentence[1].predicate  # not the "ruling" appealed
    assert by_sentence[2].predicate == ("w:delay",), by_sentence[2].predicate


def test_arguing_and_claiming_report_a_stance_but_a_claim_is_a_thing(lex):
    assert lex.word("argued").function == "attribution" and lex.word("claimed").function == "attribution"
    assert not lex.word("claims").function and lex.word("claims").weight > 0  # "the claims portal opens"
    a = _opening("Orvel Air said it would not argue that the outage was an extraordinary circumstance.", lex)
    b = _opening("Orvel Air has claimed that the outage was an extraordinary circumstance.", lex)
    assert a.predicate == b.predicate, (a.predicate, b.predicate)  # the stance, not the verb reporting it


def test_guards_and_security_officers_unhurt_and_not_harmed_say_the_same(lex):
    a = _opening("The two night guards were unhurt.", lex)
    b = _opening("Our two security officers on duty were not harmed.", lex)
    assert a.negated and b.negated
    assert {"w:injure", "w:guard"} <= dict(a.features).keys() & dict(b.features).keys()
    assert [q.unit for q in a.quantities] == [q.unit for q in b.quantities]  # two guards, not two police
    assert "w:tax" not in dict(b.features)  # on duty is at work, not a levy


def test_a_raid_that_lasted_minutes_and_thieves_who_spent_minutes_inside_share_the_event(lex):
    assert "w:endure" in _concepts("The raid lasted seven minutes.", lex) & _concepts(
        "Four thieves spent about seven minutes inside.", lex)
    assert "w:endure" not in _concepts("The council met last week.", lex)  # the adjective is no duration


def test_a_decimal_said_in_words_and_a_decimal_before_a_scale_are_amounts(lex):
    def counts(text):
        return [(q.kind, q.low, q.unit) for q in extract_quantities(text, _count_noun(lex)) if q.kind in ("count", "clock")]

    assert counts("The recall covers something like one point four million bottles.") == [("count", 1.4e6, lex.word("bottles").concepts[0])]
    assert counts("The recall covers about 1.03 million bottles.") == [("count", 1.03e6, lex.word("bottles").concepts[0])]
    assert counts("The doors opened at about 10.30 on Monday.") == [("clock", 630, "min")]  # a time of day still


def test_tailbacks_and_backups_are_one_jam_and_a_combined_length_is_only_its_value(lex):
    a = _concepts("On Monday morning, tailbacks on the city's roads totalled 310 km.", lex)
    b = _concepts("Backups across the city stretched a combined 193 miles.", lex)
    assert "w:traffic_jam" in a & b
    assert "w:merge" not in b  # "a combined 193 miles" is a total, no merger


def test_a_rare_first_word_of_a_concept_class_is_a_word_not_a_name(lex):
    a = _concepts("Tailbacks on the city's roads totalled 310 km on Monday morning.", lex)
    b = _concepts("On Monday morning, tailbacks on the city's roads totalled 310 km.", lex)
    assert "w:traffic_jam" in a & b


def test_a_class_member_that_is_a_word_of_its_own_is_not_read_as_another_words_form(lex):
    assert lex.word("wounded").concepts == lex.word("wound").concepts == lex.word("injured").concepts
    assert lex.word("wind").concepts != lex.word("wound").concepts  # "brought down by the wind": no injury
    assert lex.word("missed").concepts != lex.word("missing").concepts  # "missed the deadline": nobody missing


def test_an_estimated_figure_is_hedged_but_an_estimate_is_a_thing(lex):
    assert lex.word("estimated").function == "hedge"  # "an estimated 300 people"
    assert not lex.word("estimate").function and lex.word("estimate").weight > 0  # "an earlier estimate of 180,000"


def test_cutting_posts_and_cutting_jobs_are_one_layoff_of_one_count(lex):
    a, b = _opening("The trust has cut 31 jobs.", lex), _opening("A charitable body had cut 31 posts.", lex)
    assert "w:layoff" in dict(a.features).keys() & dict(b.features).keys()
    assert [q.unit for q in a.quantities] == [q.unit for q in b.quantities]


def test_sustaining_or_suffering_burns_or_injuries_is_an_injury(lex):
    for text in ("One volunteer firefighter sustained burns.", "Two officers suffered minor injuries."):
        assert "w:injure" in _concepts(text, lex), text


def test_a_count_before_a_participle_or_a_particle_counts_no_such_noun(lex):
    def units(text):
        return [(q.low, q.unit) for q in extract_quantities(text, _count_noun(lex)) if q.kind == "count"]

    assert units("Police said 15 hurt in the crush were in hospital.") == [(15, "")]
    assert units("The jury found him guilty on 11 counts out of 12.") == [(11, lex.word("counts").concepts[0]), (12, "")]
    assert units("Fenn lost by 2,000 votes out of 100,000 cast.")[0] == (2000, lex.word("votes").concepts[0])


def test_a_relative_clause_without_that_is_no_clause_of_its_own(lex):
    got = props("The airline scrapped 620 flights after a software update to the system it uses to assign pilots "
                "and cabin crew failed overnight.", lex)
    assert ("subordinate", "a software update to the system it uses to assign pilots and cabin crew failed overnight") in got, got
    prop = _opening("A software update to the system it uses to assign pilots failed overnight.", lex)
    assert prop.predicate == ("w:fail",), prop.predicate  # not the system's "uses"
    said = _opening('The owner said in a statement it was "working with the authorities".', lex)
    assert said.predicate == ("w:work",), said.predicate  # the statement's "it was": what was said


def test_a_service_line_telling_the_reader_what_to_do_and_where_states_nothing(lex):
    facts = _extracted("The regulator recalled 12 batches on Monday. Report a suspected side effect: use the Yellow "
                       "Form online or in the regulator's app. Parents should call the poisons line on 0800 300 600.", lex)
    assert [s.claimable for s in facts.sentences] == [True, False, True]  # the advice with its number stays


def test_a_noun_after_a_name_after_a_determiner_is_no_verb_after_a_reduced_relative(lex):
    assert props("A wall collapsed at the Orvel quarry on Wednesday.", lex) == [
        ("main", "A wall collapsed at the Orvel quarry on Wednesday")]
    assert ("relative", "The man arrested on Friday") in props("The man arrested on Friday appeared in court.", lex)


def test_a_total_the_count_is_part_of_is_a_reference_even_with_a_hedge(lex):
    qs = [q for q in extract_quantities("The fault led to 620 cancellations, well over half of the roughly 1,050 "
                                        "flights it operates.", _count_noun(lex)) if q.kind == "count"]
    assert [(q.low, q.reference) for q in qs] == [(620, False), (1050, True)]


def test_what_usually_is_is_no_statement_of_what_happened(lex):
    assert _opening("Orvel Air usually operates about 1,050 flights a day.", lex).possible
    assert not _opening("Orvel Air cancelled 620 flights on Friday.", lex).possible
