"""Which pairs of units to compare: near-linear, without starving the merge.

Each unit is indexed under its INDEX_KEYS heaviest features and probes the index under
its BLOCK_KEYS heaviest (at least BLOCK_MIN_WEIGHT each; a feature's weight already says
how rare it is in English and in this corpus): a short proposition finds the long
sentence that states it among other details, whose heaviest features are those details.

* a feature few units hold (at most SINGLE_KEY_POSTINGS) finds every one of them;
* a more common feature finds units only together with a second heavy feature of the
  probing unit (a pair key), at most PAIR_KEY_POSTINGS of them, evenly spread over the
  corpus when there are more: a fact restated a thousand times still meets its
  restatements, a sample of them, which is all the grouping needs.

Every unit found gets the summed weight of the keys it shares with the probing unit,
and the probing unit keeps its MAX_CANDIDATES best: the number of comparisons grows with
the number of units, not with its square.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from itertools import combinations

from . import params as P
from .units import Unit


def _keys(u: Unit, n: int) -> list[tuple[str, float]]:
    ranked = sorted(u.features.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(k, w) for k, w in ranked[:n] if w >= P.BLOCK_MIN_WEIGHT]


def _spread(members: list[int], cap: int) -> list[int]:
    if len(members) <= cap:
        return members
    step = len(members) / cap
    return [members[int(k * step)] for k in range(cap)]


def candidate_pairs(units: list[Unit]) -> list[tuple[int, int]]:
    """Sorted pairs (i, j), i < j, of units worth comparing (never two of one sentence)."""
    keys = [_keys(u, P.BLOCK_KEYS) for u in units]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for k, _ in _keys(u, P.INDEX_KEYS):
            postings[k].append(i)
    common = {k for k, members in postings.items() if len(members) > P.SINGLE_KEY_POSTINGS}
    pair_postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        names = sorted(k for k, _ in ks)
        for a, b in combinations(names, 2):
            if a in common or b in common:
                pair_postings[(a, b)].append(i)
    pair_lists = {k: _spread(v, P.PAIR_KEY_POSTINGS) for k, v in pair_postings.items() if len(v) > 1}
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        found: dict[int, float] = defaultdict(float)
        weight = dict(ks)
        for k, w in ks:
            if k not in common:
                for j in postings[k]:
                    found[j] += w
        names = sorted(weight)
        for a, b in combinations(names, 2):
            members = pair_lists.get((a, b))
            if members:
                w = weight[a] + weight[b]
                for j in members:
                    found[j] += w
        ui = units[i]
        found.pop(i, None)
        best = heapq.nsmallest(P.MAX_CANDIDATES + 4, ((-w, j) for j, w in found.items()))
        kept = 0
        for _, j in best:
            uj = units[j]
            if uj.record == ui.record and uj.sentence == ui.sentence:
                continue
            pairs.add((i, j) if i < j else (j, i))
            kept += 1
            if kept == P.MAX_CANDIDATES:
                break
    return sorted(pairs)
