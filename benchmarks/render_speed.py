"""Render-stage speed on a synthetic corpus: a render without a cache (what
`factsheet build` does), then, with one RenderCache kept across renders as the
dev server keeps one (with its hard-link store): a first render, a re-render
with nothing changed, after one article's title changed (its source page
changes), and after one claim's text changed (index.html and facts.json
change). Prints figures; asserts nothing.

    python benchmarks/render_speed.py [n_articles]
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def main() -> None:
    from synth_corpus import generate

    from factsheet.config import load_config
    from factsheet.corpus import load_corpus
    from factsheet.merge import merge
    from factsheet.render import RenderCache, render_site

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root / "content", n, seed=0)
        config = load_config(content=root / "content", out=root / "site", cwd=root)
        corpus = load_corpus(config)
        sheet = merge(corpus.records, corpus.editorial).sheet
        cache = RenderCache(store=root / "store")

        def timed(label: str, dest: Path, the_sheet, use_cache: bool = True) -> None:  # type: ignore[no-untyped-def]
            dest.mkdir()
            started = time.perf_counter()
            result = render_site(the_sheet, config, dest, cache=cache if use_cache else None)
            ms = (time.perf_counter() - started) * 1000
            counts = (f"rendered {cache.last_rendered:5d}  reused {cache.last_reused:5d}" if use_cache
                      else f"{result.pages} HTML pages (search index included in the time)")
            print(f"{label:<30} {ms:8.1f} ms  {counts}")

        print(f"{n} articles, {len(sheet.claims)} claims", flush=True)
        timed("no cache (factsheet build)", root / "plain", sheet, use_cache=False)
        print(f"index.html: {(root / 'plain' / 'index.html').stat().st_size / 1024:.0f} KiB")
        timed("cache: first render", root / "cold", sheet)
        timed("cache: nothing changed", root / "warm", sheet)
        first = sheet.records[0]
        changed = dataclasses.replace(first, title=(first.title or "") + " (edited)")
        edited = dataclasses.replace(sheet, records=(changed,) + sheet.records[1:])
        timed("cache: one article's title", root / "edit", edited)
        claim = sheet.claims[len(sheet.claims) // 2]
        claims = tuple(dataclasses.replace(c, text=c.text + " (edited)") if c is claim else c for c in sheet.claims)
        timed("cache: one claim's text", root / "claim", dataclasses.replace(edited, claims=claims))


if __name__ == "__main__":
    main()
