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

import math
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Iterator

import numpy as np

from . import params as P
from .units import Unit


def _keys(u: Unit, n: int) -> list[tuple[str, float]]:
    ranked = sorted([(-w, k) for k, w in u.features.items()])  # heaviest first, ties by key
    return _of_event(u, [(k, -w) for w, k in ranked[:n] if -w >= P.BLOCK_MIN_WEIGHT])


def _of_event(u: Unit, keys: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Keys of the unit's event: propositions of two events are no restatements, and a
    statement every event of a large corpus makes ("The agreement includes no public
    subsidy") meets its own event's restatements, not a sample of all events' (the first
    event's keys are the features themselves, so a corpus of one event is indexed as is)."""
    e = u.context.event
    return [(f"{e}|{k}", w) for k, w in keys] if e else keys


def _bucket(x: float) -> int:
    return math.floor(math.log(x) / math.log(1 + P.VALUE_BUCKET_RATIO))


def _value_keys(u: Unit, rough_only: bool) -> list[tuple[str, float]]:
    """Keys for the magnitudes of the values a unit states, so that "nearly 250,000 patients"
    meets "240,112 patients" (their exact value features differ): a value stated roughly
    (a hedge, an open bound, a round figure) under every bucket its interval reaches; a
    precise one (unless `rough_only`) under the bucket of its value. Weighted as the value."""
    keys: dict[str, float] = {}
    for q in u.prop.quantities:
        if q.kind not in P.VALUE_BUCKET_KINDS or q.part or q.delta or q.reference or q.low <= 0:
            continue
        lo, hi = q.interval
        rough = (lo, hi) != (q.low, q.high)
        if rough_only and not rough:
            continue
        weight = u.features.get("q:" + q.key, 0.0)
        if weight < P.BLOCK_MIN_WEIGHT:
            continue
        first, last = (_bucket(max(lo, q.low * P.VALUE_BUCKET_FLOOR)), _bucket(min(hi, q.high / P.VALUE_BUCKET_FLOOR))) \
            if rough else (_bucket(q.low), _bucket(q.low))
        for b in range(first, last + 1):
            k = f"~{q.kind}:{q.unit}:{q.rate}:{b}"
            keys[k] = max(keys.get(k, 0.0), weight)
    return _of_event(u, sorted(keys.items()))


def unit_keys(u: Unit) -> tuple[list[str], list[tuple[str, float]]]:
    """(index_keys(u), probe_keys(u)), ranking its features once: the keys heavy enough are
    a prefix of the ranking, so the probing keys are the first of the indexed ones."""
    indexed = _keys(u, P.INDEX_KEYS)
    return [k for k, _ in indexed] + [k for k, _ in _value_keys(u, False)], \
        indexed[:P.BLOCK_KEYS] + _value_keys(u, True)


def _spread(members: list[int], cap: int) -> list[int]:
    if len(members) <= cap:
        return members
    step = len(members) / cap
    return [members[int(k * step)] for k in range(cap)]


def probe_keys(u: Unit) -> list[tuple[str, float]]:
    """The keys a unit probes the index under: its heaviest features, and the magnitudes
    of the values it states roughly."""
    return _keys(u, P.BLOCK_KEYS) + _value_keys(u, True)


def index_keys(u: Unit) -> list[str]:
    """The keys a unit is indexed under: its heavier features and its values' magnitudes."""
    return [k for k, _ in _keys(u, P.INDEX_KEYS)] + [k for k, _ in _value_keys(u, False)]


def key_pairs(ks: list[tuple[str, float]]) -> list[tuple[str, str]]:
    """The pair keys of a unit's probing keys."""
    return list(combinations(sorted(k for k, _ in ks), 2))


@dataclass(frozen=True)
class BlockIndex:
    postings: dict[str, list[int]]  # feature -> the units indexed under it
    pair_postings: dict[tuple[str, str], list[int]]  # pair key (one key common) -> the units probing under both

    def is_common(self, key: str) -> bool:
        return len(self.postings.get(key, ())) > P.SINGLE_KEY_POSTINGS


def block_index(units: list[Unit], keys: list[list[tuple[str, float]]],
                indexed: list[list[str]] | None = None) -> BlockIndex:
    """The index of `units`, whose probing keys are `keys` (and indexed keys `indexed`, when at hand)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for k in (indexed[i] if indexed is not None else index_keys(u)):
            postings[k].append(i)
    common = {k for k, members in postings.items() if len(members) > P.SINGLE_KEY_POSTINGS}
    pair_postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for a, b in key_pairs(ks):
            if a in common or b in common:
                pair_postings[(a, b)].append(i)
    return BlockIndex(dict(postings), dict(pair_postings))


def candidate_pairs(units: list[Unit], index: BlockIndex | None = None,
                    keys: list[list[tuple[str, float]]] | None = None) -> np.ndarray:
    """Pairs (i, j), i < j, of units worth comparing (never two of one sentence): the rows
    of an int64 array, sorted. `keys`: each unit's probe_keys, when already at hand."""
    keys = keys if keys is not None else [probe_keys(u) for u in units]
    index = index or block_index(units, keys)
    n = len(units)
    codes = [np.empty(0, dtype=np.int64)]
    for i, j in _probe_in_chunks(list(range(n)), keys, units, index):
        codes.append(np.minimum(i, j) * n + np.maximum(i, j))
    pairs = np.sort(np.concatenate(codes))
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
    return np.stack([pairs // max(n, 1), pairs % max(n, 1)], axis=1)


def probe(probing: list[int], keys: list[list[tuple[str, float]]], units: list[Unit], index: BlockIndex
          ) -> dict[int, list[int]]:
    """The units each unit of `probing` (probing under its `keys`) is paired with: its
    MAX_CANDIDATES best finds, best first (the dev server probes the units it rebuilt)."""
    found: dict[int, list[int]] = {i: [] for i in probing}
    for i, j in _probe_in_chunks(probing, keys, units, index):
        for a, b in zip(i.tolist(), j.tolist()):
            found[a].append(b)
    return found


def _probe_in_chunks(probing: list[int], keys: list[list[tuple[str, float]]], units: list[Unit], index: BlockIndex
                     ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(probing units, units found) arrays of the kept finds, per PROBE_CHUNK_UNITS probing units:
    each probing unit's finds best first."""
    if not probing:
        return
    finds = _FindLists(index)
    sentence_of = _sentence_numbers(units)
    for start in range(0, len(probing), P.PROBE_CHUNK_UNITS):
        chunk = slice(start, start + P.PROBE_CHUNK_UNITS)
        prober, found, weight = finds.of(probing[chunk], keys[chunk])
        yield _best_finds(prober, found, weight, sentence_of, len(units))


def pair_rows(pairs: np.ndarray) -> Iterator[tuple[int, int]]:
    """The rows of `pairs` as tuples of one int object per unit (not one per mention: the
    comparisons' links of a large corpus hold millions of them), made PAIR_ROWS_CHUNK at a
    time (a list of them all would hold millions of tuples at once)."""
    if not len(pairs):
        return
    number = list(range(int(pairs.max()) + 1)).__getitem__
    for start in range(0, len(pairs), P.PAIR_ROWS_CHUNK):
        chunk = pairs[start:start + P.PAIR_ROWS_CHUNK]
        yield from zip(map(number, chunk[:, 0].tolist()), map(number, chunk[:, 1].tolist()))


class _FindLists:
    """The units a probing key finds, as arrays (a common key alone finds none)."""

    def __init__(self, index: BlockIndex) -> None:
        self.index = index
        self._single: dict[str, np.ndarray | None] = {}
        self._pair: dict[tuple[str, str], np.ndarray | None] = {}

    def single(self, key: str) -> np.ndarray | None:
        if key not in self._single:
            members = self.index.postings.get(key)
            self._single[key] = None if not members or self.index.is_common(key) else np.array(members, np.int64)
        return self._single[key]

    def pair(self, key: tuple[str, str]) -> np.ndarray | None:
        if key not in self._pair:
            members = spread_pair_members(self.index.pair_postings.get(key))
            self._pair[key] = None if members is None else np.array(members, np.int64)
        return self._pair[key]

    def of(self, probing: list[int], keys: list[list[tuple[str, float]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(probing unit, unit found, key weight) of every find of the units `probing` under
        their `keys`: a unit's finds under its single keys, then under its pair keys, in key
        order (the order a found unit's weights add up in)."""
        lists: list[np.ndarray] = []
        weights: list[float] = []
        probers: list[int] = []
        for i, ks in zip(probing, keys):
            for k, w in ks:
                found = self.single(k)
                if found is not None:
                    lists.append(found)
                    weights.append(w)
                    probers.append(i)
            weight = dict(ks)
            for a, b in key_pairs(ks):
                found = self.pair((a, b))
                if found is not None:
                    lists.append(found)
                    weights.append(weight[a] + weight[b])
                    probers.append(i)
        if not lists:
            return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
        sizes = np.fromiter((len(m) for m in lists), np.int64, len(lists))
        return (np.repeat(np.array(probers, np.int64), sizes), np.concatenate(lists),
                np.repeat(np.array(weights, np.float64), sizes))


def _sentence_numbers(units: list[Unit]) -> np.ndarray:
    """A number per unit for the sentence it is of (units of one sentence are never compared)."""
    numbers: dict[tuple[str, int], int] = {}
    return np.fromiter((numbers.setdefault((u.record, u.sentence), len(numbers)) for u in units), np.int64, len(units))


def _best_finds(prober: np.ndarray, found: np.ndarray, weight: np.ndarray, sentence_of: np.ndarray, n: int
                ) -> tuple[np.ndarray, np.ndarray]:
    """Every probing unit's finds, each found unit weighed by the keys it was found under:
    the MAX_CANDIDATES heaviest (ties by position) not of the probing unit's sentence, among
    its MAX_CANDIDATES + 4 heaviest. The (probing, found) pairs kept, best first per unit."""
    other = prober != found
    prober, found, weight = prober[other], found[other], weight[other]
    pair, where = np.unique(prober * n + found, return_inverse=True)
    total = np.zeros(len(pair))
    np.add.at(total, where, weight)  # one element at a time, in order: each unit's weights added in key order
    prober, found = pair // max(n, 1), pair % max(n, 1)
    # per probing unit, heaviest first; a stable sort leaves ties in found order, as `pair` is
    best = np.lexsort((-total, prober))
    prober, found = prober[best], found[best]
    head = _rank_in_runs(prober) < P.MAX_CANDIDATES + 4
    prober, found = prober[head], found[head]
    apart = sentence_of[prober] != sentence_of[found]
    prober, found = prober[apart], found[apart]
    kept = _rank_in_runs(prober) < P.MAX_CANDIDATES
    return prober[kept], found[kept]


def _rank_in_runs(values: np.ndarray) -> np.ndarray:
    """Each element's position in its run of equal values (values sorted)."""
    if not len(values):
        return np.empty(0, np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return np.arange(len(values)) - np.repeat(starts, np.diff(np.r_[starts, len(values)]))


def spread_pair_members(members: list[int] | None) -> list[int] | None:
    """A pair key's units as the probe reads them: an even sample, none for a lone unit."""
    return _spread(members, P.PAIR_KEY_POSTINGS) if members and len(members) > 1 else None
