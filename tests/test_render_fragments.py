"""The render stage's shortcuts give the same site as the plain way: the Python
twins of the default row macros vs the macros themselves, orjson vs
json.dumps, and the dev server's RenderCache (data files, source pages, the
kept Jinja environment) vs a fresh render."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

from test_render_html import EVIL, bridge_sheet, config_for, record, render, sentence

from factsheet.config import default_theme_dir
from factsheet.models import Sheet, to_plain
from factsheet.render import RenderCache, render_site
from factsheet.render.data import facts_bytes, json_bytes, record_bytes
from factsheet.render.theme import make_environment

HOSTILE = ["plain", "a & b < c > d 'e' \"f\"", EVIL, "café — “quoted” ↩", "&amp; already", "", "{{ x }}"]


def site_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def copy_partials(theme: Path) -> None:
    """A user theme holding unchanged copies of the partials: the macros are then
    the user's, so every row goes through Jinja."""
    (theme / "partials").mkdir(parents=True)
    for name in ("macros.html", "rows.html"):
        shutil.copy(default_theme_dir() / "partials" / name, theme / "partials" / name)


def test_twins_write_what_the_macros_write(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    copy_partials(theme)
    for evil in (False, True):
        sheet = bridge_sheet(evil=evil)
        fast = render(tmp_path, sheet, f"fast-{evil}")
        slow = render(tmp_path, sheet, f"slow-{evil}", templates_dir=theme)
        assert site_files(fast) == site_files(slow)
        assert EVIL not in (fast / "index.html").read_text()


def test_twins_match_the_macros_value_by_value() -> None:
    env = make_environment((default_theme_dir(),))
    macros = env.get_template("partials/macros.html").module
    rows = env.get_template("partials/rows.html").module
    twin = env.filters["rows"]
    for i, text in enumerate(HOSTILE):
        marker = {"number": i, "note": f"note-{i}" if i % 2 else None, "href": f"sources/{text}.html#s1",
                  "label": text, "source": "x"}
        more = [None, {"count": i, "href": text}, {"count": i, "href": None}][i % 3]
        claim = {"id": "c", "anchor": text if i % 3 else None, "permalink": f"#{text}", "text": text,
                 "pinned": i % 2 == 0, "edited": i % 3 == 0, "support": i, "markers": [marker, marker], "more": more,
                 "focus": (text, text, "x") if i % 2 else None}
        figure = {"claim": text if i % 2 else None, "value": text, "measure": text, "markers": [marker], "more": more}
        note = {"id": text, "quote": text, "href": text, "source_label": text, "original": text if i % 2 else None}
        sent = {"id": text, "text": text, "claims": [text] * (i % 3), "original": text if i % 2 else None}
        quote = {"text": text, "speaker": text if i % 2 else None, "markers": [marker], "claim": text if i % 3 else None,
                 "more": more}
        event = {"date": text, "text": text, "claim": text if i % 2 else None, "markers": [marker, marker], "more": more}
        disc = {"id": text, "subject": text, "summary": text,
                "variants": [{"value": text, "markers": [marker] * (i % 3), "more": more},
                             {"value": "", "markers": [marker], "more": None}]}
        for macro, item in ((macros.claim, claim), (rows.figure_row, figure), (rows.note, note),
                            (rows.sentence, sent), (rows.quote, quote), (rows.timeline_row, event),
                            (rows.discrepancy, disc)):
            assert str(twin([item, item], macro, " ")) == f"{macro(item)} {macro(item)}", (macro.name, text)


def test_a_users_row_macro_is_used(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    copy_partials(theme)
    macros = theme / "partials" / "macros.html"
    macros.write_text(macros.read_text().replace('<span class="ct">', '<span class="ct mine">'))
    out = render(tmp_path, bridge_sheet(), templates_dir=theme)
    index = (out / "index.html").read_text()
    assert index.count('<span class="ct mine">') == 5 + 3  # every claim, and the glance ones


def test_an_older_macros_override_without_rows_still_renders(tmp_path: Path) -> None:
    # A theme written before partials/rows.html existed overrides macros.html only.
    theme = tmp_path / "theme" / "partials"
    theme.mkdir(parents=True)
    (theme / "macros.html").write_text(
        '{% macro cites(markers, perma=none) %}<span class="c">{{ markers|length }}</span>{% endmacro %}\n'
        '{% macro claim(c) %}<li class="old">{{ c.text }} {{ cites(c.markers) }}</li>{% endmacro %}\n')
    out = render(tmp_path, bridge_sheet(), templates_dir=tmp_path / "theme")
    index = (out / "index.html").read_text()
    assert '<li class="old">Detours add ten minutes. <span class="c">1</span></li>' in index
    assert '<span class="c">1</span></td></tr>' in index  # figure rows use the user's cites too


def test_json_is_what_the_standard_library_writes() -> None:
    sheet = bridge_sheet(evil=True)
    plain = {k: v for k, v in to_plain(sheet).items() if k != "records"}
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    # One line per top-level key, and one per element of a list of records.
    lines = ["{"]
    for i, (key, value) in enumerate(plain.items()):
        comma = "," if i < len(plain) - 1 else ""
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(json.dumps(key) + ":[")
            lines += [json.dumps(x, **compact) + ("," if j < len(value) - 1 else "") for j, x in enumerate(value)]
            lines.append("]" + comma)
        else:
            lines.append(json.dumps(key) + ":" + json.dumps(value, **compact) + comma)
    facts = "\n".join(lines + ["}"])
    assert facts_bytes(sheet) == (facts + "\n").encode()
    assert json.loads(facts_bytes(sheet)) == plain
    base = sheet.records[0]
    odd = [dataclasses.replace(base, meta={"deep": [{"x": 0.5, "line\u2028sep": "\x00\x1f\x7f\ud7ff"}]}),
           dataclasses.replace(base, meta={"n": 1e16}), dataclasses.replace(base, meta={"nan": float("nan")}),
           dataclasses.replace(base, meta={3: "int key", "big": 2**70})]
    for rec in (*sheet.records, *odd):
        expected = json.dumps(to_plain(rec), ensure_ascii=False, separators=(",", ":")) + "\n"
        assert record_bytes(rec) == expected.encode(), rec.id
    figures = (dataclasses.replace(sheet.figures[0], low=1e16, high=float("inf")),)
    odd_sheet = dataclasses.replace(sheet, figures=figures)
    assert b'"low":1e+16' in facts_bytes(odd_sheet) and b'"high":Infinity' in facts_bytes(odd_sheet)
    assert json_bytes([1, "a"]) == b'[1,"a"]\n'



def test_render_cache_gives_the_site_a_fresh_render_gives(tmp_path: Path) -> None:
    cache = RenderCache()
    config = config_for(tmp_path)
    sheet = bridge_sheet()
    outs = []

    def build(the_sheet: Sheet, name: str) -> Path:
        dest = tmp_path / name
        dest.mkdir()
        render_site(the_sheet, config, dest, cache=cache)
        fresh = render(tmp_path, the_sheet, f"{name}-fresh")
        assert site_files(dest) == site_files(fresh), name
        outs.append(dest)
        return dest

    build(sheet, "a")
    build(sheet, "b")
    assert cache.last_rendered == 0
    # A claim now cites another sentence of the courier: its page and the index change,
    # the gazette's page is reused.
    courier = sheet.records[0]
    claims = sheet.claims[:-1] + (dataclasses.replace(sheet.claims[-1], citations=(
        dataclasses.replace(sheet.claims[-1].citations[0], sentence="s2", quote=courier.sentences[1].text),)),)
    build(dataclasses.replace(sheet, claims=claims), "c")
    # The index (keyed on the whole sheet), the one claims page whose context changed
    # and the courier's page; the other claim and list pages and the gazette's are reused.
    assert cache.last_rendered == 3
    # An article gains a sentence: its page and its JSON change.
    grown = record("courier", courier.title, courier.sentences + (sentence(9, "A later sentence.", 5),),
                   publisher=courier.publisher, url=courier.url)
    out = build(dataclasses.replace(sheet, claims=claims, records=(grown, sheet.records[1])), "d")
    assert b"A later sentence." in (out / "sources" / "courier.json").read_bytes()
    assert cache.environments_made == 1


def test_a_changed_theme_file_gets_a_new_environment(tmp_path: Path) -> None:
    cache = RenderCache()
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "robots.txt").write_text("User-agent: *\n")
    config = config_for(tmp_path, templates_dir=theme)
    for i, body in enumerate(("User-agent: *\n", "User-agent: *\nDisallow: /x\n")):
        (theme / "robots.txt").write_text(body)
        dest = tmp_path / f"out{i}"
        dest.mkdir()
        render_site(bridge_sheet(), config, dest, cache=cache)
        assert (dest / "robots.txt").read_text() == body
    assert cache.environments_made == 2


def test_store_links_reused_pages_and_never_changes_an_earlier_build(tmp_path: Path) -> None:
    cache = RenderCache(store=tmp_path / "store")
    config = config_for(tmp_path)
    sheet = bridge_sheet()
    first, second, third = tmp_path / "one", tmp_path / "two", tmp_path / "three"
    for dest in (first, second, third):
        dest.mkdir()
    render_site(sheet, config, first, cache=cache)
    before = site_files(first)
    render_site(sheet, config, second, cache=cache)
    assert site_files(second) == before
    for rel in ("sources/courier.html", "sources/gazette.json", "index.html"):
        assert (first / rel).stat().st_ino == (second / rel).stat().st_ino, rel
    courier = sheet.records[0]
    grown = record("courier", "Council closes bridge (updated)", courier.sentences,
                   publisher=courier.publisher, url=courier.url)
    render_site(dataclasses.replace(sheet, records=(grown, sheet.records[1])), config, third, cache=cache)
    assert "(updated)" in (third / "sources" / "courier.html").read_text()
    assert site_files(first) == before == site_files(second)  # earlier builds untouched
    assert (third / "sources" / "gazette.html").stat().st_ino == (first / "sources" / "gazette.html").stat().st_ino
    cache.clear()
    assert not any((tmp_path / "store").iterdir()) and site_files(second) == before
