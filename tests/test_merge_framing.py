"""Disagreements beyond numbers (approximate dates, purposes, places) and
clause-level matching, on small articles written for these tests."""

from __future__ import annotations

from factsheet.editorial import Editorial
from factsheet.merge import merge
from factsheet.merge.clauses import clause_spans, negated_stems
from factsheet.merge.framing import approx_dates, place_lists, purposes
from factsheet.merge.names import extract_names
from tests.test_merge_units import record

FILLER = {
    "a": ["The city council met on Tuesday evening to discuss the budget.",
          "Residents asked questions about parking for almost an hour."],
    "b": ["The weather service expects heavy rain over the weekend.",
          "Local schools will stay open as usual."],
    "c": ["A new bakery opened near the central station last month.",
          "The museum extended its opening hours for the summer."],
}


def sheet_of(*articles: tuple[str, list[str]]):
    records = tuple(record(rid, lines + FILLER[rid], date="2031-05-02") for rid, lines in articles)
    return merge(records, Editorial()).sheet


def claims_citing(sheet, word):
    return [c for c in sheet.claims if any(word in x.quote for x in c.citations)]


def test_approximate_periods():
    (q,) = approx_dates("The deal is expected to close in the first quarter of 2032.")
    assert (q.year, q.first, q.last, q.text) == (2032, 1, 3, "the first quarter of 2032")
    (m,) = approx_dates("Northwind expects the merger to close by mid-2032.")
    assert (m.year, m.first, m.last) == (2032, 5, 8)
    assert not q.overlaps(m)
    (h,) = approx_dates("Work should finish in the second half of 2032.")
    assert h.overlaps(approx_dates("Work should finish in late 2032.")[0])
    (march,) = approx_dates("The festival will open in March, organisers said.")
    assert (march.year, march.first, march.text) == (None, 3, "March")
    assert approx_dates("The report was published on March 3, 2031.") == ()  # a full date is not approximate


def test_purpose_needs_a_named_partner():
    text = "Brightwater formed a joint venture with Kessler Dynamics to build offshore wind turbines."
    (p,) = purposes(text, extract_names(text))
    assert p.partners == frozenset({"kessler dynamics"}) and {"offshor", "wind"} <= p.objects
    plain = "The council set up a project to repair the old harbour wall."
    assert purposes(plain, extract_names(plain)) == ()


def test_place_lists():
    text = "The company will build battery plants in Ohio, Texas and Georgia."
    (pl,) = place_lists(text, extract_names(text))
    assert pl.places == frozenset({"ohio", "texas", "georgia"}) and pl.text == "Ohio, Texas and Georgia"
    poss = "Shares rose after talks in Halvorsen's head office."
    assert place_lists(poss, extract_names(poss)) == ()


def test_clauses_and_negation():
    text = "Northwind will pay $20 a share, a premium of 40% to Friday's closing price."
    assert [text[a:b] for a, b in clause_spans(text)] == ["Northwind will pay $20 a share",
                                                           "a premium of 40% to Friday's closing price."]
    appositive = "Ada Brennan, the club's chief executive, said the stadium would stay open."
    assert len(clause_spans(appositive)) == 1
    assert "!guarante" in negated_stems("There is no guaranteed funding yet.") or "!guarant" in negated_stems(
        "There is no guaranteed funding yet.")
    assert not negated_stems("The funding is guaranteed.")


def test_purpose_discrepancy_between_sources():
    sheet = sheet_of(
        ("a", ["Brightwater announced a joint venture with Kessler Dynamics on Monday to build offshore wind turbines."]),
        ("b", ["Brightwater has announced a venture with Kessler Dynamics to develop hydrogen storage tanks."]),
        ("c", ["Brightwater unveiled a joint venture with Kessler Dynamics to make offshore wind farms cheaper."]),
    )
    (d,) = [d for d in sheet.discrepancies if "purpose" in d.subject]
    sides = {v.sources: v.value for v in d.values}
    assert sides[("b",)] == "to develop hydrogen storage tanks"
    assert "to build offshore wind turbines" in sides[("a", "c")]  # agreeing aims are one side
    venture_claims = claims_citing(sheet, "Kessler")
    assert all(c.status == "disputed" for c in venture_claims)
    assert not any({x.source for x in c.citations} >= {"a", "b"} for c in venture_claims)


def test_same_purpose_is_no_discrepancy():
    sheet = sheet_of(
        ("a", ["Brightwater announced a joint venture with Kessler Dynamics to build offshore wind turbines."]),
        ("b", ["Brightwater has announced a venture with Kessler Dynamics to build wind turbines at sea."]),
    )
    assert not sheet.discrepancies


def test_approximate_date_discrepancy():
    sheet = sheet_of(
        ("a", ["The takeover of Larkspur Foods is expected to close in the first quarter of 2032."]),
        ("b", ["Orrin Group expects the takeover of Larkspur Foods to close by mid-2032."]),
    )
    (d,) = sheet.discrepancies
    assert {v.value for v in d.values} == {"the first quarter of 2032", "mid-2032"}
    assert "date" in d.subject


def test_month_discrepancy():
    sheet = sheet_of(
        ("a", ["Construction of the Harlow tram line will start in March, the transit agency said."]),
        ("b", ["Construction of the Harlow tram line will start in May, according to the transit agency."]),
    )
    (d,) = sheet.discrepancies
    assert {v.value for v in d.values} == {"March", "May"}


def test_place_discrepancy():
    sheet = sheet_of(
        ("a", ["Velora Motors will build its new battery factory in Ohio, the company said on Monday."]),
        ("b", ["Velora Motors will build its new battery factory in Tennessee, the company said on Monday."]),
    )
    (d,) = sheet.discrepancies
    assert {v.value for v in d.values} == {"Ohio", "Tennessee"}


def test_fewer_places_is_no_discrepancy():
    sheet = sheet_of(
        ("a", ["Velora Motors will build battery factories in Ohio and Tennessee, the company said."]),
        ("b", ["Velora Motors will build battery factories in Ohio, the company said."]),
    )
    assert not sheet.discrepancies


def test_two_fact_sentence_cites_both_facts():
    sheet = sheet_of(
        ("a", ["Orrin Group will pay $41 for each Larkspur Foods share, a premium of 28% to Friday's closing price."]),
        ("b", ["The offer values Larkspur Foods at a premium of 28% to its last closing price."]),
        ("c", ["Orrin Group is paying $41 per Larkspur Foods share in cash."]),
    )
    premium = [c for c in sheet.claims if c.text.startswith("The offer values")]
    assert premium and {x.source for x in premium[0].citations} == {"a", "b"}
    price = [c for c in sheet.claims if any(x.source == "c" for x in c.citations)]
    assert {x.source for x in price[0].citations} == {"a", "c"}


def test_negated_restatements_cite_one_claim():
    sheet = sheet_of(
        ("a", ["Halden's deal with Orrin does not include any purchase commitments at this stage."]),
        ("b", ["No purchase agreements were detailed, but the firms have worked together for years."]),
        ("c", ["Orrin's agreement with Halden does not include specific purchase commitments, the companies said."]),
    )
    (claim,) = [c for c in sheet.claims if any(x.source == "a" and "purchase" in x.quote for x in c.citations)]
    assert {x.source for x in claim.citations} == {"a", "b", "c"}
    assert not claim.text.startswith("No purchase agreements")  # a one-fact sentence reads better as the claim


def test_places_in_different_years_are_two_events():
    sheet = sheet_of(
        ("a", ["Velora Motors opened a battery factory in Ohio in 2019, the company said."]),
        ("b", ["Velora Motors opened a battery factory in Tennessee in 2023, the company said."]),
    )
    assert not sheet.discrepancies
