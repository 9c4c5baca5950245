"""Front-matter keys as other tools name them -> Record fields.

Unknown keys are kept in ``meta`` (made JSON-safe: dates become ISO strings).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..models import Diagnostic
from .dates import DATE_IN_TEXT, date_from_match, normalize_date
from .frontmatter import MAX_META_DEPTH, MAX_META_NODES, norm_key

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
_ASCII_WORD = re.compile(r"^[a-z0-9]+$")


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


# Latin letters that Unicode does not decompose into a base letter and a mark.
_LATIN_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "ı": "i", "ħ": "h"})


def slugify(text: str, limit: int = 80) -> str:
    """Lower-case words of ``text`` joined by '-', in ASCII (ids become file
    names and URLs): ASCII letters and digits as they are, accented Latin
    letters folded to their base letter ("Zürich" -> "zurich"), and a word in
    any other script spelled in Punycode, which keeps every letter and gives
    distinct words distinct slugs ("東京" -> "1lqs71d"). Case and Unicode
    normalization never matter ("Report" and "report", composed and
    decomposed "é", give the same slug)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words: list[str] = []
    current: list[str] = []
    for ch in folded + " ":
        if unicodedata.category(ch)[0] in "LMN":
            current.append(ch)
        elif current:
            words.append(_ascii_word("".join(current)))
            current = []
    slug = "-".join(w for w in words if w)
    return slug[:limit].strip("-")


def _ascii_word(word: str) -> str:
    if _ASCII_WORD.match(word):
        return word
    base = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    base = unicodedata.normalize("NFKC", base).translate(_LATIN_FOLD)
    if _ASCII_WORD.match(base):
        return base
    return unicodedata.normalize("NFC", word).encode("punycode").decode("ascii").strip("-")


class MetaTooLarge(ValueError):
    """Front matter nested too deeply or too large. The front matter readers
    already refuse such documents (see frontmatter.MAX_META_NODES); this is the
    second line of defence of ``json_safe``."""


def json_safe(value: Any, _budget: list[int] | None = None, _depth: int = 0) -> Any:
    budget = _budget if _budget is not None else [MAX_META_NODES]
    budget[0] -= 1
    if budget[0] < 0 or _depth > MAX_META_DEPTH:
        raise MetaTooLarge("front matter is too large or too deeply nested")
    if isinstance(value, dt.datetime):
        return normalize_date(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # NaN and infinities are no JSON numbers
    if isinstance(value, dict):
        return {str(k): json_safe(v, budget, _depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v, budget, _depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((json_safe(v, budget, _depth + 1) for v in value), key=str)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


# Where a mapping holds the text of a field ({name: ...}, JSON-LD's {"@value": ...}),
# and the parts of a person's name ({first: Ana, last: Ruiz}), by normalized key.
_TEXT_KEYS = ("name", "title", "text", "value", "@value", "label", "headline")
_NAME_PART_KEYS = ("honorific", "first", "firstname", "given", "givenname", "middle", "middlename",
                   "last", "lastname", "family", "familyname", "surname", "suffix")


def _text(value: Any) -> str | None:
    """A front-matter value as one line of text; None when it holds none (an
    empty list, a mapping without a text-like key: never the string "None")."""
    if value is None:
        return None
    if isinstance(value, dict):
        return _mapping_text(value)
    if isinstance(value, (list, tuple)):
        parts = [_text(v) for v in value]
        value = ", ".join(p for p in parts if p)
    if isinstance(value, (dt.date, dt.datetime)):
        return normalize_date(value)
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _mapping_text(value: dict[Any, Any]) -> str | None:
    by_key = {norm_key(str(k)): v for k, v in value.items()}
    for key in _TEXT_KEYS:
        if key in by_key and not isinstance(by_key[key], dict):
            text = _text(by_key[key])
            if text:
                return text
    parts = [_text(by_key[k]) for k in _NAME_PART_KEYS if k in by_key and not isinstance(by_key[k], (dict, list))]
    joined = " ".join(p for p in parts if p)
    return joined or None


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    seen: list[str] = []
    for item in items:
        text = _text(item) if isinstance(item, (dict, list, tuple)) else str(item)
        tag = re.sub(r"\s+", " ", text or "").strip().lstrip("#").strip()
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
        link = _text(value.get("url") or value.get("link"))
        if link and out.url is None:
            out.url = link
        return out.publisher is not None
    text_value = _text(value)
    if text_value is None:
        if isinstance(value, (dict, list, tuple)) and value:
            line_no, line_text = _key_line(text, key)
            kind = "a mapping" if isinstance(value, dict) else "a list"
            out.diagnostics.append(Diagnostic(
                path, f"front matter {key!r} is {kind} with no text in it; {name} left empty", "warning",
                line_no, line_text))
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
