"""How the merge groups, names and tells apart, on small invented corpora.

Each corpus is a dict {file name: text}; records come from the real parse stage."""

from __future__ import annotations

from factsheet.editorial import Editorial
from factsheet.merge import merge
from factsheet.models import Sheet
from factsheet.parse import parse_article


def sheet(files: dict[str, str]) -> Sheet:
    records = []
    for name in sorted(files):
        result = parse_article(name, files[name].encode(), max_bytes=1 << 20)
        assert result.record is not None, result.diagnostics
        records.append(result.record)
    return merge(tuple(records), Editorial()).sheet


def _two_sources_sharing(title: str, line: str, extras: list[tuple[str, str]]) -> dict[str, str]:
    """Dated articles ({file name: text}) that each state `line`, then their own sentence."""
    return {f"0{i}_{name}.md": f"---\ntitle: {title}\nsource: {name.title()}\ndate: 2031-03-0{i}\n---\n\n"
            f"{line} {extra}\n" for i, (name, extra) in enumerate(extras, start=1)}


def _dated(title: str, name: str, outlet: str, body: str) -> tuple[str, str]:
    """A dated article (file name, text) of `body`, with front matter naming its outlet."""
    return name, f"---\ntitle: {title}\nsource: {outlet}\ndate: 2031-04-14\n---\n\n{body}\n"


def _disagreements_on(s: Sheet, marker: str) -> list[list[str]]:
    """The values of each discrepancy that lists a value holding `marker` ("%", "2,000")."""
    return [[v.value for v in d.values] for d in s.discrepancies if any(marker in v.value for v in d.values)]


def _features_by_text(title: str, body: str) -> dict[str, dict[str, float]]:
    """Each proposition's text -> its features, for one article of `body`."""
    from factsheet.merge.extract import extract_record

    text = f"---\ntitle: {title}\nsource: Alpha\ndate: 2031-11-06\n---\n\n{body}\n"
    record = parse_article("01_a.md", text.encode(), max_bytes=1 << 20).record
    return {p.text: dict(p.features) for p in extract_record(record).propositions}


def claims_citing(s: Sheet, words: str):
    return [c for c in s.claims if any(words in q.quote for q in c.citations)]


WIRE = ("---\ntitle: Dam spillway fails at Orvanto\nsource: Alpha Wire\ndate: 2031-05-06\n---\n\n"
        "The spillway of the Orvanto dam failed on Monday, flooding 140 homes in the valley below, officials said. "
        "Three people were killed and 22 were injured. "
        "The regional water board has opened an investigation into the failure.\n")
LOCAL = ("---\ntitle: \"Orvanto flood: families count the cost\"\nsource: Valley Courier\ndate: 2031-05-06\n---\n\n"
         "Floodwater from the failed Orvanto spillway swept through 140 homes on Monday. "
         "Three residents died and 22 people were hurt, according to the fire service. "
         "The water board said it had launched an investigation.\n")
TV = ("Orvanto dam breach\nBy Staff\n\n"
      "Five people died when the Orvanto dam spillway gave way on Monday, the TV station was told. "
      "An investigation has been opened by the regional water board. "
      "Rescue crews used boats to reach stranded families.\n")


def test_restatements_are_one_claim_citing_every_source():
    s = sheet({"01_wire.md": WIRE, "02_local.md": LOCAL})
    both = [c for c in s.claims if {q.source for q in c.citations if "140 homes" in q.quote} == {"01-wire", "02-local"}]
    assert both, [(c.text, [q.source for q in c.citations]) for c in s.claims]
    (probe,) = [c for c in s.claims if "investigation" in c.text.lower()]
    assert probe.support == 2


def test_rival_values_are_a_discrepancy_not_one_claim():
    s = sheet({"01_wire.md": WIRE, "02_local.md": LOCAL, "03_tv.txt": TV})
    deaths = [d for d in s.discrepancies if {"Three people", "Five people"} & {v.value for v in d.values}
              or any("three" in v.value.lower() for v in d.values)]
    assert deaths, [d.summary for d in s.discrepancies]
    values = {v.value.lower().split()[0] for v in deaths[0].values}
    assert {"three", "five"} <= values
    # the claims stating three and five deaths are different claims, each disputed
    for cid in deaths[0].claims:
        (claim,) = [c for c in s.claims if c.id == cid]
        assert claim.status == "disputed"


def test_every_quote_is_verbatim_and_ids_are_stable():
    files = {"01_wire.md": WIRE, "02_local.md": LOCAL, "03_tv.txt": TV}
    first = sheet(files)
    for c in first.claims:
        for q in c.citations:
            assert q.quote in files[[n for n in files if n.startswith(q.source.split("-")[0])][0]]
    again = sheet(dict(files))
    assert [c.id for c in first.claims] == [c.id for c in again.claims]  # deterministic
    # an unrelated article keeps every existing claim's id
    other = {"04_extra.txt": "Wind farm approved\n\nA council in Brennar approved a wind farm of 12 turbines "
                             "on Tuesday after a two-year review. Building work starts in the autumn.\n"}
    with_extra = sheet({**files, **other})
    assert {c.id for c in first.claims} <= {c.id for c in with_extra.claims}


def test_a_tenth_source_joins_as_easily_as_the_second():
    base = "The Kettle Ridge tunnel will close for 18 months from June for repairs costing $410 million."
    variants = [
        base,
        "Repairs costing $410 million will close the Kettle Ridge tunnel for 18 months from June.",
        "The Kettle Ridge tunnel closes for 18 months from June; the repairs cost $410 million.",
    ]
    files = {f"{k:02d}_outlet{k}.txt": f"Tunnel to close\n\n{variants[k % 3]} Drivers were told to use the "
             f"coast road while crews work on the lining.\n" for k in range(1, 11)}
    s = sheet(files)
    (tunnel,) = claims_citing(s, "410 million")
    assert tunnel.support == 10


def test_several_events_do_not_merge():
    files = {}
    for k in range(50):
        town = "Aldmere" if k % 2 else "Brisko"
        company = "Varnholt" if k % 2 else "Quenby"
        files[f"{k:02d}_o{k}.txt"] = (
            f"{company} plant opens\n\n{company} opened a plant in {town} on Monday. "
            f"{company} said the plant would employ {company} staff from {town}. "
            f"{company} chief executive spoke in {town}. "
            "Construction is scheduled to begin in May 2032.\n")
    s = sheet(files)
    (may,) = [c for c in s.claims if "May 2032" in c.text and c.support > 1][:1] or [None]
    assert may is not None
    towns = {("Aldmere" if int(q.source.split("-")[0]) % 2 else "Brisko") for q in may.citations}
    assert len(towns) == 1, "a sentence of one event restates nothing of the other"


def test_commentary_is_never_a_plain_fact():
    blog = ("My take on the Orvanto mess\n\nHonestly? Whoever signed off that spillway should be ashamed! "
            "The spillway of the Orvanto dam failed on Monday, flooding 140 homes.\n")
    s = sheet({"01_wire.md": WIRE, "02_blog.txt": blog})
    (rant,) = [c for c in s.claims if "ashamed" in c.text]
    assert rant.kind == "commentary"


def test_a_judgement_of_what_someone_deserves_in_an_opinion_piece_is_commentary():
    blog = ("My take on the Orvanto mess\n\nHonestly? I think the valley got lucky! "
            "The spillway of the Orvanto dam failed on Monday, flooding 140 homes. "
            "The rescue crews deserve a medal from the board for that night.\n")
    s = sheet({"01_wire.md": WIRE, "02_blog.txt": blog})
    (crews,) = [c for c in s.claims if "rescue crews" in c.text]
    assert crews.kind == "commentary", crews.kind


_ASIDES = {
    "Alpha": "Alpha reporter Imke Varo watched from the breakwater. Gulls circled the empty car park all afternoon.",
    "Beta": "Beta spoke to a cafe owner, Ruan Pelt, who expects a quiet week. His kiosk sells tea to drivers.",
    "Gamma": "Gamma first reported the story on its evening bulletin. A drone crew filmed the quay from above.",
    "Delta": "Delta's weather desk expects rain by the weekend. Fishing boats stayed in port.",
}


def _article(name: str, outlet: str, body: str) -> tuple[str, str]:
    """An article of `body` and two sentences of colour only this outlet writes."""
    return name, f"---\ntitle: Harbour news\nsource: {outlet}\ndate: 2031-07-02\n---\n\n{body} {_ASIDES[outlet]}\n"


def test_the_same_statement_with_a_rival_detail_is_one_disputed_claim():
    files = dict([
        _article("01_a.md", "Alpha", "The harbour authority closed the Quayside ferry terminal until Friday for safety inspections. "
                 "Crews repaired the ramp."),
        _article("02_b.md", "Beta", "The harbour authority has closed the Quayside ferry terminal until Friday for safety inspections."),
        _article("03_c.md", "Gamma", "The harbour authority closed the Quayside ferry terminal until Sunday for safety inspections."),
    ])
    s = sheet(files)
    (claim,) = claims_citing(s, "Quayside ferry terminal")
    assert {q.source for q in claim.citations} == {"01-a", "02-b", "03-c"}
    assert claim.status == "disputed"
    (d,) = [d for d in s.discrepancies if claim.id in d.claims]
    by_value = {v.value: set(v.sources) for v in d.values}
    assert by_value == {"Friday": {"01-a", "02-b"}, "Sunday": {"03-c"}}
    assert all(v.claims == (claim.id,) for v in d.values)


def test_a_rival_beside_an_agreed_value_is_one_disputed_claim():
    """"312 passengers and 24 crew" / "298 passengers and 24 crew": the measure words and
    the agreed value make one statement with one rival value."""
    files = dict([
        _article("01_a.md", "Alpha", "The Selka ferry was carrying 312 passengers and 24 crew."),
        _article("02_b.md", "Beta", "The Selka ferry was carrying 312 passengers and 24 crew."),
        _article("03_c.md", "Gamma", "The coastguard said 298 passengers and 24 crew had been on board."),
    ])
    s = sheet(files)
    (claim,) = claims_citing(s, "24 crew")
    assert {q.source for q in claim.citations} == {"01-a", "02-b", "03-c"}
    assert claim.status == "disputed"


def test_rival_counts_of_a_bare_measure_stay_two_claims():
    """Sharing the measure and nothing else ("employs 2,300" / "employs 1,900") is a
    discrepancy between two claims, not one claim."""
    files = dict([
        _article("01_a.md", "Alpha", "Tarvel employs 2,300 people."),
        _article("02_b.md", "Beta", "Tarvel employs 2,300 people."),
        _article("03_c.md", "Gamma", "The firm employs 1,900 people."),
    ])
    s = sheet(files)
    claims = claims_citing(s, "employs")
    assert len(claims) == 2
    assert any({v.value for v in d.values} >= {"2,300 people", "1,900 people"} for d in s.discrepancies), \
        [d.summary for d in s.discrepancies]


def test_precise_values_a_hair_apart_disagree_however_the_sentences_differ():
    files = dict([
        _article("01_a.md", "Alpha", "Ivo Varn ran 2:08:41 in Orvel. Dral Kesse was second in 2:09:30."),
        _article("02_b.md", "Beta", "Ivo Varn ran 2:08:41 in Orvel."),
        _article("03_c.md", "Gamma", "The winner is Ivo Varn, crossing the line at the harbour in 2:08:42."),
    ])
    s = sheet(files)
    values = [{v.value for v in d.values} for d in s.discrepancies]
    assert {"2:08:41", "2:08:42"} in values, values
    assert not any("2:09:30" in v for v in values), values


def test_a_fact_box_line_states_its_figure():
    """A report's "Deaths: 31" line is a figure other sources state in sentences."""
    files = dict([
        _article("01_a.md", "Alpha", "Thirty-one people died in the Orvel floods."),
        _article("02_b.md", "Beta", "Thirty-one people died in the Orvel floods, officials said."),
        ("03_c.md", "ORVEL FLOODS - SITUATION REPORT 4\n\nCASUALTIES\nDeaths: 31\nMissing: 6\n\n"
                    "Relief teams reached the Orvel valley on Tuesday. Boats carried families to the school at "
                    "Kesse, where the council has opened a shelter. Roads into the valley remain closed.\n"),
    ])
    s = sheet(files)
    (deaths,) = [c for c in s.claims if any("Deaths: 31" in q.quote for q in c.citations)]
    assert {q.source for q in deaths.citations} == {"01-a", "02-b", "03-c"}


def test_lone_percentages_of_different_events_are_no_rivals():
    """Each proposition states one percentage; they are rivals only about one event."""
    files = dict([
        _article("01_a.md", "Alpha", "Orvel Grid shares fell 3.2% after the Varn Storage deal was announced."),
        _article("02_b.md", "Beta", "The Varn Storage offer is a 27% premium to the price of Orvel Grid shares."),
        _article("03_c.md", "Gamma", "Orvel Grid shares fell 4.1% after the Varn Storage deal was announced."),
    ])
    s = sheet(files)
    pairs = [{v.value for v in d.values} for d in s.discrepancies]
    assert any({"3.2%", "4.1%"} <= values for values in pairs), pairs
    assert not any("27%" in values for values in pairs), pairs


def test_a_sentence_stating_a_claim_among_other_details_is_cited_by_it():
    files = dict([
        _article("01_a.md", "Alpha", "The fire broke out in the engine room at 07:38."),
        _article("02_b.md", "Beta", "The fire broke out in the engine room at 07:38, the operator said."),
        _article("03_c.md", "Gamma", "The 90-metre ferry Aldwyn, built at the Kestrel yard in 1998 and carrying 300 people and "
                 "41 vehicles to Carrow Point, had a fire break out in the engine room at 07:38 on Tuesday."),
    ])
    s = sheet(files)
    (claim,) = [c for c in s.claims if c.text.startswith("The fire broke out")]
    assert {q.source for q in claim.citations} == {"01-a", "02-b", "03-c"}


def test_a_single_source_claim_is_cited_by_the_longer_sentences_stating_it():
    """A proposition only one source states on its own ("a course-record bonus of $20,000
    is paid on top"), that others state inside longer sentences ("earns $40,000 and a
    $20,000 course-record bonus"), is cited by them too; a sentence sharing its names but
    not its value ("also won six of the 11 seats" of "won 51% of the vote") is not."""
    from factsheet.merge import record_facts
    from factsheet.merge.claims import draft_claims
    from factsheet.merge.grouping import Comparisons, Group, _cite_containing_sentences
    from factsheet.merge.units import build_units

    files = dict([
        _article("01_a.md", "Alpha", "Varn earns $40,000 for the victory and a $20,000 course-record bonus."),
        _article("02_b.md", "Beta", "A course-record bonus of $20,000 is paid on top."),
        _article("03_c.md", "Gamma", "Tomas Kell of the Orvel Runners Club won 51% of the vote."),
        _article("04_d.md", "Delta", "Tomas Kell of the Orvel Runners Club also won six of the 11 seats on the vote."),
    ])
    records = tuple(parse_article(n, files[n].encode(), max_bytes=1 << 20).record for n in sorted(files))
    units, _ = build_units(record_facts(records))
    first = {u.record: u.index for u in reversed(units)}  # each article's first proposition
    lone = [Group(first[r], (first[r],)) for r in ("02-b", "03-c")]
    pairs = [(first["01-a"], first["02-b"]), (first["03-c"], first["04-d"])]
    bonus, vote = _cite_containing_sentences(lone, units, Comparisons(units, pairs))
    assert bonus.also == (first["01-a"],)
    assert vote.also == ()
    (draft,) = [d for d in draft_claims([bonus], units, {r.id: r for r in records}, Comparisons(units, pairs))]
    assert draft.sources == ("01-a", "02-b")
    assert draft.text.startswith("A course-record bonus")


def test_the_same_people_doing_different_things_are_different_claims():
    files = dict([
        _article("01_a.md", "Alpha", "Mayor Delphine Orsk offered City Hall as a venue for the talks."),
        _article("02_b.md", "Beta", "Mayor Delphine Orsk urged both sides to return to the negotiating table."),
        _article("03_c.md", "Gamma", "Mayor Delphine Orsk offered City Hall as a venue."),
    ])
    s = sheet(files)
    (venue,) = [c for c in s.claims if "venue" in c.text]
    assert {q.source for q in venue.citations} == {"01-a", "03-c"}
    (table,) = [c for c in s.claims if "negotiating table" in c.text]
    assert {q.source for q in table.citations} == {"02-b"}


def test_a_quotation_states_what_its_speaker_says():
    files = dict([
        _article("01_a.md", "Alpha", '"We are deeply sorry for what happened to our passengers," chief executive Hollis Varga said.'),
        _article("02_b.md", "Beta", "Chief executive Hollis Varga apologised to passengers."),
        _article("03_c.md", "Gamma", '"We are deeply sorry," Pell Harbour spokesman Imran Dace said of the delays at the quay.'),
    ])
    s = sheet(files)
    (claim,) = [c for c in s.claims if any("Varga" in q.quote for q in c.citations)]
    assert {q.source for q in claim.citations} == {"01-a", "02-b"}
    (delays,) = claims_citing(s, "delays at the quay")  # what it was said of is content, not attribution
    assert {q.source for q in delays.citations} == {"03-c"}


def test_a_quotation_before_a_long_attribution_is_its_speakers_words():
    files = dict([
        _article("01_a.md", "Alpha", '"We are deeply sorry for what has happened," Orvel Lines chief executive Mara Tesk '
                                     "told K7 News outside the company's offices on Quay Street."),
        _article("02_b.md", "Beta", "Orvel Lines chief executive Mara Tesk apologised to passengers."),
        _article("03_c.md", "Gamma", "Mara Tesk, the chief executive of Orvel Lines, apologised to the passengers."),
    ])
    s = sheet(files)
    (claim,) = claims_citing(s, "deeply sorry")
    assert {q.source for q in claim.citations} == {"01-a", "02-b", "03-c"}


def test_what_a_speaker_said_at_a_point_is_not_what_happened_there():
    quote = '"At 25 kilometres I knew the heat would decide it," Ivana Ostrava said.'
    files = dict([
        _article("01_a.md", "Alpha", f"Ivana Ostrava pulled clear on the Tessin viaduct at 25 kilometres. {quote}"),
        _article("02_b.md", "Beta", f"Ivana Ostrava pulled clear on the Tessin viaduct at 25 kilometres. {quote}"),
        _article("03_c.md", "Gamma", quote),
    ])
    s = sheet(files)
    (said,) = claims_citing(s, "heat would decide")
    assert {q.source for q in said.citations} == {"01-a", "02-b", "03-c"}
    assert all("heat" in q.quote for q in said.citations)


def test_not_until_a_day_is_that_day_not_a_denial():
    files = dict([
        _dated("Orvel fire", "01_a.md", "Alpha", "Fire crews held the line overnight. The Orvel Highway will reopen on "
               "Sunday, the roads agency said."),
        _dated("Orvel fire", "02_b.md", "Beta", "Fire crews held the line overnight. The Orvel Highway will reopen on "
               "Sunday, officials said."),
        _dated("Orvel fire", "03_c.md", "Gamma", "Fire crews held the line overnight. The Orvel Highway will not reopen "
               "until Monday at the earliest, the roads agency said."),
    ])
    assert [sorted(v) for v in _disagreements_on(sheet(files), "day")] == [["Monday", "Sunday"]]


def test_short_denials_of_one_thing_are_one_claim():
    files = dict([
        _article("01_a.md", "Alpha", "No deaths have been reported."),
        _article("02_b.md", "Beta", "No one has died, the mayor of Orvel told reporters."),
        _article("03_c.md", "Gamma", "Remarkably, no one died."),
    ])
    s = sheet(files)
    (claim,) = [c for c in s.claims if any("died" in q.quote or "deaths" in q.quote for q in c.citations)]
    assert {q.source for q in claim.citations} == {"01-a", "02-b", "03-c"}


def test_a_bound_beside_an_exact_figure_differs_in_precision_only():
    files = dict([
        _article("01_a.md", "Alpha", "Exactly 336 people abandoned the ferry Orla in life rafts."),
        _article("02_b.md", "Beta", "More than 330 people abandoned the ferry Orla in life rafts."),
        _article("03_c.md", "Gamma", "336 people abandoned the ferry Orla in life rafts, the coastguard said."),
    ])
    s = sheet(files)
    (claim,) = claims_citing(s, "abandoned the ferry Orla")
    assert {q.source for q in claim.citations} == {"01-a", "02-b", "03-c"}
    assert claim.status == "corroborated"  # agreement, not a dispute
    (d,) = [d for d in s.discrepancies if claim.id in d.claims]
    assert d.kind == "precision"
    assert {v.value.lower(): set(v.sources) for v in d.values} == {
        "336 people": {"01-a", "03-c"}, "more than 330 people": {"02-b"}}


def test_a_clause_no_source_states_on_its_own_is_marked_in_its_sentence():
    files = dict([
        _article("01_a.md", "Alpha", "Crews closed the Varrow bridge at dawn, costing the county an estimated $2.4 million in lost tolls."),
        _article("02_b.md", "Beta", "The Varrow bridge shut at dawn, costing the county an estimated $2.4 million in lost tolls."),
    ])
    s = sheet(files)
    (tolls,) = [c for c in s.claims if c.focus]
    a, b = tolls.focus
    assert tolls.text[a:b] == "costing the county an estimated $2.4 million in lost tolls"
    assert {q.source for q in tolls.citations} == {"01-a", "02-b"}


def test_a_question_is_no_claim():
    files = dict([
        _article("01_a.md", "Alpha", "How do you know if your ferry ticket is still valid? Tickets for the Quayside route are valid until Friday."),
        _article("02_b.md", "Beta", "Tickets for the Quayside route remain valid until Friday."),
    ])
    s = sheet(files)
    assert not [c for c in s.claims if c.text.endswith("?")]
    (valid,) = claims_citing(s, "valid until Friday")
    assert {q.source for q in valid.citations} == {"01-a", "02-b"}


def test_a_transcripts_speaker_label_names_who_is_quoted():
    transcript = ("Harbour hour: transcript\n\n"
                  "PRESENTER: Good evening. The Quayside ferry terminal is closed until Friday.\n"
                  'DR ILSE BRANDT: We closed it for safety checks. "Nobody will sail until the ramp is repaired," '
                  "I told the crews.\n"
                  "PRESENTER: How long will the checks take?\n"
                  "DR ILSE BRANDT: About three days. The ramp cracked on Monday.\n")
    s = sheet({"01_radio.txt": transcript})
    (quote,) = [q for q in s.quotes if "Nobody will sail" in q.text]
    assert quote.speaker == "DR ILSE BRANDT"


def test_a_figure_inside_a_wide_range_does_not_make_two_statements_one():
    plan = ("---\ntitle: Harlow Motors to build in Texas\nsource: Alpha Wire\n---\n\n"
            "Harlow Motors plans to invest between $2 billion and $6 billion in growing its Texas plants. "
            "The carmaker will hire about 900 workers at the Abilene site.\n")
    results = ("---\ntitle: Harlow Motors profit\nsource: Market Daily\n---\n\n"
               "Harlow Motors' net profit rose 12% to $3.4 billion last quarter, driven by its trucks. "
               "The carmaker will hire about 900 workers at its Abilene site in Texas.\n")
    s = sheet({"01_plan.md": plan, "02_results.md": results})
    (invest,) = claims_citing(s, "between $2 billion")
    assert not any("net profit" in q.quote for q in invest.citations), [q.quote for q in invest.citations]
    (hire,) = claims_citing(s, "900 workers")
    assert hire.support == 2  # the two are still compared: what they share, they state together


def test_two_sources_giving_one_plan_different_aims_disagree_on_what_for():
    files = dict([
        _article("01_a.md", "Alpha", "The Orvel council will spend the £4m grant in order to repair the harbour wall."),
        _article("02_b.md", "Beta", "The Orvel council will spend the £4m grant in order to fix the old harbour wall."),
        _article("03_c.md", "Gamma", "The Orvel council will spend the £4m grant in order to build a ferry terminal."),
    ])
    s = sheet(files)
    (d,) = [d for d in s.discrepancies if d.subject.startswith("purpose")]
    by_value = {v.value: set(v.sources) for v in d.values}
    assert set(by_value) == {"repair the harbour wall", "build a ferry terminal"}, by_value
    assert by_value["repair the harbour wall"] == {"01-a", "02-b"}  # "fix the old harbour wall" agrees


def _place_disagreements(s: Sheet):
    return [d for d in s.discrepancies if d.subject.startswith("place:")]


def test_two_sources_placing_one_event_differently_disagree_on_where():
    (where,) = _place_disagreements(sheet(dict([
        _dated("Ferry fire off Brekka", "01_coastguard.md", "Alpha Wire",
               "The fire started in the engine room of the ferry Orla Bay on Monday morning, the coastguard said. "
               "All 140 passengers were taken off safely."),
        _dated("Passengers describe ferry fire", "02_passengers.md", "Brekka Post",
               "Passengers said the fire started on the car deck of the Orla Bay on Monday morning. "
               "All 140 passengers were taken off by lifeboat."),
    ])))
    assert {v.value for v in where.values} == {"engine room", "car deck"}
    assert {s for v in where.values for s in v.sources} == {"01-coastguard", "02-passengers"}


def test_two_named_places_of_one_kind_told_apart_by_their_other_words_disagree_on_where():
    (where,) = _place_disagreements(sheet(dict([
        _dated("Suit filed", "01_a.md", "Alpha Wire", "A class action against Norvell Health was filed on Tuesday in "
               "U.S. District Court. The network declined to comment."),
        _dated("Patients sue", "02_b.md", "Brekka Post", "A retired teacher filed a class action against Norvell Health "
               "on Tuesday in Tarrow County Superior Court. She is seeking damages."),
    ])))
    assert {v.value for v in where.values} == {"U.S. District Court", "Tarrow County Superior Court"}


def test_a_description_and_a_name_or_a_landmark_are_no_rival_places():
    a = ("---\ntitle: Suit filed\nsource: Alpha Wire\n---\n\n"
         "A class action against Norvell Health was filed on Tuesday in federal court. "
         "The rock fall happened at a limestone quarry near the town of Skel on Friday.\n")
    b = ("---\ntitle: Patients sue\nsource: Brekka Post\n---\n\n"
         "A class action against Norvell Health was filed on Tuesday in U.S. District Court. "
         "The rock fall happened on Friday in the town of Skel.\n")
    assert not _place_disagreements(sheet({"01_a.md": a, "02_b.md": b}))


def test_a_restatement_kept_out_only_by_a_rival_value_of_one_member_joins_as_a_dispute():
    # the fourth source restates the claim's core ("all sailings suspended"); only the
    # third source's "until Friday" rivals its "until Thursday": one disputed claim
    files = {
        f"0{i}_{name}.md": f"---\ntitle: Tolvern ferry fire\nsource: {name.title()}\ndate: 2031-03-0{i}\n---\n\n"
        f"A fire broke out on the Tolvern ferry on Monday. {line}\n"
        for i, (name, line) in enumerate([
            ("alpha", "The operator has suspended all sailings between Marren and Tolvern."),
            ("bravo", "The operator said it had suspended all sailings between Marren and Tolvern."),
            ("charlie", "All sailings between Marren and Tolvern are suspended until at least Friday."),
            ("delta", "Norrow Ferries said all sailings to and from Tolvern had been cancelled until Thursday."),
        ], start=1)}
    s = sheet(files)
    (claim,) = [c for c in s.claims if any("sailings" in q.quote for q in c.citations)]
    assert {q.source for q in claim.citations} == {"01-alpha", "02-bravo", "03-charlie", "04-delta"}
    assert claim.status == "disputed"
    (until,) = [d for d in s.discrepancies if claim.id in d.claims]
    assert {v.value for v in until.values} >= {"Thursday"} and len(until.values) == 2


def test_a_clause_that_does_not_read_alone_is_shown_with_its_own_clause_not_the_whole_sentence():
    # both sources state "using the ship's own crane" only inside one long sentence; the
    # claim's text is the coordinated clause it hangs on, not the sentence's other facts
    line = ("The cargo ship Velna Star ran aground at 04:10 on Friday, about three miles from Korrin Point, "
            "and her crew freed the vessel using the ship's own anchor winch.")
    files = _two_sources_sharing("Velna Star aground", line, [
        ("alpha", "The harbour master has opened an inquiry into the grounding."),
        ("bravo", "An inquiry into the grounding was opened by the harbour master.")])
    s = sheet(files)
    (winch,) = [c for c in s.claims if c.focus and "anchor winch" in c.text[c.focus[0]:c.focus[1]]]
    assert winch.text == "Her crew freed the vessel using the ship's own anchor winch.", winch.text
    assert winch.focus is not None and winch.text[winch.focus[0]:winch.focus[1]] == "using the ship's own anchor winch"
    assert {q.source for q in winch.citations} == {"01-alpha", "02-bravo"}


def test_days_of_two_events_that_share_only_a_place_name_are_no_discrepancy():
    # "filed on Tuesday in Orvik" and "the Orvik hospital found it on Sunday" name the same
    # town and nothing else in common; "the hearing is on Monday" / "on Tuesday" do differ
    a = ("---\ntitle: Orvik hospital hack\nsource: Alpha\ndate: 2031-03-04\n---\n\n"
         "The Orvik General Hospital detected the intrusion early on Sunday. "
         "A patient filed a lawsuit on Tuesday in Orvik. The appeal hearing is on Monday.\n")
    b = ("---\ntitle: Orvik hospital hack\nsource: Bravo\ndate: 2031-03-04\n---\n\n"
         "Staff at the Orvik General Hospital detected the intrusion early on Sunday. "
         "The class action was lodged with the Orvik court. The appeal hearing is on Tuesday.\n")
    s = sheet({"01_alpha.md": a, "02_bravo.md": b})
    days = [{v.value for v in d.values} for d in s.discrepancies]
    assert {"Monday", "Tuesday"} in days, days
    assert not any("Sunday" in vs for vs in days), days


def test_identified_and_detected_on_one_date_are_one_claim():
    a = ("---\ntitle: Orvik water utility hack\nsource: Alpha\ndate: 2031-03-04\n---\n\n"
         "The company detected the intrusion in the early hours of March 2. "
         "Its billing systems were taken offline for a week.\n")
    b = ("---\ntitle: Statement on a security incident\nsource: Orvik Water\ndate: 2031-03-04\n---\n\n"
         "On March 2, 2031, the company identified suspicious activity on its network. "
         "Customers are asked to watch for unusual emails.\n")
    s = sheet({"01_alpha.md": a, "02_utility.md": b})
    both = [c for c in s.claims if {q.source for q in c.citations} == {"01-alpha", "02-utility"}]
    assert both and "March 2" in both[0].text, [(c.text, [q.source for q in c.citations]) for c in s.claims]


def test_a_live_reports_update_label_is_no_part_of_its_entry():
    files = dict([
        _dated("Orla pier", "01_a.md", "Alpha", "Storm damage closed the Orla pier on Wednesday. **UPDATE (Thursday 5 "
               "March, 09:10):** Harbour officials are now saying the pier will reopen on Friday after repairs."),
        _dated("Orla pier", "02_b.md", "Beta", "Storm damage closed the Orla pier on Wednesday. The pier will reopen on "
               "Friday after repairs, harbour officials said."),
    ])
    (claim,) = claims_citing(sheet(files), "reopen")
    assert {q.source for q in claim.citations} == {"01-a", "02-b"} and "UPDATE" not in claim.text
    texts = _features_by_text("Orla pier", "Storm damage closed the Orla pier on Wednesday. **UPDATE (Thursday 5 "
                              "March, 09:10):** Harbour officials say the pier will reopen on Friday after repairs.")
    assert any("reopen" in t for t in texts) and not any("UPDATE" in t or "09:10" in t for t in texts), texts


def test_a_claims_text_leaves_out_the_wire_dateline():
    a = ("---\ntitle: Orvik floods\nsource: Alpha Wire\ndate: 2031-03-03\n---\n\n"
         "ORVIK, March 3 (Alpha Wire) – The Orvik river burst its banks on Monday, flooding 40 homes in the old town.\n\n"
         "The council opened two emergency shelters at local schools.\n")
    s = sheet({"01_alpha.md": a})
    (flood,) = [c for c in s.claims if any("burst its banks" in q.quote for q in c.citations)]
    assert flood.text.startswith("The Orvik river burst its banks"), flood.text
    assert flood.citations[0].quote.startswith("ORVIK, March 3 (Alpha Wire) –")  # the quote stays verbatim


def test_a_short_restatement_stated_inside_one_claims_sentences_is_a_member_not_a_second_claim():
    head = "---\ntitle: Orvik Rovers promoted\nsource: {src}\ndate: 2031-05-0{n}\n---\n\n"
    rest = ("Orvik Rovers won promotion to the first division on Saturday after a 2-0 win over Tessby. "
            "Striker Ansel Moor scored both goals in the second half. ")
    files = {
        "01_alpha.md": head.format(src="Alpha", n=1) + rest +
        '"This is the proudest day in the 112-year history of this club," chairman Ivo Marsh said.\n',
        "02_bravo.md": head.format(src="Bravo", n=2) + rest +
        '"This is the proudest day in the 112-year history of this club," said club chairman Ivo Marsh.\n',
        "03_charlie.md": head.format(src="Charlie", n=3) + rest +
        'Fans sang outside the ground until midnight. "This is the proudest day this club has had."\n',
    }
    s = sheet(files)
    proud = [c for c in s.claims if "proudest day" in c.text]
    assert len(proud) == 1, [(c.text, [q.source for q in c.citations]) for c in proud]
    assert {q.source for q in proud[0].citations} == {"01-alpha", "02-bravo", "03-charlie"}


def test_a_participle_claim_reads_with_the_subject_of_the_clause_it_follows_not_its_facts_or_sibling_participles():
    line = ("A freight train carrying fuel oil derailed outside Tessby early on Tuesday, injuring 11 people and "
            "forcing hundreds of residents from their homes.")
    files = _two_sources_sharing("Tessby derailment", line, [
        ("alpha", "The rail operator has opened an inquiry into the derailment."),
        ("bravo", "An inquiry into the derailment was opened by the rail operator.")])
    s = sheet(files)
    (forced,) = [c for c in s.claims if c.focus and "forcing hundreds" in c.text[c.focus[0]:c.focus[1]]]
    # the derailment's place and day are the main clause's claim; this one is what it forced
    assert forced.text == "A freight train carrying fuel oil … forcing hundreds of residents from their homes.", forced.text
    assert forced.text[forced.focus[0]:forced.focus[1]] == "forcing hundreds of residents from their homes"


def test_he_or_she_opening_a_sentence_stands_for_the_person_named_before():
    files = {
        "01_a.md": "---\ntitle: Vell council\nsource: Alpha\ndate: 2031-11-06\n---\n\n"
                   "Irena Vostrova will be sworn in on January 9. Turnout was the highest in a decade.\n",
        "02_b.md": "---\ntitle: Vell council\nsource: Beta\ndate: 2031-11-06\n---\n\n"
                   "Irena Vostrova won the runoff with 58% of the vote. She will take office on January 9.\n",
    }
    s = sheet(files)
    (claim,) = claims_citing(s, "January 9")
    assert {q.source for q in claim.citations} == {"01-a", "02-b"}, [(c.text, c.citations) for c in s.claims]


def test_he_after_a_quotation_of_an_unnamed_speaker_is_nobody_named_before():
    body = ("Osric Vantrell was jailed for six years at Tarn Crown Court on Monday. He looked furious. "
            'Outside court his solicitor spoke to us: "We will be appealing." He was calm.')
    features = _features_by_text("Tarn trial", body)
    assert "n:vantrell" in features["He looked furious."]  # the man just named
    assert "n:vantrell" not in features["He was calm."]  # the solicitor, whose name we were not told


def test_he_stands_for_a_person_a_headline_does_not_name_and_the_same_sentence_may():
    body = ("# The Bottle Heard Round Vellbury\n\n"
            "Collins Otieno finished third on Sunday. His camp is appealing. "
            "Only Mekon Asrat tried to follow Otieno, and he was six seconds down by 36 km.")
    features = _features_by_text("Vell marathon", body)
    camp = features["His camp is appealing."]
    assert "n:otieno" in camp and "n:vellbury" not in camp, camp  # not the headline's words
    (down,) = [f for t, f in features.items() if "six seconds down" in t]
    assert "n:asrat" in down, down  # the one this sentence named first, not the one before


def test_his_before_a_name_is_about_the_one_named():
    body = ("Osric Vantrell was jailed for six years at Tarn Crown Court on Monday. "
            "His camp is appealing. His brother-in-law, Ledo Marsk, was cleared of fraud.")
    features = _features_by_text("Tarn trial", body)
    assert "n:vantrell" in features["His camp is appealing."]  # the man just named
    assert "n:vantrell" not in features["His brother-in-law, Ledo Marsk, was cleared of fraud."]  # about Marsk


def test_a_restatement_with_a_rival_value_of_a_less_alike_member_joins_as_a_dispute():
    # the first source restates the claim's core ("the temperature at the start was 12C")
    # and gives the start as 8 a.m.; a member of the claim that says less alike puts it at
    # 7:30 a.m. The two times are one disputed claim, not a second claim of the weather.
    files = dict([
        _dated("Lakeside half marathon", "01_a.md", "Alpha", "The race started at 8 a.m. under grey skies, with the temperature at 12 degrees and "
                "barely a breath of wind. Orla Brandt won the women's race."),
        _dated("Lakeside half marathon", "02_b.md", "Beta", "The temperature at the start was 12C. Orla Brandt won the women's race."),
        _dated("Lakeside half marathon", "03_c.md", "Gamma", "Orla Brandt is the favourite in the women's race. "
                "The elite start was at 7:30 a.m., with the temperature at 12C and hardly any wind."),
        _dated("Lakeside half marathon", "04_d.md", "Delta", "The temperature at the start was 12 degrees Celsius, with little wind. Orla Brandt won the women's race."),
    ])
    s = sheet(files)
    (weather,) = [c for c in s.claims if "12" in c.text and "temperature" in c.text.lower()]
    assert {q.source for q in weather.citations} == {"01-a", "02-b", "03-c", "04-d"}, [(c.text, c.citations) for c in s.claims]
    assert weather.status == "disputed"


def test_a_claim_from_one_sentence_of_a_longer_quotation_reads_as_a_whole_quotation():
    def article(name: str, outlet: str) -> tuple[str, str]:
        return name, (f"---\ntitle: Quake toll\nsource: {outlet}\ndate: 2031-04-12\n---\n\n"
                      "Rescuers worked through the night in Varnel. “The numbers will rise. There are villages we "
                      "still cannot reach,” said Ilse Marrow of the Red Crescent. The quake struck at dawn.\n")

    s = sheet(dict([article("01_a.md", "Alpha"), article("02_b.md", "Beta")]))
    texts = {c.text for c in s.claims}
    assert "“The numbers will rise.”" in texts, texts
    assert "“There are villages we still cannot reach,” said Ilse Marrow of the Red Crescent." in texts, texts
    quotes = {q.quote for c in s.claims for q in c.citations}
    assert "“The numbers will rise." in quotes  # the citation keeps the sentence as written


def test_a_quotation_opened_straight_and_closed_curly_is_balanced():
    from factsheet.merge.claims import balanced_quotes

    assert balanced_quotes('"In the factory, most jobs are automated,” Liu said.') == (
        '"In the factory, most jobs are automated,” Liu said.', None)
    assert balanced_quotes("“The numbers will rise.", (1, 5)) == ("“The numbers will rise.”", (1, 5))
    assert balanced_quotes("It just looked wrong.”", (0, 4)) == ("“It just looked wrong.”", (1, 5))


def test_a_rise_a_fall_and_a_premium_are_no_rival_percentages():
    files = dict([
        _dated("Velder bid", "01_a.md", "Alpha", "Ostrand agreed to buy Velder for $1.2 billion. Velder shares jumped 24% in early trading. "
                "The offer is a 27% premium to Velder's closing share price."),
        _dated("Velder bid", "02_b.md", "Beta", "Ostrand is buying Velder for $1.2 billion. Velder's shares rose 24% on the news. "
                "The price is a 27% premium to Velder's last closing share price."),
        _dated("Velder bid", "03_c.md", "Gamma", "Ostrand will pay $1.2 billion for Velder. Ostrand shares fell 3.2% in early trading."),
    ])
    assert not _disagreements_on(sheet(files), "%")


def test_lone_durations_of_different_happenings_are_no_rivals():
    files = dict([
        _dated("Vell marathon", "01_a.md", "Alpha", "Osei Varga won the Vell marathon on Sunday. Varga finished in 2:05:40. The morning was cold and dry."),
        _dated("Vell marathon", "02_b.md", "Beta", "Osei Varga won in Vell on Sunday. Varga covered the second half in 1:02:10. Crowds lined the route."),
    ])
    assert not _disagreements_on(sheet(files), ":")


def test_what_could_be_is_no_rival_of_what_is():
    files = dict([
        _dated("Velder bid", "01_a.md", "Alpha", "Ostrand agreed to buy Velder for $1.2 billion. Velder employs about 2,300 people at two plants."),
        _dated("Velder bid", "02_b.md", "Beta", "Ostrand is buying Velder for $1.2 billion. The union said up to 2,000 jobs at the plants could go."),
        _dated("Velder bid", "03_c.md", "Gamma", "Ostrand will pay $1.2 billion for Velder, which employs 2,300 people. A ferry can carry 600 passengers."),
    ])
    assert not _disagreements_on(sheet(files), "2,000")


def test_what_is_promised_or_expected_is_no_rival_of_what_is():
    files = dict([
        _dated("Velder bid", "01_a.md", "Alpha", "Ostrand agreed to buy Velder for $1.2 billion. In Harlow, where the "
                                                 "company has promised 450 jobs, the council welcomed the deal."),
        _dated("Velder bid", "02_b.md", "Beta", "Ostrand is buying Velder for $1.2 billion, the two companies said. The company employs 2,300 "
                                                "people at its two plants."),
        _dated("Velder bid", "03_c.md", "Gamma", "Ostrand will pay $1.2 billion for Velder. The Harlow plant is expected "
                                                 "to create 450 jobs, and the company employs 2,300 people."),
    ])
    assert not _disagreements_on(sheet(files), "450")


def test_jobs_that_could_go_are_not_jobs_a_plant_would_create():
    files = dict([
        _dated("Velder bid", "01_a.md", "Alpha", "Ostrand agreed to buy Velder for $1.2 billion. A new Velder plant in "
                                                 "Harlow would create about 450 jobs."),
        _dated("Velder bid", "02_b.md", "Beta", "Ostrand is buying Velder for $1.2 billion. The union says up to 500 jobs could go."),
        _dated("Velder bid", "03_c.md", "Gamma", "Ostrand will pay $1.2 billion for Velder. Its Harlow plant would create 450 jobs."),
    ])
    s = sheet(files)
    (create,) = claims_citing(s, "would create")
    assert {q.source for q in create.citations} == {"01-a", "03-c"}


def test_the_figures_of_one_sentence_cited_by_another_claim_are_not_lumped_with_its_rivals():
    wire = ("ORLA, March 3 (Alpha Wire) - At least nine people were taken to hospital after the fire aboard the Orla "
            "ferry, which was carrying 312 passengers, the coastguard said. Crews fought the blaze for hours.")
    files = dict([
        _dated("Orla ferry fire", "01_a.md", "Alpha", wire),
        _dated("Orla ferry fire", "02_b.md", "Beta", "The Orla ferry, which was carrying 312 passengers, caught fire on "
               "Tuesday. Crews fought the blaze for hours."),
        _dated("Orla ferry fire", "03_c.md", "Gamma", "Crews fought the blaze for hours. Fourteen people were taken to "
               "hospital. The ferry was carrying 312 passengers and 24 crew."),
        _dated("Orla ferry fire", "04_d.md", "Delta", "Crews fought the blaze for hours. The coastguard said 298 "
               "passengers and 24 crew had been on board. Nineteen people were taken to hospital."),
    ])
    found = [sorted(values) for values in _disagreements_on(sheet(files), "")]
    assert sorted(found) == [["298 passengers", "312 passengers"], ["Fourteen people", "Nineteen people", "nine people"]]


def test_a_part_a_figure_included_is_no_rival_of_the_figure():
    from factsheet.merge.extract import _count_noun
    from factsheet.merge.lexicon import Lexicon
    from factsheet.merge.quantities import extract_quantities

    (five,) = [q for q in extract_quantities("The higher figure included five people who went to hospital on their own.",
                                             _count_noun(Lexicon.default())) if q.low == 5]
    assert five.part


def test_events_that_share_a_town_stay_apart():
    from factsheet.merge.extract import extract_record
    from factsheet.merge.units import claimable_propositions, events

    companies, towns = ["Varnholt", "Quenby", "Ostrel", "Pardune"], ["Aldmere", "Brisko"]
    facts = []
    for k in range(120):
        company, town = companies[k % 4], towns[k % 2]
        if k % 3 == 0:  # an article that names its town more often than its company
            body = (f"Residents of {town} gathered on Monday. Traders in {town} expect growth. "
                    f"Schools in {town} will close early. {company} opened a plant there.")
        else:
            body = (f"{company} opened a plant in {town} on Monday. {company} said the plant would employ "
                    f"300 staff. {company} chief executive Lena Orsk spoke at the opening.")
        text = f"---\ntitle: Plant opens\nsource: Outlet {k}\n---\n\n{body}\n"
        facts.append(extract_record(parse_article(f"{k:03d}_a.md", text.encode(), max_bytes=1 << 20).record))
    event_of = events({f.record_id: claimable_propositions(f) for f in facts}, [f.record_id for f in facts])
    by_company = {c: {event_of[f.record_id] for k, f in enumerate(facts) if k % 4 == i and k % 3}
                  for i, c in enumerate(companies)}
    assert all(len(e) == 1 for e in by_company.values()), by_company  # each company's articles are one event
    assert by_company["Varnholt"] != by_company["Ostrel"], by_company  # two events in Aldmere stay two


def test_a_town_written_as_where_things_happen_is_no_events_subject():
    from factsheet.merge.extract import extract_record
    from factsheet.merge.units import claimable_propositions, events

    companies = ["Varnholt", "Quenby", "Ostrel"]
    facts = []
    for k in range(90):
        company = companies[k % 3]
        body = (f"{company} opened a plant in Aldmere on Monday. Residents gathered in Aldmere to watch. "
                f"Traders in Aldmere expect growth. {company} will employ 300 staff at the plant.")
        text = f"---\ntitle: Plant opens\nsource: Outlet {k}\n---\n\n{body}\n"
        facts.append(extract_record(parse_article(f"{k:03d}_a.md", text.encode(), max_bytes=1 << 20).record))
    event_of = events({f.record_id: claimable_propositions(f) for f in facts}, [f.record_id for f in facts])
    by_company = {c: {event_of[f.record_id] for k, f in enumerate(facts) if k % 3 == i} for i, c in enumerate(companies)}
    assert all(len(e) == 1 for e in by_company.values()), by_company
    assert len(set().union(*by_company.values())) == 3, by_company  # three plants in one town: three events


def test_a_rough_figure_is_compared_with_the_precise_figures_it_allows():
    """'Nearly 32,000 households' and '31,284 households' have different exact value
    features, and the noun they share is in every other sentence of the corpus (too common
    to find anything on its own): the blocking still pairs them, by the values' magnitude."""
    from factsheet.merge import record_facts
    from factsheet.merge.blocking import candidate_pairs
    from factsheet.merge.units import build_units

    streets = [a + b for a in ("Ash", "Birch", "Cedar", "Elm", "Fern", "Hazel", "Larch", "Maple", "Oak")
               for b in ("field", "gate", "ley", "mere", "ridge", "stead", "wick", "wood")]
    filler = [f"Volunteers visited households on {s} Road." for s in streets]
    files = dict([
        _dated("Smelter fire", "01_a.md", "Alpha", "A transformer fire at the Corlan smelter on Tuesday knocked out "
               "power to 31,284 households across the valley. " + " ".join(filler[:36])),
        _dated("Smelter fire", "02_b.md", "Beta", "Nearly 32,000 households went dark. " + " ".join(filler[36:])),
    ])

    def paired(rough_text: str) -> bool:
        records = tuple(parse_article(n, files[n].encode(), max_bytes=1 << 20).record for n in sorted(files))
        units, _ = build_units(record_facts(records))
        (precise,) = [u.index for u in units if "31,284" in u.prop.text]
        (rough,) = [u.index for u in units if rough_text in u.prop.text]
        return [min(precise, rough), max(precise, rough)] in candidate_pairs(units).tolist()

    assert paired("32,000")
    # ... and a figure it does not allow is not paired for its value
    files["02_b.md"] = files["02_b.md"].replace("Nearly 32,000", "Nearly 52,000")
    assert not paired("52,000")


SCALE_ORGS = ["Aldena", "Borvik", "Cadmira", "Dovrel", "Estarra", "Fennick", "Galvora", "Hestrin", "Ivelle",
              "Jorvast", "Kelmora", "Lunvard"]
SCALE_TOWNS = ["Marrow", "Northam", "Osgrave", "Pellin", "Quarrington", "Rusholt", "Stavely", "Tarnby", "Ulverby",
               "Vantage", "Wexcombe", "Yarrow"]


def _employs(e: int, org: str, k: int) -> str:
    return f"The plant will employ {300 + 10 * e if k < 10 else 700 + 10 * e} people when it opens."


def _twelve_events(middle) -> Sheet:
    """The sheet of twelve invented events of 20 articles each; `middle(event, org, k)` is
    the second sentence of the event's k-th article."""
    return merge(_twelve_events_records(middle), Editorial()).sheet


def _twelve_events_records(middle) -> tuple:
    records = []
    for e, (org, town) in enumerate(zip(SCALE_ORGS, SCALE_TOWNS)):
        for k in range(20):
            text = (f"---\ntitle: {org} plant for {town}\nsource: Outlet {e}-{k}\ndate: 2031-03-{k + 1:02d}\n---\n\n"
                    f"{org} Industries will build a battery plant in {town}, the company said on Monday. "
                    f"{middle(e, org, k)} "
                    f"Construction in {town} is due to start next spring, and the {org} board approved the budget.\n")
            records.append(parse_article(f"{e:02d}-{k:02d}_{org.lower()}.md", text.encode(), max_bytes=1 << 20).record)
    return tuple(records)


def test_each_event_of_a_large_corpus_shows_its_own_disagreement():
    """Twelve events, each told by 20 articles that disagree on one figure ('will employ
    300 people' / '700 people'): every article of the corpus states that measure, too many
    for an index of the whole corpus by measure, but each event's rivals still meet."""
    sheet = _twelve_events(_employs)
    found = set()
    for d in sheet.discrepancies:
        values = {v.value for v in d.values}
        for e in range(12):
            if {f"{300 + 10 * e} people", f"{700 + 10 * e} people"} <= values:
                found.add(e)
    assert found == set(range(12)), (sorted(found), [d.summary[:120] for d in sheet.discrepancies])


def test_the_measure_index_proposes_each_events_rivals_however_common_the_measure():
    """Every article of the twelve events states 'will employ N people': the measure index
    (the rival candidates that do not come from the blocking) still pairs each event's two
    figures, as it indexes a measure per event."""
    from factsheet.merge import record_facts
    from factsheet.merge.discrepancies import _candidates
    from factsheet.merge.grouping import Comparisons
    from factsheet.merge.units import build_units

    units, _ = build_units(record_facts(_twelve_events_records(_employs)))
    pairs = _candidates(units, Comparisons(units, []))
    employs = {u.index: u.prop.text for u in units if "will employ" in u.prop.text}
    for e in range(12):
        low, high = f"employ {300 + 10 * e} ", f"employ {700 + 10 * e} "
        stated = [(employs.get(i, ""), employs.get(j, "")) for i, j in pairs]
        assert any(low in a and high in b or high in a and low in b for a, b in stated), e


def test_a_statement_every_event_makes_meets_its_own_events_restatements():
    """'The agreement does not include any public subsidy, X said': twelve events each make
    it, 20 sources each, and only the attribution (which carries no weight) tells them apart;
    the blocking is per event, so each event's sources still meet and make one claim."""
    sheet = _twelve_events(lambda e, org, k: f"The agreement does not include any public subsidy, {org} said.")
    for org in SCALE_ORGS:
        cited = [len({q.source for q in c.citations}) for c in sheet.claims
                 if any("public subsidy" in q.quote and f"{org} said" in q.quote for q in c.citations)]
        assert max(cited) >= 15, (org, cited)


def test_a_claim_of_a_clause_opening_with_its_sentences_pronoun_reads_as_the_clause():
    title = "Orvel treasurer sentenced"
    body = ("Ivo Brenn, the former treasurer of the Orvel rowing club, was sentenced on Friday. "
            "He was ordered to carry out 150 hours of unpaid work, fined £9,000 and told to pay £4,500 in costs.")
    s = sheet(dict([_dated(title, "01_a.md", "Orvel Courier", body), _dated(title, "02_b.md", "Orvel Post", body)]))
    texts = sorted(c.text for c in s.claims if c.text.startswith("He "))
    assert texts == ["He was fined £9,000.", "He was ordered to carry out 150 hours of unpaid work.",
                     "He was told to pay £4,500 in costs."], texts  # not the whole sentence, three times


def test_an_acronym_meets_the_name_it_stands_for_spelled_out_in_another_source():
    files = {
        "01_a.md": "---\ntitle: Orvel airline outage\nsource: Alpha\ndate: 2031-06-06\n---\n\n"
                   "The Civil Air Transport Authority (CATA) said it would review the outage. "
                   "The Civil Air Transport Authority has confirmed it has written to the airline. Flights resumed on Friday.\n",
        "02_b.md": "---\ntitle: Orvel airline outage\nsource: Beta\ndate: 2031-06-06\n---\n\n"
                   "The regulator, the CATA, has sent them a stiff letter. Flights resumed on Friday.\n",
    }
    s = sheet(files)
    (letter,) = claims_citing(s, "stiff letter")
    assert {q.source for q in letter.citations} == {"01-a", "02-b"}, [(c.text, c.citations) for c in s.claims]


def test_a_kind_of_place_in_a_named_town_and_the_same_kind_named_after_another_town_disagree():
    (where,) = _place_disagreements(sheet(dict([
        _dated("Syrup recall", "01_a.md", "Alpha Wire", "The bottles were filled at Orvel Pharma's plant in Skelby, "
               "the regulator said. The recall covers 12 batches."),
        _dated("Syrup recall", "02_b.md", "Beta Radio", "The company says the bottles were filled at its Tarnwick plant. "
               "The recall covers 12 batches."),
    ])))
    assert {v.value for v in where.values} == {"plant in Skelby", "Tarnwick plant"}, where.values


def test_counts_of_what_happened_to_different_people_are_no_rival_values():
    s = sheet(dict([
        _dated("Quarry collapse", "01_a.md", "Alpha", "A rock face collapsed at the Orvel quarry on Wednesday. "
               "Three workers were killed at the Orvel quarry."),
        _dated("Quarry collapse", "02_b.md", "Beta", "A rock face collapsed at the Orvel quarry on Wednesday. "
               "Four workers have died at the Orvel quarry."),
        _dated("Quarry collapse", "03_c.md", "Gamma", "A rock face collapsed at the Orvel quarry on Wednesday. "
               "Two workers are still missing at the Orvel quarry."),
        _dated("Quarry collapse", "04_d.md", "Delta", "A rock face collapsed at the Orvel quarry on Wednesday. "
               "Six workers were trapped at the Orvel quarry."),
    ]))
    values = [{v.value for v in d.values} for d in s.discrepancies]
    assert any({"Three workers", "Four workers"} <= v for v in values), values  # the toll is disputed
    lumped = [v for v in values if len({x.split()[0].lower() for x in v}) > 2 or {"Two workers", "Six workers"} <= v
              or {"Three workers", "Two workers"} <= v]
    assert not lumped, values  # the missing and the trapped are no rival tolls


def test_the_times_of_two_events_are_no_rival_times():
    s = sheet(dict([
        _dated("Orvel earthquake", "01_a.md", "Alpha", "A magnitude 6.1 earthquake struck the Orvel valley at 03:12 on "
               "Saturday. Rescuers reached the village of Skel by noon."),
        _dated("Orvel earthquake", "02_b.md", "Beta", "A strong aftershock at 09:47 brought down several buildings in "
               "the Orvel valley. Rescuers reached the village of Skel by noon."),
    ]))
    assert not _disagreements_on(s, "03:12"), _disagreements_on(s, "03:12")
