"""Per-record extraction speed (merge/extract.py's extract_record), and what the
record cache costs against it: reading an entry back vs parsing and extracting.

    python benchmarks/extract_speed.py [n_articles] [--profile]

Parsing is done first (in-process, not timed). Extraction is timed with a fresh
Lexicon (an empty per-word memo: as a new worker process starts) and again with
the memo warm; best of 3, process CPU time beside the wall time. Then each
record's cache entry is encoded, and decoding all of them is timed against
parse + extract.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_corpus  # noqa: E402

from factsheet.cache import ParsedFile, decode_entry, encode_entry  # noqa: E402
from factsheet.config import DEFAULT_MAX_FILE_BYTES  # noqa: E402
from factsheet.merge.extract import extract_record  # noqa: E402
from factsheet.merge.lexicon import Lexicon  # noqa: E402
from factsheet.parse import parse_article  # noqa: E402


def _files(n: int) -> list[tuple[str, bytes]]:
    with tempfile.TemporaryDirectory() as tmp:
        synth_corpus.generate(tmp, n, seed=0)
        return [(p.name, p.read_bytes()) for p in sorted(Path(tmp).iterdir())]


def _best(fn, repeat: int = 3) -> tuple[float, float]:
    best = best_cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best, best_cpu


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    n = int(args[0]) if args else 300
    files = _files(n)
    results = [parse_article(rel, data, max_bytes=DEFAULT_MAX_FILE_BYTES) for rel, data in files]
    records = [r.record for r in results if r.record is not None]
    n_sent = sum(len(r.sentences) for r in records)
    print(f"articles={len(records)} sentences={n_sent}")

    text = (Path(__file__).resolve().parents[1] / "factsheet/merge/data/concepts.txt").read_text(encoding="utf-8")
    t0 = time.process_time()
    fresh = Lexicon(text)
    print(f"Lexicon built in {1000 * (time.process_time() - t0):.0f} ms CPU (once per worker process)")
    wall, cpu = _best(lambda: [extract_record(r, fresh) for r in records], repeat=1)
    print(f"extract, cold memo: {1000 * cpu / len(records):.2f} ms CPU per record ({1000 * wall / len(records):.2f} wall)")
    lex = Lexicon.default()
    wall, cpu = _best(lambda: [extract_record(r, lex) for r in records])
    print(f"extract, warm memo: {1000 * cpu / len(records):.2f} ms CPU per record, "
          f"{1000 * cpu / n_sent:.3f} ms per sentence (best of 3)")
    wall, cpu = _best(lambda: [parse_article(rel, data, max_bytes=DEFAULT_MAX_FILE_BYTES) for rel, data in files])
    print(f"parse: {1000 * cpu / len(files):.2f} ms CPU per file (best of 3)")

    entries = []
    for i, (result, (rel, data)) in enumerate(zip(results, files)):
        facts = extract_record(result.record, lex) if result.record is not None else None
        key = f"{i:064x}"
        entries.append((key, encode_entry(key, ParsedFile(result, facts))))
    sizes = [len(blob) for _, blob in entries]
    print(f"cache entry: median {statistics.median(sizes) / 1024:.1f} KB, total {sum(sizes) / 1e6:.1f} MB")
    for label, pause_gc in (("gc on", False), ("gc paused", True)):
        def decode_all() -> None:
            if pause_gc:
                gc.disable()
            try:
                kept = [decode_entry(key, blob) for key, blob in entries]
                assert all(k is not None for k in kept)
            finally:
                gc.enable()
        wall, cpu = _best(decode_all)
        print(f"cache entry decode ({label}): {1000 * cpu / len(entries):.3f} ms CPU per file (best of 3)")
    if "--profile" in argv:
        prof = cProfile.Profile()
        prof.enable()
        for r in records:
            extract_record(r, lex)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
