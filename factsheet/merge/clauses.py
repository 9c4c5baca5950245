"""Clauses of a long sentence, and negation as a feature.

A news sentence often states two facts ("X will pay $14.50 a share, a premium
of 32% to Friday's close"; "The deal needs approval from regulators and is
expected to close in 2027"). Compared as a whole, it resembles neither of the
shorter sentences that state one of its facts; compared clause by clause, it
matches each of them. Clauses are only used to find *extra* sources of a fact
(secondary citations) and to join a fact one source splits over two
consecutive sentences; a claim's text is always a whole sentence.

Negation: "does not include purchase commitments", "No purchase agreements
were detailed" and "no guaranteed purchase commitments" share the negated
words. "no"/"not" are stopwords, so a negated content word gets a feature of
its own ("!buy"), which a positive statement of the same words lacks."""

from __future__ import annotations

import re

from .text import content_stems

# Where one clause ends and the next begins: a comma, semicolon or dash, or
# "and" before a verb group ("... in Chile and Peru and is expected to close").
_SPLIT = re.compile(
    r"\s*[;—–]\s+|\s+-\s+|,\s+|\s+and\s+(?=(?:is|are|was|were|will|would|has|have|had|could|can|may|must|"
    r"expects?|plans?|aims?|wants?|said|says|becomes?|became|remains?)\b)")
MIN_CLAUSE_WORDS = 4
MAX_CLAUSES = 6

_NEGATOR = re.compile(r"\b(?:no|not|never|without|none|neither|nor)\b|n[’']t\b", re.IGNORECASE)
NEGATED_SPAN = 4  # content words after a negator that it governs
_CLAUSE_END = re.compile(r"[,;:—–]|\s-\s|\bbut\b")


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’\-]*")
# Words that describe a person or body rather than state anything ("Northgate's
# chief executive", "the port operator" alone are not a fact).
_ROLE_WORDS = frozenset("""chief executive officer president chairman chairwoman chair director minister spokesperson
spokesman spokeswoman head founder analyst secretary governor mayor professor manager""".split())
MIN_CLAUSE_CONTENT = 2


_DETERMINER = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)


def _has_content(piece: str) -> bool:
    return bool(content_stems(" ".join(_LOWER_WORD.findall(piece))))


def _is_clause(piece: str) -> bool:
    """At least MIN_CLAUSE_WORDS words, of which MIN_CLAUSE_CONTENT lower-case
    content words that are not job titles: a name or an apposition alone is not."""
    if len(piece.split()) < MIN_CLAUSE_WORDS:
        return False
    lower = [w for w in _LOWER_WORD.findall(piece) if w not in _ROLE_WORDS]
    return len(content_stems(" ".join(lower))) >= MIN_CLAUSE_CONTENT


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause; a piece that is not a clause by itself (a
    name, an apposition, a few words) joins the next one, a short tail the one
    before. One span when the sentence has a single clause."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _SPLIT.finditer(text):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        pieces.append((pos, len(text)))
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in pieces:
        start = a if pending is None else pending
        if pending is not None and _DETERMINER.match(text, a) and not _has_content(text[pending:a]):
            continue  # "Kovač, a former housing official, has promised ...": the subject's apposition
        if _is_clause(text[start:b]):
            merged.append((start, b))
            pending = None
        else:
            pending = start
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(text))
        else:
            merged.append((pending, len(text)))
    if len(merged) > MAX_CLAUSES:
        return [(0, len(text))]
    return merged


def negated_stems(text: str) -> set[str]:
    """"!stem" for the content words a negator governs (up to the clause's end)."""
    out: set[str] = set()
    if not _NEGATOR.search(text):
        return out
    for m in _NEGATOR.finditer(text):
        rest = text[m.end():m.end() + 120]
        stop = _CLAUSE_END.search(rest)
        if stop:
            rest = rest[:stop.start()]
        for s in content_stems(rest)[:NEGATED_SPAN]:
            out.add("!" + s)
    return out
