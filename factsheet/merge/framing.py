"""What a sentence says about *when*, *what for* and *where*, beyond exact
dates and numbers: approximate dates ("the first quarter of 2027",
"mid-2027", "in March"), the stated purpose of a named venture or deal ("a
venture with X to explore smart factories") and the places an event is said
to happen in ("at its plants in Ohio and Texas").

Two sources that tell one event with values of these that cannot both be true
disagree; the merge keeps their sentences apart and reports a discrepancy.
Conservative by design: a purpose needs a named partner and an event noun, a
place list needs the same event wording around it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .text import content_stems, stem

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)
_YEAR = r"((?:19|20)\d\d)"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
            "last": 4}
# part of a year -> (first month, last month)
_PART = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12), "start": (1, 3),
         "beginning": (1, 3)}

_QUARTER = re.compile(rf"\b(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?{_YEAR}\b",
                      re.IGNORECASE)
_Q = re.compile(rf"\b[QH]([1-4])\s*(?:of\s+)?{_YEAR}\b")
_HALF = re.compile(rf"\b(?:the\s+)?(first|second|1st|2nd)\s+half\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)
_PART_RE = re.compile(rf"\b(?:the\s+)?(early|mid|middle|late|end|start|beginning)(?:\s+of|-|\s+)\s*{_YEAR}\b",
                      re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"\b(?:in|by|until|before|from|during|since|through|early|late)\s+({_MONTH_RE})"
                         rf"(?:\s+{_YEAR})?\b(?!\s+\d)")


_MAYBE_PERIOD = re.compile(r"(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
                           r"November|December")


@dataclass(frozen=True)
class ApproxDate:
    text: str
    start: int
    end: int
    year: int | None
    first: int  # months, 1-12
    last: int

    def overlaps(self, other: "ApproxDate") -> bool:
        if self.year is not None and other.year is not None:
            a = (self.year * 12 + self.first, self.year * 12 + self.last)
            b = (other.year * 12 + other.first, other.year * 12 + other.last)
        else:
            a, b = (self.first, self.last), (other.first, other.last)
        return a[0] <= b[1] and b[0] <= a[1]

    @property
    def span(self) -> tuple[float, float]:
        base = (self.year or 0) * 12
        return float(base + self.first), float(base + self.last)


def approx_dates(text: str) -> tuple[ApproxDate, ...]:
    """Periods stated less exactly than a day, in text order."""
    if not _MAYBE_PERIOD.search(text):
        return ()
    out: list[ApproxDate] = []
    for m in _QUARTER.finditer(text):
        q = _ORDINAL[m.group(1).lower()]
        out.append(ApproxDate(m.group(0).strip(), m.start(), m.end(), int(m.group(2)), 3 * q - 2, 3 * q))
    for m in _Q.finditer(text):
        n = int(m.group(1))
        first, last = (3 * n - 2, 3 * n) if m.group(0)[0] == "Q" else ((1, 6) if n == 1 else (7, 12))
        if m.group(0)[0] == "H" and n > 2:
            continue
        out.append(ApproxDate(m.group(0), m.start(), m.end(), int(m.group(2)), first, last))
    for m in _HALF.finditer(text):
        first, last = (1, 6) if _ORDINAL[m.group(1).lower()] == 1 else (7, 12)
        out.append(ApproxDate(m.group(0).strip(), m.start(), m.end(), int(m.group(2)), first, last))
    for m in _PART_RE.finditer(text):
        first, last = _PART[m.group(1).lower()]
        out.append(ApproxDate(m.group(0).strip(), m.start(), m.end(), int(m.group(2)), first, last))
    for m in _MONTH_ONLY.finditer(text):
        month = MONTHS.index(m.group(1).lower()) + 1
        year = int(m.group(2)) if m.group(2) else None
        word = m.group(0).split()[0].lower()
        first, last = month, month
        out.append(ApproxDate(m.group(0)[len(word):].strip() if word in ("in", "by", "from", "since", "during",
                                                                         "until", "before", "through") else m.group(0),
                              m.start(), m.end(), year, first, last))
    out.sort(key=lambda d: (d.start, -d.end))
    kept: list[ApproxDate] = []
    for d in out:  # "the first quarter of 2027" once, not also as "2027"
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return tuple(kept)


def approx_conflict(a: tuple[ApproxDate, ...], b: tuple[ApproxDate, ...]) -> tuple[ApproxDate, ApproxDate] | None:
    """Both state a period and none of one side's periods overlaps the other's."""
    if not a or not b:
        return None
    if any(x.overlaps(y) for x in a for y in b):
        return None
    return a[0], b[0]


# ------------------------------------------------------------------ purpose

_EVENT = re.compile(r"\b(joint venture|venture|partnership|agreement|deal|alliance|collaboration|pact|tie-up|"
                    r"project|initiative|consortium|programme|program|effort|mission|task force)s?\b",
                    re.IGNORECASE)
_PURPOSE_AFTER = re.compile(r"(?P<mid>[^.;:!?]{0,80}?)\b(?:to|that will|which will|aimed at|aiming to)\s+"
                            r"(?P<verb>[a-z][a-z\-]+)\s+(?P<obj>[^,.;:!?]+)")
PURPOSE_OBJECT_WORDS = 4


@dataclass(frozen=True)
class Purpose:
    event: str  # the event noun's stem ("ventur", "agreement")
    partners: frozenset[str]  # name keys written between the noun and the purpose ("with Kestrel")
    objects: frozenset[str]  # content stems of what it is for (names as "@key")
    text: str  # "to explore smart factories enhanced by robotics"
    start: int
    end: int


def purposes(text: str, names) -> tuple[Purpose, ...]:
    """"<event noun> with <Name> ... to <verb> <object>": the stated aim of a
    named venture. ``names``: NameMention objects with offsets into ``text``."""
    if " to " not in text and " aim" not in text and " will " not in text:
        return ()
    out = []
    for ev in _EVENT.finditer(text):
        m = _PURPOSE_AFTER.match(text, ev.end())
        if not m:
            continue
        mid_start, mid_end = m.start("mid"), m.end("mid")
        partners = frozenset(n.key for n in names if mid_start <= n.start < mid_end)
        if not partners:
            continue
        obj_start, obj_end = m.start("obj"), m.end("obj")
        obj_names = [n for n in names if obj_start <= n.start < obj_end]
        pieces, pos = [], obj_start
        for n in obj_names:
            pieces.append(text[pos:n.start])
            pos = n.end
        pieces.append(text[pos:obj_end])
        objects = set(content_stems(" ".join(pieces))[:PURPOSE_OBJECT_WORDS]) | {"@" + n.key for n in obj_names}
        if not objects:
            continue
        out.append(Purpose(stem(ev.group(1).split()[-1]), partners, frozenset(objects),
                           text[m.start("verb") - 3 if text[m.start("verb") - 3:m.start("verb")] == "to " else
                                m.start("verb"):obj_end].strip(), ev.start(), obj_end))
    return tuple(out)


def purpose_conflict(a: tuple[Purpose, ...], b: tuple[Purpose, ...], group=lambda k: k) -> tuple[Purpose, Purpose] | None:
    """The same event noun with the same named partner, for aims that share no word."""
    for x in a:
        for y in b:
            if x.event != y.event:
                continue
            if not {group(k) for k in x.partners} & {group(k) for k in y.partners}:
                continue
            if not x.objects & y.objects:
                return x, y
    return None


def value_key(text: str) -> float:
    """A stable number standing for a worded value (discrepancy variants are keyed by numbers)."""
    return float(int(hashlib.sha1(" ".join(content_stems(text)).encode()).hexdigest()[:12], 16))


# ------------------------------------------------------------------ places

_PLACE_PREP = re.compile(r"\b(?:in|near|outside|across)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
                         r"north|south|east|west|downtown|rural)\s+)?$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?$")
PLACE_CONTEXT_WORDS = 4


@dataclass(frozen=True)
class PlaceList:
    places: frozenset[str]  # name keys
    text: str  # "Wisconsin, Ohio and Texas"
    start: int
    end: int
    before: tuple[str, ...]  # content stems right before the list: what happens there


def place_lists(text: str, names) -> tuple[PlaceList, ...]:
    """"in Wisconsin, Ohio and Texas", "near Lyon": names after a place
    preposition (a possessive or a titled person is not a place)."""
    if not names or not any(f" {p} " in text for p in ("in", "near", "outside", "across")):
        return ()
    out: list[PlaceList] = []
    i = 0
    ns = list(names)
    while i < len(ns):
        n = ns[i]
        if n.title or not _PLACE_PREP.search(text[max(0, n.start - 40):n.start]) or _possessive(text, n.end):
            i += 1
            continue
        group = [n]
        j = i + 1
        while j < len(ns) and _LIST_JOIN.fullmatch(text[group[-1].end:ns[j].start]) and not _possessive(text, ns[j].end):
            group.append(ns[j])
            j += 1
        start, end = group[0].start, group[-1].end
        prep = _PLACE_PREP.search(text[max(0, n.start - 40):n.start])
        left_end = max(0, n.start - 40) + prep.start()
        before = tuple(content_stems(text[max(0, left_end - 80):left_end])[-PLACE_CONTEXT_WORDS:])
        out.append(PlaceList(frozenset(g.key for g in group), text[start:end], start, end, before))
        i = j
    return tuple(out)


def _possessive(text: str, end: int) -> bool:
    return text[end:end + 2] in ("'s", "’s") or text[end:end + 1] in ("'", "’")


def place_conflict(a: tuple[PlaceList, ...], b: tuple[PlaceList, ...], a_names: frozenset[str],
                   b_names: frozenset[str], group=lambda k: k) -> tuple[PlaceList, PlaceList] | None:
    """The same thing said to happen (the words before the list agree on two
    stems) in places neither of which contains the other, and neither sentence
    names the other's places anywhere."""
    for x in a:
        for y in b:
            if len(set(x.before) & set(y.before)) < 2:
                continue
            px = {group(k) for k in x.places}
            py = {group(k) for k in y.places}
            if px <= py or py <= px:
                continue
            if (px - py) & b_names or (py - px) & a_names:
                continue  # the other sentence mentions that place too: not a different place
            return x, y
    return None
