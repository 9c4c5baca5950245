"""The HTML render stage on hand-made Sheets (every section of the full model),
untrusted text, base URLs, template overrides and errors, the render cache, and
byte-identical rebuilds of the seed corpus."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SEED_CONTENT, run_cli
from factsheet.commands.build import build_site
from factsheet.config import Config, load_config
from factsheet.errors import BuildError
from factsheet.models import (
    Citation, Claim, Discrepancy, Entity, Figure, Quote, Record, RemovedSpan, Role, Sentence, Sheet,
    SourceSummary, TimelineEvent, ValueVariant,
)
from factsheet.render import RenderCache, render_site
from factsheet.render.links import safe_http_url, text_fragment_url

EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def sentence(i: int, text: str, paragraph: int, block: str = "paragraph") -> Sentence:
    return Sentence(f"s{i}", text, i * 100, i * 100 + len(text), paragraph, block)  # type: ignore[arg-type]


def record(rid: str, title: str, sentences: tuple[Sentence, ...], **kw) -> Record:  # type: ignore[no-untyped-def]
    fields = dict(
        id=rid, path=f"{rid}.md", content_hash="0" * 64, title=title, publisher=kw.pop("publisher", "Valley Gazette"),
        date="2024-03-02", url=kw.pop("url", f"https://example.org/{rid}"), author=None, tags=kw.pop("tags", ()),
        description=None, meta={}, inferred=(), text="\n\n".join(s.text for s in sentences), sentences=sentences,
        removed=kw.pop("removed", ()),
    )
    fields.update(kw)
    return Record(**fields)  # type: ignore[arg-type]


def cite(rec: Record, sid: str) -> Citation:
    s = next(x for x in rec.sentences if x.id == sid)
    return Citation(rec.id, s.id, s.text, s.start, s.end)


def bridge_sheet(*, title: str = "Millbrook bridge closure", evil: bool = False) -> Sheet:
    """A small but complete sheet about a made-up event: a bridge closed for repairs."""
    a = record("gazette", EVIL if evil else "Bridge shut for repairs", (
        sentence(1, "Repairs", 0, "heading"),
        sentence(2, "The Millbrook bridge closed on Monday for repairs.", 1),
        sentence(3, "Repairs will cost $4 million, the council said.", 1),
        sentence(4, "Detours add ten minutes.", 2, "bullet"),
        sentence(5, "Buses keep running.", 3, "bullet"),
        sentence(6, EVIL if evil else "\"We had no choice,\" said mayor Ana Ruiz.", 4, "quote"),
    ), removed=(RemovedSpan(0, 20, "Subscribe to our newsletter!", "newsletter prompt"),),
        publisher=EVIL if evil else "Valley Gazette", tags=(EVIL,) if evil else ("roads",),
        url="javascript:alert(1)" if evil else "https://example.org/gazette")
    b = record("courier", "Council closes bridge", (
        sentence(1, "The council closed the Millbrook bridge on Monday.", 0),
        sentence(2, "The work is expected to cost $5 million.", 0),
        sentence(3, "It is a sad day for the town, one resident wrote.", 1),
    ), publisher="Hill Courier", url="https://example.com/a?x=1&y=2")
    closed = Claim("c-closed", "The Millbrook bridge closed on Monday for repairs.", "fact", 2, "corroborated",
                   (cite(a, "s2"), cite(b, "s1")))
    cost = Claim("c-cost", EVIL if evil else "Repairs will cost $4 million or $5 million.", "figure", 2, "disputed",
                 (cite(a, "s3"), cite(b, "s2")), discrepancies=("d-cost",), numbers=("4000000", "5000000"))
    detour = Claim("c-detour", "Detours add ten minutes.", "fact", 1, "single-source", (cite(a, "s4"),), pinned=True)
    quote = Claim("c-quote", "Mayor Ana Ruiz said the city had no choice.", "quote", 1, "single-source", (cite(a, "s6"),))
    sad = Claim("c-sad", "A resident called it a sad day for the town.", "commentary", 1, "single-source", (cite(b, "s3"),))
    return Sheet(
        title=EVIL if evil else title,
        summary="Everything the sources say about the bridge." if not evil else EVIL,
        intro_html="<p>Compiled by the <em>desk</em>.</p>",
        sources=(
            SourceSummary("courier", "courier.md", b.title, b.publisher, "2024-03-03", b.url, None, 2),
            SourceSummary("gazette", "gazette.md", a.title, a.publisher, "2024-03-02", a.url, None, 4),
        ),
        claims=(closed, cost, detour, quote, sad),
        discrepancies=(Discrepancy("d-cost", "Sources differ on the repair cost.", "repair cost", ("c-cost",), (
            ValueVariant("$4 million", ("gazette",), ("c-cost",)),
            ValueVariant("$5 million", ("courier",), ("c-cost",)),
        )),),
        figures=(Figure("f-cost", "$4 million", "USD", "cost of the repairs", "c-cost", ("gazette",), 4e6, 4e6),),
        quotes=(Quote("q-ruiz", "Ana Ruiz", EVIL if evil else "We had no choice,", "c-quote", ("gazette",)),),
        entities=(Entity("e-ruiz", "Ana Ruiz", "person", ("Ruiz", "Mayor Ruiz"),
                         (Role("mayor of Millbrook", ("gazette",)),), ("gazette",), ("c-quote",)),),
        timeline=(
            TimelineEvent("t-2", "2024-03-04", "Bridge closed.", "c-closed", ("courier", "gazette")),
            TimelineEvent("t-1", "2024-02", "Council votes.", None, ("courier",)),
        ),
        date_range=("2024-03-02", "2024-03-03"),
        records=(b, a),
    )


def config_for(tmp_path: Path, **kw) -> Config:  # type: ignore[no-untyped-def]
    (tmp_path / "content").mkdir(exist_ok=True)
    return Config(content_dir=tmp_path / "content", out_dir=tmp_path / "site", **kw)


def render(tmp_path: Path, sheet: Sheet, name: str = "site", **kw) -> Path:  # type: ignore[no-untyped-def]
    dest = tmp_path / name
    dest.mkdir()
    render_site(sheet, config_for(tmp_path, **kw), dest)
    return dest


class Page(HTMLParser):
    """ids, hrefs, script bodies and text of a page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.attrs: list[str] = []
        self._script: dict[str, str | None] | None = None
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        d = dict(attrs)
        self.attrs += [k for k, _ in attrs]
        if "id" in d:
            self.ids.append(d["id"] or "")
        if "href" in d:
            self.hrefs.append(d["href"] or "")
        if tag == "script":
            self._script = d
            self.scripts.append((d, ""))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "script":
            self._script = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._script is not None:
            d, body = self.scripts[-1]
            self.scripts[-1] = (d, body + data)
        else:
            self.text.append(data)


def test_every_section_of_a_full_sheet_is_rendered(tmp_path: Path) -> None:
    site = render(tmp_path, bridge_sheet())
    html = (site / "index.html").read_text()
    page = Page(html)
    text = " ".join(" ".join(page.text).split())
    for heading in ("At a glance", "Key figures", "Where sources disagree", "Quotes", "Who’s who", "Timeline",
                    "All claims", "Sources", "Citations"):
        assert f">{heading}</h2>" in html, heading
    assert "<p>Compiled by the <em>desk</em>.</p>" in html  # the sanitized intro, as HTML
    assert "2 sources · 5 claims · 2024-03-02 – 2024-03-03" in text
    # Pinned first in the glance; disputed and commentary never there.
    glance = html.split('id="glance"')[1].split("</section>")[0]
    assert glance.index("Detours add ten minutes.") < glance.index("The Millbrook bridge closed")
    assert "cost $4 million" not in glance and "sad day" not in glance
    # Every claim once in "All claims", in its group, with a permalink anchor.
    assert sorted(i for i in page.ids if i.startswith("claim-")) == sorted(
        f"claim-{c}" for c in ("c-closed", "c-cost", "c-detour", "c-quote", "c-sad"))
    for group, claim in (("corroborated", "c-closed"), ("disputed", "c-cost"), ("single-source", "c-detour"),
                         ("commentary", "c-sad")):
        section = html.split(f'data-group="{group}"')[1].split("</section>")[0]
        assert f'id="claim-{claim}"' in section
    # Discrepancy values side by side, each with its own source's sentence.
    disc = html.split('id="disagree"')[1].split("</section>")[0]
    assert "$4 million" in disc and "$5 million" in disc
    assert 'href="sources/gazette.html#s3"' in disc and 'href="sources/courier.html#s1"' not in disc
    assert 'href="sources/courier.html#s2"' in disc
    # Figures, quotes, entities, timeline (sorted by date).
    assert "cost of the repairs" in text and "We had no choice," in text
    assert "Also: Mayor Ruiz, Ruiz" in text and "mayor of Millbrook" in text
    assert html.index('datetime="2024-02"') < html.index('datetime="2024-03-04"')
    # One note per distinct cited sentence; markers citing it share its number.
    notes = [i for i in page.ids if i.startswith("note-")]
    # 7 distinct cited sentences, less the one a claim states word for word: its
    # marker names its source instead of repeating the sentence in a note.
    assert notes == [f"note-{n}" for n in range(1, 7)]
    detour = html.split('id="claim-c-detour"')[1].split("</li>")[0]
    assert '<a class="cite" href="sources/gazette.html#s4">Valley Gazette</a>' in detour
    assert "Detours add ten minutes." not in html.split('id="notes"')[1]
    assert html.count('aria-describedby="note-1"') >= 2  # glance + all claims
    # Sources list with original links and claim counts.
    assert 'href="https://example.org/gazette"' in html and "supports 4 claims" in text
    # Notes link out to the original with a text fragment where the URL is known.
    assert "https://example.org/gazette#:~:text=Repairs%20will%20cost%20%244%20million%2C%20the%20council%20said." in page.hrefs
    assert "https://example.com/a?x=1&y=2#:~:text=The%20work%20is%20expected%20to%20cost%20%245%20million." in page.hrefs
    # Relative links only.
    assert not [h for h in page.hrefs if h.startswith("/")]


def test_source_page_anchors_every_sentence_and_links_back(tmp_path: Path) -> None:
    site = render(tmp_path, bridge_sheet())
    html = (site / "sources" / "gazette.html").read_text()
    page = Page(html)
    assert {f"s{i}" for i in range(1, 7)} <= set(page.ids)
    assert '<span class="s cited" id="s3">Repairs will cost $4 million, the council said.</span>' in html
    assert '<span class="s" id="s5">Buses keep running.</span>' in html  # not cited
    # Each back link goes to the citing claim on its own page.
    assert "../claims/disputed-1.html#claim-c-cost" in page.hrefs
    assert "<h3>" in html and "<ul><li>" in html and "<blockquote>" in html
    # What cleaning removed, collapsed, with the reason.
    assert "<details" in html and "newsletter prompt" in html and "Subscribe to our newsletter!" in html
    # Text-fragment link to the original, percent-encoded ('-', ',', '$' and spaces too).
    assert ("https://example.org/gazette#:~:text=Repairs%20will%20cost%20%244%20million%2C%20the%20council%20said."
            in page.hrefs)
    assert "../assets/site.css" in html and "../index.html" in page.hrefs


def test_untrusted_text_is_escaped_and_unsafe_urls_dropped(tmp_path: Path) -> None:
    site = render(tmp_path, bridge_sheet(evil=True), base_url="https://facts.example/")
    pages = ["index.html", "sources/gazette.html", "sources/courier.html", "404.html", "claims/disputed-1.html"]
    pages += [p.relative_to(site).as_posix() for p in sorted((site / "lists").glob("*.html"))]
    for path in pages:
        html = (site / path).read_text()
        page = Page(html)
        assert "<script>window" not in html and "<img" not in html, path
        assert not {"onerror", "onload"} & set(page.attrs), path
        assert not [h for h in page.hrefs if h.lower().startswith("javascript")], path
        # Only our two scripts: JSON-LD and site.js; the JSON-LD parses and keeps the text.
        kinds = sorted(d.get("type") or d.get("src") or "" for d, _ in page.scripts)
        assert len(kinds) <= 2 and all(k in ("application/ld+json", "assets/site.js", "../assets/site.js") for k in kinds)
        for attrs, body in page.scripts:
            if attrs.get("type") == "application/ld+json":
                assert "</" not in body and "<" not in body
                data = json.loads(body)
                assert data["@context"] == "https://schema.org"
    gazette = (site / "sources" / "gazette.html").read_text()
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in gazette
    assert "javascript:alert" not in gazette
    index_ld = json.loads(next(b for d, b in Page((site / "index.html").read_text()).scripts
                               if d.get("type") == "application/ld+json"))
    assert index_ld["name"] == EVIL and index_ld["url"] == "https://facts.example/"


def test_urls_and_text_fragments() -> None:
    assert safe_http_url("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "java\tscript:x", "data:text/html,x",
                "//evil.example", "/local", "http://", "https://a.example/\nx", None, 3):
        assert safe_http_url(bad) is None, bad
    url = text_fragment_url("https://a.example/p#old", "Cost-benefit, at 5% & more")
    assert url == "https://a.example/p#:~:text=Cost%2Dbenefit%2C%20at%205%25%20%26%20more"
    long = text_fragment_url("https://a.example/", " ".join(f"word{i}" for i in range(40)))
    assert long == "https://a.example/#:~:text=word0%20word1%20word2%20word3%20word4,word35%20word36%20word37%20word38%20word39"
    assert text_fragment_url("ftp://a.example/", "x") is None and text_fragment_url(None, "x") is None


def test_absolute_urls_and_sitemap_only_with_a_base_url(tmp_path: Path) -> None:
    plain = render(tmp_path, bridge_sheet(), "plain")
    assert not (plain / "sitemap.xml").exists()
    assert (plain / ".nojekyll").exists() and (plain / "assets" / "favicon.svg").exists()
    assert "Sitemap" not in (plain / "robots.txt").read_text()
    for html in plain.rglob("*.html"):
        text = html.read_text()
        assert 'rel="canonical"' not in text and "og:url" not in text
        for attrs, body in Page(text).scripts:
            if attrs.get("type") == "application/ld+json":
                assert "url" not in json.loads(body)
        assert 'property="og:title"' in text or html.name == "404.html"
    based = render(tmp_path, bridge_sheet(), "based", base_url="https://facts.example/bridge/")
    sitemap = (based / "sitemap.xml").read_text()
    base = "https://facts.example/bridge/"
    assert re.findall(r"<loc>(.*?)</loc>", sitemap) == [base] + [base + p for p in sorted(
        [f"claims/{g}-1.html" for g in ("corroborated", "single-source", "disputed", "commentary")]
        + [f"lists/{k}-1.html" for k in ("figures", "disagreements", "quotes", "people", "timeline", "sources")]
        + ["sources/courier.html", "sources/gazette.html"])]
    assert "Sitemap: https://facts.example/bridge/sitemap.xml" in (based / "robots.txt").read_text()
    source = (based / "sources" / "courier.html").read_text()
    assert '<link rel="canonical" href="https://facts.example/bridge/sources/courier.html">' in source
    assert '<meta property="og:url" content="https://facts.example/bridge/sources/courier.html">' in source
    assert 'href="../index.html"' in source  # internal links stay relative


def test_invalid_source_id_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    sheet = bridge_sheet()
    bad = record("../../evil", "x", (sentence(1, "Text here.", 0),))
    with pytest.raises(BuildError) as err:
        render(tmp_path, Sheet(**{**sheet.__dict__, "records": (bad,)}))
    assert "invalid id" in err.value.diagnostics[0].message
    assert not (tmp_path / "evil.html").exists()


def test_user_templates_override_by_name(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    (theme / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}<p class="mine">{{ sheet.title }}: {{ sheet.claims if false else sheet.groups|length }} groups</p>{% endblock %}')
    (theme / "assets" / "extra.css").write_text("p{}")
    (theme / "assets" / "_private.css").write_text("p{}")
    site = render(tmp_path, bridge_sheet(), templates_dir=theme)
    html = (site / "index.html").read_text()
    assert '<p class="mine">Millbrook bridge closure: 4 groups</p>' in html
    assert '<a class="skip" href="#main">' in html  # the default base.html still applies
    assert (site / "assets" / "extra.css").exists() and (site / "assets" / "site.css").exists()
    assert not (site / "assets" / "_private.css").exists()


@pytest.mark.parametrize("template, line, message", [
    ("{% extends 'base.html' %}\n{% block main %}\n{% for x in %}\n{% endblock %}", 3, "template syntax error"),
    ("{% extends 'base.html' %}\n{% block main %}\n<p>\n{{ sheet.no_such_thing }}</p>\n{% endblock %}", 4,
     "undefined value: 'dict object' has no attribute 'no_such_thing'"),
    ("{% extends 'base.html' %}\n{% block main %}\n{% include 'missing.html' %}\n{% endblock %}", 3,
     "template not found: missing.html"),
])
def test_template_errors_name_the_file_and_line(tmp_path: Path, template: str, line: int, message: str) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "index.html").write_text(template)
    with pytest.raises(BuildError) as err:
        render(tmp_path, bridge_sheet(), templates_dir=theme)
    assert str(err.value) == "template error"
    (diag,) = err.value.diagnostics
    assert diag.path.endswith("index.html") and diag.line == line, diag
    assert diag.message.startswith(message), diag.message
    assert diag.line_text == template.splitlines()[line - 1]


def test_template_error_from_the_cli_is_a_message_not_a_traceback(tmp_path: Path, make_project) -> None:
    body = ("The storm reached the northern coast late on Sunday night. Officials closed three harbours "
            "as a precaution. About 2,000 homes lost power for several hours. Crews restored most lines by "
            "Monday morning, the utility said.\n\nSchools in the district stayed shut on Monday.\n")
    root = make_project({"a.md": "---\ntitle: Storm\n---\n" + body})
    (root / "theme").mkdir()
    (root / "theme" / "source.html").write_text("{{ source.title }\n")
    result = run_cli("build", "--templates", "theme", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "source.html:1" in result.stderr and "template" in result.stderr


def test_render_cache_rerenders_only_what_changed(tmp_path: Path) -> None:
    cache = RenderCache()
    sheet = bridge_sheet()
    first = render(tmp_path, sheet, "one", )
    dest = tmp_path / "two"
    dest.mkdir()
    config = config_for(tmp_path)
    render_site(sheet, config, dest, cache=cache)
    pages = cache.last_rendered
    # index, 4 claim pages (one per section), 6 list pages, 2 sources, 404, robots.txt
    assert pages == 15 and cache.last_reused == 0
    again = tmp_path / "three"
    again.mkdir()
    render_site(sheet, config, again, cache=cache)
    assert cache.last_rendered == 0 and cache.last_reused == pages
    assert (again / "index.html").read_bytes() == (first / "index.html").read_bytes()
    # Change one source's text: its page and the index (which quotes it) re-render.
    courier = sheet.records[0]
    changed = record("courier", "Council closes bridge (updated)", courier.sentences, publisher="Hill Courier",
                     url=courier.url)
    sheet2 = Sheet(**{**sheet.__dict__, "records": (changed, sheet.records[1])})
    fourth = tmp_path / "four"
    fourth.mkdir()
    render_site(sheet2, config, fourth, cache=cache)
    assert cache.last_rendered == 1 and cache.last_reused == pages - 1
    assert "(updated)" in (fourth / "sources" / "courier.html").read_text()
    assert len(cache) == pages  # the stale courier page was dropped


def test_two_builds_of_the_seed_corpus_are_byte_identical(tmp_path: Path) -> None:
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name / "site"
        out.parent.mkdir()
        build_site(load_config(content=SEED_CONTENT, out=out, cwd=out.parent))
        outs.append(out)
    files = sorted(p.relative_to(outs[0]).as_posix() for p in outs[0].rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(outs[1]).as_posix() for p in outs[1].rglob("*") if p.is_file())
    assert "index.html" in files and "assets/site.css" in files
    for rel in files:
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel
    # Page weight budget: the fact sheet with its CSS and JS under 150 KB.
    weight = sum((outs[0] / rel).stat().st_size for rel in ("index.html", "assets/site.css", "assets/site.js"))
    assert weight < 150_000, weight
