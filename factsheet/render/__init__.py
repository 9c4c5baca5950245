"""Render stage: a Sheet -> the files of the site, written into ``dest``.

Works on the sheet only; templates receive plain data (dicts and lists).
"""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

from ..config import Config
from ..models import Sheet
from .cache import RenderCache
from .data import write_data_files
from .html import write_html_pages

__all__ = ["RenderCache", "render_site"]


def render_site(sheet: Sheet, config: Config, dest: Path, cache: RenderCache | None = None) -> None:
    """``cache``: a RenderCache kept across builds (dev server) to skip
    re-rendering pages whose inputs did not change."""
    # Rendering allocates hundreds of thousands of small dicts and strings and
    # frees them by reference counting; cyclic GC passes over a big sheet only
    # cost time (about a third of building the index's view), so pause them.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if cache is not None:
            cache.begin()
        facts = write_data_files(sheet, dest, cache=cache)
        write_html_pages(sheet, config, dest, cache=cache, facts_digest=hashlib.sha256(facts).digest())
        if cache is not None:
            cache.finish()
    finally:
        if was_enabled:
            gc.enable()
