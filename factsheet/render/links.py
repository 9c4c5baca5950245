"""URL helpers for the HTML pages: only http(s) links from untrusted front
matter, and text-fragment links (``#:~:text=``) into an original article."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# Longer quotes are addressed by their first and last words (textStart,textEnd):
# browsers match either form, and the short form keeps the page light.
_FRAGMENT_MAX_CHARS = 80
_EDGE_WORDS = 5
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_http_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) URL with a host, else None.

    Front matter is untrusted: ``javascript:``, ``data:`` and friends are dropped,
    and so is anything with whitespace or control characters that browsers would
    silently strip before deciding the scheme.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _fragment_encode(text: str) -> str:
    # Percent-encode everything but unreserved characters, and also '-', which the
    # text-fragment syntax uses as its prefix/suffix marker.
    return quote(text, safe="").replace("-", "%2D")


def text_fragment_url(url: str | None, quote_text: str) -> str | None:
    """``url#:~:text=...`` that scrolls a supporting browser to ``quote_text``."""
    safe = safe_http_url(url)
    words = quote_text.split()
    if safe is None or not words:
        return None
    base = safe.split("#", 1)[0]
    normalized = " ".join(words)
    if len(normalized) <= _FRAGMENT_MAX_CHARS or len(words) <= 2 * _EDGE_WORDS:
        directive = _fragment_encode(normalized)
    else:
        start = " ".join(words[:_EDGE_WORDS])
        end = " ".join(words[-_EDGE_WORDS:])
        directive = f"{_fragment_encode(start)},{_fragment_encode(end)}"
    return f"{base}#:~:text={directive}"
