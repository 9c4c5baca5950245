"""How much two propositions say the same thing: the one scoring path of the merge.

    compare(a, b) -> Comparison(score, core, conflicts, polarity_differs)

* ``core``: weighted similarity of their words and names (the stated values left out):
  the mean of the cosine and the overlap coefficient of the weight vectors, so that a
  short restatement inside a longer sentence still scores high.
* ``score``: the same with the stated values included as features; a value of one
  that the other allows ("more than 300" / "312") counts as shared.
* ``conflicts``: values of one measure that cannot both hold ("14 injured" / "19
  injured", "Thursday" / "Friday"); parts of a group ("four of the 14") are not rivals.
* ``polarity_differs``: one denies what the other states.

A pair with a conflict or a different polarity is never one claim; with a high core it
is a discrepancy (discrepancies.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import params as P
from .quantities import Quantity, comparable, same_value
from .units import Unit


@dataclass(frozen=True)
class Comparison:
    score: float
    core: float
    conflicts: tuple[tuple[Quantity, Quantity], ...]
    polarity_differs: bool

    @property
    def compatible(self) -> bool:
        return not self.conflicts and not self.polarity_differs


def _core(a: Unit, b: Unit) -> tuple[float, float, float, float]:
    """(dot, min-overlap, squared norm a, squared norm b) over word and name features."""
    fa, fb = a.features, b.features
    if len(fb) < len(fa):
        fa, fb = fb, fa
    dot = overlap = 0.0
    for k, wa in fa.items():
        if k[0] == "q":
            continue
        wb = fb.get(k)
        if wb is not None:
            dot += wa * wb
            overlap += wa if wa < wb else wb
    return dot, overlap, _sq(a), _sq(b)


def _sq(u: Unit) -> float:
    return sum(w * w for k, w in u.features.items() if k[0] != "q")


def _total(u: Unit, values: bool) -> float:
    return sum(w for k, w in u.features.items() if values or k[0] != "q")


def counts_comparable(qa: Quantity, qb: Quantity, a: Unit, b: Unit) -> bool:
    """Two counts of one measure: the same counted noun, or people counted in one event
    ("450 jobs" / "between 300 and 350 people" employed; "death toll two" / "one crew
    member died")."""
    if qa.unit == qb.unit:
        return bool(qa.unit) or bool(P.MEASURE_CONCEPTS & _concepts(a) & _concepts(b))
    units = {qa.unit or "person", qb.unit or "person"}
    if not units <= P.PERSON_UNITS:
        return False
    if not units & P.GENERIC_PERSON_UNITS:
        return False
    return bool(P.MEASURE_CONCEPTS & _concepts(a) & _concepts(b))


def _concepts(u: Unit) -> set[str]:
    return {k[2:] for k in u.features if k.startswith("w:")}


def rivals(qa: Quantity, qb: Quantity, a: Unit, b: Unit) -> bool:
    """Values of one measure that cannot both be true."""
    if qa.kind in P.NEVER_RIVAL_KINDS or qb.kind in P.NEVER_RIVAL_KINDS or qa.part or qb.part:
        return False
    if qa.kind == "count" or qb.kind == "count":
        if qa.kind != qb.kind or not counts_comparable(qa, qb, a, b) or qa.rate != qb.rate:
            return False
    elif not comparable(qa, qb):
        return False
    return not same_value(qa, qb)


def value_matches(a: Unit, b: Unit) -> tuple[float, float, list[tuple[Quantity, Quantity]]]:
    """(dot product and min-overlap of the values both state, the rival value pairs)."""
    dot = overlap = 0.0
    conflicts: list[tuple[Quantity, Quantity]] = []
    qa_all, qb_all = a.prop.quantities, b.prop.quantities
    if not qa_all or not qb_all:
        return 0.0, 0.0, conflicts
    used = set()
    for qa in qa_all:
        wa = a.features.get("q:" + qa.key, 0.0)
        best = None
        for j, qb in enumerate(qb_all):
            if j in used:
                continue
            if qa.key == qb.key or (comparable(qa, qb) and same_value(qa, qb)
                                    and (qa.kind != "count" or counts_comparable(qa, qb, a, b))):
                best = j
                break
        if best is not None:
            used.add(best)
            wb = b.features.get("q:" + qb_all[best].key, 0.0)
            credit = 1.0 if qa.key == qb_all[best].key else P.APPROX_VALUE_CREDIT
            dot += wa * wb * credit
            overlap += min(wa, wb) * credit
            continue
        for qb in qb_all:
            if rivals(qa, qb, a, b):
                conflicts.append((qa, qb))
                break
    return dot, overlap, conflicts


def compare(a: Unit, b: Unit) -> Comparison:
    dot, overlap, sa, sb = _core(a, b)
    core = 0.0
    if sa > 0 and sb > 0:
        core = 0.5 * dot / (sa * sb) ** 0.5 + 0.5 * overlap / max(1e-9, min(_total(a, False), _total(b, False)))
    vdot, voverlap, conflicts = value_matches(a, b)
    score = 0.5 * (dot + vdot) / (a.norm * b.norm) + 0.5 * (overlap + voverlap) / max(1e-9, min(a.total, b.total))
    return Comparison(score, core, tuple(conflicts), a.prop.negated != b.prop.negated)
