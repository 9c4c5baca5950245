"""DOMContentLoaded of each kind of page of a big sheet, in Debian's Chromium.

    python benchmarks/page_load.py [--articles 1000] [--site DIR] [--runs 5] [--compare DIR]

Builds a synthetic sheet (or takes a built ``--site``), serves it under /repo/
as GitHub Pages serves a project site, and loads, in turn and ``--runs`` times,
the index, the biggest claim page, the biggest list page and a source page of
median size (``--compare DIR``: also the index of another build of the same
corpus, e.g. an older version's). Prints the median and the worst time to
DOMContentLoaded and to load, by the page's own navigation timing, as it goes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TIMING = """() => { const n = performance.getEntriesByType('navigation')[0];
  return [n.domContentLoadedEventEnd, n.loadEventEnd, n.transferSize || n.encodedBodySize]; }"""


def build(articles: int, work: Path) -> Path:
    from synth_corpus import generate

    from factsheet.commands.build import build_site
    from factsheet.config import load_config
    from factsheet.progress import Progress

    generate(work / "content", articles, seed=0)
    config = load_config(content=work / "content", out=work / "site", cwd=work)
    build_site(config, progress=Progress.for_stream(sys.stderr))
    return work / "site"


def pick_pages(site: Path) -> list[tuple[str, str]]:
    def biggest(folder: str) -> str | None:
        pages = sorted((site / folder).glob("*.html"), key=lambda p: (-p.stat().st_size, p.name))
        return f"{folder}/{pages[0].name}" if pages else None

    sources = sorted((site / "sources").glob("*.html"), key=lambda p: (p.stat().st_size, p.name))
    picked = [("index", "index.html"), ("claim page (biggest)", biggest("claims")),
              ("list page (biggest)", biggest("lists")),
              ("source page (median)", f"sources/{sources[len(sources) // 2].name}" if sources else None)]
    return [(label, path) for label, path in picked if path]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--site", type=Path, help="a built site (default: build a synthetic one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another built site whose index is timed too")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright
    from sitecrawl import serve_directory

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(args.articles, Path(tmp))
        targets = [(label, site, path) for label, path in pick_pages(site)]
        if args.compare:
            targets.append(("index (compared build)", args.compare, "index.html"))
        servers = {}
        times: dict[str, list[tuple[float, float]]] = {label: [] for label, _, _ in targets}
        sizes: dict[str, int] = {}
        from contextlib import ExitStack

        with ExitStack() as stack, sync_playwright() as pw:
            for _, root, _ in targets:
                if root not in servers:
                    servers[root] = stack.enter_context(serve_directory(root, "/repo/"))
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print(f"{'page':<24} {'KB':>7} {'DCL median ms':>14} {'DCL worst':>10} {'load median':>12}", flush=True)
            for run in range(args.runs):  # interleaved: every page once per run
                for label, root, path in targets:
                    context = browser.new_context()  # a cold cache each time
                    page = context.new_page()
                    page.goto(servers[root] + path, wait_until="load", timeout=300_000)
                    dcl, load, _ = page.evaluate(TIMING)
                    context.close()
                    times[label].append((dcl, load))
                    sizes[label] = (root / path).stat().st_size
            browser.close()
            for label, _, path in targets:
                dcls = [d for d, _ in times[label]]
                loads = [lo for _, lo in times[label]]
                print(f"{label:<24} {sizes[label] / 1024:>7.0f} {statistics.median(dcls):>14.0f} {max(dcls):>10.0f} "
                      f"{statistics.median(loads):>12.0f}   {path}", flush=True)


if __name__ == "__main__":
    main()
