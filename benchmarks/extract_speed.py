"""Per-sentence feature extraction speed (the merge's features.extract_record)
and the full merge time, on a synthetic corpus of messy articles.

    python benchmarks/extract_speed.py [n_articles] [--profile]

Parsing is done first (in-process, not timed); the feature cache is cleared
before each timed step so every figure is a cold extraction / cold merge.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_corpus  # noqa: E402

from factsheet.config import DEFAULT_MAX_FILE_BYTES  # noqa: E402
from factsheet.merge import features as feats  # noqa: E402
from factsheet.merge import merge  # noqa: E402
from factsheet.parse import parse_article  # noqa: E402


def _records(n: int) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        synth_corpus.generate(tmp, n, seed=0)
        out = []
        for p in sorted(Path(tmp).iterdir()):
            r = parse_article(p.name, p.read_bytes(), max_bytes=DEFAULT_MAX_FILE_BYTES).record
            if r is not None:
                out.append(r)
        return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    records = _records(n)
    n_sent = sum(len(r.sentences) for r in records)
    from factsheet.editorial import Editorial

    # wall-clock and CPU time: on a shared machine the CPU time is the steadier figure
    best = best_cpu = float("inf")
    for _ in range(3):
        feats.clear_caches()  # cold: no sentence, phrase or word seen before
        t0, c0 = time.perf_counter(), time.process_time()
        for r in records:
            feats.extract_record(r)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"articles={len(records)} sentences={n_sent}")
    print(f"extract_record: {best:.2f} s total, {1000 * best / n_sent:.3f} ms per sentence "
          f"(CPU {1000 * best_cpu / n_sent:.3f} ms; best of 3)")

    feats.FEATURES.__init__()
    feats.FEATURES.reserve(len(records))
    feats.clear_caches()
    t0, c0 = time.perf_counter(), time.process_time()
    merge(tuple(records), Editorial())
    t_full, c_full = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    merge(tuple(records), Editorial())
    t_warm, c_warm = time.perf_counter() - t0, time.process_time() - c0
    print(f"full merge (cold feature cache): {t_full:.2f} s (CPU {c_full:.2f} s); "
          f"re-merge with features cached: {t_warm:.2f} s (CPU {c_warm:.2f} s)")
    if "--profile" in argv:
        feats.clear_caches()
        prof = cProfile.Profile()
        prof.enable()
        for r in records:
            feats.extract_record(r)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
