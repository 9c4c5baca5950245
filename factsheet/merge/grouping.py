"""Group propositions into claims around a core.

1. Cores first: the proposition restated by the most other sources (at CORE_BAR) is the
   core of the first claim; it takes every unassigned proposition that restates it at
   CORE_BAR and contradicts no member. The next strongest unassigned proposition is the
   next core, and so on. A core must be restated by the members directly: a claim never
   grows by chaining, and its tenth source joins as easily as its second.
2. Joins: a proposition left over joins the claim whose core it restates best, at
   JOIN_BAR (looser than CORE_BAR: the claim is already established), or whose centroid
   (the mean of its members) it matches at JOIN_BAR, again contradicting no member.
3. What is left stands alone (a single-source claim).

Deterministic: every ordering breaks ties by unit position.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import params as P
from .similarity import Comparison, compare
from .units import Unit


@dataclass(frozen=True)
class Group:
    core: int
    members: tuple[int, ...]  # unit indexes, core first


class Comparisons:
    """Scores of the compared pairs, computed once; other pairs on demand."""

    def __init__(self, units: list[Unit], pairs: list[tuple[int, int]]) -> None:
        self.units = units
        self._memo: dict[tuple[int, int], Comparison] = {}
        self.links: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for i, j in pairs:
            c = self.get(i, j)
            if c.compatible and c.score >= P.JOIN_BAR:
                self.links[i].append((j, c.score))
                self.links[j].append((i, c.score))
        for k in self.links:
            self.links[k].sort(key=lambda js: (-js[1], js[0]))

    def get(self, i: int, j: int) -> Comparison:
        key = (i, j) if i < j else (j, i)
        c = self._memo.get(key)
        if c is None:
            c = compare(self.units[key[0]], self.units[key[1]])
            self._memo[key] = c
        return c

    def compared(self) -> dict[tuple[int, int], Comparison]:
        return self._memo


def _strength(i: int, comps: Comparisons, units: list[Unit]) -> tuple[int, float]:
    records = {units[j].record for j, s in comps.links.get(i, ()) if s >= P.CORE_BAR and units[j].record != units[i].record}
    total = sum(s for j, s in comps.links.get(i, ()) if s >= P.CORE_BAR)
    return len(records), total


def _fits(j: int, members: list[int], comps: Comparisons) -> bool:
    return all(comps.get(j, m).compatible for m in members)


def _centroid_score(u: Unit, members: list[int], units: list[Unit]) -> float:
    profile: dict[str, float] = defaultdict(float)
    for m in members:
        for k, w in units[m].features.items():
            profile[k] += w / len(members)
    dot = sum(w * profile.get(k, 0.0) for k, w in u.features.items())
    norm = sum(w * w for w in profile.values()) ** 0.5
    return dot / (u.norm * norm) if norm and u.norm else 0.0


def _centroid(members: list[int], units: list[Unit]) -> dict[str, float]:
    profile: dict[str, float] = defaultdict(float)
    for m in members:
        for k, w in units[m].features.items():
            profile[k] += w / len(members)
    return profile


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    na = sum(w * w for w in a.values()) ** 0.5
    nb = sum(w * w for w in b.values()) ** 0.5
    return dot / (na * nb) if na and nb else 0.0


def _merge_split_claims(groups: list[list[int]], claim_of: dict[int, int], units: list[Unit],
                        comps: Comparisons) -> list[list[int]]:
    """Two claims that state one fact (a core each, restated across them) become one, when
    their centroids reach CLAIM_MERGE_BAR and no member of one contradicts the other."""
    linked: set[tuple[int, int]] = set()
    for i, js in comps.links.items():
        gi = claim_of.get(i)
        if gi is None:
            continue
        for j, s in js:
            gj = claim_of.get(j)
            if s >= P.CORE_BAR and gj is not None and gj != gi:
                linked.add((min(gi, gj), max(gi, gj)))
    alive = {g: list(m) for g, m in enumerate(groups)}
    centroids = {g: _centroid(m, units) for g, m in alive.items()}
    candidates = sorted(((_cosine(centroids[a], centroids[b]), a, b) for a, b in linked), key=lambda t: (-t[0], t[1], t[2]))
    root = {g: g for g in alive}

    def find(g: int) -> int:
        while root[g] != g:
            g = root[g]
        return g

    for sim, a, b in candidates:
        if sim < P.CLAIM_MERGE_BAR:
            break
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if not all(comps.get(i, j).compatible for i in alive[ra] for j in alive[rb]):
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        alive[keep].extend(alive.pop(gone))
        root[gone] = keep
    return [alive[g] for g in sorted(alive)]


def group_units(units: list[Unit], comps: Comparisons) -> list[Group]:
    order = sorted(range(len(units)), key=lambda i: (*(-x for x in _strength(i, comps, units)), i))
    claim_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for c in order:
        if c in claim_of or not comps.links.get(c):
            continue
        members = [c]
        for j, s in comps.links[c]:
            if s < P.CORE_BAR:
                break
            if j in claim_of or not _fits(j, members, comps):
                continue
            members.append(j)
        if len(members) < 2:
            continue
        for m in members:
            claim_of[m] = len(groups)
        groups.append(members)
    for _ in range(P.JOIN_PASSES):
        changed = False
        for u in range(len(units)):
            if u in claim_of:
                continue
            best, best_score = None, 0.0
            for g in sorted({claim_of[j] for j, _ in comps.links.get(u, ()) if j in claim_of}):
                members = groups[g]
                score = max(comps.get(u, members[0]).score, _centroid_score(units[u], members, units))
                if score >= P.JOIN_BAR and score > best_score and _fits(u, members, comps):
                    best, best_score = g, score
            if best is not None:
                groups[best].append(u)
                claim_of[u] = best
                changed = True
        if not changed:
            break
    groups = _merge_split_claims(groups, claim_of, units, comps)
    out = [Group(g[0], tuple(g)) for g in groups]
    out.extend(Group(u, (u,)) for u in range(len(units)) if u not in claim_of)
    return out
