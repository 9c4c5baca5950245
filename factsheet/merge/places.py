"""Disagreements on where: two statements of one event that place it differently.

A proposition's place slots (extract.Place: "fire broke out in its engine room" ->
"engine room") are compared within an index by what the proposition says happened (its
predicate) and by the kind of place (the slot's head noun). Two propositions from
different sources, of one event, about the same happening (core similarity at least
DISCREPANCY_CORE_BAR, the same polarity), whose places are rivals, are a disagreement
on where:

* different kinds of place that share no word ("engine room" / "vehicle deck");
* or the same kind of place told apart by different words ("Alder County Superior
  Court" / "U.S. District Court").

Both must be names, or both descriptions: a description may be the named place
("federal court" / "U.S. District Court", "the region" / "Tovan province").

A place inside the other ("deck" / "vehicle deck") is the same place said more precisely.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from ..models import Discrepancy, ValueVariant
from . import params as P
from .extract import Place
from .grouping import Comparisons
from .units import Unit


def rival_places(pa: Place, pb: Place) -> bool:
    """Can the two not both be where it happened?"""
    if _is_name(pa) != _is_name(pb):
        return False  # a description may be the named place ("the region" / "Tovan province")
    wa, wb = set(pa.words), set(pb.words)
    if pa.head != pb.head:
        return not (wa & wb)
    ma, mb = wa - {pa.head}, wb - {pb.head}
    return bool(ma) and bool(mb) and not (ma & mb)


def _is_name(p: Place) -> bool:
    return p.text[:1].isupper()  # a slot follows its preposition: never a sentence's first word


def _place_pairs(units: list[Unit], comps: Comparisons, claim_of_unit: list[str]) -> list[tuple[int, Place, int, Place]]:
    bucket: dict[str, list[int]] = defaultdict(list)
    for u in units:
        if u.prop.places and claim_of_unit[u.index]:
            # what happened there, and the kind of place ("filed ... in X Court" / "a class
            # action filed in Y Court accuses ...": the court is what the two share)
            for key in sorted(set(u.prop.predicate) | {"place:" + p.head for p in u.prop.places}):
                bucket[key].append(u.index)
    candidates: set[tuple[int, int]] = set()
    for key in sorted(bucket):
        members = bucket[key]
        if 2 <= len(members) <= P.MEASURE_BUCKET_CAP:  # else nothing to compare, or the corpus's topic verb
            candidates.update((i, j) for x, i in enumerate(members) for j in members[x + 1:])
    out = []
    for i, j in sorted(candidates):
        a, b = units[i], units[j]
        if a.record == b.record or a.context.foreign_to(b.context):
            continue
        if any(set(pa.words) & set(pb.words) for pa in a.prop.places for pb in b.prop.places):
            continue  # a place both name: they agree on it ("at a quarry near the town" / "in the town")
        pair = next(((pa, pb) for pa in a.prop.places for pb in b.prop.places if rival_places(pa, pb)), None)
        if pair is None:
            continue
        c = comps.get(i, j)
        if c.core >= P.DISCREPANCY_CORE_BAR and not c.polarity_differs:
            out.append((i, pair[0], j, pair[1]))
    return out


def place_discrepancies(units: list[Unit], comps: Comparisons, claim_of_unit: list[str],
                        dates: dict[str, str | None], label) -> list[Discrepancy]:
    """One disagreement per group of claims linked by rival places."""
    pairs = _place_pairs(units, comps, claim_of_unit)
    root: dict[str, str] = {}

    def find(c: str) -> str:
        while root.setdefault(c, c) != c:
            c = root[c]
        return c

    for i, _, j, _ in pairs:
        ra, rb = find(claim_of_unit[i]), find(claim_of_unit[j])
        if ra != rb:
            root[max(ra, rb)] = min(ra, rb)
    found: dict[str, list[tuple[int, Place]]] = defaultdict(list)
    for i, pa, j, pb in pairs:
        found[find(claim_of_unit[i])] += [(i, pa), (j, pb)]
    return [_discrepancy(found[k], units, claim_of_unit, dates, label) for k in sorted(found)]


def _discrepancy(stated: list[tuple[int, Place]], units: list[Unit], claim_of_unit: list[str], dates,
                 label) -> Discrepancy:
    variants: dict[frozenset, dict] = {}
    for idx, place in stated:
        home = next((v for k, v in variants.items() if k <= set(place.words) or set(place.words) <= k), None)
        if home is None:
            home = variants.setdefault(frozenset(place.words), {"text": place.text, "sources": set(), "claims": set()})
        home["sources"].add(units[idx].record)
        home["claims"].add(claim_of_unit[idx])
    # every other member of those claims that names the same place is a source of it too
    members_of: dict[str, list[int]] = defaultdict(list)
    claims_in = {c for v in variants.values() for c in v["claims"]}
    for u in units:
        if claim_of_unit[u.index] in claims_in and u.prop.places:
            members_of[claim_of_unit[u.index]].append(u.index)
    for key, v in variants.items():
        for cid in sorted(v["claims"]):
            for idx in members_of[cid]:
                if any(key <= set(p.words) or set(p.words) <= key for p in units[idx].prop.places):
                    v["sources"].add(units[idx].record)
    chosen = sorted(variants.values(), key=lambda v: (-len(v["sources"]), v["text"]))[:P.MAX_DISCREPANCY_VALUES]
    values = tuple(ValueVariant(v["text"], tuple(sorted(v["sources"])), tuple(sorted(v["claims"])),
                                tuple(sorted(d for d in (dates.get(s) for s in v["sources"]) if d))) for v in chosen)
    claims = tuple(sorted({c for v in values for c in v.claims}))
    about = units[stated[0][0]].prop.text
    if len(about) > P.SUBJECT_MAX_CHARS:
        about = about[:P.SUBJECT_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    said = "; ".join(f"{', '.join(label(s) for s in v.sources)} {'says' if len(v.sources) == 1 else 'say'} {v.value}"
                     for v in values)
    did = "d-" + hashlib.sha1(("place|" + "|".join(claims) + "|" + "|".join(v.value for v in values)).encode()).hexdigest()[:8]
    return Discrepancy(did, f"Sources differ on the place: {said}.", f"place: {about}", claims, values, "values")
