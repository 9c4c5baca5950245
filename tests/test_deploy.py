"""Publishing: the stdlib crawler, and `build.py deploy` against real git repositories."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import write_tree
from sitecrawl import crawl, serve_directory

# ------------------------------------------------------------------ the crawler itself

TINY_SITE = {
    "index.html": (
        '<!doctype html><title>t</title><link rel="stylesheet" href="style.css">'
        '<a href="sub/">sub</a> <a href="page%20two.html#para">two</a> '
        '<a href="missing.html">gone</a> <a href="sub/#nope">bad anchor</a> '
        '<a href="https://example.org/elsewhere">ext</a> <a href="#:~:text=hello">text</a> '
        '<a href="mailto:x@example.org">mail</a> <img src="logo.svg" alt="">'
    ),
    "style.css": "body { color: black }",
    "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "page two.html": '<p id="para">two</p><a href="index.html#top">top</a><a name="legacy"></a>',
    "sub/index.html": '<h1 id="yes">sub</h1><a href="../page%20two.html#legacy">legacy</a><a href="../">up</a>',
}


def test_crawler_reports_broken_link_and_broken_anchor(tmp_path: Path) -> None:
    write_tree(tmp_path, TINY_SITE)
    with serve_directory(tmp_path, prefix="/repo/") as base:
        assert base.startswith("http://127.0.0.1:") and base.endswith("/repo/")
        report = crawl(base)
    # index.html is reached both as /repo/ and /repo/index.html, so each problem shows up
    # once per page it is on; what matters is which targets are reported.
    assert {(b.target.rsplit("/", 1)[-1], b.status) for b in report.broken_links} == {("missing.html", 404)}
    assert {(b.target.split("/repo/", 1)[1], b.fragment) for b in report.broken_anchors} == {("sub/#nope", "nope")}
    assert report.external_links == ["https://example.org/elsewhere"]
    pages = {p.split("/repo/", 1)[1] for p in report.pages}
    assert pages == {"", "sub/", "page two.html", "index.html"}  # percent-decoded
    assets = {a.split("/repo/", 1)[1] for a in report.assets}
    assert assets == {"style.css", "logo.svg"}
    assert not report.ok and not report.truncated


def test_crawler_passes_a_clean_site_and_honours_limits(tmp_path: Path) -> None:
    site = dict(TINY_SITE)
    site["index.html"] = '<a href="sub/">sub</a><a href="page%20two.html#para">two</a>'
    write_tree(tmp_path, site)
    with serve_directory(tmp_path) as base:
        report = crawl(base)
        assert report.ok, report.summary()
        limited = crawl(base, max_pages=1)
    assert limited.truncated and len(limited.pages) == 1


def test_server_serves_only_under_its_prefix_and_stops(tmp_path: Path) -> None:
    write_tree(tmp_path, {"index.html": "<p>hi</p>"})
    with serve_directory(tmp_path, prefix="/proj/") as base:
        with urllib.request.urlopen(base, timeout=5) as response:
            assert response.read() == b"<p>hi</p>"
        root = base.replace("/proj/", "/")
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(root + "index.html", timeout=5)
        assert info.value.code == 404
    with pytest.raises(OSError):
        urllib.request.urlopen(base, timeout=2)
