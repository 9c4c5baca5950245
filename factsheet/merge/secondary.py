"""Extra citations and extra claims around the groups clustering made.

* secondary citations: a long or two-clause sentence of another group also
  states this group's fact ("X pays $14.50 a share, a premium of 32%" cites the
  premium claim too); compared whole or clause by clause (cluster.clause_scores);
* remainder claims: a group member that also names a new thing no other
  sentence mentions is a claim of its own as well."""

from __future__ import annotations

import re

from .cluster import PairScores, Unit, _adjective_stem
from .text import content_stems

# A long sentence stating two facts ("X will invest $1-5 billion, with the goal of
# assembling 2,000 racks a week") also supports the claim of its second fact.
SECONDARY_THRESHOLD = 0.5
SECONDARY_LINK = 0.45
SECONDARY_LENGTH_RATIO = 1.3


def _secondary_similarity(scores: PairScores, long: int, short: int, whole_ok: bool) -> float:
    """A sentence long enough to state a second fact, compared whole; any sentence
    of two clauses, compared clause by clause."""
    whole = scores.sim(long, short) if whole_ok else 0.0
    return max(whole, scores.clause_similarity(long, short)) if scores.units[long].clauses else whole


def _secondary_reaches(scores: PairScores, long: int, short: int, whole_ok: bool, bar: float) -> bool:
    """_secondary_similarity(...) >= bar, without scoring what is surely below bar."""
    if scores.units[long].clauses and max(scores.clause_scores_at_least(long, short, bar), default=0.0) >= bar:
        return True
    return whole_ok and not scores.surely_below(long, short, bar) and scores.sim(long, short) >= bar


def secondary_members(units: list[Unit], groups: list[list[int]], pairs: set[tuple[int, int]],
                      w: dict[str, float], scores: PairScores | None = None) -> dict[int, list[int]]:
    """group index -> extra unit indices (each a member of another group). ``scores``:
    the clustering's memo of pair scores (the same pairs are asked again)."""
    if scores is None or scores.units is not units or scores.w is not w:
        scores = PairScores(units, w)
    group_of = {}
    for gi, g in enumerate(groups):
        for u in g:
            group_of[u] = gi
    extra: dict[int, set[int]] = {}
    lengths = [len(u.sf.sentence.text.split()) for u in units]
    group_records = [{units[m].sf.record for m in g} for g in groups]
    for i, j in sorted(pairs):
        for long, short in ((i, j), (j, i)):
            g_short = group_of[short]
            whole_ok = lengths[long] >= SECONDARY_LENGTH_RATIO * lengths[short]
            if group_of[long] == g_short or not (whole_ok or units[long].clauses):
                continue
            if units[long].sf.record in group_records[g_short] or long in extra.get(g_short, ()):
                continue  # a source citing itself twice; or already an extra member (cheap checks first)
            if not _secondary_reaches(scores, long, short, whole_ok, SECONDARY_THRESHOLD):
                continue
            members = groups[g_short]
            sims = [_secondary_similarity(scores, long, m, lengths[long] >= SECONDARY_LENGTH_RATIO * lengths[m])
                    for m in members[:12]]
            if sum(sims) / len(sims) >= SECONDARY_LINK:
                extra.setdefault(g_short, set()).add(long)
    return {g: sorted(v) for g, v in extra.items()}


# "Kovač has promised 8,000 homes and a new tram line to the airport": a member of
# the homes claim that also states something no other member says. It is cited by
# the group and is a claim of its own as well, so the second fact is not lost.
_CONJUNCT = re.compile(r",\s+|;\s+|\s+and\s+|\s+but\s+|\s+while\s+")
REMAINDER_MIN_WORDS = 4
REMAINDER_MIN_CONTENT = 3


def remainder_members(units: list[Unit], groups: list[list[int]], df: dict[str, int]) -> list[int]:
    """Members of multi-source groups with a conjunct that shares nothing with the
    rest of the group and says what no other sentence of the corpus says."""
    out = []
    for g in groups:
        if len(g) < 2 or len({units[i].sf.record for i in g}) < 2:
            continue
        for i in g:
            if not units[i].sf.has_figure and " and " not in units[i].sf.sentence.text:
                continue
            others = frozenset().union(*(units[j].features for j in g if j != i))
            if _unshared_conjunct(units[i], others, df):
                out.append(i)
    return sorted(out)


def _unshared_conjunct(u: Unit, others: frozenset[str], df: dict[str, int]) -> bool:
    pieces = _CONJUNCT.split(u.sf.sentence.text)
    if len(pieces) < 2:
        return False
    shared_any = lonely = False
    for piece in pieces:
        stems = {_adjective_stem(s) for s in content_stems(piece)} & u.features
        if not stems:
            continue
        if stems & others:
            shared_any = True
        elif (_NEW_THING.match(piece) and len(piece.split()) >= REMAINDER_MIN_WORDS
              and len(stems) >= REMAINDER_MIN_CONTENT
              and sum(1 for s in stems if df.get(s, 0) <= 1) >= REMAINDER_UNIQUE):
            lonely = True
    return shared_any and lonely


REMAINDER_UNIQUE = 2
# a second object of its own ("... and a new tram line to the airport"), not an elaboration
_NEW_THING = re.compile(r"(?:a|an)\s", re.IGNORECASE)
