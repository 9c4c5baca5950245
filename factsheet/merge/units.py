"""The merge's units: propositions of claimable sentences, with corpus-aware weights.

A feature's weight is its background weight (lexicon: how rare the word is in English)
times a corpus factor that discounts the event's own topic words (the company, the
ship, "fire" in a fire corpus), which sit in most propositions of every article and so
say nothing about which fact a proposition states:

    topicality(f) = mean over records r of (share of r's propositions holding f)
    weight(f)     = background(f) / (1 + topicality(f) / TOPIC_SCALE)

Editing one article changes topicality only for the features that article holds (the
mean is over a fixed number of records), so an unrelated edit moves no weight.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from . import params as P
from .extract import Proposition, RecordFacts, SentenceFacts, name_word_key
from .lexicon import Lexicon, fold


@dataclass(frozen=True, slots=True)
class Unit:
    index: int  # position in the merge's unit list
    record: str  # record id
    record_order: int  # position of the record in the corpus (sorted by path)
    sentence: int  # index into the record's sentences
    prop: Proposition
    info: SentenceFacts
    features: dict  # feature key -> final weight
    norm: float  # Euclidean norm of the weights
    total: float  # sum of the weights
    words: dict  # the features that are not stated values (words and names) -> weight
    words_sq: float  # sum of their squared weights
    words_total: float  # sum of their weights
    context: "RecordContext"  # what the unit's article is about (shared by its record's units)
    names: frozenset = frozenset()  # feature keys from names only (an acronym's words too)
    speakers: frozenset = frozenset()  # name keys of a direct quotation's speaker
    # prop.predicate as a set, and each of prop.quantities' weights in order: what every
    # comparison reads, made once per unit instead of once per pair
    predicate: frozenset = frozenset()
    value_weights: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordContext:
    """Which event an article is about, for corpora that cover several.

    Articles are linked when one mentions the name the other mentions most (its main
    subject); the linked articles form one event. In a corpus about one event every
    article mentions its main subjects, so all are one event; two propositions from
    articles of different events are not restatements, however alike their words."""

    event: int

    def foreign_to(self, other: "RecordContext") -> bool:
        return self.event != other.event


def topicality(facts: list[RecordFacts], claimable: dict[str, list[Proposition]],
               event_of: dict[str, int]) -> dict[int, dict[str, float]]:
    """Per event, the mean over its records of the share of each record's propositions
    holding a feature (the mean is over a fixed number of records, so an edit moves only
    the features of the article edited)."""
    sums: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    size: dict[int, int] = defaultdict(int)
    for rf in facts:
        e = event_of[rf.record_id]
        size[e] += 1
        props = claimable[rf.record_id]
        if not props:
            continue
        counts: dict[str, int] = defaultdict(int)
        for p in props:
            for key, _ in p.features:
                counts[key] += 1
        base = max(len(props), P.TOPIC_MIN_PROPOSITIONS)  # a two-line item has no topic words of its own
        for key, c in counts.items():
            sums[e][key] += c / base
    return {e: {k: v / size[e] for k, v in feats.items()} for e, feats in sums.items()}


def _content(p: Proposition) -> float:
    """Background weight of a proposition's own words and values (before corpus weights)."""
    return sum(w for _, w in p.features)


def events(claimable: dict[str, list[Proposition]], order: list[str]) -> dict[str, int]:
    """Record id -> event number, for corpora that cover several events.

    Articles are grouped by their main subject (the name they mention most); a group joins
    the largest group whose subject most of its articles mention. A corpus whose largest
    event holds at least SINGLE_EVENT_SHARE of the articles is about one event: then every
    article gets event 0 (an article that happens to be about a side figure stays in it), and
    so is a corpus of fewer than SEVERAL_EVENTS_MIN_ARTICLES articles."""
    names: dict[str, set[str]] = {}
    group_of: dict[str, str] = {}
    for rid in order:
        counts: dict[str, int] = defaultdict(int)
        located: set[str] = set()
        for p in claimable[rid]:
            located.update(p.located)
            for k, _ in p.features:
                if k.startswith("n:"):
                    counts[k] += 1
        names[rid] = set(counts)
        group_of[rid] = _main_subject(counts, located) or "~" + rid
    members: dict[str, list[str]] = defaultdict(list)
    for rid in order:
        members[group_of[rid]].append(rid)
    subjects = [g for g in members if not g.startswith("~")]
    root = {g: g for g in members}

    def find(g: str) -> str:
        while root[g] != g:
            g = root[g]
        return g

    by_size = sorted(members, key=lambda g: (-len(members[g]), g))

    def mentioned(subject: str, group: str) -> bool:
        return sum(1 for rid in members[group] if subject in names[rid]) * 2 > len(members[group])

    for g in reversed(by_size):  # smallest first: a side group joins the event it belongs to
        for h in by_size:
            if h == g or h not in subjects or len(members[h]) < len(members[g]):
                continue
            # a group joins one much larger whose subject it mentions (a side figure of that
            # event), or one of its own size whose articles mention its subject too: two
            # events that share only a town or a firm stay two
            side = len(members[h]) >= P.SIDE_GROUP_RATIO * len(members[g])
            if mentioned(h, g) and (side or (g in subjects and mentioned(g, h))):
                a, b = find(g), find(h)
                if a != b:
                    root[a] = b
                break
    event_of = {rid: find(group_of[rid]) for rid in order}
    sizes: dict[str, int] = defaultdict(int)
    for e in event_of.values():
        sizes[e] += 1
    if len(order) < P.SEVERAL_EVENTS_MIN_ARTICLES or max(sizes.values()) >= P.SINGLE_EVENT_SHARE * len(order):
        return {rid: 0 for rid in order}
    number: dict[str, int] = {}
    for rid in order:  # events numbered in corpus order
        number.setdefault(event_of[rid], len(number))
    return {rid: number[event_of[rid]] for rid in order}


def _main_subject(counts: dict[str, int], located: set[str]) -> str:
    """The name an article mentions most (at least MAIN_SUBJECT_MENTIONS times), "" for none.
    A name it writes as a place ("a plant in Hollis") is where its event is, not what it is
    about (many events share a town): it is the subject only when no other name qualifies."""
    enough = [k for k in counts if counts[k] >= P.MAIN_SUBJECT_MENTIONS]
    return min(enough, key=lambda k: (k in located, -counts[k], k), default="")


def corpus_factor(top: float) -> float:
    return 1.0 / (1.0 + top / P.TOPIC_SCALE)


_CONNECTORS = frozenset("of the and for & de du da di del der van von la le".split())


def acronyms(facts: list[RecordFacts], lex: Lexicon | None = None) -> dict[str, tuple[str, ...]]:
    """Acronym feature -> the name features it stands for, learned from the names the
    corpus spells out: "MCIB" for "Maritime Casualty Investigation Branch", "HHS" for
    "(Department of) Health and Human Services". Each word's key is the one the name
    itself gives it where it is spelled out ("CATA": w:civil, w:air, w:transport, w:authority)."""
    lex = lex or Lexicon.default()
    out: dict[str, tuple[str, ...]] = {}
    read: set[str] = set()  # a name read again adds nothing (the first reading of a key stands)
    for rf in facts:
        for s in rf.sentences:
            for name in s.names:
                if name in read:
                    continue
                read.add(name)
                words = [w for w in re.split(r"[\s\-]+", name) if w]
                parts = [fold(w).strip("'").removesuffix("'s") for w in words if fold(w) not in _CONNECTORS]
                if len(parts) < 2 or any(not p for p in parts):
                    continue
                initials = "".join(p[0] for p in parts)
                for k in range(0, len(parts) - 1):  # "HHS" is the end of "DHHS"
                    key = "n:" + initials[k:]
                    if len(initials) - k >= 2:
                        out.setdefault(key, tuple(name_word_key(p, lex) for p in parts[k:]))
    return out


def claimable_propositions(rf: RecordFacts) -> list[Proposition]:
    """A record's propositions that can make a claim: of a claimable sentence, with
    features, and the sentence's only one, a main or coordinate clause, or weighty enough."""
    ok = {s.index for s in rf.sentences if s.claimable}
    per_sentence: dict[int, int] = defaultdict(int)
    for p in rf.propositions:
        per_sentence[p.sentence] += 1
    return [p for p in rf.propositions if p.sentence in ok and p.features and (
        per_sentence[p.sentence] == 1 or p.role in ("main", "coordinate") or _content(p) >= P.MIN_PROPOSITION_WEIGHT)]


def build_units(facts: list[RecordFacts], topic: dict[int, dict[str, float]] | None = None
                ) -> tuple[list[Unit], dict[int, dict[str, float]]]:
    """Units of every claimable proposition, in corpus order, and the topicality used."""
    expand = acronyms(facts)
    claimable = {rf.record_id: claimable_propositions(rf) for rf in facts}
    event_of = events(claimable, [rf.record_id for rf in facts])
    if topic is None:
        topic = topicality(facts, claimable, event_of)
    contexts = {e: RecordContext(e) for e in set(event_of.values())}
    units: list[Unit] = []
    shared: dict[frozenset, frozenset] = {}
    for order, rf in enumerate(facts):
        e = event_of[rf.record_id]
        units += record_units(rf, order, claimable[rf.record_id], contexts[e], topic.get(e, {}), expand, len(units),
                              shared)
    return units, topic


def record_units(rf: RecordFacts, order: int, claimable: list[Proposition], context: RecordContext,
                 own: dict[str, float], expand: dict[str, tuple[str, ...]], first_index: int,
                 shared: dict[frozenset, frozenset] | None = None) -> list[Unit]:
    """One record's units, numbered from first_index; `own`: its event's topicality. `shared`:
    one object per distinct set of names, speakers or predicate words among the units built
    (most are empty or one of a few; each set object costs more than its few keys)."""
    infos = {s.index: s for s in rf.sentences}
    shared = {} if shared is None else shared

    def one(keys) -> frozenset:
        s = frozenset(keys)
        return shared.setdefault(s, s)

    units: list[Unit] = []
    for p in claimable:
        raw = dict(p.features)
        names = set(p.name_keys)
        for k, w in p.features:
            for part in expand.get(k, ()):
                raw[part] = max(raw.get(part, 0.0), w / 2)  # an acronym stands for its words
                if k in names:
                    names.add(part)
        feats = {k: w * corpus_factor(own.get(k, 0.0)) for k, w in raw.items()}
        feats = {k: w for k, w in feats.items() if w > P.MIN_FEATURE_WEIGHT}
        if not feats:
            continue
        norm = sum(w * w for w in feats.values()) ** 0.5
        # most units state no value: their words are all their features, one dict for both
        words = {k: w for k, w in feats.items() if k[0] != "q"} if any(k[0] == "q" for k in feats) else feats
        units.append(Unit(first_index + len(units), rf.record_id, order, p.sentence, p, infos[p.sentence], feats, norm,
                          sum(feats.values()), words, sum(w * w for w in words.values()), sum(words.values()),
                          context, one(names & feats.keys()), one(p.speaker_keys), one(p.predicate),
                          tuple(feats.get("q:" + q.key, 0.0) for q in p.quantities)))
    return units
