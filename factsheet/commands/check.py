"""`factsheet check`: validate the content without writing anything.

Prints every problem as `file:line: level: message` and exits 1 on errors (or
on warnings too, with --strict)."""

from __future__ import annotations

from ..config import Config
from ..corpus import RecordCache, load_corpus
from ..merge import merge
from .build import report


def check_command(config: Config) -> int:
    # Reads the record cache, never writes it: check writes nothing.
    cache = RecordCache.for_config(config, read_only=True)
    corpus = load_corpus(config, cache=cache)
    diagnostics = corpus.diagnostics
    if corpus.records:
        # The merge validates the sheet file's claim ids against the real claims.
        diagnostics = diagnostics + merge(corpus.records, corpus.editorial, corpus.facts).diagnostics
    report(cache.notes)
    report(diagnostics)
    errors = sum(d.level == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not corpus.records and not errors:
        print(f"error: no articles found in {config.content_dir}")
        return 1
    print(f"checked {len(corpus.records) + errors} article(s): {errors} error(s), {warnings} warning(s)")
    failed = errors > 0 or (config.strict and warnings > 0)
    return 1 if failed else 0
