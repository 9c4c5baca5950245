"""Whatever the input, parse_article returns (never raises), never reports an
internal error (the "please report this" diagnostic of a caught exception),
and every kept sentence and removed span is an exact slice of the decoded text."""

from __future__ import annotations

import random

from factsheet.parse import parse_article
from factsheet.parse.decode import decode_article

INTERNAL_ERROR = "please report this"


def assert_no_internal_error(result) -> None:
    """A bad file may be skipped with a clear message; a crash inside the
    parser (caught and reported as "please report this") is a bug."""
    assert result.record is not None or result.diagnostics
    crashes = [d.format() for d in result.diagnostics if INTERNAL_ERROR in d.message]
    assert not crashes, crashes


PIECES = [
    "---\n", "+++\n", "{", "}", "title: x\n", "# Heading\n", "## Sub *x*\n", "- bullet item here\n", "* star\n",
    "> quoted line here.\n", "**Bold line**\n", "\n", "\n\n", "Share\n", "You May Also Like\n", "Also Read: thing\n",
    "The council voted 7-2 on Tuesday. It was close.\n", "Mr. Dunn said “no.” ", "$4.5 million ", "U.S. ",
    "![img](x.png)\n", "/images/a.webp)\n", "null Price(null)\n", "--\n", "By Ana Ruiz | May 2, 2024\n",
    "The post X appeared first on Y.\n", "date 2024-05-02 ", "é", "’", "\t", "\r\n", "...", "[...]", "|", ":",
    "Residents said the water was safe to drink again after weeks of testing.\n",
    "Photo: Ana Lima/handout", "The bridge reopened on Monday.", "(Photo: Port Authority)", "Credit…",
    "Floodwater covers the square on Friday.\n", "Image credit: Space Agency / J. Ruiz\n", "Home › News › World\n",
    "Skip to content | Sport | Live TV\n", "4:30 p.m.\n", "Trending: A | B | C\n", "Advertisement\n",
    "Mara Kell covers transport for the Courier.\n", "Sign up for our briefing\n", "01:05 - Source: Channel 9\n",
    "Ferry fire kills two – Metro Daily\n", "March 6, 2026 · 4 min read · by Ana Lima\n", "Forward-Looking Statements\n",
    "Media contact: press@example.org\n", "The tail has", "NEWS 9\n", "McDonaldThe", "iStock", "/", "©",
]


def test_random_documents_never_raise_and_offsets_are_exact() -> None:
    rng = random.Random(1234)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        data = text.encode("utf-8")
        result = parse_article("fuzz.md", data, max_bytes=10**6)
        assert_no_internal_error(result)
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
        assert_no_internal_error(result)


def test_the_internal_error_check_can_fail() -> None:
    """The check above rejects the parser's own internal-error diagnostic (the
    message parse_article gives a caught exception)."""
    import inspect

    import factsheet.parse as parse_module
    from factsheet.models import Diagnostic
    from factsheet.parse import ParseResult

    assert INTERNAL_ERROR in inspect.getsource(parse_module.parse_article)
    crashed = ParseResult(None, (Diagnostic("x.md", "could not parse this file (ValueError: boom); skipped — please report this"),))
    try:
        assert_no_internal_error(crashed)
    except AssertionError:
        return
    raise AssertionError("an internal error went unnoticed")


def test_every_sentence_and_span_is_exact_on_scrape_like_documents() -> None:
    """Longer documents built from scrape furniture and prose, where the new
    rules cut blocks apart (glued credits, tail lines, rows)."""
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(20, 60)))
        data = text.encode("utf-8")
        result = parse_article("scrape.txt", data, max_bytes=10**6)
        assert_no_internal_error(result)
        if result.record is None:
            continue
        raw = decode_article("scrape.txt", data, 10**6).text
        for s in result.record.sentences:
            assert raw[s.start:s.end] == s.text == s.text.strip() and s.text
        assert [s.truncated for s in result.record.sentences[:-1]] == [False] * (len(result.record.sentences) - 1)
        for span in result.record.removed:
            assert raw[span.start:span.end] == span.text
