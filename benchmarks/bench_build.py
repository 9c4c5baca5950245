"""Full-build benchmark on synthetic corpora, cold and warm: articles/s, ms per
stage (parse, extract, each merge step, render, search), peak memory, output size.

    python benchmarks/bench_build.py [--sizes 1000,10000] [--modes cold,warm] [--seed 0]

For each size the corpus is generated once (benchmarks/synth_corpus.py), then
built once per mode, each build in a fresh subprocess (so peak memory, the max
RSS of the build process and of its largest worker, is per build):

- cold: the record cache folder is emptied first; every article is parsed and
  extracted (in the parse workers) and its entry written;
- warm: the same build again, reading every article from the cache folder;
- uncached: `--no-cache`, as a build without the cache works.

"parse" is the wall time of the read stage (parse + extract in the workers, or
the cache reads); "cpu parse" and "cpu extract" are the workers' CPU seconds
for each step, summed over workers. The build's progress lines go to stderr as
it runs, and each build's figures are printed as soon as it is done.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6 if folder.is_dir() else 0.0


def run_one(root: Path, mode: str) -> dict:
    """Build root/content once (runs in the child) and return the figures."""
    from factsheet.commands.build import build_site
    from factsheet.config import load_config
    from factsheet.corpus import RecordCache
    from factsheet.progress import Progress

    config = load_config(content=root / "content", out=root / f"site-{mode}", cwd=root, no_cache=mode == "uncached")
    cache = RecordCache.for_config(config)
    started = time.perf_counter()
    result = build_site(config, cache=cache, progress=Progress(sys.stderr, "lines"))
    seconds = time.perf_counter() - started
    out = root / f"site-{mode}"
    pages = sum(1 for _ in out.rglob("*.html"))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    read = result.read
    return {
        "mode": mode,
        "articles": read.files,
        "seconds": round(seconds, 3),
        "articles_per_s": round(read.files / seconds, 1),
        "stages": dict(result.timings),
        "merge_steps": dict(result.merge_steps),
        "from_cache": read.from_cache,
        "parsed": read.parsed,
        "cpu_parse": read.parse_seconds,
        "cpu_extract": read.extract_seconds,
        "cache_reads": cache.disk_hits,
        "cache_writes": cache.written,
        "claims": len(result.sheet.claims),
        "corroborated": sum(1 for c in result.sheet.claims if c.support >= 2),
        "discrepancies": len(result.sheet.discrepancies),
        "pages": pages,
        "output_mb": round(folder_mb(out), 1),
        "cache_mb": round(folder_mb(config.cache_dir), 1) if config.cache_dir else 0.0,
        "peak_mb_main": round(own / 1024, 1),
        "peak_mb_worker": round(children / 1024, 1),
    }


def describe(r: dict) -> str:
    st, steps, n = r["stages"], r["merge_steps"], r["articles"]

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:,.0f}"

    per = f"{1000 * r['cpu_parse'] / max(r['parsed'], 1):.2f} / {1000 * r['cpu_extract'] / max(r['parsed'], 1):.2f}"
    lines = [
        f"{n:,} articles, {r['mode']}: {r['seconds']:.2f} s, {r['articles_per_s']:.1f} articles/s; "
        f"peak RSS {r['peak_mb_main']:.0f} MB (build) / {r['peak_mb_worker']:.0f} MB (largest worker); "
        f"{r['from_cache']:,} from the cache, {r['parsed']:,} parsed; cache {r['cache_mb']:.1f} MB, output {r['output_mb']:.1f} MB; "
        f"{r['claims']:,} claims, {r['corroborated']:,} stated by 2+ sources, {r['discrepancies']:,} discrepancies",
        f"  stages ms: parse {ms(st['parse'])} (worker CPU: parse {ms(r['cpu_parse'])}, extract {ms(r['cpu_extract'])}; "
        f"per parsed file {per} ms), merge {ms(st['merge'])}, render {ms(st.get('render', 0))}, search {ms(st.get('search', 0))}",
        "  merge steps ms: " + ", ".join(f"{name} {ms(s)}" for name, s in steps.items()),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--modes", default="cold,warm", help="cold, warm and/or uncached, in this order")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", metavar="FILE", help="also append each build's figures to FILE (JSON lines)")
    parser.add_argument("--child", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(Path(args.child), args.mode)))
        return
    from synth_corpus import generate

    modes = [m for m in args.modes.split(",") if m]
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            root = Path(tmp)
            print(f"{n:,} articles: generating the corpus", file=sys.stderr, flush=True)
            generate(root / "content", n, seed=args.seed)
            for mode in modes:
                if mode == "cold":
                    shutil.rmtree(root / ".factsheet-cache", ignore_errors=True)
                # stderr is not captured: the build's progress shows as it runs.
                out = subprocess.run([sys.executable, __file__, "--child", str(root), "--mode", mode],
                                     stdout=subprocess.PIPE, text=True, check=False)
                if out.returncode != 0:
                    print(f"{n:>8} {mode}: failed (exit {out.returncode})", flush=True)
                    continue
                figures = json.loads(out.stdout.strip().splitlines()[-1])
                print(describe(figures), flush=True)
                if args.json:
                    with open(args.json, "a", encoding="utf-8") as fh:
                        fh.write(json.dumps(figures) + "\n")
                shutil.rmtree(root / f"site-{mode}", ignore_errors=True)


if __name__ == "__main__":
    main()
