"""Real scrapes: captions and credits glued into the text, author bios,
newsletter and navigation strips, other stories' headlines, cut-off endings
and titles taken from junk lines. Every article here is invented for these
tests; each furniture rule comes with prose that resembles it and is kept."""

from __future__ import annotations

import json

import pytest

from factsheet.parse import rules as R
from tests.conftest import run_cli
from tests.test_parse_clean import LEAD, MORE, assert_offsets, kept, parse_text, reasons

BODY = (
    "The Halden river bridge reopened to traffic on Monday after 14 months of repairs, the county said.\n\n"
    "Engineers replaced two of its steel piers and resurfaced the deck, at a cost of 38 million euros.\n\n"
    "About 21,000 vehicles crossed the bridge each day before it was closed in 2025, county figures show.\n"
)


def removed_pairs(record) -> list[tuple[str, str]]:
    return [(s.reason, s.text) for s in record.removed]


# ------------------------------------------------------------- captions and credits


@pytest.mark.parametrize("figure, after", [
    ("Floodwater covers the market square on Friday. Photo: River Authority handout",
     "The river peaked at 6.2 metres overnight, the agency said."),
    ("A technician inspects the damaged turbine. (Photo: Norvik Energy)",
     "Norvik said the repair would take six weeks."),
    ("The new footbridge at dusk on Monday.Photo by Iris Delano for The Harbour Ledger",
     "It took nine years to plan and build."),
    ("Photograph: Coast Rescue/handout", "Two fishermen were lifted from the water by helicopter."),
    ("Staff photo by Bram Orr", "The council opened three shelters on Thursday night."),
    ("Photo: Lina Berg/TrailWorks", "The ride set off at 9 a.m. under light rain."),
])
def test_a_credit_glued_to_the_next_sentence_is_cut_at_the_glued_capital(figure: str, after: str) -> None:
    raw = f"{LEAD}\n\n{figure}{after}\n\n{MORE}\n"
    record = parse_text(raw)
    assert_offsets(record, raw)
    assert after in kept(record)
    assert removed_pairs(record) == [("caption", figure)]


def test_a_caption_line_above_a_glued_credit_goes_with_it() -> None:
    raw = (f"{LEAD}\n\nVolunteers stack sandbags outside the library.\n\n"
           f"Staff photo by Bram OrrThe council opened three shelters on Thursday night.\n\n{MORE}\n")
    record = parse_text(raw)
    assert_offsets(record, raw)
    assert "The council opened three shelters on Thursday night." in kept(record)
    assert removed_pairs(record) == [("caption", "Volunteers stack sandbags outside the library."),
                                     ("caption", "Staff photo by Bram Orr")]


@pytest.mark.parametrize("line", [
    "Image credit: Space Agency / J. Ruiz",
    "Photo © Ana Lima / Coastline Weekly",
    "Gazette photo by Ilse Marlow",
    "The mayor speaks after the result was announced.Credit…Ana Lima/The Daily Post",
])
def test_a_credit_standing_alone_is_removed(line: str) -> None:
    raw = f"{LEAD}\n\n{line}\n\n{MORE}\n"
    record = parse_text(raw)
    assert kept(record) == kept(parse_text(f"{LEAD}\n\n{MORE}\n"))
    assert removed_pairs(record) == [("caption or photo credit", line)]


def test_a_caption_shaped_line_next_to_an_image_is_a_caption() -> None:
    raw = f"{LEAD}\n\n![](flood.jpg)\n\nA boat moves along the flooded high street.\n\n{MORE}\n"
    record = parse_text(raw, "story.md")
    assert reasons(record)["caption"] == ["A boat moves along the flooded high street."]
    assert len(kept(record)) == 4


@pytest.mark.parametrize("prose", [
    "A photo by a passenger showed flames on the upper deck.",
    "Police video by a bystander on YouTube showed officers arriving at 9 p.m.",
    "Shutterstock shares fell 5% after the company cut its forecast.",
    "The photo agency Getty Images said it had not licensed the picture.",
])
def test_prose_about_photos_and_picture_agencies_is_kept(prose: str) -> None:
    raw = f"{LEAD}\n\n{prose}\n\n{MORE}\n"
    record = parse_text(raw)
    assert prose in kept(record) and record.removed == ()


def test_a_past_tense_report_above_a_credit_is_not_taken_for_a_caption() -> None:
    raw = f"{LEAD}\n\nRescuers searched the harbour through the night.\n\nPhoto: Coast Rescue/handout\n\n{MORE}\n"
    record = parse_text(raw)
    assert "Rescuers searched the harbour through the night." in kept(record)
    assert removed_pairs(record) == [("caption or photo credit", "Photo: Coast Rescue/handout")]


# ------------------------------------------------------------- author bios


@pytest.mark.parametrize("bio", [
    "Mara Kell covers transport and local news for the Courier.",
    "Petra Voss is the Gazette's energy correspondent. She has reported on the grid since 2019.",
    "Cyril Brandvold is a reporter at the Valley Times.",
])
def test_a_journalists_bio_at_the_end_is_removed(bio: str) -> None:
    raw = f"{LEAD}\n\n{MORE}\n\n{bio}\n"
    record = parse_text(raw)
    assert removed_pairs(record) == [("author bio", bio)]


@pytest.mark.parametrize("last", [
    "Dorian Pask is the chief executive of the port authority.",
    "Mayor Ana Ruiz covers the cost of the trip herself, her office said.",
    "Professor Ida Lund has written about the risks of desalination for a decade.",
])
def test_a_person_the_article_describes_at_its_end_is_kept(last: str) -> None:
    record = parse_text(f"{LEAD}\n\n{MORE}\n\n{last}\n")
    assert last in kept(record) and record.removed == ()


def test_the_front_matter_authors_bio_is_removed() -> None:
    raw = f"---\ntitle: Plant opens\nauthor: Rafe Linton\n---\n{LEAD}\n\n{MORE}\n\nRafe Linton joined the paper in 2020.\n"
    record = parse_text(raw, "story.md")
    assert reasons(record)["author bio"] == ["Rafe Linton joined the paper in 2020."]


# ------------------------------------------------------------- newsletters, navigation, rows


@pytest.mark.parametrize("line, reason", [
    ("Start the day smarter ☀️ Sign up for our briefing", "newsletter plug"),
    ("Don't miss a match: subscribe to the Touchline Weekly and get every result on Monday.", "newsletter plug"),
    ("Get the Harbour Ledger's Morning Tide newsletter. Enter your email | Subscribe", "newsletter plug"),
    ("Home › News › World", "breadcrumb"),
    ("Skip to content | Sport | Jobs | Live TV", "navigation"),
    ("Subscribe from £2 a month for full digital access | Log in | Register", "paywall prompt"),
    ("Refresh for new posts | 3 new updates", "live-blog notice"),
    ("This page refreshes automatically. Latest posts first.", "live-blog notice"),
    ("Advertisement", "advertisement"),
    ("Sponsored: Compare energy tariffs in your area", "advertisement"),
    ("4:30 p.m.", "timestamp"),
    ("11.05 GMT", "timestamp"),
    ("Watch: Helicopter footage over the flooded valley 01:42", "video label"),
    ("Watch the report on News at Six | 02:15", "video label"),
    ("Media contact: Yara Roe, press@harbour-example.org", "contact line"),
    ("Trending: Dam levels fall | Tram fares rise | Bridge opens", "related-story link"),
    ("Also on Channel 9: Choir wins regional contest | Hail expected at weekend", "related-story link"),
    ("You may also enjoy: Ten bridges that outlived their designers", "related-story link"),
    ("TRAMWAY HOLDINGS 12.40 +0.31 (+2.56%) | PORTLINE 8.02 -0.11 (-1.35%) | Delayed 15 min",
     "price ticker / market widget"),
])
def test_furniture_lines(line: str, reason: str) -> None:
    raw = f"{LEAD}\n\n{line}\n\n{MORE}\n"
    record = parse_text(raw)
    assert removed_pairs(record) == [(reason, line)]
    assert len(kept(record)) == 4


def test_a_sign_up_call_glued_to_a_question_at_the_end_of_a_paragraph() -> None:
    raw = f"{LEAD}\n\n{MORE} Liked this story? Subscribe to The Weekly Grid – free, every Friday.\n"
    record = parse_text(raw)
    assert removed_pairs(record) == [("newsletter plug", "Liked this story?"),
                                     ("newsletter plug", "Subscribe to The Weekly Grid – free, every Friday.")]
    assert kept(record)[-1] == "Construction took four years."


@pytest.mark.parametrize("prose", [
    "Sign up for the vaccine opens on Monday at 8 a.m., the health board said.",
    "Residents who subscribe to the council's flood alerts received a warning at 6 a.m.",
    "Watch the water levels closely, the agency warned residents.",
    "The newsletter, published by the union, urged members to reject the offer.",
    "Remember to check the membership rules before you sign up, the club told parents.",
    "About 40% subscribe to a weekly vegetable box, the survey found.",
])
def test_prose_that_resembles_sign_ups_and_labels_is_kept(prose: str) -> None:
    raw = f"{LEAD}\n\n{prose}\n\n{MORE}\n"
    record = parse_text(raw)
    assert prose in kept(record) and record.removed == ()


def test_a_meta_row_gives_the_date_and_goes() -> None:
    raw = f"Bridge reopens after 14 months of repairs\n\nMarch 6, 2026 · 4 min read · by Kaspar Amsel\n\n{BODY}"
    record = parse_text(raw)
    assert removed_pairs(record)[0] == ("byline", "March 6, 2026 · 4 min read · by Kaspar Amsel")
    assert record.date == "2026-03-06" and record.title == "Bridge reopens after 14 months of repairs"


def test_a_place_and_date_line_under_a_statement_heading_dates_it() -> None:
    raw = f"Update on the Halden bridge\n\nHalden, 3 March 2026, 18:00\n\n{BODY}"
    record = parse_text(raw)
    assert removed_pairs(record)[0] == ("dateline", "Halden, 3 March 2026, 18:00")
    assert record.date == "2026-03-03"


def test_forward_looking_statements_close_a_release() -> None:
    raw = (f"{LEAD}\n\n{MORE}\n\nForward-Looking Statements\n\n"
           "This press release includes forward-looking statements about the plant's output and costs.\n\n"
           "Such statements involve risks and uncertainties; outcomes could differ materially.\n")
    record = parse_text(raw)
    assert [r for r, _ in removed_pairs(record)] == ["disclaimer"] * 3
    assert len(kept(record)) == 4


def test_a_summary_bullet_that_names_something_new_stays() -> None:
    raw = ("# Norhaven plant opens\n\n## Key points\n\n"
           "- The plant can supply 90,000 homes with drinking water\n"
           "- The plant will be run by Norhaven Water Services\n\n"
           f"{LEAD}\n\n{MORE}\n")
    record = parse_text(raw, "story.md")
    assert "The plant will be run by Norhaven Water Services" in kept(record)
    assert reasons(record)["summary bullet repeating the body"] == ["- The plant can supply 90,000 homes with drinking water"]


# ------------------------------------------------------------- other stories' headlines at the end


def test_unlabelled_headlines_of_other_stories_at_the_end_are_removed() -> None:
    raw = f"{BODY}\nCash machine ripped from supermarket wall in overnight raid\n\nSchool choir wins regional contest\n"
    record = parse_text(raw)
    assert removed_pairs(record) == [("related-story link", "Cash machine ripped from supermarket wall in overnight raid"),
                                     ("related-story link", "School choir wins regional contest")]
    assert not any(s.truncated for s in record.sentences)


# ------------------------------------------------------------- cut-off endings


def test_a_last_sentence_cut_off_mid_word_is_kept_and_marked() -> None:
    raw = f"{BODY}\nThe county said the next inspection of the piers would take pla"
    record = parse_text(raw)
    last = record.sentences[-1]
    assert last.text == "The county said the next inspection of the piers would take pla" and last.truncated
    assert [s.truncated for s in record.sentences[:-1]] == [False] * (len(record.sentences) - 1)


def test_a_last_line_cut_off_that_looks_like_a_heading_is_a_truncated_sentence() -> None:
    raw = f"{BODY}\nThe engineers said they would also check the bridge's drainage pi\n"
    record = parse_text(raw)
    last = record.sentences[-1]
    assert last.block == "paragraph" and last.truncated and record.removed == ()


@pytest.mark.parametrize("ending", [
    "The county thanked drivers for their patience.",
    '"It is a relief," said one commuter.',
    "Did the repairs come too late?",
])
def test_a_complete_last_sentence_is_not_marked(ending: str) -> None:
    record = parse_text(f"{BODY}\n{ending}\n")
    assert not any(s.truncated for s in record.sentences)


def test_a_list_ending_without_full_stops_is_not_cut_off() -> None:
    raw = f"{BODY}\n- Engineers replaced two steel piers\n- The deck was resurfaced\n"
    record = parse_text(raw, "story.md")
    assert not any(s.truncated for s in record.sentences)


def test_a_cut_off_sentence_never_becomes_a_claim(tmp_path) -> None:
    cut = "The county said the next inspection of the piers would take pla"
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (project / "content" / name).write_text(f"Halden bridge reopens\n\n{BODY}\n{cut}", encoding="utf-8")
    done = run_cli("build", "--content", str(project / "content"), "--out", str(project / "site"), cwd=project)
    assert done.returncode == 0, done.stderr
    facts = json.loads((project / "site" / "facts.json").read_text(encoding="utf-8"))
    quotes = [c["quote"] for claim in facts["claims"] for c in claim["citations"]]
    assert quotes and not any("take pla" in q for q in quotes)
    assert not any("take pla" in claim["text"] for claim in facts["claims"])


# ------------------------------------------------------------- titles and publishers


@pytest.mark.parametrize("top, title, publisher", [
    ("01:05 - Source: Channel 9 Business\nBridge reopens after 14 months of repairs",
     "Bridge reopens after 14 months of repairs", "Channel 9 Business"),
    (" date 2026-03-03 Valley Courier\nBridge reopens after 14 months of repairs",
     "Bridge reopens after 14 months of repairs", "Valley Courier"),
    ("Bridge reopens after 14 months of repairs – Metro Daily", "Bridge reopens after 14 months of repairs", "Metro Daily"),
    ("Bridge reopens after 14 months of repairs | Brookmere Times", "Bridge reopens after 14 months of repairs",
     "Brookmere Times"),
    ("Home › News › Local\nBridge reopens after 14 months of repairs", "Bridge reopens after 14 months of repairs", None),
    ("NEWS 9 HALDEN\nHalden Bridge Reopens After 14 Months Of Repairs", "Halden Bridge Reopens After 14 Months Of Repairs",
     None),
    ("Bridge Reopens – And Drivers Are Relieved", "Bridge Reopens – And Drivers Are Relieved", None),
    ("Bridge reopens after 14 months of repairs - Engineers", "Bridge reopens after 14 months of repairs - Engineers", None),
])
def test_titles_skip_junk_lines_and_lose_an_outlet_suffix(top: str, title: str, publisher: str | None) -> None:
    record = parse_text(f"{top}\n\n{BODY}")
    assert (record.title, record.publisher) == (title, publisher)


def test_a_suffix_naming_the_given_publisher_is_cut_and_the_publisher_kept() -> None:
    raw = f"---\ntitle: Bridge reopens after repairs - The Halden Post\npublisher: The Halden Post\n---\n{BODY}"
    record = parse_text(raw, "story.md")
    assert (record.title, record.publisher, record.inferred) == ("Bridge reopens after repairs", "The Halden Post", ())


# ------------------------------------------------------------- word lists on word boundaries


REAL_NEWS = [
    "The court annulled the election result on Friday, citing irregularities in three districts.",
    "A cookie factory on the edge of town will close in June, with the loss of 140 jobs.",
    "Investigators said the login page was spoofed to capture staff passwords.",
    "Residents who subscribe to the water board's alerts were warned at 6 a.m.",
    "The festival, sponsored by a regional bank, drew 40,000 visitors over three days.",
    "The auditors declared the contract null and void after finding forged signatures.",
    "The report will not be published until June, the ministry said.",
    "He also read out a statement from the family of the victim.",
    "The company updated its privacy policy after the breach, a spokesman said.",
    "Passengers must download the app to buy tickets from next month.",
    "Residents can leave a comment on the plan on the council's website until May 3.",
    "Under the new terms of use, drivers must keep their dashboard cameras on.",
    "The union said all rights reserved to members under the old deal would be honoured.",
    "The disclaimer was added to the ballot papers after the lawsuit, officials said.",
    "Ticket sales were discounted by 30% after the storm, the organisers said.",
    "The app was entrusted by the ministry with handling 2 million applications.",
    "Her advertisement for the job drew 300 applications in a week.",
]


@pytest.mark.parametrize("sentence", REAL_NEWS)
def test_real_news_holding_furniture_words_is_kept(sentence: str) -> None:
    raw = f"{LEAD}\n\n{sentence}\n\n{MORE}\n"
    record = parse_text(raw)
    assert sentence in kept(record) and record.removed == ()
    assert R.FURNITURE_PHRASE.search(sentence.lower()) is None


@pytest.mark.parametrize("sentence", [
    "For the full timetable, click here to download the guide.",
    "Readers can share this article with friends.",
    "Get our reporting on the go: download our app.",
])
def test_a_furniture_only_phrase_inside_a_paragraph_is_removed(sentence: str) -> None:
    raw = f"{LEAD}\n\n{MORE} {sentence}\n"
    record = parse_text(raw)
    assert removed_pairs(record) == [("furniture sentence", sentence)]
