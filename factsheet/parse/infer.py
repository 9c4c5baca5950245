"""Infer title, publisher, date, author and url from the text when the front
matter does not give them. Only from the article's own furniture (attribution
lines, datelines, bylines) near the top; never from related-story blocks,
which carry other stories' dates. Better none than wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import RemovedSpan
from . import rules as R
from .blocks import Block
from .lines import outlet_name, sentence_case
from .dates import date_from_match

_URL_IN_PARENS = re.compile(r"\((https?://[^)\s]+)\)")
_FIRST_SENTENCE = re.compile(r".+?(?:\.(?=\s)|$)", re.S)
_PUB_AFTER = re.compile(r"\b(?:appeared|was published) first (?:on|at|in)\s+(?P<pub>[^\n]+?)(?:\.(?=\s|$|[A-Z])|\s*$)", re.I)
_MARKUP = re.compile(r"[*_`\[\]]+")


@dataclass
class Inferred:
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None


def _clean_name(text: str | None, max_words: int = 8) -> str | None:
    if not text:
        return None
    link = R.MD_LINK.search(text)
    if link:
        text = link.group("label")
    text = _MARKUP.sub("", text).strip(" \t.,;:-–—|")
    if not text or len(text) > 80 or len(text.split()) > max_words or R.BARE_URL.match(text):
        return None
    if not any(ch.isalpha() for ch in text) or text.lower().startswith(("all rights", "the author", "permission")):
        return None  # "Copyright 2027." names no one
    return text


def _name_in_notice(text: str | None) -> str | None:
    """The name at the start of a notice's tail: "X and is republished here
    with permission" -> "X" (see rules.NAME_END)."""
    if not text:
        return None
    link = R.MD_LINK.match(text.strip())
    if link:
        return _clean_name(link.group("label"))
    end = R.NAME_END.search(text)
    name = text[: end.start()] if end else text
    if name.startswith("the ") and name[4:5].isupper():
        name = name[4:]  # "from the Valley Educator"
    return _clean_name(name)


_TITLE_END = ('.', '!', ':', ';', ',', '"', '”', '’', '…')


MASTHEAD_MAX_WORDS = 4


def _masthead(block: Block, after: Block | None) -> bool:
    """"NEWS 9 RIVERTON" over the headline: a short line in capitals above a
    longer headline-shaped line is the outlet's name, not the title."""
    text = block.text.strip("*_ ")
    return (after is not None and after.kind == "heading" and block.words <= MASTHEAD_MAX_WORDS
            and text.upper() == text and after.words > block.words and after.text.upper() != after.text)


LETTERHEAD_MAX_LINES = 4  # the issuer's name, its office, the document's kind


def _caps_line(block: Block) -> bool:
    text = block.text.strip("*_ ")
    return block.kind == "heading" and text.upper() == text and any(ch.isalpha() for ch in text)


def _letterhead_title(kept: list[Block]) -> Block | None:
    """The headline of a statement or release under its issuer's letterhead,
    lines in capitals at the top ("PELLWORTH WATER TRUST", "OFFICE OF THE
    MAYOR"): the first heading after the document's kind ("Press statement",
    "STATEMENT"); else the heading under them that names a kind of document
    ("Bressa Earthquake – Situation Report No. 3"), or any heading under two
    short letterhead lines; else the letterhead's last line when it names the
    document's kind ("STATEMENT ON THE FLOOD INQUIRY")."""
    run = 0
    while run < min(len(kept), LETTERHEAD_MAX_LINES) and _caps_line(kept[run]):
        run += 1
    for i, block in enumerate(kept[: run + 1]):
        if R.DOC_KIND.match(block.text.strip("*_ ")):
            return next((b for b in kept[i + 1 : i + 3] if b.kind == "heading" and b.words >= 2), None)
    below = kept[run] if 0 < run < len(kept) and kept[run].kind == "heading" else None
    if below is not None and below.words > kept[run - 1].words and R.DOC_KIND_WORD.search(below.text):
        return below
    if run < 2:
        return None
    if run < len(kept) and kept[run].kind == "heading" and kept[run].words >= 3 \
            and all(b.words <= MASTHEAD_MAX_WORDS for b in kept[:run]):
        return kept[run]
    last = kept[run - 1]
    return last if R.DOC_KIND_START.match(last.text.strip("*_ ")) and last.words >= 3 else None


def title_block(kept: list[Block]) -> Block | None:
    """The block that is the article's title: a Markdown "#" heading near the
    top, the headline under a letterhead, or a first line shaped like a
    headline (short, no closing full stop). Timestamps, "Source:" lines, date
    lines and breadcrumbs are furniture that cleaning has removed before this
    looks."""
    for block in kept[:5]:
        if block.explicit_heading and block.words >= 2:
            return block
    letterhead = _letterhead_title(kept)
    if letterhead is not None:
        return letterhead
    for i, block in enumerate(kept[:2]):
        if block.kind == "heading" and block.words >= 3:
            if _masthead(block, kept[i + 1] if i + 1 < len(kept) else None):
                continue
            return block
    first = kept[0] if kept else None
    if (
        first is not None and first.kind == "paragraph" and "\n" not in first.text
        and 3 <= first.words <= 25 and len(first.text) <= 200
        and first.text[:1].isupper() and not first.text.endswith(_TITLE_END) and len(kept) > 1
    ):
        return first
    return None


# A title's trailing outlet name: "Ferry fire kills two – Metro Daily", "... | Valley News".
_TITLE_SUFFIX = re.compile(r"\s+(?P<sep>[|–—-]|::)\s+(?P<outlet>[^|–—]{2,40})$")
_NAME_GLUE = frozenset({"of", "the", "and", "&", "de", "la", "el", "du"})
TITLE_MIN_WORDS = 3  # what is left of a title after its outlet is cut off


def title_and_outlet(title: str | None, publisher: str | None) -> tuple[str | None, str | None]:
    """Cut a trailing " – Outlet" / " | Outlet" off a title: (title, outlet).

    The tail is an outlet when it names the publisher the page names
    elsewhere, or it is written like a name (every word capitalised) and
    either stands after a bar, or holds an outlet's word ("News", "Daily",
    "Herald", ...), or is two words or more after a headline in sentence
    case. "Bridge Reopens – And Drivers Are Relieved" and "Strike goes ahead
    - Union" keep their tails."""
    if not title:
        return title, None
    m = _TITLE_SUFFIX.search(title)
    if m is None:
        return title, None
    head, outlet = title[: m.start()].rstrip(), m.group("outlet").strip()
    words = outlet.split()
    if len(head.split()) < TITLE_MIN_WORDS or not 1 <= len(words) <= 5:
        return title, None
    if publisher and _plain(outlet) == _plain(publisher):
        return head, outlet
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_GLUE for w in words):
        return title, None
    outlet_word = any(w.lower().strip(".,") in R.OUTLET_WORDS for w in words)
    if m.group("sep") in ("|", "::") or outlet_word or len(words) >= 2 and sentence_case(head):
        return head, outlet  # one capitalised word after a dash ("... - Police") may be a source, not the outlet
    return title, None


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def infer_title(kept: list[Block]) -> str | None:
    block = title_block(kept)
    return block.text.strip("*_ ") if block is not None else None


def infer_publisher(removed: list[RemovedSpan], kept: list[Block], top_end: int) -> tuple[str | None, str | None]:
    """(publisher, url) from attribution lines, else from a wire dateline
    ("CITY (Agency) - ...") opening the article."""
    found = _publisher_from_lines(removed, kept)
    if found != (None, None):
        return found
    for block in _opening_paragraphs(kept):
        if block.start >= top_end:
            break
        m = R.WIRE_DATELINE.match(block.text)
        if m and _clean_name(m.group("pub")):
            return _clean_name(m.group("pub")), None
    return None, None


def _opening_paragraphs(kept: list[Block]) -> list[Block]:
    """The first paragraphs, where a dateline opens the story (above them: the headline and summary bullets)."""
    return [b for b in kept if b.kind in ("paragraph", "quote")][:3]


def _outside_body(span: RemovedSpan, kept: list[Block]) -> bool:
    """Above the first kept paragraph (the headline may be above it) or below
    the last block: where an article's own attribution sits (a "Source:" line
    mid-article credits a chart or a quote)."""
    body = [b for b in kept if b.kind != "heading"]
    return not body or span.end <= body[0].start or span.start >= kept[-1].end


def _publisher_from_lines(removed: list[RemovedSpan], kept: list[Block]) -> tuple[str | None, str | None]:
    for span in removed:
        if span.reason == "syndication notice":
            m = _PUB_AFTER.search(span.text) or R.ORIGINALLY.match(span.text.strip())
            name = _name_in_notice(m.group("pub")) if m else None
            if name:
                return name, None
    for span in removed:
        if span.reason == "source attribution" and _outside_body(span, kept):
            m = R.SOURCE_LINE.match(span.text.strip())
            rest = m.group("rest").strip() if m else ""
            link = R.MD_LINK.search(rest)
            if link:
                return _clean_name(link.group("label")), link.group("url")
            if R.BARE_URL.match(rest):
                return None, rest.strip("<>")
            url = _URL_IN_PARENS.search(rest)  # "Source: X (https://...)"
            return _name_in_notice(rest), url.group(1) if url else None
    for span in removed:
        if span.reason == "copyright notice":
            first = _FIRST_SENTENCE.match(span.text.strip())
            m = R.COPYRIGHT.match(first.group() if first else span.text.strip())
            name = _name_in_notice(m.group("pub")) if m else None
            if name:
                return name, None
    for span in removed:
        outlet = _outlet_in_dateline(span) if span.reason == "dateline" and _outside_body(span, kept) else None
        if outlet:
            return outlet, None
    return None, None


def _outlet_in_dateline(span: RemovedSpan) -> str | None:
    """"date 2026-03-03 Valley News": the outlet's name after a date label."""
    text = span.text.strip().strip("*_ ")
    m = R.DATELINE_PREFIX.match(text)
    if m is None:
        return None
    tail = text[m.end():].strip(" |-–—·")
    return _clean_name(tail) if tail and outlet_name(tail) else None


def infer_date(kept: list[Block], removed: list[RemovedSpan], top_end: int) -> str | None:
    """The article's own date: a dateline/byline above the body, or a news
    dateline opening the first paragraph. Later text is not looked at."""
    found: list[tuple[int, str]] = []  # (priority, iso)
    for span in removed:
        if span.start >= top_end or span.reason not in ("dateline", "byline"):
            continue
        text = span.text.strip().strip("*_ ")
        m = R.DATELINE_PREFIX.match(text) or R.DATE_ALONE.match(text) or R.OUTLET_STAMP.match(text)
        if m is None and span.reason == "byline":
            m = re.search(R.DATE_IN_TEXT, text, re.I)
            if m:
                iso = date_from_match(m)
                if iso:
                    found.append((1, iso))
            continue
        if m is None:
            continue
        iso = date_from_match(m)
        label = (m.groupdict().get("label") or "").lower()
        if iso:
            found.append((2 if "updated" in label or "modified" in label else 0, iso))
    for block in _opening_paragraphs(kept):
        if block.start >= top_end:
            break
        m = R.NEWS_DATELINE.match(block.text)
        if m:
            iso = date_from_match(m)
            if iso:
                found.append((1, iso))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    return found[0][1]


_LINK_NAME = re.compile(r"^\[(?P<name>[^\]]+)\]\([^)\s]+\)$")  # "[Jane Doe](https://...)" above a date line
_BY_NAME = re.compile(r"\b[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def infer_author(removed: list[RemovedSpan], top_end: int) -> str | None:
    for span in removed:
        if span.reason not in ("byline", "dateline") or span.start >= top_end:
            continue
        text = span.text.strip().strip("*_ ")
        if span.reason == "dateline":
            m = _BY_NAME.search(text)
        else:  # a byline, or a meta row naming the author after its other parts
            m = (R.BYLINE.match(text) or R.AUTHOR_LINE.match(text) or _LINK_NAME.match(text)
                 or R.NAME_AND_ROLE.match(text) or R.NAME_IN_PLACE.match(text) or R.PERSON_NAME.match(text)
                 or _BY_NAME.search(text))
        if m:
            name = _clean_name(m.group("name"))
            if name and not _is_desk(name):
                return name
    return None


_DESK_WORDS = frozenset(
    "news desk staff staffs reporter reporters writer writers correspondent correspondents editor editors team "
    "editorial web digital online agency agencies our the wire wires bureau report reports newsroom admin "
    "and & service services".split()
)


def _is_desk(name: str) -> bool:
    """"News Desk", "Staff Reporter", "Our Correspondent": no person to name."""
    return all(word.lower().strip(".,") in _DESK_WORDS for word in name.split())


def infer_missing(kept: list[Block], removed: list[RemovedSpan], top_end: int) -> Inferred:
    publisher, url = infer_publisher(removed, kept, top_end)
    return Inferred(
        title=infer_title(kept),
        publisher=publisher,
        date=infer_date(kept, removed, top_end),
        author=infer_author(removed, top_end),
        url=url,
    )
