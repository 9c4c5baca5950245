"""Proper names in one sentence: capitalized phrases, split at job titles, with
corporate suffixes normalized away in their keys. No list of known names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import CASE_FOLD_ODD, STOPWORDS

TITLES = (
    "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Technology Officer",
    "Chief Strategy Officer", "Chief Executive", "Vice President", "Prime Minister", "Executive Director",
    "Managing Director", "General Manager", "Vice Chairman", "Deputy Minister", "Fire Chief", "Police Chief",
    "CEO", "CFO", "COO", "CTO", "CSO", "CIO", "VP", "SVP", "EVP", "Chairman", "Chairwoman", "Chairperson", "Chair",
    "President", "Founder", "Co-founder", "Cofounder", "Director", "Minister", "Secretary", "Governor", "Mayor",
    "Senator", "Sen.", "Rep.", "Gov.", "Representative", "Spokesperson", "Spokesman", "Spokeswoman",
    "Commissioner", "Chancellor", "Professor", "Prof.", "Dr.", "Judge", "Justice", "Captain", "Capt.", "Inspector",
    "Superintendent", "Sheriff", "Chief", "Head", "Analyst", "Economist", "Ambassador", "Lieutenant", "Sergeant",
    "Officer", "Manager", "Engineer", "Researcher", "Scientist", "Coach", "Premier", "King", "Queen", "Pope",
)
ORG_SUFFIXES = ("co", "co.", "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "limited", "llc",
                "plc", "group", "holdings", "company", "incorporated", "ag", "sa", "s.a.", "gmbh", "nv", "bv",
                "lp", "llp", "pte")
MONTHS_DAYS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())
# Capitalized words that open sentences or headlines without naming anything.
NOT_NAMES = frozenset("""also according alongside although despite however meanwhile moreover while when where after
before during since until unless if though because besides here there this that these those they their them it its
he she his her we our us i you your a an the in on at for from with without by of to as and but or so yet not no
what which who why how new more most many much some several other another each every all both either neither one two
three four five six seven eight nine ten first second third last next today yesterday tomorrow tldr update updated
read share related follow subscribe click sign log""".split())

_TITLE_RE = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_CAP = r"(?:[A-Z][\w&\-]*\.?|[A-Z]\.)"
PHRASE_RE = re.compile(rf"{_CAP}(?:(?:\s+(?:of|de|del|van|von|der|la|le|&)\s+|\s+|-)?{_CAP})*")
_POSS = re.compile(r"['’]s?$")
HONORIFICS = frozenset({"Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Sir", "Dame"})
_HONORIFIC_END = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms)\.\s*$")
# A job title written in lower case just before a name, optionally after the
# organization: "union president Marta Ilves", "CPH chief executive Tomas Brandt".
_TITLE_BEFORE = re.compile(
    rf"(?:(?-i:((?:[A-Z][\w&.\-]*)(?:\s+[A-Z][\w&.\-]*)*))(?:['’]s)?\s+)?((?:[a-z]+\s+){{0,2}}(?:{_TITLE_RE}))\s+$",
    re.IGNORECASE)
_TITLE_AFTER = re.compile(
    rf",\s+(?:the\s+|an?\s+)?(?:(?-i:([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*))['’]s\s+|[a-z]+['’]s\s+)?"
    rf"((?:[a-z]+\s+){{0,2}}(?:{_TITLE_RE}))\b(?!\s+[A-Z])",
    re.IGNORECASE)


@dataclass(frozen=True)
class NameMention:
    text: str  # as written, possessive removed
    key: str  # normalized: lowercase, corporate suffixes dropped
    start: int
    end: int
    initial: bool  # first word of the sentence (might be an ordinary capitalized word)
    title: str = ""  # job title written just before it ("CEO" in "Acme CEO Jane Roe")
    title_org: str = ""  # organization written before that title ("Acme")
    has_suffix: bool = False  # "Co.", "Inc.", "Group"...


def name_key(text: str) -> tuple[str, bool]:
    words = [w for w in re.split(r"\s+", _POSS.sub("", text.strip())) if w]
    had = False
    while len(words) > 1 and words[-1].lower().rstrip(",") in ORG_SUFFIXES:
        words.pop()
        had = True
    key = " ".join(words).lower().strip(".,;:'’").replace("’", "'")
    key = re.sub(r"\s*&\s*", " & ", key)
    return key, had


def _split_titles(text: str, start: int) -> list[tuple[str, int, str, str]]:
    """"Acme CEO Jane Roe" -> [("Acme", s, "", ""), ("Jane Roe", s2, "CEO", "Acme")]."""
    parts: list[tuple[str, int, str, str]] = []
    pos = 0
    pending_title = ""
    pending_org = ""
    for m in _TITLE_IN_PHRASE.finditer(text):
        before = text[pos:m.start()].strip()
        if before:
            b_start = start + pos + (len(text[pos:m.start()]) - len(text[pos:m.start()].lstrip()))
            if pending_title:
                parts.append((before, b_start, pending_title, pending_org))
            else:
                parts.append((before, b_start, "", ""))
            pending_org = before if not pending_title else ""
        pending_title = m.group()
        pos = m.end()
    rest = text[pos:].strip()
    if rest:
        r_start = start + pos + (len(text[pos:]) - len(text[pos:].lstrip()))
        parts.append((rest, r_start, pending_title, pending_org))
    return parts


_TITLE_IN_PHRASE = re.compile(rf"(?<!\w)(?:{_TITLE_RE})(?!\w)")
_ABBREVIATION_END = re.compile(r"\b(?:Co|Inc|Corp|Ltd|Jr|Sr|St)\.$")
_WORD_RUN = re.compile(r"\w+")
# The first word of every title: a title in a phrase starts one of the phrase's words.
_TITLE_FIRST_WORDS = frozenset(_WORD_RUN.match(t).group() for t in TITLES)
_TITLE_ENDS_LOWER = tuple(t.lower() for t in TITLES)


@dataclass(frozen=True)
class _Part:
    """What one capitalized phrase says about a name on its own, wherever it stands."""
    offset: int  # of the part within the phrase, before ordinary words were dropped from its front
    start: int  # of the name within the phrase
    dropped_front: bool  # ordinary words were dropped from the front (so not the sentence's first word)
    text: str
    title: str
    org: str
    key: str
    has_suffix: bool
    display: str  # possessive removed
    in_context: bool  # no title in the phrase and several words: look for one around it in the sentence


@lru_cache(maxsize=100_000)
def _phrase_parts(text: str) -> tuple[_Part, ...]:
    out = []
    if _TITLE_FIRST_WORDS.isdisjoint(_WORD_RUN.findall(text)):
        stripped = text.strip()
        split = [(stripped, len(text) - len(text.lstrip()), "", "")] if stripped else []
    else:
        split = _split_titles(text, 0)
    for part, p_start, title, org in split:
        offset = p_start
        words = part.split()
        dropped = False
        # drop ordinary capitalized words at the front ("The", "According", "On")
        while words and (words[0].lower().strip(".,") in NOT_NAMES or words[0].lower() in MONTHS_DAYS):
            p_start += len(words[0]) + 1
            words = words[1:]
            dropped = True
        while words and words[-1].lower() in ("of", "de", "and", "&", "the"):
            words = words[:-1]
        if not words:
            continue
        part = " ".join(words)
        if all(w.lower().strip(".") in MONTHS_DAYS for w in words):
            continue
        if title in HONORIFICS:
            title, org = "", ""  # "Dr." says nothing of the job
        key, had_suffix = name_key(part)
        if not key or key in STOPWORDS or len(key) < 2:
            continue
        if org and org.split()[0].lower() in NOT_NAMES:
            org = ""
        out.append(_Part(offset, p_start, dropped, part, title, org, key, had_suffix, _POSS.sub("", part),
                         not title and len(part.split()) >= 2))
    return tuple(out)


def _title_around(sentence: str, p_start: int, part: str) -> tuple[str, str]:
    """A job title written around a name: "union president Marta Ilves",
    "Marta Ilves, the union's president" -> (title, organization or "")."""
    before = sentence[max(0, p_start - 60):p_start]
    if before.rstrip().endswith("."):
        before = _HONORIFIC_END.sub("", before)
    # _TITLE_BEFORE ends with a title and white space: test that cheaply first
    tail = before.rstrip()
    if len(tail) < len(before) and (tail.lower().endswith(_TITLE_ENDS_LOWER) or CASE_FOLD_ODD.search(tail)):
        tb = _TITLE_BEFORE.search(before)
        if tb:  # "union president Marta Ilves", "chief scientific officer Dr. Hana Okoro"
            return tb.group(2).strip(), tb.group(1) or ""
    end = p_start + len(part)
    if sentence.startswith(",", end):  # "Marta Ilves, the union's president", "Hana Okoro, VBI's chief scientific officer"
        ta = _TITLE_AFTER.match(sentence, end)
        if ta:
            return ta.group(2).strip(), ta.group(1) or ""
    return "", ""


def extract_names(sentence: str) -> tuple[NameMention, ...]:
    out: list[NameMention] = []
    lead = len(sentence) - len(sentence.lstrip(" \"'“‘(*-•"))
    for m in PHRASE_RE.finditer(sentence):
        start = m.start()
        if start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] in "$"):
            continue
        text = m.group()
        if text.endswith(".") and not _ABBREVIATION_END.search(text):
            text = text.rstrip(".")
        for part in _phrase_parts(text):
            p_start = start + part.start
            title, org = part.title, part.org
            if part.in_context:
                title, org = _title_around(sentence, p_start, part.text)
                if org and org.split()[0].lower() in NOT_NAMES:
                    org = ""
            fields = (part.display, part.key, p_start, p_start + len(part.text),
                      not part.dropped_front and start + part.offset <= lead, title, org, part.has_suffix)
            mention = _MENTIONS.get(fields)
            if mention is None:
                mention = _MENTIONS[fields] = NameMention(*fields)
                if len(_MENTIONS) > 200_000:
                    _MENTIONS.clear()  # bounded
            out.append(mention)
    return tuple(out)


# The same name at the same offset recurs across sentences and articles: one (immutable)
# mention object each, instead of a frozen dataclass built field by field every time.
_MENTIONS: dict[tuple, NameMention] = {}
