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
from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Mapping

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


def probe_keys(u: Unit) -> list[tuple[str, float]]:
    """The heaviest features a unit probes the index under."""
    return _keys(u, P.BLOCK_KEYS)


def index_keys(u: Unit) -> list[str]:
    """The features a unit is indexed under."""
    return [k for k, _ in _keys(u, P.INDEX_KEYS)]


def key_pairs(ks: list[tuple[str, float]]) -> list[tuple[str, str]]:
    """The pair keys of a unit's probing keys."""
    return list(combinations(sorted(k for k, _ in ks), 2))


@dataclass(frozen=True)
class BlockIndex:
    postings: dict[str, list[int]]  # feature -> the units indexed under it
    pair_postings: dict[tuple[str, str], list[int]]  # pair key (one key common) -> the units probing under both

    def is_common(self, key: str) -> bool:
        return len(self.postings.get(key, ())) > P.SINGLE_KEY_POSTINGS


def block_index(units: list[Unit], keys: list[list[tuple[str, float]]]) -> BlockIndex:
    """The index of `units`, whose probing keys are `keys`."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for k in index_keys(u):
            postings[k].append(i)
    common = {k for k, members in postings.items() if len(members) > P.SINGLE_KEY_POSTINGS}
    pair_postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for a, b in key_pairs(ks):
            if a in common or b in common:
                pair_postings[(a, b)].append(i)
    return BlockIndex(dict(postings), dict(pair_postings))


def candidate_pairs(units: list[Unit], index: BlockIndex | None = None) -> list[tuple[int, int]]:
    """Sorted pairs (i, j), i < j, of units worth comparing (never two of one sentence)."""
    keys = [probe_keys(u) for u in units]
    index = index or block_index(units, keys)
    common = {k for k, members in index.postings.items() if len(members) > P.SINGLE_KEY_POSTINGS}
    pair_lists = {k: _spread(v, P.PAIR_KEY_POSTINGS) for k, v in index.pair_postings.items() if len(v) > 1}
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        for j in probe(i, ks, units, index.postings, common.__contains__, pair_lists.get):
            pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def spread_pair_members(members: list[int] | None) -> list[int] | None:
    """A pair key's units as the probe reads them: an even sample, none for a lone unit."""
    return _spread(members, P.PAIR_KEY_POSTINGS) if members and len(members) > 1 else None


def probe(i: int, ks: list[tuple[str, float]], units: list[Unit], postings: Mapping[str, list[int]],
          is_common: Callable[[str], bool], pair_members: Callable[[tuple[str, str]], list[int] | None]) -> list[int]:
    """The units unit i (probing under `ks`) is paired with: its MAX_CANDIDATES best finds."""
    found: dict[int, float] = defaultdict(float)
    weight = dict(ks)
    for k, w in ks:
        if not is_common(k):
            for j in postings.get(k, ()):
                found[j] += w
    for a, b in key_pairs(ks):
        members = pair_members((a, b))
        if members:
            w = weight[a] + weight[b]
            for j in members:
                found[j] += w
    ui = units[i]
    found.pop(i, None)
    best = heapq.nsmallest(P.MAX_CANDIDATES + 4, ((-w, j) for j, w in found.items()))
    kept: list[int] = []
    for _, j in best:
        uj = units[j]
        if uj.record == ui.record and uj.sentence == ui.sentence:
            continue
        kept.append(j)
        if len(kept) == P.MAX_CANDIDATES:
            break
    return kept
