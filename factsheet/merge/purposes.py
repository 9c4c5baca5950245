"""Disagreements on what for: two statements of one event that give it different aims.

A proposition's purpose slots (extract.Purpose: "the money will be used to repay debt"
-> "repay debt") are compared among propositions sharing a predicate or both stating a
purpose, like places (places.py). Two propositions from different sources, of one event
(core similarity at least DISCREPANCY_CORE_BAR, the same polarity), whose purposes share
no word ("to repay debt" / "to build a second plant") disagree on what it was for.
"""

from __future__ import annotations

from ..models import Discrepancy
from . import params as P
from .extract import Purpose
from .grouping import Comparisons
from .slots import candidate_pairs, slot_discrepancies
from .units import Unit


def _purpose_pairs(units: list[Unit], comps: Comparisons,
                   claim_of_unit: list[str]) -> list[tuple[int, Purpose, int, Purpose]]:
    def keys(u: Unit) -> list[str]:
        if not (u.prop.purposes and claim_of_unit[u.index]):
            return []
        return sorted(set(u.prop.predicate) | {"purpose"})

    out = []
    for i, j in candidate_pairs(units, keys):
        a, b = units[i], units[j]
        if any(set(pa.words) & set(pb.words) for pa in a.prop.purposes for pb in b.prop.purposes):
            continue  # an aim both give: they agree on it
        c = comps.get(i, j)
        if c.core >= P.DISCREPANCY_CORE_BAR and not c.polarity_differs:
            out.append((i, a.prop.purposes[0], j, b.prop.purposes[0]))
    return out


def purpose_discrepancies(units: list[Unit], comps: Comparisons, claim_of_unit: list[str],
                          dates: dict[str, str | None], label) -> list[Discrepancy]:
    """One disagreement per group of claims linked by rival purposes."""
    return slot_discrepancies(_purpose_pairs(units, comps, claim_of_unit), units, claim_of_unit, dates, label,
                              "purpose", lambda u: u.prop.purposes, _one_aim)


def _one_aim(a: frozenset, b: frozenset) -> bool:
    """Aims that share a word are one aim told two ways ("repair the harbour wall" / "fix
    the old harbour wall"); rival aims share none."""
    return bool(a & b)
