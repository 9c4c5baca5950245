"""Disagreements on a slot of a proposition that is not a value: where it happened
(places.py) and what it was for (purposes.py).

Both find rival pairs of propositions (i, slot of i, j, slot of j); this module turns
them into discrepancies: the claims linked by rival slots are one disagreement, and each
way the slot is told is listed once with every source that tells it so.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Callable, Protocol

from ..models import Discrepancy, ValueVariant
from . import params as P
from .units import Unit


class Slot(Protocol):
    text: str  # as written
    words: tuple[str, ...]  # lemmas or concept keys, to tell two slots apart


SlotPair = tuple[int, Slot, int, Slot]


def candidate_pairs(units: list[Unit], keys_of: Callable[[Unit], list[str]]) -> list[tuple[int, int]]:
    """Pairs of propositions of different records and one event that share a bucket key
    (what happened, or a kind of slot). A bucket larger than MEASURE_BUCKET_CAP is the
    corpus's topic and proposes nothing."""
    bucket: dict[str, list[int]] = defaultdict(list)
    for u in units:
        for key in keys_of(u):
            bucket[key].append(u.index)
    candidates: set[tuple[int, int]] = set()
    for key in sorted(bucket):
        members = bucket[key]
        if 2 <= len(members) <= P.MEASURE_BUCKET_CAP:
            candidates.update((i, j) for x, i in enumerate(members) for j in members[x + 1:])
    return [(i, j) for i, j in sorted(candidates)
            if units[i].record != units[j].record and not units[i].context.foreign_to(units[j].context)]


def within(a: frozenset, b: frozenset) -> bool:
    """One slot inside the other: "deck" / "vehicle deck" is one place said more precisely."""
    return a <= b or b <= a


def slot_discrepancies(pairs: list[SlotPair], units: list[Unit], claim_of_unit: list[str],
                       dates: dict[str, str | None], label, what: str,
                       slots_of: Callable[[Unit], tuple[Slot, ...]],
                       same_variant: Callable[[frozenset, frozenset], bool] = within) -> list[Discrepancy]:
    """One disagreement on `what` ("place", "purpose") per group of claims linked by rival
    slots; slots whose words `same_variant` says tell it one way are one value."""
    root: dict[str, str] = {}

    def find(c: str) -> str:
        while root.setdefault(c, c) != c:
            c = root[c]
        return c

    for i, _, j, _ in pairs:
        ra, rb = find(claim_of_unit[i]), find(claim_of_unit[j])
        if ra != rb:
            root[max(ra, rb)] = min(ra, rb)
    found: dict[str, list[tuple[int, Slot]]] = defaultdict(list)
    for i, sa, j, sb in pairs:
        found[find(claim_of_unit[i])] += [(i, sa), (j, sb)]
    if not found:
        return []
    telling: dict[str, list[int]] = defaultdict(list)  # claim -> its members that have the slot
    for u in units:
        if slots_of(u):
            telling[claim_of_unit[u.index]].append(u.index)
    return [_discrepancy(found[k], units, claim_of_unit, dates, label, what, slots_of, same_variant, telling)
            for k in sorted(found)]


def _discrepancy(stated: list[tuple[int, Slot]], units: list[Unit], claim_of_unit: list[str], dates,
                 label, what: str, slots_of, same_variant, telling: dict[str, list[int]]) -> Discrepancy:
    variants: dict[frozenset, dict] = {}
    for idx, slot in stated:
        home = next((v for k, v in variants.items() if same_variant(k, frozenset(slot.words))), None)
        if home is None:
            home = variants.setdefault(frozenset(slot.words), {"text": slot.text, "sources": set(), "claims": set()})
        home["sources"].add(units[idx].record)
        home["claims"].add(claim_of_unit[idx])
    # every other member of those claims that tells the slot the same way is a source of it too
    for key, v in variants.items():
        for cid in sorted(v["claims"]):
            for idx in telling.get(cid, ()):
                if any(same_variant(key, frozenset(s.words)) for s in slots_of(units[idx])):
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
    did = "d-" + hashlib.sha1((what + "|" + "|".join(claims) + "|" + "|".join(v.value for v in values)).encode()).hexdigest()[:8]
    return Discrepancy(did, f"Sources differ on the {what}: {said}.", f"{what}: {about}", claims, values, "values")
