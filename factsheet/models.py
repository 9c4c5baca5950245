"""Typed objects passed between the pipeline stages.

parse (one file)  ->  Record
merge (records)   ->  Sheet
render (sheet)    ->  files in a staging folder

Every object is a frozen dataclass so that no stage can mutate what another
stage produced. Collections are tuples, never lists, for the same reason.
``to_plain`` turns any of them into JSON-ready dicts/lists, which is what
templates and facts.json receive.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["error", "warning"]
ClaimKind = Literal["fact", "figure", "quote", "commentary"]
ClaimStatus = Literal["corroborated", "single-source", "disputed"]


# What must not reach a terminal raw: C0 and C1 controls (a newline in a file name
# would forge a second message line, ESC starts a terminal command), DEL, line and
# paragraph separators, bidi marks, embeddings, overrides and isolates (which
# reorder what is shown), and lone surrogates (which cannot be printed at all).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group()
    named = _NAMED_ESCAPES.get(ch)
    if named is not None:
        return named
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(text: str, *, keep_tabs: bool = False) -> str:
    """``text`` safe to print on one terminal line: every character above
    written as a backslash escape (a newline as ``\\n``, ESC as ``\\x1b``)."""
    if text.isprintable() and text.isascii():
        return text
    if keep_tabs:
        return "\t".join(_UNPRINTABLE.sub(_escape_char, part) for part in text.split("\t"))
    return _UNPRINTABLE.sub(_escape_char, text)


@dataclass(frozen=True)
class Diagnostic:
    """One problem with one input file, shaped like Jinja's TemplateSyntaxError:
    the file, the line, the offending line's text, and a message."""

    path: str  # as the user should see it (relative to the content folder when possible)
    message: str
    level: Level = "error"
    line: int | None = None
    line_text: str | None = None

    def format(self) -> str:
        """``file:line: level: message``, then the offending line indented. File
        names, messages and lines come from content: each is escaped so that it
        prints as exactly one line (see ``printable``)."""
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
        text = f"{where}: {self.level}: {printable(self.message)}"
        if self.line_text is not None:
            text += f"\n    {printable(self.line_text.rstrip(), keep_tabs=True)}"
        return text


# ---------------------------------------------------------------- parse stage


@dataclass(frozen=True)
class Sentence:
    """One sentence of the kept text.

    ``text`` is exactly ``raw[start:end]`` where ``raw`` is the decoded file
    text, so a quote built from it is verbatim by construction.

    ``truncated`` marks the file's last sentence when the scrape cut it off
    (mid-word, or without its end punctuation): it stays in the record, so the
    source page shows it, but it is never a claim or a canonical text.

    ``time`` is the time stamp of the live-blog update the sentence is in, as
    the page writes it ("17:20", "4:30 p.m."); ``speaker`` is who speaks it in
    a transcript, from the label that opens the turn ("HOST (Ysolde
    Castell)", "DR OKAFOR"). Neither is part of ``text``: a stamp or label
    glued before the sentence is recorded as a removed span.
    """

    id: str  # "s1", "s2", ... unique within its record; used as the HTML anchor
    text: str
    start: int  # character offsets into the decoded raw file text
    end: int
    paragraph: int  # index of the kept block the sentence belongs to
    block: Literal["paragraph", "heading", "bullet", "quote"] = "paragraph"
    truncated: bool = False
    time: str | None = None
    speaker: str | None = None


@dataclass(frozen=True)
class RemovedSpan:
    """A span that cleaning removed, with why."""

    start: int
    end: int
    text: str
    reason: str  # short, human-readable: "related-story block", "repeated paragraph", ...


@dataclass(frozen=True)
class Record:
    """One article, normalized. A pure function of one file's bytes (and its path)."""

    id: str  # stable slug, unique in the corpus
    path: str  # posix path relative to the content folder
    content_hash: str  # sha256 of the raw bytes
    title: str | None
    publisher: str | None
    date: str | None  # ISO 8601 (date or datetime), or None when not stated
    url: str | None
    author: str | None
    tags: tuple[str, ...]
    description: str | None
    meta: dict[str, Any]  # unknown front-matter keys, kept as given (JSON-safe values)
    inferred: tuple[str, ...]  # which of the fields above were inferred from the text
    text: str  # the kept text: paragraphs joined by blank lines
    sentences: tuple[Sentence, ...]
    removed: tuple[RemovedSpan, ...]
    diagnostics: tuple[Diagnostic, ...] = ()  # warnings about this file (errors never make a record)


# ---------------------------------------------------------------- merge stage


@dataclass(frozen=True)
class Citation:
    source: str  # Record.id
    sentence: str  # Sentence.id within that record
    quote: str  # verbatim: the sentence text, an exact substring of the raw file
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    id: str  # stable across rebuilds: derived from content, not from order
    text: str  # canonical text, reads on its own
    kind: ClaimKind
    support: int  # number of distinct sources
    status: ClaimStatus
    citations: tuple[Citation, ...]
    pinned: bool = False
    edited: bool = False  # re-worded by the editor's sheet file
    discrepancies: tuple[str, ...] = ()  # ids of discrepancies this claim takes part in
    entities: tuple[str, ...] = ()  # ids of entities mentioned
    numbers: tuple[str, ...] = ()  # normalized numeric values mentioned, for display/search
    # (start, end) within `text` of the clause the claim states, when `text` is its whole
    # sentence because no source states the clause in words that read on their own
    focus: tuple[int, int] | None = None


@dataclass(frozen=True)
class ValueVariant:
    value: str  # as a reader should see it: "$2.1 billion", "2026-03-09", "Lima"
    sources: tuple[str, ...]
    claims: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # the dates of the sources stating it (ISO), earliest first


@dataclass(frozen=True)
class Discrepancy:
    id: str
    summary: str  # "Sources differ on <what>: A says X; B says Y."
    subject: str  # what the values measure
    claims: tuple[str, ...]
    values: tuple[ValueVariant, ...]
    # "values": sources state rival values; "revision": a value changed over time (the
    # values carry their sources' dates, earliest first); "precision": the same value,
    # stated exactly by some and approximately (or as a range) by others.
    kind: str = "values"


@dataclass(frozen=True)
class Figure:
    id: str
    value: str  # display form as stated: "$1 billion to $5 billion"
    unit: str | None  # "USD", "%", "homes per year", ...
    measure: str  # what it measures, in words
    claim: str  # claim id
    sources: tuple[str, ...]
    low: float | None = None  # normalized numeric bounds (equal for a point value)
    high: float | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    speaker: str | None
    text: str  # the words inside the quotation marks
    claim: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    text: str  # as stated: "Chairman of Northwind"
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: Literal["person", "organization", "place", "other"]
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    sources: tuple[str, ...]
    claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineEvent:
    id: str
    date: str  # ISO 8601, possibly partial: "2026", "2025-11", "2025-11-21"
    text: str
    claim: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SourceSummary:
    id: str
    path: str
    title: str | None
    publisher: str | None
    date: str | None
    url: str | None
    author: str | None
    claims: int  # number of claims this source supports


@dataclass(frozen=True)
class Sheet:
    title: str
    summary: str | None
    intro_html: str  # editor's introduction, rendered by markdown-it and sanitized
    sources: tuple[SourceSummary, ...]
    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    timeline: tuple[TimelineEvent, ...]
    date_range: tuple[str, str] | None
    # The normalized records, for the per-source pages. Not written into facts.json
    # (each is written to sources/<id>.json instead).
    records: tuple[Record, ...] = field(default=(), repr=False)


_LEAF_TYPES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}  # per class: its dataclass field names, or None


def _field_names(cls: type) -> tuple[str, ...] | None:
    # dataclasses.is_dataclass/fields are slow enough to dominate to_plain on a
    # big sheet; a class's fields never change, so look them up once per class.
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def to_plain(obj: Any) -> Any:
    """Dataclasses/tuples -> dicts/lists, recursively, for JSON and templates."""
    cls = type(obj)
    if cls in _LEAF_TYPES:
        return obj
    names = _field_names(cls)
    if names is not None:
        return {name: to_plain(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    return obj


def sheet_to_facts(sheet: Sheet) -> dict[str, Any]:
    """The facts.json document: the sheet without the full records."""
    plain = to_plain(sheet)
    plain.pop("records", None)
    return plain
