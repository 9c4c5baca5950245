"""People, organizations and places with aliases and roles as stated."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..models import Entity, Role
from .aliases import AliasTable
from .features import SentenceFeatures

_PLACE_BEFORE = re.compile(r"\b(in|across|from|at|to|near|outside|throughout)\s+(the\s+)?$", re.I)
_DEMONYM = re.compile(r"(ese|ian|ish|ean|ic)$")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "entity"


def build_entities(
    sentences: list[SentenceFeatures],
    aliases: AliasTable,
    claim_of: dict[tuple[str, int], str],
) -> tuple[list[Entity], dict[str, list[str]]]:
    """Entities, and for each claim id the entity ids it mentions."""
    sources: dict[str, set[str]] = defaultdict(set)
    claims: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    evidence: dict[str, Counter[str]] = defaultdict(Counter)
    for sf in sentences:
        claim = claim_of.get((sf.record, sf.index))
        text = sf.sentence.text
        for n in sf.names:
            gid = aliases.group(n.key)
            sources[gid].add(sf.record)
            if claim:
                claims[gid].add(claim)
            if n.title:
                evidence[gid]["person"] += 2
                org = n.title_org
                role = f"{n.title}, {aliases.display.get(aliases.group(org.lower()), org)}" if org else n.title
                roles[gid][role].add(sf.record)
                if org:
                    from .names import name_key
                    evidence[aliases.group(name_key(org)[0])]["organization"] += 2
            if n.key in sf.speakers:
                evidence[gid]["person"] += 1
            if n.has_suffix:
                evidence[gid]["organization"] += 3
            if not n.initial and _PLACE_BEFORE.search(text[:max(0, n.start)][-20:]):
                evidence[gid]["place"] += 1
            evidence[gid]["mention"] += 1
    entities: list[Entity] = []
    mentions_by_claim: dict[str, list[str]] = defaultdict(list)
    used_ids: set[str] = set()
    for gid in sorted(sources):
        ev = evidence[gid]
        name = aliases.display.get(gid, gid)
        kind = None
        if ev["person"] >= 2 or (ev["person"] >= 1 and len(name.split()) >= 2 and gid in aliases.person_keys):
            kind = "person"
        elif ev["organization"] >= 2:
            kind = "organization"
        elif len(aliases.members.get(gid, ())) >= 2:
            kind = "organization"  # named two ways in the text: a named body, not a common word
        elif ev["place"] >= 1 and ev["place"] * 2 >= ev["mention"] - ev["place"]:
            kind = "place"
        elif (len(sources[gid]) >= 2 and ev["mention"] >= 3 and not name.isupper()
              and not _DEMONYM.search(name.lower()) and len(name) > 2):
            kind = "organization"
        if kind is None:
            continue
        eid = "e-" + _slug(name)
        while eid in used_ids:
            eid += "-x"
        used_ids.add(eid)
        forms = tuple(f for f in aliases.surface.get(gid, ()) if f != name)
        role_list = tuple(Role(text, tuple(sorted(srcs))) for text, srcs in sorted(roles[gid].items()))
        entities.append(Entity(eid, name, kind, forms, role_list if kind == "person" else (), tuple(sorted(sources[gid])),
                               tuple(sorted(claims[gid]))))
        for c in claims[gid]:
            mentions_by_claim[c].append(eid)
    entities.sort(key=lambda e: ({"person": 0, "organization": 1, "place": 2, "other": 3}[e.kind], -len(e.sources), e.name, e.id))
    return entities, {c: sorted(v) for c, v in mentions_by_claim.items()}
