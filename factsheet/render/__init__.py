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
from .plan import plan_site
from .search import BUNDLE_DIR, build_search_index, copy_bundle, pages_digest

__all__ = ["DEFAULT_LIMITS", "Limits", "RenderCache", "RenderResult", "render_site"]


@dataclass(frozen=True)
class RenderResult:
    pages: int  # HTML pages written
    searched: int  # pages in the search index (0 without one)
    # Seconds per step ("render", "search"), for benchmarks and logs; never in the site.
    timings: tuple[tuple[str, float], ...] = ()


def render_site(sheet: Sheet, config: Config, dest: Path, cache: RenderCache | None = None, *,
                limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None,
                search: bool = True) -> RenderResult:
    """``cache``: a RenderCache kept across builds (dev server) to skip
    re-rendering pages whose inputs did not change (and re-indexing them for
    search). ``search``: also build the search index (``pagefind/``)."""
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
            indexed = write_html_pages(sheet, config, dest, cache=cache, facts_digest=digest, limits=limits,
                                       progress=stage.advance, plan=plan)
            pages = stage.done
        rendered = time.perf_counter()
        if search:
            with progress.stage("search", total=None, unit="pages", note=f"indexing {len(indexed):,} page{'' if len(indexed) == 1 else 's'}"):
                _search_index(dest, indexed, cache)
        if cache is not None:
            cache.finish()
    finally:
        if was_enabled:
            gc.enable()
    timings = (("render", rendered - started),) + ((("search", time.perf_counter() - rendered),) if search else ())
    return RenderResult(pages=pages, searched=len(indexed) if search else 0, timings=timings)


def _search_index(dest: Path, indexed: list[str], cache: RenderCache | None) -> None:
    if cache is None:
        build_search_index(dest)
        return
    key = pages_digest(dest, indexed)
    kept = cache.search_bundle(key)
    if kept is not None:
        copy_bundle(kept, dest)
        return
    build_search_index(dest)
    cache.keep_search_bundle(key, dest / BUNDLE_DIR)
