"""`factsheet build`: content folder -> site folder, all or nothing."""

from __future__ import annotations

import sys
import time
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..corpus import Corpus, ReadStats, RecordCache, load_corpus
from ..errors import BuildError
from ..merge import merge
from ..merge.incremental import MergeMemo
from ..models import Diagnostic, Sheet
from ..output import staged_output
from ..progress import Progress
from ..render import RenderCache, render_site


@dataclass(frozen=True)
class BuildResult:
    sheet: Sheet
    diagnostics: tuple[Diagnostic, ...]
    out_dir: Path
    # Seconds per stage ("parse", "merge", "render", "search"), for benchmarks and
    # the dev server's log. Never written into the site (output stays deterministic).
    timings: tuple[tuple[str, float], ...] = ()
    pages: int = 0  # HTML pages written
    read: ReadStats = ReadStats()  # how many files came from the record cache, CPU per step
    merge_steps: tuple[tuple[str, float], ...] = ()  # seconds per merge step (MergeResult.timings)


def _fail_if_strict(config: Config, diagnostics: tuple[Diagnostic, ...]) -> None:
    if config.strict and diagnostics:
        errors = sum(d.level == "error" for d in diagnostics)
        warnings = len(diagnostics) - errors
        raise BuildError(
            f"build aborted in strict mode: {errors} error(s), {warnings} warning(s); "
            "the previous site was left untouched",
            diagnostics,
        )


def build_site(
    config: Config,
    *,
    out_dir: Path | None = None,
    cache: RecordCache | None = None,
    executor: Executor | None = None,
    render_cache: RenderCache | None = None,
    merge_memo: MergeMemo | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Read every article, merge, render into a staging folder and swap it in.
    ``cache``: the record cache (the commands pass ``RecordCache.for_config``;
    without one, every article is parsed and nothing is written to disk).

    Raises BuildError (with every diagnostic) when nothing can be built, when a
    template fails, or in strict mode when anything was reported. The output
    folder is then left exactly as it was. ``progress`` reports each stage
    (nothing by default). ``merge_memo``: the dev server's state of its previous
    merge, so that an edit re-groups only what it touches (the commands pass none).
    """
    progress = progress or Progress.quiet()
    out_dir = out_dir or config.out_dir
    started = time.perf_counter()
    with progress.stage("parse", unit="files") as stage:
        corpus: Corpus = load_corpus(config, cache=cache, executor=executor, progress=stage.update)
    parsed = time.perf_counter()
    _fail_if_strict(config, corpus.diagnostics)
    if not corpus.records:
        raise BuildError(
            f"no article could be read from {config.content_dir}; the previous site was left untouched",
            corpus.diagnostics,
        )
    records = len(corpus.records)
    with progress.stage("merge", note=f"{records:,} record{'' if records == 1 else 's'}"):
        merged = merge(corpus.records, corpus.editorial, corpus.facts, memo=merge_memo)
    diagnostics = corpus.diagnostics + merged.diagnostics
    _fail_if_strict(config, diagnostics)
    merged_at = time.perf_counter()
    with staged_output(out_dir, force=config.force) as staging:
        # The dev server keeps one render cache across builds.
        rendered = render_site(merged.sheet, config, staging, cache=render_cache, progress=progress)
    timings = (("parse", parsed - started), ("merge", merged_at - parsed)) + rendered.timings
    return BuildResult(sheet=merged.sheet, diagnostics=diagnostics, out_dir=out_dir, timings=timings,
                       pages=rendered.pages, read=corpus.stats, merge_steps=merged.timings.steps)


def report(diagnostics: tuple[Diagnostic, ...]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)


def build_command(config: Config, *, quiet: bool = False) -> int:
    progress = Progress.for_stream(sys.stderr, quiet=quiet)
    started = time.perf_counter()
    cache = RecordCache.for_config(config)
    try:
        result = build_site(config, cache=cache, progress=progress)
    finally:
        report(cache.notes)  # never a reason to fail: the cache only saves time
    report(result.diagnostics)
    sheet = result.sheet
    skipped = sum(d.level == "error" for d in result.diagnostics)
    if not quiet:
        print(
            f"built {result.out_dir}: {len(sheet.sources)} sources, {len(sheet.claims)} claims, "
            f"{len(sheet.discrepancies)} discrepancies, {result.pages} pages in {time.perf_counter() - started:.1f} s"
            + (f" ({result.read.from_cache:,} of {result.read.files:,} articles from the cache)"
               if cache.folder is not None and result.read.from_cache else "")
            + (f"; {skipped} file(s) skipped because of errors (use --strict to fail)" if skipped else "")
        )
    return 0
