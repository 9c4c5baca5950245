"""Group propositions into claims around a core.

1. Cores first: the proposition restated by the most other sources (at CORE_BAR) is the
   core of the first claim; it takes every unassigned proposition that restates it at
   CORE_BAR and contradicts no member. The next strongest unassigned proposition is the
   next core, and so on. A core must be restated by the members directly: a claim never
   grows by chaining, and its tenth source joins as easily as its second.
2. Joins: a proposition left over joins the claim whose core it restates best, at
   JOIN_BAR (looser than CORE_BAR: the claim is already established), or whose centroid
   (the mean of its members) it matches at JOIN_BAR, again contradicting no member.
3. Two claims that grew a core each for one fact (their members restate each other and
   their centroids reach CLAIM_MERGE_BAR) become one, if neither contradicts the other.
4. What is left stands alone (a single-source claim).
5. Claims that say the same thing with rival values ("diverted for 48 hours" / "turned
   away ambulances for three to four days") are one disputed claim: their words (values
   left out) reach RIVAL_MERGE_CORE and each side's proposition states its own claim. The
   discrepancy then lists each value with its sources (discrepancies.py).

"Contradicts" means: states a rival value of a measure the claim states (similarity.rivals)
or the opposite polarity. A claim keeps the distinct values its members state, so that
the test costs the number of its values, not of its members.

Deterministic: every ordering breaks ties by unit position.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass
from array import array
from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Iterator

import numpy as np

from . import params as P
from .quantities import Quantity, same_value
from .similarity import Comparison, _loosely_comparable, _same_count, compare, rivals, shared_words
from .units import Unit


@dataclass(frozen=True, slots=True)
class Group:
    core: int
    members: tuple[int, ...]  # unit indexes, core first
    disputes: tuple[tuple[int, int], ...] = ()  # rival pairs of members that made it one disputed claim
    also: tuple[int, ...] = ()  # units of other claims whose sentences state this one too (cited, not members)


class _PairTable:
    """The comparisons of the candidate pairs, in a few flat arrays instead of one object
    (and one dict entry) per pair: a large corpus compares millions of pairs, and the merge
    reads few of them again. Pairs (i, j), i < j, arrive sorted; unit i's
    partners j are the slice first[i]:first[i + 1] of `js`, found by bisection."""

    def __init__(self, n: int) -> None:
        self.first = array("q", bytes(8 * (n + 1)))  # filled up to the last unit added, then closed
        self.js = array("q")
        self.score, self.core, self.cover_a, self.cover_b = (array("d") for _ in range(4))
        self.polarity = bytearray()
        self.conflicts: dict[int, tuple] = {}  # row -> the pair's rival values (few pairs have any)
        self._last = (-1, -1)
        self._n = n

    def accepts(self, key: tuple[int, int]) -> bool:
        return key > self._last

    def add(self, key: tuple[int, int], c: Comparison) -> None:
        i, j = key
        if i != self._last[0]:
            for k in range(self._last[0] + 1, i + 1):
                self.first[k] = len(self.js)
        self._last = key
        if c.conflicts:
            self.conflicts[len(self.js)] = c.conflicts
        self.js.append(j)
        self.score.append(c.score)
        self.core.append(c.core)
        self.cover_a.append(c.cover_a)
        self.cover_b.append(c.cover_b)
        self.polarity.append(c.polarity_differs)

    def close(self) -> None:
        for k in range(self._last[0] + 1, self._n + 1):
            self.first[k] = len(self.js)
        self._last = (self._n, self._n)

    def row(self, i: int, j: int) -> int:
        """The row of pair (i, j), i < j; -1 when it is not in the table."""
        lo, hi = self.first[i], self.first[i + 1]
        r = bisect_left(self.js, j, lo, hi)
        return r if r < hi and self.js[r] == j else -1

    def comparison(self, r: int) -> Comparison:
        return Comparison(self.score[r], self.core[r], self.conflicts.get(r, ()), bool(self.polarity[r]),
                          self.cover_a[r], self.cover_b[r])

    def later(self) -> Callable[[int], Iterable[int]]:
        """unit i -> the units j > i it was compared with."""
        first, js = self.first, self.js
        return lambda i: js[first[i]:first[i + 1]]

    def earlier(self) -> Callable[[int], Iterable[int]]:
        """unit j -> the units i < j it was compared with (the table transposed, in arrays)."""
        js = np.frombuffer(self.js, dtype=np.int64)
        first = np.frombuffer(self.first, dtype=np.int64)
        owner = np.repeat(np.arange(self._n, dtype=np.int64), np.diff(first))
        by_j = np.argsort(js, kind="stable")
        back = owner[by_j]
        back_first = np.searchsorted(js[by_j], np.arange(self._n + 1)).tolist()
        return lambda j: back[back_first[j]:back_first[j + 1]].tolist()

    def keys(self) -> Iterator[tuple[int, int]]:
        js = self.js
        for i in range(self._n):
            for r in range(self.first[i], self.first[i + 1]):
                yield i, js[r]

    def key_of(self, r: int) -> tuple[int, int]:
        return bisect_right(self.first, r) - 1, self.js[r]


class Comparisons:
    """Scores of the compared `pairs` (i, j), i < j, computed once; other pairs on demand. `memo`: scores
    already computed for these units (kept across builds by the dev server), filled in place.
    Without a memo, sorted pairs' comparisons are kept in a compact table (_PairTable) and a
    Comparison is made again when asked for; with one, every comparison is kept in it."""

    def __init__(self, units: list[Unit], pairs: Iterable[tuple[int, int]],
                 memo: dict[tuple[int, int], Comparison] | None = None) -> None:
        self.units = units
        self._table = _PairTable(len(units)) if memo is None else None
        self._memo: dict[tuple[int, int], Comparison] = {} if memo is None else memo
        # unit -> [(other unit, score, how much of this unit the other restates, how much of
        # the other this unit restates)], best first
        self.links: dict[int, list[tuple[int, float, float, float]]] = defaultdict(list)
        memo, table, links, bar = self._memo, self._table, self.links, P.JOIN_BAR
        for i, j in pairs:  # i < j: the memo's key as it is
            key = (i, j)
            c = memo.get(key)
            if c is None:
                c = compare(units[i], units[j])
                if table is not None and table.accepts(key):
                    table.add(key, c)
                else:
                    memo[key] = c
            if c.score >= bar and c.compatible:
                links[i].append((j, c.score, c.cover_a, c.cover_b))
                links[j].append((i, c.score, c.cover_b, c.cover_a))
        if table is not None:
            table.close()
        for k in self.links:
            self.links[k].sort(key=lambda js: (-js[1], js[0]))

    # covers, score and compatible read a table row where the pair has one, without making
    # its Comparison again: the grouping and the claims ask them of hundreds of thousands of pairs

    def covers(self, core: int, other: int) -> float:
        """How much of the core's weight `other` restates."""
        r = self._row(core, other)
        if r >= 0:
            return self._table.cover_a[r] if core < other else self._table.cover_b[r]
        c = self._made(core, other)
        return c.cover_a if core < other else c.cover_b

    def score(self, i: int, j: int) -> float:
        r = self._row(i, j)
        return self._table.score[r] if r >= 0 else self._made(i, j).score

    def compatible(self, i: int, j: int) -> bool:
        r = self._row(i, j)
        if r >= 0:
            return r not in self._table.conflicts and not self._table.polarity[r]
        return self._made(i, j).compatible

    def get(self, i: int, j: int) -> Comparison:
        r = self._row(i, j)
        return self._table.comparison(r) if r >= 0 else self._made(i, j)

    def _row(self, i: int, j: int) -> int:
        """The table's row of the pair, -1 when it has none."""
        t = self._table
        if t is None:
            return -1
        if j < i:
            i, j = j, i
        lo, hi = t.first[i], t.first[i + 1]
        r = bisect_left(t.js, j, lo, hi)  # (the table's row(), inlined: asked millions of times)
        return r if r < hi and t.js[r] == j else -1

    def _made(self, i: int, j: int) -> Comparison:
        """The pair's comparison from the memo, made now if it is not there."""
        key = (i, j) if i < j else (j, i)
        c = self._memo.get(key)
        if c is None:
            c = compare(self.units[key[0]], self.units[key[1]])
            self._memo[key] = c
        return c

    def was_compared(self, i: int, j: int) -> bool:
        """Has pair (i, j), i < j, been compared (as a candidate or on demand) so far?"""
        return (self._table is not None and self._table.row(i, j) >= 0) or (i, j) in self._memo

    def partners(self) -> Callable[[int], Iterable[int]]:
        """unit -> the units it has been compared with so far, in no particular order (the
        pairs compared after this call are not among them)."""
        extra: dict[int, list[int]] = defaultdict(list)
        for i, j in list(self._memo):
            extra[i].append(j)
            extra[j].append(i)
        if self._table is None:
            return lambda m: extra.get(m, ())
        after, before = self._table.later(), self._table.earlier()
        return lambda m: itertools.chain(after(m), before(m), extra.get(m, ()))

    def conflicts(self, i: int, j: int) -> tuple:
        """The pair's rival values (compared now if it was not)."""
        r = self._row(i, j)
        return self._table.conflicts.get(r, ()) if r >= 0 else self._made(i, j).conflicts

    def conflicting_pairs(self) -> Iterator[tuple[int, int]]:
        """The pairs compared so far that state rival values."""
        if self._table is not None:
            yield from map(self._table.key_of, sorted(self._table.conflicts))
        yield from [k for k, c in self._memo.items() if c.conflicts]

    def conflicting(self) -> Iterator[tuple[tuple[int, int], Comparison]]:
        """The pairs compared so far that state rival values, with their comparisons."""
        if self._table is not None:
            for r in sorted(self._table.conflicts):
                yield self._table.key_of(r), self._table.comparison(r)
        yield from [(k, c) for k, c in self._memo.items() if c.conflicts]

    def compared(self) -> dict[tuple[int, int], Comparison]:
        """Every comparison made, by pair, in the order made: the dev server's memo. Without
        a memo given, this makes a Comparison per pair of the table (the one time they are
        all needed at once)."""
        if self._table is None:
            return self._memo
        out = {k: self._table.comparison(r) for r, k in enumerate(self._table.keys())}
        out.update(self._memo)
        return out


class _Claim:
    """A growing claim: its members, their polarity, the distinct values they state, and
    the running sum of their feature vectors (for the centroid; summed when a centroid is
    first asked for, as most claims are only asked whether a unit fits)."""

    def __init__(self, units: list[Unit], first: int) -> None:
        self.units = units
        self.members: list[int] = []
        self.negated = units[first].prop.negated
        self.values: list[tuple[Quantity, int]] = []  # (value, unit stating it), one per distinct key
        self._keys: set[str] = set()
        self._sums: dict[str, float] | None = None
        # kept while no member joins: the centroid and its norm; centroid_score's norm of it
        self._mean: tuple[dict[str, float], float] | None = None
        self._score_norm: float | None = None
        self.add(first)

    @classmethod
    def of(cls, units: list[Unit], members: tuple[int, ...]) -> "_Claim":
        """The claim of `members`, in order."""
        claim = cls(units, members[0])
        for m in members[1:]:
            claim.add(m)
        return claim

    def add(self, i: int) -> None:
        u = self.units[i]
        self.members.append(i)
        for q in u.prop.quantities:
            if q.key not in self._keys:
                self._keys.add(q.key)
                self.values.append((q, i))
        if self._sums is not None:
            for k, w in u.features.items():
                self._sums[k] += w
        self._mean = self._score_norm = None

    @property
    def sums(self) -> dict[str, float]:
        """The members' feature weights summed, member by member in order."""
        if self._sums is None:
            self._sums = defaultdict(float)
            for m in self.members:
                for k, w in self.units[m].features.items():
                    self._sums[k] += w
        return self._sums

    def centroid(self) -> tuple[dict[str, float], float]:
        """The mean of the members' feature vectors, and its norm."""
        if self._mean is None:
            n = len(self.members)
            mean = {k: w / n for k, w in self.sums.items()}
            self._mean = mean, sum(w * w for w in mean.values()) ** 0.5
        return self._mean

    def absorb(self, other: "_Claim") -> None:
        for i in other.members:
            self.add(i)

    def fits(self, i: int) -> bool:
        u = self.units[i]
        if u.prop.negated != self.negated:
            return False
        # as in similarity.value_matches: values either side has a match for are agreed;
        # only the rest can be rivals
        agreed: set[str] = set()
        unmatched = []
        for q in u.prop.quantities:
            hits = [cq.key for cq, ci in self.values if cq.key == q.key or _matches(q, cq, u, self.units[ci])]
            if hits:
                agreed.update(hits)
            else:
                unmatched.append(q)
        for q in unmatched:
            if any(cq.key not in agreed and rivals(q, cq, u, self.units[ci]) for cq, ci in self.values):
                return False
        return True

    def fits_claim(self, other: "_Claim") -> bool:
        return other.negated == self.negated and all(self.fits(i) for i in {ci for _, ci in other.values} | {other.members[0]})

    def centroid_score(self, u: Unit) -> float:
        n = len(self.members)
        sums = self.sums
        dot = sum(w * sums.get(k, 0.0) / n for k, w in u.features.items())
        if self._score_norm is None:
            self._score_norm = sum((w / n) ** 2 for w in sums.values()) ** 0.5
        norm = self._score_norm
        return dot / (u.norm * norm) if norm and u.norm else 0.0

    def centroid_cosine(self, other: "_Claim") -> float:
        (a, na), (b, nb) = self.centroid(), other.centroid()
        if len(b) < len(a):
            a, b = b, a
        dot = sum(w * b.get(k, 0.0) for k, w in a.items())
        return dot / (na * nb) if na and nb else 0.0


def _matches(q: Quantity, cq: Quantity, u: Unit, cu: Unit) -> bool:
    return _loosely_comparable(q, cq) and same_value(q, cq) and (q.kind != "count" or _same_count(q, cq, u, cu))


def _strength(i: int, comps: Comparisons, units: list[Unit]) -> tuple[int, float]:
    """How many other sources restate unit i (at CORE_BAR, covering CORE_COVER of it): a
    proposition that states one thing plainly is restated by many; a long one packing
    several details is covered whole by few, and makes a poor core. A restatement counts
    only if the core also says CORE_REVERSE_COVER of it: a fragment of a few common words
    ("if your child has had the syrup") is "covered" by every sentence holding them."""
    linked = [(j, s) for j, s, cover, back in comps.links.get(i, ()) if s >= P.CORE_BAR and cover >= P.CORE_COVER
              and back >= P.CORE_REVERSE_COVER]
    records = {units[j].record for j, _ in linked if units[j].record != units[i].record}
    return len(records), sum(s for _, s in linked)


def _merge_split_claims(claims: list[_Claim], claim_of: dict[int, int], comps: Comparisons) -> list[_Claim]:
    """Step 3: claims that grew a core each for one fact become one."""
    linked: set[tuple[int, int]] = set()
    for i, js in comps.links.items():
        gi = claim_of.get(i)
        if gi is None:
            continue
        for j, s, _, _ in js:
            gj = claim_of.get(j)
            if s >= P.CORE_BAR and gj is not None and gj != gi:
                linked.add((min(gi, gj), max(gi, gj)))
    candidates = sorted(((claims[a].centroid_cosine(claims[b]), a, b) for a, b in linked), key=lambda t: (-t[0], t[1], t[2]))
    root = list(range(len(claims)))

    def find(g: int) -> int:
        while root[g] != g:
            g = root[g]
        return g

    for sim, a, b in candidates:
        if sim < P.CLAIM_MERGE_BAR:
            break
        ra, rb = find(a), find(b)
        if ra == rb or not (claims[ra].fits_claim(claims[rb]) and claims[rb].fits_claim(claims[ra])):
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        claims[keep].absorb(claims[gone])
        root[gone] = keep
    return [c for g, c in enumerate(claims) if find(g) == g]


def group_units(units: list[Unit], comps: Comparisons) -> list[Group]:
    order = sorted(range(len(units)), key=lambda i: (*(-x for x in _strength(i, comps, units)), i))
    claim_of: dict[int, int] = {}
    claims: list[_Claim] = []
    for c in order:
        if c in claim_of or not comps.links.get(c):
            continue
        claim = _Claim(units, c)
        for j, s, cover, _ in comps.links[c]:
            if s < P.CORE_BAR:
                break
            if cover >= P.MEMBER_COVER and j not in claim_of and claim.fits(j):
                claim.add(j)  # j restates the core (not just one detail of it)
        if len(claim.members) < 2:
            continue
        for m in claim.members:
            claim_of[m] = len(claims)
        claims.append(claim)
    for _ in range(P.JOIN_PASSES):
        changed = False
        for u in range(len(units)):
            if u in claim_of:
                continue
            best, best_score = None, 0.0
            for g in sorted({claim_of[j] for j, _, _, _ in comps.links.get(u, ()) if j in claim_of}):
                claim = claims[g]
                core = claim.members[0]
                score = max(comps.score(u, core), claim.centroid_score(units[u]))
                if score >= P.JOIN_BAR and score > best_score and comps.covers(core, u) >= P.MEMBER_COVER \
                        and claim.fits(u):
                    best, best_score = g, score
            if best is not None:
                claims[best].add(u)
                claim_of[u] = best
                changed = True
        if not changed:
            break
    merged = _merge_split_claims(claims, claim_of, comps)
    out = [Group(c.members[0], tuple(c.members)) for c in merged]
    assigned = {m for c in merged for m in c.members}
    out.extend(Group(u, (u,)) for u in range(len(units)) if u not in assigned)
    return _join_restated_singletons(_cite_containing_sentences(_merge_rival_groups(out, units, comps), units, comps),
                                     units, comps)


def _cite_containing_sentences(groups: list[Group], units: list[Unit], comps: Comparisons) -> list[Group]:
    """Step 5: a proposition that states a claim's whole core among other details ("the
    118-metre ferry suffered an engine-room fire at 07:38 on Tuesday, two miles off the
    port" states "the fire broke out at 07:38") is cited by that claim too, when its
    source is not cited there yet: one proposition, several claims it supports."""
    partners = comps.partners()  # as compared so far (not the pairs compared below)
    out = []
    for g in groups:
        records = {units[m].record for m in g.members}
        claim = None  # the group's values, gathered when a unit first covers its core
        also = []
        near = sorted({j for m in g.members[:P.CANONICAL_SAMPLE] for j in partners(m)})
        for j in near:
            if units[j].record in records or not comps.compatible(g.core, j) \
                    or units[j].context.foreign_to(units[g.core].context):
                continue
            if comps.covers(g.core, j) < P.ALSO_CITED_COVER:
                continue
            claim = claim or _Claim.of(units, g.members)
            if claim.fits(j) and (len(g.members) > 1 or _states_values_of(units[j], units[g.core])):
                also.append(j)
                records.add(units[j].record)
        out.append(dataclasses.replace(g, also=tuple(also)) if also else g)
    return out


def _join_restated_singletons(groups: list[Group], units: list[Unit], comps: Comparisons) -> list[Group]:
    """Step 6: a lone proposition whose sentences-that-state-it (its also-cited units) are
    mostly members of one claim says what that claim says, in fewer words ("This is the
    greatest day this race has had" beside the claim of "'This is the greatest day in the
    21-year history of this race,' the race director said"): it is a member of that claim,
    not a second claim citing the same sources."""
    group_of = {m: k for k, g in enumerate(groups) for m in g.members}
    joins: dict[int, list[int]] = defaultdict(list)
    gone: set[int] = set()
    claims: dict[int, _Claim] = {}  # host group -> its members' values, built once
    for k, g in enumerate(groups):
        if len(g.members) != 1 or len(g.also) < P.SINGLETON_JOIN_MIN_ALSO:
            continue
        hosts = Counter(group_of[j] for j in g.also)
        host, n = min(hosts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n * 2 <= len(g.also) or len(groups[host].members) < 2:
            continue
        target = groups[host]
        c = comps.get(g.core, target.core)
        claim = claims.get(host)
        if claim is None:
            claim = claims[host] = _Claim.of(units, target.members)
        if c.compatible and c.score >= P.JOIN_BAR and claim.fits(g.core):
            joins[host].append(g.core)
            gone.add(k)
    out = []
    for k, g in enumerate(groups):
        if k in gone:
            continue
        if joins.get(k):
            extra = tuple(joins[k])
            g = dataclasses.replace(g, members=g.members + extra, also=tuple(a for a in g.also if a not in extra))
        out.append(g)
    return out


def _states_values_of(u: Unit, core: Unit) -> bool:
    """Does u state every value the core states ("won 51% of the vote" is not restated by
    "also won six of the 11 seats", however alike the names)? Asked of a single-source
    claim, whose core no other source has restated."""
    return all(any(q.key == cq.key or _matches(q, cq, u, core) for q in u.prop.quantities)
               for cq in core.prop.quantities if not cq.reference)


def _states_its_group(i: int, g: Group, comps: Comparisons) -> bool:
    return i == g.core


def _would_join(i: int, g: Group, comps: Comparisons) -> bool:
    """Does unit i restate g's core as a member would (JOIN_BAR, MEMBER_COVER, no conflict
    with the core itself)? Then a rival value with another member is what kept it out."""
    c = comps.get(i, g.core)
    return c.compatible and c.score >= P.JOIN_BAR and comps.covers(g.core, i) >= P.MEMBER_COVER


def _one_statement(a: Unit, b: Unit, c: Comparison) -> bool:
    """Do two propositions with a rival value make the same statement? They share words
    besides the value, or values they both state ("312 passengers and 24 crew" / "298
    passengers and 24 crew"), name nobody different (when both name someone, they name
    someone in common), and their values are of one order ("14" / "19", not "one count" / "11")."""
    agreed_values = sum(1 for k in a.features if k.startswith("q:") and k in b.features)
    if shared_words(a, b) + agreed_values < P.RIVAL_MERGE_SHARED_WORDS:
        return False
    if a.names and b.names and not a.names & b.names:
        return False
    qa, qb = c.conflicts[0]
    if qa.kind in P.RIVAL_MERGE_RATIO_KINDS and min(qa.low, qb.low) > 0:
        if max(qa.high, qb.high) / min(qa.low, qb.low) > P.RIVAL_MERGE_MAX_RATIO:
            return False
    return True


def _merge_rival_groups(groups: list[Group], units: list[Unit], comps: Comparisons) -> list[Group]:
    """Step 4: groups linked by a rival pair of like words become one disputed group."""
    group_of = {m: k for k, g in enumerate(groups) for m in g.members}
    root = list(range(len(groups)))

    def find(g: int) -> int:
        while root[g] != g:
            root[g] = root[root[g]]
            g = root[g]
        return g

    links = []
    rival_pairs = [(pair, c) for pair, c in comps.conflicting()
                   if len(c.conflicts) == 1 and not c.polarity_differs and c.core >= P.RIVAL_JOIN_CORE]
    for (i, j), c in sorted(rival_pairs, key=lambda pc: pc[0]):
        a, b = units[i], units[j]
        if a.record == b.record or a.context.foreign_to(b.context) or not _one_statement(a, b, c):
            continue
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        ci, cj = _states_its_group(i, groups[gi], comps), _states_its_group(j, groups[gj], comps)
        if (ci and cj and c.core >= P.RIVAL_MERGE_CORE) or (ci and _would_join(i, groups[gj], comps)) \
                or (cj and _would_join(j, groups[gi], comps)):
            links.append((-c.core, i, j, gi, gj))
    disputes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for _, i, j, gi, gj in sorted(links):
        ri, rj = find(gi), find(gj)
        if ri != rj:
            keep, gone = sorted((ri, rj), key=lambda g: (-len(groups[g].members), g))
            root[gone] = keep
            disputes[keep].extend(disputes.pop(gone, []))
            disputes[keep].append((i, j))
    members: dict[int, list[int]] = defaultdict(list)
    for k, g in enumerate(groups):
        members[find(k)].extend(g.members)
    return [Group(groups[k].core, tuple(members[k]), tuple(sorted(disputes.get(k, ())))) for k in sorted(members)]
