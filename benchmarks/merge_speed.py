"""Merge speed on synthetic corpora: a full merge (cold feature cache) and an
incremental re-merge after one article changed (warm cache), as the dev server does.

    python benchmarks/merge_speed.py [n_articles] [sentences_per_article]
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import sys
import time

from factsheet.editorial import Editorial
from factsheet.merge import merge
from factsheet.merge.features import FEATURES, FeatureCache
from factsheet.models import Record, Sentence


def synthetic_corpus(n_articles: int, per: int, seed: int = 1) -> tuple[Record, ...]:
    rng = random.Random(seed)
    syll = ["ba", "ko", "ri", "ta", "mu", "ne", "lo", "si", "da", "ve", "po", "ga", "zu", "fi", "ha", "ce"]
    vocab = sorted({"".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(8000)})
    weights = [1 / (i + 1) for i in range(len(vocab))]  # Zipf-like
    names = ["Alder Corp.", "Marta Ilves", "Tomas Brandt", "Kessel Group", "Port Calder", "Northfield Council"]
    # shared "facts": sentences that recur across articles with small edits
    facts = [" ".join(rng.choices(vocab, weights, k=14)) for _ in range(300)]
    records = []
    for a in range(n_articles):
        paras = []
        for s in range(per):
            if rng.random() < 0.3:
                words = rng.choice(facts).split()
                words[rng.randrange(len(words))] = rng.choice(vocab)
            else:
                words = rng.choices(vocab, weights, k=rng.randint(10, 24))
            name = rng.choice(names)
            num = f"${rng.randint(1, 90)} million" if rng.random() < 0.3 else f"{rng.randint(2, 900)} workers"
            paras.append(f"{name} said {' '.join(words[:6])} {num} {' '.join(words[6:])} on Monday.")
        raw = "\n\n".join(paras)
        sentences, pos = [], 0
        for i, p in enumerate(paras):
            start = raw.index(p, pos)
            sentences.append(Sentence(f"s{i + 1}", p, start, start + len(p), i))
            pos = start + len(p)
        records.append(Record(f"a{a:05d}", f"a{a:05d}.md", hashlib.sha256(raw.encode()).hexdigest(), None, None,
                              "2030-01-06", None, None, (), None, {}, (), raw, tuple(sentences), ()))
    return tuple(records)


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 1000
    per = int(argv[1]) if len(argv) > 1 else 40
    records = synthetic_corpus(n, per)
    import factsheet.merge.features as feats

    feats.FEATURES.__init__()  # cold cache
    t0 = time.perf_counter()
    full = merge(records, Editorial())
    t_full = time.perf_counter() - t0
    # one article edited: a sentence appended
    r = records[n // 2]
    extra = "Alder Corp. said the harbor dredging contract was signed on Friday."
    raw = r.text + "\n\n" + extra
    s = Sentence(f"s{len(r.sentences) + 1}", extra, len(r.text) + 2, len(raw), len(r.sentences))
    edited = dataclasses.replace(r, text=raw, content_hash=hashlib.sha256(raw.encode()).hexdigest(),
                                 sentences=r.sentences + (s,))
    records2 = records[: n // 2] + (edited,) + records[n // 2 + 1:]
    t0 = time.perf_counter()
    inc = merge(records2, Editorial())
    t_inc = time.perf_counter() - t0
    print(f"articles={n} sentences={n * per} claims={len(full.sheet.claims)} stats={full.stats}")
    print(f"full merge: {t_full:.2f} s")
    print(f"incremental re-merge after one edit: {t_inc:.2f} s (speed-up x{t_full / t_inc:.1f}); "
          f"feature cache hits={feats.FEATURES.hits} misses={feats.FEATURES.misses}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
