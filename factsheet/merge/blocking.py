"""Candidate pairs without comparing all pairs: an inverted index on each
sentence's rarest features, with common features left out (capped postings)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

# A feature shared by more sentences than this says nothing about which of them
# state the same fact; it is left out of the index.
MAX_POSTING = 64
# Only a sentence's rarest features are indexed: rare words and numbers are what
# two wordings of one fact keep in common.
FEATURES_PER_SENTENCE = 10


def candidate_pairs(
    features: Sequence[frozenset[str]],
    df: dict[str, int],
    *,
    strong: frozenset[str] | None = None,
    min_shared: int = 2,
) -> tuple[set[tuple[int, int]], int]:
    """Pairs (i, j), i < j, sharing >= min_shared indexed features (or one strong
    feature, e.g. a normalized number). Returns the pairs and the number of
    posting-list pair visits (the work done)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, fs in enumerate(features):
        ranked = sorted((f for f in fs if 2 <= df.get(f, 0) <= MAX_POSTING), key=lambda f: (df[f], f))
        for f in ranked[:FEATURES_PER_SENTENCE]:
            postings[f].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    visits = 0
    strong = strong or frozenset()
    pairs: set[tuple[int, int]] = set()
    for f in sorted(postings):
        ids = postings[f]
        if len(ids) < 2:
            continue
        is_strong = f in strong
        for a in range(len(ids)):
            ia = ids[a]
            for b in range(a + 1, len(ids)):
                visits += 1
                key = (ia, ids[b])
                if is_strong:
                    pairs.add(key)
                else:
                    shared[key] += 1
    pairs.update(k for k, c in shared.items() if c >= min_shared)
    return pairs, visits
