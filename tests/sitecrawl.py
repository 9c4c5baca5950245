"""A small, stdlib-only static-site server and link crawler for tests.

``serve_directory(root, prefix="/repo/")`` serves a folder the way GitHub Pages
serves a project site: under a path prefix, 404 everywhere else.
``crawl(start_url)`` follows every internal href/src from the start page and
reports pages that do not load, and #fragments that name no id on the target.

Used by the deploy tests and by the site tests; bounded in pages and time.
"""

from __future__ import annotations

import http.server
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit

# (tag, attribute) pairs whose URLs the crawler checks.
LINK_ATTRS: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
}
HTML_TYPES = ("text/html", "application/xhtml+xml")
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


@dataclass(frozen=True)
class BrokenLink:
    source: str  # page the link is on
    target: str  # the resolved URL
    status: int | str  # HTTP status, or the error text


@dataclass(frozen=True)
class BrokenAnchor:
    source: str
    target: str  # full URL with the fragment
    fragment: str  # decoded fragment that named no id


@dataclass
class CrawlReport:
    pages: list[str] = field(default_factory=list)  # HTML pages fetched, in crawl order
    broken_links: list[BrokenLink] = field(default_factory=list)
    broken_anchors: list[BrokenAnchor] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)  # sorted, unique
    assets: list[str] = field(default_factory=list)  # non-HTML internal URLs that loaded
    anchors_checked: int = 0  # #fragments looked up on their target page
    ids: dict[str, set[str]] = field(default_factory=dict)  # every crawled page's ids (and <a name>s)
    truncated: bool = False  # stopped by max_pages or the time limit

    @property
    def ok(self) -> bool:
        return not self.broken_links and not self.broken_anchors and not self.truncated

    def summary(self) -> str:
        lines = [f"{len(self.pages)} pages, {len(self.assets)} assets, {self.anchors_checked} anchors checked"]
        lines += [f"broken link on {b.source}: {b.target} ({b.status})" for b in self.broken_links]
        lines += [f"broken anchor on {b.source}: {b.target}" for b in self.broken_anchors]
        if self.truncated:
            lines.append("crawl truncated (max pages or time limit reached)")
        return "\n".join(lines)


# ------------------------------------------------------------------ server


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def translate_path(self, path: str) -> str:
        # Only called after do_GET/do_HEAD checked the prefix.
        rest = urlsplit(path).path[len(self.prefix) - 1 :]
        return super().translate_path(rest)

    def _in_prefix(self) -> bool:
        path = urlsplit(self.path).path
        return path.startswith(self.prefix) or path + "/" == self.prefix

    def do_GET(self) -> None:
        if not self._in_prefix():
            self.send_error(404)
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        if not self._in_prefix():
            self.send_error(404)
            return
        super().do_HEAD()


@contextmanager
def serve_directory(root: Path, prefix: str = "/repo/") -> Iterator[str]:
    """Serve ``root`` at http://127.0.0.1:<free port><prefix>; yield that base URL."""
    if not prefix.startswith("/") or not prefix.endswith("/"):
        raise ValueError("prefix must start and end with '/'")
    root = Path(root).resolve()

    class Handler(_PrefixHandler):
        pass

    Handler.prefix = prefix

    def factory(*args, **kwargs):  # type: ignore[no-untyped-def]
        return Handler(*args, directory=str(root), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# ------------------------------------------------------------------ parsing


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.base_href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag in ("a", "map") and "name" in values:
            self.ids.add(values["name"])  # legacy anchors
        if tag == "base" and "href" in values and self.base_href is None:
            self.base_href = values["href"]
        for attr in LINK_ATTRS.get(tag, ()):
            value = values.get(attr)
            if not value:
                continue
            if attr == "srcset":
                self.links.extend(part.strip().split()[0] for part in value.split(",") if part.strip())
            else:
                self.links.append(value.strip())

    handle_startendtag = handle_starttag


def _parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser


# ------------------------------------------------------------------ crawling


@dataclass
class _Fetched:
    status: int | str
    is_html: bool = False
    text: str = ""
    final_url: str = ""


def _fetch(url: str, timeout: float) -> _Fetched:
    # Keys are percent-decoded; put the escapes back for the request line.
    parts = urlsplit(url)
    url = f"{parts.scheme}://{parts.netloc}{quote(parts.path, safe=_PATH_SAFE)}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (local only)
            body = response.read()
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or "utf-8"
            is_html = ctype in HTML_TYPES
            text = body.decode(charset, errors="replace") if is_html else ""
            return _Fetched(response.status, is_html, text, response.geturl())
    except urllib.error.HTTPError as exc:
        return _Fetched(exc.code)
    except (urllib.error.URLError, OSError) as exc:
        return _Fetched(str(exc))


def _scope_of(start_url: str) -> str:
    """Everything under the start page's folder is internal."""
    parts = urlsplit(start_url)
    folder = parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{folder}"


def _normalize(url: str) -> str:
    """Percent-decode the path (so /a%20b and /a b are one page) and drop the query."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{unquote(parts.path)}"


def _ignored_fragment(fragment: str) -> bool:
    return not fragment or fragment.startswith(":~:") or fragment == "top"


def crawl(
    start_url: str,
    *,
    max_pages: int = 500,
    timeout: float = 30.0,
    request_timeout: float = 5.0,
) -> CrawlReport:
    """Crawl the site from ``start_url``; internal means under the start page's folder.

    Links to other schemes (mailto:, data:, javascript:) and to other hosts are
    not fetched; http(s) ones go to ``external_links``. Internal links outside
    the prefix are fetched too (and reported broken if they fail), but not
    followed. Every ``#fragment`` must name an id (or <a name>) on the target
    page; ``#:~:text=`` fragments and ``#top`` are allowed.
    """
    scope = _scope_of(start_url)
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(start_url))
    deadline = time.monotonic() + timeout
    report = CrawlReport()
    externals: set[str] = set()
    # page URL (normalized) -> fetched result and ids (None when not an HTML page)
    seen: dict[str, _Fetched] = {}
    ids_of: dict[str, set[str]] = {}
    anchors_to_check: list[tuple[str, str, str, str]] = []  # (source, full target, page key, fragment)
    queue: list[str] = [_normalize(start_url)]
    reported: set[tuple[str, str]] = set()

    def visit(key: str) -> _Fetched:
        if key not in seen:
            fetched = _fetch(key, request_timeout)
            seen[key] = fetched
            if fetched.is_html and fetched.status == 200:
                ids_of[key] = set()  # filled when the page is parsed
        return seen[key]

    index = 0
    while index < len(queue):
        if time.monotonic() > deadline or len(report.pages) >= max_pages:
            report.truncated = True
            break
        page = queue[index]
        index += 1
        fetched = visit(page)
        if fetched.status != 200:
            if index == 1:
                report.broken_links.append(BrokenLink("(start)", page, fetched.status))
            continue
        if not fetched.is_html:
            continue
        report.pages.append(page)
        parsed = _parse(fetched.text)
        ids_of[page] = parsed.ids
        base = urljoin(fetched.final_url or page, parsed.base_href) if parsed.base_href else (fetched.final_url or page)
        for raw in parsed.links:
            target = urljoin(base, raw)
            scheme = urlsplit(target).scheme
            if scheme not in ("http", "https"):
                continue  # mailto:, data:, javascript:, tel:
            if not target.startswith(origin):
                externals.add(target)
                continue
            without_fragment, fragment = urldefrag(target)
            key = _normalize(without_fragment)
            if not key.startswith(scope):
                # Same host but outside the site: still must exist (e.g. /repo vs /), not crawled.
                result = visit(key)
                if result.status != 200 and (page, key) not in reported:
                    reported.add((page, key))
                    report.broken_links.append(BrokenLink(page, key, result.status))
                continue
            result = visit(key)
            if result.status != 200:
                if (page, key) not in reported:
                    reported.add((page, key))
                    report.broken_links.append(BrokenLink(page, key, result.status))
                continue
            if result.is_html and key not in queue:
                queue.append(key)
            elif not result.is_html and key not in report.assets:
                report.assets.append(key)
            decoded = unquote(fragment)
            if not _ignored_fragment(decoded):
                anchors_to_check.append((page, target, key, decoded))

    # Fragments are checked after the crawl so each target page has been parsed.
    for source, target, key, fragment in anchors_to_check:
        if key not in ids_of or not seen[key].is_html:
            continue  # a fragment on a non-HTML asset (e.g. an image) is not checked
        if key not in report.pages:
            # reachable only as a fragment target beyond the limits: parse it now
            if seen[key].status == 200:
                ids_of[key] = _parse(seen[key].text).ids
        report.anchors_checked += 1
        if fragment not in ids_of[key]:
            report.broken_anchors.append(BrokenAnchor(source, target, fragment))

    report.external_links = sorted(externals)
    report.ids = {page: ids_of.get(page, set()) for page in report.pages}
    return report
