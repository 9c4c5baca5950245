"""Merge stage: records -> one Sheet. Works on records only, never on files.

PLACEHOLDER IMPLEMENTATION: every sentence becomes its own claim.
"""

from __future__ import annotations

import hashlib

from ..editorial import Editorial
from dataclasses import dataclass

from ..models import Citation, Claim, Diagnostic, Record, Sheet, SourceSummary


@dataclass(frozen=True)
class MergeResult:
    sheet: Sheet
    diagnostics: tuple[Diagnostic, ...] = ()  # e.g. the sheet file names an unknown claim id


def merge(records: tuple[Record, ...], editorial: Editorial) -> MergeResult:
    claims = []
    for rec in records:
        for s in rec.sentences:
            cid = hashlib.sha1(s.text.encode()).hexdigest()[:10]
            claims.append(Claim(cid, s.text, "fact", 1, "single-source",
                                (Citation(rec.id, s.id, s.text, s.start, s.end),)))
    sources = tuple(SourceSummary(r.id, r.path, r.title, r.publisher, r.date, r.url, r.author, 0) for r in records)
    return MergeResult(Sheet(title=editorial.title or "Fact sheet", summary=editorial.summary, intro_html="",
                 sources=sources, claims=tuple(claims), discrepancies=(), figures=(), quotes=(),
                 entities=(), timeline=(), date_range=None, records=records))
