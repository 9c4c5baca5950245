"""The sheet's title: the editor's, else the most shared source title, else a claim."""

from __future__ import annotations

from collections import Counter

from ..editorial import Editorial
from ..models import Claim, Record
import re


def normalize_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sheet_title(editorial: Editorial, records: tuple[Record, ...], claims: list[Claim]) -> str:
    if editorial.title and editorial.title.strip():
        return normalize_space(editorial.title)
    titles = Counter(normalize_space(r.title) for r in records if r.title and r.title.strip())
    if titles:
        # most shared; ties: the shortest, then alphabetical (deterministic)
        best = min(titles, key=lambda t: (-titles[t], len(t), t))
        return best[:160]
    for c in claims:
        if c.kind in ("fact", "figure"):
            text = normalize_space(c.text)
            return text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "…"
    return "Fact sheet"
