"""Merge stage: records -> one Sheet. Works on records only, never on files.

See docs/merge.md for the algorithm in a page. In short:

    extract (per record, in the parse workers; extract.py): sentences -> propositions
        with features (concept classes, names, stated values)
    units (units.py): claimable propositions, weighted by English rarity and corpus topicality
    blocking (blocking.py): candidate pairs from an index of each unit's heaviest features
    similarity (similarity.py): the one scoring path (words, names, values, conflicts)
    grouping (grouping.py): claims grow around cores; no member contradicts another
    claims (claims.py): citations, canonical text, kind, id
    discrepancies (discrepancies.py): the same proposition with rival values
    figures, quotes, entities, timeline: derived from the claims
    editorial (editorial.py): the editor's sheet file (pin / hide / merge / reword)
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..editorial import Editorial
from ..models import Claim, Diagnostic, Record, Sheet, SourceSummary
from . import derived
from .blocking import BlockIndex, block_index, candidate_pairs, pair_rows, unit_keys
from .claims import assign_ids, draft_claims
from .discrepancies import build_discrepancies, find_rivals, precision_discrepancies
from .naming import source_names
from .places import place_discrepancies
from .purposes import purpose_discrepancies
from .editorial import apply_editorial
from .extract import RecordFacts, extract_record
from .grouping import Comparisons, Group, group_units
from .lexicon import Lexicon
from .title import sheet_title
from .units import Unit, build_units

if TYPE_CHECKING:
    import numpy as np

    from .incremental import KnownResults, MergeMemo

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:$|T|\s)")


@dataclass(frozen=True)
class MergeTimings:
    """Seconds per merge step, for benchmarks (never written into the site)."""

    steps: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class MergeResult:
    sheet: Sheet
    diagnostics: tuple[Diagnostic, ...] = ()
    timings: MergeTimings = field(default_factory=MergeTimings, compare=False)


class _Clock:
    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, round(now - self._last, 4)))
        self._last = now


def record_facts(records: tuple[Record, ...], facts: dict[str, RecordFacts] | None = None) -> list[RecordFacts]:
    """Each record's extraction: from `facts` (computed in the parse workers) where it is
    there for this content, else computed here."""
    lex = None
    out = []
    for r in records:
        rf = (facts or {}).get(r.id)
        if rf is None or rf.content_hash != r.content_hash:
            lex = lex or Lexicon.default()
            rf = extract_record(r, lex)
        out.append(rf)
    return out


def merge(records: tuple[Record, ...], editorial: Editorial, facts: dict[str, RecordFacts] | None = None,
          memo: "MergeMemo | None" = None) -> MergeResult:
    """``memo``: the dev server's state of its previous merge; with it, an edit re-groups
    only what it touches (incremental.py). The CLI never passes one."""
    with _cyclic_gc_paused():
        if memo is not None:
            from .incremental import merge_incrementally

            return merge_incrementally(records, editorial, facts, memo)
        clock = _Clock()
        rfs = record_facts(records, facts)
        clock.lap("extract")
        units, comps, groups = _group_once(rfs, clock)
        return assemble_sheet(records, editorial, rfs, units, comps, groups, clock)


@contextlib.contextmanager
def _cyclic_gc_paused():
    """The merge builds hundreds of thousands of small objects that live until it ends
    (comparisons, links, candidate lists) and makes few reference cycles: the cyclic GC's
    full passes over them found nothing to free and took a sixth of the merge's time
    (1,000 synthetic articles: 8.2 s with them, 6.6 s without). Paused for this stage only,
    as render_site does; reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Grouped:
    """The merge up to its groups (what the dev server keeps for the next build)."""

    units: list[Unit]
    topic: dict[int, dict[str, float]]
    index: BlockIndex
    pairs: "np.ndarray"  # candidate pairs (i, j), i < j, as rows
    comps: Comparisons
    groups: list[Group]


def group_corpus(rfs: list[RecordFacts], clock: _Clock) -> Grouped:
    """The merge up to its groups, keeping the index and candidate pairs (the dev server's)."""
    units, topic = build_units(rfs)
    clock.lap("units")
    index, pairs = _blocked(units)
    clock.lap("blocking")
    comps = Comparisons(units, pair_rows(pairs))
    clock.lap("compare")
    groups = group_units(units, comps)
    clock.lap("grouping")
    return Grouped(units, topic, index, pairs, comps, groups)


def _group_once(rfs: list[RecordFacts], clock: _Clock) -> tuple[list[Unit], Comparisons, list[Group]]:
    """group_corpus for a merge that keeps nothing for later: the index and the candidate
    pairs (the largest data of the merge after the comparisons) are freed once read."""
    units, _ = build_units(rfs)
    clock.lap("units")
    pairs = _blocked(units)[1]
    clock.lap("blocking")
    comps = Comparisons(units, pair_rows(pairs))
    del pairs
    clock.lap("compare")
    groups = group_units(units, comps)
    clock.lap("grouping")
    return units, comps, groups


def _blocked(units: list[Unit]) -> tuple[BlockIndex, "np.ndarray"]:
    """The blocking index of `units` and their candidate pairs (each unit's keys freed here)."""
    indexed, keys = map(list, zip(*map(unit_keys, units))) if units else ([], [])
    index = block_index(units, keys, indexed)
    del indexed
    return index, candidate_pairs(units, index, keys)


def assemble_sheet(records: tuple[Record, ...], editorial: Editorial, rfs: list[RecordFacts], units: list[Unit],
                   comps: Comparisons, groups: list[Group], clock: _Clock, known: "KnownResults | None" = None
                   ) -> MergeResult:
    """Grouped units -> claims, discrepancies, derived data, the sheet. `known`: the drafts
    and rival verdicts of the dev server's earlier merges."""
    by_id = {r.id: r for r in records}
    drafts = draft_claims(groups, units, by_id, comps, known.drafts if known else None)
    ids = assign_ids(drafts)
    clock.lap("claims")

    claim_of_unit = [""] * len(units)
    for cid, d in zip(ids, drafts):
        for m in d.members:
            claim_of_unit[m] = cid
    citing: dict[tuple[str, int], str] = {}
    for cid, d in zip(ids, drafts):
        for m in d.members:
            citing.setdefault((units[m].record, units[m].sentence), cid)
    fragments = []
    for u in units:  # a leftover fragment of a sentence belongs to a claim citing its sentence
        if not claim_of_unit[u.index]:
            claim_of_unit[u.index] = citing.get((u.record, u.sentence), "")
            fragments.append(u.index)
    disputes = {pair for g in groups for pair in g.disputes}
    rivals = [r for r in find_rivals(units, comps, claim_of_unit, disputes, known.rivals if known else None)
              if claim_of_unit[r.a] and claim_of_unit[r.b]]
    names = source_names(records)
    dates = {r.id: r.date for r in records}
    discrepancies = build_discrepancies(units, rivals, claim_of_unit, dates, names.__getitem__, frozenset(fragments))
    disputed = {c for dsc in discrepancies for c in dsc.claims}
    members_of = {cid: list(d.members) for cid, d in zip(ids, drafts)}
    discrepancies += precision_discrepancies(units, members_of, dates, names.__getitem__, disputed)
    discrepancies += place_discrepancies(units, comps, claim_of_unit, dates, names.__getitem__)
    discrepancies += purpose_discrepancies(units, comps, claim_of_unit, dates, names.__getitem__)
    discrepancies.sort(key=lambda d: d.id)
    clock.lap("discrepancies")
    disc_of: dict[str, list[str]] = {}
    for dsc in discrepancies:
        for c in dsc.claims:
            disc_of.setdefault(c, []).append(dsc.id)

    claims: list[Claim] = []
    for cid, d in zip(ids, drafts):
        support = len(d.sources)
        discs = tuple(sorted(disc_of.get(cid, ())))
        status = "disputed" if disputed & {cid} else ("corroborated" if support >= 2 else "single-source")
        numbers = tuple(dict.fromkeys(q.text for q in units[d.canonical].prop.quantities if q.kind != "year"))
        claims.append(Claim(cid, d.text, d.kind, support, status, d.citations, discrepancies=discs, numbers=numbers,
                            focus=d.focus))
    first_seen = {cid: (d.citations[0].source, d.citations[0].start) for cid, d in zip(ids, drafts)}
    kind_rank = {"figure": 0, "fact": 0, "quote": 1, "commentary": 2}
    claims.sort(key=lambda c: (kind_rank[c.kind], -c.support, first_seen[c.id], c.id))
    claims, diagnostics = apply_editorial(claims, editorial)
    kept = {c.id for c in claims}
    members = {cid: [units[m] for m in d.members] for cid, d in zip(ids, drafts)}
    facts_of = {rf.record_id: rf for rf in rfs}
    live = [c for c in claims if c.kind != "commentary"]
    positions = derived.SentencePositions(by_id)
    entities, entities_of = derived.entities(live, by_id, facts_of, positions)
    claims = [dataclasses.replace(c, entities=tuple(sorted(entities_of.get(c.id, ())))) for c in claims]
    support_count = Counter(src for c in claims for src in {cit.source for cit in c.citations})
    sources = tuple(SourceSummary(r.id, r.path, r.title, r.publisher, r.date, r.url, r.author,
                                  support_count.get(r.id, 0)) for r in records)
    known_dates = sorted(r.date[:10] for r in records if r.date and _ISO_DATE.match(r.date))
    sheet = Sheet(
        title=sheet_title(editorial, records, claims),
        summary=editorial.summary,
        intro_html=editorial.intro_html,
        sources=sources,
        claims=tuple(claims),
        discrepancies=tuple(dsc for dsc in discrepancies if all(c in kept for c in dsc.claims)),
        figures=tuple(derived.figures(live, members)),
        quotes=tuple(derived.quotes(claims, by_id, facts_of, positions)),
        entities=tuple(entities),
        timeline=tuple(derived.timeline(live, members, {r.id: r.date for r in records})),
        date_range=(known_dates[0], known_dates[-1]) if known_dates else None,
        records=records,
    )
    clock.lap("rest")
    return MergeResult(sheet, tuple(diagnostics), MergeTimings(tuple(clock.laps)))
