"""Shapes of single furniture lines, as pure functions of their text: rows
of menu items, meta rows (date · read time · byline), sign-up calls, outlet
names. Cleaning (clean.py) and inference (infer.py) both read them."""

from __future__ import annotations

import re

from . import rules as R

SIGNUP_MAX_WORDS = 40


def all_sentences(text: str, rule: re.Pattern[str], hints: tuple[str, ...]) -> bool:
    """Every sentence of a short block matches the rule."""
    if not text.lstrip("*_ ")[:12].lower().startswith(hints):
        return False
    parts = [p.strip("*_ ") for p in re.split(r"(?<=[.!?])\s+", text) if p.strip("*_ ")]
    return bool(parts) and all(rule.match(p) for p in parts)


CONTACT_HEADS = ("media", "press", "investo", "news")
VIDEO_HEADS = ("watch", "video", "listen", "audio")
META_HINT = re.compile(r"[·•|]|\b[Bb]y\b")  # a meta row separates its parts or names its author
SIGNUP_HINTS = ("subscri", "sign up", "join")


def signup_call(text: str, first_sentence: bool = False, low: str | None = None) -> bool:
    """A call to sign up for a publication: "Subscribe to the X Weekly",
    "Don't miss a match: subscribe to ...", "Start the day smarter ☀️ Sign
    up for our briefing". With ``first_sentence``, the call must be in the
    text's first sentence (a block that opens with it is the plug; a call
    after real sentences is cut sentence by sentence)."""
    low = text.lower() if low is None else low
    if not any(hint in low for hint in SIGNUP_HINTS):
        return False
    m = R.SIGNUP_CALL.search(text)
    if m is None or R.SIGNUP_OBJECT.search(text, m.start()) is None:
        return False
    return not first_sentence or R.SENTENCE_END.search(text, 0, m.start()) is None


_CREDIT_EDGES = "()[]*_ -–—"
HOLDER_MAX_WORDS = 6  # "The Valley Wire Service of Halden"
_HOLDER_WORD = re.compile(r"^(?:[A-Z0-9][\w&.'’-]*|of|and|the|&)$")


def reporting_credit(text: str) -> bool:
    """A line of reporting credits, each clause a credit or the wire's name:
    "(Reporting by A; Editing by B)", "(A reporting; B editing)", "-- Valley
    Wire; additional reporting by C". A bracket, a dash sign-off or a "by"
    credit is needed ("Ana Lima reporting" alone could be a headline)."""
    inner = text.strip().strip(_CREDIT_EDGES).rstrip(".").strip(_CREDIT_EDGES)
    clauses = [c.strip() for c in inner.split(";") if c.strip()]
    if not clauses:
        return False
    credits = [c for c in clauses if R.CREDIT_CLAUSE.match(c)]
    if not credits or not all(c in credits or _holder(c) for c in clauses):
        return False
    marked = text.lstrip()[:1] in "([-–—" or len(clauses) > 1
    return marked or any(" by " in c.lower() for c in credits)


def _holder(text: str) -> bool:
    """"Valley Wire", "The Harbour Ledger": a name in capitals, short."""
    words = text.split()
    return 1 <= len(words) <= HOLDER_MAX_WORDS and words[0][:1].isupper() and all(_HOLDER_WORD.match(w) for w in words)


def legal_sentence(text: str) -> bool:
    """A sentence of a legal notice: "All rights reserved.", "Republication
    or redistribution is prohibited.", "X content is protected by copyright"."""
    low = text.lower()
    return bool(R.LEGAL_NOTICE.match(low) or R.LEGAL_PHRASE.search(low))


def row_items(text: str) -> list[str]:
    return [item.strip("*_ ") for item in R.ROW_SEPARATOR.split(text) if item.strip("*_ ")]


def _menu_item(item: str) -> bool:
    return bool(R.NAV_WORD.match(item) or R.WIDGET.match(item) or R.LIVE_NOTICE.match(item) or R.ADVERT.match(item))


ROW_ITEM_MAX_WORDS = 6


def row_reason(text: str) -> str | None:
    """Rows of page furniture: "Refresh for new posts | 5 new updates",
    "Subscribe from £2 a month for full digital access | Log in | Register",
    "Skip to content | Sport | Jobs | Live TV"."""
    items = row_items(text)
    if len(items) < 2:
        return None
    menu = [item for item in items if _menu_item(item)]
    if len(menu) == len(items):
        return "live-blog notice" if any(R.LIVE_NOTICE.match(i) for i in items) else "share/comment widget"
    if len(menu) >= 2 and re.search(r"\bsubscri|\bunlimited access\b", text, re.I):
        return "paywall prompt"
    if nav_row(items) and menu:
        return "navigation"
    return None


def nav_row(items: list[str]) -> bool:
    """Three or more short items without sentence punctuation: a menu."""
    return len(items) >= 3 and all(len(i.split()) <= ROW_ITEM_MAX_WORDS and not i.endswith((".", "!", "?")) for i in items)


_YEAR = re.compile(r"\d{4}")


def meta_row(text: str) -> bool:
    """"March 6, 2026 · 4 min read · by Jane Doe", "April 20, 2026 by Jane
    Doe": dates, times, reading time and a byline, nothing else."""
    if not _YEAR.search(text) or not R.DATE_SEARCH.search(text):
        return False
    rest = R.META_ROW_PARTS.sub("", text)
    return not any(ch.isalnum() for ch in rest)


OUTLET_MAX_WORDS = 4


def outlet_name(text: str) -> bool:
    """"Valley News", "The Morning Courier": a short name in capitals, of
    two words at most or holding an outlet's word (not a headline)."""
    words = text.strip(" |-–—·").split()
    if not 1 <= len(words) <= OUTLET_MAX_WORDS or text.rstrip().endswith((".", "!", "?", ":")):
        return False
    if not words[0][:1].isupper() or re.search(R.TIME_IN_TEXT, text) or not all(
            w[:1].isupper() or w[:1].isdigit() or w.lower() in ("of", "the", "and", "&") for w in words):
        return False
    return len(words) <= 2 or any(w.lower() in R.OUTLET_WORDS for w in words)


def sentence_case(text: str) -> bool:
    """Most words after the first start in lower case: a sentence, not a Title Case headline."""
    words = [w for w in text.split()[1:] if w[:1].isalpha()]
    return bool(words) and sum(w[0].islower() for w in words) >= 0.5 * len(words)


def app_promo(text: str) -> bool:
    """The publisher's app promoted to the reader, perhaps after a lead-in:
    "Get the X app for breaking news", "📲 The day's headlines, first: get
    our free app". The app must bring news, said before or after the call."""
    m = R.APP_PLUG.match(text)
    return m is not None and R.APP_NEWS.search(f"{m.group('lead') or ''} {m.group('after')}") is not None


ROW_NAME_MAX_WORDS = 15  # a blog's name with its strapline: "Night Shift – a blog about nursing ..."


def byline_row(text: str) -> bool:
    """A blog post's meta row: "16 May 2027 | Posted by Jane Doe in News |
    12 comments", "Night Shift – a blog about nursing · by Jane Doe · 3 May
    2027". A date and a byline, besides which only a comment count, a
    reading time and one name (the blog's) may stand."""
    items = row_items(text)
    if not 2 <= len(items) <= 5:
        return False
    dates = bylines = names = 0
    for item in items:
        if R.DATE_ALONE.match(item):
            dates += 1
        elif R.ROW_BYLINE.match(item):
            bylines += 1
        elif R.COMMENT_COUNT.match(item) or R.READING_TIME.match(item):
            continue
        elif item[:1].isupper() and len(item.split()) <= ROW_NAME_MAX_WORDS and not item.endswith((".", "!", "?")):
            names += 1
        else:
            return False
    return dates == 1 and bylines == 1 and names <= 1


_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")
_PHONE = re.compile(r"^(?:(?i:tel|phone|t)\.?:?\s*)?\+?\d[\d ()./-]{5,}\d$")
CONTACT_NAME_MAX_WORDS = 5


def contact_row(items: list[str]) -> bool:
    """"Valley Council Press Office | press@valley.example | Tel. 0 123 4567":
    an e-mail address, with phone numbers and a short name beside it."""
    if len(items) < 2 or not any(_EMAIL.match(i) for i in items):
        return False
    return all(_EMAIL.match(i) or _PHONE.match(i) or R.BARE_URL.match(i) or (
        i[:1].isupper() and len(i.split()) <= CONTACT_NAME_MAX_WORDS and not i.endswith((".", "!", "?"))) for i in items)


# Words that one of furniture_sentence's rules needs (a cheap test per paragraph, on lower-cased text).
SENTENCE_FURNITURE_HINT = re.compile(
    r"\b(?:fm|dab|mhz|khz|listen|tune in|hear|catch|contributed|scroll|all times|updates|posts|entries|latest|newest|oldest)\b")


def furniture_sentence(text: str, low: str) -> str | None:
    """Why a sentence inside a paragraph is furniture, if it is: a live
    blog's notice ("Entries are listed in chronological order."), a station's
    plug ("Listen live on 96.4 FM."), a contributor credit ("Staff writer Ana
    Ruiz contributed to this report.")."""
    bare = text.strip("*_ ")
    if low.lstrip("*_ ").startswith(R.LIVE_NOTICE_HEADS) and R.LIVE_NOTICE.match(bare):
        return "live-blog notice"
    if R.STATION_PROMO.match(bare):
        return "station promo"
    if "contributed" in low and R.CONTRIBUTED.match(bare):
        return "reporting credit"
    return None
