"""Groups of sentences -> Claims: canonical text, kind, stable id, citations."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..models import Citation, ClaimKind
from .classify import quote_spans
from .features import SentenceFeatures
from .text import normalized_for_id

# Openers that lean on the previous sentence and so do not read on their own.
DEPENDENT_OPENER = re.compile(
    r"^\W*(he|she|it|its|they|them|their|this|that|these|those|there|here|his|her|we|i|also|but|and|so|"
    r"the (company|firm|two|group|companies|firms|move|deal|pact|agreement|latter|former|report|plan|move)|"
    r"such|both|meanwhile|however|additionally|separately)\b",
    re.IGNORECASE,
)
IDEAL_WORDS = 24


@dataclass(frozen=True)
class DraftClaim:
    members: tuple[SentenceFeatures, ...]
    canonical: SentenceFeatures
    kind: ClaimKind
    sources: tuple[str, ...]
    citations: tuple[Citation, ...]
    commentary: bool


def canonical_penalty(sf: SentenceFeatures, is_commentary: bool) -> tuple:
    text = sf.sentence.text.strip()
    n_words = len(text.split())
    penalty = 0.0
    if DEPENDENT_OPENER.match(text):
        penalty += 3
    if text[:1] in "\"“‘'" or text.count("“") != text.count("”") or text.count('"') % 2:
        penalty += 2
    if sf.sentence.block == "bullet" and not text.endswith((".", "!", "?")):
        penalty += 1
    if not text.endswith((".", "!", "?", '"', "”", "’")):
        penalty += 1
    if is_commentary:
        penalty += 1
    penalty += abs(n_words - IDEAL_WORDS) / 12
    return (round(penalty, 6), sf.record, sf.index)


def claim_kind(canonical: SentenceFeatures, members: tuple[SentenceFeatures, ...], commentary: bool) -> ClaimKind:
    if commentary:
        return "commentary"
    if canonical.quote and any(len(canonical.sentence.text[a:b].split()) >= 4 for a, b in quote_spans(canonical.sentence.text)):
        return "quote"
    if any(not n.is_year and n.unit for n in canonical.numbers):
        return "figure"
    return "fact"


def draft_claim(members: list[SentenceFeatures], commentary_flags: dict[tuple[str, int], bool]) -> DraftClaim:
    ms = tuple(sorted(members, key=lambda m: (m.record, m.index)))
    all_commentary = all(commentary_flags[(m.record, m.index)] for m in ms)
    canonical = min(ms, key=lambda m: canonical_penalty(m, commentary_flags[(m.record, m.index)]))
    citations = tuple(Citation(m.record, m.sentence.id, m.sentence.text, m.sentence.start, m.sentence.end) for m in ms)
    sources = tuple(sorted({m.record for m in ms}))
    return DraftClaim(ms, canonical, claim_kind(canonical, ms, all_commentary), sources, citations, all_commentary)


def assign_ids(drafts: list[DraftClaim]) -> list[str]:
    """"c-" + a short hash of the normalized canonical text; a collision gets a
    numeric suffix in the order of the first citation (deterministic)."""
    base = [("c-" + hashlib.sha1(normalized_for_id(d.canonical.sentence.text).encode()).hexdigest()[:8]) for d in drafts]
    order = sorted(range(len(drafts)), key=lambda i: (base[i], drafts[i].citations[0].source, drafts[i].citations[0].start))
    ids = [""] * len(drafts)
    seen: dict[str, int] = {}
    for i in order:
        n = seen.get(base[i], 0) + 1
        seen[base[i]] = n
        ids[i] = base[i] if n == 1 else f"{base[i]}-{n}"
    return ids
