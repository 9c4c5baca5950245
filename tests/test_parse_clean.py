"""Cleaning rules and metadata inference on articles written for these tests
about events other than the seed corpus (fixtures in tests/fixtures/parse/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheet.models import Record
from factsheet.parse import parse_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"


def parse_text(text: str, path: str = "story.txt") -> Record:
    result = parse_article(path, text.encode("utf-8"), max_bytes=10**6)
    assert result.record is not None, result.diagnostics
    return result.record


def parse_fixture(name: str) -> tuple[Record, str]:
    data = (FIXTURES / name).read_bytes()
    result = parse_article(name, data, max_bytes=10**6)
    assert result.record is not None, result.diagnostics
    return result.record, data.decode("utf-8")


def kept(record: Record) -> list[str]:
    return [s.text for s in record.sentences]


def reasons(record: Record) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for span in record.removed:
        out.setdefault(span.reason, []).append(span.text)
    return out


def assert_offsets(record: Record, raw: str) -> None:
    for s in record.sentences:
        assert raw[s.start:s.end] == s.text == s.text.strip()
    for span in record.removed:
        assert raw[span.start:span.end] == span.text
    assert [s.id for s in record.sentences] == [f"s{i}" for i in range(1, len(record.sentences) + 1)]


LEAD = (
    "The city of Norhaven opened its new desalination plant on Thursday, officials said. "
    "The plant can supply 90,000 homes with drinking water."
)
MORE = "Mayor Ellen Brandt called the opening a turning point for the region. Construction took four years."


# ------------------------------------------------------------- the fixtures


def test_syndicated_wildfire_story() -> None:
    record, raw = parse_fixture("wildfire-syndicated.txt")
    assert_offsets(record, raw)
    text = " ".join(kept(record))
    for furniture in ("[...]", "appeared first on", "5 min read", "Key Takeaways", "Marta Quell", "Getty Images",
                      "ridge-smoke.jpg", "Related Stories", "Drought warnings", "2019/08/02", "Share"):
        assert furniture not in text, furniture
    assert "Firefighters had contained 40% of the Ridgeback fire by Wednesday evening, the Valdera County fire department said." in kept(record)
    assert "Gov. Anne Whitcombe declared a state of emergency on Tuesday and requested federal aid." in kept(record)
    # Summary bullets repeat the body: the body sentence stays, the bullet goes.
    assert len(reasons(record)["summary bullet repeating the body"]) == 3
    assert record.title == "Ridgeback Fire Forces Thousands From Homes in Valdera County"
    assert record.publisher == "Pinecrest Ledger"
    assert record.author == "Marta Quell"
    assert record.date is None  # only related stories carry dates: better none than wrong
    assert set(record.inferred) == {"title", "publisher", "author"}


def test_rail_strike_pasted_twice_with_widgets_and_advertorial() -> None:
    record, raw = parse_fixture("rail-strike.md")
    assert_offsets(record, raw)
    text = " ".join(kept(record))
    assert text.count("Train drivers and conductors walked off") == 1
    for furniture in ("Also Read", "Share this article", "TicketSwiftly", "For travellers", "Disclaimer",
                      "informational purposes", "Leave a Comment", "email address"):
        assert furniture not in text, furniture
    r = reasons(record)
    assert len(r["repeated paragraph"]) == 3
    assert len(r["advertorial"]) == 2
    assert record.meta == {"category": "Economy", "updated": "2024-06-13"}
    assert record.tags == ("labour", "transport", "strikes")
    assert record.date == "2024-06-12T07:30:00+02:00"
    assert record.inferred == ()


def test_chip_plant_ticker_source_line_and_dateline() -> None:
    record, raw = parse_fixture("chip-export.txt")
    assert_offsets(record, raw)
    text = " ".join(kept(record))
    for furniture in ("null", "Price(null)", "24h Volume", "Source:", "You Might Also Like", "Chipmaker shares"):
        assert furniture not in text, furniture
    assert "Chief Executive Dr. Helen M. Sato said the plant would make power chips for electric vehicles." in kept(record)
    assert record.title == "Lumetra Semiconductor to Build $3.2 Billion Plant in Ohio"
    assert record.publisher == "Valley Business Journal"
    assert record.url == "https://vbj.example.com/2024/03/04/lumetra-ohio"
    # The leading "Published: ..." line is bare front matter; the related story's
    # February date is not taken.
    assert record.date == "2024-03-04"
    assert set(record.inferred) == {"title", "publisher", "url"}


def test_wire_story_hard_wrapped_markdown() -> None:
    record, raw = parse_fixture("port-strike-wire.md")
    assert_offsets(record, raw)
    texts = kept(record)
    assert texts[0] == "Dockworkers end five-day strike at Kessel port"
    assert texts[1].startswith("KESSEL, Oct. 9, 2024 (Harbour Wire) - Dockworkers at the port of Kessel\nreturned")
    assert texts[1].endswith("more than 80 ships waiting offshore.")
    # A numbered list in the body is content: each item is its own unit.
    bullets = [s.text for s in record.sentences if s.block == "bullet"]
    assert bullets == [
        "Night shifts resume on Thursday at the container terminal.",
        "Priority goes to vessels carrying perishable food.",
        "Port fees for delayed ships are waived until Oct. 20.",
    ]
    assert any(s.block == "heading" and s.text == "What changes for shippers?" for s in record.sentences)
    for furniture in ("By Joana", "continues below", "Reporting by", "Read more", "Rail freight"):
        assert not any(furniture in t for t in texts), furniture
    assert (record.title, record.publisher, record.date, record.author) == (
        "Dockworkers end five-day strike at Kessel port", "Harbour Wire", "2024-10-09", "Joana Pires and Erik Vold")


# ------------------------------------------------------------- one rule at a time


@pytest.mark.parametrize("header", [
    "You May Also Like", "Related Articles", "More Stories", "Read More", "Recommended for you",
    "Related", "Trending Now", "Also Read",
])
def test_related_block_at_the_end_is_removed_to_the_end(header: str) -> None:
    raw = (f"{LEAD}\n\n{MORE}\n\n{header}\n\nFlood barriers tested in Westport\n"
           "Officials in Westport tested their new flood barriers, which took a decade to design and build.\n"
           "Share\nCoastal Daily2023/05/01 08:00\n")
    record = parse_text(raw)
    assert kept(record)[-1] == "Construction took four years."
    assert all(span.reason == "related-story block" for span in record.removed)
    assert_offsets(record, raw)


def test_related_list_early_in_the_page_covers_only_the_list() -> None:
    raw = (f"{LEAD}\n\nRelated:\n\n- [Flood barriers tested in Westport](https://x.example/a)\n"
           f"- [Drought hits farms](https://x.example/b)\n\n{MORE}\n\nA third paragraph closes the story here. It has two sentences.\n")
    record = parse_text(raw)
    assert "Mayor Ellen Brandt called the opening a turning point for the region." in kept(record)
    assert not any("Westport" in s for s in kept(record))


@pytest.mark.parametrize("line,reason", [
    ("Also Read: Council votes on new budget", "related-story link"),
    ("Read more: Water prices to rise in 2025", "related-story link"),
    ("Share", "share/comment widget"),
    ("Share on Facebook Share on X Share on LinkedIn", "share/comment widget"),
    ("Leave a Reply", "share/comment widget"),
    ("Your email address will not be published. Required fields are marked *", "comment form"),
    ("ADVERTISEMENT", "advertisement"),
    ("Subscribe to our newsletter for the latest city news.", "newsletter plug"),
    ("4 min read", "reading time"),
    ("By Priya Natarajan", "byline"),
    ("By Priya Natarajan and Tom Ek | June 2, 2023", "byline"),
    ("![Aerial view of the plant](https://img.example/plant.webp)", "image"),
    ("/uploads/2023/06/plant-aerial-1200x800.jpg", "image"),
    ("Photo: Lena Vos/Reuters", "caption or photo credit"),
    ("The plant's intake pipes stretch 2 km into the bay. (Photo by Sam Ito/Getty Images)", "caption or photo credit"),
    ("Disclaimer: This article is for general information and is not investment advice.", "disclaimer"),
    ("The post Norhaven opens desalination plant appeared first on Coast Wire.", "syndication notice"),
    ("This article was originally published on Coast Wire.", "syndication notice"),
    ("What is the story about?", "boilerplate header"),
    ("Key takeaways", "boilerplate header"),
    ("Tags: water, infrastructure", "share/comment widget"),
    ("© 2023 Coast Wire. All rights reserved.", "copyright notice"),
    ("Story continues below advertisement", "advertisement"),
    ("Updated 3 hours ago", "share/comment widget"),
    ("We use cookies to improve your experience on our site.", "cookie notice"),
    ("About the author: Priya Natarajan covers water policy for the paper.", "author bio"),
    ("Reporting by Sam Ito; Editing by Lena Vos", "reporting credit"),
    ("Click to share on Facebook (Opens in new window)", "share/comment widget"),
])
def test_single_furniture_lines(line: str, reason: str) -> None:
    raw = f"{LEAD}\n\n{line}\n\n{MORE}\n"
    record = parse_text(raw)
    assert kept(record) == [
        "The city of Norhaven opened its new desalination plant on Thursday, officials said.",
        "The plant can supply 90,000 homes with drinking water.",
        "Mayor Ellen Brandt called the opening a turning point for the region.",
        "Construction took four years.",
    ]
    assert [(s.reason, s.text) for s in record.removed] == [(reason, line)]
    assert_offsets(record, raw)


@pytest.mark.parametrize("prose", [
    "Share prices of the builder rose 4% after the opening.",
    "By March, the plant had already passed its first audit.",
    "Photographers gathered at the gate before dawn to see the ribbon cut.",
    "According to Coast Wire, the plant cost 210 million dollars.",
    "Related costs, such as new pipes, were paid by the regional government.",
    "Summary statistics from the first week show output above plan.",
])
def test_prose_that_resembles_furniture_is_kept(prose: str) -> None:
    record = parse_text(f"{LEAD}\n\n{prose}\n\n{MORE}\n")
    assert prose in kept(record)
    assert record.removed == ()
    assert record.publisher is None


def test_price_ticker_widget() -> None:
    raw = f"{LEAD}\n\nMarket Snapshot\nETH\nnull (null)\n--\nUSD\nLive Price Chart\n\n{MORE}\n"
    record = parse_text(raw)
    assert len(kept(record)) == 4
    assert {s.reason for s in record.removed} == {"price ticker / market widget"}
    assert_offsets(record, raw)


def test_short_headings_are_kept_when_not_a_ticker() -> None:
    record = parse_text(f"{LEAD}\n\nWhat Comes Next\n\n{MORE}\n")
    assert ("heading", "What Comes Next") in [(s.block, s.text) for s in record.sentences]


def test_advertorial_sentence_inside_a_paragraph() -> None:
    raw = (f"{LEAD}\n\nThe plant uses reverse osmosis membranes imported from Spain. "
           "Speaking of which, PureFlowFilters.com has established itself as the leading provider of home water filters. "
           f"Engineers expect the membranes to last seven years.\n\n{MORE}\n")
    record = parse_text(raw)
    assert "Engineers expect the membranes to last seven years." in kept(record)
    assert not any("PureFlow" in s for s in kept(record))
    assert [s.reason for s in record.removed] == ["advertorial"]
    assert_offsets(record, raw)
    assert "PureFlow" not in record.text


def test_repeated_paragraphs_keep_the_first_copy() -> None:
    raw = f"{LEAD}\n\n{MORE}\n\n{LEAD}\n\n{MORE}\n"
    record = parse_text(raw)
    assert len(kept(record)) == 4
    assert [s.start < len(LEAD) + 2 for s in record.sentences[:2]] == [True, True]
    assert [s.reason for s in record.removed] == ["repeated paragraph", "repeated paragraph"]


def test_glued_teaser_at_the_top_is_removed() -> None:
    teaser = ("Norhaven opens its desalination plant The plant supplies 90,000 homes Mayor Ellen Brandt "
              "called the opening a turning point [...]")
    raw = f"{teaser}\n\n{LEAD}\n\n{MORE}\n"
    record = parse_text(raw)
    assert [s.reason for s in record.removed] == ["teaser repeating the article"]
    assert len(kept(record)) == 4


def test_tldr_bullets_that_repeat_the_body_go_and_new_ones_stay() -> None:
    raw = (
        "TL;DR\n\n"
        "- Norhaven opened its new desalination plant on Thursday\n"
        "- The plant can supply drinking water to 90,000 homes\n"
        "- A second plant is planned for the northern district by 2030\n\n"
        f"{LEAD}\n\n{MORE}\n"
    )
    record = parse_text(raw)
    bullets = [s.text for s in record.sentences if s.block == "bullet"]
    assert bullets == ["A second plant is planned for the northern district by 2030"]
    assert [s.reason for s in record.removed].count("summary bullet repeating the body") == 2


def test_repeated_title_lines_are_removed() -> None:
    raw = ("Norhaven Opens Desalination Plant\n\nNorhaven Opens Desalination Plant - Full coverage\n\n"
           f"{LEAD}\n\n{MORE}\n")
    record = parse_text(raw)
    assert record.title == "Norhaven Opens Desalination Plant"
    assert [s.reason for s in record.removed] == ["repeated title"]


# ------------------------------------------------------------- inference


def test_title_from_markdown_heading_and_publisher_from_source_line() -> None:
    raw = f"# Norhaven opens desalination plant\n\n{LEAD}\n\n{MORE}\n\n**Source:** [Coast Wire](https://coastwire.example/plant)\n"
    record = parse_text(raw, "plant.md")
    assert (record.title, record.publisher, record.url) == (
        "Norhaven opens desalination plant", "Coast Wire", "https://coastwire.example/plant")
    assert set(record.inferred) == {"title", "publisher", "url"}


def test_according_to_is_not_a_publisher() -> None:
    record = parse_text(f"According to Coast Wire, the plant opened on Thursday. {LEAD}\n\n{MORE}\n")
    assert record.publisher is None


@pytest.mark.parametrize("top,expected", [
    ("date 2023-06-01 Norhaven opens desalination plant", "2023-06-01"),
    ("Norhaven Opens Desalination Plant\nPublished: June 1, 2023", "2023-06-01"),
    ("Norhaven Opens Desalination Plant\n\nUpdated: June 3, 2023 at 10:42 a.m.", "2023-06-03"),
    ("Posted on 1 June 2023", "2023-06-01"),
    ("By Priya Natarajan | Jun. 1, 2023 | 3 min read", "2023-06-01"),
])
def test_date_from_dateline(top: str, expected: str) -> None:
    record = parse_text(f"{top}\n\n{LEAD}\n\n{MORE}\n")
    assert record.date == expected and "date" in record.inferred


def test_news_dateline_opening_the_first_paragraph() -> None:
    record = parse_text(f"NORHAVEN, June 1, 2023 (Coast Wire) - {LEAD}\n\n{MORE}\n")
    assert record.date == "2023-06-01"
    assert record.sentences[0].text.startswith("NORHAVEN, June 1, 2023")


def test_dates_inside_the_story_or_related_lists_are_not_the_article_date() -> None:
    raw = (f"{LEAD}\n\nThe first phase was approved on March 3, 2019, after a long debate. {MORE}\n\n"
           "More Stories\n\nHarbour dredging begins\nApril 4, 2022\n")
    record = parse_text(raw)
    assert record.date is None and "date" not in record.inferred


def test_no_title_when_the_article_starts_with_prose() -> None:
    record = parse_text(f"{LEAD}\n\n{MORE}\n")
    assert record.title is None and record.inferred == ()


def test_record_text_is_the_kept_blocks() -> None:
    raw = f"Norhaven Opens Desalination Plant\n\n{LEAD}\n\nShare\n\n{MORE}\n"
    record = parse_text(raw)
    assert record.text == f"Norhaven Opens Desalination Plant\n\n{LEAD}\n\n{MORE}"


def test_long_headline_first_line_is_the_title_and_a_heading() -> None:
    headline = "Norhaven Opens the Largest Desalination Plant on the Northern Coast After Four Years of Delays and Lawsuits"
    record = parse_text(f"{headline}\n{LEAD}\n{MORE}\n")
    assert record.title == headline and "title" in record.inferred
    assert (record.sentences[0].block, record.sentences[0].text) == ("heading", headline)


def test_first_line_ending_with_a_full_stop_is_not_a_title() -> None:
    record = parse_text(f"Norhaven opened a plant.\n\n{LEAD}\n\n{MORE}\n")
    assert record.title is None


def test_repeated_sentence_inside_other_paragraphs() -> None:
    raw = f"{LEAD}\n\n{MORE} The plant can supply 90,000 homes with drinking water.\n"
    record = parse_text(raw)
    assert kept(record).count("The plant can supply 90,000 homes with drinking water.") == 1
    assert [s.reason for s in record.removed] == ["repeated sentence"]
    assert_offsets(record, raw)


def test_tldr_paragraph_repeating_the_body() -> None:
    raw = f"TL;DR: Norhaven opened a desalination plant that supplies 90,000 homes with drinking water.\n\n{LEAD}\n\n{MORE}\n"
    record = parse_text(raw)
    assert [s.reason for s in record.removed] == ["summary repeating the body"]
    assert len(kept(record)) == 4


def test_gallery_counter_is_furniture() -> None:
    record = parse_text(f"{LEAD}\n\nImage 1 of 12\n\n{MORE}\n")
    assert [s.reason for s in record.removed] == ["share/comment widget"]


def test_outlet_date_stamp_at_the_top_dates_the_article() -> None:
    record = parse_text(f"Coast Wire 2023/06/01 09:30\n\n{LEAD}\n\n{MORE}\n")
    assert record.date == "2023-06-01"
    assert [s.reason for s in record.removed] == ["dateline"]


def test_outlet_date_stamp_at_the_bottom_does_not_date_the_article() -> None:
    record = parse_text(f"{LEAD}\n\n{MORE}\n\nA third paragraph with two sentences follows. It ends here.\n\nCoast Wire 2019/06/01 09:30\n")
    assert record.date is None


def test_late_related_header_followed_by_prose_does_not_eat_the_article() -> None:
    raw = (f"{LEAD}\n\n{MORE}\n\nRelated\n\nThe second phase of the plant will double its output by 2027. "
           "Engineers said the design allows it.\n")
    record = parse_text(raw)
    assert "The second phase of the plant will double its output by 2027." in kept(record)
    assert [s.reason for s in record.removed] == ["related-story block"]


def test_markup_lines_are_removed_with_reasons() -> None:
    raw = (f"{LEAD}\n\n---\n\n<div class=\"ad-slot\"></div>\n<!-- tracking -->\n\n```\nvar x = 1;\n```\n\n{MORE}\n")
    record = parse_text(raw, "plant.md")
    assert len(kept(record)) == 4
    assert [s.reason for s in record.removed] == ["horizontal rule", "HTML markup", "HTML markup", "code block"]
    assert_offsets(record, raw)


def test_single_newline_page_with_ticker_related_list_and_comments() -> None:
    record, raw = parse_fixture("congestion-charge.txt")
    assert_offsets(record, raw)
    texts = kept(record)
    # The article resumes after the related list: two prose blocks in a row.
    assert "Mayor Lucia Ferro said the charge would raise about $120 million a year for buses and trains." in texts
    assert texts[-1] == "Business groups opposed the plan, saying it would hurt shops in the core."
    for furniture in ("BTC", "Read More", "ridership", "bike lanes", "Comments", "says:", "tax grab", "Reply"):
        assert not any(furniture in t for t in texts), furniture
    r = reasons(record)
    assert r["price ticker / market widget"] == ["BTC $43,210 +2.3% ETH $2,310 -0.4% SOL $98.10 +5.1%"]
    assert len(r["comments section"]) == 7
    assert record.title == "City approves congestion charge for downtown Maribel"
    assert record.date == "2025-11-21"


def test_markdown_summary_sections_and_caption() -> None:
    record, raw = parse_fixture("dam-full.md")
    assert_offsets(record, raw)
    assert not any(s.block == "bullet" for s in record.sentences)
    assert not any("Valley Herald" in s.text for s in record.sentences)
    r = reasons(record)
    assert len(r["summary bullet repeating the body"]) == 4
    assert r["boilerplate header"] == ["## TL;DR", "## Key points"]
    assert "Storage stood at 100.2% of capacity." in kept(record)
    assert record.title is None and record.date is None


def test_markdown_table_is_removed_as_a_table() -> None:
    raw = f"{LEAD}\n\n| Year | Output |\n|---|---|\n| 2024 | 10 |\n\n{MORE}\n"
    record = parse_text(raw, "plant.md")
    assert len(kept(record)) == 4
    assert [(s.reason, s.text) for s in record.removed] == [("table", "| Year | Output |\n|---|---|\n| 2024 | 10 |")]


def test_list_article_without_full_stops_is_still_an_article() -> None:
    raw = ("# Five things to know about the Norhaven plant\n\n"
           "- The plant supplies drinking water to 90,000 homes\n"
           "- Construction took four years and cost 210 million dollars\n"
           "- A second plant is planned for the northern district\n")
    record = parse_text(raw, "list.md")
    assert len([s for s in record.sentences if s.block == "bullet"]) == 3


def test_a_page_of_furniture_is_not_an_article() -> None:
    raw = "You May Also Like\n\nShare\n\nLeave a Reply\n\nYour email address will not be published.\n"
    result = parse_article("junk.txt", raw.encode(), max_bytes=10**6)
    assert result.record is None
    assert [d.level for d in result.diagnostics] == ["warning"]
    assert result.diagnostics[0].message.startswith("not an article (only 0 sentence(s)")


@pytest.mark.parametrize("top,date,author,title", [
    ("Posted on November 21, 2025 by Jane Roe", "2025-11-21", "Jane Roe", None),
    ("Last updated: 21 November 2025, 10:42 GMT", "2025-11-21", None, None),
    ("date 2025-11-21 Norhaven opens its plant", "2025-11-21", None, "Norhaven opens its plant"),
])
def test_dateline_lines_with_tails(top: str, date: str, author: str | None, title: str | None) -> None:
    record = parse_text(f"{top}\n\n{LEAD}\n\n{MORE}\n")
    assert (record.date, record.author, record.title) == (date, author, title)
    assert record.sentences[0].text == (title or "The city of Norhaven opened its new desalination plant on Thursday, officials said.")


def test_bare_date_line_with_an_update_keeps_the_first_date() -> None:
    record = parse_text(f"Published: Nov 21, 2025 | Updated: Nov 22, 2025\n\n{LEAD}\n\n{MORE}\n")
    assert record.date == "2025-11-21"


def test_line_pasted_twice_onto_itself_keeps_one_copy() -> None:
    once = "Norhaven opened a desalination plant on Thursday that supplies 90,000 homes."
    raw = f"{once} {once}\n\n{MORE}\n"
    record = parse_text(raw)
    assert kept(record)[0] == once
    assert [(s.reason, s.text) for s in record.removed] == [("repeated paragraph", once)]
    assert_offsets(record, raw)


def test_glued_summary_points_at_the_top_are_a_teaser() -> None:
    glued = ("Norhaven opened its new desalination plant on Thursday The plant can supply 90,000 homes with "
             "drinking water Mayor Ellen Brandt called the opening a turning point for the region")
    record = parse_text(f"{glued}\n\n{LEAD}\n\n{MORE}\n")
    assert [s.reason for s in record.removed] == ["teaser repeating the article"]
    assert len(kept(record)) == 4


def test_source_line_inside_the_body_credits_a_chart_not_the_publisher() -> None:
    raw = f"{LEAD}\n\nSource: Regional Water Board\n\n{MORE}\n"
    record = parse_text(raw)
    assert record.publisher is None
    assert [s.reason for s in record.removed] == ["source attribution"]
    at_end = parse_text(f"{LEAD}\n\n{MORE}\n\nSource: Coast Wire\n")
    assert at_end.publisher == "Coast Wire"
