"""Diff what the parse stage keeps, before/after a change to the cleaning rules.

    python benchmarks/parse_diff.py snapshot OUT.json   # parse every corpus, store results
    python benchmarks/parse_diff.py diff OLD.json NEW.json [PATH_PREFIX ...]

To snapshot the committed code against today's corpora, export it and point
PARSE_DIFF_CODE at it:
    git archive HEAD factsheet | tar -x -C /tmp/old && PARSE_DIFF_CODE=/tmp/old python benchmarks/parse_diff.py snapshot OLD.json

Covers the seeds (content/), tests/corpora-gold/*/content
and tests/fixtures/parse. For each file it records the kept sentences, the
removed spans with reasons, and the inferred metadata; `diff` prints every
sentence that was kept before and is removed now (and the reverse), and every
metadata field that changed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("PARSE_DIFF_CODE") or str(REPO))

from factsheet.parse import parse_article  # noqa: E402

GLOBS = ("content/*", "tests/corpora-gold/*/content/*", "tests/fixtures/parse/*")


def snapshot() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for pattern in GLOBS:
        for path in sorted(REPO.glob(pattern)):
            if not path.is_file():
                continue
            rel = str(path.relative_to(REPO))
            record = parse_article(path.name, path.read_bytes(), max_bytes=10**7).record
            if record is None:
                out[rel] = {"record": None}
                continue
            out[rel] = {
                "kept": [s.text for s in record.sentences],
                "removed": [[r.reason, r.text] for r in record.removed],
                "meta": {k: getattr(record, k) for k in ("title", "publisher", "date", "author", "url")},
            }
    return out


def diff(old: dict[str, dict], new: dict[str, dict], prefixes: tuple[str, ...] = ()) -> int:
    changes = 0
    for rel in sorted(set(old) | set(new)):
        if prefixes and not rel.startswith(prefixes):
            continue
        a, b = old.get(rel, {}), new.get(rel, {})
        lines: list[str] = []
        if (a.get("record", 1) is None) != (b.get("record", 1) is None):
            lines.append(f"  record: {'none' if a.get('record', 1) is None else 'some'} -> "
                         f"{'none' if b.get('record', 1) is None else 'some'}")
        ka, kb = a.get("kept", []), b.get("kept", [])
        sa, sb = set(ka), set(kb)
        for text in ka:
            if text not in sb:
                lines.append(f"  - LOST  [{_reason(text, b.get('removed', []))}] {text!r}")
        for text in kb:
            if text not in sa:
                lines.append(f"  + GAINED {text!r}")
        for key in sorted(set(a.get("meta", {})) | set(b.get("meta", {}))):
            va, vb = a.get("meta", {}).get(key), b.get("meta", {}).get(key)
            if va != vb:
                lines.append(f"  meta {key}: {va!r} -> {vb!r}")
        if lines:
            changes += len(lines)
            print(rel)
            print("\n".join(lines))
    print(f"{changes} change(s) in {len(set(old) | set(new))} file(s)")
    return changes


def _reason(text: str, removed: list[list[str]]) -> str:
    for reason, span in removed:
        if text in span or span in text:
            return reason
    return "?"


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "snapshot":
        Path(sys.argv[2]).write_text(json.dumps(snapshot(), indent=1, ensure_ascii=False), encoding="utf-8")
    elif len(sys.argv) >= 4 and sys.argv[1] == "diff":
        old = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
        new = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
        diff(old, new, tuple(sys.argv[4:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
