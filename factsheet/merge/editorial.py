"""Apply the editor's sheet file (pin / hide / merge / reword) by claim id."""

from __future__ import annotations

import dataclasses

from ..editorial import Editorial
from ..models import Claim, Diagnostic

SHEET_PATH = "_sheet.md"


def _status(support: int, disputed: bool) -> str:
    if disputed:
        return "disputed"
    return "corroborated" if support >= 2 else "single-source"


def apply_editorial(claims: list[Claim], editorial: Editorial) -> tuple[list[Claim], list[Diagnostic]]:
    by_id = {c.id: c for c in claims}
    diags: list[Diagnostic] = []

    def unknown(cid: str, what: str) -> None:
        diags.append(Diagnostic(path=SHEET_PATH, level="warning",
                                message=f"{what}: unknown claim id {cid!r} (not in this build; it was ignored)"))

    folded: set[str] = set()
    for group in editorial.merge:
        known = [cid for cid in group if cid in by_id]
        for cid in group:
            if cid not in by_id:
                unknown(cid, "merge")
        if len(known) < 2:
            continue
        head = by_id[known[0]]
        cites = list(head.citations)
        seen = {(c.source, c.sentence) for c in cites}
        discs = set(head.discrepancies)
        ents = set(head.entities)
        nums = list(head.numbers)
        for cid in known[1:]:
            other = by_id[cid]
            for c in other.citations:
                if (c.source, c.sentence) not in seen:
                    seen.add((c.source, c.sentence))
                    cites.append(c)
            discs.update(other.discrepancies)
            ents.update(other.entities)
            nums.extend(n for n in other.numbers if n not in nums)
            folded.add(cid)
        cites.sort(key=lambda c: (c.source, c.start))
        support = len({c.source for c in cites})
        by_id[head.id] = dataclasses.replace(
            head, citations=tuple(cites), support=support, status=_status(support, bool(discs)),
            discrepancies=tuple(sorted(discs)), entities=tuple(sorted(ents)), numbers=tuple(nums))
    for cid in editorial.hide:
        if cid not in by_id:
            unknown(cid, "hide")
    hidden = set(editorial.hide)
    for cid in editorial.pin:
        if cid not in by_id:
            unknown(cid, "pin")
        else:
            by_id[cid] = dataclasses.replace(by_id[cid], pinned=True)
    for cid, text in editorial.reword:
        if cid not in by_id:
            unknown(cid, "reword")
        elif text.strip():
            by_id[cid] = dataclasses.replace(by_id[cid], text=text.strip(), edited=True, focus=None)
    pin_order = {cid: i for i, cid in enumerate(editorial.pin)}
    out = [by_id[c.id] for c in claims if c.id not in folded and c.id not in hidden]
    out.sort(key=lambda c: (0, pin_order[c.id]) if c.pinned else (1, 0))  # stable: keeps the merge order otherwise
    return out, diags
