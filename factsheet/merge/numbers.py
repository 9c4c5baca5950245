"""Numeric mentions: "$1 billion to $5 billion", "between 10% and 20%",
"2,000 homes per year", "2.1 billion dollars", "17 percent", "$1.8bn".

Each mention becomes a NumberMention with normalized bounds and a unit class,
so that differently worded sentences compare equal (or visibly differ)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .text import CASE_FOLD_ODD, STOPWORDS, literal_trie, stem

SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12,
}
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# "twenty-two" ... "ninety-nine": one number, not "twenty" counting "two"s
WORD_NUMBERS.update({f"{tens}{sep}{unit}": WORD_NUMBERS[tens] + WORD_NUMBERS[unit]
                     for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
                     for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
                     for sep in ("-", " ")})
# Plural hedges: "dozens of people" is at least 24 of them, "hundreds" at least 200 (shown as stated).
HEDGED_PLURALS = {"dozens": 24, "hundreds": 200, "thousands": 2000}
WORD_NUMBERS.update(HEDGED_PLURALS)
_VAGUE_BEFORE = re.compile(r"\b(?:tens|dozens|hundreds|thousands|millions)\s+of\s+$", re.I)
_SCALE_PLURAL_AFTER = re.compile(r"\s+(?:hundreds|thousands|millions|billions|trillions)\b", re.I)
# Nouns that count people: "14 workers" and "fifteen people" measure one thing (the unit "person").
PERSON_UNITS = frozenset(stem(w) for w in """people person persons worker workers resident residents passenger
passengers employee employees staff student students patient patients victim victims child children adult adults
villager villagers miner miners crew firefighter firefighters soldier soldiers civilian civilians tourist tourists
visitor visitors pupil pupils man men woman women spectator spectators guest guests climber climbers skier skiers
hiker hikers fan fans inhabitant inhabitants individual individuals survivor survivors member members officer
officers official officials player players""".split())
CURRENCY_PREFIX = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
                   "¥": "JPY", "rs": "INR", "rs.": "INR", "inr": "INR", "c$": "CAD", "a$": "AUD", "chf": "CHF"}
CURRENCY_SUFFIX = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
                   "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "francs": "CHF"}
PERCENT_WORDS = ("percent", "per cent", "percentage points", "%")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec")

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mln|bln|bn|mn|tn|k|m|b)\b"
_CUR = r"(?:US\$|C\$|A\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?|INR\s?|Rs\.?\s?)"
_ONE = rf"(?:{_CUR})?(?:{_NUM}|(?:{_WNUM})\b)(?:\s?{_SCALE})?(?:\s?(?:%|percent\b|per cent\b))?"
# Only positions at the start of a token are tried (the lookbehind fails fast
# everywhere else), which keeps the big alternation cheap.
NUMBER_RE = re.compile(
    rf"(?:(?<=[\s(\[“\"'‘—–/-])|^)(?P<pre>between\s+|from\s+)?(?P<a>{_ONE})"
    rf"(?:(?P<sep>\s*(?:-|–|—|to|and)\s*)(?P<b>{_ONE}))?",
    re.IGNORECASE,
)
# NUMBER_RE for the lower-cased sentence: the same matches, case-sensitive and about twice as
# fast, unless the sentence holds a character that IGNORECASE folds otherwise (text.CASE_FOLD_ODD).
_ONE_LOW = rf"(?:{_CUR.lower()})?(?:{_NUM}|(?:{_WNUM})\b)(?:\s?{_SCALE})?(?:\s?(?:%|percent\b|per cent\b))?"
_NUMBER_LOW = re.compile(
    rf"(?:(?<=[\s(\[“\"'‘—–/-])|^)(?P<pre>between\s+|from\s+)?(?P<a>{_ONE_LOW})"
    rf"(?:(?P<sep>\s*(?:-|–|—|to|and)\s*)(?P<b>{_ONE_LOW}))?"
)
# Where the next number may start: every match holds a digit or a number word, at most five
# characters (a currency) after its start, or starts with "between"/"from". Searching from
# five characters before the first of these skips the text that cannot hold a number.
_NUMBER_HINT = re.compile(r"\d|" + literal_trie([*WORD_NUMBERS, "between", "from"]).pattern)
_MAX_CURRENCY = 5
QUALIFIERS = {"up to": "at most", "as many as": "at most", "as much as": "at most", "at most": "at most",
              "over": "more than", "more than": "more than", "above": "more than", "at least": "at least",
              "nearly": "about", "about": "about", "around": "about", "roughly": "about", "almost": "about",
              "some": "about", "approximately": "about", "under": "less than", "less than": "less than",
              "fewer than": "less than"}


@dataclass(frozen=True)
class NumberMention:
    text: str  # as stated
    start: int  # offsets within the sentence text
    end: int
    low: float
    high: float
    unit: str  # "USD", "%", "year", or a stemmed noun ("rack/week"), or "" for a bare count
    unit_text: str  # the unit as a reader sees it: "USD", "%", "homes per year"
    qualifier: str = ""  # "at most", "more than", ...

    @cached_property
    def key(self) -> str:
        return f"N:{self.unit}:{_fmt(self.low)}-{_fmt(self.high)}"

    @property
    def is_year(self) -> bool:
        return self.unit == "@year"


def _fmt(x: float) -> str:
    return f"{x:.6g}"


_PREFIXES = tuple(sorted(CURRENCY_PREFIX, key=len, reverse=True))
_ONE_VALUE = re.compile(rf"({_NUM}|{_WNUM})\s?(\w+)?$")
_PERCENT_END = re.compile(r"\s*(%|percent|per cent)$")


@lru_cache(maxsize=50_000)
def _parse_one(token: str) -> tuple[float | None, str, bool, float | None]:
    """-> (value without scale, currency, percent?, scale or None)."""
    t = token.strip()
    low = t.lower()
    currency = ""
    for pre in _PREFIXES:
        if low.startswith(pre):
            currency = CURRENCY_PREFIX[pre]
            t = t[len(pre):].strip()
            low = t.lower()
            break
    percent = low.endswith(("%", "percent", "per cent"))
    low = _PERCENT_END.sub("", low)
    m = _ONE_VALUE.match(low)
    if not m:
        return None, currency, percent, None
    raw = m.group(1)
    value = float(WORD_NUMBERS[raw]) if raw in WORD_NUMBERS else float(raw.replace(",", ""))
    scale = SCALES.get(m.group(2) or "")
    return value, currency, percent, scale


_CURRENCY_WORD_AFTER = re.compile(r"\s+(dollars?|euros?|pounds|yen|yuan|rupees|francs|usd)\b", re.I)
_HYPHEN_UNIT_AFTER = re.compile(r"-([a-z]{3,})\b")
_RATE_AFTER = re.compile(r"((?:\s+[A-Za-z][A-Za-z\-]*){1,3}?)\s+(per|a|each|every)\s+(day|week|month|year|hour|minute|second|quarter|person|capita|head)\b(?!\s+(?:apart|later|earlier|ago|before|after))")
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z\-]+)")


def _unit_after(sentence: str, end: int) -> tuple[str, str, str, int]:
    """The noun after a count: ("home/year", "homes per year", currency, new end)."""
    rest = sentence[end:end + 60]
    m = _CURRENCY_WORD_AFTER.match(rest)
    if m:
        return "", "", CURRENCY_SUFFIX[m.group(1).lower()], end + m.end()
    m = _HYPHEN_UNIT_AFTER.match(rest)  # "340-meter", "12-story"
    if m:
        return stem(m.group(1)), m.group(1), "", end + m.end()
    # "2,000 homes per year", "2,000 new council homes per year", "12,000 dockworkers"
    m = _RATE_AFTER.match(rest)
    if m and not any(w.lower() in STOPWORDS or w.lower().endswith(("ed", "en")) for w in m.group(1).split()):
        head = m.group(1).split()[-1]
        return (stem(head) + "/" + stem(m.group(3)), f"{m.group(1).strip()} {m.group(2)} {m.group(3)}", "",
                end + m.end())
    m = _NOUN_AFTER.match(rest)
    if not m:
        return "", "", "", end
    noun = m.group(1)
    if noun in STOPWORDS or noun in SCALES or noun in MONTHS or noun.endswith("ly"):
        return "", "", "", end
    # "31 league goals", "three crew members": a singular word before a plural noun describes
    # it; the plural is what is counted
    if not noun.endswith("s") or noun.endswith("ss"):
        m2 = _NOUN_AFTER.match(rest, m.end())
        if m2:
            head = m2.group(1)
            if (head.endswith("s") and not head.endswith(("ss", "us", "is", "'s")) and head not in STOPWORDS
                    and head not in SCALES and len(head) > 3):
                return stem(head), f"{noun} {head}", "", end + m2.end()
    return stem(noun), noun, "", end + m.end()


_MONTH_BEFORE = re.compile(r"(?:" + "|".join(MONTHS) + r")\.?\s*$")
_TIME_AFTER = re.compile(r"[:/]\d")
_QUALIFIER_BEFORE = re.compile(r"\b(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s*$")
_DIGIT = re.compile(r"\d")


def _is_date_context(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 12):start].lower()
    return bool(_MONTH_BEFORE.search(before)) or bool(_TIME_AFTER.match(sentence, end))


_WORD_NUMBER_SET = frozenset(WORD_NUMBERS)
_LOWER_WORDS = re.compile(r"[a-z]+")


_CAP_BEFORE = re.compile(r"(?<=\s)([A-Z][A-Za-z]*)\s$")


def _is_name_number(sentence: str, start: int) -> bool:
    m = _CAP_BEFORE.search(sentence[max(0, start - 20):start])
    if not m:
        return False  # also: the capitalized word opens the sentence ("Some 15,000 ...")
    word = m.group(1).lower()
    return word not in STOPWORDS and word not in QUALIFIERS and word not in MONTHS


def extract_numbers(sentence: str) -> tuple[NumberMention, ...]:
    if not _DIGIT.search(sentence) and _WORD_NUMBER_SET.isdisjoint(_LOWER_WORDS.findall(sentence.lower())):
        return ()
    out: list[NumberMention] = []
    pos = 0
    # every use of the matched groups below is case-blind: match the lower-cased text when that is exact
    odd = bool(CASE_FOLD_ODD.search(sentence))
    number_re, subject = (NUMBER_RE, sentence) if odd else (_NUMBER_LOW, sentence.lower())
    for _ in range(200):  # bounded: a sentence never has this many numbers
        if not odd:
            hint = _NUMBER_HINT.search(subject, pos)
            if not hint:
                break
            m = number_re.search(subject, max(pos, hint.start() - _MAX_CURRENCY))
        else:
            m = number_re.search(subject, pos)
        if not m:
            break
        pos = m.end()
        a, b = m.group("a"), m.group("b")
        start, end = m.start("a"), m.end()
        if start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] in "-/."):
            pos = m.end("a")
            continue
        if m.group("pre"):
            if not b or m.group("sep").strip().lower() not in ("and", "to", "-", "–", "—"):
                m_pre = False
            else:
                m_pre = True
            if m_pre:
                start = m.start("pre")
        va, cura, pa, sa = _parse_one(a)
        if va is None:
            continue
        vb = cura_b = pb = sb = None
        sep = (m.group("sep") or "").strip().lower()
        if b:
            vb, cura_b, pb, sb = _parse_one(b)
            # "10 and 20 workers" without "between" is two numbers, not a range
            # "10-20%" and "$1-5 billion" share the marker of the second value; "17% to $1.8 billion" is two values
            kinds_differ = (pa and not pb) or (cura and cura_b and cura != cura_b) or (pa and cura_b) or (pb and cura)
            if vb is None or (sep == "and" and not m.group("pre")) or vb < va or kinds_differ:
                vb = cura_b = pb = sb = None
                end = pos = m.end("a")
        is_word = a.strip().lower() in WORD_NUMBERS
        if is_word and vb is None and not (sa or pa or cura) and a.strip().lower() in ("one", "two"):
            continue  # "the two companies", "one of the": not a quantity worth a figure
        if _is_date_context(sentence, start, end):
            continue
        if not (sa or pa or cura) and vb is None and _is_name_number(sentence, start):
            continue  # "Phase 3", "Model 3", "Section 2": part of a name, not a quantity
        scale_a = sa or (sb if vb is not None else None) or 1.0
        scale_b = sb or sa or 1.0
        low = va * scale_a
        high = (vb * scale_b) if vb is not None else low
        currency = cura or (cura_b or "")
        percent = pa or bool(pb)
        unit, unit_text = "", ""
        if currency:
            unit, unit_text = currency, currency
        elif percent:
            unit, unit_text = "%", "%"
        else:
            hedge = vb is None and a.strip().lower() in HEDGED_PLURALS
            # "dozens of people": the noun after "of" is what is counted
            of = 3 if hedge and sentence[end:end + 4].lower() == " of " else 0
            if (of and _SCALE_PLURAL_AFTER.match(sentence, end + of)) or (
                    hedge and _VAGUE_BEFORE.search(sentence, max(0, start - 20), start)):
                continue  # "hundreds of billions", "tens of thousands": too vague to be a figure
            u, ut, cur2, new_end = _unit_after(sentence, end + of)
            if cur2:
                unit, unit_text, end = cur2, cur2, new_end
            elif (not hedge and not sa and vb is None and float(va).is_integer() and 1900 <= va <= 2100
                  and "," not in a and not ut):
                unit, unit_text = "@year", "year"
            elif u:
                unit, unit_text = ("person" if u in PERSON_UNITS else u), ut
        before = sentence[max(0, start - 16):start].lower()
        qm = _QUALIFIER_BEFORE.search(before)
        qualifier = QUALIFIERS[qm.group(1)] if qm else ""
        if a.strip().lower() in HEDGED_PLURALS and vb is None:
            qualifier = "at least"
        text = sentence[start:end].strip()
        out.append(NumberMention(text, start, end, low, high, unit, unit_text, qualifier))
    return tuple(out)


def compatible(a: NumberMention, b: NumberMention) -> bool:
    """Same kind of quantity (same unit, or one unit unknown and neither is money/percent/year)."""
    if a.unit == b.unit:
        return True
    special = {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD", "%", "@year"}
    if not a.unit or not b.unit:
        return a.unit not in special and b.unit not in special
    return False


def same_value(a: NumberMention, b: NumberMention) -> bool:
    return compatible(a, b) and _close(a.low, b.low) and _close(a.high, b.high)


def overlaps(a: NumberMention, b: NumberMention) -> bool:
    return compatible(a, b) and a.low <= b.high * (1 + 1e-9) and b.low <= a.high * (1 + 1e-9)


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0)


def display(n: NumberMention) -> str:
    return n.text
