"""People, organizations and places with aliases and roles as stated."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..models import Entity, Role
from .aliases import AliasTable
from .features import SentenceFeatures
from .aliases import CORPORATE_WORDS
from .names import ORG_SUFFIXES, name_key
from .numbers import WORD_NUMBERS

_PLACE_BEFORE = re.compile(r"\b(in|across|from|at|to|near|outside|throughout)\s+(the\s+)?$", re.I)
_DEMONYM = re.compile(r"(ese|ian|ish|ean|ic)$")
# The last word of a name often says what it names (general nouns, not names).
_ORG_HEADS = frozenset("""university college school institute academy hospital clinic union authority council ministry
department agency bank association committee court police party commission board office service services bureau
foundation trust fund corporation company airlines airline network federation league club society church army navy
force forces guard administration government parliament congress senate assembly team group""".split())
_PLACE_HEADS = frozenset("""river street road avenue bridge lake mountain mountains county city province state island
islands bay port harbor harbour valley park square district region coast sea ocean airport station tower hall
village town peninsula desert canal highway""".split())


# What the text says only of an organization: "part of the Dorsen Group", "managing director of
# X", "X said in a statement", "X, the plant's owner, said in a statement".
_ORG_BEFORE = re.compile(r"\b(?:part of|a (?:subsidiary|unit|division) of|owned by|(?:director|executive|chairman|"
                         r"chairwoman|president|spokes(?:man|woman|person)|employees?|staff|shareholders?|owner) of|"
                         r"spokes(?:man|woman|person) for|shares (?:in|of))\s+(?:the\s+)?$", re.I)
_ORG_AFTER = re.compile(r"^(?:,[^,\"“”]{1,70},)?\s+(?:also\s+)?(?:said|says|announced|confirmed)\s+in\s+a\s+statement\b"
                        r"|^['’]s\s+(?:shares|employees|workers|staff|board|owners?|shareholders|chief|managing|spokes)", re.I)
_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|,\s*[A-Z][A-Za-z]+,|\s*\([^)]{1,40}\)\s*[-–—]|\s*[-–—])")
# "at the Vantrel Chemicals plant": the name says whose plant, not where it is
_FACILITY_AFTER = re.compile(r"^\s+(?:plant|factory|mill|site|facility|refinery|works|mine|warehouse|depot|"
                             r"headquarters|offices?|subsidiary|store|stores|trains?|fleet)\b", re.I)


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
    # a capitalized word seen only opening a sentence ("Sporting director X", "Industry analyst Y")
    # is an ordinary word, not an employer
    named_inside = {n.key for sf in sentences for n in sf.names if not n.initial}
    for sf in sentences:
        claim = claim_of.get((sf.record, sf.index))
        if claim is None:
            continue  # furniture, headings, off-topic teasers: nothing the sheet states
        text = sf.sentence.text
        for n in sf.names:
            gid = aliases.group(n.key)
            sources[gid].add(sf.record)
            if claim:
                claims[gid].add(claim)
            if n.title:
                evidence[gid]["titled"] += 1
                org = n.title_org
                if org and " " not in org.strip() and text.startswith(org) and name_key(org)[0] not in named_inside:
                    role, org = f"{org} {n.title}", ""
                else:
                    role = f"{n.title}, {aliases.display.get(aliases.group(name_key(org)[0]), org)}" if org else n.title
                roles[gid][role].add(sf.record)
                if org:
                    evidence[aliases.group(name_key(org)[0])]["employer"] += 1
            if n.key in sf.speakers:
                evidence[gid]["speaker"] += 1
            if n.has_suffix:
                evidence[gid]["suffix"] += 1
            before, after = text[:max(0, n.start)][-40:], text[n.end:n.end + 90]
            if n.start == 0 and n.text.isupper() and _DATELINE_AFTER.match(after):
                evidence[gid]["place"] += 1  # "KARSTADT, May 18 — ...": a wire dateline names a place
            elif _ORG_BEFORE.search(before) or _ORG_AFTER.match(after):
                evidence[gid]["org"] += 1
            elif (not n.initial and _PLACE_BEFORE.search(before[-20:])
                  and not _FACILITY_AFTER.match(after)):
                evidence[gid]["place"] += 1
            evidence[gid]["mention"] += 1
    entities: list[Entity] = []
    mentions_by_claim: dict[str, list[str]] = defaultdict(list)
    used_ids: set[str] = set()
    for gid in sorted(sources):
        ev = evidence[gid]
        name = aliases.display.get(gid, gid)
        if gid in ORG_SUFFIXES:
            continue  # "Inc" on its own (a publication's name cut short): not an entity we can name
        kind = None
        full_name = any(len(k.split()) >= 2 for k in aliases.members.get(gid, (gid,)))
        heads = {k.split()[-1] for k in aliases.members.get(gid, (gid,)) if " " in k}
        org_words = {w for k in aliases.members.get(gid, (gid,)) if " " in k for w in k.split()}
        firsts = {k.split()[0] for k in aliases.members.get(gid, (gid,)) if " " in k}
        if all(w in WORD_NUMBERS for k in aliases.members.get(gid, (gid,)) for w in k.split("-")):
            continue  # "Twenty-two" opening a sentence: a number, not a name
        if heads & _ORG_HEADS or org_words & _ORG_HEADS or heads & CORPORATE_WORDS:
            kind = "organization"
        elif heads & _PLACE_HEADS or firsts & {"port", "lake", "mount", "fort", "cape"}:
            kind = "place"
        elif ev["suffix"]:
            kind = "organization"  # "Co.", "Inc.", "Group": whatever speaks for it, it is a company
        elif ev["titled"] and full_name:
            kind = "person"
        elif ev["employer"]:
            kind = "organization"
        elif full_name and any(k in aliases.person_keys for k in aliases.members.get(gid, ())):
            kind = "person"
        elif ev["org"] and ev["org"] * 2 >= ev["place"]:
            kind = "organization"  # "part of X", "director of X", "X said in a statement"
        elif len(aliases.members.get(gid, ())) >= 2:
            kind = "organization"  # named two ways in the text: a named body, not a common word
        elif ev["place"] >= 1 and ev["place"] * 2 >= ev["mention"] - ev["place"]:
            kind = "place"
        elif (len(sources[gid]) >= 2 and ev["mention"] >= 3 and not name.isupper()
              and not _DEMONYM.search(name.lower()) and len(name) > 2):
            kind = "other"
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
