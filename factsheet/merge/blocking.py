"""Candidate pairs without comparing all pairs: an inverted index on each
sentence's rarest features, with common features left out (capped postings).

A pair becomes a candidate when the weight of the indexed features it shares
is a fair part of the lighter sentence's weight: two wordings of one fact keep
their rare words and numbers in common."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Sequence

# A feature shared by more sentences than this says nothing about which of them
# state the same fact; it is left out of the index.
MAX_POSTING = 24
# Only a sentence's rarest features are indexed.
FEATURES_PER_SENTENCE = 12
# Shared indexed weight / the lighter sentence's total weight, to be a candidate.
MIN_SHARED_SHARE = 0.15


def candidate_pairs(
    features: Sequence[frozenset[str]],
    df: dict[str, int],
    *,
    weights: dict[str, float] | None = None,
    totals: Sequence[float] | None = None,
    strong: frozenset[str] | None = None,
    min_shared: int = 2,
) -> tuple[set[tuple[int, int]], int]:
    """Pairs (i, j), i < j, sharing >= min_shared indexed features whose weight
    is at least MIN_SHARED_SHARE of the lighter sentence. Returns the pairs and
    the number of posting-list pair visits (the work done)."""
    weights = weights or {}
    postings: dict[str, list[int]] = defaultdict(list)
    if totals is None:
        totals = [math.fsum(weights.get(f, 1.0) for f in fs) for fs in features]
    for i, fs in enumerate(features):
        ranked = sorted((f for f in fs if 2 <= df.get(f, 0) <= MAX_POSTING), key=lambda f: (df[f], f))
        for f in ranked[:FEATURES_PER_SENTENCE]:
            postings[f].append(i)
    n = len(features)
    shared_w: dict[int, float] = defaultdict(float)
    shared_n: dict[int, int] = defaultdict(int)
    visits = 0
    for f, ids in postings.items():
        if len(ids) < 2:
            continue
        wf = weights.get(f, 1.0)
        for a in range(len(ids) - 1):
            base = ids[a] * n
            for b in range(a + 1, len(ids)):
                key = base + ids[b]
                shared_w[key] += wf
                shared_n[key] += 1
            visits += len(ids) - 1 - a
    pairs: set[tuple[int, int]] = set()
    for key, c in shared_n.items():
        if c < min_shared:
            continue
        i, j = divmod(key, n)
        if shared_w[key] >= MIN_SHARED_SHARE * min(totals[i], totals[j]):
            pairs.add((i, j))
    return pairs, visits
