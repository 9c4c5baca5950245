"""Merge speed on synthetic corpora: a full merge (cold feature cache) and an
incremental re-merge after one article changed (warm cache), as the dev server does.

    python benchmarks/merge_speed.py [n_articles] [sentences_per_article]
    python benchmarks/merge_speed.py --articles 250,500,1000,2000 [--seed S]

The second form writes benchmarks/synth_corpus.py articles (events with restated,
paraphrased and conflicting facts) to a temporary folder, parses them with
load_corpus, and times a merge with the features already cached (clustering and
everything after it) and a re-merge after one article was edited. Both forms print
the time of each merge stage (stats["seconds"]).
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


def stage_times(stats: dict) -> str:
    return " ".join(f"{k}={v:.2f}" for k, v in stats.get("seconds", {}).items())


def articles_benchmark(sizes: list[int], seed: int) -> int:
    """Warm-feature merge and one-edit re-merge on synth_corpus articles of each size."""
    import tempfile
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synth_corpus import generate

    from factsheet.config import load_config
    from factsheet.corpus import load_corpus

    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            content = Path(tmp) / "content"
            generate(content, n, seed)
            corpus = load_corpus(load_config(content=content, cwd=Path(tmp)))
            records = corpus.records
            merge(records, corpus.editorial)  # features cached: what follows times clustering and later stages
            t0 = time.perf_counter()
            warm = merge(records, corpus.editorial)
            t_warm = time.perf_counter() - t0
            edited = _edited(records, len(records) // 2)
            t0 = time.perf_counter()
            inc = merge(edited, corpus.editorial)
            t_inc = time.perf_counter() - t0
            st = warm.stats
            print(f"articles={n} sentences={st['sentences']} candidate_pairs={st['candidate_pairs']} "
                  f"scored_pairs={st['scored_pairs']} claims={len(warm.sheet.claims)}")
            print(f"  merge (features cached): {t_warm:.2f} s  [{stage_times(st)}]")
            print(f"  re-merge after one edit: {t_inc:.2f} s  [{stage_times(inc.stats)}]")
    return 0


def _edited(records: tuple[Record, ...], k: int) -> tuple[Record, ...]:
    """records with one sentence appended to the k-th."""
    r = records[k]
    extra = "Officials said the inquiry would report its findings within six weeks."
    raw = r.text + "\n\n" + extra
    s = Sentence(f"s{len(r.sentences) + 1}", extra, len(r.text) + 2, len(raw),
                 (r.sentences[-1].paragraph + 1) if r.sentences else 0)
    edited = dataclasses.replace(r, text=raw, content_hash=hashlib.sha256(raw.encode()).hexdigest(),
                                 sentences=r.sentences + (s,))
    return records[:k] + (edited,) + records[k + 1:]


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--articles":
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
        return articles_benchmark([int(x) for x in argv[1].split(",")], seed)
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
    print(f"articles={n} sentences={n * per} claims={len(full.sheet.claims)} "
          f"stats={ {k: v for k, v in full.stats.items() if k != 'seconds'} }")
    print(f"full merge: {t_full:.2f} s  [{stage_times(full.stats)}]")
    print(f"incremental re-merge after one edit: {t_inc:.2f} s (speed-up x{t_full / t_inc:.1f}) [{stage_times(inc.stats)}]; "
          f"feature cache hits={feats.FEATURES.hits} misses={feats.FEATURES.misses}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
