"""Render a big synthetic sheet and report what render adds: memory, time, output.

    python benchmarks/render_big.py [--articles 10000] [--sheet FILE] [--out DIR] [--no-search]

The merge of 10,000 articles takes minutes, so the merged Sheet can be kept in a
pickle (``--sheet FILE``: read when it exists, written after the merge when it
does not) and render timed on its own. Memory is the process's resident size,
sampled every 20 ms while render (pages, data files and the search index) runs,
minus its size just before. Prints as it goes.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class PeakSampler:
    def __init__(self, interval: float = 0.02) -> None:
        self.peak = rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.peak = max(self.peak, rss_mb())

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())


def load_sheet(n: int, pickle_path: Path | None, work: Path):  # type: ignore[no-untyped-def]
    if pickle_path and pickle_path.is_file():
        print(f"loading the merged sheet from {pickle_path}", flush=True)
        with pickle_path.open("rb") as fh:
            return pickle.load(fh)
    from synth_corpus import generate

    from factsheet.config import load_config
    from factsheet.corpus import load_corpus
    from factsheet.merge import merge
    from factsheet.progress import Progress

    generate(work / "content", n, seed=0)
    config = load_config(content=work / "content", out=work / "unused", cwd=work)
    progress = Progress.for_stream(sys.stderr)
    with progress.stage("parse", unit="files") as stage:
        corpus = load_corpus(config, progress=stage.update)
    with progress.stage("merge", note=f"{len(corpus.records):,} records"):
        sheet = merge(corpus.records, corpus.editorial).sheet
    if pickle_path:
        with pickle_path.open("wb") as fh:
            pickle.dump(sheet, fh, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"kept the merged sheet in {pickle_path}", flush=True)
    return sheet


def du(path: Path) -> tuple[int, int]:
    total = files = 0
    for root, _, names in os.walk(path):
        for name in names:
            total += os.lstat(os.path.join(root, name)).st_size
            files += 1
    return total, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sheet", type=Path, help="pickle of the merged sheet (read if present, else written)")
    parser.add_argument("--out", type=Path, help="render here (kept) instead of a temporary folder")
    parser.add_argument("--no-search", action="store_true", help="skip the search index")
    args = parser.parse_args()

    from factsheet.config import Config
    from factsheet.progress import Progress
    from factsheet.render import render_site

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sheet = load_sheet(args.articles, args.sheet, work)
        print(f"{len(sheet.sources):,} sources, {len(sheet.claims):,} claims, {len(sheet.figures):,} figures", flush=True)
        out = args.out or work / "site"
        out.mkdir(parents=True, exist_ok=False)
        (work / "content").mkdir(exist_ok=True)
        config = Config(content_dir=work / "content", out_dir=out)
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        with PeakSampler() as sampler:
            result = render_site(sheet, config, out, progress=Progress.for_stream(sys.stderr),
                                 search=not args.no_search)
        seconds = time.perf_counter() - started
        size, files = du(out)
        timings = ", ".join(f"{name} {t:.1f} s" for name, t in result.timings)
        print(f"render: {seconds:.1f} s ({timings}), {result.pages:,} pages")
        print(f"memory: {before:.0f} MB before render, peak {sampler.peak:.0f} MB during it: "
              f"render adds {sampler.peak - before:.0f} MB")
        print(f"output: {size / 1e6:.1f} MB in {files:,} files; index.html {(out / 'index.html').stat().st_size / 1e3:.0f} KB, "
              f"facts.json {(out / 'facts.json').stat().st_size / 1e6:.1f} MB"
              + (f", search/ {du(out / 'search')[0] / 1e6:.1f} MB" if (out / "search").is_dir() else ""),
              flush=True)


if __name__ == "__main__":
    main()
