"""The site's search index (factsheet/render/search.py) against Pagefind, on one site.

    python benchmarks/search_index.py [--articles 1000] [--sheet FILE]

Renders a synthetic sheet without search, then builds the search index twice over
the same claims and source sentences: ours (time, memory added to the process,
files, bytes) and, when the ``pagefind-bin`` package is installed
(``pip install pagefind-bin``; not a dependency of factsheet), Pagefind over the
claim and source pages (time, the indexer's peak memory, files, bytes). Prints
as it goes.
"""

from __future__ import annotations

import argparse
import gc
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

from render_big import PeakSampler, du, load_sheet, rss_mb  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sheet", type=Path, help="pickle of the merged sheet (read if present, else written)")
    args = parser.parse_args()

    from factsheet.config import Config
    from factsheet.render import render_site
    from factsheet.render.names import source_name
    from factsheet.render.plan import plan_site
    from factsheet.render.limits import DEFAULT_LIMITS
    from factsheet.render.search import search_documents, write_search_index

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sheet = load_sheet(args.articles, args.sheet, work)
        site = work / "site"
        site.mkdir()
        (work / "content").mkdir(exist_ok=True)
        render_site(sheet, Config(content_dir=work / "content", out_dir=site), site, search=False)
        print(f"{len(sheet.claims):,} claims, {sum(len(r.sentences) for r in sheet.records):,} sentences, "
              f"{len(sheet.records):,} source pages", flush=True)

        plan = plan_site(sheet, DEFAULT_LIMITS)
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        with PeakSampler() as sampler:
            pages = ((p.path, g.title, p.claims) for g in plan.groups for p in g.pages)
            records = sorted(sheet.records, key=lambda r: r.id)
            docs = write_search_index(site, search_documents(pages, records, lambda r: source_name(r, r.id)))
        size, files = du(site / "search")
        print(f"factsheet's index: {time.perf_counter() - started:.1f} s, {docs:,} documents, "
              f"adds {sampler.peak - before:.0f} MB to the process, {files:,} files, {size / 1e6:.1f} MB", flush=True)

        try:
            from pagefind_bin import get_executable
        except ImportError:
            print("Pagefind: not installed (pip install pagefind-bin to compare)")
            return
        shutil.rmtree(site / "search")
        command = [str(get_executable()), "--site", str(site), "--glob", "{claims,sources}/*.html",
                   "--root-selector", "main", "--exclude-selectors", "#notes", "--exclude-selectors", ".cites",
                   "--force-language", "en", "--silent"]
        started = time.perf_counter()
        subprocess.run(command, check=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size, files = du(site / "pagefind")
        print(f"Pagefind: {time.perf_counter() - started:.1f} s, indexer peak {peak:.0f} MB, {files:,} files, "
              f"{size / 1e6:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
