"""The seed fact sheet in a real Chromium: citations, search and filters,
keyboard use, accessibility (axe-core), layout at phone and desktop widths,
print, and every link and anchor under a /repo/ prefix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from browser_helpers import artifacts, axe_source, browser, page, seed_site, seed_url  # noqa: F401 (fixtures)

from sitecrawl import crawl

pytestmark = pytest.mark.browser

IN_VIEWPORT = """el => { const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth; }"""


def _note_quote(page, marker) -> str:  # type: ignore[no-untyped-def]
    note_id = marker.get_attribute("aria-describedby")
    return page.locator(f"#{note_id} .q").inner_text()


def test_citation_opens_the_source_scrolled_to_the_highlighted_sentence(page, seed_url):
    page.goto(seed_url + "index.html")
    # A marker deep in the page, so that the sentence must be scrolled to.
    markers = page.locator("#claims a.cite[aria-describedby]")
    assert markers.count() > 0
    marker = markers.nth(markers.count() - 1)
    quote = _note_quote(page, marker)
    href = marker.get_attribute("href")
    assert re.fullmatch(r"sources/[a-z0-9-]+\.html#s\d+", href or ""), href
    marker.click()
    page.wait_for_url(re.compile(r"/repo/sources/.+\.html#s\d+$"))
    sentence = page.locator(f"[id='{href.split('#')[1]}']")
    assert sentence.inner_text() == quote
    assert "hl" in (sentence.get_attribute("class") or "").split()
    assert "cited" in (sentence.get_attribute("class") or "").split()
    assert sentence.evaluate(IN_VIEWPORT)
    # The highlight is visible: its background differs from the page's.
    bg = sentence.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    # And the sentence links back to the claim that cites it.
    back = sentence.locator("xpath=following-sibling::a[contains(@class,'back')][1]")
    assert re.fullmatch(r"\.\./claims/[a-z-]+-\d+\.html#claim-[\w-]+", back.get_attribute("href") or "")


def test_search_finds_a_claim_by_a_word_and_filters_show_the_right_groups(page, seed_url):
    page.goto(seed_url + "index.html")
    claims = page.locator("#claims .group li")
    total = claims.count()
    assert total > 3
    texts = [t.lower() for t in page.locator("#claims .group li .ct").all_inner_texts()]
    # A word that some but not all claims contain.
    words = sorted({w for t in texts for w in re.findall(r"[a-z]{6,}", t)})
    word = next(w for w in words if 0 < sum(w in t for t in texts) < total)
    page.fill("#search-claims", word.upper())
    expected = sum(word in t for t in texts)
    visible = page.locator("#claims .group li:visible")
    assert visible.count() == expected
    for text in visible.locator(".ct").all_inner_texts():
        assert word in text.lower()
    assert f"{expected} of {total}" in page.inner_text("#claims-shown")

    page.fill("#search-claims", "zzzqqq-no-such-word")
    assert page.locator("#claims .group li:visible").count() == 0
    assert "No claim" in page.inner_text("#claims-shown")
    page.fill("#search-claims", "")
    assert page.locator("#claims .group li:visible").count() == total

    groups = page.locator("#claims .group").evaluate_all("els => els.map(e => [e.dataset.group, e.querySelectorAll('li').length])")
    assert groups
    for key, count in groups:
        page.check(f"#claims-tools input[value='{key}']")
        shown = page.locator("#claims .group:visible")
        assert shown.evaluate_all("els => els.map(e => e.dataset.group)") == [key]
        assert page.locator("#claims .group li:visible").count() == count
    page.check("#claims-tools input[value='all']")
    assert page.locator("#claims .group li:visible").count() == total


def test_keyboard_reaches_the_first_citation_and_shows_its_quote(page, seed_url):
    page.goto(seed_url + "index.html")
    first = page.locator("a.cite[aria-describedby]").first
    quote = _note_quote(page, first)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.cite[aria-describedby]')"):
            break
    else:
        pytest.fail("Tab never reached a citation marker")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first.get_attribute("href")
    # Visible focus: an outline is drawn.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    popup = page.locator("#cite-pop")
    assert popup.is_visible()
    assert quote in popup.inner_text()
    assert popup.evaluate(IN_VIEWPORT)
    page.keyboard.press("Escape")
    assert not popup.is_visible()
    # Enter follows the link to the sentence.
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sources/.+#s\d+$"))


def _axe_violations(page, axe_source: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}"
            for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(page, seed_url, seed_site, axe_source, scheme):
    page.emulate_media(color_scheme=scheme)
    source = sorted((seed_site / "sources").glob("*.html"))[0].name
    problems = []
    for path in ("index.html", f"sources/{source}", "404.html"):
        page.goto(seed_url + path)
        # Open the removed-text disclosure so its content is checked too.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        problems += [f"{path}: {p}" for p in _axe_violations(page, axe_source)]
    assert not problems, "\n".join(problems)


def test_screenshots_and_print(browser, seed_url, seed_site, artifacts: Path):
    source = sorted((seed_site / "sources").glob("*.html"))[0].name
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 900})
        pg = context.new_page()
        try:
            for path, name in (("index.html", "index"), (f"sources/{source}", "source")):
                pg.goto(seed_url + path)
                # Nothing overflows sideways at phone width.
                overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 1, f"{path} overflows by {overflow}px at {width}px"
                out = artifacts / f"{name}-{width}.png"
                pg.screenshot(path=str(out), full_page=(name == "source"))
                assert out.stat().st_size > 5000
            if width == 1280:
                pg.goto(seed_url + "index.html")
                pg.emulate_media(media="print")
                # The footnote list prints; screen-only controls do not.
                assert pg.locator("#notes").is_visible()
                assert not pg.locator("#claims-tools").is_visible()
                assert not pg.locator("nav").first.is_visible()
                marker = pg.locator("a.cite[aria-describedby]").first
                assert pg.evaluate("el => getComputedStyle(el, '::before').content", marker.element_handle()) == '"["'
                pg.screenshot(path=str(artifacts / "index-print.png"))
                pdf = artifacts / "index.pdf"
                pg.pdf(path=str(pdf), format="A4", print_background=False)
                assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
        finally:
            context.close()


def test_every_link_and_anchor_resolves_under_a_subpath(seed_url, seed_site):
    report = crawl(seed_url + "index.html", timeout=30)
    assert report.ok, report.summary()
    pages = {p.rsplit("/repo/", 1)[1] for p in report.pages}
    expected = {"index.html"} | {f"sources/{p.name}" for p in (seed_site / "sources").glob("*.html")}
    assert expected <= pages
    assert {"assets/site.css", "assets/site.js", "assets/favicon.svg"} <= {a.rsplit("/repo/", 1)[1] for a in report.assets}
    # No absolute internal URL without --base-url, and nothing under a "_" path.
    for html in seed_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'href="/' not in text and 'src="/' not in text, html
    assert not [p for p in seed_site.rglob("*") if p.name.startswith("_")]


def test_pages_make_no_request_outside_the_site(page, seed_url, seed_site):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    source = sorted((seed_site / "sources").glob("*.html"))[0].name
    page.goto(seed_url + "index.html")
    page.goto(seed_url + f"sources/{source}")
    assert requested and all(u.startswith(seed_url) for u in requested), requested


def test_site_search_finds_claims_and_source_sentences_under_a_subpath(page, seed_url, seed_site):
    facts = json.loads((seed_site / "facts.json").read_text(encoding="utf-8"))
    claim = facts["claims"][-1]
    word = max(re.findall(r"[A-Za-z]{5,}", claim["text"]), key=len)
    page.goto(seed_url + "sources/" + facts["sources"][0]["id"] + ".html")
    page.fill("#site-search-q", word.lower()[:-1])  # the start of a word is enough
    hits = page.locator("#site-search-hits a")
    hits.first.wait_for()
    hrefs = hits.evaluate_all("els => els.map(a => a.href)")
    assert all(h.startswith(seed_url) for h in hrefs), hrefs
    texts = [t.lower() for t in hits.all_inner_texts()]
    assert texts and all(word.lower()[:-1] in t for t in texts), texts
    assert any("#claim-" in h for h in hrefs) and any(re.search(r"/sources/.+#s\d+$", h) for h in hrefs)
    # Every word must match: a second word that the claim has narrows the hits to it and its sentences.
    other = min(re.findall(r"[A-Za-z]{5,}", claim["text"]), key=len)
    before = len(texts)
    page.fill("#site-search-q", f"{word} {other}")
    page.wait_for_function("""([a, b]) => { const hits = [...document.querySelectorAll('#site-search-hits a')];
        return hits.length > 0 && hits.every(h => h.textContent.toLowerCase().includes(a)
                                              && h.textContent.toLowerCase().includes(b)); }""",
                           arg=[word.lower(), other.lower()])
    assert 0 < page.locator("#site-search-hits a").count() < before
    page.fill("#site-search-q", "zzqqxx")
    page.wait_for_function("document.getElementById('site-search-status').textContent === 'Nothing matches.'")
    assert page.locator("#site-search-hits li").count() == 0


def test_works_from_file_urls(page, seed_site):
    page.goto(seed_site.joinpath("index.html").as_uri())
    marker = page.locator("#claims a.cite[aria-describedby]").first
    quote = _note_quote(page, marker)
    marker.click()
    page.wait_for_url(re.compile(r"file://.+/sources/.+\.html#s\d+$"))
    target = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"[id='{target}']").inner_text() == quote
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != ""
    assert page.evaluate("!!document.querySelector('link[rel=stylesheet]').sheet")
    # Search loads its index as scripts, which browsers allow from file:// too.
    claim = json.loads((seed_site / "facts.json").read_text(encoding="utf-8"))["claims"][0]
    page.goto(seed_site.joinpath("index.html").as_uri())
    page.fill("#site-search-q", max(re.findall(r"[A-Za-z]{5,}", claim["text"]), key=len))
    hit = page.locator("#site-search-hits a").first
    hit.wait_for()
    assert hit.evaluate("a => a.href").startswith("file://")
    hit.click()
    page.wait_for_url(re.compile(r"file://.+#(claim-[\w-]+|s\d+)$"))
