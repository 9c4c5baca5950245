"""HTML pages of the site: the fact sheet (index.html), one page per source,
404.html, robots.txt, sitemap.xml (only with a base URL), .nojekyll and the
theme's assets.

Every internal link is relative (``page.root`` is "" on the index and "../" on
source pages), so the site works at /, under /repo/ and from file://. Absolute
URLs appear only when ``config.base_url`` is set.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import BuildError
from ..models import Diagnostic, Record, Sheet
from .cache import RenderCache
from .links import safe_http_url
from .theme import copy_assets, make_environment, template_errors, theme_files, theme_fingerprint
from .view import cited_sentences, index_view, source_view

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
SCHEMA = "https://schema.org"


def _absolute(config: Config, path: str) -> str | None:
    return f"{config.base_url}{path}" if config.base_url else None


def _page(config: Config, path: str, title: str, description: str, jsonld: dict[str, Any],
          og_type: str = "website") -> dict[str, Any]:
    root = "../" * path.count("/")
    canonical = _absolute(config, "" if path == "index.html" else path)
    if canonical:
        jsonld = {**jsonld, "url": canonical}
    return {
        "path": path,
        "root": root,
        "assets": f"{root}assets/",
        "title": title,
        "description": description,
        "canonical": canonical,
        "og_type": og_type,
        "jsonld": {"@context": SCHEMA, **jsonld},
    }


def _site(sheet: Sheet, config: Config) -> dict[str, Any]:
    return {"title": sheet.title, "base_url": config.base_url}


def _describe(sheet: Sheet) -> str:
    if sheet.summary:
        return sheet.summary
    return f"A cited fact sheet compiled from {len(sheet.sources)} sources."


def _article_ld(source: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "NewsArticle", "headline": source.title or source.path}
    if source.publisher:
        item["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.author:
        item["author"] = {"@type": "Person", "name": source.author}
    if source.date:
        item["datePublished"] = source.date
    url = safe_http_url(source.url)
    if url:
        item["url"] = url
    return item


def _pages(sheet: Sheet, config: Config) -> list[tuple[str, str, dict[str, Any]]]:
    """(output path, template name, context) for every templated file."""
    site = _site(sheet, config)
    description = _describe(sheet)
    pages: list[tuple[str, str, dict[str, Any]]] = []

    index_ld = {"@type": "WebPage", "name": sheet.title, "description": description,
                "citation": [_article_ld(s) for s in sheet.sources]}
    pages.append(("index.html", "index.html", {
        "site": site,
        "page": _page(config, "index.html", sheet.title, description, index_ld),
        "sheet": index_view(sheet),
    }))

    cited = cited_sentences(sheet)
    summaries = {s.id: s for s in sheet.sources}
    for record in sorted(sheet.records, key=lambda r: r.id):
        _check_id(record)
        view = source_view(record, sheet, cited, summaries)
        path = f"sources/{record.id}.html"
        source_ld = {"@type": "WebPage", "name": view["title"], "isPartOf": {"@type": "WebPage", "name": sheet.title},
                     "isBasedOn": _article_ld(record)}
        desc = f"The text of “{view['title']}” as used by the fact sheet “{sheet.title}”, with every cited sentence marked."
        pages.append((path, "source.html", {
            "site": site,
            "page": _page(config, path, f"{view['title']} · {sheet.title}", desc, source_ld, og_type="article"),
            "source": view,
        }))

    pages.append(("404.html", "404.html", {
        "site": site,
        "page": {**_page(config, "404.html", f"Page not found · {sheet.title}", description,
                         {"@type": "WebPage", "name": "Page not found"}), "canonical": None},
        "home": config.base_url or "index.html",
    }))
    pages.append(("robots.txt", "robots.txt", {"site": site, "sitemap": _absolute(config, "sitemap.xml")}))
    if config.base_url:
        urls = [_absolute(config, "")] + [_absolute(config, f"sources/{r.id}.html")
                                          for r in sorted(sheet.records, key=lambda r: r.id)]
        pages.append(("sitemap.xml", "sitemap.xml", {"site": site, "urls": urls}))
    return pages


def _check_id(record: Record) -> None:
    # Ids become file names: never let one climb out of the output folder.
    if not _SAFE_ID.match(record.id):
        raise BuildError("invalid source id", (Diagnostic(record.path, f"invalid id {record.id!r}"),))


def write_html_pages(sheet: Sheet, config: Config, dest: Path, cache: RenderCache | None = None) -> None:
    files = theme_files(config.theme_dirs)
    env = make_environment(config.theme_dirs)
    fingerprint = theme_fingerprint(files) if cache is not None else ""
    if cache is not None:
        cache.begin()
    for out_path, template_name, context in _pages(sheet, config):
        text = None
        key = RenderCache.key(fingerprint, template_name, context) if cache is not None else ""
        if cache is not None:
            text = cache.get(key)
        if text is None:
            with template_errors(files, template_name):
                text = env.get_template(template_name).render(context)
            if cache is not None:
                cache.put(key, text)
        target = dest / out_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    if cache is not None:
        cache.finish()
    (dest / ".nojekyll").write_text("", encoding="utf-8")
    copy_assets(files, dest)
