"""A 1,000-article synthetic sheet in a real Chromium: the index stays within its
budget, every claim of facts.json has a page and an anchor that exist (a crawl),
an old index permalink finds the claim's page, and the site-wide search finds a
claim that is not on the index and a sentence of a source page, under /repo/.

Load times are measured by benchmarks/page_load.py, not here."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from browser_helpers import big_site, big_url, browser, page  # noqa: F401 (fixtures)

from sitecrawl import crawl

pytestmark = pytest.mark.browser

INDEX_BUDGET = 500_000
PAGE_CEILING = 1_000_000  # no page of the site may come near the size of the old one-page sheet
_ID = re.compile(r'\bid="([^"]+)"')
_WORD = re.compile(r"[A-Za-z]{6,}")


def _facts(site: Path) -> dict:
    return json.loads((site / "facts.json").read_text(encoding="utf-8"))


def _index_ids(site: Path) -> set[str]:
    return set(_ID.findall((site / "index.html").read_text(encoding="utf-8")))


def _rare_words(text: str, frequency: Counter, n: int = 3) -> list[str]:
    words = sorted(set(_WORD.findall(text)), key=lambda w: (frequency[w.lower()], w))
    return words[:n]


def _rarity(text: str, frequency: Counter) -> tuple[int, int]:
    """How findable a text is by its three rarest words: lower is better."""
    words = _rare_words(text, frequency)
    if len(words) < 3:
        return (1 << 30, 0)
    return (max(frequency[w.lower()] for w in words), sum(frequency[w.lower()] for w in words))


def test_the_index_fits_its_budget_and_no_page_is_big(big_site: Path) -> None:
    facts = _facts(big_site)
    assert len(facts["sources"]) == 1000 and len(facts["claims"]) > 1000
    index = (big_site / "index.html").stat().st_size
    assert index <= INDEX_BUDGET, index
    sizes = {p.relative_to(big_site).as_posix(): p.stat().st_size for p in big_site.rglob("*.html")}
    assert max(sizes.values()) < PAGE_CEILING, max(sizes.items(), key=lambda kv: kv[1])
    # The index shows the start of every section and links to the rest.
    html = (big_site / "index.html").read_text(encoding="utf-8")
    for heading in ("At a glance", "Key figures", "Where sources disagree", "Who’s who", "Timeline", "All claims",
                    "Sources"):
        assert f">{heading}</h2>" in html, heading
    assert 'href="claims/single-source-1.html"' in html and 'href="lists/figures-1.html"' in html


def test_every_claim_has_a_page_and_an_anchor_that_exist(big_site: Path, big_url: str) -> None:
    report = crawl(big_url + "index.html", max_pages=5000, timeout=600)
    assert report.ok, report.summary()
    found: dict[str, str] = {}
    for page_url, ids in report.ids.items():
        for anchor in ids:
            if anchor.startswith("claim-") and "/repo/claims/" in page_url:
                found.setdefault(anchor[len("claim-"):], page_url)
    claims = [c["id"] for c in _facts(big_site)["claims"]]
    missing = [c for c in claims if c not in found]
    assert not missing, f"{len(missing)} claims have no page, e.g. {missing[:5]}"
    # Every source page was reached too, and the citations into them resolved (report.ok).
    pages = {p.rsplit("/repo/", 1)[1] for p in report.pages}
    assert {f"sources/{s['id']}.html" for s in _facts(big_site)["sources"]} <= pages


def test_an_old_index_permalink_finds_the_claims_page(page, big_site: Path, big_url: str) -> None:
    on_index = _index_ids(big_site)
    claim = next(c for c in _facts(big_site)["claims"] if f"claim-{c['id']}" not in on_index)
    page.goto(f"{big_url}index.html#claim-{claim['id']}")
    page.wait_for_url(re.compile(r"/repo/claims/[a-z-]+-\d+\.html#claim-" + re.escape(claim["id"]) + "$"))
    target = page.locator(f"[id='claim-{claim['id']}']")
    assert claim["text"] in target.inner_text()
    assert "hl" in (target.get_attribute("class") or "").split()


def test_search_finds_a_claim_that_is_not_on_the_index(page, big_site: Path, big_url: str) -> None:
    facts = _facts(big_site)
    on_index = _index_ids(big_site)
    frequency = Counter(w.lower() for c in facts["claims"] for w in set(_WORD.findall(c["text"])))
    claim = min((c for c in facts["claims"] if f"claim-{c['id']}" not in on_index),
                key=lambda c: (_rarity(c["text"], frequency), c["id"]))
    query = " ".join(_rare_words(claim["text"], frequency))
    page.goto(big_url + "lists/sources-1.html")  # any page: the search box is on all of them
    page.fill("#site-search-q", query)
    hit = page.locator(f"#site-search-hits a[href$='#claim-{claim['id']}']")
    hit.first.wait_for(timeout=20_000)
    assert hit.first.evaluate("a => a.href").startswith(big_url + "claims/")
    assert claim["text"][:40] in hit.first.inner_text()
    hit.first.click()
    page.wait_for_url(re.compile(r"#claim-" + re.escape(claim["id"]) + "$"))
    target = page.locator(f"[id='claim-{claim['id']}']")
    assert claim["text"] in target.inner_text()


def test_search_finds_a_sentence_of_a_source_page(page, big_site: Path, big_url: str) -> None:
    facts = _facts(big_site)
    cited = {(x["source"], x["sentence"]) for c in facts["claims"] for x in c["citations"]}
    records = [json.loads((big_site / "sources" / f"{s['id']}.json").read_text(encoding="utf-8"))
               for s in facts["sources"][:200]]
    frequency = Counter(w.lower() for r in records for s in r["sentences"] for w in set(_WORD.findall(s["text"])))
    # Prefer a sentence no claim quotes: then only its source page holds it.
    source_id, sentence = min(((r["id"], s) for r in records for s in r["sentences"]),
                              key=lambda rs: ((rs[0], rs[1]["id"]) in cited, _rarity(rs[1]["text"], frequency),
                                              rs[0], rs[1]["id"]))
    page.goto(big_url + "index.html")
    page.fill("#site-search-q", " ".join(_rare_words(sentence["text"], frequency)))
    hit = page.locator(f"#site-search-hits a[href$='sources/{source_id}.html#{sentence['id']}']")
    hit.first.wait_for(timeout=20_000)
    assert hit.first.evaluate("a => a.href").startswith(big_url + "sources/")
    hit.first.click()
    page.wait_for_url(re.compile(re.escape(f"/repo/sources/{source_id}.html#{sentence['id']}") + "$"))
    target = page.locator(f"[id='{sentence['id']}']")
    assert target.inner_text() == sentence["text"]
    assert "hl" in (target.get_attribute("class") or "").split()


def test_pages_of_every_kind_load_without_script_errors(page, big_site: Path, big_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    source = sorted((big_site / "sources").glob("*.html"))[0].name
    claims_page = sorted((big_site / "claims").glob("*.html"))[-1].name  # a claim list's page, whichever exist
    for path in ("index.html", f"claims/{claims_page}", "lists/figures-1.html", f"sources/{source}"):
        page.goto(big_url + path)
        page.wait_for_load_state("load")
        assert page.locator("#site-search").is_visible(), path
        # Citation popups work on every page that has notes.
        marker = page.locator("a.cite[aria-describedby]").first
        if marker.count():
            marker.focus()
            assert page.locator("#cite-pop").is_visible(), path
    assert errors == []
