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
