"""Counts of people in a discrepancy: a part of a group and a severity class are other
measures than the group's total, and every source stating a value is listed with it."""

from __future__ import annotations

from dataclasses import replace

from factsheet.editorial import Editorial
from factsheet.merge import merge
from tests.test_merge_units import record


def _sheet():
    wire = replace(record("harbour-wire", [
        "TALSBY, June 2 — A fire on the Nordvik ferry injured 22 passengers on Monday evening, the coast guard said.",
        "Five of the injured were taken to hospital by helicopter.",
        "The ferry was carrying 340 passengers when the fire broke out in the engine room.",
    ]), publisher="Harbour Wire")
    copy = replace(record("harbour-wire-copy", [
        "TALSBY, June 2 — A fire on the Nordvik ferry injured 22 passengers on Monday evening, the coast guard said.",
        "The ferry was carrying 340 passengers when the fire broke out in the engine room.",
    ]), publisher="Harbour Wire")
    local = replace(record("talsby-post", [
        "Twenty-five people were hurt when fire broke out on the Nordvik ferry off Talsby on Monday.",
        "Five people suffered serious injuries, the coast guard said.",
        "Passengers were moved to the upper deck while the crew fought the fire.",
    ]), publisher="Talsby Post")
    return merge((wire, copy, local), Editorial()).sheet


def test_total_counts_disagree_but_parts_and_severity_classes_do_not() -> None:
    sheet = _sheet()
    injured = [d for d in sheet.discrepancies if "injured" in d.subject]
    assert len(injured) == 1, [d.summary for d in sheet.discrepancies]
    values = {v.value: v.sources for v in injured[0].values}
    # "Five of the injured" (a part) and "Five people suffered serious injuries" (a severity
    # class) are not rival totals of 22 / Twenty-five
    assert set(values) == {"22", "Twenty-five"}
    # both copies of the wire story state 22, not only the one paired with the local report
    assert values["22"] == ("harbour-wire", "harbour-wire-copy")
    assert values["Twenty-five"] == ("talsby-post",)


def test_summary_names_sources_by_publisher_and_tells_shared_publishers_apart() -> None:
    (d,) = [d for d in _sheet().discrepancies if "injured" in d.subject]
    assert "Harbour Wire (harbour-wire), Harbour Wire (harbour-wire-copy) say 22" in d.summary
    assert "Talsby Post says Twenty-five" in d.summary
