"""A cache of rendered pages for the dev server.

A page's text is a pure function of (the theme's files, the template name, the
page's plain context), so the cache keys on a hash of exactly those. A rebuild
that changes one article re-renders that article's source page and the index,
and copies every other page's text from the cache.

Usage (one cache for the life of the server)::

    cache = RenderCache()
    render_site(sheet, config, staging, cache=cache)
    cache.last_rendered, cache.last_reused   # page counts of the latest call

Thread-safe; entries not used by the latest render are dropped, so the cache
never holds more than one site's pages.
"""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Any


class RenderCache:
    def __init__(self) -> None:
        self._pages: dict[str, str] = {}
        self._used: set[str] = set()
        self._lock = threading.Lock()
        self.hits = 0  # over the cache's life
        self.misses = 0
        self.last_rendered = 0  # during the latest render_site call
        self.last_reused = 0

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

    def finish(self) -> None:
        """End a render: forget pages the latest render did not ask for."""
        with self._lock:
            for key in list(self._pages):
                if key not in self._used:
                    del self._pages[key]

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._used.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._pages)
