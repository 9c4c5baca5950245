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
from .extract import Proposition, RecordFacts, SentenceFacts
from .lexicon import fold


@dataclass(frozen=True)
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


def topicality(facts: list[RecordFacts], claimable: dict[str, list[Proposition]]) -> dict[str, float]:
    """Mean share of each record's propositions holding a feature."""
    sums: dict[str, float] = defaultdict(float)
    n = max(1, len(facts))
    for rf in facts:
        props = claimable[rf.record_id]
        if not props:
            continue
        counts: dict[str, int] = defaultdict(int)
        for p in props:
            for key, _ in p.features:
                counts[key] += 1
        for key, c in counts.items():
            sums[key] += c / len(props)
    return {k: v / n for k, v in sums.items()}


def _content(p: Proposition) -> float:
    """Background weight of a proposition's own words and values (before corpus weights)."""
    return sum(w for _, w in p.features)


def corpus_factor(top: float) -> float:
    return 1.0 / (1.0 + top / P.TOPIC_SCALE)


_CONNECTORS = frozenset("of the and for & de du da di del der van von la le".split())


def acronyms(facts: list[RecordFacts]) -> dict[str, tuple[str, ...]]:
    """Acronym feature -> the name features it stands for, learned from the names the
    corpus spells out: "MCIB" for "Maritime Casualty Investigation Branch", "HHS" for
    "(Department of) Health and Human Services"."""
    out: dict[str, tuple[str, ...]] = {}
    for rf in facts:
        for s in rf.sentences:
            for name in s.names:
                words = [w for w in re.split(r"[\s\-]+", name) if w]
                parts = [fold(w).strip("'").removesuffix("'s") for w in words if fold(w) not in _CONNECTORS]
                if len(parts) < 2 or any(not p for p in parts):
                    continue
                initials = "".join(p[0] for p in parts)
                for k in range(0, len(parts) - 1):  # "HHS" is the end of "DHHS"
                    key = "n:" + initials[k:]
                    if len(initials) - k >= 2:
                        out.setdefault(key, tuple("n:" + p for p in parts[k:]))
    return out


def build_units(facts: list[RecordFacts], topic: dict[str, float] | None = None) -> tuple[list[Unit], dict[str, float]]:
    """Units of every claimable proposition, in corpus order, and the topicality used."""
    expand = acronyms(facts)
    claimable: dict[str, list[Proposition]] = {}
    for rf in facts:
        ok = {s.index for s in rf.sentences if s.claimable}
        per_sentence: dict[int, int] = defaultdict(int)
        for p in rf.propositions:
            per_sentence[p.sentence] += 1
        claimable[rf.record_id] = [p for p in rf.propositions if p.sentence in ok and p.features and (
            per_sentence[p.sentence] == 1 or p.role in ("main", "coordinate") or _content(p) >= P.MIN_PROPOSITION_WEIGHT)]
    if topic is None:
        topic = topicality(facts, claimable)
    units: list[Unit] = []
    for order, rf in enumerate(facts):
        infos = {s.index: s for s in rf.sentences}
        for p in claimable[rf.record_id]:
            raw = dict(p.features)
            for k, w in p.features:
                for part in expand.get(k, ()):
                    raw[part] = max(raw.get(part, 0.0), w / 2)  # an acronym stands for its words
            feats = {k: w * corpus_factor(topic.get(k, 0.0)) for k, w in raw.items()}
            feats = {k: w for k, w in feats.items() if w > P.MIN_FEATURE_WEIGHT}
            if not feats:
                continue
            norm = sum(w * w for w in feats.values()) ** 0.5
            words = {k: w for k, w in feats.items() if k[0] != "q"}
            units.append(Unit(len(units), rf.record_id, order, p.sentence, p, infos[p.sentence], feats, norm,
                              sum(feats.values()), words, sum(w * w for w in words.values()), sum(words.values())))
    return units, topic
