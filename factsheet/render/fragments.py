"""The ``rows`` filter: ``{{ items|rows(macro) }}`` is the concatenation of
``macro(item)`` for every item, like ``{% for i in items %}{{ macro(i) }}{% endfor %}``
(``rows(macro, " ")`` puts a space between rows).

Why a filter: the index page of a big corpus has tens of thousands of claims,
figures and notes, and a Jinja macro call per row (plus an attribute lookup per
value) is most of the render time. When the macro is one of the default
theme's row macros (``claim`` of ``partials/macros.html``; ``figure_row``,
``note``, ``quote``, ``timeline_row``, ``discrepancy``, ``sentence`` of
``partials/rows.html``) and neither partial is
overridden, the rows are produced by the Python twins below, which write
exactly the same markup (tests/test_render_fragments.py renders both ways and
compares). Any other macro, e.g. from a user's override of a partial, is
called for every row as usual: the templates stay the source of truth, this is
only a shortcut for the shipped ones.

Every value is escaped as autoescape would (markupsafe's rules).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable

from markupsafe import Markup, escape

PARTIALS = {"claim": "partials/macros.html", "figure_row": "partials/rows.html", "note": "partials/rows.html",
            "sentence": "partials/rows.html", "quote": "partials/rows.html", "timeline_row": "partials/rows.html",
            "discrepancy": "partials/rows.html"}


try:  # markupsafe's own C escaper (what escape() calls), without a Markup object per value
    from markupsafe._speedups import _escape_inner
except ImportError:  # markupsafe without its speedups
    def _escape_inner(value: str) -> str:
        return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                .replace("'", "&#39;").replace('"', "&#34;"))


def _esc(value: Any) -> str:
    """str(markupsafe.escape(value)), faster for plain strings."""
    if type(value) is str:
        return _escape_inner(value)
    if type(value) is int:
        return str(value)
    return str(escape(value))  # numbers, None, Markup (left as it is), objects with __html__


def _more_link(more: Any) -> str:
    if not more:
        return ""
    count = _esc(more["count"])
    if more["href"]:
        return f' <a class="more" href="{_esc(more["href"])}" aria-label="{count} more citations">+{count}</a>'
    return f' <span class="more">+{count}</span>'


def _cites(markers: list[dict[str, Any]], perma: Any = None, more: Any = None) -> str:
    parts = ['<span class="cites">']
    for m in markers:
        if m["note"]:
            parts.append(f'<a class="cite" href="{_esc(m["href"])}" aria-describedby="{_esc(m["note"])}" '
                         f'aria-label="{_esc(m["label"])}, note {_esc(m["number"])}">{_esc(m["number"])}</a>')
        else:
            parts.append(f'<a class="cite" href="{_esc(m["href"])}">{_esc(m["label"])}</a>')
    parts.append(_more_link(more))
    if perma:
        parts.append(f' <a class="perma" href="{_esc(perma)}" aria-label="Permalink">#</a>')
    parts.append("</span>")
    return "".join(parts)


def _claim(c: dict[str, Any]) -> str:
    parts = [f'<li id="{_esc(c["anchor"])}">' if c["anchor"] else "<li>"]
    if c["pinned"]:
        parts.append('<strong class="tag">Pinned</strong> ')
    if c["edited"]:
        parts.append('<strong class="tag">Editor’s wording</strong> ')
    focus = c.get("focus")
    text = (f'{_esc(focus[0])}<mark>{_esc(focus[1])}</mark>{_esc(focus[2])}' if focus else _esc(c["text"]))
    parts.append(f'<span class="ct">{text}</span>')
    if c["support"] > 1:
        parts.append(f' <span class="sup">{_esc(c["support"])} sources</span>')
    parts.append(f" {_cites(c['markers'], c['permalink'], c['more'])}</li>\n")
    return "".join(parts)


def _figure_row(f: dict[str, Any]) -> str:
    value = _esc(f["value"])
    cell = f'<a href="{_esc(f["claim"])}">{value}</a>' if f["claim"] else value
    return (f'<tr><td class="val">{cell}</td><td>{_esc(f["measure"])}</td>'
            f'<td>{_cites(f["markers"])}{_more_link(f["more"])}</td></tr>\n')


def _note(n: dict[str, Any]) -> str:
    original = (f' · <a class="out" href="{_esc(n["original"])}" rel="noopener noreferrer">original</a>'
                if n["original"] else "")
    return (f'<li id="{_esc(n["id"])}"><span class="q">{_esc(n["quote"])}</span> <span class="src">— '
            f'<a href="{_esc(n["href"])}">{_esc(n["source_label"])}</a>{original}</span></li>\n')


def _sentence(s: dict[str, Any]) -> str:
    parts = [f'<span class="s cited" id="{_esc(s["id"])}">' if s["claims"] else f'<span class="s" id="{_esc(s["id"])}">',
             _esc(s["text"]), "</span>"]
    for href in s["claims"]:
        parts.append(f'<a class="back" href="{_esc(href)}" aria-label="Claim citing this sentence">↩</a>')
    if s["original"]:
        parts.append(f'<a class="back" href="{_esc(s["original"])}" rel="noopener noreferrer" '
                     'aria-label="This sentence in the original article">↗</a>')
    return "".join(parts)


def _quote(q: dict[str, Any]) -> str:
    speaker = _esc(q["speaker"]) if q["speaker"] else "Unattributed"
    return (f'<figure class="quote">\n<blockquote><p>{_esc(q["text"])}</p></blockquote>\n'
            f'<figcaption>{speaker} {_cites(q["markers"], q["claim"])}{_more_link(q["more"])}</figcaption>\n</figure>\n')


def _timeline_row(t: dict[str, Any]) -> str:
    date = _esc(t["date"])
    return (f'<li><time datetime="{date}">{date}</time> <span>{_esc(t["text"])}</span> '
            f'{_cites(t["markers"], t["claim"])}{_more_link(t["more"])}</li>\n')


def _discrepancy(d: dict[str, Any]) -> str:
    parts = [f'<div class="disc" id="disc-{_esc(d["id"])}">\n<h3>{_esc(d["subject"])}</h3>\n'
             f'<p>{_esc(d["summary"])}</p>\n<ul class="values">\n']
    for v in d["variants"]:
        by = ", ".join([f'{_esc(m["label"])}{_cites([m])}' for m in v["markers"]])
        more = v["more"]
        if more:
            count = _esc(more["count"])
            by += (f' and <a href="{_esc(more["href"])}">{count} more</a>' if more["href"] else f" and {count} more")
        parts.append(f'<li><span class="val">{_esc(v["value"])}</span><span class="by">{by}</span></li>\n')
    parts.append("</ul>\n</div>\n")
    return "".join(parts)


_TWINS: dict[str, Callable[[dict[str, Any]], str]] = {
    "claim": _claim, "figure_row": _figure_row, "note": _note, "sentence": _sentence, "quote": _quote,
    "timeline_row": _timeline_row, "discrepancy": _discrepancy}


def make_rows_filter(theme_dirs: tuple[Path, ...], default_dir: Path) -> Callable[..., Markup]:
    """The rows filter for an environment over ``theme_dirs``: twins are used only
    when every partial they mirror comes from ``default_dir``."""
    default_files: set[str] = set()
    for rel in set(PARTIALS.values()):
        provider = next((d for d in theme_dirs if (d / rel).is_file()), None)
        if provider is None or os.path.realpath(provider) != os.path.realpath(default_dir):
            default_files = set()
            break
        path = str(provider / rel)
        default_files |= {path, os.path.realpath(path)}

    def twin(macro: Any) -> str | None:
        name = getattr(macro, "name", None)
        code = getattr(getattr(macro, "_func", None), "__code__", None)
        if name not in _TWINS or code is None or code.co_filename not in default_files:
            return None
        return name

    def rows(items: Iterable[Any], macro: Callable[[Any], Any], separator: str = "") -> Markup:
        name = twin(macro)
        if name is not None:
            fast = _TWINS[name]
            return Markup(_esc(separator).join([fast(item) for item in items]))
        # escape() leaves a macro's Markup as it is and escapes anything else.
        return Markup(escape(separator).join([escape(macro(item)) for item in items]))

    return rows
