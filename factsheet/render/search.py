"""The site's full-text search: a Pagefind index of every claim page and every
source page, written into ``pagefind/`` of the output folder.

Pagefind (the ``pagefind-bin`` package ships its binary) indexes the built HTML:
the parts marked ``data-pagefind-body`` (the claims of a claim page, the text of
a source page), without citation markers. The browser loads only the index
chunks a query needs, so a 10,000-article sheet searches as fast as a small
one. site.js turns a hit into a link to the claim or the sentence itself: each
hit comes with the positions of the matched words and of every element with an
id, and the nearest ``claim-…`` or ``s…`` element before the first match is the
one that holds it. Result URLs are made relative to the page's folder, so
search works at ``/`` and under ``/repo/`` alike (not from ``file://``, where
browsers refuse to load its module; the page then says so).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from ..errors import BuildError
from ..models import Diagnostic

BUNDLE_DIR = "pagefind"
# Markup inside an indexed part that is not text a reader searches for.
EXCLUDE_SELECTORS = (".cites", ".sup", ".tag", ".back")
PAGEFIND_TIMEOUT_S = 1800


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise BuildError("search index: the pagefind-bin package is not installed "
                         "(pip install pagefind-bin, or reinstall factsheet)") from None
    try:
        return Path(get_executable())
    except FileNotFoundError as exc:
        raise BuildError(f"search index: the Pagefind binary is missing: {exc}") from None


def build_search_index(site: Path) -> None:
    """Index ``site`` in place (writes ``site/pagefind/``)."""
    binary = pagefind_executable()
    command = [str(binary), "--site", str(site), "--output-subdir", BUNDLE_DIR, "--silent",
               "--force-language", "en"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT_S, env=env,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError("search index failed", (Diagnostic("pagefind", f"could not run {binary}: {exc}"),)) from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise BuildError("search index failed",
                         (Diagnostic("pagefind", f"exit status {done.returncode}: {' / '.join(tail)}"),))


def pages_digest(site: Path, pages: list[str]) -> str:
    """What the search index is a function of: the indexed pages' names and bytes."""
    digest = hashlib.sha256()
    for rel in sorted(pages):
        digest.update(rel.encode() + b"\0")
        digest.update(hashlib.sha256((site / rel).read_bytes()).digest())
    return digest.hexdigest()


def copy_bundle(source: Path, site: Path) -> None:
    """Put a search bundle built for identical pages into ``site`` (hard links where
    possible: bundle files are never modified once written)."""
    target = site / BUNDLE_DIR
    shutil.copytree(source, target, copy_function=_link_or_copy)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
