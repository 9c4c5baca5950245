"""View data for the templates: plain dicts and lists computed from the Sheet.

Templates only lay out what is here; every choice (order, grouping, numbering,
which URLs are safe, how much a page holds) is made in Python so that it is
tested and deterministic. Each page numbers its own citation notes in document
order, one number per distinct (source, sentence), shared by every marker that
cites it. Links are relative to the page (``root`` is "" on the index and "../"
on every other page).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence, TypeVar

from ..models import Citation, Claim, Record, Sheet, SourceSummary
from .limits import Limits
from .links import safe_http_url, text_fragment_url
from .names import source_heading, source_name
from .plan import ClaimPage, Group, ListSection, Plan, claim_group, claim_order, ordered_entities, ordered_timeline

T = TypeVar("T")


def display_date(value: str | None) -> str | None:
    """The calendar date of an ISO timestamp ("2025-11-22T04:00:30Z" -> "2025-11-22");
    the full value stays in the datetime attribute."""
    if not value:
        return None
    return value.split("T", 1)[0]


class SiteData:
    """Lookups over one sheet and its plan, built once per render and shared by
    every page's view."""

    def __init__(self, sheet: Sheet, plan: Plan) -> None:
        self.sheet = sheet
        self.plan = plan
        self.claims: dict[str, Claim] = {c.id: c for c in sheet.claims}
        self.sources: dict[str, SourceSummary] = {s.id: s for s in sheet.sources}
        self.names: dict[str, str] = {s.id: source_name(s, s.id) for s in sheet.sources}
        self._first: dict[str, dict[str, Citation]] = {}

    def name(self, source_id: str) -> str:
        name = self.names.get(source_id)
        if name is None:
            name = self.names[source_id] = source_name(self.sources.get(source_id), source_id)
        return name

    def claim_href(self, claim_id: str, root: str, here: str | None = None) -> str | None:
        """The claim's permalink from a page at ``here`` (a path from the root)."""
        path = self.plan.claim_paths.get(claim_id)
        if path is None:
            return None
        return f"#claim-{claim_id}" if path == here else f"{root}{path}#claim-{claim_id}"

    def first_citations(self, claim: Claim) -> dict[str, Citation]:
        """source id -> the claim's earliest citation from it (by start, then sentence
        id). Memoized: many rows (figures, values, events) name the same claim."""
        best = self._first.get(claim.id)
        if best is None:
            best = {}
            for c in claim.citations:
                current = best.get(c.source)
                if current is None or (c.start, c.sentence) < (current.start, current.sentence):
                    best[c.source] = c
            self._first[claim.id] = best
        return best

    def cited_sentences(self) -> dict[str, dict[str, list[str]]]:
        """source id -> sentence id -> ids of the claims citing it (sorted)."""
        cited: dict[str, dict[str, set[str]]] = {}
        for claim in self.sheet.claims:
            for citation in claim.citations:
                cited.setdefault(citation.source, {}).setdefault(citation.sentence, set()).add(claim.id)
        return {src: {sid: sorted(ids) for sid, ids in by.items()} for src, by in cited.items()}


class Notes:
    """The numbered citation notes of one page, in the order markers are first emitted."""

    def __init__(self, site: SiteData, root: str) -> None:
        self._site = site
        self._root = root
        self._markers: dict[tuple[str, str], dict[str, Any]] = {}
        self.entries: list[dict[str, Any]] = []

    def marker(self, citation: Citation) -> dict[str, Any]:
        key = (citation.source, citation.sentence)
        marker = self._markers.get(key)
        if marker is not None:
            # Every marker of one note is the same; templates only read them, so
            # the dict is shared (a page cites the same sentences many times).
            return marker
        source = self._site.sources.get(citation.source)
        label = self._site.name(citation.source)
        href = f"{self._root}sources/{citation.source}.html#{citation.sentence}"
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


def _citation_order(citation: Citation) -> tuple[str, int, str]:
    return (citation.source, citation.start, citation.sentence)


def _more(hidden: int, href: str | None) -> dict[str, Any] | None:
    return {"count": hidden, "href": href} if hidden > 0 else None


def _verbatim(claim: Claim) -> bool:
    """A claim that is its one source's sentence, word for word: a numbered note
    would only repeat it, so its marker names the source instead."""
    if len(claim.citations) != 1:
        return False
    return " ".join(claim.citations[0].quote.split()) == " ".join(claim.text.split())


def _name_marker(citation: Citation, site: SiteData, root: str) -> dict[str, Any]:
    return {"number": None, "note": None, "href": f"{root}sources/{citation.source}.html#{citation.sentence}",
            "label": site.name(citation.source), "source": citation.source}


def claim_view(claim: Claim, notes: Notes, site: SiteData, *, root: str, here: str | None, anchor: bool,
               markers: int | None) -> dict[str, Any]:
    """``markers``: at most this many citation markers (None: all of them); the rest
    are counted in ``more``, which links to the claim's own page."""
    citations: Sequence[Citation] = claim.citations
    if len(citations) > 1:
        citations = sorted(citations, key=_citation_order)
    shown = citations if markers is None else citations[:markers]
    permalink = site.claim_href(claim.id, root, here)
    if _verbatim(claim):
        made = [_name_marker(citations[0], site, root)]
    else:
        made = [notes.marker(c) for c in shown]
    return {
        "id": claim.id,
        "anchor": f"claim-{claim.id}" if anchor else None,
        "permalink": permalink,
        "text": claim.text,
        # the clause the claim states, marked within its sentence (see Claim.focus)
        "focus": _focus_parts(claim),
        "kind": claim.kind,
        "status": claim.status,
        "group": claim_group(claim),
        "support": claim.support,
        "pinned": claim.pinned,
        "edited": claim.edited,
        "numbers": list(claim.numbers),
        "markers": made,
        "more": _more(len(citations) - len(shown), permalink),
    }


def _focus_parts(claim: Claim) -> tuple[str, str, str] | None:
    if claim.focus is None:
        return None
    a, b = claim.focus
    return claim.text[:a], claim.text[a:b], claim.text[b:]


def _source_markers(claim: Claim | None, source_ids: Iterable[str], notes: Notes, site: SiteData, root: str,
                    limit: int) -> tuple[list[dict[str, Any]], int]:
    """Markers for a row that names its sources (figure, quote, value, event): the
    claim's citation from each source when there is one, else the source page.
    At most ``limit``; returns the markers and how many were left out."""
    ordered = sorted(set(source_ids))
    first = site.first_citations(claim) if claim is not None else {}
    markers = []
    for source_id in ordered[:limit]:
        citation = first.get(source_id)
        if citation is not None:
            markers.append(notes.marker(citation))
        else:
            markers.append({"number": None, "note": None, "href": f"{root}sources/{source_id}.html",
                            "label": site.name(source_id), "source": source_id})
    return markers, len(ordered) - len(markers)


# ---------------------------------------------------------------- section rows


class Rows:
    """Row views of the sections other than claims, for one page."""

    def __init__(self, site: SiteData, notes: Notes, root: str, here: str | None, markers: int) -> None:
        self.site, self.notes, self.root, self.here, self.limit = site, notes, root, here, markers

    def _claim_link(self, claim_id: str | None) -> str | None:
        return self.site.claim_href(claim_id, self.root, self.here) if claim_id else None

    def _markers(self, claim_id: str | None, sources: Iterable[str]) -> tuple[list[dict[str, Any]], dict | None]:
        claim = self.site.claims.get(claim_id) if claim_id else None
        markers, hidden = _source_markers(claim, sources, self.notes, self.site, self.root, self.limit)
        return markers, _more(hidden, self._claim_link(claim_id) if claim is not None else None)

    def figures(self, items: Iterable[Any]) -> list[dict[str, Any]]:
        rows = []
        for f in items:
            markers, more = self._markers(f.claim, f.sources)
            rows.append({"id": f.id, "value": f.value, "unit": f.unit, "measure": f.measure,
                         "claim": self._claim_link(f.claim), "markers": markers, "more": more})
        return rows

    def disagreements(self, items: Iterable[Any]) -> list[dict[str, Any]]:
        rows = []
        for d in items:
            related = [self.site.claims[cid] for cid in d.claims if cid in self.site.claims]
            values = []
            for v in d.values:
                claim_id = next((cid for cid in v.claims if cid in self.site.claims), None)
                if claim_id is None:
                    claim_id = next((c.id for c in related if set(v.sources) & {x.source for x in c.citations}), None)
                markers, more = self._markers(claim_id, v.sources)
                values.append({
                    "value": v.value,
                    "claims": [h for h in (self._claim_link(cid) for cid in v.claims) if h],
                    "markers": markers,
                    "more": more,
                })
            rows.append({"id": d.id, "summary": d.summary, "subject": d.subject, "variants": values})
        return rows

    def quotes(self, items: Iterable[Any]) -> list[dict[str, Any]]:
        rows = []
        for q in items:
            markers, more = self._markers(q.claim, q.sources)
            # Quote fragments often end at a comma that belonged to the sentence around them.
            rows.append({"id": q.id, "speaker": q.speaker, "text": q.text.strip().rstrip(",;:").rstrip(),
                         "claim": self._claim_link(q.claim), "markers": markers, "more": more})
        return rows

    def people(self, items: Iterable[Any]) -> list[dict[str, Any]]:
        rows = []
        for e in items:
            roles = []
            for r in e.roles:
                names = [self.site.name(s) for s in sorted(set(r.sources))]
                shown = names[: self.limit]
                roles.append({"text": r.text, "sources": shown, "more": len(names) - len(shown)})
            rows.append({"id": e.id, "name": e.name, "kind": e.kind, "aliases": sorted(set(e.aliases) - {e.name}),
                         "roles": roles, "sources": len(set(e.sources)), "claims": len(e.claims)})
        return rows

    def timeline(self, items: Iterable[Any]) -> list[dict[str, Any]]:
        rows = []
        for t in items:
            markers, more = self._markers(t.claim, t.sources)
            rows.append({"id": t.id, "date": t.date, "text": t.text, "claim": self._claim_link(t.claim),
                         "markers": markers, "more": more})
        return rows

    def sources(self, items: Iterable[SourceSummary]) -> list[dict[str, Any]]:
        return [{
            "id": s.id, "title": source_heading(s, s.id), "name": self.site.name(s.id), "publisher": s.publisher,
            "date": s.date, "date_text": display_date(s.date), "author": s.author, "url": safe_http_url(s.url),
            "claims": s.claims, "href": f"{self.root}sources/{s.id}.html",
        } for s in items]


def _list_items(site: SiteData, key: str) -> Sequence[Any]:
    sheet = site.sheet
    if key == "figures":
        return sheet.figures
    if key == "disagreements":
        return sheet.discrepancies
    if key == "quotes":
        return sheet.quotes
    if key == "people":
        return ordered_entities(sheet)
    if key == "timeline":
        return ordered_timeline(sheet)
    if key == "sources":
        return sheet.sources
    raise KeyError(key)


def _build_rows(rows: Rows, key: str) -> Callable[[Iterable[Any]], list[dict[str, Any]]]:
    return getattr(rows, key)


def top(items: Sequence[T], n: int, weight: Callable[[T], int]) -> list[T]:
    """The ``n`` items of the greatest weight, in their original order."""
    if len(items) <= n:
        return list(items)
    chosen = sorted(range(len(items)), key=lambda i: (-weight(items[i]), i))[:n]
    return [items[i] for i in sorted(chosen)]


def _index_pick(site: SiteData, key: str, limits: Limits) -> list[Any]:
    items = _list_items(site, key)
    if key == "disagreements":
        return top(items, limits.index_disagreements, lambda d: len({s for v in d.values for s in v.sources}))
    if key == "people":
        return list(items[: limits.index_rows])  # already the most cited first
    if key == "sources":
        return top(items, limits.index_rows, lambda s: s.claims)
    return top(items, limits.index_rows, lambda x: len(set(x.sources)))


def _counts(sheet: Sheet) -> dict[str, Any]:
    return {
        "sources": len(sheet.sources),
        "claims": len(sheet.claims),
        "date_range": list(sheet.date_range) if sheet.date_range else None,
    }


def _group_nav(plan: Plan, root: str, current: str | None) -> list[dict[str, Any]]:
    return [{"key": g.key, "title": g.title, "count": g.count, "href": f"{root}{g.pages[0].path}",
             "current": g.key == current} for g in plan.groups]


def index_view(site: SiteData, limits: Limits) -> dict[str, Any]:
    sheet, plan = site.sheet, site.plan
    root = ""
    notes = Notes(site, root)
    here = "index.html"

    glance_pool = [c for c in claim_order(sheet.claims) if c.kind != "commentary" and c.status != "disputed"]
    glance = [claim_view(c, notes, site, root=root, here=here, anchor=False, markers=limits.markers)
              for c in glance_pool[: limits.glance]]

    rows = Rows(site, notes, root, here, limits.markers)
    sections: dict[str, list[dict[str, Any]]] = {}
    more: dict[str, dict[str, Any]] = {}
    # Built in the order the page shows them, so that notes are numbered in document order.
    for key in ("figures", "disagreements", "quotes", "people", "timeline"):
        picked = _index_pick(site, key, limits)
        if key == "timeline":
            picked = sorted(picked, key=lambda t: (t.date, t.id))
        sections[key] = _build_rows(rows, key)(picked)
        section = plan.list_section(key)
        more[key] = {"count": section.count, "shown": len(picked),
                     "href": section.path(1) if section.count > len(picked) else None}

    groups = []
    for group in plan.groups:
        members = [claim_view(c, notes, site, root=root, here=here, anchor=True, markers=limits.markers)
                   for c in group.claims[: limits.index_claims]]
        groups.append({"key": group.key, "title": group.title, "blurb": group.blurb, "claims": members,
                       "count": group.count, "shown": len(members), "pages": len(group.pages),
                       "href": group.pages[0].path})

    picked_sources = _index_pick(site, "sources", limits)
    source_list = plan.list_section("sources")
    more["sources"] = {"count": source_list.count, "shown": len(picked_sources),
                       "href": source_list.path(1) if source_list.count > len(picked_sources) else None}
    return {
        "title": sheet.title,
        "summary": sheet.summary,
        "intro_html": sheet.intro_html,
        "counts": _counts(sheet),
        "glance": glance,
        "figures": sections["figures"],
        "discrepancies": sections["disagreements"],
        "quotes": sections["quotes"],
        "entities": sections["people"],
        "timeline": sections["timeline"],
        "groups": groups,
        "sources": rows.sources(picked_sources),
        "more": more,
        "lists": [{"key": s.key, "title": s.title, "count": s.count, "href": s.path(1)} for s in plan.lists if s.count],
        "notes": notes.entries,
        "lookup_shards": plan.lookup_shards,
    }


def _pager(number: int, pages: int, path_of: Callable[[int], str], root: str) -> dict[str, Any]:
    """Previous/next and a window of page numbers (first, last, and two either side);
    ``None`` in ``links`` marks a gap."""
    wanted = sorted({1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)})
    links: list[dict[str, Any] | None] = []
    for i, n in enumerate(wanted):
        if i and n != wanted[i - 1] + 1:
            links.append(None)
        links.append({"number": n, "href": f"{root}{path_of(n)}", "current": n == number})
    return {
        "number": number, "pages": pages,
        "prev": f"{root}{path_of(number - 1)}" if number > 1 else None,
        "next": f"{root}{path_of(number + 1)}" if number < pages else None,
        "links": links if pages > 1 else [],
    }


def claims_page_view(site: SiteData, group: Group, page: ClaimPage) -> dict[str, Any]:
    root = "../"
    notes = Notes(site, root)
    claims = [claim_view(c, notes, site, root=root, here=page.path, anchor=True, markers=None) for c in page.claims]
    first = sum(len(p.claims) for p in group.pages[: page.number - 1]) + 1
    by_number = {p.number: p.path for p in group.pages}
    return {
        "key": group.key, "title": group.title, "blurb": group.blurb, "count": group.count,
        "number": page.number, "pages": len(group.pages),
        "first": first, "last": first + len(page.claims) - 1,
        "claims": claims,
        "groups": _group_nav(site.plan, root, group.key),
        "pager": _pager(page.number, len(group.pages), by_number.__getitem__, root),
        "notes": notes.entries,
    }


def list_page_view(site: SiteData, section: ListSection, number: int, limits: Limits) -> dict[str, Any]:
    root = "../"
    here = section.path(number)
    notes = Notes(site, root)
    items = _list_items(site, section.key)
    start = (number - 1) * section.per_page
    chunk = items[start: start + section.per_page]
    rows = _build_rows(Rows(site, notes, root, here, limits.markers), section.key)(chunk)
    return {
        "key": section.key, "title": section.title, "count": section.count,
        "number": number, "pages": section.pages, "first": start + 1, "last": start + len(chunk),
        "rows": rows,
        "lists": [{"key": s.key, "title": s.title, "count": s.count, "href": f"{root}{s.path(1)}",
                   "current": s.key == section.key} for s in site.plan.lists if s.count],
        "pager": _pager(number, section.pages, section.path, root),
        "notes": notes.entries,
    }


def _blocks(record: Record, cited: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Sentences grouped into their kept blocks; consecutive bullets form one list.
    ``cited``: sentence id -> links to the claims citing it."""
    blocks: list[dict[str, Any]] = []
    for sentence in sorted(record.sentences, key=lambda s: (s.start, s.id)):
        view = {
            "id": sentence.id,
            "text": sentence.text,
            "claims": cited.get(sentence.id, []),
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


def cited_links(site: SiteData, claim_ids: dict[str, list[str]] | None, root: str = "../") -> dict[str, list[str]]:
    """sentence id -> the permalinks of the claims citing it, from a source page."""
    if not claim_ids:
        return {}
    return {sid: [h for h in (site.claim_href(cid, root) for cid in ids) if h] for sid, ids in claim_ids.items()}


def source_view(record: Record, summary: SourceSummary | None, cited: dict[str, list[str]]) -> dict[str, Any]:
    """``cited``: sentence id -> links to the claims citing it (see ``cited_links``)."""
    url = safe_http_url(record.url)
    claim_links = {h for hrefs in cited.values() for h in hrefs}
    return {
        "id": record.id,
        "path": record.path,
        "title": source_heading(record, record.id),
        "name": source_name(record, record.id),
        "publisher": record.publisher,
        "date": record.date,
        "date_text": display_date(record.date),
        "author": record.author,
        "url": url,
        "tags": list(record.tags),
        "description": record.description,
        "inferred": list(record.inferred),
        "claims": summary.claims if summary else len(claim_links),
        "cited_sentences": len(cited),
        "blocks": _blocks(record, cited),
        "removed": [{"reason": r.reason, "text": r.text, "start": r.start, "end": r.end}
                    for r in sorted(record.removed, key=lambda r: (r.start, r.end))],
    }
