"""Which pairs of units to compare: near-linear, without starving the merge.

Each unit is indexed under its heaviest features (BLOCK_KEYS of them):
* a feature that few units hold (at most SINGLE_KEY_POSTINGS) indexes on its own: two
  units sharing it are compared;
* a more common feature indexes only together with another of the unit's heavy
  features (a pair key): two units are compared when they share two of them.
A bucket larger than BUCKET_CAP (a fact restated hundreds of times) compares each member
with BUCKET_CAP evenly spaced members rather than with all of them, so that cost grows
linearly with the corpus while every member still meets the bucket's others.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from . import params as P
from .units import Unit


def _keys(u: Unit) -> list[str]:
    ranked = sorted(u.features.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, w in ranked[:P.BLOCK_KEYS] if w >= P.BLOCK_MIN_WEIGHT]


def candidate_pairs(units: list[Unit]) -> list[tuple[int, int]]:
    """Sorted pairs (i, j), i < j, of units worth comparing (never two of one sentence)."""
    keys = [_keys(u) for u in units]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            postings[k].append(i)
    buckets: dict = {}
    for k, members in postings.items():
        if len(members) <= P.SINGLE_KEY_POSTINGS:
            buckets[k] = members
    pair_postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        common = sorted(k for k in ks if len(postings[k]) > P.SINGLE_KEY_POSTINGS)
        for a, b in combinations(sorted(ks), 2):
            if a in common or b in common:
                pair_postings[(a, b)].append(i)
    for k, members in pair_postings.items():
        if len(members) > 1:
            buckets[k] = members
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        _bucket_pairs(members, units, pairs)
    return sorted(pairs)


def _bucket_pairs(members: list[int], units: list[Unit], out: set[tuple[int, int]]) -> None:
    if len(members) <= P.BUCKET_CAP:
        reps = members
    else:
        step = len(members) / P.BUCKET_CAP
        reps = [members[int(k * step)] for k in range(P.BUCKET_CAP)]
    for i in members:
        ui = units[i]
        for j in reps:
            if i == j:
                continue
            uj = units[j]
            if ui.record == uj.record and ui.sentence == uj.sentence:
                continue
            out.add((i, j) if i < j else (j, i))
