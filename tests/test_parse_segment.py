"""Sentence segmentation: abbreviations, initials, decimals, money, quotes,
bullets and headings; exact offsets into the raw text."""

from __future__ import annotations

import pytest

from factsheet.parse import parse_article
from factsheet.parse.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize("text,expected", [
    ("Brightwater Co. will spend $1.4 trillion. It said so.",
     ["Brightwater Co. will spend $1.4 trillion.", "It said so."]),
    ("Sales at Orbis Inc. rose 3.5% in May. Costs fell.", ["Sales at Orbis Inc. rose 3.5% in May.", "Costs fell."]),
    ("Halvard Corp. and Pell Ltd. signed the deal. Shares rose.",
     ["Halvard Corp. and Pell Ltd. signed the deal.", "Shares rose."]),
    ("The plant is in the U.S. and the U.K. now. Workers cheered.",
     ["The plant is in the U.S. and the U.K. now.", "Workers cheered."]),
    ("It expanded in the U.S. The move was expected.", ["It expanded in the U.S.", "The move was expected."]),
    ("Mr. Ames met Mrs. Hale and Dr. Ruiz on St. Mark's Road. They talked.",
     ["Mr. Ames met Mrs. Hale and Dr. Ruiz on St. Mark's Road.", "They talked."]),
    ("The vote is set for Jan. 14 and Feb. 2 at No. 10 Downing Street. Results follow.",
     ["The vote is set for Jan. 14 and Feb. 2 at No. 10 Downing Street.", "Results follow."]),
    ("Tariffs vs. subsidies, e.g. steel, i.e. metals, were discussed. Talks ended.",
     ["Tariffs vs. subsidies, e.g. steel, i.e. metals, were discussed.", "Talks ended."]),
    ("Author J. R. Tolland and George W. Banks spoke. Both left.",
     ["Author J. R. Tolland and George W. Banks spoke.", "Both left."]),
    ("Revenue hit $2.75 billion, up 12.5%. Profit was $0.9 billion.",
     ["Revenue hit $2.75 billion, up 12.5%.", "Profit was $0.9 billion."]),
    ("“We will rebuild,” the mayor said. “Every street.” Crews began.",
     ["“We will rebuild,” the mayor said.", "“Every street.”", "Crews began."]),
    ('He said "the bridge is safe." Engineers agreed.', ['He said "the bridge is safe."', "Engineers agreed."]),
    ("She called it “historic.\" Others disagreed.", ["She called it “historic.\"", "Others disagreed."]),
    ("Is it over? Not yet! Talks resume Monday.", ["Is it over?", "Not yet!", "Talks resume Monday."]),
    ("“Why now?” he asked. Nobody answered.", ["“Why now?” he asked.", "Nobody answered."]),
    ("A single sentence without a full stop", ["A single sentence without a full stop"]),
])
def test_segmentation_edge_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


ARTICLE = """# Storm *closes* ports along the coast

**Port authority orders all ships to anchor**

- Ports closed at noon on Friday
- Ferries cancelled until Sunday

> “We will not take risks with crews,” the harbour master said. “Safety first.”

The Coastal Port Authority said the closures would last 48 hours.
Insurers estimate damage at $40.5 million.
"""


def test_markdown_markers_are_outside_sentence_spans() -> None:
    record = parse_article("storm.md", ARTICLE.encode(), max_bytes=10**6).record
    raw = ARTICLE
    got = [(s.block, s.text) for s in record.sentences]
    assert got == [
        ("heading", "Storm *closes* ports along the coast"),
        ("heading", "Port authority orders all ships to anchor"),
        ("bullet", "Ports closed at noon on Friday"),
        ("bullet", "Ferries cancelled until Sunday"),
        ("quote", "“We will not take risks with crews,” the harbour master said."),
        ("quote", "“Safety first.”"),
        ("paragraph", "The Coastal Port Authority said the closures would last 48 hours."),
        ("paragraph", "Insurers estimate damage at $40.5 million."),
    ]
    assert [s.id for s in record.sentences] == [f"s{i}" for i in range(1, 9)]
    assert [s.paragraph for s in record.sentences] == [0, 1, 2, 3, 4, 4, 5, 6]
    for s in record.sentences:
        assert raw[s.start:s.end] == s.text == s.text.strip()
    assert record.title == "Storm *closes* ports along the coast"
    assert record.text.split("\n\n")[0] == "Storm *closes* ports along the coast"


def test_hard_wrapped_paragraphs_are_joined_and_offsets_exact() -> None:
    raw = (
        "The regional council approved a new tram line on Tuesday, ending a\n"
        "debate that had lasted more than six years and divided the city's two\n"
        "largest parties. Construction starts in spring.\n\n"
        "The line will cost about 310 million euros and carry 40,000 riders a\n"
        "day, according to council estimates published with the decision.\n"
    )
    record = parse_article("tram.txt", raw.encode(), max_bytes=10**6).record
    assert len(record.sentences) == 3
    assert record.sentences[0].text.startswith("The regional council") and record.sentences[0].text.endswith("parties.")
    assert "\n" in record.sentences[0].text  # verbatim raw span
    assert [s.paragraph for s in record.sentences] == [0, 0, 1]
    for s in record.sentences:
        assert raw[s.start:s.end] == s.text


def test_crlf_and_bom_files_keep_exact_offsets() -> None:
    raw = "Line one of the report is here.\r\nLine two follows it now.\r\n\r\nA third sentence ends the report.\r\n"
    data = b"\xef\xbb\xbf" + raw.encode()
    record = parse_article("crlf.txt", data, max_bytes=10**6).record
    assert [s.text for s in record.sentences] == [
        "Line one of the report is here.", "Line two follows it now.", "A third sentence ends the report."]
    for s in record.sentences:
        assert raw[s.start:s.end] == s.text
