"""Render stage: a Sheet -> the files of the site, written into ``dest``.

Works on the sheet only; templates receive plain data (dicts and lists).
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..models import Sheet
from .cache import RenderCache
from .data import write_data_files
from .html import write_html_pages

__all__ = ["RenderCache", "render_site"]


def render_site(sheet: Sheet, config: Config, dest: Path, cache: RenderCache | None = None) -> None:
    """``cache``: a RenderCache kept across builds (dev server) to skip
    re-rendering pages whose template and context did not change."""
    if cache is not None:
        cache.begin()
    write_data_files(sheet, dest, cache=cache)
    write_html_pages(sheet, config, dest, cache=cache)
    if cache is not None:
        cache.finish()
