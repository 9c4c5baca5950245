"""Dated events. Dates only as explicit as the text: a full date, a month and
day (year from the article's own date), a weekday resolved against the
article's own date (else left out), or a target year ("by 2026")."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache

from ..models import TimelineEvent

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_MD = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DM = re.compile(r"\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+(\d{4}))?\b")
_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_WEEKDAY = re.compile(r"\b(?:on|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEAR = re.compile(r"\b(by|in|until|through|before|from|since|during)\s+((?:19|20)\d\d)\b(?!-)")
_MONTH_YEAR = re.compile(r"\b(?:in\s+)?(January|February|March|April|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b")


@lru_cache(maxsize=4096)
def _article_date(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


_MAYBE_DATE = re.compile(r"\d|day\b|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


_DIGIT = re.compile(r"\d")
_MONTH_ABBREVIATION = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # in every month name


def dates_in(text: str, article_date: str | None) -> list[str]:
    # each pattern needs a digit or a weekday ("...day"); the dates of a month name need a digit
    # too: skip the patterns that cannot match (the test _MAYBE_DATE makes, and more)
    digit = _DIGIT.search(text) is not None
    if not digit and "day" not in text:
        return []
    month = digit and _MONTH_ABBREVIATION.search(text) is not None
    art = _article_date(article_date)
    found: list[str] = []
    for m in _ISO.finditer(text) if digit and "-" in text else ():
        d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append(d)
    for rx, mi, di in ((_MD, 1, 2), (_DM, 2, 1)) if month else ():
        for m in rx.finditer(text):
            month = MONTHS.get(m.group(mi).lower()[:4].rstrip(".")) or MONTHS.get(m.group(mi).lower()[:3])
            year = int(m.group(3)) if m.group(3) else (art.year if art else None)
            if month and year:
                d = _valid(year, month, int(m.group(di)))
                if d:
                    found.append(d)
    if not found and "day" in text:
        for m in _WEEKDAY.finditer(text):
            if art is None:
                continue
            target = WEEKDAYS.index(m.group(1).lower())
            back = (art.weekday() - target) % 7
            found.append((art - dt.timedelta(days=back)).isoformat())
    for m in _MONTH_YEAR.finditer(text) if month else ():
        found.append(f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}")
    if not found and digit and ("19" in text or "20" in text):
        for m in _YEAR.finditer(text):
            found.append(m.group(2))
    return sorted(set(found))


def timeline_events(items: list[tuple[str, str, list[tuple[str, ...]], tuple[str, ...]]]) -> list[TimelineEvent]:
    """items: (claim id, claim text, [dates in each member sentence], sources)."""
    events: dict[tuple[str, str], TimelineEvent] = {}
    for claim_id, text, members, sources in items:
        if not any(members):
            continue
        dates: set[str] = set()
        for member_dates in members:
            dates.update(member_dates)
        for d in sorted(dates):
            eid = "t-" + hashlib.sha1(f"{d}|{claim_id}".encode()).hexdigest()[:8]
            events[(d, claim_id)] = TimelineEvent(eid, d, text, claim_id, sources)
    return [events[k] for k in sorted(events, key=lambda k: (k[0], events[k].text, k[1]))]
