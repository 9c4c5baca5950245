"""Page furniture that is shaped like text: unlabelled picture credits after a
caption, reporting credits written name first or as a wire's sign-off, legal
notices around a copyright line, live-blog ordering and refresh notices, app
and newsletter promos ending in a button's label, cookie banners, "About X"
boilerplate, bios without an article. Every article here is invented for these
tests; each rule comes with prose that resembles it and must be kept."""

from __future__ import annotations

import pytest

from tests.test_parse_clean import LEAD, MORE, assert_offsets, kept, parse_fixture, parse_text, reasons


def test_wire_story_loses_its_captioned_photo_credit_and_legal_tail() -> None:
    record, raw = parse_fixture("tunnel-fire-wire.md")
    assert_offsets(record, raw)
    assert kept(record) == [
        "KELVARD, Feb 8 (Brightwater) - A lorry fire inside the Orsen road tunnel near Kelvard closed the main route "
        "north on Monday, and engineers said repairs to the tunnel lining would keep it shut until at least Wednesday.",
        "The fire broke out at about 6:15 a.m., when a refrigerated lorry caught fire 800 metres inside the "
        "southbound bore, the regional roads agency said.",
        "The driver escaped on foot through an emergency exit.",
        "Firefighters wearing breathing apparatus put out the blaze within 90 minutes.",
        "No one was hurt.",
        "Traffic was diverted over the Hallin pass, adding about 40 minutes to journeys, the agency said.",
        '"The lining has been damaged over a 30-metre stretch and has to be checked before we can let anyone back '
        'in," agency engineer Runa Castell told reporters.',
    ]
    found = reasons(record)
    assert found["caption or photo credit"] == [
        "Smoke pours from the southern portal of the Orsen tunnel, February 8, 2027. BRIGHTWATER/Tomasz Elling"]
    assert found["reporting credit"] == ["(Ines Morrow reporting; Pavel Dresner editing)"]
    assert found["copyright notice"] == ["Brightwater Wire content is protected by copyright. © 2027 Brightwater Wire."]


def test_live_blog_loses_its_banner_notices_and_promos() -> None:
    record, raw = parse_fixture("flood-live-blog.txt")
    assert_offsets(record, raw)
    assert kept(record) == [
        "River Tamsin floods: live updates",
        "The Tamsin peaked at 4.8 metres at the Corlow bridge gauge, the river authority said, the highest level "
        "since records began in 1968.",
        "About 300 homes in the Lower Corlow district have been evacuated, the county council said.",
        "Two rest centres are open at the Corlow leisure centre and St Anne's school.",
        "Police closed the Corlow bridge to all traffic after water reached the underside of the deck.",
    ]
    found = reasons(record)
    assert found["live-blog notice"] == ["The most recent updates appear at the top of this page. Tap to refresh."]
    assert found["app promo"] == ["Get the Radio Corlow app for flood alerts and breaking news."]
    assert found["newsletter plug"] == ["Corlow Weekly: council news and planning notices every Friday. Subscribe"]
    assert "We and our advertising partners set cookies on this device to measure how the site is used." \
        in found["cookie notice"]
    assert not any(s.truncated for s in record.sentences)  # "Subscribe" was a button, not a cut-off sentence


def test_reprinted_wire_story_loses_its_sign_off_notice_and_bio() -> None:
    record, raw = parse_fixture("library-vote-reprint.txt")
    assert_offsets(record, raw)
    assert kept(record) == [
        "Halden council approves £12m library rebuild",
        "The Halden city council voted 31 to 9 on Tuesday to rebuild the central library on its present site, at a "
        "cost of £12 million, ending a two-year row over plans to move it to the retail park.",
        "Work is due to start in September and the library will reopen in spring 2029, the council said.",
        "A temporary branch will open in the old post office on Mill Street.",
        '"This keeps the library where people can walk to it," council leader Ottilie Brask said after the vote.',
    ]
    found = reasons(record)
    assert found["reporting credit"] == ["-- Northway Press Association; additional reporting by Mara Quist"]
    assert found["copyright notice"] == [
        "Northway Press Association © 2027. Reproduction or retransmission is prohibited without prior written permission."]
    assert found["author bio"] == ["Mara Quist is senior reporter at the Halden Local."]


def test_about_section_closing_a_release_goes_even_when_it_does_not_open_with_the_name() -> None:
    raw = (f"{LEAD}\n\n{MORE}\n\nAbout the Norhaven Water Trust\n"
           "Set up in 1994 by the Norhaven Civic Society, the trust funds water projects in the region.\n")
    record = parse_text(raw)
    assert reasons(record)["company boilerplate"] == [
        "About the Norhaven Water Trust",
        "Set up in 1994 by the Norhaven Civic Society, the trust funds water projects in the region."]
    assert len(kept(record)) == 4


def test_about_an_acronym_over_the_name_it_stands_for_is_boilerplate() -> None:
    raw = (f"{LEAD}\n\n{MORE}\n\nAbout the NWT\n"
           "The Norhaven Water Trust is a charity with 4,000 members in 120 towns across the region.\n\n"
           "Halden council has promised a public meeting on the plans in June, its leader said on Tuesday.\n")
    record = parse_text(raw)
    assert reasons(record)["company boilerplate"] == [
        "About the NWT", "The Norhaven Water Trust is a charity with 4,000 members in 120 towns across the region."]


@pytest.mark.parametrize("line, reason", [
    ("Dockside workers unload the first shipment, May 2, 2027. Ana Lima/The Harbour Ledger", "caption or photo credit"),
    ("HARBOUR LEDGER/Ana Lima", "caption or photo credit"),
    ("(Bo Kerr and Ana Lima reporting from Halden; Ivo Sand editing)", "reporting credit"),
    ("Harbour Ledger Ltd © 2027. All rights reserved.", "copyright notice"),
    ("Reproduction, distribution or retransmission of this article is strictly prohibited.", "copyright notice"),
    ("Newest posts are shown first. Swipe down to update.", "live-blog notice"),
    ("Download our free app for the latest headlines and live radio.", "app promo"),
    ("Harbour Ledger Daily: port news and shipping alerts every weekday. Sign up", "newsletter plug"),
    ("Agree | Disagree | More options", "share/comment widget"),
])
def test_furniture_lines(line: str, reason: str) -> None:
    raw = f"{LEAD}\n\n{line}\n\n{MORE}\n"
    record = parse_text(raw)
    assert [(s.reason, s.text) for s in record.removed] == [(reason, line)]
    assert len(kept(record)) == 4


@pytest.mark.parametrize("prose", [
    "The court ruled that the photographs are protected by copyright and awarded the agency £40,000 in damages.",
    "Republication of the report is prohibited until the inquiry ends, the judge said.",
    "Download the council's app to report potholes and missed bin collections.",
    "The newest carriages are at the front of the train, the operator said.",
    "Reporting by the Halden Local found that the council had ignored three warnings.",
    "The band recorded the album in Halden with producers from Oslo/Bergen Studios.",
    "The broadcast starts at 9 p.m. ET/PT on Friday.",
    "Members voted 212 to 40 to join the national federation, the union said.",
])
def test_prose_that_resembles_furniture_is_kept(prose: str) -> None:
    raw = f"{LEAD}\n\n{prose}\n\n{MORE}\n"
    record = parse_text(raw)
    assert prose in kept(record) and record.removed == ()


@pytest.mark.parametrize("last", [
    "Lena Ostrova is chief executive of the Halden Port Authority.",
    "Ivo Sand is managing director at Corlow Freight, which owns the ship.",
])
def test_a_person_the_article_describes_last_is_not_a_bio(last: str) -> None:
    record = parse_text(f"{LEAD}\n\n{MORE}\n\n{last}\n")
    assert last in kept(record) and record.removed == ()


def test_a_paragraph_that_ends_with_a_credit_keeps_its_sentences() -> None:
    raw = (f"{LEAD}\n\nThe plant was built by Corlow Engineering. It took four years and 600 workers. "
           f"Ana Lima/The Harbour Ledger\n\n{MORE}\n")
    record = parse_text(raw)
    assert "It took four years and 600 workers." in kept(record)
    assert [(s.reason, s.text) for s in record.removed] == [("caption", "Ana Lima/The Harbour Ledger")]


@pytest.mark.parametrize("figure, after", [
    ("Image: Channel 9", "Rescuers reached the last two climbers on the ridge shortly after dawn."),
    ("Photo: Route 66 Gazette", "The museum reopens on Friday with a new wing for the car collection."),
])
def test_a_credit_with_a_channel_or_route_number_is_cut_at_the_glued_sentence(figure: str, after: str) -> None:
    raw = f"{LEAD}\n\n{figure}{after}\n\n{MORE}\n"
    record = parse_text(raw)
    assert_offsets(record, raw)
    assert after in kept(record)
    assert [(s.reason, s.text) for s in record.removed] == [("caption", figure)]


def test_a_number_glued_to_a_capital_inside_a_credit_is_no_glue() -> None:
    line = "Photo: 3M headquarters in St Paul"
    record = parse_text(f"{LEAD}\n\n{line}\n\n{MORE}\n")
    assert [(s.reason, s.text) for s in record.removed] == [("caption or photo credit", line)]


def test_a_copyright_year_is_not_a_photo_credit() -> None:
    line = "© 2027 Harbour Ledger"
    record = parse_text(f"{LEAD}\n\n{MORE}\n\n{line}\n")
    assert [(s.reason, s.text) for s in record.removed] == [("copyright notice", line)]
    assert record.publisher == "Harbour Ledger"
