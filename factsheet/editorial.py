"""The editor's sheet file (``content/_sheet.md``): title, summary and the
introduction, plus editorial control over claims by id.

    ---
    title: "The harbour bridge closure"
    summary: One line shown under the title.
    pin: [c-1a2b3c4d]            # shown first in "At a glance"
    hide: [c-5e6f7a8b]           # never shown
    merge:                       # the later ids are folded into the first
      - [c-11111111, c-22222222]
    reword:                      # the canonical text, in the editor's words
      c-33333333: "The council will spend 12 million euros on repairs."
    ---
    The introduction, in Markdown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import nh3
from markdown_it import MarkdownIt

from .errors import ContentError
from .models import Diagnostic

# Raw HTML in the introduction is shown as text (html=False); nh3 then enforces
# an allow-list on what markdown-it produced, as a second line of defence.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_ALLOWED_TAGS = {
    "p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "br",
}


@dataclass(frozen=True)
class Editorial:
    path: str | None = None
    title: str | None = None
    summary: str | None = None
    intro_markdown: str = ""
    pin: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    merge: tuple[tuple[str, ...], ...] = ()
    reword: tuple[tuple[str, str], ...] = ()  # (claim id, text), sorted by id

    @property
    def intro_html(self) -> str:
        return render_markdown(self.intro_markdown)


def render_markdown(text: str) -> str:
    if not text.strip():
        return ""
    html = _markdown.render(text)
    return nh3.clean(html, tags=_ALLOWED_TAGS, attributes={"a": {"href", "title"}}, url_schemes={"http", "https", "mailto"})


def _error(path: str, message: str) -> ContentError:
    return ContentError(Diagnostic(path=path, message=message, line=1))


def _scalar_text(value: Any, key: str, path: str) -> str | None:
    """A title or summary: text, or a scalar YAML read as another type (a
    number, a date, ``yes``) written back as text; never a list or mapping."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    raise _error(path, f"'{key}' must be text, not {'a list' if isinstance(value, list) else 'a mapping'}")


def _str_list(value: Any, key: str, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _error(path, f"'{key}' must be a list of claim ids")
    return tuple(value)


def editorial_from(meta: dict[str, Any], body: str, path: str) -> Editorial:
    """Validate the sheet file's front matter. Raises ContentError naming the key."""
    known = {"title", "summary", "pin", "hide", "merge", "reword"}
    unknown = sorted(set(meta) - known)
    if unknown:
        raise _error(path, f"unknown key(s) in the sheet file: {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    title = _scalar_text(meta.get("title"), "title", path)
    summary = _scalar_text(meta.get("summary"), "summary", path)
    merges_raw = meta.get("merge") or []
    if not isinstance(merges_raw, list) or not all(isinstance(group, (list, str)) for group in merges_raw):
        raise _error(path, "'merge' must be a list of lists of claim ids")
    merges = tuple(_str_list(group, "merge", path) for group in merges_raw)
    if any(len(group) < 2 for group in merges):
        raise _error(path, "each 'merge' entry needs at least two claim ids")
    reword_raw = meta.get("reword") or {}
    if not isinstance(reword_raw, dict) or not all(isinstance(v, str) for v in reword_raw.values()):
        raise _error(path, "'reword' must map claim ids to text")
    return Editorial(
        path=path,
        title=title,
        summary=summary,
        intro_markdown=body,
        pin=_str_list(meta.get("pin"), "pin", path),
        hide=_str_list(meta.get("hide"), "hide", path),
        merge=merges,
        reword=tuple(sorted((str(k), v) for k, v in reword_raw.items())),
    )
