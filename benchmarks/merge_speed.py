"""Merge speed on synthetic corpora, per merge step (MergeResult.timings):

- with every record's extraction supplied (as a build passes them from the parse
  workers and the record cache): the merge proper;
- with none supplied: the merge extracts every record itself, in this process;
- after one article was edited, with the others' extractions supplied (what the
  dev server's rebuild does: only the edited record is extracted).

    python benchmarks/merge_speed.py [--articles 250,1000,2000] [--seed S] [--repeat 3]

Articles come from benchmarks/synth_corpus.py (events with restated, paraphrased
and conflicting facts), read with load_corpus (parse and extraction in the
workers). Times are wall seconds, with the process CPU time beside them (the
steadier figure on a shared machine); the median of --repeat runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from factsheet.merge import merge  # noqa: E402
from factsheet.models import Record, Sentence  # noqa: E402


def timed_merge(records, editorial, facts, repeat: int):
    """(median wall s, median CPU s, the steps of the median run, result)."""
    runs = []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = merge(records, editorial, facts)
        runs.append((time.perf_counter() - t0, time.process_time() - c0, result))
    runs.sort(key=lambda r: r[0])
    wall, cpu, result = runs[len(runs) // 2]
    return wall, statistics.median(r[1] for r in runs), result


def steps(result) -> str:
    return ", ".join(f"{name} {seconds * 1000:,.0f}" for name, seconds in result.timings.steps) + " ms"


def edited(records: tuple[Record, ...], k: int) -> tuple[Record, ...]:
    """records with one sentence appended to the k-th (a new content hash)."""
    r = records[k]
    extra = "Officials said the inquiry would report its findings within six weeks."
    raw = r.text + "\n\n" + extra
    s = Sentence(f"s{len(r.sentences) + 1}", extra, len(r.text) + 2, len(raw),
                 (r.sentences[-1].paragraph + 1) if r.sentences else 0)
    new = dataclasses.replace(r, text=raw, content_hash=hashlib.sha256(raw.encode()).hexdigest(),
                              sentences=r.sentences + (s,))
    return records[:k] + (new,) + records[k + 1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="250,1000", help="corpus sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from synth_corpus import generate

    from factsheet.config import load_config
    from factsheet.corpus import load_corpus

    for n in (int(x) for x in args.articles.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            content = Path(tmp) / "content"
            generate(content, n, args.seed)
            corpus = load_corpus(load_config(content=content, cwd=Path(tmp), no_cache=True))
        records, editorial, facts = corpus.records, corpus.editorial, corpus.facts
        print(f"articles={n} records={len(records)} sentences={sum(len(r.sentences) for r in records)}", flush=True)
        wall, cpu, result = timed_merge(records, editorial, facts, args.repeat)
        print(f"  extractions supplied: {wall:.2f} s (CPU {cpu:.2f} s), {len(result.sheet.claims)} claims  [{steps(result)}]",
              flush=True)
        wall, cpu, result = timed_merge(records, editorial, None, 1)
        print(f"  none supplied (extracts in the merge): {wall:.2f} s (CPU {cpu:.2f} s)  [{steps(result)}]", flush=True)
        changed = edited(records, len(records) // 2)
        wall, cpu, result = timed_merge(changed, editorial, facts, args.repeat)
        print(f"  after one edit (one record extracted): {wall:.2f} s (CPU {cpu:.2f} s)  [{steps(result)}]", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
