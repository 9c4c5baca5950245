"""The render stage's tunables, in one place: how much the index holds, how many
rows a page holds. Passed as one object (``render_site(..., limits=...)``);
tests pass small limits to exercise pagination on small sheets."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Limits:
    # The index page's HTML must fit in this many bytes at any corpus size. The
    # caps below are chosen to fit it; when a sheet's rows are unusually long the
    # index is rendered again with every index cap halved until it fits.
    index_bytes: int = 500_000
    glance: int = 8  # claims in "At a glance"
    index_claims: int = 25  # claims of each group shown on the index
    index_rows: int = 30  # rows of each other section shown on the index
    index_disagreements: int = 15
    markers: int = 8  # citation markers per row outside a claim's own page
    # Claim pages: a page ends at whichever comes first. A claim is never split:
    # one with more citations than the second limit gets a page of its own.
    claims_per_page: int = 200
    citations_per_page: int = 1_500
    rows_per_page: int = 200  # list pages: key figures, quotes, people, timeline, sources
    disagreements_per_page: int = 40  # a disagreement is a heading, a summary and every value with its sources
    # Claims per shard of the lookup that lets an old index.html#claim-<id>
    # permalink find the claim's page (loaded only for such a link).
    claims_per_lookup_shard: int = 4_000

    def halved(self) -> "Limits":
        """The index caps halved (never below one row)."""
        return replace(
            self,
            glance=max(1, self.glance // 2),
            index_claims=max(1, self.index_claims // 2),
            index_rows=max(1, self.index_rows // 2),
            index_disagreements=max(1, self.index_disagreements // 2),
            markers=max(1, self.markers // 2),
        )

    @property
    def smallest(self) -> bool:
        return max(self.glance, self.index_claims, self.index_rows, self.index_disagreements, self.markers) <= 1


DEFAULT_LIMITS = Limits()
