"""Which page shows what: claims by section on numbered pages, list pages, the
index's budget, capped markers, the old-permalink lookup, source names, and the
search index's files."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from test_render_html import Page, bridge_sheet, cite, config_for, record, sentence

from factsheet.models import Claim, Sheet, SourceSummary
from factsheet.render import Limits, render_site
from factsheet.render.names import source_name, url_host
from factsheet.render.plan import lookup_shard, plan_site
from factsheet.render.search import normalize, term_file, words

TINY = Limits(glance=1, index_claims=1, index_rows=1, index_disagreements=1, markers=1, claims_per_page=1,
              rows_per_page=1, disagreements_per_page=1, claims_per_lookup_shard=2)


def render_with(tmp_path: Path, sheet: Sheet, limits: Limits, name: str = "site") -> Path:
    dest = tmp_path / name
    dest.mkdir()
    render_site(sheet, config_for(tmp_path), dest, limits=limits)
    return dest


def _script_arg(path: Path, call: str) -> list:
    text = path.read_text(encoding="utf-8")
    prefix = f"factsheetSearch.{call}(" if call else "factsheetLookup("
    assert text.startswith(prefix) and text.endswith(");\n"), path
    return json.loads(f"[{text[len(prefix):-3]}]")


def test_source_names_prefer_publisher_then_title_then_host_then_file() -> None:
    base = SourceSummary("a-1", "folder/a_1.txt", None, None, None, None, None, 0)
    assert source_name(dataclasses.replace(base, publisher="Valley Gazette", title="T"), "a-1") == "Valley Gazette"
    assert source_name(dataclasses.replace(base, title="Bridge shut  for repairs"), "a-1") == "Bridge shut for repairs"
    assert source_name(dataclasses.replace(base, url="https://www.news.example/x?y=1"), "a-1") == "news.example"
    assert source_name(dataclasses.replace(base, url="javascript:alert(1)"), "a-1") == "a_1.txt"
    assert source_name(base, "a-1") == "a_1.txt"
    long = source_name(dataclasses.replace(base, title="word " * 30), "a-1")
    assert len(long) <= 48 and long.endswith("…")
    assert url_host("ftp://x.example/") is None and url_host("https://www.example.org") == "example.org"


def test_every_claim_has_one_page_of_its_section_and_lists_are_paginated(tmp_path: Path) -> None:
    sheet = bridge_sheet()
    site = render_with(tmp_path, sheet, TINY)
    found: dict[str, list[str]] = {}
    for page in sorted((site / "claims").glob("*.html")):
        for anchor in Page(page.read_text()).ids:
            if anchor.startswith("claim-"):
                found.setdefault(anchor[6:], []).append(page.name)
    assert sorted(found) == sorted(c.id for c in sheet.claims)
    assert all(len(pages) == 1 for pages in found.values())
    assert found["c-closed"] == ["corroborated-1.html"] and found["c-sad"] == ["commentary-1.html"]
    # Single source holds two claims: one per page at claims_per_page=1, pinned first.
    assert found["c-detour"] == ["single-source-1.html"] and found["c-quote"] == ["single-source-2.html"]
    first = (site / "claims" / "single-source-1.html").read_text()
    assert 'href="../claims/single-source-2.html" rel="next"' in first and 'rel="prev"' not in first
    assert "Claims 1–1 of 2" in first
    # List pages: one row each here; the timeline in date order.
    assert sorted(p.name for p in (site / "lists").glob("timeline-*.html")) == ["timeline-1.html", "timeline-2.html"]
    assert "Council votes." in (site / "lists" / "timeline-1.html").read_text()
    assert "Bridge closed." in (site / "lists" / "timeline-2.html").read_text()
    assert sorted(p.name for p in (site / "lists").glob("sources-*.html")) == ["sources-1.html", "sources-2.html"]
    # The index shows one row of each and links to the rest.
    index = (site / "index.html").read_text()
    assert 'href="lists/timeline-1.html">All 2 events</a>' in index
    assert 'href="claims/single-source-1.html">All 2 single source claims (2 pages)</a>' in index
    assert index.count('id="claim-') == 4  # one per section


def test_the_lookup_finds_every_claims_page(tmp_path: Path) -> None:
    sheet = bridge_sheet()
    site = render_with(tmp_path, sheet, TINY)
    plan = plan_site(sheet, TINY)
    assert plan.lookup_shards == 3  # 5 claims, 2 per shard
    assert f'data-lookup-shards="{plan.lookup_shards}"' in (site / "index.html").read_text()
    seen = {}
    for k in range(plan.lookup_shards):
        shard, pages = _script_arg(site / "claims" / f"lookup-{k}.js", "")
        assert shard == k
        for claim_id, page in pages.items():
            assert lookup_shard(claim_id, plan.lookup_shards) == k
            seen[claim_id] = page
    assert seen == {cid: path[len("claims/"):-len(".html")] for cid, path in plan.claim_paths.items()}


def test_lookup_shards_use_fnv1a() -> None:
    # FNV-1a 32-bit test vectors; site.js computes the same over UTF-16 code units.
    assert lookup_shard("", 1 << 32) == 0x811C9DC5
    assert lookup_shard("a", 1 << 32) == 0xE40C292C
    assert lookup_shard("foobar", 1 << 32) == 0xBF9CF968


def _many_citations_sheet(n: int) -> Sheet:
    sheet = bridge_sheet()
    records = []
    citations = []
    for i in range(n):
        rec = record(f"wire-{i:02d}", f"Wire copy {i}", (sentence(1, "The Millbrook bridge closed on Monday.", 0),),
                     publisher=f"Wire {i:02d}")
        records.append(rec)
        citations.append(cite(rec, "s1"))
    claim = Claim("c-wide", "The bridge closed on Monday.", "fact", n, "corroborated", tuple(citations))
    summaries = tuple(SourceSummary(r.id, r.path, r.title, r.publisher, r.date, r.url, None, 1) for r in records)
    return dataclasses.replace(sheet, claims=sheet.claims + (claim,), sources=sheet.sources + summaries,
                               records=sheet.records + tuple(records))


def test_a_row_shows_at_most_its_markers_and_its_page_shows_all(tmp_path: Path) -> None:
    site = render_with(tmp_path, _many_citations_sheet(12), Limits())
    index = (site / "index.html").read_text()
    row = index.split('id="claim-c-wide"')[1].split("</li>")[0]
    assert row.count('class="cite"') == 8
    assert '<a class="more" href="claims/corroborated-1.html#claim-c-wide" aria-label="4 more citations">+4</a>' in row
    page = (site / "claims" / "corroborated-1.html").read_text()
    row = page.split('id="claim-c-wide"')[1].split("</li>")[0]
    assert row.count('class="cite"') == 12 and 'class="more"' not in row


def test_an_index_over_its_budget_is_cut_down_until_it_fits(tmp_path: Path) -> None:
    sheet = bridge_sheet()
    long_claims = tuple(Claim(f"c-long-{i:03d}", f"Claim {i}: " + "a long sentence about the bridge " * 60, "fact", 1,
                              "single-source", (cite(sheet.records[1], "s2"),)) for i in range(60))
    big = dataclasses.replace(sheet, claims=sheet.claims + long_claims)
    roomy = render_with(tmp_path, big, Limits(), "roomy")
    assert (roomy / "index.html").stat().st_size > 50_000
    tight = render_with(tmp_path, big, Limits(index_bytes=50_000), "tight")
    html = (tight / "index.html").read_text()
    assert len(html.encode()) <= 50_000
    assert 0 < html.count('id="claim-c-long-') < 25  # fewer rows, not none
    # Every claim still has its page.
    pages = " ".join(p.read_text() for p in (tight / "claims").glob("*.html"))
    assert all(f'id="claim-{c.id}"' in pages for c in big.claims)


def test_search_index_files_list_the_documents_of_each_word(tmp_path: Path) -> None:
    sheet = bridge_sheet()
    site = render_with(tmp_path, sheet, Limits())
    (manifest,) = _script_arg(site / "search" / "index.js", "manifest")
    docs = []
    for k in range((manifest["docs"] + manifest["docsPerShard"] - 1) // manifest["docsPerShard"]):
        shard, body = _script_arg(site / "search" / f"d-{k}.js", "docs")
        assert shard == k
        docs += [(body["pages"][p][0], anchor, text) for p, anchor, text in body["docs"]]
    assert len(docs) == manifest["docs"] == len(sheet.claims) + sum(len(r.sentences) for r in sheet.records)
    # Claims first, in reading order, then each source's sentences.
    assert docs[0][0].startswith("claims/") and docs[-1][0].startswith("sources/")
    assert ("sources/gazette.html", "s3", "Repairs will cost $4 million, the council said.") in docs
    for key in manifest["keys"]:
        key_, table = _script_arg(site / "search" / term_file(key), "terms")
        assert key_ == key
        for term, deltas in table.items():
            ids, at = [], 0
            for d in deltas:
                at += d
                ids.append(at)
            assert ids == [i for i, (_, _, text) in enumerate(docs) if term in words(text)], term
    assert "millbrook" in _script_arg(site / "search" / term_file("mil"), "terms")[1]
    assert manifest["common"] == []  # a small sheet indexes every word


def test_search_words_are_lower_case_without_accents() -> None:
    assert words("Café CRÈME, naïve 3.5%") == ["cafe", "creme", "naive", "3", "5"]
    assert normalize("Ärzte") == "arzte"
    assert re.fullmatch(r"t-[0-9a-f]+\.js", term_file("é1"))
