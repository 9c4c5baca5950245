"""Groups of sentences -> Claims: canonical text, kind, stable id, citations."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Citation, ClaimKind
from .classify import quote_spans
from .clauses import clause_spans
from .features import SentenceFeatures

@dataclass(frozen=True)
class DraftClaim:
    members: tuple[SentenceFeatures, ...]
    canonical: SentenceFeatures
    kind: ClaimKind
    sources: tuple[str, ...]
    citations: tuple[Citation, ...]
    commentary: bool
    primary: tuple[SentenceFeatures, ...] = ()  # members without the two-fact sentences cited as extras


CENTRALITY_WEIGHT = 3.0
UNSHARED_NUMBER_PENALTY = 1.5
SEVERAL_CLAUSES_PENALTY = 1.0


def canonical_penalty(sf: SentenceFeatures, is_commentary: bool) -> tuple:
    return (sf.base_penalty + (1 if is_commentary else 0), sf.record, sf.index)


def claim_kind(canonical: SentenceFeatures, members: tuple[SentenceFeatures, ...], commentary: bool) -> ClaimKind:
    if commentary:
        return "commentary"
    if canonical.continues_quote or (canonical.quote and any(
            len(canonical.sentence.text[a:b].split()) >= 4 for a, b in quote_spans(canonical.sentence.text))):
        return "quote"
    if canonical.has_figure:
        return "figure"
    return "fact"


def _canonical_rank(m: SentenceFeatures, primary: tuple[SentenceFeatures, ...],
                    flags: dict[tuple[str, int], bool]) -> tuple:
    """Reads on its own (penalty), states the shared fact rather than an extra one
    (closest wording to the others, no number the others do not give)."""
    score = canonical_penalty(m, flags[(m.record, m.index)])[0]
    others = [o for o in primary if o is not m]
    if others and len(clause_spans(m.sentence.text)) >= 2:
        score += SEVERAL_CLAUSES_PENALTY  # "No X were detailed, but ...": the claim text would carry a second fact
    if others:
        other_numbers = {n.key for o in others for n in o.numbers if not n.is_year}
        score += UNSHARED_NUMBER_PENALTY * sum(1 for n in m.numbers if not n.is_year and n.key not in other_numbers)
    if len(others) >= 2:
        mine = set(m.stems) | {n.key for n in m.names}
        sims = []
        for o in others:
            theirs = set(o.stems) | {n.key for n in o.names}
            sims.append(len(mine & theirs) / (len(mine | theirs) or 1))
        score -= CENTRALITY_WEIGHT * sum(sims) / len(sims)
    return (round(score, 6), m.record, m.index)


def draft_claim(members: list[SentenceFeatures], commentary_flags: dict[tuple[str, int], bool],
                extra: list[SentenceFeatures] = ()) -> DraftClaim:
    """extra: sentences of other claims that state this fact too (cited, never canonical)."""
    if len(members) == 1 and not extra:  # most sentences: a claim of their own
        m = members[0]
        flag = commentary_flags[(m.record, m.index)]
        cite = m.citation or Citation(m.record, m.sentence.id, m.sentence.text, m.sentence.start, m.sentence.end)
        return DraftClaim((m,), m, claim_kind(m, (m,), flag), (m.record,), (cite,), flag, (m,))
    primary = tuple(sorted(members, key=lambda m: (m.record, m.index)))
    all_commentary = all(commentary_flags[(m.record, m.index)] for m in primary)
    canonical = min(primary, key=lambda m: _canonical_rank(m, primary, commentary_flags))
    seen = {(m.record, m.index) for m in primary}
    ms = tuple(sorted(list(primary) + [m for m in extra if (m.record, m.index) not in seen],
                      key=lambda m: (m.record, m.index)))
    citations = tuple(m.citation or Citation(m.record, m.sentence.id, m.sentence.text, m.sentence.start, m.sentence.end)
                      for m in ms)
    sources = tuple(sorted({m.record for m in ms}))
    return DraftClaim(ms, canonical, claim_kind(canonical, ms, all_commentary), sources, citations, all_commentary,
                      primary)


def assign_ids(drafts: list[DraftClaim]) -> list[str]:
    """"c-" + a short hash of the normalized canonical text; a collision gets a
    numeric suffix in the order of the first citation (deterministic)."""
    base = ["c-" + d.canonical.id_hash for d in drafts]
    order = sorted(range(len(drafts)), key=lambda i: (base[i], drafts[i].citations[0].source, drafts[i].citations[0].start))
    ids = [""] * len(drafts)
    seen: dict[str, int] = {}
    for i in order:
        n = seen.get(base[i], 0) + 1
        seen[base[i]] = n
        ids[i] = base[i] if n == 1 else f"{base[i]}-{n}"
    return ids
