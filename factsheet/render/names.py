"""How the site names a source: by its publisher, else its title, else the host
of its URL; by its file name only when the record says nothing else."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Protocol
from urllib.parse import urlsplit

from .links import safe_http_url

# A label longer than this is cut at a word boundary and ends with "…".
LABEL_MAX = 48


class Named(Protocol):
    """What a SourceSummary and a Record both have."""

    path: str
    title: str | None
    publisher: str | None
    url: str | None


def url_host(url: str | None) -> str | None:
    """The host of an http(s) URL, without a leading "www."; None for anything else."""
    safe = safe_http_url(url)
    if safe is None:
        return None
    try:
        host = urlsplit(safe).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") and len(host) > 4 else host


def shorten(label: str, limit: int = LABEL_MAX) -> str:
    if len(label) <= limit:
        return label
    cut = label[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return (cut or label[: limit - 1]) + "…"


def source_name(source: Named | None, source_id: str) -> str:
    """A short name for a source: publisher, title, URL host, file name (in that order)."""
    if source is None:
        return source_id
    for candidate in (source.publisher, source.title, url_host(source.url)):
        if candidate and candidate.strip():
            return shorten(" ".join(candidate.split()))
    return shorten(PurePosixPath(source.path).name or source_id)


def source_heading(source: Named, source_id: str) -> str:
    """The heading of a source's page and of its row in a list: its title when it
    has one (names the article, not the outlet), else its name."""
    if source.title and source.title.strip():
        return " ".join(source.title.split())
    return source_name(source, source_id)
