"""Dev-server benchmark: save-to-reload latency in Chromium, and incremental vs
full rebuild time.

    python benchmarks/reload_latency.py [--edits 15] [--synth 1000] [--synth-edits 5] [--rebuild-edits 5]
                                        [--skip-browser]

1. Latency: `python build.py serve` runs on a copy of the seed corpus and on a
   synthetic corpus; Chromium has the edited article's page open; each round
   replaces one sentence the site cites with a new one carrying a fresh number,
   and the clock runs from just before the write until the reloaded page in
   Chromium shows that number. Prints p50/p95 and the rebuild's stages.
2. Rebuilds, in process, with the server's own Builder (one RecordCache, one
   render cache and one merge memo for its life): a full cold build (no record
   cache folder), a server's first build when the folder is warm (a restart),
   and rebuilds after editing one article, per stage and merge step, with the
   incremental merge and, in turn on the same edits, with the full merge.

The latency runs also start a full-merge server (benchmarks/serve_full_merge.py)
on a copy of each corpus and edit it in turn with the incremental one, so that
both see the same machine load.

Figures only; nothing is asserted. Every process started here is stopped.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NAVIGATION_TIMES_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {origin: performance.timeOrigin, dcl: nav.domContentLoadedEventEnd, paint: fcp ? fcp.startTime : null};
}"""


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def pick_cited_sentence(facts: dict, content: Path) -> tuple[Path, str, str]:
    """(file, a sentence the site quotes verbatim from it, the source id): editing
    it changes what the site shows (a claim, the index, the source page)."""
    sources = {s["id"]: s for s in facts["sources"]}
    for claim in facts["claims"]:
        for citation in claim["citations"]:
            source = sources[citation["source"]]
            path = content / source["path"]
            if len(citation["quote"]) > 40 and citation["quote"] in path.read_text(encoding="utf-8", errors="replace"):
                return path, citation["quote"], source["id"]
    raise SystemExit("no cited sentence found to edit")


def cited_sentence(base: str, content: Path) -> tuple[Path, str, str]:
    """(file, cited sentence, the served page showing it)."""
    path, quote, source_id = pick_cited_sentence(get_json(base + "/facts.json"), content)
    page = f"/sources/{source_id}.html"
    try:
        urllib.request.urlopen(base + page, timeout=10).close()
    except OSError:
        page = "/"
    return path, quote, page


class LatencyRun:
    """A dev server (`incremental` False: the full-merge baseline) on `content`, with
    Chromium showing the page of a cited sentence; each edit() replaces that sentence
    with one carrying a fresh number and times the save until the reloaded page shows it."""

    def __init__(self, content: Path, label: str, *, incremental: bool = True) -> None:
        self.content, self.label = content, label
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(content.parent / f"serve-{self.port}.log", "w")
        entry = REPO / ("build.py" if incremental else "benchmarks/serve_full_merge.py")
        self.server = subprocess.Popen([sys.executable, str(entry), "serve", "--content", str(content),
                                        "--port", str(self.port)], cwd=content.parent, stdout=self.log, stderr=self.log)
        self.latencies: list[float] = []  # save -> new document parsed in Chromium
        self.painted: list[float] = []  # save -> first contentful paint of the new document
        self.observed: list[float] = []  # save -> this script saw the text (adds Playwright's polling)
        self.rebuilds: list[float] = []
        self.event_to_site: list[float] = []  # first file event -> new folder served (debounce + build)
        self.stages: list[dict[str, float]] = []  # the rebuild's stages, from the server's status

    def open(self, browser) -> None:
        deadline = time.monotonic() + 600
        while True:
            try:
                if get_json(self.base + "/__factsheet/status")["serving"]:
                    break
            except OSError:
                pass
            if self.server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{self.label}: the server did not come up; see {self.log.name}")
            time.sleep(0.1)
        self.path, self.quote, self.page_path = cited_sentence(self.base, self.content)
        self.original = self.path.read_text(encoding="utf-8")
        self.page = browser.new_page()
        self.page.set_default_timeout(120_000)
        self.page.goto(self.base + self.page_path)

    def edit(self, token: str) -> None:
        text = self.original.replace(self.quote, f"The glass ferry terminal counted {token} visitors on its first weekend.", 1)
        started = time.perf_counter()
        started_epoch_ms = time.time() * 1000  # same clock as the page's performance.timeOrigin
        self.path.write_text(text, encoding="utf-8")
        try:
            self.page.wait_for_function(f"document.body && document.body.innerText.includes('{token}')", polling="raf")
        except Exception:  # playwright's TimeoutError: report why instead of a traceback
            status = get_json(self.base + "/__factsheet/status")
            raise SystemExit(f"{self.label}: the page never showed the edit; server status: "
                             f"{json.dumps(status)[:2000]}") from None
        self.observed.append(time.perf_counter() - started)
        # When the reloaded document had been parsed (the new text in the DOM) and first
        # painted, by the page's own clock.
        nav = self.page.evaluate(NAVIGATION_TIMES_JS)
        self.latencies.append((nav["origin"] + nav["dcl"] - started_epoch_ms) / 1000)
        if nav["paint"] is not None:
            self.painted.append((nav["origin"] + nav["paint"] - started_epoch_ms) / 1000)
        status = get_json(self.base + "/__factsheet/status")
        self.rebuilds.append(status["last_build_seconds"])
        self.event_to_site.append(status["last_event_to_site_seconds"] or 0.0)
        self.stages.append(status["last_timings"])
        time.sleep(0.2)  # let the page settle before the next save

    def figures(self) -> dict:
        stages = {name: statistics.median(s[name] for s in self.stages) for name in self.stages[0]}
        return {"label": self.label, "page": self.page_path, "edits": len(self.latencies),
                "p50_ms": percentile(self.latencies, 0.5) * 1000, "p95_ms": percentile(self.latencies, 0.95) * 1000,
                "paint_p50_ms": percentile(self.painted, 0.5) * 1000 if self.painted else float("nan"),
                "observed_p50_ms": percentile(self.observed, 0.5) * 1000,
                "rebuild_p50_ms": percentile(self.rebuilds, 0.5) * 1000,
                "event_to_site_p50_ms": percentile(self.event_to_site, 0.5) * 1000, "stages": stages}

    def close(self) -> None:
        if hasattr(self, "original"):
            self.path.write_text(self.original, encoding="utf-8")
        if self.server.poll() is None:
            self.server.send_signal(signal.SIGINT)
            try:
                self.server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait(timeout=5)
        self.log.close()


def measure_latency(content: Path, edits: int, label: str, *, baseline: Path | None = None) -> list[dict]:
    """Save->page figures of `edits` edits; with `baseline` (a copy of the corpus), a
    full-merge server on it is edited in turn with the incremental one (same machine load)."""
    from playwright.sync_api import sync_playwright

    runs = [LatencyRun(content, label)]
    if baseline is not None:
        runs.append(LatencyRun(baseline, label + " full merge", incremental=False))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for run in runs:
                run.open(browser)
            for i in range(edits):
                for run in runs:
                    run.edit(str(730001 + i * 7))
            browser.close()
        return [run.figures() for run in runs]
    finally:
        for run in runs:
            run.close()


def full_merge_options(builder) -> dict[str, object]:
    """The server's build options without its merge memo: every build merges the whole corpus."""
    return {k: v for k, v in builder.build_options().items() if k != "merge_memo"}


def measure_rebuilds(content: Path, edits: int) -> dict:
    """Full cold build, a restarted server's first build, and rebuilds after one edit with
    the server's Builder: the incremental merge and the full merge in turn, per stage."""
    from factsheet.commands.build import build_site
    from factsheet.config import load_config
    from factsheet.serve.builder import Builder
    from factsheet.serve.state import ServerState

    config = load_config(content=content, out=content.parent / "unused-site", cwd=content.parent)
    results: dict[str, object] = {}

    def one_build(builder: Builder, changed: tuple[str, ...] = ()) -> tuple[float, dict[str, float]]:
        with contextlib.redirect_stderr(io.StringIO()):  # the builder's log lines
            ok = builder.build(changed)
        if not ok:
            raise SystemExit(f"build failed: {builder.state.problems}")
        return builder.state.last_build_seconds or 0.0, dict(builder.state.last_timings)

    def direct_build(builder: Builder, options: dict, dest: Path) -> tuple[float, dict[str, float], dict[str, float]]:
        """What Builder.build does, with the merge's own steps kept: (seconds, stages, merge steps)."""
        started = time.perf_counter()
        result = build_site(config, out_dir=dest, **options)
        return time.perf_counter() - started, dict(result.timings), dict(result.merge_steps)

    with tempfile.TemporaryDirectory() as tmp:
        fulls = []
        for i in range(2):  # a fresh builder each time and no cache folder: nothing cached
            if config.cache_dir is not None:
                shutil.rmtree(config.cache_dir, ignore_errors=True)
            builder = Builder(config, ServerState(), Path(tmp) / f"full{i}")
            (Path(tmp) / f"full{i}").mkdir()
            fulls.append(one_build(builder))
        full_seconds, full_stages = min(fulls, key=lambda f: f[0])
        results["full"] = (full_seconds, full_stages)
        if config.cache_dir is not None:  # a restarted server: its first build reads the cache folder
            (Path(tmp) / "restart").mkdir()
            results["restart"] = one_build(Builder(config, ServerState(), Path(tmp) / "restart"))

        root = Path(tmp) / "incremental"
        root.mkdir()
        builder = Builder(config, ServerState(), root)
        baseline = Builder(config, ServerState(), Path(tmp) / "baseline")
        (Path(tmp) / "baseline").mkdir()
        one_build(builder)  # warm the caches as the server's first build does
        direct_build(baseline, full_merge_options(baseline), Path(tmp) / "baseline" / "warm")
        facts = json.loads((builder.state.site_dir / "facts.json").read_text(encoding="utf-8"))
        target, quote, _ = pick_cited_sentence(facts, content)
        original = target.read_text(encoding="utf-8")
        runs: dict[str, list] = {"incremental": [], "full merge": []}
        for i in range(edits):  # the same kind of edit as the latency runs: a cited sentence changes
            new = f"The glass ferry terminal counted {730001 + i * 7} visitors on its first weekend."
            target.write_text(original.replace(quote, new, 1), encoding="utf-8")
            runs["incremental"].append(direct_build(builder, builder.build_options(), root / f"edit-{i}"))
            runs["full merge"].append(direct_build(baseline, full_merge_options(baseline),
                                                   Path(tmp) / "baseline" / f"edit-{i}"))
        results["edits"] = {name: median_figures(r) for name, r in runs.items()}
        results["merge_mode"] = builder.merge_memo.last
        # One more edit, with the render stage split in two: what build_site does,
        # step by step, with the same caches.
        target.write_text(original.replace(quote, "The glass ferry terminal counted 1234567 visitors.", 1), encoding="utf-8")
        results["render_split"] = split_render(config, builder, Path(tmp) / "split")
        target.write_text(original, encoding="utf-8")
        results["render_cache"] = builder.render_cache is not None
    return results


def median_figures(runs: list[tuple[float, dict[str, float], dict[str, float]]]) -> tuple:
    """(median seconds, median of each stage, median of each merge step) over the runs."""
    return (statistics.median(r[0] for r in runs),
            {k: statistics.median(r[1][k] for r in runs) for k in runs[0][1]},
            {k: statistics.median(r[2].get(k, 0.0) for r in runs) for k in runs[0][2]})


def split_render(config, builder, dest: Path) -> dict[str, float]:
    from factsheet.corpus import load_corpus
    from factsheet.merge import merge
    from factsheet.render.data import write_data_files
    from factsheet.render.html import write_html_pages

    dest.mkdir()
    times: dict[str, float] = {}
    started = time.perf_counter()
    corpus = load_corpus(config, cache=builder.cache)
    times["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    sheet = merge(corpus.records, corpus.editorial, corpus.facts, memo=builder.merge_memo).sheet
    times["merge"] = time.perf_counter() - started
    started = time.perf_counter()
    builder.render_cache.begin()  # what render_site does around the two steps
    write_data_files(sheet, dest, cache=builder.render_cache)
    times["render:json files"] = time.perf_counter() - started
    started = time.perf_counter()
    write_html_pages(sheet, config, dest, cache=builder.render_cache)
    builder.render_cache.finish()
    times["render:html pages"] = time.perf_counter() - started
    times["(pages rendered/reused)"] = (builder.render_cache.last_rendered, builder.render_cache.last_reused)
    return times


def fmt_stages(stages: dict[str, float]) -> str:
    return ", ".join(f"{name} {seconds * 1000:.0f}" for name, seconds in stages.items()) + " ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=15, help="saves per latency run")
    parser.add_argument("--synth", type=int, default=1000, help="synthetic corpus size")
    parser.add_argument("--synth-edits", type=int, default=5, help="saves per latency run on the synthetic corpus")
    parser.add_argument("--rebuild-edits", type=int, default=5, help="in-process rebuilds after an edit, per merge")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    from synth_corpus import generate

    with tempfile.TemporaryDirectory(prefix="reload-bench-") as tmp:
        seeds = Path(tmp) / "seeds" / "content"
        shutil.copytree(REPO / "content", seeds)
        synth = Path(tmp) / "synth" / "content"
        generate(synth, args.synth, seed=args.seed)

        corpora = [("seeds (5)", seeds), (f"synthetic ({args.synth})", synth)]
        rebuild_figures = {label: measure_rebuilds(content, args.rebuild_edits) for label, content in corpora}
        print("Rebuild after one edit, in process, the incremental merge and the full merge in turn (medians):")
        print(f"{'corpus':<18} {'full build':>11} {'incremental':>12} {'full merge':>11} {'ratio':>6}   stages")
        for label, figures in rebuild_figures.items():
            full, _ = figures["full"]
            inc, full_merge = figures["edits"]["incremental"], figures["edits"]["full merge"]
            print(f"{label:<18} {full * 1000:>8.0f} ms {inc[0] * 1000:>9.0f} ms {full_merge[0] * 1000:>8.0f} ms "
                  f"{full_merge[0] / inc[0]:>5.1f}x   incremental: {fmt_stages(inc[1])}; full merge: {fmt_stages(full_merge[1])}",
                  flush=True)
        for label, figures in rebuild_figures.items():
            for name, run in figures["edits"].items():
                print(f"{label:<18} merge steps, {name}: {fmt_stages(run[2])}")
            print(f"{label:<18} last merge: {figures['merge_mode']}")
        for label, figures in rebuild_figures.items():
            if "restart" in figures:
                seconds, stages = figures["restart"]
                print(f"{label:<18} first build of a restarted server (record cache folder warm): "
                      f"{seconds * 1000:.0f} ms ({fmt_stages(stages)})", flush=True)
        for label, figures in rebuild_figures.items():
            split = figures["render_split"]
            pages = split.pop("(pages rendered/reused)")
            print(f"{label:<18} one edit, stage by stage: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in split.items())
                  + f"; html pages rendered {pages[0]}, reused {pages[1]}")
        if args.skip_browser:
            return
        print()
        print("save->page: from the write to the reloaded page parsed in Chromium (its own clock); paint: to its")
        print("first contentful paint; seen: when this script's polling noticed it. event->site: first file event")
        print("to new folder served (debounce + rebuild). The full-merge server is edited in turn with the")
        print("incremental one, on a copy of the corpus.")
        print(f"{'server':<30} {'save->page p50':>15} {'p95':>9} {'paint p50':>10} {'seen p50':>9} {'event->site p50':>16} "
              f"{'rebuild p50':>12}  stages (medians), page")
        for (label, content), edits in zip(corpora, (args.edits, args.synth_edits)):
            baseline = content.parent.parent / (content.parent.name + "-full-merge") / "content"
            shutil.copytree(content, baseline)
            for r in measure_latency(content, edits, label, baseline=baseline):
                print(f"{r['label']:<30} {r['p50_ms']:>12.0f} ms {r['p95_ms']:>6.0f} ms {r['paint_p50_ms']:>7.0f} ms "
                      f"{r['observed_p50_ms']:>6.0f} ms {r['event_to_site_p50_ms']:>13.0f} ms "
                      f"{r['rebuild_p50_ms']:>9.0f} ms  {fmt_stages(r['stages'])}, {r['page']} ({r['edits']} saves)",
                      flush=True)


if __name__ == "__main__":
    main()
