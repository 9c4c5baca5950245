"""Render-stage speed on a synthetic corpus: a cold render, a warm re-render with
a RenderCache (nothing changed), and a re-render after one article changed, as
the dev server does. Prints figures; asserts nothing.

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
        cache = RenderCache()

        def timed(label: str, dest: Path, the_sheet) -> None:  # type: ignore[no-untyped-def]
            dest.mkdir()
            started = time.perf_counter()
            render_site(the_sheet, config, dest, cache=cache)
            ms = (time.perf_counter() - started) * 1000
            print(f"{label:<28} {ms:8.1f} ms  rendered {cache.last_rendered:5d}  reused {cache.last_reused:5d}")

        pages = len(sheet.records) + 1
        index = root / "cold" / "index.html"
        print(f"{n} articles, {len(sheet.claims)} claims, {pages} HTML pages")
        timed("cold render", root / "cold", sheet)
        print(f"index.html: {index.stat().st_size / 1024:.0f} KiB")
        timed("warm, nothing changed", root / "warm", sheet)
        first = sheet.records[0]
        changed = dataclasses.replace(first, title=(first.title or "") + " (edited)")
        edited = dataclasses.replace(sheet, records=(changed,) + sheet.records[1:])
        timed("warm, one article changed", root / "edit", edited)


if __name__ == "__main__":
    main()
