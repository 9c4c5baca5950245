"""How the sheet names a source in its summaries: the publisher, else the title, else
the host of its URL; the file name only when the record says nothing else. Sources that
would share a name (a wire story and its update) are told apart by their date, then by
their position in the corpus."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from ..models import Record

_MAX_TITLE = 60


def base_name(r: Record) -> str:
    if r.publisher and r.publisher.strip():
        return r.publisher.strip()
    if r.title and r.title.strip():
        t = re.sub(r"\s+", " ", r.title).strip()
        return f"“{t[:_MAX_TITLE].rstrip()}{'…' if len(t) > _MAX_TITLE else ''}”"
    if r.url:
        host = urlsplit(r.url).hostname or ""
        if host:
            return host[4:] if host.startswith("www.") else host
    return r.path.rsplit("/", 1)[-1]


def source_names(records: tuple[Record, ...]) -> dict[str, str]:
    names = {r.id: base_name(r) for r in records}
    counts = Counter(names.values())
    groups: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        if counts[names[r.id]] > 1:
            groups[names[r.id]].append(r)
    for name, members in groups.items():
        dated = Counter((r.date or "")[:10] for r in members)
        for k, r in enumerate(members, start=1):
            day = (r.date or "")[:10]
            if day and dated[day] == 1:
                names[r.id] = f"{name}, {day}"
            else:
                names[r.id] = f"{name} ({k})"
    return names
