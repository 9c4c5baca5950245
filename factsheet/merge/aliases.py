"""Aliases learned from the corpus text itself (never from a list of names):

* stated: "X, also known as Y", "X (Y)", "Also known as Y, the ..." (previous subject);
* shortened: "Blue Ridge" for "Blue Ridge Precision Tooling" (a multi-word prefix);
* surnames: "Liu said" for the only person whose full name ends in "Liu".

Corporate suffixes were already dropped from the keys (names.name_key)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .features import RecordFeatures
from .text import STOPWORDS


# Generic words a company adds to its distinctive name ("Vantrel Chemicals", "Orsa Motors"):
# the distinctive word alone names the same company.
CORPORATE_WORDS = frozenset("""chemicals chemical motors motor airlines airline airways bank energy pharmaceuticals pharma
logistics industries industrial systems technologies technology tech foods food steel mining metals minerals resources
partners capital media telecom telecoms insurance electric electronics power oil gas petroleum shipping construction
labs laboratories therapeutics biotech biosciences software semiconductor semiconductors networks communications
robotics aerospace automotive railways rail freight transport brewing breweries entertainment financial securities
solutions utilities water milling mills brewery farms retail stores engineering manufacturing materials plastics
textiles cement paper glass cars air express cargo trading fc afc cf sc""".split())


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # deterministic: the smaller key becomes the root
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


@dataclass(frozen=True)
class AliasTable:
    group_of: dict[str, str]  # name key -> group id (a name key)
    members: dict[str, tuple[str, ...]]  # group id -> keys
    display: dict[str, str]  # group id -> display name
    surface: dict[str, tuple[str, ...]]  # group id -> surface forms seen, sorted
    person_keys: frozenset[str]  # keys seen used as a person (title before, or speaker)
    mentions: dict[str, int]  # group id -> number of mentions

    def group(self, key: str) -> str:
        return self.group_of.get(key, key)


def _looks_like_full_name(key: str) -> bool:
    words = key.split()
    return 2 <= len(words) <= 3 and all(w.isalpha() and len(w) > 1 for w in words)


def learn_aliases(records: list[RecordFeatures], person_keys: frozenset[str]) -> AliasTable:
    uf = UnionFind()
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    non_initial: set[str] = set()
    for rf in records:
        for sf in rf.sentences:
            for a, b in sf.alias_pairs:
                uf.union(a, b)
            for n in sf.names:
                uf.find(n.key)
                counts[n.key] += 1
                surfaces[n.key][n.text] += 1
                if not n.initial:
                    non_initial.add(n.key)
    keys = sorted(counts)
    # multi-word prefixes: "blue ridge" -> "blue ridge precision tooling"
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        words = k.split()
        for i in range(2, len(words)):
            by_prefix[" ".join(words[:i])].append(k)
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        words = k.split()
        if len(words) >= 2 and all(w in CORPORATE_WORDS for w in words[1:]):
            by_first_word[words[0]].append(k)
    for k in keys:
        longer = by_prefix.get(k)
        if longer and len({uf.find(x) for x in longer}) == 1:
            uf.union(k, longer[0])
    # a company's short name: "Vantrel" for "Vantrel Chemicals" (the rest generic corporate words)
    for k in keys:
        if " " in k:
            continue
        longer = {uf.find(x) for x in by_first_word.get(k, ())}
        if len(longer) == 1:
            uf.union(k, next(iter(longer)))
    # surnames: a one-word name that ends exactly one full person name
    last_words: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if _looks_like_full_name(k) and (k in person_keys or counts[k] >= 1):
            last_words[k.split()[-1]].add(k)
    # a one-word name used with a reporting verb ("Ekholm said") is a person's surname
    surname_speakers = {k for rf in records for sf in rf.sentences for k in sf.speakers if " " not in k}
    people = set(person_keys)
    for k in keys:
        if " " in k:
            continue
        full = last_words.get(k)
        if full and len(full) == 1:
            (f,) = tuple(full)
            if f in person_keys or (k in surname_speakers and not any(w in STOPWORDS for w in f.split())):
                uf.union(k, f)
                people.add(f)
    person_keys = frozenset(people)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[uf.find(k)].append(k)
    group_of, members, display, surface, mentions = {}, {}, {}, {}, {}
    for gid, ks in groups.items():
        ks.sort()
        members[gid] = tuple(ks)
        for k in ks:
            group_of[k] = gid
        forms: Counter[str] = Counter()
        for k in ks:
            forms.update(surfaces[k])
        surface[gid] = tuple(sorted(forms))
        mentions[gid] = sum(counts[k] for k in ks)
        if any(k in person_keys for k in ks):
            # people: the full name
            best = max(ks, key=lambda k: (len(k.split()), counts[k], k))
        else:
            best = max(ks, key=lambda k: (counts[k], -len(k), k))
        display[gid] = surfaces[best].most_common(1)[0][0] if surfaces[best] else best
    return AliasTable(group_of, members, display, surface, person_keys, mentions)
