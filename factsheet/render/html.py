"""HTML pages of the site: the fact sheet (index.html), one page per source,
404.html, robots.txt, sitemap.xml (only with a base URL), .nojekyll and the
theme's assets.

Every internal link is relative (``page.root`` is "" on the index and "../" on
source pages), so the site works at /, under /repo/ and from file://. Absolute
URLs appear only when ``config.base_url`` is set.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import BuildError
from ..models import Diagnostic, Record, Sheet, SourceSummary
from .cache import RenderCache
from .data import facts_bytes
from .links import safe_http_url
from .theme import cached_environment, copy_assets, template_errors, theme_files, theme_fingerprint
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


def _index_page(sheet: Sheet, config: Config) -> tuple[str, str, dict[str, Any]]:
    description = _describe(sheet)
    index_ld = {"@type": "WebPage", "name": sheet.title, "description": description,
                "citation": [_article_ld(s) for s in sheet.sources]}
    return ("index.html", "index.html", {
        "site": _site(sheet, config),
        "page": _page(config, "index.html", sheet.title, description, index_ld),
        "sheet": index_view(sheet),
    })


def _source_page(record: Record, sheet: Sheet, config: Config, cited: dict[str, dict[str, list[str]]],
                 summaries: dict[str, SourceSummary]) -> tuple[str, str, dict[str, Any]]:
    view = source_view(record, sheet, cited, summaries)
    path = f"sources/{record.id}.html"
    source_ld = {"@type": "WebPage", "name": view["title"], "isPartOf": {"@type": "WebPage", "name": sheet.title},
                 "isBasedOn": _article_ld(record)}
    desc = f"The text of “{view['title']}” as used by the fact sheet “{sheet.title}”, with every cited sentence marked."
    return (path, "source.html", {
        "site": _site(sheet, config),
        "page": _page(config, path, f"{view['title']} · {sheet.title}", desc, source_ld, og_type="article"),
        "source": view,
    })


def _small_pages(sheet: Sheet, config: Config) -> list[tuple[str, str, dict[str, Any]]]:
    """404.html, robots.txt and (with a base URL) sitemap.xml."""
    site = _site(sheet, config)
    pages: list[tuple[str, str, dict[str, Any]]] = [("404.html", "404.html", {
        "site": site,
        "page": {**_page(config, "404.html", f"Page not found · {sheet.title}", _describe(sheet),
                         {"@type": "WebPage", "name": "Page not found"}), "canonical": None},
        "home": config.base_url or "index.html",
    })]
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


class _Renderer:
    """Renders templates of one theme into ``dest``, through the cache when there is one."""

    def __init__(self, config: Config, dest: Path, cache: RenderCache | None) -> None:
        self.files = theme_files(config.theme_dirs)
        self.fingerprint = theme_fingerprint(self.files)
        self.env = cached_environment(config.theme_dirs, self.fingerprint, cache)
        self.dest = dest
        self.cache = cache

    def render(self, template_name: str, context: dict[str, Any]) -> str:
        with template_errors(self.files, template_name):
            return self.env.get_template(template_name).render(context)

    def write(self, out_path: str, data: bytes) -> None:
        target = self.dest / out_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def page(self, out_path: str, template_name: str, context: dict[str, Any]) -> None:
        """A page keyed on its whole context."""
        if self.cache is None:
            self.write(out_path, self.render(template_name, context).encode("utf-8"))
            return
        key = RenderCache.key(self.fingerprint, template_name, context)
        text = self.cache.get(key)
        if text is None:
            text = self.render(template_name, context)
            self.cache.put(key, text)
        self.write(out_path, text.encode("utf-8"))


def write_html_pages(sheet: Sheet, config: Config, dest: Path, cache: RenderCache | None = None,
                     facts_digest: bytes | None = None) -> None:
    """``facts_digest``: sha256 of facts.json's bytes when the caller has them."""
    renderer = _Renderer(config, dest, cache)
    cited = cited_sentences(sheet)
    summaries = {s.id: s for s in sheet.sources}
    records = sorted(sheet.records, key=lambda r: r.id)
    for record in records:
        _check_id(record)
    (dest / "sources").mkdir(exist_ok=True)

    if cache is None:
        renderer.page(*_index_page(sheet, config))
    else:
        # The index is a function of the sheet without its records, which is
        # exactly what facts.json holds: key it on those bytes.
        digest = facts_digest if facts_digest is not None else hashlib.sha256(facts_bytes(sheet)).digest()
        key = (renderer.fingerprint, config.base_url, digest)
        cache.keyed("page", "index.html", key,
                    lambda: renderer.render(*_index_page(sheet, config)[1:]).encode("utf-8"), target=dest / "index.html")

    site_key = (renderer.fingerprint, sheet.title, config.base_url)
    for record in records:
        def make(record: Record = record) -> bytes:
            _, template_name, context = _source_page(record, sheet, config, cited, summaries)
            return renderer.render(template_name, context).encode("utf-8")

        out_path = f"sources/{record.id}.html"
        if cache is None:
            renderer.write(out_path, make())
        else:
            key = (site_key, record, cited.get(record.id), summaries.get(record.id))
            cache.keyed("page", out_path, key, make, target=dest / out_path)

    for out_path, template_name, context in _small_pages(sheet, config):
        renderer.page(out_path, template_name, context)
    (dest / ".nojekyll").write_text("", encoding="utf-8")
    copy_assets(renderer.files, dest)
