"""Values a sentence states: counts, money, percentages, durations, clock times,
distances, temperatures, dates, days of the week and years.

Each becomes a Quantity with normalized bounds in a base unit (seconds, metres,
degrees Celsius, a currency, a counted noun), so that "48 hours" and "two days",
"118-metre" and "387-foot", "$2.1bn" and "2.1 billion dollars" compare equal, and
"7:30 a.m." and "8 a.m." visibly differ. Offsets are within the sentence text.
"""

from __future__ import annotations

import dataclasses

import re
from dataclasses import dataclass
from functools import cached_property

from . import params as P

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "single": 1,
}
for _tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
    for _unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
        WORD_NUMBERS[f"{_tens}-{_unit}"] = WORD_NUMBERS[_tens] + WORD_NUMBERS[_unit]
        WORD_NUMBERS[f"{_tens} {_unit}"] = WORD_NUMBERS[_tens] + WORD_NUMBERS[_unit]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10}
SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
CURRENCY_SYMBOLS = {"us$": "USD", "$": "USD", "usd": "USD", "c$": "CAD", "a$": "AUD", "€": "EUR", "eur": "EUR",
                    "£": "GBP", "gbp": "GBP", "¥": "JPY", "chf": "CHF", "rs": "INR", "inr": "INR"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupee": "INR", "rupees": "INR",
                  "franc": "CHF", "francs": "CHF"}
# length units in metres, energy in watt-hours, power in watts, mass in kilograms
PHYSICAL_UNITS = {
    "km": ("m", 1000.0), "kms": ("m", 1000.0), "kilometre": ("m", 1000.0), "kilometres": ("m", 1000.0),
    "kilometer": ("m", 1000.0), "kilometers": ("m", 1000.0), "m": ("m", 1.0), "metre": ("m", 1.0),
    "metres": ("m", 1.0), "meter": ("m", 1.0), "meters": ("m", 1.0), "mile": ("m", 1609.344),
    "miles": ("m", 1609.344), "nautical mile": ("m", 1852.0), "nautical miles": ("m", 1852.0), "nm": ("m", 1852.0),
    "ft": ("m", 0.3048), "foot": ("m", 0.3048), "feet": ("m", 0.3048), "yard": ("m", 0.9144),
    "yards": ("m", 0.9144), "cm": ("m", 0.01), "mm": ("m", 0.001),
    "kg": ("kg", 1.0), "kilogram": ("kg", 1.0), "kilograms": ("kg", 1.0), "tonne": ("kg", 1000.0),
    "tonnes": ("kg", 1000.0), "ton": ("kg", 907.2), "tons": ("kg", 907.2), "lb": ("kg", 0.4536), "lbs": ("kg", 0.4536),
    "pound weight": ("kg", 0.4536),
    "kwh": ("wh", 1e3), "mwh": ("wh", 1e6), "gwh": ("wh", 1e9), "twh": ("wh", 1e12),
    "kilowatt-hour": ("wh", 1e3), "kilowatt-hours": ("wh", 1e3), "megawatt-hour": ("wh", 1e6),
    "megawatt-hours": ("wh", 1e6), "gigawatt-hour": ("wh", 1e9), "gigawatt-hours": ("wh", 1e9),
    "kw": ("w", 1e3), "mw": ("w", 1e6), "gw": ("w", 1e9), "kilowatt": ("w", 1e3), "kilowatts": ("w", 1e3),
    "megawatt": ("w", 1e6), "megawatts": ("w", 1e6), "gigawatt": ("w", 1e9), "gigawatts": ("w", 1e9),
    "hectare": ("m2", 1e4), "hectares": ("m2", 1e4), "acre": ("m2", 4046.86), "acres": ("m2", 4046.86),
    "litre": ("l", 1.0), "litres": ("l", 1.0), "liter": ("l", 1.0), "liters": ("l", 1.0), "barrel": ("l", 159.0),
    "barrels": ("l", 159.0),
    "mph": ("m", 1609.344), "kph": ("m", 1000.0), "kmh": ("m", 1000.0),  # speeds: a distance an hour
}
_SPEEDS = frozenset({"mph", "kph", "kmh"})
_PHYSICAL_BY_WORDS = {re.sub(r"[\s-]+", " ", k): v for k, v in PHYSICAL_UNITS.items()}
DURATION_UNITS = {"second": 1, "seconds": 1, "sec": 1, "secs": 1, "minute": 60, "minutes": 60, "min": 60, "mins": 60,
                  "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "day": 86400, "days": 86400,
                  "week": 604800, "weeks": 604800, "fortnight": 1209600, "month": 2629800, "months": 2629800,
                  "year": 31557600, "years": 31557600, "decade": 315576000, "decades": 315576000}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
          "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
          "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
QUALIFIERS = (
    ("more than", "more than"), ("over", "more than"), ("above", "more than"), ("well over", "more than"),
    ("upwards of", "more than"), ("in excess of", "more than"), ("at least", "at least"), ("up to", "at most"),
    ("as many as", "at most"), ("as much as", "at most"), ("at most", "at most"), ("no more than", "at most"),
    ("less than", "less than"), ("fewer than", "less than"), ("under", "less than"), ("just under", "less than"),
    ("below", "less than"), ("about", "about"), ("around", "about"), ("roughly", "about"), ("nearly", "about"),
    ("almost", "about"), ("approximately", "about"), ("some", "about"), ("an estimated", "about"),
    ("close to", "about"), ("just over", "more than"), ("an", ""),
)


@dataclass(frozen=True)
class Quantity:
    kind: str  # count money percent duration clock distance temperature physical date month quarter weekday year age ordinal
    low: float
    high: float
    unit: str  # base unit: "USD", "s", "m", "C", "%", a counted noun's lemma, "" for a bare number
    text: str  # as stated
    start: int  # offsets within the sentence text
    end: int
    qualifier: str = ""  # "", "about", "more than", "at least", "at most", "less than"
    part: bool = False  # "of the 14", "among them": a part of a group stated elsewhere
    rate: str = ""  # "share", "year": the value is per one of these
    delta: bool = False  # a difference, not a level: "87 seconds off", "one second faster", "47 seconds clear"
    relation: str = ""  # for times and days: "until" (until, till, by), "from" (from, since), "before", "after" or ""
    reference: bool = False  # the group a part is taken from: the 19 of "four of the 19", "Of the 240,112, ..."
    context: tuple[str, ...] = ()  # concept keys of the words next to it (set by the extractor)
    change: str = ""  # "up" or "down" when it is the size of a move ("jumped 24%"; not "rose to 5.2%")

    @cached_property
    def key(self) -> str:
        """Identity of the value for matching: kind, unit, rate and bounds."""
        return f"{self.kind}:{self.unit}:{self.rate}:{_fmt(self.low)}-{_fmt(self.high)}"

    @cached_property
    def interval(self) -> tuple[float, float]:
        """The interval the value allows (see bounds)."""
        return bounds(self)

    @property
    def exact(self) -> bool:
        return not self.qualifier and self.low == self.high

    @cached_property
    def digits(self) -> int:
        """Significant digits as stated: "2:03:11" 5, "240,112" 6, "31,400" 3, "$2.1bn" 2,
        "21-year" 2, "fourteen" 1 (not of the value in base units: 21 years in seconds)."""
        return max(1, len(re.sub(r"\D", "", self.text).strip("0")))


def _fmt(x: float) -> str:
    return f"{x:.6g}"


# ------------------------------------------------------------------ the patterns

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORDNUM = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mln|bln|bn|mn|tn|k|m|b)(?![a-z])"
_CUR_PRE = r"(?:US\$|C\$|A\$|\$|€|£|¥|USD|EUR|GBP|CHF|INR|Rs\.?)"
_CUR_WORD = r"(?:dollars?|euros?|pounds|sterling|yen|yuan|rupees?|francs?)"
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "one point four million": a decimal said in words (a broadcast transcript)
_WORDPOINT = rf"(?:{_WORDNUM})\s+point(?:\s+(?:{'|'.join(_DIGIT_WORDS)}|oh))+"
_AMOUNT = rf"(?:{_NUM}|{_WORDPOINT}|(?:{_WORDNUM}))"

MONEY_RE = re.compile(
    rf"(?P<cur>{_CUR_PRE})\s?(?P<a>{_NUM})(?:\s?(?P<sa>{_SCALE}))?"
    rf"(?:\s*(?:-|–|to|and)\s*(?:{_CUR_PRE})?\s?(?P<b>{_NUM})(?:\s?(?P<sb>{_SCALE}))?)?"
    rf"|(?:(?P<lo2>{_AMOUNT})(?:\s(?P<sl2>{_SCALE}))?\s*(?P<join2>-|–|to|and)\s*)?"
    rf"(?P<a2>{_AMOUNT})(?:\s(?P<sa2>{_SCALE}))?\s(?P<cw>{_CUR_WORD})\b", re.I)
PERCENT_RE = re.compile(
    rf"(?P<a>{_AMOUNT})(?:\s*(?:-|–|to|and)\s*(?P<b>{_AMOUNT}))?\s?(?P<u>%|percent\b|per\s?cent\b|percentage points?\b)",
    re.I)
HMS_RE = re.compile(r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])"
                    r"|(?<![\d])(?P<h2>\d{1,2})\s?h\s?(?P<m2>[0-5]?\d)\s?m(?:in)?\s?(?P<s2>[0-5]?\d)\s?s\b", re.I)
WORDY_DURATION_RE = re.compile(
    rf"(?P<h>{_AMOUNT})\s+hours?,?\s+(?P<m>{_AMOUNT})\s+minutes?(?:,?\s+and\s+(?P<s>{_AMOUNT})\s+seconds?)?", re.I)
CLOCK_RE = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|(?<![\d:.])(?P<h2>[01]?\d|2[0-3])[:.](?P<m2>[0-5]\d)(?![\d:])(?P<tz>\s?(?:local time|gmt|utc|bst|cet|est|edt|pst|hrs|hours|h\b))?",
    re.I)
# "at ten past two", "by twenty to eight in the evening", "at half past six": a time of day
# in words (after "at", "by", ...: "fell from ten to five" is no time)
_HOUR_WORDS = {w: WORD_NUMBERS[w] for w in ("one two three four five six seven eight nine ten eleven twelve".split())}
WORD_CLOCK_RE = re.compile(
    r"\b(?:at|by|until|till|around|about|before|after|since)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"(?P<m>quarter|half|five|ten|twenty|twenty[- ]five)\s+(?P<d>past|to)\s+(?P<h>one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve)\b(?:\s+(?:o'clock\s+)?(?:in\s+the\s+(?P<ap>morning|afternoon|evening)|at\s+(?P<night>night)|"
    r"(?P<ap2>a\.?m\.?|p\.?m\.?)))?", re.I)
_CLOCK_MINUTES = {"quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25}
_CLOCK_MINUTE_WORDS = frozenset({"quarter", "half", "five", "ten", "twenty"})
_HOUR_WORD_SET = frozenset(_HOUR_WORDS)
MS_RE = re.compile(r"(?<![\d:.])(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?![\d:])")
TEMPERATURE_RE = re.compile(
    rf"(?P<a>-?{_NUM}|{_WORDNUM})\s?(?:°\s?|degrees?\s?|deg\s?)(?P<u>celsius|centigrade|fahrenheit|c\b|f\b)?"
    rf"|(?<![\w.])(?P<a2>-?\d{{1,3}})(?P<u2>[CF])\b"
    rf"|(?P<a3>-?{_NUM})\s(?P<u3>celsius|fahrenheit|centigrade)\b", re.I)
_PHYS = "|".join(sorted((re.escape(u).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") for u in PHYSICAL_UNITS),
                        key=len, reverse=True))
_DUR = "|".join(sorted(DURATION_UNITS, key=len, reverse=True))
UNIT_RE = re.compile(
    rf"(?P<a>{_AMOUNT})(?:\s*(?:-|–|to|or)\s*(?P<b>{_AMOUNT}))?(?P<sep>\s?-?\s?)(?P<u>{_PHYS}|{_DUR})(?![a-z])"
    rf"(?P<old>-old\b)?(?P<per>/(?:year|yr|day|hour|h))?", re.I)
YEAR_RE = re.compile(r"(?<![\d,.$£€])(?P<y>(?:19|20)\d{2})(?!\d|[,.]\d|\s?(?:%|percent|per cent))(?:s\b)?")
DATE_RE = re.compile(
    rf"(?P<mon>{'|'.join(MONTHS)})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon2>{'|'.join(MONTHS)})\b\.?(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?"
    r"|(?P<iy>(?:19|20)\d{2})-(?P<im>[01]\d)-(?P<id>[0-3]\d)",
    re.I)
MONTH_YEAR_RE = re.compile(rf"\b(?P<mon>{'|'.join(m for m in MONTHS if len(m) > 3)})\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})\b", re.I)
WEEKDAY_RE = re.compile(r"\b(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.I)
ORDINAL_RE = re.compile(r"\b(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                        r"\d+(?:st|nd|rd|th))\b", re.I)
# a quarter of the year: "Q4", "the fourth quarter", "third-quarter profit"
QUARTER_RE = re.compile(r"\bQ(?P<q>[1-4])\b|\b(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter\b", re.I)
_COUNT_END = r"(?![\w%°:]|[.,]\d|\s?(?:%|per\s?cent|percent))"
COUNT_RE = re.compile(
    rf"(?<![\w$£€¥.,:/-])(?:(?P<between>between|from)\s+(?P<lo>{_AMOUNT})(?:\s(?P<ls>{_SCALE}))?\s+(?:and|to)\s+)?"
    rf"(?P<a>{_AMOUNT})(?:\s(?P<s>{_SCALE})|(?<=\d)(?P<gs>m|bn|mn|k)(?=\s))?{_COUNT_END}"
    rf"(?:\s*(?:-|–|to)\s*(?P<b>{_AMOUNT})(?:\s(?P<bs>{_SCALE}))?{_COUNT_END})?",
    re.I)
FRACTION_RE = re.compile(r"\b(?P<f>a\s+quarter|half|a\s+third|three\s+quarters)(?:\s+of)?(?:\s+an?)?[\s-]+(?P<s>million|billion|thousand)\b",
                         re.I)
_FRACTIONS = {"a quarter": 0.25, "half": 0.5, "a third": 1 / 3, "three quarters": 0.75}
_RATE_AFTER = re.compile(r"\s*(?:a|an|per|each|for each|every)\s+(?:(?-i:[A-Z])[\w'’-]+\s+)?(?P<r>share|year|day|week|month|hour|kilometre|"
                         r"kilometer|km|mile|person|head|household|annum)\b", re.I)
# "at 35K", "after 30k": a point on a course in kilometres (the thousands a K stands for
# elsewhere are no place one is at).
_KILOMETRE_MARK = re.compile(r"\b(?:at|after|past|before|until|around|near|beyond)\s+(?:the\s+)?(?P<n>\d{1,3})[Kk](?![\w$£€%])")
# "among them two tugs", "including four trawlers", "the figure included five people who
# went on their own": a part of a group just named.
_PART_BEFORE = re.compile(
    r"\b(?:among|including|of whom|of which|included|includes|include)\s+(?:them\s+|those\s+|these\s+|the\s+)?$", re.I)
# "the last seven kilometres", "the first two hours": a stretch of a course or a span of time.
_STRETCH_BEFORE = re.compile(r"\bthe\s+(?:last|final|first|opening|closing)\s+$", re.I)
# "four of the 19", "31,400 of these", "four were among the injured".
_PART_AFTER = re.compile(r"^\s*(?:of\s+(?:them|those|these|the|whom|which|its|their|our|his|her)\b|"
                         r"(?:\w+\s+){0,2}(?:were|are|was|is)\s+among\b|among\s+(?:them|the)\b)", re.I)
# "four of the 19", "among the 312": the count a part is taken from.
# "24 months, not the single year", "up from 180,000", "rather than two": a value set
# against the one stated, not stated itself (it counts as little as a group referred to).
_CONTRAST_BEFORE = re.compile(
    r"(?:,\s*not|\brather than|\binstead of|\bup from|\bdown from|\bcompared (?:with|to))\s+(?:[A-Za-z-]+\s+){0,2}$"
    # "the previous mark of 2:04:38", "an earlier estimate of 180,000": the value superseded
    r"|\b(?:previous|old|former|earlier|prior)\s+(?:[A-Za-z-]+\s+){0,2}of\s+(?:about\s+|around\s+|some\s+)?$"
    # "just below the $38.50 offer", "far more than the roughly 180,000 it had listed": a
    # figure known already, set against the one stated (not the bound of "more than 300")
    r"|\b(?:below|above|under|short\s+of|(?:more|less|fewer|higher|lower)\s+than)\s+the\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?$",
    re.I)
# An earthquake's magnitude: "magnitude 6.4", "a magnitude of 6.4", "6.4-magnitude", "5.1 on the Richter scale"
MAGNITUDE_RE = re.compile(
    r"\bmagnitude(?:-|\s+of\s+|\s+)(?P<a>\d{1,2}(?:\.\d{1,2})?)\b(?!-|\s*(?:%|per|km|kilomet|mile|metre|meter))"
    r"|\b(?P<b>\d{1,2}(?:\.\d{1,2})?)(?:-|\s+)magnitude\b"
    r"|\b(?P<c>\d{1,2}(?:\.\d{1,2})?)\s+on\s+the\s+richter\s+scale\b", re.I)
# A verb of change before "from X to Y": a change, not a range
_CHANGED_FROM = re.compile(
    r"\b(?:rose|risen|rising|rises|increased?|increasing|climbed|jumped|grew|grown|extended|widened|expanded|raised|lifted"
    r"|revised|updated|cut|reduced|lowered|fell|fallen|dropped|decreased|declined|doubled|went|gone|changed|moved|up|down)"
    r"(?:\s+\w+){0,2}\s+$", re.I)
# "extended from 12 to 14 batches": the first value is the one replaced
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_AFTER = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,2}to\s+(?:about\s+|around\s+)?[\d$€£]", re.I)


def _set_against(sentence: str, q: "Quantity") -> bool:
    """Is q a value the sentence sets against the one it states?"""
    if _CONTRAST_BEFORE.search(sentence[max(0, q.start - 32):q.start]):
        return True
    return bool(_FROM_BEFORE.search(sentence[max(0, q.start - 8):q.start]) and _TO_AFTER.match(sentence[q.end:q.end + 32]))


# Telephone numbers are no values: "0800 300 600", "1-888-555-0142", "+44 20 7946 0000", "15 24 24"
PHONE_RE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[ -]?)?(?:\(?0\d{2,4}\)?[ -]\d{2,4}(?:[ -]\d{2,4})+|1-\d{3}-\d{3}-\d{4}"
                      r"|\d{3}-\d{3}-\d{4}|\d{2} \d{2} \d{2}(?: \d{2})*)(?![\w.,]\d)")
_GROUP_BEFORE = re.compile(r"\b(?:of|among)\s+(?:the|its|their|our|all)\s+"
                           r"(?:(?:roughly|about|around|some|nearly|almost|approximately|more than|just over|over)\s+)?$", re.I)
# "Of the 14 injured, four were crew", "Of those, 31,400 ...": later counts are parts of the first group.
_OF_THE_GROUP = re.compile(r"^\W*(?:of|among)\s+(?:the|those|these|them|its|their)\b[^,]*,", re.I)


# "The woman, 71, from ...", "Darnell Pruitt, 58,": an age in apposition.
_AGE_APPOSITION = re.compile(r"(?<=[A-Za-z]),\s(?P<n>\d{1,3}),\s")
# "the death toll to two", "a total of five", "the number ... rose to three": a count said in words.
_TALLY_BEFORE = re.compile(r"\b(?:toll|total|tally|number|count|figure)\b[^,.;]{0,25}\b(?:to|at|of|is|was|stands at)\s+$", re.I)


_WORDS = re.compile(r"[a-z]+")
# "Two were recovered alive", "One remains missing", "..., and one is still missing": a
# number word opening a clause, with its verb next, counts the people (or things) just named
_ELLIPTIC_VERB = re.compile(r"\s+(?:were|was|is|are|have|has|had|remain|remains|remained|died|survived)\b", re.I)
_CLAUSE_START = re.compile(r"(?:^|[,;:]|\band|\bbut|\bwhile)\s*$", re.I)
_NUMBER_WORD_SET = frozenset(w for k in WORD_NUMBERS for w in k.replace("-", " ").split()) | {"quarter", "half"}
_CURRENCY_SIGNS = frozenset("$€£¥")
_CURRENCY_HINTS = frozenset(k for k in CURRENCY_WORDS) | {"usd", "eur", "gbp", "chf", "inr", "rs"}
_SCALE_WORDS = frozenset({"million", "billion", "thousand"})
_UNIT_HINTS = frozenset(w for k in list(PHYSICAL_UNITS) + list(DURATION_UNITS) for w in re.split(r"[\s-]+", k)) | {
    "gwh", "mwh", "kwh", "twh", "kw", "mw", "gw"}
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS) | {w + "s" for w in WEEKDAYS}
_ORDINAL_WORDS = frozenset(ORDINALS)
_PERIOD_WORDS = frozenset({"year", "month", "week", "day", "fortnight", "decade"})
_ONE_PERIOD = re.compile(r"\b(?:a|an|one|a single)\s+(?P<u>year|month|week|day|fortnight|decade)\b", re.I)
_GLUED_DEGREES = re.compile(r"\d[CF]\b")
_AMOUNT_AFTER = re.compile(rf"\s?(?:{_SCALE}|%|per\s?cent\b|percent\b)", re.I)
_RATE_HOST_BEFORE = re.compile(rf"(?:{_SCALE}|{_CUR_WORD}|%|gwh|mwh|kwh)$", re.I)
# "at 10:30", and "20 May 2026, 15:30", "Wednesday 4 March, 10:30" (a live report's
# timestamp): a time of day, not minutes and seconds
_CLOCK_CUE_BEFORE = re.compile(
    r"(?:\b(?:at|by|until|till|from|since|before|after|around|about)|\b(?:19|20)\d\d,?|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)\s+$", re.I)


# "1,2 million", "3,5 %": a decimal comma before a scale or a percentage; "180 000": a
# thousands space. Rewritten in place, character for character ("1.2 million", "180,000").
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=\s?(?:million|billion|mln|bn|mn|m\b|%|per ?cent|percent))", re.I)
_THOUSANDS_SPACE = re.compile(r"(?<![\d,.])(?<!\d\s)(\d{1,3})((?:\u00a0| )\d{3})+(?![\d,])")


_PLURAL_AFTER = re.compile(
    r"\s+(?:(?!(?:is|was|has|this|its|as|us|yes|less|across|towards|plus)\b)[a-z]{2,}s|people|children|men|women)\b")


_AND_BETWEEN = re.compile(r"\sand\s")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)


def _european_numbers(sentence: str) -> str:
    if not any(c.isdigit() for c in sentence):
        return sentence
    sentence = _DECIMAL_COMMA.sub(lambda m: f"{m.group(1)}.{m.group(2)}", sentence)
    return _THOUSANDS_SPACE.sub(lambda m: re.sub(r"[\u00a0 ]", ",", m.group(0)), sentence)


def number_value(text: str) -> float | None:
    t = text.strip().lower().replace(",", "")
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    whole, point, decimals = t.partition(" point ")
    if point and whole.strip() in WORD_NUMBERS:
        digits = [0 if d == "oh" else _DIGIT_WORDS.index(d) for d in decimals.split() if d in _DIGIT_WORDS or d == "oh"]
        return WORD_NUMBERS[whole.strip()] + sum(d / 10 ** (k + 1) for k, d in enumerate(digits))
    try:
        return float(t)
    except ValueError:
        return None


def _qualifier_before(sentence: str, start: int) -> str:
    before = sentence[max(0, start - 24):start].lower().rstrip()
    for phrase, meaning in QUALIFIERS:
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalpha()):
            if phrase == "up to" and _CHANGE_BEFORE.search(before[:-len(phrase)]):
                return ""  # "has gone up to 19": where a figure moved, not a bound
            return meaning
    return ""


_CHANGE_BEFORE = re.compile(r"\b(?:gone|go|goes|went|going|moved?|climbed?|shot|jumped?|risen|rose|rises|ramped|crept|"
                            r"revised|pushed|brought|taken|took)\s*$")


def _scaled(a: str, scale: str | None) -> float | None:
    v = number_value(a)
    if v is None:
        return None
    if scale:
        v *= SCALES.get(scale.lower(), 1.0)
    return v


def _currency(symbol: str) -> str:
    return CURRENCY_SYMBOLS.get(symbol.lower().rstrip(".").replace(" ", ""), "USD" if "$" in symbol else symbol.upper())


class _Taken:
    """Character ranges already claimed by a more specific pattern."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.spans)

    def take(self, a: int, b: int) -> None:
        self.spans.append((a, b))


# "a few hundred metres", "several thousand people": a multiple of the scale word, not the
# scale word itself (100 m, 1,000 people)
_VAGUE_MULTIPLE = re.compile(r"(?:\ba few|\bseveral|\ba couple of|\bsome)\s+$", re.I)
_BARE_SCALE = re.compile(r"(?:hundred|thousand|dozen|million|billion)\b", re.I)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|this|their|his|her|our|a)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+[a-z]")


def _names_a_thing(sentence: str, a: int, b: int) -> bool:
    """Is the year a label of the noun after it ("the 2026 race", "its 2025 annual report")?
    That tells which thing is meant; it states no date of anything."""
    return bool(_DETERMINER_BEFORE.search(sentence, max(0, a - 8), a) and _WORD_AFTER.match(sentence, b))


def extract_quantities(sentence: str, count_noun) -> tuple[Quantity, ...]:
    """Every value the sentence states, most specific pattern first.

    ``count_noun(text_after)`` returns (unit, end offset within text_after) for the noun a
    bare count counts ("312 passengers" -> "passenger"), or ("", 0); it is given by the
    caller so that this module needs no word list."""
    original = sentence
    sentence = _european_numbers(sentence)  # same length: offsets hold in both
    out: list[Quantity] = []
    taken = _Taken()
    phones = [m.span() for m in PHONE_RE.finditer(original)] if original.count(" ") or "-" in original else []

    def taken_by_phone(q: Quantity) -> bool:
        return any(a <= q.start < b for a, b in phones)

    def add(kind: str, low: float, high: float, unit: str, a: int, b: int, **kw) -> None:
        while b > a and original[b - 1].isspace():
            b -= 1  # "46 degrees and ...": the value ends at its last word
        if taken.free(a, b):
            taken.take(a, b)
            if low == high and _VAGUE_MULTIPLE.search(original, 0, a) and _BARE_SCALE.match(original, a):
                low, high = low * P.VAGUE_MULTIPLE_RANGE[0], low * P.VAGUE_MULTIPLE_RANGE[1]
                kw["qualifier"] = "about"
            if kind in ("distance", "duration") and _STRETCH_BEFORE.search(original, max(0, a - 24), a):
                kw["part"] = True  # "the last seven kilometres": a stretch of the whole, not its length
            out.append(Quantity(kind, low, high, unit, original[a:b], a, b, **kw))

    # Each pattern runs only where the sentence holds what every match of it needs (a digit,
    # a currency sign, a month's name, ...): most sentences state no value at all.
    low = sentence.lower()
    digit = any(c.isdigit() for c in sentence)
    words = set(_WORDS.findall(low))
    number_words = bool(words & _NUMBER_WORD_SET)
    numeric = digit or number_words

    def when(cond: bool, pattern: re.Pattern):
        return pattern.finditer(sentence) if cond else ()

    for m in when(digit and ("magnitude" in low or "richter" in low), MAGNITUDE_RE):
        v = float(m.group("a") or m.group("b") or m.group("c"))
        add("physical", v, v, "magnitude", m.start(), m.end(), qualifier=_qualifier_before(sentence, m.start()))
    for m in when(digit and (":" in sentence or "h" in low), HMS_RE):
        h, mi, s = (m.group("h"), m.group("m"), m.group("s")) if m.group("h") else (m.group("h2"), m.group("m2"), m.group("s2"))
        v = int(h) * 3600 + int(mi) * 60 + int(s)
        add("duration", v, v, "s", m.start(), m.end(), qualifier=_qualifier_before(sentence, m.start()))
    for m in when("hour" in low and numeric, WORDY_DURATION_RE):
        h, mi, s = (number_value(m.group(g) or "0") for g in ("h", "m", "s"))
        if h is not None and mi is not None and s is not None:
            v = h * 3600 + mi * 60 + s
            add("duration", v, v, "s", m.start(), m.end(), qualifier=_qualifier_before(sentence, m.start()))
    for m in when(digit and (":" in sentence or "." in sentence or "m" in low), CLOCK_RE):
        if m.group("h"):
            h, mi = int(m.group("h")), int(m.group("m") or 0)
            pm = m.group("ap").lower().startswith("p")
            if h > 12:
                continue
            h = (h % 12) + (12 if pm else 0)
        else:
            marked = bool(m.group("tz")) or m.group("h2").startswith("0") or _CLOCK_CUE_BEFORE.search(
                sentence, max(0, m.start() - 24), m.start())
            if not marked or _RATE_AFTER.match(sentence, m.end()) or _AMOUNT_AFTER.match(sentence, m.end()):
                continue  # "at 2:58 per kilometre" is a pace, "about 1.03 million" a number: no time of day
            h, mi = int(m.group("h2")), int(m.group("m2"))
        v = h * 60 + mi
        add("clock", v, v, "min", m.start(), m.end(), qualifier=_qualifier_before(sentence, m.start()))
    for m in when(bool(words & _CLOCK_MINUTE_WORDS) and bool(words & _HOUR_WORD_SET), WORD_CLOCK_RE):
        h, mi = _HOUR_WORDS[m.group("h").lower()], _CLOCK_MINUTES[re.sub(r"[- ]+", "-", m.group("m").lower())]
        v = (h * 60 + mi) if m.group("d").lower() == "past" else (h * 60 - mi)
        later = (m.group("ap") or "").lower() in ("afternoon", "evening") or m.group("night") \
            or (m.group("ap2") or "").lower().startswith("p")
        if later and v < 12 * 60:
            v += 12 * 60
        add("clock", v, v, "min", m.start("m"), m.end())
    for m in when(digit and ":" in sentence, MS_RE):
        v = int(m.group("m")) * 60 + int(m.group("s"))
        add("duration", v, v, "s", m.start(), m.end(), qualifier=_qualifier_before(sentence, m.start()))
    for m in when(numeric and (bool(_CURRENCY_SIGNS & set(sentence)) or bool(words & _CURRENCY_HINTS)), MONEY_RE):
        start = m.start()
        if m.group("cur"):
            cur = _currency(m.group("cur"))
            a = _scaled(m.group("a"), m.group("sa") or m.group("sb"))
            b = _scaled(m.group("b"), m.group("sb")) if m.group("b") else a
            if m.group("b") and _AND_BETWEEN.search(sentence, m.start(), m.start("b")) \
                    and not _BETWEEN_BEFORE.search(sentence[max(0, m.start() - 12):m.start()]):
                # "fined £12,000 and ordered to pay £8,500", "$2bn and $3bn": two amounts, not a range
                a, b = _scaled(m.group("a"), m.group("sa")), _scaled(m.group("b"), m.group("sb"))
                second = _AND_BETWEEN.search(sentence, m.start(), m.start("b")).end()
                if a is not None and b is not None:
                    add("money", a, a, cur, m.start(), m.end("sa") if m.group("sa") else m.end("a"),
                        qualifier=_qualifier_before(sentence, m.start()))
                    add("money", b, b, cur, second, m.end())
                continue
        else:
            cur = CURRENCY_WORDS[m.group("cw").lower()]
            a = b = _scaled(m.group("a2"), m.group("sa2"))
            # "between 4 and 5 billion dollars", "2 to 3 million euros": a range, the scale said once
            if m.group("lo2") and (m.group("join2").lower() != "and"
                                   or _BETWEEN_BEFORE.search(sentence[max(0, m.start() - 12):m.start()])):
                a = _scaled(m.group("lo2"), m.group("sl2") or m.group("sa2"))
            elif m.group("lo2"):
                start = m.start("a2")
        if a is None or b is None:
            continue
        end = m.end()
        rate = ""
        r = _RATE_AFTER.match(sentence, end)
        if r:
            rate, end = r.group("r").lower(), r.end()
        add("money", min(a, b), max(a, b), cur, start, end, qualifier=_qualifier_before(sentence, start), rate=rate)
    for m in when(numeric and ("%" in sentence or "cent" in low or "percentage" in low), PERCENT_RE):
        a = number_value(m.group("a"))
        b = number_value(m.group("b")) if m.group("b") else a
        if a is None or b is None:
            continue
        unit = "pp" if m.group("u").lower().startswith("percentage") else "%"
        add("percent", min(a, b), max(a, b), unit, m.start(), m.end(), qualifier=_qualifier_before(sentence, m.start()))
    for m in when(numeric and ("°" in sentence or "deg" in low or "celsius" in low or "fahrenheit" in low
                                        or "centigrade" in low or bool(_GLUED_DEGREES.search(sentence))), TEMPERATURE_RE):
        raw = m.group("a") or m.group("a2") or m.group("a3")
        unit = (m.group("u") or m.group("u2") or m.group("u3") or "").lower()
        v = number_value(raw)
        if v is None:
            continue
        if unit.startswith("f"):
            v, unit = round((v - 32) * 5 / 9, 1), "C"
        elif unit.startswith("c"):
            unit = "C"
        else:
            unit = "deg"
        add("temperature", v, v, unit, m.start(), m.end(), qualifier=_qualifier_before(sentence, m.start()))
    for m in when(bool(words & _SCALE_WORDS), FRACTION_RE):
        v = _FRACTIONS[re.sub(r"\s+", " ", m.group("f").lower())] * SCALES[m.group("s").lower()]
        unit, noun_end = count_noun(sentence[m.end():])
        add("count", v, v, unit, m.start(), m.end() + noun_end, qualifier=_qualifier_before(sentence, m.start()) or "about")
    for m in when(numeric and bool(words & _UNIT_HINTS), UNIT_RE):
        a = number_value(m.group("a"))
        b = number_value(m.group("b")) if m.group("b") else a
        if a is None or b is None:
            continue
        u = re.sub(r"[\s-]+", " ", m.group("u").lower())
        qual = _qualifier_before(sentence, m.start())
        if m.group("old") and u in DURATION_UNITS:
            add("age", a, b, "year", m.start(), m.end(), qualifier=qual)
        elif u in DURATION_UNITS:
            f = DURATION_UNITS[u]
            add("duration", min(a, b) * f, max(a, b) * f, "s", m.start(), m.end(), qualifier=qual)
        elif u in _PHYSICAL_BY_WORDS:
            if u == "m" and not m.group("sep").strip() == "" and m.group("sep") != "":
                continue  # "5 m" is ambiguous with million; only "5m" glued or "5-metre" counts
            if u == "m" and _PLURAL_AFTER.match(sentence, m.end()):
                continue  # "1.2m bottles", "3m people": millions of them, not metres
            base, f = _PHYSICAL_BY_WORDS[u]
            per = (m.group("per") or "")[1:2].lower()  # "8 GWh/year", "70 km/h"
            rate = "hour" if u in _SPEEDS else {"y": "year", "d": "day", "h": "hour"}.get(per, "")
            end = m.end()
            r = _RATE_AFTER.match(sentence, end)
            if r and not rate:
                rate, end = r.group("r").lower(), r.end()
            kind = "distance" if base == "m" else "physical"
            add(kind, min(a, b) * f, max(a, b) * f, base, m.start(), end, qualifier=qual, rate=rate)
    for m in when(bool(words & _MONTH_WORDS) or (digit and "-" in sentence), DATE_RE):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            mon = (m.group("mon") or m.group("mon2")).lower()
            if mon == "may" and m.group("mon") and sentence[m.start():m.start() + 1].islower():
                continue  # "may" the verb
            mo = MONTHS[mon]
            d = int(m.group("d") or m.group("d2"))
            y = int(m.group("y") or m.group("y2") or 0)
        if not 1 <= d <= 31 or not 1 <= mo <= 12:
            continue
        v = y * 10000 + mo * 100 + d
        add("date", v, v, "ymd" if y else "md", m.start(), m.end())
    for m in when(digit and bool(words & _MONTH_WORDS), MONTH_YEAR_RE):
        v = int(m.group("y")) * 100 + MONTHS[m.group("mon").lower()]
        add("month", v, v, "ym", m.start(), m.end())
    for m in when(bool(words & _WEEKDAY_WORDS), WEEKDAY_RE):
        i = WEEKDAYS.index(m.group("w").lower())
        # "a premium to Friday's close", "Monday's meeting": the day of something else, referred to
        owner = sentence[m.end():m.end() + 2] in ("'s", "’s")
        add("weekday", i, i, "", m.start(), m.end(), reference=owner)
    for m in when(digit, YEAR_RE):
        y = int(m.group("y"))
        add("year", y, y, "", m.start(), m.end(), reference=_names_a_thing(sentence, m.start(), m.end()))
    for m in when(digit, _AGE_APPOSITION):
        v = float(m.group("n"))
        add("age", v, v, "year", m.start("n"), m.end("n"))
    for m in when(digit, _KILOMETRE_MARK):
        v = float(m.group("n")) * 1000
        add("distance", v, v, "m", m.start("n"), m.end("n") + 1)
    group = _OF_THE_GROUP.match(sentence)
    for m in when(numeric, COUNT_RE):
        a = _scaled(m.group("a"), m.group("s") or m.group("gs") or m.group("bs"))
        b = _scaled(m.group("b"), m.group("bs")) if m.group("b") else a
        if m.group("lo"):
            a, b = _scaled(m.group("lo"), m.group("ls") or m.group("s")), a
        if a is None or b is None:
            continue
        word = m.group("a").lower()
        elliptic = word in WORD_NUMBERS and _ELLIPTIC_VERB.match(sentence, m.end()) is not None \
            and _CLAUSE_START.search(sentence[:m.start()]) is not None
        unit, noun_end = ("", 0) if elliptic else count_noun(sentence[m.end():])
        part_after = _PART_AFTER.match(sentence[m.end():])
        in_group = group is not None and m.start() >= group.end()
        if word in WORD_NUMBERS and not unit and not part_after and not m.group("lo") and not in_group and not elliptic \
                and not _TALLY_BEFORE.search(sentence[max(0, m.start() - 40):m.start()]):
            continue  # a number word on its own is rarely a value ("one of them" is, "the toll rose to two" is)
        end = m.end() + noun_end
        if m.group("lo") and m.group("between").lower() == "from" and _CHANGED_FROM.search(
                sentence[max(0, m.start() - 32):m.start()]):
            # "extended from 12 to 14 batches": a change; the new figure is stated, the old one referred to
            add("count", a, a, unit, m.start("lo"), m.end("lo"), reference=True)
            add("count", b, b, unit, m.start("a"), end, qualifier=_qualifier_before(sentence, m.start("a")))
            continue
        rate = ""
        r = _RATE_AFTER.match(sentence, end)
        if r and unit:
            rate, end = r.group("r").lower(), r.end()
        part = bool(_PART_BEFORE.search(sentence[max(0, m.start() - 24):m.start()]) or part_after
                    or (group is not None and m.start() >= group.end()))
        reference = bool((group is not None and m.start() < group.end()) or _GROUP_BEFORE.search(
            sentence[max(0, m.start() - 32):m.start()]))  # "well over half of the roughly 1,050 flights"
        add("count", min(a, b), max(a, b), unit, m.start(), end, qualifier=_qualifier_before(sentence, m.start()),
            part=part, rate=rate, reference=reference and not part)
    for m in when("quarter" in low or (digit and "q" in low), QUARTER_RE):
        v = int(m.group("q") or 0) or ORDINALS.get(m.group("o").lower()) or int(m.group("o")[0])
        add("quarter", v, v, "", m.start(), m.end())
    for m in when(digit or bool(words & _ORDINAL_WORDS), ORDINAL_RE):
        o = m.group("o").lower()
        v = ORDINALS.get(o) or int(re.sub(r"\D", "", o) or 0)
        if v:
            add("ordinal", v, v, "", m.start(), m.end())
    # "a year of free monitoring", "for a week": one unit of time, not after another value
    for m in when(bool(words & _PERIOD_WORDS), _ONE_PERIOD):
        prev = sentence[:m.start()].rstrip()
        if prev and (prev[-1].isdigit() or _RATE_HOST_BEFORE.search(prev)):
            continue  # "$140 million a year", "8 GWh a year": a rate
        f = DURATION_UNITS[m.group("u").lower()]
        add("duration", f, f, "s", m.start(), m.end())
    out = [dataclasses.replace(q, reference=True) if not q.reference and _set_against(sentence, q) else q for q in out]
    out = [q for q in out if not taken_by_phone(q)]
    out.sort(key=lambda q: q.start)
    final = []
    for q in out:
        q = _with_elided_noun(q, final, sentence)
        r = _RATE_AFTER.match(sentence, q.end)
        if r and not q.rate and q.kind in ("duration", "money", "distance", "physical", "count", "percent"):
            q = _replace(q, rate=r.group("r").lower(), end=r.end(), text=sentence[q.start:r.end()])
        if _DELTA_AFTER.match(sentence, q.end) or _MARGIN_BEFORE.search(sentence[max(0, q.start - 48):q.start]):
            q = _replace(q, delta=True)
        if q.kind in _TIME_KINDS:
            m = _RELATION_BEFORE.search(sentence[max(0, q.start - 30):q.start])
            if m and not (m.group(1).lower() in ("until", "till") and _NOT_BEFORE.search(sentence, max(0, q.start - 48), q.start)):
                q = _replace(q, relation=_RELATIONS[m.group(1).lower()])  # ("not until Monday": on Monday)
        final.append(q)
    return tuple(final)


def _with_elided_noun(q: Quantity, before: list[Quantity], sentence: str) -> Quantity:
    """A bare count set against the count just stated counts the same thing: "240,112
    patients, raising an earlier estimate of about 180,000", "far more than the roughly
    180,000 it had listed" (the noun is left out because it was just said)."""
    if q.kind != "count" or q.unit or q.part or not before:
        return q
    p = before[-1]
    if p.kind != "count" or not p.unit or not p.low or not q.low:
        return q
    ratio = q.low / p.low
    if not 1 / P.ELIDED_NOUN_MAX_RATIO <= ratio <= P.ELIDED_NOUN_MAX_RATIO:
        return q
    if not _SET_AGAINST_GAP.search(sentence, p.end, q.start):
        return q
    return _replace(q, unit=p.unit)


# the words between two counts that set the second against the first
_SET_AGAINST_GAP = re.compile(r"\b(?:than|above|below|estimate[sd]?|compared|against|versus|instead|rais\w*|lower\w*|"
                              r"revis\w*|replac\w*|up\s+from|down\s+from)\b", re.I)


_TIME_KINDS = frozenset({"weekday", "date", "month", "quarter", "clock", "year"})
_NOT_BEFORE = re.compile(r"\b(?:not|never)\b[^,;:]*$|n't\b[^,;:]*$", re.I)
# "until Friday", "by 2028", "since March": the value bounds a period rather than dating an event.
_RELATION_BEFORE = re.compile(r"\b(until|till|by|through|from|since|before|after)\s+(?:at\s+least\s+|the\s+end\s+of\s+|"
                              r"early\s+|late\s+|next\s+|last\s+|this\s+)?$", re.I)
_RELATIONS = {"until": "until", "till": "until", "by": "until", "through": "until", "from": "from", "since": "from",
              "before": "before", "after": "after"}


# "one second faster", "87 seconds off the record", "47 seconds clear of", "a minute and a half
# under the course record", "3% higher", "two days later": a difference between values.
# "defeating the mayor by 1,912 votes", "won by 87 seconds", "a margin of 2 points", "leads by 5":
# a margin between two figures, not a figure of its own
_MARGIN_BEFORE = re.compile(
    r"\b(?:(?:won|win|wins|winning|beat|beats|beating|defeated|defeats|defeating|lost|loses|losing|led|leads|leading"
    r"|ahead|behind|trailed|trails|trailing)\b(?:\s+[\w'’.-]+){0,4}\s+by|margin\s+of|lead\s+of|gap\s+of)"
    r"\s+(?:about\s+|nearly\s+|almost\s+|just\s+|only\s+|some\s+)?$", re.I)
_DELTA_AFTER = re.compile(r"\s*(?:faster|slower|quicker|more|less|fewer|higher|lower|bigger|smaller|larger|longer|shorter|"
                          r"earlier|later|ahead|behind|clear|off|ago|better|worse"
                          r"|(?:under|over|inside|outside|below|above)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?"
                          r"(?:\w+\s+){0,2}(?:record|mark|best|time|target|estimate|forecast|limit|average))\b", re.I)


def _replace(q: Quantity, **changes) -> Quantity:
    from dataclasses import replace

    return replace(q, **changes)


def overlap(a: Quantity, b: Quantity) -> bool:
    """Do the two values allow a common reading (qualifiers and tolerance included)?"""
    lo_a, hi_a = a.interval
    lo_b, hi_b = b.interval
    return lo_a <= hi_b and lo_b <= hi_a


def bounds(q: Quantity) -> tuple[float, float]:
    """The interval a value allows: 'more than 300' is (300, inf), 'about 180,000' a few percent either way."""
    lo, hi = q.low, q.high
    tol = P.EXACT_TOLERANCE.get(q.kind, 0.0)
    lo, hi = lo - abs(lo) * tol, hi + abs(hi) * tol
    if q.kind == "temperature":
        lo, hi = lo - P.TEMPERATURE_TOLERANCE, hi + P.TEMPERATURE_TOLERANCE
    elif q.kind in ("count", "money") and not q.qualifier and q.low == q.high:
        step = _rounding(q.low)
        lo, hi = lo - step / 2, hi + step / 2
    if q.qualifier == "about":
        lo, hi = lo * (1 - P.ABOUT_TOLERANCE), hi * (1 + P.ABOUT_TOLERANCE)
    elif q.qualifier in ("more than", "at least"):
        hi = hi * (1 + P.OPEN_BOUND_REACH)  # "more than 300" allows 312, not 3,000
    elif q.qualifier in ("less than", "at most"):
        lo = lo * (1 - P.OPEN_BOUND_REACH)  # "up to 600 jobs" is about 600, not 180
    return lo, hi


def _as_stated(q: Quantity) -> tuple[float, float]:
    """(the unit the measure was stated in, in base units; half the place it was stated to,
    in base units): "43 mph" (1609 m, 805 m), "2.5 km" (1000 m, 50 m); (0, 0) when unread."""
    m = _STATED_NUMBER.search(q.text)
    if m is None:
        return 0.0, 0.0
    digits = m.group().replace(",", "")
    stated = float(digits)
    if not stated:
        return 0.0, 0.0
    place = 10.0 ** -len(digits.split(".")[1]) if "." in digits else 1.0  # ("70" may be exact: no wider)
    unit = q.low / stated
    return unit, place / 2 * unit


def _converted_overlap(a: Quantity, b: Quantity) -> bool:
    """Two measures stated in different units ("70 km/h" / "43 mph") agree when they overlap
    to the place each was stated to: one is the other converted and rounded."""
    (la, xa), (lb, xb) = a.interval, b.interval
    if min(xa, xb) <= 0 or max(la, lb) > P.CONVERTED_MAX_GAP * min(xa, xb):
        return False  # too far apart for rounding to explain (most pairs: no text is read)
    (ua, ha), (ub, hb) = _as_stated(a), _as_stated(b)
    if not ua or not ub or abs(ua - ub) <= 1e-9 * max(ua, ub):
        return False
    return la - ha <= xb + hb and lb - hb <= xa + ha


_STATED_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _rounding(x: float) -> float:
    """The place a round figure is stated to: 180,000 -> 10,000; 2,300 -> 100; 312 -> 1."""
    if x < P.ROUND_FIGURE_MIN or x != int(x):
        return 0.0
    n, step = int(x), 1
    while n % 10 == 0 and n:
        n //= 10
        step *= 10
    return float(step) if step >= 100 else 0.0


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same kind of value in the same unit (so that differing values are rivals)."""
    if a.kind != b.kind or a.rate != b.rate or a.relation != b.relation:
        return False
    if a.kind == "temperature":
        return a.unit == b.unit or "deg" in (a.unit, b.unit)
    if a.kind in ("date", "money"):
        return True  # money in two currencies: rivals unless converted in one sentence
    return a.unit == b.unit


def same_value(a: Quantity, b: Quantity) -> bool:
    """The two state the same value (for temperature in unknown degrees: either scale;
    two in unknown degrees, "39 degrees" / "102 degrees", may be one in each)."""
    if a.kind == "temperature" and "deg" in (a.unit, b.unit) and a.unit != b.unit:
        known, bare = (a, b) if b.unit == "deg" else (b, a)
        fahrenheit = known.low * 9 / 5 + 32
        return abs(bare.low - known.low) <= P.TEMPERATURE_TOLERANCE or abs(bare.low - fahrenheit) <= P.TEMPERATURE_TOLERANCE
    if a.kind == "temperature" and a.unit == b.unit == "deg" and a.low != b.low:
        cooler, warmer = sorted((a.low, b.low))
        return abs(cooler * 9 / 5 + 32 - warmer) <= P.TEMPERATURE_TOLERANCE
    if a.kind == "date" and "md" in (a.unit, b.unit):
        return int(a.low) % 10000 == int(b.low) % 10000
    if a.kind == "money" and a.unit != b.unit:
        return False
    if overlap(a, b):
        return True
    return a.kind in ("distance", "physical") and a.unit == b.unit and a.rate == b.rate and _converted_overlap(a, b)
