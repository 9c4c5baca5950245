"""Parse-stage speed: ms per article, serial and across worker processes.

    python benchmarks/parse_speed.py [N] [--workers W]

Parses N synthetic articles (benchmarks/synth_corpus.py, about 4 KB each)
plus the seed articles, and prints figures. Also reports how many sentences
of known junk survived cleaning in the synthetic corpus (should be 0).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from factsheet.parse import parse_article  # noqa: E402
from synth_corpus import generate  # noqa: E402

JUNK = ("You May Also Like", "Also Read", "Related Stories", "Share this article", "Disclaimer",
        "Leave a Reply", "Your email address", "/images/", "informational purposes")


def _parse(job: tuple[str, bytes]) -> tuple[int, int]:
    name, data = job
    record = parse_article(name, data, max_bytes=10**7).record
    if record is None:
        return 0, 0
    junk = sum(any(j in s.text for j in JUNK) for s in record.sentences)
    return len(record.sentences), junk


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(tmp, args.n, seed=7)
        jobs = [(p.name, p.read_bytes()) for p in paths]
    jobs += [(p.name, p.read_bytes()) for p in sorted((REPO / "content").glob("*.txt"))]
    kb = statistics.mean(len(d) for _, d in jobs) / 1024

    start, cpu_start = time.perf_counter(), time.process_time()
    results = [_parse(job) for job in jobs]
    serial, cpu = time.perf_counter() - start, time.process_time() - cpu_start

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        list(pool.map(_parse, jobs, chunksize=max(1, len(jobs) // (args.workers * 8))))
    parallel = time.perf_counter() - start

    sentences = sum(r[0] for r in results)
    junk = sum(r[1] for r in results)
    print(f"articles: {len(jobs)} (mean {kb:.1f} KB), sentences kept: {sentences}, junk sentences kept: {junk}")
    print(f"serial:   {serial:.2f} s wall, {serial / len(jobs) * 1000:.2f} ms/article wall, "
          f"{cpu / len(jobs) * 1000:.2f} ms/article CPU (CPU time is the figure to trust on a busy machine)")
    print(f"parallel: {parallel:.2f} s total with {args.workers} workers (incl. pool start-up)")


if __name__ == "__main__":
    main()
