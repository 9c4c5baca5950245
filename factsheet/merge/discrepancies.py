"""Discrepancies: the same proposition stated with rival values.

Two propositions from different sources are rivals when what they say, values left
out, is alike (their core similarity reaches DISCREPANCY_CORE_BAR) and they state values
of one measure that cannot both hold (similarity.rivals: "14 injured" / "19 injured",
"until Thursday" / "until Friday", "$2.1 billion" / "$2.4 billion"). Candidates come
from the pairs the merge compared and, so that no rival pair hides from the blocking,
from an index of propositions by measure: a value's kind, unit and the words next to it
("count / person / injure", "money / USD / buy"), within the proposition's event.

Rival pairs are joined into one discrepancy per measure (claims linked by a rival pair
share a discrepancy); each distinct value is listed once with every source stating it,
and with their dates, so that a figure revised during the day reads as a revision.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from dataclasses import dataclass

from ..models import Discrepancy, ValueVariant
from . import params as P
from .grouping import Comparisons
from .quantities import Quantity, same_value
from .similarity import near_miss, rivals, share_a_word
from .units import Unit


@dataclass(frozen=True, slots=True)
class Rival:
    a: int  # unit indexes
    b: int
    qa: Quantity
    qb: Quantity


def _measure_keys(u: Unit) -> list[tuple[tuple, Quantity]]:
    """The measures a unit's values state, within its event (propositions of two events are
    no rivals, and a measure every event of a large corpus states is a topic of none)."""
    keys = []
    # what the proposition says happened to those counted ("four children ended up in
    # hospital" / "three were treated in hospital": injure)
    measures = {k[2:] for k in u.features if k.startswith("w:") and k[2:] in P.MEASURE_CONCEPTS} \
        if u.prop.quantities else set()
    for q in u.prop.quantities:
        if q.part or q.delta or q.reference or q.kind in P.NEVER_RIVAL_KINDS:
            continue
        unit = q.unit if q.kind != "count" or q.unit not in P.PERSON_UNITS else "person"
        # ... and the words next to it
        for c in sorted(set(q.context) | measures):
            keys.append(((u.context.event, q.kind, unit, q.rate, c), q))
    return keys


def _near_miss_pairs(units: list[Unit]) -> set[tuple[int, int]]:
    """Pairs of propositions stating near-miss values, from an index of precise values by
    kind and unit, sorted by value (each value meets its neighbours only)."""
    by_measure: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
    for u in units:
        for q in u.prop.quantities:
            if q.exact and q.digits >= P.NEAR_MISS_DIGITS and not (q.part or q.delta or q.reference) \
                    and q.kind in P.IDENTIFYING_KINDS:
                by_measure[(q.kind, q.unit)].append((q.low, u.index))
    pairs = set()
    for values in by_measure.values():
        values.sort()
        for k, (v, i) in enumerate(values):
            for w, j in values[k + 1:k + 1 + P.RIVAL_CANDIDATES]:
                if w > v * (1 + P.NEAR_MISS_RATIO):
                    break
                if w != v and units[i].record != units[j].record:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def _candidates(units: list[Unit], comps: Comparisons) -> set[tuple[int, int]]:
    """Compared pairs with rival values, pairs from the measure index whose values of the
    measure differ (propositions stating the same value there are no rivals on it), and
    pairs stating near-miss values."""
    pairs = set(comps.conflicting_pairs()) | _near_miss_pairs(units)
    index: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for u in units:
        for key, q in _measure_keys(u):
            by_value = index[key][q.key]
            if not by_value or by_value[-1] != u.index:
                by_value.append(u.index)
    met = [0] * len(units)  # index pairs per unit, at most RIVAL_CANDIDATES
    record_of = [u.record for u in units]
    cap = P.RIVAL_CANDIDATES
    for key in sorted(index):
        by_value = index[key]
        if len(by_value) < 2 or sum(len(v) for v in by_value.values()) > P.MEASURE_BUCKET_CAP:
            continue  # one value only, or a measure so common it is the corpus's topic
        groups = [_spread(v, P.MEASURE_BUCKET_SAMPLE) for _, v in sorted(by_value.items())]
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                for i in groups[x]:
                    if met[i] >= cap:
                        continue  # (met only grows)
                    for j in groups[y]:
                        if record_of[i] == record_of[j] or met[i] >= cap or met[j] >= cap:
                            continue
                        pair = (i, j) if i < j else (j, i)
                        if pair not in pairs:
                            pairs.add(pair)
                            met[i] += 1
                            met[j] += 1
    return pairs


def _spread(items: list[int], cap: int) -> list[int]:
    if len(items) <= cap:
        return items
    step = len(items) / cap
    return [items[int(k * step)] for k in range(cap)]


def _may_rival(a: Unit, b: Unit) -> bool:
    """A cheap test before the full comparison: does some value of one rival one of the other?"""
    return any(rivals(qa, qb, a, b) for qa in a.prop.quantities for qb in b.prop.quantities)


def _orders_apart(qa: Quantity, qb: Quantity) -> bool:
    """Values so far apart (more than DISCREPANCY_MAX_RATIO times) that sources giving them
    state two different things."""
    if qa.kind not in P.RIVAL_MERGE_RATIO_KINDS or min(qa.low, qb.low) <= 0:
        return False
    return max(qa.high, qb.high) / min(qa.low, qb.low) > P.DISCREPANCY_MAX_RATIO


def find_rivals(units: list[Unit], comps: Comparisons, claim_of_unit: list[str],
                disputes: set[tuple[int, int]] = frozenset(), verdicts: dict | None = None) -> list[Rival]:
    """Rival pairs between claims, and within a disputed claim the pairs that made it one.
    `verdicts`: each pair's verdict from earlier merges (the dev server's), by its units."""
    out = []
    record_of = [u.record for u in units]
    for i, j in sorted(_candidates(units, comps) | set(disputes)):
        if record_of[i] == record_of[j] or (claim_of_unit[i] == claim_of_unit[j] and (i, j) not in disputes):
            continue
        seen = comps.was_compared(i, j)
        if verdicts is None:
            rival = _rival(i, j, comps, seen)
        else:  # keyed by the unit objects (kept alive by the entry): a changed unit is a new one
            a, b = units[i], units[j]
            key = (id(a), id(b), seen)
            hit = verdicts.get(key)
            if hit is None:
                hit = verdicts[key] = (a, b, _rival(i, j, comps, seen))
            rival = hit[2]
        if rival is not None:
            out.append(rival)
    return out


def _rival(i: int, j: int, comps: Comparisons, compared: bool) -> Rival | None:
    """The rival values of units i and j, if they make a discrepancy (a function of the pair)."""
    a, b = comps.units[i], comps.units[j]
    if not compared and not _may_rival(a, b):
        return None
    if a.context.foreign_to(b.context):
        return None  # two events of a several-event corpus
    if not comps.conflicts(i, j):
        return None  # (most pairs here: asked before their Comparison is made again)
    c = comps.get(i, j)
    if c.polarity_differs:
        return None
    qa, qb = next(((x, y) for x, y in c.conflicts if near_miss(x, y)), c.conflicts[0])
    if c.core < P.DISCREPANCY_CORE_BAR and not near_miss(qa, qb):
        return None
    if qa.kind in P.DAY_RIVAL_NEEDS_WORDS and not share_a_word(a, b) and not set(a.prop.predicate) & set(b.prop.predicate):
        return None  # only a name in common ("filed on Tuesday in Castellan" / "the Castellan system detected it on Sunday")
    if _orders_apart(qa, qb):
        return None  # "$1 billion" / "$500 billion": two different investments, not one disputed
    return Rival(i, j, qa, qb)


def build_discrepancies(units: list[Unit], rivals: list[Rival], claim_of_unit: list[str],
                        dates: dict[str, str | None], label,
                        fragments: frozenset[int] = frozenset()) -> list[Discrepancy]:
    """Discrepancies around a hub, per kind of value: the claim with the most rivals is a
    hub; it and the claims it has rival values with are one discrepancy. Never a chain
    (A rivals B, B rivals C): the hub rivals every other claim of it directly, so that
    unrelated figures are not lumped into one catch-all list. `fragments`: units that are
    no member of the claim citing their sentence (the rest of a sentence it cites): each is
    a hub of its own, so that the sentence's other figures ("nine people were taken to
    hospital" beside "the ferry carried 312 passengers") are not lumped with the claim's."""
    graphs: dict[tuple, dict[str, dict[str, list[Rival]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))

    def node(idx: int) -> str:
        return f"{claim_of_unit[idx]}#{idx}" if idx in fragments else claim_of_unit[idx]

    for r in rivals:
        ca, cb = node(r.a), node(r.b)
        # ("$50,000" / "€45,000" is one measure whichever value the pair names first)
        measure = (r.qa.kind, "" if r.qa.kind == "count" else "/".join(sorted({r.qa.unit, r.qb.unit})))
        graphs[measure][ca][cb].append(r)
        graphs[measure][cb][ca].append(r)
    members_of: dict[str, list[int]] = defaultdict(list)
    for idx, cid in enumerate(claim_of_unit):
        members_of[cid].append(idx)
    found: dict[tuple[str, str], frozenset[str]] = {}

    def stating(cid: str, vq: Quantity) -> frozenset[str]:
        """The records of the claim's members that state vq (a hub's claim is read once)."""
        hit = found.get((cid, vq.key))
        if hit is None:
            hit = found[(cid, vq.key)] = frozenset(
                units[idx].record for idx in members_of.get(cid, ())
                if any(q.kind == vq.kind and same_value(q, vq) for q in units[idx].prop.quantities))
        return hit
    out = []
    for measure in sorted(graphs):
        graph = {c: dict(n) for c, n in graphs[measure].items()}
        # the next hub: the claim with the most rivals left, then the first by id; an entry
        # whose claim has lost rivals since (or is gone) is stale
        hubs = [(-len(n), c) for c, n in graph.items()]
        heapq.heapify(hubs)
        while hubs:
            degree, hub = heapq.heappop(hubs)
            if hub not in graph or -degree != len(graph[hub]):
                continue
            spokes = sorted(graph[hub])[:P.MAX_DISCREPANCY_VALUES]
            out.append(_discrepancy([r for o in spokes for r in graph[hub][o]], units, claim_of_unit, dates, label,
                                    stating))
            shown = set(spokes)  # two spokes' rivalry is shown already, beside the hub's
            for o in list(graph[hub]):
                if o != hub:
                    graph[o].pop(hub, None)
                    if o in shown:
                        for other in (shown & set(graph[o])) - {o}:  # (a disputed claim's own pair stays)
                            graph[o].pop(other)
                    if not graph[o]:
                        del graph[o]
                    else:
                        heapq.heappush(hubs, (-len(graph[o]), o))
            del graph[hub]
    return sorted(out, key=lambda d: d.id)


def precision_discrepancies(units: list[Unit], members_of: dict[str, list[int]], dates: dict[str, str | None],
                            label, disputed: set[str]) -> list[Discrepancy]:
    """Within one claim, one measure stated exactly by some sources and as a bound, a range
    or a round figure by others ("more than 1,300" / "1,354"; "between 300 and 350" /
    "320"): agreement, but shown as differing in precision rather than hidden. Claims
    already disputed on a value are left to that discrepancy."""
    out = []
    for cid in sorted(members_of):
        if cid in disputed or not cid:
            continue
        by_measure: dict[tuple, dict[str, dict]] = defaultdict(dict)
        for idx in members_of[cid]:
            u = units[idx]
            for q in u.prop.quantities:
                if q.kind not in P.PRECISION_KINDS or q.part or q.delta or q.reference:
                    continue
                unit = "person" if q.kind == "count" and q.unit in P.PERSON_UNITS else q.unit
                slot = by_measure[(q.kind, unit, q.rate)].setdefault(q.key, {"q": q, "sources": set()})
                slot["sources"].add(u.record)
        for measure in sorted(by_measure):
            variants = list(by_measure[measure].values())
            exact = [v for v in variants if v["q"].exact]
            loose = [v for v in variants if not v["q"].exact and any(
                same_value(v["q"], e["q"]) and (v["q"].low, v["q"].high) != (e["q"].low, e["q"].high) for e in exact)]
            if not exact or not loose or len({s for v in exact + loose for s in v["sources"]}) < 2:
                continue
            chosen = sorted(exact + loose, key=lambda v: (not v["q"].exact, -len(v["sources"]), v["q"].low))
            values = tuple(ValueVariant(_as_stated(v["q"]), tuple(sorted(v["sources"])), (cid,),
                                        tuple(sorted(d for d in (dates.get(x) for x in v["sources"]) if d)))
                           for v in chosen[:P.MAX_DISCREPANCY_VALUES])
            what = _what(chosen[0]["q"])
            said = "; ".join(f"{', '.join(label(x) for x in v.sources)} {'says' if len(v.sources) == 1 else 'say'} {v.value}"
                             for v in values)
            did = "d-" + hashlib.sha1(("precision|" + cid + "|" + "|".join(v.value for v in values)).encode()).hexdigest()[:8]
            about = units[members_of[cid][0]].prop.text
            if len(about) > P.SUBJECT_MAX_CHARS:
                about = about[:P.SUBJECT_MAX_CHARS].rsplit(" ", 1)[0] + "…"
            out.append(Discrepancy(did, f"Sources state the {what} with different precision: {said}.",
                                   f"{what}: {about}", (cid,), values, "precision"))
    return out


def _as_stated(q: Quantity) -> str:
    """The value with its qualifier ("more than 330 people"), as the sentence words it."""
    if q.qualifier and not q.text.lower().startswith(q.qualifier):
        return f"{q.qualifier} {q.text}"
    return q.text


def _what(q: Quantity) -> str:
    if q.unit == "magnitude":
        return "magnitude"
    what = {"count": "number", "money": "amount", "percent": "percentage", "duration": "duration",
            "clock": "time", "date": "date", "weekday": "day", "distance": "distance", "temperature": "temperature",
            "year": "year", "age": "age", "physical": "quantity"}.get(q.kind, "value")
    return what


def _variants(rivals: list[Rival], units: list[Unit], claim_of_unit: list[str], dates, stating) -> list[dict]:
    """Distinct values (one per readable value), each with its sources, claims and dates.
    `stating(claim, value)`: the records of the claim's members that state the value."""
    variants: list[dict] = []
    seen_units: set[tuple[int, str]] = set()
    for r in rivals:
        for idx, q in ((r.a, r.qa), (r.b, r.qb)):
            if (idx, q.key) in seen_units:
                continue
            seen_units.add((idx, q.key))
            u = units[idx]
            home = next((v for v in variants if v["q"].kind == q.kind and same_value(v["q"], q)), None)
            if home is None:
                home = {"q": q, "sources": set(), "claims": set()}
                variants.append(home)
            elif q.exact and not home["q"].exact:
                home["q"] = q  # show the exact form
            home["sources"].add(u.record)
            home["claims"].add(claim_of_unit[idx])
    # every other member of those claims stating a matching value is a source of it too
    for v in variants:
        vq = v["q"]
        for cid in sorted(v["claims"]):
            v["sources"] |= stating(cid, vq)
    for v in variants:
        v["dates"] = sorted(d for d in (dates.get(s) for s in v["sources"]) if d)
    return variants


def _kind(variants: list[dict]) -> str:
    """A revision when every source of each value is dated after every source of the one before."""
    dated = [v for v in variants if v["dates"]]
    if len(dated) != len(variants) or len(variants) < 2:
        return "values"
    ordered = sorted(variants, key=lambda v: v["dates"][0])
    for earlier, later in zip(ordered, ordered[1:]):
        if earlier["dates"][-1] > later["dates"][0] or earlier["dates"][-1] == later["dates"][0]:
            return "values"
    return "revision"


def _subject(rivals: list[Rival], units: list[Unit]) -> str:
    q = rivals[0].qa
    u = units[rivals[0].a]
    words = [w for w in q.context if not w.startswith("~")][:P.SUBJECT_WORDS]
    about = u.prop.text
    if len(about) > P.SUBJECT_MAX_CHARS:
        about = about[:P.SUBJECT_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return _what(q) + (f" ({', '.join(words)})" if words else "") + f": {about}"


def _discrepancy(rivals: list[Rival], units: list[Unit], claim_of_unit: list[str], dates, label,
                 stating) -> Discrepancy:
    variants = _variants(rivals, units, claim_of_unit, dates, stating)
    kind = _kind(variants)
    if kind == "revision":
        variants.sort(key=lambda v: v["dates"][0])
    else:
        variants.sort(key=lambda v: (-len(v["sources"]), v["q"].low))
    values = tuple(ValueVariant(v["q"].text, tuple(sorted(v["sources"])), tuple(sorted(v["claims"])),
                                tuple(v["dates"])) for v in variants)
    claims = tuple(sorted({c for v in values for c in v.claims}))
    subject = _subject(rivals, units)
    said = "; ".join(f"{', '.join(label(s) for s in v.sources)} {'says' if len(v.sources) == 1 else 'say'} {v.value}"
                     for v in values)
    if kind == "revision":
        summary = f"The figure changed over time ({subject.split(':', 1)[0]}): " + " → ".join(v.value for v in values) + f". {said}."
    else:
        summary = f"Sources differ on the {subject.split(':', 1)[0]}: {said}."
    did = "d-" + hashlib.sha1(("|".join(claims) + "|" + "|".join(v.value for v in values)).encode()).hexdigest()[:8]
    return Discrepancy(did, summary, subject, claims, values, kind)
