"""Incremental merge for the dev server: an edit re-groups only what it touches.

The dev server's Builder owns a MergeMemo and hands it to every build (build_options ->
build_site -> merge). The first merge is a full one and leaves a MergeState: the word
weights (topicality), acronyms and events of that corpus, every unit, the blocking index,
every comparison made, the groups. The next merge, after articles were edited, added or
removed:

1. keeps the weights, acronyms and events fixed, and the units of every unchanged record
   (by record id and content hash); builds units only for the changed records, in the
   slots their old units (and removed records' units) freed;
2. indexes those units, probes the kept index for their candidate pairs and compares them;
3. re-groups only the affected units: the changed records' units and the members of every
   group they were in, were cited by ("also"), or now link to (a candidate pair at the
   join bar, or a rival pair as grouping step 5 reads it); every other group is kept;
4. assembles claims, discrepancies, derived data and the sheet from all groups, as a full
   merge does (assemble_sheet), taking the draft of a group and the rival verdict of a
   pair whose units did not change from the earlier merges (KnownResults: the same
   sheet as without them, in less time).

It merges the whole corpus again (and keeps a fresh state) when there is no state, the
editorial sheet changed, the articles' events changed, or more than
INCREMENTAL_MAX_CHANGED_SHARE of the articles changed since the last full merge. The CLI never passes a memo, so a
full build is unchanged.

What the preview may differ in from a full rebuild: a group the edit did not touch keeps
its previous grouping, where a full merge might group those units otherwise (the weights
moved a little, or a claim it would have joined changed); the weights and acronyms are
those of the last full merge; a kept unit is not probed again, so it meets a changed unit
only when the changed unit finds it; unit positions are slots, not corpus order, so a tie
may break otherwise. Every quote is still verbatim, a claim's id is the same function of
its text, and the same sequence of builds gives the same sheets.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections import defaultdict
from dataclasses import dataclass

from ..editorial import Editorial
from ..models import Record
from . import Grouped, MergeResult, MergeTimings, _Clock, assemble_sheet, group_corpus, record_facts
from . import params as P
from .blocking import BlockIndex, index_keys, key_pairs, probe, probe_keys
from .extract import Proposition, RecordFacts
from .grouping import Comparisons, Group, group_units
from .similarity import Comparison, compare
from .units import RecordContext, Unit, acronyms, claimable_propositions, events, record_units


class MergeMemo:
    """The dev server's merge state across builds: created and owned by its Builder and
    passed to merge() through build_site. `last` says what the latest merge did."""

    def __init__(self) -> None:
        self.state: MergeState | None = None
        self.last = ""


class KnownResults:
    """Drafts and rival verdicts of earlier merges, by the unit objects they were made from
    (a changed unit is a new object, so it misses); entries of units gone are dropped now
    and then."""

    def __init__(self) -> None:
        self.drafts: dict[tuple, tuple[list[Unit], object]] = {}
        self.rivals: dict[tuple, tuple[Unit, Unit, object]] = {}
        self._pruned_at = 0

    def prune(self, units: list[Unit]) -> None:
        if len(self.drafts) + len(self.rivals) < 2 * self._pruned_at + 1000:
            return
        def alive(pinned) -> bool:
            return all(u.index < len(units) and units[u.index] is u for u in pinned)

        self.drafts = {k: v for k, v in self.drafts.items() if alive(v[0])}
        self.rivals = {k: v for k, v in self.rivals.items() if alive(v[:2])}
        self._pruned_at = len(self.drafts) + len(self.rivals)


@dataclass(frozen=True)
class RecordEntry:
    content_hash: str
    slots: tuple[int, ...]  # positions of its units in the state's unit list
    claimable: tuple[Proposition, ...]
    event: int


@dataclass(frozen=True)
class Change:
    changed: tuple[str, ...]  # ids of the records added or edited, in corpus order
    removed: tuple[str, ...]  # ids of the records gone


def merge_incrementally(records: tuple[Record, ...], editorial: Editorial, facts: dict[str, RecordFacts] | None,
                        memo: MergeMemo) -> MergeResult:
    clock = _Clock()
    rfs = record_facts(records, facts)
    clock.lap("extract")
    state, memo.state = memo.state, None  # a merge that fails half-way leaves no state behind
    reason = _full_merge_reason(state, records, editorial)
    if reason is None:
        assert state is not None
        if records == state.records:
            memo.state, memo.last = state, "unchanged"
            return state.result
        reason = state.update(records, rfs, clock)
    if reason is not None:
        state = _full_merge(records, editorial, rfs, clock)
        memo.last = f"full: {reason}"
    else:
        memo.last = state.summary
    memo.state = state
    return state.result


def _full_merge_reason(state: MergeState | None, records: tuple[Record, ...], editorial: Editorial) -> str | None:
    if state is None:
        return "no previous merge"
    if editorial != state.editorial:
        return "the editorial sheet changed"
    change = state.change_to(records)
    drifted = state.changed_since_full | set(change.changed) | set(change.removed)
    if len(drifted) > P.INCREMENTAL_MAX_CHANGED_SHARE * max(1, len(records)):
        return f"{len(drifted)} of {len(records)} articles changed since the last full merge"
    return None


def _full_merge(records: tuple[Record, ...], editorial: Editorial, rfs: list[RecordFacts], clock: _Clock) -> MergeState:
    g = group_corpus(rfs, clock)
    known = KnownResults()
    result = assemble_sheet(records, editorial, rfs, g.units, g.comps, g.groups, clock, known)
    started = time.perf_counter()
    state = MergeState.after_full_merge(records, editorial, rfs, g, result, known)
    state.result = dataclasses.replace(
        result, timings=MergeTimings(result.timings.steps + (("keep state", round(time.perf_counter() - started, 4)),)))
    return state


def _touches(c: Comparison) -> bool:
    """Does a compared pair bear on grouping: a link (grouping steps 1-3) or a rival pair (step 5)?"""
    return (c.compatible and c.score >= P.JOIN_BAR) or (
        len(c.conflicts) == 1 and not c.polarity_differs and c.core >= P.RIVAL_MERGE_CORE)


def _key(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


class MergeState:
    """What one merge leaves for the next; the next incremental merge updates it in place."""

    def __init__(self, records: tuple[Record, ...], editorial: Editorial, expand: dict[str, tuple[str, ...]],
                 topic: dict[int, dict[str, float]], entries: dict[str, RecordEntry], units: list[Unit],
                 index: BlockIndex, memo: dict[tuple[int, int], Comparison], candidates: list[set[int]],
                 groups: list[Group], result: MergeResult, known: KnownResults) -> None:
        self.records = records
        self.editorial = editorial
        self.expand = expand  # acronym -> the names it stands for, held fixed like the weights
        self.topic = topic
        self.entries = entries
        self.units = units  # a unit's index is its slot in this list
        self.index = index
        self.memo = memo  # every comparison made, by slot pair
        self.partners: list[set[int]] = [set() for _ in units]  # slot -> the slots it was compared with
        for i, j in memo:
            self.partners[i].add(j)
            self.partners[j].add(i)
        self.candidates = candidates  # slot -> its candidate pairs' other slots
        self.groups = groups
        self.result = result
        self.known = known
        self.changed_since_full: set[str] = set()  # record ids: how far the held weights may have drifted
        self.summary = ""
        self._index_groups()

    @classmethod
    def after_full_merge(cls, records: tuple[Record, ...], editorial: Editorial, rfs: list[RecordFacts],
                         g: Grouped, result: MergeResult, known: KnownResults) -> MergeState:
        claimable = {rf.record_id: claimable_propositions(rf) for rf in rfs}
        event_of = events(claimable, [rf.record_id for rf in rfs])
        slots: dict[str, list[int]] = defaultdict(list)
        for u in g.units:
            slots[u.record].append(u.index)
        entries = {r.id: RecordEntry(r.content_hash, tuple(slots[r.id]), tuple(claimable[r.id]), event_of[r.id])
                   for r in records}
        candidates: list[set[int]] = [set() for _ in g.units]
        for i, j in g.pairs.tolist():
            candidates[i].add(j)
            candidates[j].add(i)
        return cls(records, editorial, acronyms(rfs), g.topic, entries, g.units, g.index, g.comps.compared(),
                   candidates, g.groups, result, known)

    def change_to(self, records: tuple[Record, ...]) -> Change:
        ids = {r.id for r in records}
        changed = tuple(r.id for r in records
                        if r.id not in self.entries or self.entries[r.id].content_hash != r.content_hash)
        return Change(changed, tuple(rid for rid in self.entries if rid not in ids))

    def update(self, records: tuple[Record, ...], rfs: list[RecordFacts], clock: _Clock) -> str | None:
        """Merge `records` by re-grouping what changed; None when done, else why a full merge is needed
        (checked before anything is changed)."""
        change = self.change_to(records)
        rf_of = {rf.record_id: rf for rf in rfs}
        claimable = {rid: list(e.claimable) for rid, e in self.entries.items() if rid not in change.removed}
        claimable.update((rid, claimable_propositions(rf_of[rid])) for rid in change.changed)
        event_of = self._kept_event_labels(events(claimable, [r.id for r in records]), change)
        if event_of is None:
            return "the articles' events changed"
        touched: set[int] = set()  # positions of the groups to re-group
        free = sorted(s for rid in change.changed + change.removed if rid in self.entries
                      for s in self.entries[rid].slots)
        for s in free:
            self._unindex(s, touched)
        for rid in change.removed:
            del self.entries[rid]
        order = {r.id: k for k, r in enumerate(records)}
        fresh = self._place(change.changed, rf_of, claimable, event_of, order, free)
        fresh += self._compact(free[len(fresh):], touched)
        clock.lap("units")
        for s in fresh:
            self._index(s)
        found = probe(fresh, [probe_keys(self.units[s]) for s in fresh], self.units, self.index)
        clock.lap("blocking")
        for s, js in found.items():
            for j in js:
                self.candidates[s].add(j)
                self.candidates[j].add(s)
                key = _key(s, j)
                if key not in self.memo:
                    self._remember(key, compare(self.units[key[0]], self.units[key[1]]))
        clock.lap("compare")
        affected = self._affected(fresh, touched)
        kept = [g for k, g in enumerate(self.groups) if k not in touched]
        self.groups = kept + self._regroup(affected)
        self._index_groups()
        clock.lap("grouping")
        self.records = records
        self.changed_since_full.update(change.changed + change.removed)
        comps = Comparisons(self.units, [], memo=self.memo)
        before = len(self.memo)
        self.result = assemble_sheet(records, self.editorial, rfs, self.units, comps, self.groups, clock, self.known)
        self.known.prune(self.units)
        for key in itertools.islice(reversed(self.memo), len(self.memo) - before):  # compared while assembling
            self._partner(key)
        self.summary = (f"incremental: {len(change.changed)} changed, {len(change.removed)} removed; "
                        f"{len(affected)} of {len(self.units)} units re-grouped")
        return None

    def _kept_event_labels(self, event_of: dict[str, int], change: Change) -> dict[str, int] | None:
        """`event_of` in the labels the kept units carry (events are numbered in corpus order,
        so removing an article may renumber them); None when the kept articles' events changed."""
        old_label: dict[int, int] = {}
        for rid, e in self.entries.items():
            if rid in event_of and rid not in change.changed and old_label.setdefault(event_of[rid], e.event) != e.event:
                return None
        if len(set(old_label.values())) != len(old_label):
            return None
        unused = max((e.event for e in self.entries.values()), default=-1) + 1
        return {rid: old_label.get(e, unused + e) for rid, e in event_of.items()}

    def _place(self, changed: tuple[str, ...], rf_of: dict[str, RecordFacts], claimable: dict[str, list[Proposition]],
               event_of: dict[str, int], order: dict[str, int], free: list[int]) -> list[int]:
        """The changed records' units, into the freed slots first: the slots they fill."""
        fresh: list[int] = []
        for rid in changed:
            e = event_of[rid]
            built = record_units(rf_of[rid], order[rid], claimable[rid], RecordContext(e), self.topic.get(e, {}),
                                 self.expand, 0)
            slots = []
            for u in built:
                s = free[len(fresh)] if len(fresh) < len(free) else len(self.units)
                self._put(dataclasses.replace(u, index=s))
                slots.append(s)
                fresh.append(s)
            self.entries[rid] = RecordEntry(rf_of[rid].content_hash, tuple(slots), tuple(claimable[rid]), e)
        return fresh

    def _compact(self, left: list[int], touched: set[int]) -> list[int]:
        """Fill the freed slots left over with the last units, so that slots stay dense: the slots filled."""
        moved: list[int] = []
        holes = set(left)
        while holes:
            last = len(self.units) - 1
            if last not in holes:
                s = min(holes)
                self._unindex(last, touched)
                u = dataclasses.replace(self.units[last], index=s)
                self.units[s] = u
                entry = self.entries[u.record]
                self.entries[u.record] = dataclasses.replace(
                    entry, slots=tuple(s if x == last else x for x in entry.slots))
                moved.append(s)
            else:
                s = last
            holes.discard(s)
            self.units.pop()
            self.partners.pop()
            self.candidates.pop()
        return moved

    def _put(self, u: Unit) -> None:
        if u.index == len(self.units):
            self.units.append(u)
            self.partners.append(set())
            self.candidates.append(set())
        else:
            self.units[u.index] = u

    def _unindex(self, s: int, touched: set[int]) -> None:
        """Take slot s's unit out of the index, the comparisons and its groups."""
        u = self.units[s]
        postings, pair_postings = self.index.postings, self.index.pair_postings
        for k in index_keys(u):
            postings[k].remove(s)
            if not postings[k]:
                del postings[k]
        for pk in key_pairs(probe_keys(u)):
            members = pair_postings.get(pk)
            if members and s in members:
                members.remove(s)
                if not members:
                    del pair_postings[pk]
        for p in self.partners[s]:
            del self.memo[_key(s, p)]
            self.partners[p].discard(s)
        for p in self.candidates[s]:
            self.candidates[p].discard(s)
        self.partners[s], self.candidates[s] = set(), set()
        touched.add(self._group_of[s])
        touched.update(self._cited_by.get(s, ()))

    def _index(self, s: int) -> None:
        u = self.units[s]
        for k in index_keys(u):
            self.index.postings.setdefault(k, []).append(s)
        for a, b in key_pairs(probe_keys(u)):
            if self.index.is_common(a) or self.index.is_common(b):
                self.index.pair_postings.setdefault((a, b), []).append(s)

    def _remember(self, key: tuple[int, int], c: Comparison) -> None:
        self.memo[key] = c
        self._partner(key)

    def _partner(self, key: tuple[int, int]) -> None:
        self.partners[key[0]].add(key[1])
        self.partners[key[1]].add(key[0])

    def _affected(self, fresh: list[int], touched: set[int]) -> list[int]:
        """The slots to re-group (sorted), adding to `touched` the groups the fresh units link to."""
        is_fresh = set(fresh)
        for s in fresh:
            for j in self.candidates[s]:
                if j not in is_fresh and _touches(self.memo[_key(s, j)]):
                    touched.add(self._group_of[j])
        live = len(self.units)  # a slot past the end, or freed and not filled, is gone
        affected = set(fresh)
        for g in touched:
            affected.update(m for m in self.groups[g].members if m < live)
        return sorted(affected)

    def _regroup(self, slots: list[int]) -> list[Group]:
        """Group the units in `slots` among themselves, with the comparisons made so far."""
        local = {s: k for k, s in enumerate(slots)}
        pairs = sorted({(local[i], local[j]) for i in slots for j in self.candidates[i] if i < j and j in local})
        memo = {(local[i], local[j]): self.memo[(i, j)] for i in slots for j in self.partners[i] if i < j and j in local}
        known = len(memo)
        groups = group_units([self.units[s] for s in slots], Comparisons([self.units[s] for s in slots], pairs, memo))
        for a, b in itertools.islice(reversed(memo), len(memo) - known):  # compared while grouping
            self._remember((slots[a], slots[b]), memo[(a, b)])
        return [Group(slots[g.core], tuple(slots[m] for m in g.members),
                      tuple((slots[a], slots[b]) for a, b in g.disputes), tuple(slots[m] for m in g.also))
                for g in groups]

    def _index_groups(self) -> None:
        self._group_of: dict[int, int] = {}
        self._cited_by: dict[int, set[int]] = defaultdict(set)
        for k, g in enumerate(self.groups):
            for m in g.members:
                self._group_of[m] = k
            for m in g.also:
                self._cited_by[m].add(k)
