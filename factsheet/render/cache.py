"""What the dev server keeps between renders, so that a rebuild after one edit
only does the work that edit calls for.

- Pages: a page's text is a pure function of (the theme's files, the template
  name, the page's plain context). Small pages (404.html, robots.txt,
  sitemap.xml) are keyed on a hash of exactly those; index.html on the bytes
  of facts.json (the sheet without its records: all the index shows), the
  base URL and the theme.
- Source pages and sources/<id>.json: keyed WITHOUT building the page's context
  first (building 1,000 contexts costs more than rendering the two that
  changed). A source page depends only on its record, the claims citing each of
  its sentences, its summary, the site-wide values (title, base URL) and the
  theme; an entry is reused when all of those compare equal (the record
  usually *is* the same object, handed over by the corpus's RecordCache).
- The Jinja environment, compiled templates included, while the theme's files
  are unchanged (same names, same bytes).
- The search index (search.py): each document's terms by its text, and each
  file of ``search/`` keyed on the data it is made from (a term's document ids,
  a shard's documents), so that an edit re-tokenizes and rewrites only what it
  changed.
- Optionally (``store``: a folder on the same file system as the output) a
  file per cached page: a reused page is then hard-linked into the new output
  folder instead of being written again (here 2,000 writes took 0.7-0.8 s,
  2,000 links 40 ms). A stored file is written once under a fresh name and never
  modified, so output folders sharing it stay immutable; it is unlinked when
  its entry is dropped. Any linking failure (another file system, a missing
  store) falls back to writing the bytes.

Usage (one cache for the life of the server)::

    cache = RenderCache()
    render_site(sheet, config, staging, cache=cache)
    cache.last_rendered, cache.last_reused   # page counts of the latest call

Thread-safe; entries not used by the latest render are dropped, so the cache
never holds more than one site's pages.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import secrets
import threading
from pathlib import Path
from typing import Any, Callable, Hashable

from ..models import Record


class RenderCache:
    def __init__(self, store: Path | None = None) -> None:
        self._pages: dict[str, str] = {}
        self._used: set[str] = set()
        # (kind, name) -> (the key it was made from, the bytes, its file in the store or None)
        self._keyed: dict[tuple[str, str], tuple[Any, bytes, Path | None]] = {}
        self._store = store
        self._serial = itertools.count()
        self._token = secrets.token_hex(6)
        self._keyed_used: set[tuple[str, str]] = set()
        self._environment: tuple[Hashable, Any] | None = None
        # search documents' terms by text: those of the latest render, and of the one before
        self._terms: dict[str, frozenset[str]] = {}
        self._terms_before: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()
        self.hits = 0  # over the cache's life
        self.misses = 0
        self.last_rendered = 0  # during the latest render_site call
        self.last_reused = 0
        self.environments_made = 0  # Jinja environments built (once per theme change)

    @staticmethod
    def key(theme_fingerprint: str, template: str, context: Any) -> str:
        """Hash of the theme, the template name and the JSON form of the context."""
        digest = hashlib.sha256()
        digest.update(theme_fingerprint.encode())
        digest.update(b"\0")
        digest.update(template.encode())
        digest.update(b"\0")
        # Contexts are built in a deterministic order, so no key sorting is needed.
        digest.update(json.dumps(context, ensure_ascii=False, separators=(",", ":")).encode())
        return digest.hexdigest()

    def begin(self) -> None:
        """Start a render: reset the per-render counters."""
        with self._lock:
            self._used = set()
            self._keyed_used = set()
            self._terms_before, self._terms = self._terms, {}
            self.last_rendered = 0
            self.last_reused = 0

    def get(self, key: str) -> str | None:
        with self._lock:
            self._used.add(key)
            text = self._pages.get(key)
            if text is None:
                self.misses += 1
            else:
                self.hits += 1
                self.last_reused += 1
            return text

    def put(self, key: str, text: str) -> None:
        with self._lock:
            self._used.add(key)
            self._pages[key] = text
            self.last_rendered += 1

    def keyed(self, kind: str, name: str, key: Any, produce: Callable[[], bytes], *, page: bool = True,
              target: Path | None = None) -> bytes:
        """The bytes made by ``produce()`` for ``key``, made again only when ``key``
        no longer compares equal to the key of the stored entry. ``page``: count
        it in last_rendered/last_reused. ``target``: also put the bytes there (a
        new file; hard-linked from the store when there is one)."""
        slot = (kind, name)
        with self._lock:
            self._keyed_used.add(slot)
            entry = self._keyed.get(slot)
        if entry is not None and (entry[0] is key or entry[0] == key):
            with self._lock:
                self.hits += 1
                self.last_reused += page
            data, stored = entry[1], entry[2]
        else:
            data = produce()
            stored = self._to_store(data) if target is not None else None
            with self._lock:
                old = self._keyed.get(slot)
                self._keyed[slot] = (key, data, stored)
                self.misses += 1
                self.last_rendered += page
            if old is not None and old[2] is not None:
                _unlink(old[2])
        if target is not None:
            _place(target, data, stored)
        return data

    def _to_store(self, data: bytes) -> Path | None:
        if self._store is None:
            return None
        try:
            self._store.mkdir(parents=True, exist_ok=True)
            # A name no other cache uses (a store folder may outlive its cache).
            path = self._store / f"{self._token}-{next(self._serial):09d}"
            with open(path, "xb") as handle:  # a fresh name: never an existing (shared) file
                try:
                    handle.write(data)
                except OSError:
                    handle.close()
                    _unlink(path)
                    raise
            return path
        except OSError:
            return None

    def terms(self, text: str, make: Callable[[str], frozenset[str]]) -> frozenset[str]:
        """A search document's distinct terms (``make(text)``), made again only for a text
        the previous render did not index: nearly every sentence is the same after an edit."""
        with self._lock:
            found = self._terms.get(text)
            if found is None:
                found = self._terms_before.get(text)
        if found is None:
            found = make(text)
        with self._lock:
            self._terms[text] = found
        return found

    def record_json(self, record: Record, produce: Callable[[Record], bytes], target: Path | None = None) -> bytes:
        """sources/<id>.json: a function of the record alone."""
        return self.keyed("json", record.id, record, lambda: produce(record), page=False, target=target)

    def environment(self, fingerprint: Hashable, make: Callable[[], Any]) -> Any:
        """The Jinja environment for a theme fingerprint, kept while it is unchanged."""
        with self._lock:
            if self._environment is not None and self._environment[0] == fingerprint:
                return self._environment[1]
        env = make()
        with self._lock:
            self._environment = (fingerprint, env)
            self.environments_made += 1
        return env

    def finish(self) -> None:
        """End a render: forget pages the latest render did not ask for."""
        with self._lock:
            for key in list(self._pages):
                if key not in self._used:
                    del self._pages[key]
            self._terms_before = {}
            dropped = [slot for slot in self._keyed if slot not in self._keyed_used]
            stored = [self._keyed.pop(slot)[2] for slot in dropped]
        for path in stored:
            if path is not None:
                _unlink(path)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._used.clear()
            stored = [entry[2] for entry in self._keyed.values()]
            self._keyed.clear()
            self._keyed_used.clear()
            self._environment = None
            self._terms, self._terms_before = {}, {}
        for path in stored:
            if path is not None:
                _unlink(path)

    def __len__(self) -> int:
        """Pages held (data files are not counted)."""
        with self._lock:
            return len(self._pages) + sum(1 for kind, _ in self._keyed if kind not in ("json", "search"))


def _place(target: Path, data: bytes, stored: Path | None) -> None:
    """A new file ``target`` holding ``data``: a hard link to ``stored`` when
    possible, else written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if stored is not None:
        try:
            os.link(stored, target)
            return
        except OSError:
            pass
    # Never write through an existing name: it may be a link shared with the store.
    _unlink(target)
    target.write_bytes(data)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
