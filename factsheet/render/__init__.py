"""Render stage: a Sheet -> the files of the site, written into ``dest``.

Works on the sheet only; templates receive plain data (dicts and lists). Pages
are rendered and written one at a time, and facts.json is streamed, so render
holds no more than one page (plus the sheet it was given) at a time.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..models import Sheet
from ..progress import Progress
from .cache import RenderCache
from .data import write_data_files
from .html import page_count, write_html_pages
from .limits import DEFAULT_LIMITS, Limits
from .names import source_name
from .plan import plan_site
from .search import search_documents, write_search_index

__all__ = ["DEFAULT_LIMITS", "Limits", "RenderCache", "RenderResult", "render_site"]


@dataclass(frozen=True)
class RenderResult:
    pages: int  # HTML pages written
    searched: int  # documents (claims and sentences) in the search index, 0 without one
    # Seconds per step ("render", "search"), for benchmarks and logs; never in the site.
    timings: tuple[tuple[str, float], ...] = ()


def render_site(sheet: Sheet, config: Config, dest: Path, cache: RenderCache | None = None, *,
                limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None,
                search: bool = True) -> RenderResult:
    """``cache``: a RenderCache kept across builds (dev server) to skip
    re-rendering pages whose inputs did not change. ``search``: also write the
    search index (``search/``)."""
    progress = progress or Progress.quiet()
    # Rendering allocates many small dicts and strings and frees them by reference
    # counting; cyclic GC passes over a big sheet only cost time, so pause them.
    was_enabled = gc.isenabled()
    gc.disable()
    started = time.perf_counter()
    try:
        if cache is not None:
            cache.begin()
        plan = plan_site(sheet, limits)
        with progress.stage("render", total=page_count(sheet, config, plan), unit="pages") as stage:
            digest = write_data_files(sheet, dest, cache=cache)
            write_html_pages(sheet, config, dest, cache=cache, facts_digest=digest, limits=limits,
                             progress=stage.advance, plan=plan)
            pages = stage.done
        rendered = time.perf_counter()
        searched = 0
        if search:
            sentences = sum(len(r.sentences) for r in sheet.records)
            with progress.stage("search", note=f"indexing {len(sheet.claims):,} claims and {sentences:,} sentences"):
                claim_pages = ((p.path, f"{g.title} claims", p.claims) for g in plan.groups for p in g.pages)
                records = sorted(sheet.records, key=lambda r: r.id)
                searched = write_search_index(dest, search_documents(claim_pages, records,
                                                                     lambda r: source_name(r, r.id)), cache)
        if cache is not None:
            cache.finish()
    finally:
        if was_enabled:
            gc.enable()
    timings = (("render", rendered - started),) + ((("search", time.perf_counter() - rendered),) if search else ())
    return RenderResult(pages=pages, searched=searched, timings=timings)
