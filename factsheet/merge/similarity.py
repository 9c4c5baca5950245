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

import re
from dataclasses import dataclass

from . import params as P
from .quantities import Quantity, comparable, same_value
from .units import Unit


@dataclass(frozen=True, slots=True)
class Comparison:
    score: float
    core: float
    conflicts: tuple[tuple[Quantity, Quantity], ...]
    polarity_differs: bool
    cover_a: float = 0.0  # the share of a's weight the two have in common (how much of a b restates)
    cover_b: float = 0.0  # ... and of b's

    def cover(self, first_is_a: bool) -> float:
        return self.cover_a if first_is_a else self.cover_b

    @property
    def compatible(self) -> bool:
        return not self.conflicts and not self.polarity_differs


def _core(a: Unit, b: Unit) -> tuple[float, float, int, int]:
    """(dot, min-overlap, number of substantial shared features, how many of them are not
    names on both sides) over word and name features."""
    fa, fb = a.words, b.words
    if len(fb) < len(fa):
        fa, fb = fb, fa
    dot = overlap = 0.0
    content = names = 0
    bar = P.SHARED_FEATURE_MIN_WEIGHT
    names_a, names_b = a.names, b.names
    for k, wa in fa.items():
        wb = fb.get(k)
        if wb is not None:
            dot += wa * wb
            m = wa if wa < wb else wb
            overlap += m
            if m >= bar:
                if not (k in names_a and k in names_b):
                    content += 1
                else:
                    names = 1  # the parts of a name ("Velmont Metropolitan Transport") are one thing shared
    shared = content + names
    return dot, overlap, shared, content


def share_a_word(a: Unit, b: Unit) -> bool:
    """Do the two have a word in common (of any weight) that is not a name on both sides?"""
    small, large = (a, b) if len(a.words) < len(b.words) else (b, a)
    return any(k in large.words and not (k in a.names and k in b.names) for k in small.words)


def shared_words(a: Unit, b: Unit) -> int:
    """How many substantial word and name features the two have in common."""
    return _core(a, b)[2]


def counts_comparable(qa: Quantity, qb: Quantity, a: Unit, b: Unit) -> bool:
    """Two counts of one measure: the same counted noun, or people counted in one event
    ("450 jobs" / "between 300 and 350 people" employed; "death toll two" / "one crew
    member died"); never counts of two measures ("three workers were killed" / "two
    workers are still missing")."""
    ma = (P.MEASURE_CONCEPTS & _concepts(a)) - {qa.unit}
    mb = (P.MEASURE_CONCEPTS & _concepts(b)) - {qb.unit}
    if ma and mb and not ma & mb:
        return False
    if qa.unit == qb.unit:
        return bool(qa.unit) or bool(P.MEASURE_CONCEPTS & _concepts(a) & _concepts(b))
    units = {qa.unit or "person", qb.unit or "person"}
    if not units <= P.PERSON_UNITS:
        return False
    if not units & P.GENERIC_PERSON_UNITS:
        return False
    return bool(P.MEASURE_CONCEPTS & _concepts(a) & _concepts(b))


def _same_count(qa: Quantity, qb: Quantity, a: Unit, b: Unit) -> bool:
    """Two counts that state the same number of the same things: the same noun, people
    both ways, one noun left unsaid ("240,112 patients" / "240,112 people" / "of the
    240,112"), or a figure so particular that it is the same count whatever it is called."""
    units = {qa.unit, qb.unit}
    if len(units) == 1 or "" in units or units <= P.PERSON_UNITS:
        return True
    return _distinctive(qa) and _distinctive(qb)


def _distinctive(q: Quantity) -> bool:
    return q.exact and q.low == int(q.low) and q.digits >= P.DISTINCTIVE_DIGITS


def _identifying(q: Quantity) -> bool:
    """A measured value so particular (2:03:11; 240,112 records; $38.50) that two
    sentences stating it exactly are about the same thing."""
    if q.kind not in P.IDENTIFYING_KINDS or q.part or q.delta or q.reference:
        return False
    return q.exact and q.digits >= P.DISTINCTIVE_DIGITS


def _concepts(u: Unit) -> set[str]:
    return {k[2:] for k in u.features if k.startswith("w:")}


def near_miss(qa: Quantity, qb: Quantity) -> bool:
    """Two precise values of one kind and unit a hair apart ("2:03:11" / "2:03:12")."""
    if qa.kind != qb.kind or qa.kind not in P.IDENTIFYING_KINDS or qa.unit != qb.unit or not (qa.exact and qb.exact) \
            or qa.low == qb.low:
        return False
    if min(qa.digits, qb.digits) < P.NEAR_MISS_DIGITS or min(qa.low, qb.low) <= 0:
        return False
    return abs(qa.low - qb.low) / max(qa.low, qb.low) <= P.NEAR_MISS_RATIO


def rivals(qa: Quantity, qb: Quantity, a: Unit, b: Unit) -> bool:
    """Values of one measure that cannot both be true: comparable, different, and stated
    in the same terms (the words next to them share a concept, or the two values are
    the only ones of their kind in each proposition)."""
    if qa.kind in P.NEVER_RIVAL_KINDS or qb.kind in P.NEVER_RIVAL_KINDS or qa.part or qb.part or qa.delta or qb.delta \
            or qa.reference or qb.reference:
        return False
    if a.prop.possible != b.prop.possible:
        return False  # "up to 600 jobs could go" / "employs 2,300": what could be, and what is
    if not _same_terms(qa, qb, a, b) and not near_miss(qa, qb):
        return False  # (precise values a hair apart are one measure told two ways, whatever the words)
    if qa.change != qb.change:
        return False  # "shares jumped 24%" / "a 27% premium" / "fell 3.2%": a rise, a level and a fall
    if qa.kind == "count" or qb.kind == "count":
        if qa.kind != qb.kind or not counts_comparable(qa, qb, a, b) or qa.rate != qb.rate:
            return False
    elif not comparable(qa, qb):
        return False
    return not same_value(qa, qb)


def _same_terms(qa: Quantity, qb: Quantity, a: Unit, b: Unit) -> bool:
    if set(qa.context) & set(qb.context):
        return True
    alone_a = sum(1 for q in a.prop.quantities if q.kind == qa.kind and not q.delta and not q.part) == 1
    alone_b = sum(1 for q in b.prop.quantities if q.kind == qb.kind and not q.delta and not q.part) == 1
    # the only values of their kind measure the same thing when the two state one event:
    # "Tarnwell shares fell 3.2%" and "the offer is a 27% premium" do not
    same_event = qa.kind not in P.ALONE_RIVAL_NEEDS_EVENT or not a.predicate or not b.predicate \
        or not a.predicate.isdisjoint(b.predicate)
    return alone_a and alone_b and same_event


def _loosely_comparable(qa: Quantity, qb: Quantity) -> bool:
    """Comparable, or the same value with a rate stated by one only ("$140m a year" /
    "annual savings of $140 million")."""
    if comparable(qa, qb):
        return True
    same_unit = qa.unit == qb.unit or qa.kind == "count"  # counts: _same_count decides
    return qa.kind == qb.kind and same_unit and (qa.rate == qb.rate or not (qa.rate and qb.rate))


def _approx_credit(qa: Quantity, qb: Quantity) -> float:
    """How much a value allowed by the other (not identical) counts as a shared value."""
    wide = any(q.low > 0 and q.high / q.low >= P.WIDE_RANGE_RATIO for q in (qa, qb) if q.high != q.low and not q.qualifier)
    return P.WIDE_RANGE_CREDIT if wide else P.APPROX_VALUE_CREDIT


def value_matches(a: Unit, b: Unit) -> tuple[float, float, int, list[tuple[Quantity, Quantity]]]:
    """(dot product and min-overlap of the values both state, how many, the rival value pairs)."""
    dot = overlap = 0.0
    matched = 0
    conflicts: list[tuple[Quantity, Quantity]] = []
    qa_all, qb_all = a.prop.quantities, b.prop.quantities
    if not qa_all or not qb_all:
        return 0.0, 0.0, 0, conflicts
    used = set()
    unmatched_a = []
    for qa, wa in zip(qa_all, a.value_weights):
        best = None
        for j, qb in enumerate(qb_all):
            if j in used:
                continue
            if qa.key == qb.key or (_loosely_comparable(qa, qb) and same_value(qa, qb)
                                    and (qa.kind != "count" or _same_count(qa, qb, a, b))):
                best = j
                break
        if best is not None:
            used.add(best)
            qb, wb = qb_all[best], b.value_weights[best]
            same_key = qa.key == qb.key
            credit = 1.0 if same_key else _approx_credit(qa, qb)
            dot += wa * wb * credit
            overlap += min(wa, wb) * credit
            matched += 2 if same_key and _identifying(qa) else 1
            continue
        unmatched_a.append(qa)
    unmatched_b = [qb for j, qb in enumerate(qb_all) if j not in used]
    for qa in unmatched_a:
        for qb in unmatched_b:
            if rivals(qa, qb, a, b):
                conflicts.append((qa, qb))
                break
    return dot, overlap, matched, conflicts


_NO_VALUES = (0.0, 0.0, 0, ())  # value_matches of a pair one side of which states no value


def compare(a: Unit, b: Unit) -> Comparison:
    dot, overlap, shared, content = _core(a, b)
    sa, sb = a.words_sq, b.words_sq
    # half the units state no value: their pairs skip the call
    vdot, voverlap, matched, conflicts = value_matches(a, b) if a.prop.quantities and b.prop.quantities \
        else _NO_VALUES
    same_event = not a.predicate.isdisjoint(b.predicate)
    # a rival value states the same measure: evidence the two say the same thing (differently)
    rival = 1 if conflicts else 0
    if same_event and shared - 1 + matched + rival >= 1:
        shared += 1  # the same event, and something else in common: worth a further shared feature
    if a.prop.negated and b.prop.negated and content:
        shared += 1  # both deny it: "No deaths have been reported" / "No one has died"
    if shared + matched + rival < P.MIN_SHARED_FEATURES:
        return Comparison(0.0, 0.0, tuple(conflicts), a.prop.negated != b.prop.negated)
    k = P.OVERLAP_SHARE
    core = 0.0
    # min() and max() written as conditionals (the same values): this runs for every pair compared
    if sa > 0 and sb > 0:
        wt = a.words_total if a.words_total < b.words_total else b.words_total
        core = (1 - k) * dot / (sa * sb) ** 0.5 + k * overlap / (wt if wt > 1e-9 else 1e-9)
    ta, tb = a.total, b.total
    t = ta if ta < tb else tb
    score = (1 - k) * (dot + vdot) / (a.norm * b.norm) + k * (overlap + voverlap) / (t if t > 1e-9 else 1e-9)
    if a.predicate and b.predicate and not same_event and not matched:
        score *= P.PREDICATE_MISMATCH_FACTOR
    if a.speakers and b.speakers and not a.speakers & b.speakers:
        score *= P.OTHER_SPEAKER_FACTOR  # two people's words, however alike
        core *= P.OTHER_SPEAKER_FACTOR
    if not content and matched < 2 and bool(a.speakers) != bool(b.speakers):
        score *= P.QUOTE_AND_NARRATIVE_FACTOR  # a speaker's words beside a report of what happened
        core *= P.QUOTE_AND_NARRATIVE_FACTOR
    elif not content and not matched and not rival:
        score *= P.NAMES_ONLY_FACTOR  # the same people or bodies, saying or doing different things
        core *= P.NAMES_ONLY_FACTOR
    if a.context is not b.context and a.context.foreign_to(b.context):
        score *= P.OTHER_EVENT_FACTOR
        core *= P.OTHER_EVENT_FACTOR
    common = overlap + voverlap
    return Comparison(score, core, tuple(conflicts), a.prop.negated != b.prop.negated,
                      common / (ta if ta > 1e-9 else 1e-9), common / (tb if tb > 1e-9 else 1e-9))
