"""Is this text an article at all? Data files and code have tell-tale line
shapes; a page with almost no prose left after cleaning is not an article."""

from __future__ import annotations

import re
from collections import Counter

_LOG_LINE = re.compile(
    r"^\[?(?:\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\d{2}:\d{2}:\d{2}|[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2})"
    r"|^\[?(?:INFO|DEBUG|WARN|WARNING|ERROR|TRACE|FATAL|CRITICAL)\b"
)
_CODE_LINE = re.compile(
    r"[;{}]\s*$|^\s*(?:def |class |import |from [\w.]+ import |#include|function\b|return\b|const |let |var |"
    r"public |private |if ?\(|for ?\(|while ?\(|package |using |#!/|</?[a-z]+[^>]*>\s*$)"
)
_PROSE_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]+")


def data_shape(body: str) -> str | None:
    """'CSV data', 'a log file', 'source code' or None."""
    lines = [line for line in body.splitlines()[:400] if line.strip()]
    if len(lines) < 3:
        return None
    for delimiter, name in ((",", "CSV data"), ("\t", "tab-separated data"), (";", "CSV data"), ("|", "table data")):
        counts = Counter(line.count(delimiter) for line in lines)
        count, freq = counts.most_common(1)[0]
        if count >= 2 and freq >= 0.8 * len(lines) and _short_fields(lines, delimiter):
            return name
    if sum(bool(_LOG_LINE.match(line)) for line in lines) >= 0.6 * len(lines):
        return "a log file"
    if sum(bool(_CODE_LINE.search(line)) for line in lines) >= 0.4 * len(lines):
        return "source code"
    return None


def _short_fields(lines: list[str], delimiter: str) -> bool:
    fields = [f for line in lines for f in line.split(delimiter)]
    return sum(len(f) for f in fields) / max(1, len(fields)) < 40


def prose_sentences(units: list[tuple[str, str]]) -> tuple[int, int]:
    """(sentences that read as prose, prose words) among (text, block kind)
    units; list items often have no full stop, so a longer one counts too."""
    count = words = 0
    for text, kind in units:
        if kind == "heading":
            continue
        n = len(_PROSE_WORD.findall(text))
        if (n >= 4 and text.rstrip("\"'”’)").endswith((".", "!", "?"))) or (kind == "bullet" and n >= 6):
            count += 1
            words += n
    return count, words
