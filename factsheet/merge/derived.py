"""What the sheet derives from its claims: key figures, quotes, entities and a timeline.

Everything here reads only sentences that some claim cites (never furniture, bylines
or headlines), so nothing derived can show text the claims do not.

* Figures: each distinct value once (its most exact wording), with every source that
  states it and the claim that states it most.
* Quotes: words inside quotation marks (at least MIN_QUOTE_WORDS), once per wording, with
  the speaker the sentence (or the one before it in its paragraph) names.
* Entities: names, grouped when one is the other's surname or acronym, with the roles
  the text gives them in an apposition ("Hollis Varga, chief executive of ...").
* Timeline: claims that state a date, on that date (a day and month take the year of the
  source's own date).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict

from ..models import Claim, Entity, Figure, Quote, Record, Role, TimelineEvent
from . import params as P
from .extract import RecordFacts
from .lexicon import fold
from .quantities import Quantity, same_value
from .units import Unit

_FIGURE_KINDS = frozenset({"count", "money", "percent", "duration", "distance", "temperature", "physical", "age", "clock"})
_UNIT_NAMES = {"USD": "US dollars", "EUR": "euros", "GBP": "pounds", "s": "seconds", "m": "metres", "C": "°C",
               "deg": "degrees", "%": "%", "pp": "percentage points", "wh": "watt-hours", "w": "watts", "kg": "kg",
               "min": "time of day", "year": "years"}


def _hash(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:8]


def figures(claims: list[Claim], members: dict[str, list[Unit]]) -> list[Figure]:
    """Each distinct value once, with all its sources (merged across claims)."""
    found: list[dict] = []
    # the figures found so far by measure (kind, unit, rate), in the order found: a value
    # joins the first figure of its measure that states the same value
    of_measure: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "commentary":
            continue
        for u in members.get(claim.id, ()):
            for q in u.prop.quantities:
                if q.kind not in _FIGURE_KINDS or q.part or q.delta or q.reference:
                    continue
                alike = of_measure[(q.kind, q.unit, q.rate)]
                home = next((f for f in alike if same_value(f["q"], q) and same_value(q, f["q"])), None)
                if home is None:
                    home = {"q": q, "sources": set(), "claims": Counter(), "measure": q.context}
                    found.append(home)
                    alike.append(home)
                elif q.exact and not home["q"].exact:
                    home["q"] = q
                home["sources"].add(u.record)
                home["claims"][claim.id] += 1
    out = []
    for f in found:
        if len(f["sources"]) < P.FIGURE_MIN_SOURCES and len(found) > P.FIGURES_ALL_BELOW:
            continue
        q: Quantity = f["q"]
        claim = min(f["claims"], key=lambda c: (-f["claims"][c], c))
        unit = _UNIT_NAMES.get(q.unit, q.unit) or None
        out.append(Figure(_hash("f-", q.key), q.text.strip(), unit, ", ".join(f["measure"][:P.SUBJECT_WORDS]), claim,
                          tuple(sorted(f["sources"])), q.low, q.high))
    return sorted(out, key=lambda f: (-len(f.sources), f.claim, f.id))


_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


class SentencePositions:
    """Where a sentence is in its record, by record and sentence id (the first of an id)."""

    def __init__(self, records: dict[str, Record]) -> None:
        self._records = records
        self._of: dict[str, dict[str, int]] = {}

    def of(self, record: str, sentence: str) -> int | None:
        positions = self._of.get(record)
        if positions is None:
            positions = self._of[record] = {}
            for i, s in enumerate(self._records[record].sentences):
                positions.setdefault(s.id, i)
        return positions.get(sentence)


def quotes(claims: list[Claim], records: dict[str, Record], facts: dict[str, RecordFacts],
           positions: SentencePositions | None = None) -> list[Quote]:
    positions = positions or SentencePositions(records)
    found: dict[str, dict] = {}
    for claim in claims:
        for c in claim.citations:
            record = records[c.source]
            index = positions.of(c.source, c.sentence)
            if index is None:
                continue
            for m in _QUOTED.finditer(c.quote):
                words = (m.group(1) or m.group(2)).strip().strip(",.;: ")
                if len(words.split()) < P.MIN_QUOTE_WORDS:
                    continue
                key = re.sub(r"\W+", " ", fold(words)).strip()
                entry = found.setdefault(key, {"text": words, "speaker": None, "claim": claim.id, "sources": set()})
                entry["sources"].add(c.source)
                if entry["speaker"] is None:
                    entry["speaker"] = _speaker(facts[c.source], record, index)
    return [Quote(_hash("q-", k), e["speaker"], e["text"], e["claim"], tuple(sorted(e["sources"])))
            for k, e in sorted(found.items())]


def _speaker(rf: RecordFacts, record: Record, index: int) -> str | None:
    """Who speaks: the transcript's speaker label of the sentence, the name the sentence
    attributes speech to, else the nearest earlier one in its paragraph."""
    if record.sentences[index].speaker:
        return record.sentences[index].speaker
    paragraph = record.sentences[index].paragraph
    for i in range(index, max(-1, index - P.SPEAKER_LOOKBACK), -1):
        if record.sentences[i].paragraph != paragraph:
            break
        if rf.sentences[i].speakers:
            return rf.sentences[i].speakers[0]
    return None


_ROLE_AFTER = re.compile(r"^,\s+((?:the\s+|a\s+|an\s+|its\s+|their\s+)?[a-z][^,;:\"“”]{2,70}?),")
_ORG_WORDS = frozenset("""company group ltd inc corp corporation plc llc authority branch bank council police union
ministry department agency association committee court party commission board office service services bureau
foundation trust fund network federation league club society university college school institute hospital
airline airlines partners news press post times daily wire review""".split())
_PLACE_WORDS = frozenset("""river street road avenue bridge lake mountain county city province state island bay port
harbour harbor valley park square district region coast sea airport station village town quay""".split())


def entities(claims: list[Claim], records: dict[str, Record], facts: dict[str, RecordFacts],
             positions: SentencePositions | None = None) -> tuple[list[Entity], dict[str, list[str]]]:
    """Entities, and for each claim the ids of the entities it mentions."""
    positions = positions or SentencePositions(records)
    mentions: dict[str, Counter] = defaultdict(Counter)  # key -> display forms
    sources: dict[str, set[str]] = defaultdict(set)
    claims_of: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    speaking: set[str] = set()
    cleaned: dict[str, tuple[str, str]] = {}  # name as written -> (display form, key): the same names recur
    for claim in claims:
        for c in claim.citations:
            rf = facts[c.source]
            index = positions.of(c.source, c.sentence)
            if index is None:
                continue
            sf = rf.sentences[index]
            for name in sf.names:
                found = cleaned.get(name)
                if found is None:
                    display = _clean_name(name)
                    found = cleaned[name] = (display, fold(display))
                display, key = found
                if not display:
                    continue
                mentions[key][display] += 1
                sources[key].add(c.source)
                claims_of[key].add(claim.id)
                at = c.quote.find(name)
                if at >= 0:
                    role = _ROLE_AFTER.match(c.quote[at + len(name):])
                    if role:
                        roles[key][role.group(1).strip()].add(c.source)
            speaking.update(fold(_clean_name(n)) for n in sf.speakers)
    # a single word that is the last word of exactly one longer name is that name
    holders_of: dict[str, set[str]] = defaultdict(set)  # a word -> the longer names it may stand for
    for f in mentions:
        if " " in f:
            holders_of[f.split()[-1]].add(f)
            holders_of[_initials(f)].add(f)
    alias_of: dict[str, str] = {}
    for k in mentions:
        if " " in k:
            continue
        holders = holders_of.get(k, ())
        if len(holders) == 1:
            alias_of[k] = next(iter(holders))
    groups: dict[str, set[str]] = defaultdict(set)
    for k in mentions:
        groups[alias_of.get(k, k)].add(k)
    out: list[Entity] = []
    of_claim: dict[str, list[str]] = defaultdict(list)
    for head in sorted(groups):
        keys = groups[head]
        forms = Counter()
        for k in keys:
            forms.update(mentions[k])
        srcs = set().union(*(sources[k] for k in keys))
        if len(srcs) < P.ENTITY_MIN_SOURCES and sum(forms.values()) < P.ENTITY_MIN_MENTIONS:
            continue
        name = max(forms, key=lambda f: (len(f.split()) if fold(f) == head else 0, forms[f], f))
        eid = "e-" + (re.sub(r"[^a-z0-9]+", "-", head).strip("-")[:48] or _hash("", head))
        entity_roles = tuple(Role(text, tuple(sorted(s))) for k in sorted(keys) for text, s in sorted(roles[k].items()))
        cl = sorted(set().union(*(claims_of[k] for k in keys)))
        out.append(Entity(eid, name, _kind(head, forms, keys & speaking), tuple(sorted(set(forms) - {name})),
                          entity_roles[:P.ENTITY_MAX_ROLES], tuple(sorted(srcs)), tuple(cl)))
        for c in cl:
            of_claim[c].append(eid)
    return out, of_claim


# Titles before a person's name ("President Donald Trump", "Chief Executive Hollis Varga").
_TITLES = frozenset("""president vice prime minister mayor senator governor chief executive ceo chairman chairwoman
chair director dr mr mrs ms prof professor judge justice officer inspector sergeant captain coach secretary spokesman
spokeswoman spokesperson councillor cllr commissioner chancellor general colonel king queen prince princess
sheriff superintendent detective lord lady sir dame""".split())


def _clean_name(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip(" ,.;:'\"“”‘’()"))
    words = name.split()
    while len(words) > 2 and fold(words[0]).rstrip(".") in _TITLES:
        words = words[1:]
    name = " ".join(words)
    return name if any(c.isalpha() for c in name) and len(name) > 1 else ""


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ("of", "the", "and", "for"))


def _kind(key: str, forms: Counter, speaks: set[str]) -> str:
    words = key.split()
    if words and words[-1] in _ORG_WORDS or any(len(f) >= 2 and f.isupper() for f in forms):
        return "organization"
    if words and words[-1] in _PLACE_WORDS:
        return "place"
    if speaks and len(words) >= 2:
        return "person"
    return "other"


def timeline(claims: list[Claim], members: dict[str, list[Unit]], dates: dict[str, str | None]) -> list[TimelineEvent]:
    events: dict[tuple[str, str], TimelineEvent] = {}
    for claim in claims:
        if claim.kind == "commentary":
            continue
        for u in members.get(claim.id, ()):
            for q in u.prop.quantities:
                if q.kind not in ("date", "month") or q.relation in ("until", "before", "after"):
                    continue
                day = _iso(q, dates.get(u.record)) if q.kind == "date" else f"{int(q.low) // 100:04d}-{int(q.low) % 100:02d}"
                if day:
                    sources = tuple(sorted({c.source for c in claim.citations}))
                    events[(day, claim.id)] = TimelineEvent(_hash("t-", day, claim.id), day, claim.text, claim.id, sources)
    return [events[k] for k in sorted(events, key=lambda k: (k[0], events[k].text, k[1]))]


def _iso(q: Quantity, record_date: str | None) -> str | None:
    v = int(q.low)
    year, month, day = v // 10000, (v // 100) % 100, v % 100
    if not year:
        try:
            year = dt.date.fromisoformat((record_date or "")[:10]).year
        except ValueError:
            return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
