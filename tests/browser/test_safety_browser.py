"""Hostile article text (body and front matter) is shown as text and never runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_helpers import browser, build_into, page  # noqa: F401 (fixtures)

from sitecrawl import serve_directory

pytestmark = pytest.mark.browser

HOSTILE = '''---
title: "Flood </script><script>window.__pwned = 'title'</script> update"
publisher: "<img src=x onerror=\\"window.__pwned = 'publisher'\\">River Post"
author: "<svg onload=\\"window.__pwned = 'author'\\"></svg>Dana Lee"
url: "javascript:window.__pwned = 'url'"
tags: ["<script>window.__pwned = 'tag'</script>", "floods"]
description: "<body onload=\\"window.__pwned = 'description'\\">"
date: 2023-05-04
---
The river rose four metres overnight and flooded the lower town on Thursday. <script>window.__pwned = 'body'; alert('body')</script> Emergency crews evacuated about 300 residents from homes near the water.

Officials said the <img src=x onerror="window.__pwned = 'img'; alert('img')"> levee held in most places. The mayor said the clean-up would take weeks and asked volunteers to register online.

Rain is expected to ease by the weekend, forecasters said, but the river will stay high until Monday.
'''

OTHER = '''---
title: Lower town flooded
publisher: Valley Radio
url: https://radio.example/flood
date: 2023-05-04
---
The river rose four metres overnight and flooded the lower town on Thursday. Emergency crews evacuated about 300 residents, the fire service said.

Forecasters expect the rain to ease by the weekend.
'''


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("hostile")
    (root / "content").mkdir()
    (root / "content" / "flood.md").write_text(HOSTILE, encoding="utf-8")
    (root / "content" / "radio.md").write_text(OTHER, encoding="utf-8")
    site = build_into(root / "content", root / "site")
    with serve_directory(site, "/repo/") as url:
        yield url, site


def test_no_script_from_article_text_runs_and_the_text_shows_literally(page, hostile_url):
    url, site = hostile_url
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    pages = ["index.html"] + [f"sources/{p.name}" for p in sorted((site / "sources").glob("*.html"))]
    assert len(pages) == 3
    seen_text = ""
    for path in pages:
        page.goto(url + path)
        page.wait_for_load_state("load")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.wait_for_timeout(100)  # let any injected onerror/onload fire
        assert page.evaluate("window.__pwned") is None, path
        # No element from article text: only our two scripts, no event-handler attributes.
        scripts = page.evaluate("[...document.scripts].map(s => s.type || s.src)")
        assert len(scripts) == 2, (path, scripts)
        handlers = page.evaluate("""[...document.querySelectorAll('*')].flatMap(el =>
            [...el.attributes].map(a => a.name).filter(n => n.startsWith('on')))""")
        assert handlers == [], path
        hrefs = page.evaluate("[...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript")], path
        seen_text += page.evaluate("document.body.innerText") + page.title()
    assert dialogs == [] and errors == []
    # Shown as text: the title, and the front-matter values that the reader keeps.
    assert "</script><script>window.__pwned = 'title'</script>" in seen_text
    assert "<img src=x onerror=\"window.__pwned = 'publisher'\">River Post" in seen_text
    # Body markup shows as text, in the kept text or in "what cleaning removed".
    assert "<script>window.__pwned = 'body'; alert('body')</script>" in seen_text
    assert "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">" in seen_text
