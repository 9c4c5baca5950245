"""Off-topic paragraphs (link lists and teasers for other stories that survive
cleaning): a paragraph none of whose words is shared across the corpus."""

from __future__ import annotations

from collections import Counter

from .features import RecordFeatures

TOPIC_SHARE = 0.4  # a topical word appears in at least this share of the articles


def off_topic_sentences(rfs: list[RecordFeatures]) -> set[tuple[str, int]]:
    if len(rfs) < 3:
        return set()
    doc_freq: Counter[str] = Counter()
    for rf in rfs:
        words = set()
        for sf in rf.sentences:
            words.update(sf.stems)
            words.update("@" + n.key for n in sf.names)
        doc_freq.update(words)
    need = max(2, int(TOPIC_SHARE * len(rfs) + 0.999))
    topical = {w for w, c in doc_freq.items() if c >= need}
    out: set[tuple[str, int]] = set()
    for rf in rfs:
        paragraphs: dict[int, list] = {}
        for sf in rf.sentences:
            paragraphs.setdefault(sf.sentence.paragraph, []).append(sf)
        dropped: set[tuple[str, int]] = set()
        for sfs in paragraphs.values():
            hits = sum(1 for sf in sfs for w in set(sf.stems) | {"@" + n.key for n in sf.names} if w in topical)
            words = sum(len(sf.stems) + len(sf.names) for sf in sfs)
            if words and hits / words < 0.12:
                dropped.update((sf.record, sf.index) for sf in sfs)
        # an article mostly off the corpus's topic is kept whole: the filter is for
        # teasers appended to an on-topic article, not for judging whole articles
        if len(dropped) <= 0.5 * len(rf.sentences):
            out.update(dropped)
    return out
