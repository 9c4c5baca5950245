"""HTML pages of the site, written one at a time (nothing holds the whole site):

- ``index.html``: what a reader opens first, within ``Limits.index_bytes``;
- ``claims/<section>-<n>.html``: every claim, by section, each with all its citations;
- ``lists/<kind>-<n>.html``: key figures, disagreements, quotes, people, timeline, sources;
- ``sources/<id>.html``: one page per source;
- ``claims/lookup-<k>.js``: claim id -> page, for ``index.html#claim-<id>`` permalinks;
- 404.html, robots.txt, sitemap.xml (only with a base URL), .nojekyll and the theme's assets.

Every internal link is relative (``page.root`` is "" on the index and "../" on
every other page), so the site works at /, under /repo/ and from file://.
Absolute URLs appear only when ``config.base_url`` is set.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Callable, Iterator

from ..config import Config
from ..errors import BuildError
from ..models import Diagnostic, Record, Sheet
from .cache import RenderCache
from .data import facts_bytes
from .limits import DEFAULT_LIMITS, Limits
from .links import safe_http_url
from .plan import ClaimPage, Group, ListSection, Plan, lookup_shard, plan_site
from .theme import cached_environment, copy_assets, template_errors, theme_files, theme_fingerprint
from .view import SiteData, cited_links, claims_page_view, index_view, list_page_view, source_view

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


def _part_of(sheet: Sheet) -> dict[str, Any]:
    return {"@type": "WebPage", "name": sheet.title}


def index_context(site: SiteData, config: Config, limits: Limits) -> dict[str, Any]:
    sheet = site.sheet
    view = index_view(site, limits)
    description = _describe(sheet)
    shown = {s["id"] for s in view["sources"]}
    index_ld = {"@type": "WebPage", "name": sheet.title, "description": description,
                "citation": [_article_ld(s) for s in sheet.sources if s.id in shown]}
    return {
        "site": _site(sheet, config),
        "page": _page(config, "index.html", sheet.title, description, index_ld),
        "sheet": view,
    }


def _claims_context(site: SiteData, config: Config, group: Group, page: ClaimPage) -> dict[str, Any]:
    sheet = site.sheet
    view = claims_page_view(site, group, page)
    title = f"{group.title} claims" + (f", page {page.number} of {len(group.pages)}" if len(group.pages) > 1 else "")
    desc = f"{group.title} claims {view['first']}–{view['last']} of {group.count} in the fact sheet “{sheet.title}”."
    ld = {"@type": "WebPage", "name": title, "isPartOf": _part_of(sheet)}
    return {"site": _site(sheet, config), "page": _page(config, page.path, f"{title} · {sheet.title}", desc, ld),
            "claims": view}


def _list_context(site: SiteData, config: Config, section: ListSection, number: int, limits: Limits) -> dict[str, Any]:
    sheet = site.sheet
    view = list_page_view(site, section, number, limits)
    title = section.title + (f", page {number} of {section.pages}" if section.pages > 1 else "")
    desc = f"{section.title} {view['first']}–{view['last']} of {section.count} in the fact sheet “{sheet.title}”."
    ld = {"@type": "WebPage", "name": title, "isPartOf": _part_of(sheet)}
    path = section.path(number)
    return {"site": _site(sheet, config), "page": _page(config, path, f"{title} · {sheet.title}", desc, ld),
            "list": view}


def _source_context(record: Record, site: SiteData, config: Config, cited: dict[str, list[str]]) -> dict[str, Any]:
    sheet = site.sheet
    view = source_view(record, site.sources.get(record.id), cited)
    path = f"sources/{record.id}.html"
    source_ld = {"@type": "WebPage", "name": view["title"], "isPartOf": _part_of(sheet),
                 "isBasedOn": _article_ld(record)}
    desc = f"The text of “{view['title']}” as used by the fact sheet “{sheet.title}”, with every cited sentence marked."
    return {
        "site": _site(sheet, config),
        "page": _page(config, path, f"{view['title']} · {sheet.title}", desc, source_ld, og_type="article"),
        "source": view,
    }


def _small_pages(sheet: Sheet, config: Config, plan: Plan) -> list[tuple[str, str, dict[str, Any]]]:
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
        pages.append(("sitemap.xml", "sitemap.xml", {"site": site, "urls": _sitemap_urls(sheet, config, plan)}))
    return pages


def _sitemap_urls(sheet: Sheet, config: Config, plan: Plan) -> list[str | None]:
    paths = [p.path for p in plan.claim_pages()]
    paths += [s.path(n) for s in plan.lists if s.count for n in range(1, s.pages + 1)]
    paths += [f"sources/{r.id}.html" for r in sheet.records]
    return [_absolute(config, "")] + [_absolute(config, p) for p in sorted(paths)]


def _check_id(record: Record) -> None:
    # Ids become file names: never let one climb out of the output folder.
    if not _SAFE_ID.match(record.id):
        raise BuildError("invalid source id", (Diagnostic(record.path, f"invalid id {record.id!r}"),))


def _lookup_scripts(plan: Plan) -> Iterator[tuple[str, bytes]]:
    """claims/lookup-<k>.js: ``factsheetLookup(k, {claim id: page name})`` for the
    claims whose id falls in shard k."""
    shards: list[dict[str, str]] = [{} for _ in range(plan.lookup_shards)]
    for claim_id, path in plan.claim_paths.items():
        shards[lookup_shard(claim_id, plan.lookup_shards)][claim_id] = path.removeprefix("claims/").removesuffix(".html")
    for k, shard in enumerate(shards):
        body = json.dumps(dict(sorted(shard.items())), ensure_ascii=True, separators=(",", ":"))
        body = body.replace("<", "\\u003c").replace(">", "\\u003e")
        yield f"claims/lookup-{k}.js", f"factsheetLookup({k},{body});\n".encode("ascii")


class _Renderer:
    """Renders templates of one theme into ``dest``, through the cache when there is one."""

    def __init__(self, config: Config, dest: Path, cache: RenderCache | None,
                 progress: Callable[[], None] | None) -> None:
        self.files = theme_files(config.theme_dirs)
        self.fingerprint = theme_fingerprint(self.files)
        self.env = cached_environment(config.theme_dirs, self.fingerprint, cache)
        self.dest = dest
        self.cache = cache
        self.progress = progress

    def render(self, template_name: str, context: dict[str, Any]) -> bytes:
        with template_errors(self.files, template_name):
            return self.env.get_template(template_name).render(context).encode("utf-8")

    def write(self, out_path: str, data: bytes) -> None:
        target = self.dest / out_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def done(self) -> None:
        if self.progress is not None:
            self.progress()

    def keyed(self, out_path: str, key: Any, make: Callable[[], bytes]) -> None:
        """A page made by ``make()``, reused from the cache while ``key`` is unchanged."""
        if self.cache is None:
            self.write(out_path, make())
        else:
            target = self.dest / out_path
            target.parent.mkdir(parents=True, exist_ok=True)
            self.cache.keyed("page", out_path, key, make, target=target)
        self.done()

    def from_context(self, out_path: str, template_name: str, context_of: Callable[[], dict[str, Any]]) -> None:
        """A page reused from the cache while its whole context is unchanged: for a claims
        or list page the context costs less than the rendering, and after an edit most of
        them are the same (facts.json, which keys the index, changes with every edit)."""
        if self.cache is None:
            self.write(out_path, self.render(template_name, context_of()))
            self.done()
            return
        context = context_of()
        self.keyed(out_path, (self.fingerprint, template_name, context), lambda: self.render(template_name, context))

    def page(self, out_path: str, template_name: str, context: dict[str, Any]) -> None:
        """A page keyed on its whole context."""
        if self.cache is None:
            self.write(out_path, self.render(template_name, context))
        else:
            key = RenderCache.key(self.fingerprint, template_name, context)
            text = self.cache.get(key)
            if text is None:
                text = self.render(template_name, context).decode("utf-8")
                self.cache.put(key, text)
            self.write(out_path, text.encode("utf-8"))
        self.done()


def render_index(site: SiteData, config: Config, renderer: _Renderer, limits: Limits) -> bytes:
    """The index within its byte budget: rendered again with the index caps halved
    while it is over (rows of a sheet can be unusually long)."""
    while True:
        html = renderer.render("index.html", index_context(site, config, limits))
        if len(html) <= limits.index_bytes or limits.smallest:
            return html
        limits = limits.halved()


def page_count(sheet: Sheet, config: Config, plan: Plan) -> int:
    """How many files write_html_pages reports to ``progress``."""
    lists = sum(s.pages for s in plan.lists if s.count)
    return 1 + sum(1 for _ in plan.claim_pages()) + lists + len(sheet.records) + len(_small_pages(sheet, config, plan))


def write_html_pages(sheet: Sheet, config: Config, dest: Path, cache: RenderCache | None = None,
                     facts_digest: bytes | None = None, limits: Limits = DEFAULT_LIMITS,
                     progress: Callable[[], None] | None = None, plan: Plan | None = None) -> None:
    """Write every page. ``facts_digest``: sha256 of facts.json's bytes (the key of every page made from
    the sheet without its records, when there is a cache). ``progress`` is called
    once per page written."""
    renderer = _Renderer(config, dest, cache, progress)
    plan = plan or plan_site(sheet, limits)
    site = SiteData(sheet, plan)
    records = sorted(sheet.records, key=lambda r: r.id)
    for record in records:
        _check_id(record)
    (dest / "sources").mkdir(exist_ok=True)
    (dest / "claims").mkdir(exist_ok=True)
    if cache is not None and facts_digest is None:
        facts_digest = hashlib.sha256(facts_bytes(sheet)).digest()
    # The index, made from the sheet without its records (what facts.json holds), is
    # keyed on facts.json's digest.
    sheet_key = (renderer.fingerprint, config.base_url, facts_digest, limits)

    renderer.keyed("index.html", sheet_key, lambda: render_index(site, config, renderer, limits))
    for group in plan.groups:
        for page in group.pages:
            renderer.from_context(page.path, "claims.html", lambda g=group, p=page: _claims_context(site, config, g, p))
    for section in plan.lists:
        if not section.count:
            continue
        for number in range(1, section.pages + 1):
            renderer.from_context(section.path(number), "list.html",
                                  lambda s=section, n=number: _list_context(site, config, s, n, limits))
    for out_path, data in _lookup_scripts(plan):
        renderer.write(out_path, data)

    cited = site.cited_sentences()
    site_key = (renderer.fingerprint, sheet.title, config.base_url)
    for record in records:
        links = cited_links(site, cited.get(record.id))
        out_path = f"sources/{record.id}.html"
        key = (site_key, record, links, site.sources.get(record.id))
        renderer.keyed(out_path, key,
                       lambda r=record, c=links: renderer.render("source.html", _source_context(r, site, config, c)))

    for out_path, template_name, context in _small_pages(sheet, config, plan):
        renderer.page(out_path, template_name, context)
    (dest / ".nojekyll").write_text("", encoding="utf-8")
    copy_assets(renderer.files, dest)
