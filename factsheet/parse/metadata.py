"""Front-matter keys as other tools name them -> Record fields.

Unknown keys are kept in ``meta`` (made JSON-safe: dates become ISO strings).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Diagnostic
from .dates import DATE_IN_TEXT, date_from_match, normalize_date
from .frontmatter import norm_key

# Field -> accepted keys (normalized), in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "pubdatetime", "publishdate", "published", "pubdate", "publishedat",
             "publicationdate", "datepublished"),
    "url": ("url", "link", "canonical", "canonicalurl", "permalink"),
    "publisher": ("publisher", "source", "outlet", "sitename", "publication", "site"),
    "author": ("author", "authors", "byline"),
    "tags": ("tags", "keywords"),
    "description": ("description", "summary", "excerpt"),
    "id": ("id", "slug"),
}
_LEADING_DATE = re.compile(rf"{DATE_IN_TEXT}(?![\d/.-])", re.I)
_URL = re.compile(r"^https?://\S+$", re.I)
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


@dataclass
class Metadata:
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def slugify(text: str, limit: int = 80) -> str:
    slug = _SLUG_JUNK.sub("-", text.lower()).strip("-")
    return slug[:limit].strip("-")


class MetaTooLarge(ValueError):
    """Front matter nested too deeply or too large (e.g. a YAML alias bomb)."""


MAX_META_NODES = 5000
MAX_META_DEPTH = 20


def json_safe(value: Any, _budget: list[int] | None = None, _depth: int = 0) -> Any:
    budget = _budget if _budget is not None else [MAX_META_NODES]
    budget[0] -= 1
    if budget[0] < 0 or _depth > MAX_META_DEPTH:
        raise MetaTooLarge("front matter is too large or too deeply nested")
    if isinstance(value, dt.datetime):
        return normalize_date(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_safe(v, budget, _depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v, budget, _depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((json_safe(v, budget, _depth + 1) for v in value), key=str)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, (list, tuple)):
        parts = [_text(v) for v in value]
        value = ", ".join(p for p in parts if p)
    if isinstance(value, (dt.date, dt.datetime)):
        return normalize_date(value)
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    seen: list[str] = []
    for item in items:
        tag = re.sub(r"\s+", " ", str(item)).strip().lstrip("#").strip()
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


def _key_line(fm_text: str, key: str) -> tuple[int | None, str | None]:
    for number, line in enumerate(fm_text.split("\n"), start=1):
        if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*[:=]", line):
            return number, line.rstrip("\r")
    return None, None


def read_metadata(meta: dict[str, Any], path: str, text: str) -> Metadata:
    """Map aliases to fields. ``text`` is the whole file, for line numbers."""
    out = Metadata()
    by_norm: dict[str, str] = {}
    for key in meta:
        by_norm.setdefault(norm_key(key), key)
    used: set[str] = set()
    for name, aliases in ALIASES.items():
        for alias in aliases:
            key = by_norm.get(alias)
            if key is None or meta[key] is None or meta[key] == "":
                continue
            if _assign(out, name, key, meta[key], path, text):
                used.add(key)
                break
    budget = [MAX_META_NODES]
    out.meta = {k: json_safe(v, budget) for k, v in sorted(meta.items()) if k not in used}
    return out


def _assign(out: Metadata, name: str, key: str, value: Any, path: str, text: str) -> bool:
    if name == "date":
        iso = normalize_date(value)
        if iso is None and isinstance(value, str):
            # "Nov 21, 2025 | Updated: Nov 22, 2025": the date that opens the value.
            lead = _LEADING_DATE.match(value.strip())
            iso = date_from_match(lead) if lead else None
        if iso is None:
            line_no, line_text = _key_line(text, key)
            out.diagnostics.append(Diagnostic(
                path, f"front matter {key!r}: {str(value)[:60]!r} is not a date this tool can read "
                "(use YYYY-MM-DD); date left empty", "warning", line_no, line_text))
            return False
        out.date = iso
        return True
    if name == "tags":
        out.tags = _tags(value)
        return bool(out.tags)
    if name == "publisher" and isinstance(value, dict):
        out.publisher = _text(value)
        link = value.get("url") or value.get("link")
        if link and out.url is None:
            out.url = str(link)
        return out.publisher is not None
    text_value = _text(value)
    if text_value is None:
        return False
    if name == "publisher" and _URL.match(text_value):
        if out.url is None:
            out.url = text_value
        return False
    if name == "id":
        slug = slugify(text_value)
        if not slug:
            return False
        out.id = slug
        return True
    setattr(out, name, text_value)
    return True
