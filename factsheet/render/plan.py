"""Which page shows what.

The sheet's claims fall into sections by what the sources do with them
(corroborated, single source, disputed, commentary); each section is cut into
numbered pages, ``claims/<section>-<n>.html``, in reading order (pinned first,
then the best supported). Every claim has exactly one such page: its permalink
is ``claims/<section>-<n>.html#claim-<id>``, and ``index.html#claim-<id>`` (the
permalink of earlier versions) finds it through a small lookup (see
``lookup_shard``). Key figures, disagreements, quotes, people, the timeline and
the sources each get numbered list pages, ``lists/<kind>-<n>.html``.

Why sections and not pages per entity or per source: a claim belongs to exactly
one section, so it has one page and one permalink, while it names any number of
entities (or none) and is stated by any number of sources; the sources already
have a page each showing their sentences; and a section's order is the sheet's
own (the best supported claims first), so its first page is worth reading.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator, Mapping

from ..models import Claim, Entity, Sheet, TimelineEvent
from .limits import Limits

CLAIM_GROUPS = (
    ("corroborated", "Corroborated", "Stated by two or more independent sources."),
    ("single-source", "Single source", "Stated by one source only."),
    ("disputed", "Disputed", "Sources give different values."),
    ("commentary", "Commentary", "Opinion, analysis and framing rather than checkable fact."),
)
_KNOWN_GROUPS = {key for key, _, _ in CLAIM_GROUPS}
_UNSAFE = re.compile(r"[^a-z0-9]+")

# The list pages, in the order the index shows their sections.
LISTS = (
    ("figures", "Key figures"),
    ("disagreements", "Where sources disagree"),
    ("quotes", "Quotes"),
    ("people", "Who’s who"),
    ("timeline", "Timeline"),
    ("sources", "Sources"),
)


def claim_group(claim: Claim) -> str:
    if claim.kind == "commentary":
        return "commentary"
    status = str(claim.status)
    if status in _KNOWN_GROUPS:
        return status
    # A status this version does not know still gets a section (and a file name that is safe).
    return _UNSAFE.sub("-", status.lower()).strip("-") or "other"


def claim_order(claims: tuple[Claim, ...]) -> list[Claim]:
    """Pinned first, then by support, then in the merge's order."""
    position = {id(c): i for i, c in enumerate(claims)}
    return sorted(claims, key=lambda c: (not c.pinned, -c.support, position[id(c)]))


def ordered_entities(sheet: Sheet) -> list[Entity]:
    return sorted(sheet.entities, key=lambda e: (-len(set(e.sources)), e.name.casefold(), e.id))


def ordered_timeline(sheet: Sheet) -> list[TimelineEvent]:
    return sorted(sheet.timeline, key=lambda t: (t.date, t.id))


@dataclass(frozen=True)
class ClaimPage:
    group: str
    number: int
    path: str  # relative to the site root
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    blurb: str
    claims: tuple[Claim, ...]  # every claim of the section, in reading order
    pages: tuple[ClaimPage, ...]

    @property
    def count(self) -> int:
        return len(self.claims)


@dataclass(frozen=True)
class ListSection:
    key: str
    title: str
    count: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    def path(self, number: int) -> str:
        return f"lists/{self.key}-{number}.html"

    def page_of(self, position: int) -> int:
        return position // self.per_page + 1


@dataclass(frozen=True)
class Plan:
    groups: tuple[Group, ...]
    claim_paths: Mapping[str, str]  # claim id -> its page, relative to the site root
    lists: tuple[ListSection, ...]
    lookup_shards: int

    def claim_pages(self) -> Iterator[ClaimPage]:
        for group in self.groups:
            yield from group.pages

    def list_section(self, key: str) -> ListSection:
        return next(s for s in self.lists if s.key == key)


def _pages(key: str, claims: list[Claim], limits: Limits) -> tuple[ClaimPage, ...]:
    pages: list[ClaimPage] = []
    current: list[Claim] = []
    citations = 0
    for claim in claims:
        cost = len(claim.citations)
        if current and (len(current) >= limits.claims_per_page or citations + cost > limits.citations_per_page):
            pages.append(ClaimPage(key, len(pages) + 1, f"claims/{key}-{len(pages) + 1}.html", tuple(current)))
            current, citations = [], 0
        current.append(claim)
        citations += cost
    if current:
        pages.append(ClaimPage(key, len(pages) + 1, f"claims/{key}-{len(pages) + 1}.html", tuple(current)))
    return tuple(pages)


def plan_site(sheet: Sheet, limits: Limits) -> Plan:
    by_group: dict[str, list[Claim]] = {key: [] for key, _, _ in CLAIM_GROUPS}
    for claim in claim_order(sheet.claims):
        by_group.setdefault(claim_group(claim), []).append(claim)
    titles = {key: (title, blurb) for key, title, blurb in CLAIM_GROUPS}
    groups = []
    paths: dict[str, str] = {}
    for key, members in by_group.items():
        if not members:
            continue
        title, blurb = titles.get(key, (key.replace("-", " ").capitalize(), ""))
        pages = _pages(key, members, limits)
        for page in pages:
            for claim in page.claims:
                paths.setdefault(claim.id, page.path)
        groups.append(Group(key, title, blurb, tuple(members), pages))
    counts = {"figures": len(sheet.figures), "disagreements": len(sheet.discrepancies), "quotes": len(sheet.quotes),
              "people": len(sheet.entities), "timeline": len(sheet.timeline), "sources": len(sheet.sources)}
    per_page = {"disagreements": limits.disagreements_per_page}
    lists = tuple(ListSection(key, title, counts[key], per_page.get(key, limits.rows_per_page)) for key, title in LISTS)
    shards = max(1, math.ceil(len(paths) / limits.claims_per_lookup_shard))
    return Plan(tuple(groups), paths, lists, shards)


def lookup_shard(claim_id: str, shards: int) -> int:
    """The shard of the permalink lookup holding ``claim_id``: FNV-1a (32 bits) over
    the id's UTF-16 code units, modulo the shard count. site.js computes the same."""
    h = 0x811C9DC5
    units = claim_id.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h ^= units[i] | (units[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards
