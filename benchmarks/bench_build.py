"""Full-build benchmark on synthetic corpora: articles/s, stage times, peak memory, output size.

    python benchmarks/bench_build.py [--sizes 100,1000,10000] [--seed 0]

Each size runs in a fresh subprocess so that peak memory (max RSS of the build
process, and of the largest worker process) is measured per size. The build's
progress lines go to stderr as it runs, and each size's row is printed as soon
as it is done.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def run_one(n: int, seed: int) -> dict:
    """Generate n articles, build them once, return figures (runs in the child)."""
    from synth_corpus import generate

    from factsheet.commands.build import build_site
    from factsheet.config import load_config
    from factsheet.progress import Progress

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print(f"{n} articles: generating the corpus", file=sys.stderr, flush=True)
        generate(root / "content", n, seed=seed)
        config = load_config(content=root / "content", out=root / "site", cwd=root)
        started = time.perf_counter()
        result = build_site(config, progress=Progress(sys.stderr, "lines"))
        seconds = time.perf_counter() - started
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        files = [p for p in (root / "site").rglob("*") if p.is_file()]
        output_mb = sum(p.stat().st_size for p in files) / 1e6
        index_kb = (root / "site" / "index.html").stat().st_size / 1e3
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "articles": n,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 1),
        "stages": {name: round(s, 3) for name, s in result.timings},
        "claims": len(result.sheet.claims),
        "discrepancies": len(result.sheet.discrepancies),
        "pages": pages,
        "files": len(files),
        "output_mb": round(output_mb, 1),
        "index_kb": round(index_kb, 1),
        "ms_per_page": round(dict(result.timings).get("render", 0) * 1000 / max(pages, 1), 2),
        "peak_mb_main": round(own / 1024, 1),
        "peak_mb_worker": round(children / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.seed)))
        return
    header = (f"{'articles':>8} {'total s':>8} {'art/s':>8} {'parse s':>8} {'merge s':>8} {'render s':>9} "
              f"{'search s':>9} {'ms/page':>8} {'claims':>7} {'peak MB':>8} {'worker MB':>9} {'out MB':>7} "
              f"{'index KB':>9}")
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        # stderr is not captured: the build's progress shows as it runs.
        out = subprocess.run([sys.executable, __file__, "--child", str(n), "--seed", str(args.seed)],
                             stdout=subprocess.PIPE, text=True, check=False)
        if out.returncode != 0:
            print(f"{n:>8} failed (exit {out.returncode})", flush=True)
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        st = r["stages"]
        rows.append(f"{n:>8} {r['seconds']:>8.2f} {r['articles_per_s']:>8.1f} {st['parse']:>8.2f} {st['merge']:>8.2f} "
                    f"{st['render']:>9.2f} {st.get('search', 0):>9.2f} {r['ms_per_page']:>8.2f} {r['claims']:>7} "
                    f"{r['peak_mb_main']:>8.1f} {r['peak_mb_worker']:>9.1f} {r['output_mb']:>7.1f} {r['index_kb']:>9.1f}")
        print(header + "\n" + "\n".join(rows), flush=True)


if __name__ == "__main__":
    main()
