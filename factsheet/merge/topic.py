"""Off-topic paragraphs (link lists and teasers for other stories that survive
cleaning): trailing paragraphs whose words are hardly shared across the corpus."""

from __future__ import annotations

from collections import Counter

from .features import RecordFeatures

TOPIC_SHARE = 0.4  # a topical word appears in at least this share of the articles
MIN_TEASER_WORDS = 40  # a short closing paragraph is more likely the story's last fact than a teaser


def _words(sf) -> frozenset[str]:
    return sf.topic_words


def off_topic_sentences(rfs: list[RecordFeatures]) -> set[tuple[str, int]]:
    if len(rfs) < 3:
        return set()
    doc_freq: Counter[str] = Counter()
    for rf in rfs:
        words = set()
        for sf in rf.sentences:
            words.update(_words(sf))
        doc_freq.update(words)
    need = max(2, int(TOPIC_SHARE * len(rfs) + 0.999))
    topical = {w for w, c in doc_freq.items() if c >= need}
    out: set[tuple[str, int]] = set()
    for rf in rfs:
        paragraphs: dict[int, list] = {}
        for sf in rf.sentences:
            paragraphs.setdefault(sf.sentence.paragraph, []).append(sf)
        dropped: set[tuple[str, int]] = set()
        # only the trailing run of off-topic paragraphs: teasers and link lists come
        # after the story; a paragraph inside the story is kept whatever its words
        for key in sorted(paragraphs, reverse=True):
            sfs = [sf for sf in paragraphs[key] if sf.claimable]
            if not sfs:
                continue
            hits = sum(1 for sf in sfs for w in _words(sf) if w in topical)
            words = sum(len(sf.stems) + len(sf.names) for sf in sfs)
            if words and hits / words >= 0.12:
                break
            dropped.update((sf.record, sf.index) for sf in sfs)
        # an article mostly off the corpus's topic is kept whole: the filter is for
        # teasers appended to an on-topic article, not for judging whole articles
        run_words = sum(len(rf.sentences[i].sentence.text.split()) for _, i in dropped)
        if len(dropped) <= 0.5 * len(rf.sentences) and run_words >= MIN_TEASER_WORDS:
            out.update(dropped)
    return out
