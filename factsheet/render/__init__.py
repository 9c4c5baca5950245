"""Render stage: a Sheet -> the files of the site, written into ``dest``.

Works on the sheet only; templates receive plain data (dicts and lists).
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..models import Sheet
from .data import write_data_files
from .html import write_html_pages


def render_site(sheet: Sheet, config: Config, dest: Path) -> None:
    write_data_files(sheet, dest)
    write_html_pages(sheet, config, dest)
