"""Figures: each number of a factual claim with its unit and what it measures."""

from __future__ import annotations

import hashlib
import re

from ..models import Figure
from .numbers import NumberMention

_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_WORD = re.compile(r"[\w'’%$.-]+")


def measure_words(text: str, n: NumberMention) -> str:
    """A few words either side of the number, within its clause: what it measures."""
    left = _CLAUSE_BREAK.split(text[:n.start])[-1]
    right = _CLAUSE_BREAK.split(text[n.end:])[0]
    lw = _WORD.findall(left)[-6:]
    rw = _WORD.findall(right)[:7]
    phrase = " ".join(lw + ["…"] + rw).strip(" .")
    return phrase


def figures_for(claim_id: str, text: str, numbers: tuple[NumberMention, ...], sources: tuple[str, ...],
                measures: tuple[str, ...] = ()) -> list[Figure]:
    out, seen = [], set()
    for i, n in enumerate(numbers):
        if n.is_year or n.key in seen:
            continue
        if n.unit in ("year", "month", "week", "day", "hour") and not n.text[:1].isdigit():
            continue  # "three years", "fifty years": a duration in words, not a figure
        seen.add(n.key)
        value = n.text
        if n.qualifier:
            before = text[max(0, n.start - 16):n.start]
            m = re.search(r"(up to|as many as|as much as|at most|more than|over|above|at least|nearly|about|around|"
                          r"roughly|almost|some|approximately|under|less than|fewer than)\s*$", before, re.I)
            if m:
                value = f"{m.group(1)} {value}"
        unit = n.unit_text or None
        fid = "f-" + hashlib.sha1(f"{claim_id}|{n.key}".encode()).hexdigest()[:8]
        out.append(Figure(fid, value, unit, measures[i] if i < len(measures) else measure_words(text, n), claim_id, sources, n.low, n.high))
    return out
