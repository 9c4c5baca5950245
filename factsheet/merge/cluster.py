"""Sentences -> groups stating one fact. Candidates come from blocking; each
candidate pair is scored by IDF-weighted overlap (cosine, and containment for
a short sentence inside a long one) plus agreement of normalized numbers."""

from __future__ import annotations

import dataclasses
import math
import re
import threading
import time
from dataclasses import dataclass

from .aliases import AliasTable, UnionFind
from .blocking import candidate_pairs
from .clauses import clause_spans, negated_stems
from .features import US_FORMS, SentenceFeatures
from .framing import (ApproxDate, PlaceList, Purpose, approx_conflict, approx_dates, place_conflict, place_lists,
                      purpose_conflict, purposes)
from .names import TITLES
from .numbers import NumberMention, compatible
from .text import content_stems, stem

# Calibrated on tests/expectations and tests/corpora (see tests/scoring.py).
PAIR_THRESHOLD = 0.48
LINK_THRESHOLD = 0.40  # average similarity between two groups before they merge
NUMBER_WEIGHT = 1.6
# Sharing a number with its unit ("at least 14 vehicles", "$500 billion") is strong
# evidence of one fact stated twice, even when the rest is paraphrased.
SHARED_NUMBER_BONUS = 0.15


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence stating two facts (clauses.clause_spans)."""

    features: frozenset[str]
    numbers: tuple[NumberMention, ...]
    subject: str
    negated: frozenset[str] = frozenset()
    approx: tuple[ApproxDate, ...] = ()


@dataclass
class Unit:
    sf: SentenceFeatures
    features: frozenset[str]
    weight: float = 0.0  # sum of the features' weights, filled once the corpus is known
    subject: str = ""  # "@group" of the name the sentence opens with, if any ("Ilves said ...")
    clauses: tuple[Clause, ...] = ()  # only for a sentence of two or more clauses
    negated: frozenset[str] = frozenset()  # "!stem" of the words a negation governs (clauses.py)
    approx: tuple[ApproxDate, ...] = ()  # "the first quarter of 2027", "mid-2027" (framing.py)
    purposes: tuple[Purpose, ...] = ()  # "a venture with X to explore Y" (framing.py)
    places: tuple[PlaceList, ...] = ()  # "in Ohio and Texas" (framing.py), as alias groups
    coarse: frozenset[str] = frozenset()  # figures rounded to two digits, for blocking only
    # values derived from the sentence alone during one merge (discrepancies.py), computed once
    memo: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


# Two sentences denying the same rare thing (a shared "!stem", see clauses.py).
NEGATED_MATCH = 0.5
NEGATED_MIN_WEIGHT = 1.0

SUBJECT_WORDS = 4  # a name among the first words is the sentence's subject
DIFFERENT_SUBJECT_FACTOR = 0.75


def sentence_subject(sf: SentenceFeatures, aliases: AliasTable, initial_only: frozenset[str]) -> str:
    text = sf.sentence.text
    limit = len(" ".join(text.split()[:SUBJECT_WORDS]))
    for n in sf.names:
        if n.start > limit:
            break
        if n.initial and n.key in initial_only and " " not in n.key:
            continue
        return "@" + aliases.group(n.key)
    return ""


# Nouns that name the same act as a verb or another noun in news text (on top of
# text.SYNONYMS): "the transaction" is "the deal", "approval" is "approve".
_SAME_ACT = {
    "transaction": "agreement", "takeover": "buy", "acquisition": "buy", "merger": "agreement",
    "approval": "approv", "arrival": "arriv", "proposal": "propos", "refusal": "refus", "denial": "deny",
    "renewal": "renew", "withdrawal": "withdraw", "removal": "remov", "dismissal": "dismiss",
    "survival": "surviv", "disposal": "dispos", "reversal": "revers", "mak": "make",
    "participat": "agreement",
    "phon": "call", "sworn": "office", "inaugurat": "office",  # "phoned" / "called"; "sworn in" / "take office"
    "beat": "defeat", "unseat": "defeat", "oust": "defeat",
    "leav": "evacuat",  # "told to leave their homes" / "evacuated"
    "ensur": "sur",  # "ensure" / "make sure"  # "participates in the project" / "a partner in the project"
}


def _adjective_stem(s: str) -> str:
    """"manufacturable" states what "manufacture" does: the verb's stem."""
    if s.endswith("abl") and len(s) > 7:
        return stem(s[:-3] + "e")
    s = _SAME_ACT.get(s, s)
    # "vote"/"votes" -> "vote"/"vot", "home"/"homes" -> "home"/"hom": one stem
    return s[:-1] if len(s) >= 4 and s.endswith("e") and s[0] not in "@N!" else s


def _features(stems, names, numbers, aliases: AliasTable, initial_only: frozenset[str]) -> set[str]:
    fs = {_adjective_stem(s) for s in stems}
    for n in names:
        if n.initial and n.key in initial_only and " " not in n.key:
            fs.add(stem(n.key))  # an ordinary capitalized first word, not a name
        else:
            fs.add("@" + aliases.group(n.key))
    for num in numbers:
        if num.is_year:
            fs.add(f"Y:{int(num.low)}")
        else:
            fs.add(num.key)
    return fs


def sentence_features(sf: SentenceFeatures, aliases: AliasTable, initial_only: frozenset[str]) -> frozenset[str]:
    fs = _features(sf.stems, sf.names, sf.numbers, aliases, initial_only)
    fs.update("D:" + d for d in sf.dates if len(d) == 10)  # the same day named: strong evidence, like a number
    if "day" in sf.sentence.text:
        fs.update("DL:" + m.group(1).lower() for m in _DEADLINE.finditer(sf.sentence.text))
    return frozenset(fs)


def sentence_purposes(sf: SentenceFeatures, aliases: AliasTable) -> tuple[Purpose, ...]:
    text = sf.sentence.text
    if not sf.names or " to " not in text:
        return ()
    found = purposes(US_FORMS.sub("USA", text), sf.names)  # the text the name offsets refer to
    return tuple(dataclasses.replace(p, partners=frozenset(aliases.group(k) for k in p.partners)) for p in found)


_ANAPHOR = re.compile(r"\b(?:such|these|those|the same)\s+([a-z]+)", re.IGNORECASE)


def _antecedent_words(text: str, start: int, piece: str) -> set[str]:
    """"..., and work to ensure such racks can be built": the clause means the
    "council homes" of the clause before; it gets the words written with it there."""
    out: set[str] = set()
    for m in _ANAPHOR.finditer(piece):
        noun = m.group(1)
        before = re.search(rf"(\w+)\s+{re.escape(noun)}\b", text[:start])
        if before:
            out.update(_adjective_stem(s) for s in content_stems(before.group(1)))
    return out


def sentence_places(sf: SentenceFeatures, aliases: AliasTable) -> tuple[PlaceList, ...]:
    if not sf.names:
        return ()
    found = place_lists(US_FORMS.sub("USA", sf.sentence.text), sf.names)
    return tuple(dataclasses.replace(p, places=frozenset(aliases.group(k) for k in p.places)) for p in found)


def unit_names(u: "Unit") -> frozenset[str]:
    return frozenset(f[1:] for f in u.features if f[0] == "@")


def different_times(a: "Unit", b: "Unit") -> bool:
    """Both name a year or a day and none in common: two events, not one told twice."""
    ya = {f for f in a.features if f[:2] in ("Y:", "D:")}
    yb = {f for f in b.features if f[:2] in ("Y:", "D:")}
    return bool(ya) and bool(yb) and not ya & yb


def places_conflict(a: "Unit", b: "Unit"):
    if not a.places or not b.places or different_times(a, b):
        return None
    return place_conflict(a.places, b.places, unit_names(a), unit_names(b))


def aims_conflict(a: "Unit", b: "Unit"):
    if not a.purposes or not b.purposes or different_times(a, b):
        return None
    return purpose_conflict(a.purposes, b.purposes)


def sentence_clauses(sf: SentenceFeatures, aliases: AliasTable, initial_only: frozenset[str]) -> tuple[Clause, ...]:
    """Per clause: its own features, numbers and subject (empty for one clause)."""
    text = sf.sentence.text
    if "," not in text and ";" not in text and " and " not in text and "—" not in text and "–" not in text:
        return ()
    sub = US_FORMS.sub("USA", text)  # the text the name offsets refer to
    spans = clause_spans(sub)
    if len(spans) < 2:
        return ()
    out = []
    for a, b in spans:
        piece = sub[a:b]
        names = [n for n in sf.names if a <= n.start < b]
        blanked, pos = [], a
        for n in names:
            blanked.append(sub[pos:n.start])
            blanked.append(" ")
            pos = n.end
        blanked.append(sub[pos:b])
        numbers = tuple(n for n in sf.numbers if n.text in piece)
        # the clause's actors are often named in the other clause ("X will pay $14, a premium of 32%")
        fs = _features(content_stems("".join(blanked)), names or sf.names, numbers, aliases, initial_only)
        if a:
            fs |= _antecedent_words(sub, a, piece)
        limit = a + len(" ".join(piece.split()[:SUBJECT_WORDS]))
        subject = ""
        for n in names:
            if n.start > limit:
                break
            if n.initial and n.key in initial_only and " " not in n.key:
                continue
            subject = "@" + aliases.group(n.key)
            break
        out.append(Clause(frozenset(fs), numbers, subject, frozenset(negated_stems(piece)), approx_dates(piece)))
    return tuple(out)


class UnitCache:
    """Per-record sentence features, keyed by (record id, content hash) and by how
    the corpus reads that record's names (their alias groups, and whether a
    capitalized first word is a name). An edit elsewhere leaves both unchanged
    for almost every record, so a re-merge reuses them."""

    def __init__(self, size: int = 4096) -> None:
        self._entries: dict[tuple, tuple[tuple, ...]] = {}
        self._lock = threading.Lock()  # the dev server may merge from a worker thread
        self.size = size

    def units(self, rf_id: str, content_hash: str, sfs: list[SentenceFeatures], aliases: AliasTable,
              initial_only: frozenset[str]) -> list[Unit]:
        keys = sorted({n.key for sf in sfs for n in sf.names})
        signature = tuple((k, aliases.group(k), k in initial_only) for k in keys)
        key = (rf_id, content_hash, signature)
        with self._lock:
            hit = self._entries.get(key)
        if hit is None:
            hit = tuple((sentence_features(sf, aliases, initial_only), sentence_subject(sf, aliases, initial_only),
                         sentence_clauses(sf, aliases, initial_only), frozenset(negated_stems(sf.sentence.text)),
                         approx_dates(sf.sentence.text), sentence_purposes(sf, aliases), sentence_places(sf, aliases),
                         _coarse_figures(sf.numbers)) for sf in sfs)
            with self._lock:
                if len(self._entries) >= self.size:
                    self._entries.pop(next(iter(self._entries)))
                self._entries[key] = hit
        return [Unit(sf, fs, subject=subj, clauses=cl, negated=neg, approx=ap, purposes=pu, places=pl, coarse=co)
                for sf, (fs, subj, cl, neg, ap, pu, pl, co) in zip(sfs, hit)]


UNITS = UnitCache()


# A word no other sentence has cannot be shared; at full weight it only drowns
# the words two wordings do share.
SINGLETON_FACTOR = 0.5


def idf_weights(df: dict[str, int], n: int) -> dict[str, float]:
    out = {}
    for f, d in df.items():
        w = math.log((n + 1) / (d + 0.5))
        if d == 1:
            w *= SINGLETON_FACTOR
        if f.startswith("N:"):
            w *= NUMBER_WEIGHT
        out[f] = max(w, 0.05)
    return out


def bounds(n: NumberMention) -> tuple[float, float]:
    """The values a stated number allows: "fewer than 2,000" is anything up to 2,000,
    "about 6,500" a few percent either side."""
    lo, hi = n.low, n.high
    q = n.qualifier
    if q in ("less than", "at most"):
        lo = min(0.0, lo)
    elif q in ("more than", "at least"):
        hi = math.inf
    elif q == "about":
        lo, hi = lo - abs(lo) * APPROXIMATE, hi + abs(hi) * APPROXIMATE
    return lo, hi


APPROXIMATE = 0.05


def agree(a: NumberMention, b: NumberMention) -> bool:
    """Same kind of quantity, and values that can both be true."""
    if not compatible(a, b):
        return False
    (alo, ahi), (blo, bhi) = bounds(a), bounds(b)
    eps = 1e-9 * max(abs(alo), abs(blo), 1.0)
    return alo <= bhi + eps and blo <= ahi + eps


def numbers_conflict(a: tuple[NumberMention, ...], b: tuple[NumberMention, ...]) -> bool:
    """Both state a value of the same kind, and the values do not overlap (a range
    containing a point value is read as agreement, not a conflict), and neither
    value appears on the other side."""
    return bool(conflicting_numbers(a, b))


def conflicting_numbers(a: tuple[NumberMention, ...], b: tuple[NumberMention, ...]) -> list[tuple[NumberMention, NumberMention]]:
    return conflicting_figures(_figures(a), _figures(b))


def _figures(numbers: tuple[NumberMention, ...]) -> tuple[NumberMention, ...]:
    return tuple(x for x in numbers if not x.is_year and x.unit)


def unit_figures(u: "Unit") -> tuple[NumberMention, ...]:
    """The sentence's figures with a unit, not years (what conflicting_numbers compares), once per unit."""
    hit = u.memo.get("figures")
    if hit is None:
        hit = u.memo["figures"] = _figures(u.sf.numbers)
    return hit


def conflicting_figures(na: tuple[NumberMention, ...], nb: tuple[NumberMention, ...]) -> list[tuple[NumberMention, NumberMention]]:
    """conflicting_numbers on figures already filtered (unit_figures)."""
    out = []
    if not na or not nb:
        return out
    for x in na:
        for y in nb:
            if x.unit == y.unit and not agree(x, y):
                if not any(agree(x, z) for z in nb) and not any(agree(y, z) for z in na):
                    out.append((x, y))
    return out


def dates_conflict(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    fa = {d for d in a if len(d) == 10}
    fb = {d for d in b if len(d) == 10}
    return bool(fa) and bool(fb) and not fa & fb


def _attribution(u: Unit) -> frozenset[str]:
    """The sentence's attribution words mapped like its features, once per unit."""
    hit = u.memo.get("attribution")
    if hit is None:
        hit = u.memo["attribution"] = frozenset(_adjective_stem(s) for s in u.sf.attribution)
    return hit


def _overlap_score(a: Unit, b: Unit, shared: frozenset[str], sw: float, wa: float, wb: float) -> float:
    """The overlap part of similarity(): cosine or containment of the shared weight,
    then the different-actors factor and the shared-figure bonus."""
    cos = sw / math.sqrt(wa * wb)
    score = max(cos, 0.75 * (sw / min(wa, wb)) if len(shared) >= 4 and cos >= 0.3 else 0.0)
    # "Ilves said the walkout goes on until CPH drops its crane plan" vs "CPH plans
    # cranes": different actors, neither named in the other sentence
    if (a.subject and b.subject and a.subject != b.subject
            and a.subject not in b.features and b.subject not in a.features):
        score *= DIFFERENT_SUBJECT_FACTOR
    if any(f.startswith(("N:", "D:")) and not f.startswith("N::") for f in shared) and len(shared) >= 3:
        score += SHARED_NUMBER_BONUS
    elif len(shared) >= 2 and _qualified_agreement(a.sf.numbers, b.sf.numbers):
        score += SHARED_NUMBER_BONUS  # "just under 51%" / "50.9 percent"
    return score


def similarity(a: Unit, b: Unit, w: dict[str, float]) -> float:
    shared = a.features & b.features
    if not shared:
        return 0.0
    # fsum: exact, so the result does not depend on set iteration order (hash seed)
    sw = math.fsum(w.get(f, 0.0) for f in shared)
    # the same stem-to-feature mapping as the features themselves ("fire" -> "fir")
    attribution = _attribution(a) | _attribution(b)
    if attribution and shared <= attribution:
        return 0.0  # only who told the reporter is shared ("the fire service said"): no fact in common
    if attribution and not attribution.isdisjoint(shared):
        # "the fire service said" in both: who told the reporter, not what happened
        sw -= (1 - ATTRIBUTION_WEIGHT) * math.fsum(w.get(f, 0.0) for f in sorted(shared & attribution))
    wa = a.weight or math.fsum(w.get(f, 0.0) for f in a.features)
    wb = b.weight or math.fsum(w.get(f, 0.0) for f in b.features)
    if wa <= 0 or wb <= 0:
        return 0.0
    score = _overlap_score(a, b, shared, sw, wa, wb)
    if (score < RESTATED_MATCH and len(shared) >= 2 and a.sf.record != b.sf.record
            and _same_figure_or_day(shared, lambda: _content_share(shared - attribution, wa, wb, w))):
        score = RESTATED_MATCH  # "About 1,200 residents ... told to stay indoors" / "Around 1,200 people ... ordered to"
    if (score < RESTATED_MATCH and a.sf.record != b.sf.record and a.sf.has_figure and b.sf.has_figure
            and _same_parties_amount(a, b, shared)):
        score = RESTATED_MATCH  # "X buys Y from Z for €45m" / "Y chose a £39m move from Z to X"
    if score < FIGURE_MATCH and a.sf.numbers and b.sf.numbers and _hedged_restatement(a, b):
        score = FIGURE_MATCH  # "won just under 51% of the vote" / "received 52,340 votes, or 50.9 percent"
    if a.sf.numbers and b.sf.numbers and conflicting_figures(unit_figures(a), unit_figures(b)):
        return min(score, 0.2)
    if a.sf.dates and b.sf.dates and dates_conflict(a.sf.dates, b.sf.dates):
        return min(score, 0.2)  # one event on two different days: a discrepancy, not one claim
    if a.approx and b.approx and approx_conflict(a.approx, b.approx):
        return min(score, 0.2)  # "in the first quarter of 2027" / "by mid-2027"
    if a.purposes and b.purposes and aims_conflict(a, b):
        return min(score, 0.2)  # one venture, two different aims
    if score >= LINK_THRESHOLD and a.places and b.places and places_conflict(a, b):
        return min(score, 0.2)  # one thing said to happen in different places
    return score


def surely_below(a: Unit, b: Unit, w: dict[str, float], bar: float, conflicts_first: bool = True) -> bool:
    """True only when similarity(a, b, w) < bar for certain, found cheaply: either a
    conflict caps the score at 0.2 (below bar), or the overlap score computed before the
    attribution discount (which only lowers it), with the subject factor and number bonus,
    stays under bar and none of the floors (a restated figure or deadline, the same
    parties and amount, a hedged figure) applies. False: compute similarity. Either test
    alone is sound; ``conflicts_first`` says which is likelier to settle it cheaply."""
    shared = a.features & b.features
    if not shared:
        return bar > 0.0
    wa = a.weight or math.fsum(w.get(f, 0.0) for f in a.features)
    wb = b.weight or math.fsum(w.get(f, 0.0) for f in b.features)
    if wa <= 0 or wb <= 0:
        return bar > 0.0
    if conflicts_first:
        return (bar > 0.2 and _capped_by_conflict(a, b)) or _overlap_below(a, b, w, bar, shared, wa, wb)
    return _overlap_below(a, b, w, bar, shared, wa, wb) or (bar > 0.2 and _capped_by_conflict(a, b))


def _overlap_below(a: Unit, b: Unit, w: dict[str, float], bar: float, shared: frozenset[str], wa: float,
                   wb: float) -> bool:
    # without the attribution discount: an upper bound of similarity()'s overlap score
    top = _overlap_score(a, b, shared, math.fsum(w.get(f, 0.0) for f in shared), wa, wb)
    if top >= bar - 1e-9:
        return False
    other_source = a.sf.record != b.sf.record
    if other_source and len(shared) >= 2 and any(
            (f[0] == "N" and f[1] == ":" and not f.startswith("N::")) or f.startswith("DL:") for f in shared):
        attribution = _attribution(a) | _attribution(b)
        if _same_figure_or_day(shared, lambda: _content_share(shared - attribution, wa, wb, w)):
            return False  # the restated-figure floor applies
    if other_source and a.sf.has_figure and b.sf.has_figure and _same_parties_amount(a, b, shared):
        return False
    if a.sf.numbers and b.sf.numbers and (_has_qualifier(a) or _has_qualifier(b)) and _hedged_restatement(a, b):
        return False
    return True


def _capped_by_conflict(a: Unit, b: Unit) -> bool:
    """The conflicts after which similarity returns at most 0.2, whatever the overlap."""
    return bool((a.sf.numbers and b.sf.numbers and conflicting_figures(unit_figures(a), unit_figures(b)))
                or (a.sf.dates and b.sf.dates and dates_conflict(a.sf.dates, b.sf.dates))
                or (a.approx and b.approx and approx_conflict(a.approx, b.approx))
                or (a.purposes and b.purposes and aims_conflict(a, b)))


def _has_qualifier(u: Unit) -> bool:
    hit = u.memo.get("qualified")
    if hit is None:
        hit = u.memo["qualified"] = any(n.qualifier for n in u.sf.numbers)
    return hit


# A restatement found by a shared figure, deadline or set of parties: enough to group the two
# sentences (PAIR_THRESHOLD), not enough to make either a secondary citation of another group.
RESTATED_MATCH = 0.49
# Weight kept by a shared word that one of the two sentences writes only in its attribution.
ATTRIBUTION_WEIGHT = 0.5
# A shared exact count from this value up (small counts like "two crew members" recur in unrelated facts).
SAME_FIGURE_MIN = 10


# Share of the shorter sentence's weight that the shared ordinary words (no names, figures or
# attribution) must carry for a shared figure to make two sentences one fact.
SAME_FIGURE_CONTENT = 0.15


def _content_share(shared: frozenset[str], wa: float, wb: float, w: dict[str, float]) -> float:
    content = math.fsum(w.get(f, 0.0) for f in sorted(shared) if f[0] not in "@N" and not f.startswith(("D:", "DL:")))
    return content / min(wa, wb)


def _same_figure_or_day(shared: frozenset[str], content_share) -> bool:
    """Two sources giving the same exact figure with its unit plus some ordinary words of
    weight, or the same person/body with the same deadline: one fact, however paraphrased.
    ``content_share``: a function giving _content_share, computed only when a figure needs it."""
    share = None
    has_name = False
    has_day = False
    for f in shared:
        if f.startswith("N:") and not f.startswith("N::"):
            unit, _, value = f[2:].partition(":")
            low = value.partition("-")[0]
            try:
                if unit != "@year" and float(low) >= SAME_FIGURE_MIN:
                    if share is None:
                        share = content_share()
                    if share >= SAME_FIGURE_CONTENT:
                        return True
            except ValueError:
                pass
        elif f.startswith("DL:"):  # not "D:": many facts happened on the day of the event
            has_day = True
        elif f.startswith("@"):
            has_name = True
    return has_day and has_name


# A deadline ("until at least Thursday", "not ... before Thursday"): the day something ends
# or may resume, rarer than the day something happened ("on Tuesday").
_DEADLINE = re.compile(r"\b(?:until|till|before|by)\s+(?:at\s+least\s+|next\s+)?"
                       r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


_MONEY = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD"})
SAME_PARTIES = 3


def _same_parties_amount(a: "Unit", b: "Unit", shared: frozenset[str]) -> bool:
    """The same three (or more) named parties and a sum of money on each side, perhaps
    in another currency: one transaction told twice."""
    if sum(1 for f in shared if f[0] == "@") < SAME_PARTIES:
        return False
    return (any(n.unit in _MONEY for n in a.sf.numbers) and any(n.unit in _MONEY for n in b.sf.numbers)
            and not conflicting_figures(unit_figures(a), unit_figures(b)))


def _qualified_agreement(a: tuple[NumberMention, ...], b: tuple[NumberMention, ...]) -> bool:
    """A hedged figure on one side that the other side's figure satisfies."""
    for x in a:
        if x.is_year or not x.unit:
            continue
        for y in b:
            if y.unit == x.unit and (x.qualifier or y.qualifier) and x.key != y.key and agree(x, y):
                return True
    return False


FIGURE_MATCH = 0.5


def _coarse_figures(numbers: tuple[NumberMention, ...]) -> frozenset[str]:
    if not numbers:
        return frozenset()
    out = set()
    for n in numbers:
        if not n.is_year and n.unit and n.high > 0:
            out.add(f"F:{n.unit}:{float(f'{n.high:.2g}'):g}")
    return frozenset(out)
_LOCAL_CHARS = 40


def _around(text: str, n: NumberMention) -> set[str]:
    return {_adjective_stem(x) for x in content_stems(text[max(0, n.start - _LOCAL_CHARS):n.start])[-3:]
            + content_stems(text[n.end:n.end + _LOCAL_CHARS])[:3]}


def _hedged_restatement(a: Unit, b: Unit) -> bool:
    """A hedged figure ("just under 51%") that the other sentence's exact figure
    satisfies, with the same word next to both ("of the vote" / "votes, or")."""
    if a.sf.quote or b.sf.quote or a.sf.record == b.sf.record:
        return False
    for x in a.sf.numbers:
        if x.is_year or not x.unit:
            continue
        for y in b.sf.numbers:
            if y.unit != x.unit or not (x.qualifier or y.qualifier) or x.key == y.key or not agree(x, y):
                continue
            if _around(a.sf.sentence.text, x) & _around(b.sf.sentence.text, y):
                return True
    return False


def _conflict(a: Unit, b: Unit) -> bool:
    return (bool(conflicting_figures(unit_figures(a), unit_figures(b))) or dates_conflict(a.sf.dates, b.sf.dates)
            or bool(a.approx and b.approx and approx_conflict(a.approx, b.approx))
            or bool(aims_conflict(a, b))
            or bool(places_conflict(a, b)))


# One source states a fact in one two-clause sentence ("X is a partner in the
# project, by operating a site owned by Y"), another over two consecutive
# sentences: each clause matches one of them.
SPLIT_CLAUSE_MATCH = 0.5
# The second sentence goes on with the first one's fact: "... as part of that initiative".
_BACK_REFERENCE = re.compile(r"\b(?:that|this|these|those)\s+(?:[a-z]+\s+)?(?:initiative|project|plan|program|programme|"
                             r"effort|deal|agreement|venture|partnership|scheme|arrangement|pact|collaboration)s?\b")


def _split_halves(units: list[Unit]) -> set[int]:
    """Units next to a unit of the same record (sentence index one apart) where the later
    of the two refers back (_BACK_REFERENCE): the only sentences _join_split_facts can join."""
    at = {(u.sf.record, u.sf.index): k for k, u in enumerate(units)}
    out: set[int] = set()
    for k, u in enumerate(units):
        before = at.get((u.sf.record, u.sf.index - 1))
        if before is not None and _BACK_REFERENCE.search(u.sf.sentence.text):
            out.update((k, before))
    return out


def _join_split_facts(units: list[Unit], pairs: set[tuple[int, int]], scores: "PairScores", uf: UnionFind,
                      members: dict[int, list[int]]) -> None:
    matches: dict[int, list[tuple[int, int]]] = {}  # long unit -> (clause index, matched unit)
    halves = _split_halves(units)
    for i, j in sorted(pairs):
        for long, short in ((i, j), (j, i)):
            if short not in halves or not units[long].clauses or units[long].sf.record == units[short].sf.record:
                continue  # only a sentence next to one referring back can be half of a split fact
            for k, score in enumerate(scores.clause_scores_at_least(long, short, SPLIT_CLAUSE_MATCH)):
                if score >= SPLIT_CLAUSE_MATCH:
                    matches.setdefault(long, []).append((k, short))
    for long in sorted(matches):
        found = matches[long]
        for k1, a in found:
            for k2, b in found:
                ua, ub = units[a].sf, units[b].sf
                if k1 == k2 or ua.record != ub.record or abs(ua.index - ub.index) != 1:
                    continue
                later = ua if ua.index > ub.index else ub
                if not _BACK_REFERENCE.search(later.sentence.text):
                    continue  # two facts told in two sentences, not one fact told in two
                roots = sorted({uf.find(long), uf.find(a), uf.find(b)})
                if len(roots) == 1:
                    continue
                merged = sorted(x for r in roots for x in members.get(r, [r]))
                records = [units[x].sf.record for x in merged if x not in (a, b)]
                if len(records) != len(set(records)) or ua.record in records:
                    continue  # only the splitting source may appear twice
                if any(_conflict(units[x], units[y]) for x in merged[:12] for y in merged[:12] if x < y):
                    continue
                for r in roots:
                    members.pop(r, None)
                    uf.union(roots[0], r)
                members[uf.find(roots[0])] = merged


# Below this, two sentences of a group share almost nothing: each states another fact
# of a two-fact sentence they both match ("X pays $41 a share, a premium of 28%").
UNRELATED = 0.15
def _mostly_unrelated(sims: list[float]) -> bool:
    """Half or more of the cross pairs share almost nothing."""
    return sum(1 for x in sims if x < UNRELATED) * 2 >= len(sims)


RESTATEMENT_PAIR = 0.42
RESTATEMENT_LINK = 0.33


def cluster_units(units: list[Unit], w: dict[str, float], df: dict[str, int]) -> tuple[list[list[int]], dict]:
    t0 = time.perf_counter()
    for u in units:
        u.weight = math.fsum(w.get(f, 0.0) for f in u.features)
    # blocking also sees each figure rounded to two digits, so "just under 51%" meets "50.9 percent"
    # (the "F:" keys are only ever looked up here; df is this merge's own counter)
    block_features = []
    for u in units:
        if u.coarse:
            for f in u.coarse:
                df[f] = df.get(f, 0) + 1
            block_features.append(u.features | u.coarse)
        else:
            block_features.append(u.features)
    pairs, visits = candidate_pairs(block_features, df, weights=w, totals=[u.weight for u in units])
    t1 = time.perf_counter()
    scores = PairScores(units, w)
    scored = []
    near = []  # below the pair threshold, kept for the restatement pass
    for i, j in pairs:
        if scores.surely_below(i, j, RESTATEMENT_PAIR):
            continue  # scored exactly later if another pass asks
        s = scores.sim(i, j)
        if s >= PAIR_THRESHOLD:
            scored.append((-s, i, j))
        elif s >= RESTATEMENT_PAIR:
            near.append((-s, i, j))
    scored.sort()
    t2 = time.perf_counter()
    uf = UnionFind()
    members: dict[int, list[int]] = {}  # only for groups of two or more

    def sim(i: int, j: int) -> float:
        return scores.sim(i, j) if i < j else scores.sim(j, i)

    for neg, i, j in scored:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        ga, gb = members.get(ri, [ri]), members.get(rj, [rj])
        cross = [(x, y) for x in ga[:12] for y in gb[:12]]
        sims = [sim(x, y) for x, y in cross]
        if min(sims) <= 0.2 and any(_conflict(units[x], units[y]) for x, y in cross):
            continue  # never fold a disputed value into the claim it disputes
        if sum(sims) / len(sims) < LINK_THRESHOLD or _mostly_unrelated(sims):
            continue  # two sentences that share almost nothing would each match one half of a third
        uf.union(ri, rj)
        root = uf.find(ri)
        members.pop(ri, None)
        members.pop(rj, None)
        members[root] = sorted(ga + gb)
    # A lone sentence that restates a fact two or more other sources share, from a
    # source the group lacks (a source rarely states one fact twice), joins on a
    # looser bar: paraphrases share fewer words than copies do.
    for neg, i, j in sorted(scored + near):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        ga, gb = members.get(ri, [ri]), members.get(rj, [rj])
        if (len(ga) == 1) == (len(gb) == 1):
            continue
        lone, group = (ga[0], gb) if len(ga) == 1 else (gb[0], ga)
        if any(units[g].sf.record == units[lone].sf.record for g in group):
            continue
        sims = [sim(lone, g) for g in group[:12]]
        if min(sims) <= 0.2 and any(_conflict(units[lone], units[g]) for g in group[:12]):
            continue
        if sum(sims) / len(sims) < RESTATEMENT_LINK or _mostly_unrelated(sims):
            continue
        uf.union(ri, rj)
        root = uf.find(ri)
        members.pop(ri, None)
        members.pop(rj, None)
        members[root] = sorted(ga + gb)
    t3 = time.perf_counter()
    _join_split_facts(units, pairs, scores, uf, members)
    t4 = time.perf_counter()
    first_of = {g[0]: g for g in members.values()}
    grouped = {i for g in members.values() for i in g}
    groups = [first_of[i] if i in first_of else [i] for i in range(len(units)) if i in first_of or i not in grouped]
    stats: dict = {"sentences": len(units), "candidate_pairs": len(pairs), "posting_visits": visits,
                   "scored_pairs": len(scored), "pairs": pairs, "scores": scores,
                   "seconds": {"blocking": round(t1 - t0, 4), "pair_scores": round(t2 - t1, 4),
                               "grouping": round(t3 - t2, 4), "split_facts": round(t4 - t3, 4)}}
    return groups, stats



CLAUSE_SHARED_WORDS = 2
# A clause is compared with the guards above (its own figures, shared words besides
# names and titles); what it shares counts a little more than in a whole sentence.
CLAUSE_BONUS = 0.05
CLAUSE_COVERS_SHORT = 0.42
# Job-title words ("chief executive") make an attribution look like a fact.
_TITLE_STEMS = frozenset(s for t in TITLES for s in content_stems(t))


def _prepared_clauses(long: Unit, w: dict[str, float]) -> tuple:
    """Per clause of long: the clause as a unit of its own (compared like a sentence),
    its figures' keys and its ordinary words (no names, figures, negations or titles)."""
    out = []
    for c in long.clauses:
        words = frozenset(f for f in c.features if f[0] not in "@N!Y" and f not in _TITLE_STEMS)
        out.append((c, [None], frozenset(n.key for n in c.numbers), words))  # the clause unit is built when needed
    return tuple(out)


def _clause_unit(long: Unit, c: Clause, w: dict[str, float]) -> Unit:
    return Unit(dataclasses.replace(long.sf, numbers=c.numbers, dates=()), c.features,
                math.fsum(w.get(f, 0.0) for f in c.features), c.subject or long.subject, approx=c.approx,
                purposes=long.purposes)


def _short_numbers(short: Unit) -> frozenset[str]:
    return frozenset(n.key for n in short.sf.numbers if not n.is_year and n.unit)


def clause_scores(long: Unit, short: Unit, w: dict[str, float]) -> list[float]:
    """Per clause of long, its similarity to the short sentence (0 when it cannot
    state it): the clause must give the short sentence's own figures and share
    more than names and titles, and a quotation is only matched by a quotation."""
    return _clause_scores(long, short, w, _prepared_clauses(long, w), _short_numbers(short))


def _clause_scores(long: Unit, short: Unit, w: dict[str, float], prepared: tuple,
                   short_numbers: frozenset[str], bar: float | None = None) -> list[float]:
    """With ``bar``: a score below bar may be left at 0.0 when it is surely below (only
    scores reaching bar are exact), for callers that only compare with bar."""
    if long.sf.quote != short.sf.quote:
        return [0.0] * len(long.clauses)
    out = []
    for c, slot, clause_numbers, words in prepared:
        out.append(0.0)
        if not short_numbers <= clause_numbers:
            continue  # the short sentence's figure is its fact; this clause does not give it
        if len(words & short.features) < CLAUSE_SHARED_WORDS:
            continue  # names alone do not make a clause the same fact
        negated = bool(c.negated) and bool(short.negated) and any(
            w.get(f[1:], 0.0) >= NEGATED_MIN_WEIGHT for f in c.negated & short.negated)
        covers = math.fsum(w.get(f, 0.0) for f in c.features & short.features) >= CLAUSE_COVERS_SHORT * short.weight
        if not covers and not negated:
            continue  # checked before scoring: without a shared negation, the score cannot help
        cu = slot[0]
        if cu is None:
            cu = slot[0] = _clause_unit(long, c, w)
        if bar is not None and not negated and surely_below(cu, short, w, bar - CLAUSE_BONUS, False):
            continue  # similarity + bonus < bar: the margin in surely_below covers the addition's rounding
        score = similarity(cu, short, w) + CLAUSE_BONUS
        if score > 0.2 and negated:
            # "No purchase agreements were detailed, but ..." / "does not include purchase
            # commitments": the same rare thing said not to exist is one fact, however worded
            score = max(score, NEGATED_MATCH)
        elif not covers:
            continue  # the clause matches a part of the short sentence, not what it states
        out[-1] = score
    return out


def clause_similarity(long: Unit, short: Unit, w: dict[str, float]) -> float:
    """The best similarity of one of long's clauses to the short sentence."""
    return max(clause_scores(long, short, w), default=0.0)


class PairScores:
    """The scores of one merge, each computed once: clustering, its restatement and
    split-fact passes, and secondary citations ask for the same pairs again. Keyed by
    unit indices in the order asked (similarity is not assumed symmetric)."""

    def __init__(self, units: list[Unit], w: dict[str, float]) -> None:
        self.units = units
        self.w = w
        self._sim: dict[tuple[int, int], float] = {}
        self._clauses: dict[tuple[int, int], list[float]] = {}
        self._prepared: dict[int, tuple] = {}  # long unit -> (per-clause entries, all their figures, all their words)
        self._short: dict[int, frozenset[str]] = {}
        self._every: dict[int, frozenset[str]] = {}
        self._clauses_bar: dict[tuple[int, int, float], list[float]] = {}  # long unit -> the features of all its clauses

    def surely_below(self, i: int, j: int, bar: float) -> bool:
        v = self._sim.get((i, j))
        if v is not None:
            return v < bar
        return surely_below(self.units[i], self.units[j], self.w, bar)

    def sim(self, i: int, j: int) -> float:
        key = (i, j)
        v = self._sim.get(key)
        if v is None:
            v = self._sim[key] = similarity(self.units[i], self.units[j], self.w)
        return v

    def clause_scores(self, long: int, short: int) -> list[float]:
        key = (long, short)
        v = self._clauses.get(key)
        if v is None:
            v = self._clauses[key] = self._clause_scores(long, short, None)
        return v

    def clause_scores_at_least(self, long: int, short: int, bar: float) -> list[float]:
        """Like clause_scores, but a score below bar may read 0.0 (cheaper when most are)."""
        v = self._clauses.get((long, short))
        if v is None:
            key = (long, short, bar)
            v = self._clauses_bar.get(key)
            if v is None:
                v = self._clauses_bar[key] = self._clause_scores(long, short, bar)
        return v

    def _clause_scores(self, long: int, short: int, bar: float | None) -> list[float]:
        lu, su = self.units[long], self.units[short]
        prepared = self._prepared.get(long)
        if prepared is None:
            entries = _prepared_clauses(lu, self.w)
            prepared = self._prepared[long] = (entries, frozenset().union(*(e[2] for e in entries)),
                                               frozenset().union(*(e[3] for e in entries)))
        numbers = self._short.get(short)
        if numbers is None:
            numbers = self._short[short] = _short_numbers(su)
        entries, all_numbers, all_words = prepared
        if (lu.sf.quote != su.sf.quote or not numbers <= all_numbers
                or len(all_words & su.features) < CLAUSE_SHARED_WORDS
                or (not (su.negated and any(e[0].negated for e in entries))
                    and self._covered(long, entries, su) < CLAUSE_COVERS_SHORT * su.weight)):
            return [0.0] * len(lu.clauses)  # no clause can pass the checks of _clause_scores
        return _clause_scores(lu, su, self.w, entries, numbers, bar)

    def _covered(self, long: int, entries: tuple, su: Unit) -> float:
        """The weight the short sentence shares with all of long's clauses together: no
        single clause shares more (weights are positive), so below the coverage bar no
        clause passes it."""
        every = self._every.get(long)
        if every is None:
            every = self._every[long] = frozenset().union(*(e[0].features for e in entries))
        return math.fsum(self.w.get(f, 0.0) for f in every & su.features)

    def clause_similarity(self, long: int, short: int) -> float:
        return max(self.clause_scores(long, short), default=0.0)
