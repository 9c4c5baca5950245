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
("federal court" / "U.S. District Court", "the region" / "Tovan province"). A kind of
place followed by its town is a name ("its plant in Skelby" / "its Tarnwick plant").

A place inside the other ("deck" / "vehicle deck") is the same place said more precisely.
"""

from __future__ import annotations

from ..models import Discrepancy
from . import params as P
from .extract import Place
from .grouping import Comparisons
from .slots import candidate_pairs, slot_discrepancies
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


def _same_place(pa: Place, pb: Place) -> bool:
    """Do the two name one place: one's words hold the other's ("deck" / "vehicle deck"),
    or they share a word besides the kind of place ("the town" / "a quarry near the
    town")? "Alder County Superior Court" and "U.S. District Court" share only the kind."""
    wa, wb = set(pa.words), set(pb.words)
    return wa <= wb or wb <= wa or bool((wa & wb) - {pa.head, pb.head})


def _is_name(p: Place) -> bool:
    # (a slot follows its preposition: never a sentence's first word; "plant in Ruddingsholm"
    # is named by its town)
    return any(w[:1].isupper() for w in p.text.split())


def _place_pairs(units: list[Unit], comps: Comparisons, claim_of_unit: list[str]) -> list[tuple[int, Place, int, Place]]:
    def keys(u: Unit) -> list[str]:
        # what happened there, and the kind of place ("filed ... in X Court" / "a class
        # action filed in Y Court accuses ...": the court is what the two share)
        if not (u.prop.places and claim_of_unit[u.index]):
            return []
        return sorted(set(u.prop.predicate) | {"place:" + p.head for p in u.prop.places})

    out = []
    for i, j in candidate_pairs(units, keys):
        a, b = units[i], units[j]
        if any(_same_place(pa, pb) for pa in a.prop.places for pb in b.prop.places):
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
    return slot_discrepancies(_place_pairs(units, comps, claim_of_unit), units, claim_of_unit, dates, label,
                              "place", lambda u: u.prop.places)
