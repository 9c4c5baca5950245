"""Whatever the input, parse_article returns (never raises), and every kept
sentence and removed span is an exact slice of the decoded text."""

from __future__ import annotations

import random

from factsheet.parse import parse_article
from factsheet.parse.decode import decode_article

PIECES = [
    "---\n", "+++\n", "{", "}", "title: x\n", "# Heading\n", "## Sub *x*\n", "- bullet item here\n", "* star\n",
    "> quoted line here.\n", "**Bold line**\n", "\n", "\n\n", "Share\n", "You May Also Like\n", "Also Read: thing\n",
    "The council voted 7-2 on Tuesday. It was close.\n", "Mr. Dunn said “no.” ", "$4.5 million ", "U.S. ",
    "![img](x.png)\n", "/images/a.webp)\n", "null Price(null)\n", "--\n", "By Ana Ruiz | May 2, 2024\n",
    "The post X appeared first on Y.\n", "date 2024-05-02 ", "é", "’", "\t", "\r\n", "...", "[...]", "|", ":",
    "Residents said the water was safe to drink again after weeks of testing.\n",
]


def test_random_documents_never_raise_and_offsets_are_exact() -> None:
    rng = random.Random(1234)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        data = text.encode("utf-8")
        result = parse_article("fuzz.md", data, max_bytes=10**6)
        assert result.record is not None or result.diagnostics
        if result.record is None:
            continue
        raw = decode_article("fuzz.md", data, 10**6).text
        for s in result.record.sentences:
            assert raw[s.start:s.end] == s.text == s.text.strip() and s.text
        for span in result.record.removed:
            assert raw[span.start:span.end] == span.text


def test_random_bytes_never_raise() -> None:
    rng = random.Random(99)
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
        result = parse_article("noise.bin.txt", data, max_bytes=10**6)
        assert result.record is not None or result.diagnostics
