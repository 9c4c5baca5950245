"""Sentence segmentation over spans of the raw text.

Returns (start, end) pairs so that every sentence is exactly raw[start:end].
Survives abbreviations, initials, decimals, money and quotation marks.
"""

from __future__ import annotations

import re

# A candidate end: terminal punctuation, any closing quotes/brackets, then space.
# A footnote marker may sit after the full stop: "... a boiler.[1] That is ...".
_CANDIDATE = re.compile(r"(?:[.!?]+|…|\.\.\.)[\"'”’»)\]]*(?:\[\d{1,3}\]|\^\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})?(?=\s)")
_WORD_BEFORE = re.compile(r"[^\s\"'“”‘’(\[]+$")
_NEXT = re.compile(r"\s+([^\s]+)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, e.g, a.m (the last dot is the candidate)
_HAS_WORD = re.compile(r"[^\W_]")
_CONTRACTION = re.compile(r"['’](?:ll|s|re|ve|d|m)$")

# Never end a sentence: titles, months before a day, "No. 1", "vs.", "e.g."
_NEVER = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "gov", "sen", "rep", "rev", "capt", "col", "lt",
    "sgt", "hon", "pres", "supt", "det", "insp", "fr", "mt", "ft", "vs", "v", "e.g", "i.e", "cf",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "fig", "approx", "est", "dept", "vol", "pp", "ca", "al",
})
_NEVER_CASED = frozenset({"No", "Nos", "Art", "Sec"})
# End a sentence only when the next word usually starts one ("Acme Inc. The ...").
_MAYBE = frozenset({"co", "inc", "corp", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "cos", "ag", "sa", "nv"})
_STARTERS = frozenset("""
the a an it its he she they we i you this that these those there here but and or so yet
however meanwhile in on at for as after before when while if although though since during
his her their our my some many most all no one two three several both each other others
according what why how who where then still also shares analysts officials earlier later
separately instead overall today yesterday now last next
""".split())


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punct = match.group()
    nxt = _NEXT.match(text, match.end())
    if nxt is None:
        return False
    following = nxt.group(1).lstrip("\"'“‘(«[*_")
    if not following or following[0].islower():
        return False
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if before is None:
        return True
    word = before.group()
    bare = word.rstrip(".")
    lower = bare.lower()
    if lower in _NEVER or bare in _NEVER_CASED:
        return False
    if len(bare) == 1 and bare.isupper():
        return False  # an initial: "Donald J. Trump"
    if lower in _MAYBE or _DOTTED.match(bare):
        # "... at 7:30 a.m. We'll be here", "... Acme Inc. It's": a contraction of a starter too
        first = _CONTRACTION.sub("", following.strip("\"'“”‘’,.:;").lower())
        return first in _STARTERS
    if bare[-1:].isdigit() and following[:1].isdigit():
        return False  # "No. 5" style numbering left over
    return True


def split_sentences(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of raw[start:end], as stripped (start, end) spans."""
    text = raw[start:end]
    spans: list[tuple[int, int]] = []
    cut = 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match):
            spans.append((cut, match.end()))
            cut = match.end()
    spans.append((cut, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and not _HAS_WORD.search(text, s, e):
            out[-1] = (out[-1][0], start + e)  # stray punctuation joins the sentence before
            continue
        out.append((start + s, start + e))
    return out
