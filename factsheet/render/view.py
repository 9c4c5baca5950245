"""View data for the templates: plain dicts and lists computed from the Sheet.

Templates only lay out what is here; every choice (order, grouping, numbering,
which URLs are safe) is made in Python so that it is tested and deterministic.
Citation notes are numbered in document order on the index page, one number per
distinct (source, sentence), shared by every marker that cites it.
"""

from __future__ import annotations

from typing import Any

from ..models import Citation, Claim, Record, Sheet, SourceSummary
from .links import safe_http_url, text_fragment_url

GLANCE_SIZE = 8
CLAIM_GROUPS = (
    ("corroborated", "Corroborated", "Stated by two or more independent sources."),
    ("single-source", "Single source", "Stated by one source only."),
    ("disputed", "Disputed", "Sources give different values."),
    ("commentary", "Commentary", "Opinion, analysis and framing rather than checkable fact."),
)


LABEL_MAX = 48


def source_label(source: SourceSummary | None, source_id: str) -> str:
    """A short name for a source: its publisher, else its (shortened) title, else its file."""
    if source is None:
        return source_id
    label = source.publisher or source.title or source.path
    if len(label) > LABEL_MAX:
        label = label[: LABEL_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return label


def display_date(value: str | None) -> str | None:
    """The calendar date of an ISO timestamp ("2025-11-22T04:00:30Z" -> "2025-11-22");
    the full value stays in the datetime attribute."""
    if not value:
        return None
    return value.split("T", 1)[0]


def claim_group(claim: Claim) -> str:
    if claim.kind == "commentary":
        return "commentary"
    return claim.status


class Notes:
    """Numbers citations in the order markers are first emitted on the index page."""

    def __init__(self, sources: dict[str, SourceSummary]):
        self._sources = sources
        self._markers: dict[tuple[str, str], dict[str, Any]] = {}
        self._labels: dict[str, str] = {}
        self.first_citations: dict[str, dict[str, Citation]] = {}  # see _first_citations
        self.entries: list[dict[str, Any]] = []

    def marker(self, citation: Citation) -> dict[str, Any]:
        key = (citation.source, citation.sentence)
        marker = self._markers.get(key)
        if marker is not None:
            # Every marker of one note is the same; templates only read them, so
            # the dict is shared (a big sheet cites the same sentences many times).
            return marker
        source = self._sources.get(citation.source)
        label = self._labels.get(citation.source)
        if label is None:
            label = self._labels[citation.source] = source_label(source, citation.source)
        href = f"sources/{citation.source}.html#{citation.sentence}"
        number = len(self.entries) + 1
        self.entries.append({
            "number": number,
            "id": f"note-{number}",
            "quote": citation.quote,
            "source": citation.source,
            "source_label": label,
            "source_title": (source.title if source else None) or label,
            "href": href,
            "original": text_fragment_url(source.url if source else None, citation.quote),
        })
        marker = self._markers[key] = {"number": number, "note": f"note-{number}", "href": href, "label": label,
                                       "source": citation.source}
        return marker


def _claim_order(claims: list[Claim]) -> list[Claim]:
    position = {c.id: i for i, c in enumerate(claims)}
    return sorted(claims, key=lambda c: (not c.pinned, -c.support, position[c.id]))


def _citation_order(citation: Citation) -> tuple[str, int, str]:
    return (citation.source, citation.start, citation.sentence)


def _claim_view(claim: Claim, notes: Notes, anchor: bool) -> dict[str, Any]:
    citations = claim.citations
    if len(citations) > 1:
        citations = sorted(citations, key=_citation_order)
    markers = [notes.marker(citation) for citation in citations]
    return {
        "id": claim.id,
        "anchor": f"claim-{claim.id}" if anchor else None,
        "permalink": f"#claim-{claim.id}",
        "text": claim.text,
        "kind": claim.kind,
        "status": claim.status,
        "group": claim_group(claim),
        "support": claim.support,
        "pinned": claim.pinned,
        "edited": claim.edited,
        "numbers": list(claim.numbers),
        "markers": markers,
    }


def _first_citations(claim: Claim, memo: dict[str, dict[str, Citation]]) -> dict[str, Citation]:
    """source id -> the claim's earliest citation from it (by start, then sentence id).
    Memoized per claim: many rows (figures, values, events) name the same claim."""
    best = memo.get(claim.id)
    if best is None:
        best = {}
        for c in claim.citations:
            current = best.get(c.source)
            if current is None or (c.start, c.sentence) < (current.start, current.sentence):
                best[c.source] = c
        memo[claim.id] = best
    return best


def _source_markers(claim: Claim | None, source_ids: tuple[str, ...], notes: Notes,
                    sources: dict[str, SourceSummary]) -> list[dict[str, Any]]:
    """Markers for a row that names its sources (figure, quote, value, event): the
    claim's citation from each source when there is one, else the source page."""
    markers = []
    first = _first_citations(claim, notes.first_citations) if claim is not None else {}
    for source_id in sorted(set(source_ids)):
        citation = first.get(source_id)
        if citation is not None:
            markers.append(notes.marker(citation))
        else:
            markers.append({"number": None, "note": None, "href": f"sources/{source_id}.html",
                            "label": source_label(sources.get(source_id), source_id), "source": source_id})
    return markers


def index_view(sheet: Sheet) -> dict[str, Any]:
    sources = {s.id: s for s in sheet.sources}
    claims = {c.id: c for c in sheet.claims}
    notes = Notes(sources)
    ordered = _claim_order(list(sheet.claims))

    glance_pool = [c for c in ordered if c.kind != "commentary" and c.status != "disputed"]
    glance = [_claim_view(c, notes, anchor=False) for c in glance_pool[:GLANCE_SIZE]]

    figures = [{
        "id": f.id, "value": f.value, "unit": f.unit, "measure": f.measure,
        "claim": f"#claim-{f.claim}" if f.claim in claims else None,
        "markers": _source_markers(claims.get(f.claim), f.sources, notes, sources),
    } for f in sheet.figures]

    discrepancies = []
    for d in sheet.discrepancies:
        related = [claims[cid] for cid in d.claims if cid in claims]
        values = []
        for v in d.values:
            claim = next((claims[cid] for cid in v.claims if cid in claims), None)
            if claim is None:
                claim = next((c for c in related if set(v.sources) & {x.source for x in c.citations}), None)
            values.append({
                "value": v.value,
                "claims": [f"#claim-{cid}" for cid in v.claims if cid in claims],
                "markers": _source_markers(claim, v.sources, notes, sources),
            })
        discrepancies.append({"id": d.id, "summary": d.summary, "subject": d.subject, "variants": values})

    quotes = [{
        # Quote fragments often end at a comma that belonged to the sentence around them.
        "id": q.id, "speaker": q.speaker, "text": q.text.strip().rstrip(",;:").rstrip(),
        "claim": f"#claim-{q.claim}" if q.claim in claims else None,
        "markers": _source_markers(claims.get(q.claim), q.sources, notes, sources),
    } for q in sheet.quotes]

    entities = [{
        "id": e.id, "name": e.name, "kind": e.kind,
        "aliases": sorted(set(e.aliases) - {e.name}),
        "roles": [{"text": r.text, "sources": [source_label(sources.get(s), s) for s in sorted(r.sources)]}
                  for r in e.roles],
        "sources": len(set(e.sources)),
        "claims": len(e.claims),
    } for e in sorted(sheet.entities, key=lambda e: (-len(set(e.sources)), e.name.casefold(), e.id))]

    timeline = [{
        "id": t.id, "date": t.date, "text": t.text,
        "claim": f"#claim-{t.claim}" if t.claim and t.claim in claims else None,
        "markers": _source_markers(claims.get(t.claim) if t.claim else None, t.sources, notes, sources),
    } for t in sorted(sheet.timeline, key=lambda t: (t.date, t.id))]

    by_group: dict[str, list[Claim]] = {key: [] for key, _, _ in CLAIM_GROUPS}
    for claim in ordered:
        bucket = by_group.get(claim_group(claim))
        if bucket is not None:  # a status outside the four groups is not listed (as before)
            bucket.append(claim)
    groups = []
    for key, title, blurb in CLAIM_GROUPS:  # in this order: notes are numbered as they appear
        members = [_claim_view(c, notes, anchor=True) for c in by_group[key]]
        groups.append({"key": key, "title": title, "blurb": blurb, "claims": members, "count": len(members)})

    source_rows = [{
        "id": s.id, "title": s.title or s.path, "publisher": s.publisher, "date": s.date,
        "date_text": display_date(s.date),
        "author": s.author, "url": safe_http_url(s.url), "claims": s.claims,
        "href": f"sources/{s.id}.html",
    } for s in sheet.sources]

    return {
        "title": sheet.title,
        "summary": sheet.summary,
        "intro_html": sheet.intro_html,
        "counts": {
            "sources": len(sheet.sources),
            "claims": len(sheet.claims),
            "date_range": list(sheet.date_range) if sheet.date_range else None,
        },
        "glance": glance,
        "figures": figures,
        "discrepancies": discrepancies,
        "quotes": quotes,
        "entities": entities,
        "timeline": timeline,
        "groups": groups,
        "sources": source_rows,
        "notes": notes.entries,
    }


def _blocks(record: Record, cited: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Sentences grouped into their kept blocks; consecutive bullets form one list."""
    blocks: list[dict[str, Any]] = []
    for sentence in sorted(record.sentences, key=lambda s: (s.start, s.id)):
        view = {
            "id": sentence.id,
            "text": sentence.text,
            "claims": [f"../index.html#claim-{cid}" for cid in cited.get(sentence.id, [])],
            "original": text_fragment_url(record.url, sentence.text) if sentence.id in cited else None,
        }
        last = blocks[-1] if blocks else None
        if last is not None and last["paragraph"] == sentence.paragraph:
            last["rows"][-1].append(view)
            continue
        if last is not None and sentence.block == "bullet" and last["kind"] == "bullet":
            last["paragraph"] = sentence.paragraph
            last["rows"].append([view])
            continue
        blocks.append({"kind": sentence.block, "paragraph": sentence.paragraph, "rows": [[view]]})
    return blocks


def cited_sentences(sheet: Sheet) -> dict[str, dict[str, list[str]]]:
    """source id -> sentence id -> ids of the claims citing it (sorted). Computed
    once per render: every source page needs its part."""
    cited: dict[str, dict[str, set[str]]] = {}
    for claim in sheet.claims:
        for citation in claim.citations:
            cited.setdefault(citation.source, {}).setdefault(citation.sentence, set()).add(claim.id)
    return {src: {sid: sorted(ids) for sid, ids in by.items()} for src, by in cited.items()}


def source_view(record: Record, sheet: Sheet, cited_by_source: dict[str, dict[str, list[str]]] | None = None,
                summaries: dict[str, SourceSummary] | None = None) -> dict[str, Any]:
    if cited_by_source is None:
        cited_by_source = cited_sentences(sheet)
    cited = cited_by_source.get(record.id, {})
    summary = (summaries if summaries is not None else {s.id: s for s in sheet.sources}).get(record.id)
    url = safe_http_url(record.url)
    return {
        "id": record.id,
        "path": record.path,
        "title": record.title or record.path,
        "publisher": record.publisher,
        "date": record.date,
        "date_text": display_date(record.date),
        "author": record.author,
        "url": url,
        "tags": list(record.tags),
        "description": record.description,
        "inferred": list(record.inferred),
        "claims": summary.claims if summary else len({cid for ids in cited.values() for cid in ids}),
        "cited_sentences": len(cited),
        "blocks": _blocks(record, cited),
        "removed": [{"reason": r.reason, "text": r.text, "start": r.start, "end": r.end}
                    for r in sorted(record.removed, key=lambda r: (r.start, r.end))],
    }
