"""Print the merged sheet of a content folder (claims, discrepancies, ...), for eyeballing.

    python benchmarks/show_sheet.py [content-dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

from factsheet.config import load_config
from factsheet.corpus import load_corpus
from factsheet.merge import merge


def main(argv: list[str]) -> int:
    content = Path(argv[0]) if argv else Path("content")
    config = load_config(content=content, cwd=Path.cwd())
    corpus = load_corpus(config)
    result = merge(corpus.records, corpus.editorial)
    s = result.sheet
    print("TITLE:", s.title, "| date range:", s.date_range, "| stats:", result.stats)
    for c in s.claims:
        print(f"\n[{c.id}] {c.kind} {c.status} support={c.support}: {c.text}")
        for cit in c.citations:
            print(f"     - {cit.source}/{cit.sentence}: {cit.quote[:110]}")
    for d in s.discrepancies:
        print("\nDISCREPANCY", d.id, d.summary)
    for f in s.figures:
        print("FIGURE", f.value, "|", f.unit, "|", f.measure, "|", f.sources)
    for q in s.quotes:
        print("QUOTE", q.speaker, "|", q.text[:80], "|", q.sources)
    for e in s.entities:
        print("ENTITY", e.kind, e.name, e.aliases, [r.text for r in e.roles], e.sources)
    for t in s.timeline:
        print("TIME", t.date, t.text[:90], t.sources)
    for d in result.diagnostics:
        print(d.format())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
