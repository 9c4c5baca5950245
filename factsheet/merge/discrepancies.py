"""Sources giving different values for the same thing.

Two sentences from different sources are compared when blocking paired them
and their context (everything but the numbers) is similar; their values
conflict when they have the same unit and do not overlap. A range containing a
point value ("$1 billion to $5 billion" vs "$2 billion") is read as agreement,
not a conflict."""

from __future__ import annotations

import re

import datetime as dt
import hashlib
import math
from collections import defaultdict

from ..models import Discrepancy, ValueVariant
from .aliases import UnionFind
from .cluster import Unit, aims_conflict, conflicting_figures, places_conflict, unit_figures
from .framing import ApproxDate, Purpose, approx_conflict, value_key
from .numbers import NumberMention
from .text import content_stems

CONTEXT_THRESHOLD = 0.42
# Or: the words right around the two numbers agree ("would cost $1.2 billion" /
# "would cost $1.6 billion"; "seven people were killed" / "nine people died")
# and the sentences share a name and are otherwise related.
LOCAL_WINDOW = 4
LOCAL_SHARED = 2
LOOSE_CONTEXT = 0.2
SAME_SUBJECT_CONTEXT = 0.1


def _local_stems(text: str, n: NumberMention) -> set[str]:
    left = content_stems(text[max(0, n.start - 60):n.start])[-LOCAL_WINDOW:]
    right = content_stems(text[n.end:n.end + 60])[:LOCAL_WINDOW]
    out = set(left) | set(right)
    if n.unit and not n.unit.isupper() and n.unit not in ("%", "@year"):
        out.add(n.unit.split("/")[0])
    return out


def _subject_before(sf, n: NumberMention) -> str | None:
    """The first name written before the number: whose quantity it is."""
    for name in sf.names:
        if name.start < n.start:
            return name.key
    return None


def plausible_rivals(x: NumberMention, y: NumberMention) -> bool:
    """Values a hundred times apart measure different things ("$5 billion" vs
    "$500 billion" is not one amount misreported)."""
    lo = min(abs(x.low), abs(y.low)) or 1e-9
    hi = max(abs(x.high), abs(y.high))
    return hi / lo <= 20


def _same_measure(a: Unit, b: Unit, x: NumberMention, y: NumberMention, w: dict[str, float], group) -> bool:
    if len(_local_stems(a.sf.sentence.text, x) & _local_stems(b.sf.sentence.text, y)) < LOCAL_SHARED:
        return False
    sa, sb = _subject_before(a.sf, x), _subject_before(b.sf, y)
    if sa and sb and group(sa) != group(sb):
        return False
    # the same named subject before both values ("Ekholm ... a five-year contract" / "Ekholm
    # has signed a four-year contract"): whose measure it is is settled, less context needed
    bar = SAME_SUBJECT_CONTEXT if sa and sb else LOOSE_CONTEXT
    return _context_similarity(a, b, w, min_shared=2) >= bar


def _context(u: Unit, w: dict[str, float]) -> tuple[frozenset[str], float]:
    """The sentence's features without its figures, and their weight (once per merge)."""
    hit = u.memo.get("context")
    if hit is None or hit[0] is not w:
        fs = frozenset(f for f in u.features if not f.startswith("N:"))
        hit = u.memo["context"] = (w, fs, math.fsum(w.get(f, 0.0) for f in fs))
    return hit[1], hit[2]


def _context_similarity(a: Unit, b: Unit, w: dict[str, float], min_shared: int = 3) -> float:
    fa, wa = _context(a, w)
    fb, wb = _context(b, w)
    shared = fa & fb
    if len(shared) < min_shared:
        return 0.0
    sw = math.fsum(w.get(f, 0.0) for f in shared)
    return sw / math.sqrt(wa * wb) if wa and wb else 0.0


def _words_before(u: Unit, start: int) -> set[str]:
    """The content words right before a position of the sentence (memoized per unit)."""
    key = ("before", start)
    hit = u.memo.get(key)
    if hit is None:
        text = u.sf.sentence.text
        hit = u.memo[key] = set(content_stems(text[max(0, start - 60):start])[-LOCAL_WINDOW:])
    return hit


def _subject(n: NumberMention, unit: Unit | None) -> str:
    """What the disputed value measures, in words."""
    from .figures import measure_words

    if n.unit == "@place":
        return f"the place ({n.unit_text} …)" if n.unit_text else "the place"
    if n.unit == "@purpose":
        return f"the purpose of the {n.unit_text}" if n.unit_text else "the purpose"
    context = measure_words(unit.sf.sentence.text, n) if unit is not None and n.unit != "@date" else ""
    if n.unit == "@date" and unit is not None:
        context = " ".join(unit.sf.sentence.text.split()[:8]) + " …"
    if n.unit == "@date":
        return f"the date ({context})" if context else "the date"
    if n.unit in ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD"):
        return f"the amount ({context})" if context else "the amount"
    if n.unit == "%":
        return f"the percentage ({context})" if context else "the percentage"
    if n.unit == "person" and unit is not None:
        what = _nearest_person_measure(unit.sf.sentence.text, n)
        if what:
            return f"the number of people {what}"
    if n.unit_text:
        return f"the number of {n.unit_text}"
    return f"the figure ({context})" if context else "the figure"


# What a count of people measures, from the verb next to it (text.stem folds hurt/wounded
# into "injur" and dead/killed into "die").
_PERSON_MEASURES = {"injur": "injured", "die": "killed", "evacuat": "evacuated", "leav": "evacuated",
                    "rescu": "rescued", "arrest": "arrested", "miss": "missing", "hospit": "in hospital"}


def _nearest_person_measure(text: str, n: NumberMention) -> str:
    """The measure word nearest the count, after it first ("Seven people were killed and 23 were injured")."""
    right = content_stems(text[n.end:n.end + 60])[:LOCAL_WINDOW]
    left = content_stems(text[max(0, n.start - 60):n.start])[-LOCAL_WINDOW:]
    for x in [*right, *reversed(left)]:
        if x in _PERSON_MEASURES:
            return _PERSON_MEASURES[x]
    return ""


def _person_measures(text: str, n: NumberMention) -> set[str]:
    return {_PERSON_MEASURES[x] for x in _local_stems(text, n) if x in _PERSON_MEASURES}


_INJURY = re.compile(r"\b(?:injur\w*|hurt|wounded)\b", re.I)
_SEVERITY = re.compile(r"\b(?:serious\w*|critical\w*|severe\w*|grave\w*|life-threatening)\b", re.I)


def _severity_of_injury(text: str, n: NumberMention) -> bool:
    """"Four people suffered serious injuries" counts the seriously injured, a subset of
    "injured 14 workers": a severity word between the count and its nearest injury word."""
    near = [m for m in _INJURY.finditer(text, max(0, n.start - 40), min(len(text), n.end + 60))]
    if not near:
        return False
    word = min(near, key=lambda m: min(abs(m.start() - n.end), abs(n.start - m.end())))
    lo, hi = (n.start, word.end()) if word.start() >= n.end else (max(0, word.start() - 14), n.end)
    return bool(_SEVERITY.search(text, lo, hi))


def _people_measures_differ(a: Unit, b: Unit, x: NumberMention, y: NumberMention) -> bool:
    """"Seven people were killed" / "pulled 11 people from the water alive": counts of
    people that measure different things (killed, injured, rescued, evacuated ...)."""
    if x.unit != "person":
        return False
    ta, tb = a.sf.sentence.text, b.sf.sentence.text
    mx, my = _person_measures(ta, x), _person_measures(tb, y)
    if mx and my and not mx & my:
        return True
    if bool(mx) != bool(my):
        # "injured 22 passengers" / "was carrying 340 passengers": only one of the two says
        # what happened to the people it counts, so they are not one measure
        return True
    return "injured" in mx & my and _severity_of_injury(ta, x) != _severity_of_injury(tb, y)


# "Four of the injured", "two of them", "six of those evacuated": a count of part of a
# group the text counts elsewhere. It never contradicts the group's total.
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|those|these|whom|which)\b", re.I)


def _is_part_of_a_group(text: str, n: NumberMention) -> bool:
    return bool(_PARTITIVE.match(text, n.end))


def _states(unit: Unit, value: NumberMention) -> bool:
    return any(m.unit == value.unit and m.low == value.low and m.high == value.high for m in unit.sf.numbers)


def _as_date_mention(iso: str) -> NumberMention:
    day = dt.date.fromisoformat(iso).toordinal()
    return NumberMention(iso, 0, 0, float(day), float(day), "@date", "date")


def _date_conflict(a: Unit, b: Unit, w: dict[str, float]) -> tuple[NumberMention, NumberMention] | None:
    """Two tellings of one event (very similar wording) on different full dates."""
    if not a.sf.dates or not b.sf.dates:
        return None
    da = sorted(d for d in a.sf.dates if len(d) == 10)
    db = sorted(d for d in b.sf.dates if len(d) == 10)
    if not da or not db or set(da) & set(db):
        return None
    if _context_similarity(a, b, w) < CONTEXT_THRESHOLD:
        return None
    return _as_date_mention(da[0]), _as_date_mention(db[0])


def _place_mention(p, unit: Unit) -> NumberMention:
    key = value_key(" ".join(sorted(p.places)))
    head = " ".join(unit.sf.sentence.text[:p.start].split()[-6:])
    return NumberMention(p.text, p.start, p.end, key, key, "@place", head)


def _compatible_aims(items) -> dict[tuple[float, float], tuple[float, float]]:
    """Aims that share a word ("smart factories" / "intelligent factory solutions")
    are one side of the disagreement: value key -> the key of its side."""
    words: dict[tuple[float, float], set[str]] = {}
    for _, _, x, y, *_ in items:
        for n in (x, y):
            words[(n.low, n.high)] = set(n.qualifier.split())
    uf = UnionFind()
    keys = sorted(words)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if words[a] & words[b]:
                uf.union(repr(a), repr(b))
    rep = {}
    for k in keys:
        rep.setdefault(uf.find(repr(k)), k)
    return {k: rep[uf.find(repr(k))] for k in keys}


def _approx_mention(d: ApproxDate) -> NumberMention:
    low, high = d.span
    return NumberMention(d.text, d.start, d.end, low, high, "@date", "date")


def _approx_date_conflict(a: Unit, b: Unit, w: dict[str, float]) -> tuple[NumberMention, NumberMention] | None:
    """One event in two periods that do not overlap ("close in the first quarter of
    2027" / "close by mid-2027"): the words right before the periods agree and the
    sentences are related."""
    pair = approx_conflict(a.approx, b.approx)
    if pair is None:
        return None
    x, y = pair
    left_a = _words_before(a, x.start)
    left_b = _words_before(b, y.start)
    if len(left_a & left_b) < LOCAL_SHARED or _context_similarity(a, b, w, min_shared=2) < LOOSE_CONTEXT:
        return None
    return _approx_mention(x), _approx_mention(y)


def _purpose_mention(p: Purpose, text: str) -> NumberMention:
    """The aim as the value; what has the aim ("joint venture with Kestrel") as its unit text."""
    key = value_key(" ".join(sorted(p.objects)))
    event = text[p.start:p.end]
    cut = event.rfind(p.text)
    head = " ".join((event[:cut] if cut > 0 else event).split()[:8]).rstrip(",")
    return NumberMention(p.text, p.start, p.end, key, key, "@purpose", head, " ".join(sorted(p.objects)))


def find_discrepancies(
    units: list[Unit],
    pairs: set[tuple[int, int]],
    claim_of_unit: list[str],
    w: dict[str, float],
    commentary_claims: set[str],
    group=lambda key: key,
    label=lambda source_id: source_id,
) -> list[Discrepancy]:
    """Pairs of claims from different sources that give different values for one thing.

    ``label`` names a source for the human-readable summary (e.g. its publisher)."""
    found: list[tuple[str, str, NumberMention, NumberMention, str, str]] = []
    for i, j in sorted(pairs):
        a, b = units[i], units[j]
        if a.sf.record == b.sf.record:
            continue
        ca, cb = claim_of_unit[i], claim_of_unit[j]
        if ca == cb or ca in commentary_claims or cb in commentary_claims:
            continue
        date_conflict = _date_conflict(a, b, w)
        if date_conflict:
            found.append((ca, cb, *date_conflict, a.sf.record, b.sf.record))
            continue
        if a.approx and b.approx:
            approx = _approx_date_conflict(a, b, w)
            if approx:
                found.append((ca, cb, *approx, a.sf.record, b.sf.record))
                continue
        if a.purposes and b.purposes:
            aims = aims_conflict(a, b)
            if aims:
                found.append((ca, cb, _purpose_mention(aims[0], a.sf.sentence.text),
                              _purpose_mention(aims[1], b.sf.sentence.text), a.sf.record, b.sf.record))
                continue
        if a.places and b.places:
            where = places_conflict(a, b)
            if where and _context_similarity(a, b, w) >= CONTEXT_THRESHOLD:
                found.append((ca, cb, _place_mention(where[0], a), _place_mention(where[1], b), a.sf.record,
                              b.sf.record))
                continue
        conflicts = [(x, y) for x, y in conflicting_figures(unit_figures(a), unit_figures(b))
                     if plausible_rivals(x, y) and not _people_measures_differ(a, b, x, y)
                     and not _is_part_of_a_group(a.sf.sentence.text, x)
                     and not _is_part_of_a_group(b.sf.sentence.text, y)]
        if not conflicts:
            continue
        if _context_similarity(a, b, w) >= CONTEXT_THRESHOLD:
            x, y = conflicts[0]
        else:
            local = [(x, y) for x, y in conflicts if _same_measure(a, b, x, y, w, group)]
            if not local:
                continue
            x, y = local[0]
        found.append((ca, cb, x, y, a.sf.record, b.sf.record))
    units_by_claim = {}
    units_of_claim: dict[str, list[Unit]] = defaultdict(list)
    for u, c in zip(units, claim_of_unit):
        units_by_claim.setdefault(c, u)
        units_of_claim[c].append(u)
    # one discrepancy per connected set of claims that disagree on one unit
    uf = UnionFind()
    for ca, cb, x, *_ in found:
        uf.union(f"{x.unit}|{ca}", f"{x.unit}|{cb}")
    grouped: dict[str, list] = defaultdict(list)
    for item in found:
        grouped[uf.find(f"{item[2].unit}|{item[0]}")].append(item)
    out = []
    for key in sorted(grouped):
        items = grouped[key]
        values: dict[tuple[float, float], dict] = {}
        same = _compatible_aims(items) if items[0][2].unit == "@purpose" else {}
        for ca, cb, x, y, ra, rb in items:
            for num, claim, rec in ((x, ca, ra), (y, cb, rb)):
                v = values.setdefault(same.get((num.low, num.high), (num.low, num.high)),
                                      {"text": num.text, "texts": set(), "sources": set(), "claims": set()})
                v["texts"].add(num.text)
                v["sources"].add(rec)
                v["claims"].add(claim)
                # every other source in that claim that states the same value says it too
                v["sources"].update(u.sf.record for u in units_of_claim[claim] if _states(u, num))
        for v in values.values():
            v["text"] = " / ".join(sorted(v["texts"]))
        first = items[0][2]
        subject = _subject(first, units_by_claim.get(items[0][0]))
        variants = tuple(
            ValueVariant(v["text"], tuple(sorted(v["sources"])), tuple(sorted(v["claims"])))
            for _, v in sorted(values.items())
        )
        claims = tuple(sorted({c for v in variants for c in v.claims}))
        summary = f"Sources differ on {subject}: " + "; ".join(
            f"{', '.join(label(s) for s in v.sources)} say{'s' if len(v.sources) == 1 else ''} {v.value}"
            for v in variants) + "."
        did = "d-" + hashlib.sha1("|".join(claims).encode()).hexdigest()[:8]
        out.append(Discrepancy(did, summary, subject, claims, variants))
    return out
