"""Cleaning: drop page furniture block by block, recording a RemovedSpan (with
a reason) for every span removed. Rules look at the shape of text (repetition,
list and link density, short lines) and at furniture vocabulary shared by many
sites; see rules.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..models import RemovedSpan
from . import lines as L
from . import rules as R
from .blocks import Block, looks_like_heading
from .captions import CAPTION, CREDIT_LINE_MAX_WORDS, caption_shaped, credit_line, slash_credit, split_glued_credits
from .labels import lead_stamp, speaker_labels, stamp_time

_NORM = re.compile(r"[^a-z0-9$%]+")
_TOKEN = re.compile(r"[a-z0-9$][a-z0-9$%,.'’-]*")
_STOP = frozenset("""
the and for with that this from into will have has had was were are been its their they them his her
our your you not but also over about after than then such which who whom what when where while would
could should can may might must does did doing just very more most some any all each other only into
onto upon per via out off its it's inc corp ltd co
""".split())


@dataclass
class Cleaning:
    raw: str
    blocks: list[Block]
    removed: list[RemovedSpan] = field(default_factory=list)
    dropped: dict[int, str] = field(default_factory=dict)  # block indexes removed whole -> reason
    credit_led: set[int] = field(default_factory=set)  # blocks a glued photo credit was cut from the head of
    times: dict[int, str] = field(default_factory=dict)  # block index -> the live-blog update's time stamp
    speakers: dict[int, str] = field(default_factory=dict)  # block index -> the transcript turn's speaker

    def drop(self, block: Block, reason: str) -> None:
        if block.index in self.dropped:
            return
        self.dropped[block.index] = reason
        self.span(block.outer_start, block.outer_end, reason)

    def span(self, start: int, end: int, reason: str) -> None:
        if end > start:
            self.removed.append(RemovedSpan(start, end, self.raw[start:end], reason))

    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.index not in self.dropped]


def norm_text(text: str) -> str:
    return _NORM.sub(" ", text.lower().replace("’", "'")).strip()


def content_tokens(text: str) -> set[str]:
    out = set()
    for tok in _TOKEN.findall(text.lower()):
        tok = tok.rstrip(".,'’-")
        if tok and tok not in _STOP and (len(tok) >= 3 or tok[0].isdigit() or tok[0] == "$"):
            out.add(tok[:5])
    return out


def clean_blocks(raw: str, blocks: list[Block], rule_spans: list[tuple[int, int, str]], *,
                 title: str | None, description: str | None, author: str | None = None) -> Cleaning:
    blocks, credit_spans, credit_led = split_glued_credits(raw, blocks)
    c = Cleaning(raw, blocks, credit_led=credit_led)
    for start, end, reason in rule_spans + credit_spans:
        c.span(start, end, reason)
    _lead_labels(c)
    _related_sections(c)
    _ticker_runs(c)
    for block in c.kept():
        reason = furniture_reason(block)
        if reason:
            c.drop(block, reason)
    _captions(c)
    _top_navigation(c)
    _dateline_prefix(c)
    _link_byline(c)
    _name_role_byline(c)
    _author_bio(c, author)
    _tail_bio(c)
    _forward_looking(c)
    _press_boilerplate(c)
    _repeated_title(c, title)
    _repeated_description(c, description)
    _doubled_blocks(c)
    keys = _repeated_paragraphs(c)
    _near_copies(c, keys)
    _teasers(c)
    _summary_bullets(c)
    _tail_lines(c)
    _update_times(c)
    c.removed.sort(key=lambda s: (s.start, s.end))
    return c


def _lead_labels(c: Cleaning) -> None:
    """A live blog's time stamp or a transcript's speaker label glued to the
    start of a block is not part of its first sentence: the block starts
    after it, and the label is kept as the block's time or speaker."""
    speakers = speaker_labels([b.text for b in c.blocks])
    for i, block in enumerate(c.blocks):
        stamp = lead_stamp(block.text)
        label = stamp or speakers.get(i)
        if label is None:
            continue
        if stamp is not None:
            c.times[block.index] = stamp.value
        else:
            c.speakers[block.index] = label.value
        label_end = block.start + len(block.text[: label.end].rstrip())
        c.span(block.start, label_end, "timestamp" if stamp is not None else "speaker label")
        _cut_head(c, block, block.start + label.end)


def _cut_head(c: Cleaning, block: Block, rest: int) -> None:
    """The block starts at ``rest`` now (what came before was recorded as removed)."""
    block.start = rest
    block.outer_start = rest
    block.set_text(c.raw[block.start : block.end])
    if block.kind in ("paragraph", "heading") and not block.explicit_heading:
        block.kind = "heading" if looks_like_heading(block.text) else "paragraph"


LIVE_MIN_STAMPS = 2  # time stamps that make a page a live blog, whose updates run to the next stamp


def _update_times(c: Cleaning) -> None:
    """On a live blog, each kept block belongs to the update whose time stamp
    (glued to it, or on a line of its own) comes last above it."""
    stamps = dict(c.times)
    for index, reason in c.dropped.items():
        time = stamp_time(c.blocks[index].text) if reason == "timestamp" else None
        if time is not None:
            stamps[index] = time
    if len(stamps) < LIVE_MIN_STAMPS:
        return
    current = None
    for block in c.blocks:
        current = stamps.get(block.index, current)
        if current is not None and block.index not in c.dropped:
            c.times[block.index] = current


_MARKUP = re.compile(r"[*_]+")
# Signs that may open a label ("▶ Watch: ...", "🎧 Listen: ..."), and markup.
_PICTOGRAPHS = re.compile(r"^[\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\s*_]+")
LEGAL_BLOCK_MAX_WORDS = 60  # a site's copyright and reuse notice, all of it
CREDIT_BLOCK_MAX_WORDS = 40  # "(Reporting by A, B and C in Halden; Editing by D)"
PROMO_MAX_WORDS = 30  # an app promo, or a promo ending in its sign-up button
_CREDIT_HINT = re.compile(r"reporting|editing|writing|research|compiled|produced|graphics|fact-checking|translation|photography")
_SIGNUP_BUTTON_HINT = re.compile(r"sign|subscri|regist|join")
_INBOX_WORDS = re.compile(r"\b(?:sign up|subscri\w*|newsletters?|members?|membership)\b")
_ABOUT_PAGE = re.compile(r"\b(?:this|the) (?:article|content|site|information|post)\b")


def furniture_reason(block: Block) -> str | None:
    text = block.text
    words = block.words
    low = text.lower()
    if ("first on" in low or "first at" in low or "first in" in low) and R.SYNDICATION_ANYWHERE.search(text):
        return "syndication notice"
    if words <= 40 and R.SYNDICATION_NOTICE.match(text):
        return "syndication notice"
    if words <= 60 and (R.COPYRIGHT_START.match(text) or R.LEGAL_NOTICE.match(low)
                        or words <= 15 and _copyright_line(text)):
        return "copyright notice"  # the whole block: "© 2027 X. All rights reserved. This material may not be ..."
    if words <= LEGAL_BLOCK_MAX_WORDS and legal_block(text):
        return "copyright notice"
    if words <= 30 and (R.PAYWALL.match(text) or R.SUBSCRIBER_OFFER.match(text)):
        return "paywall prompt"
    if words <= 30 and R.PRODUCTION_NOTE.match(text):
        return "production note"
    if words <= 20 and R.NEXT_ISSUE.match(text) and (R.DATE_SEARCH.search(text) or re.search(R.TIME_IN_TEXT, text)):
        return "schedule notice"
    if words <= 15 and R.BREADCRUMB.match(text):
        return "breadcrumb"
    if words <= 4 and R.END_MARK.match(text):
        return "end mark"
    if words <= 14 and R.PAGE_FURNITURE.search(text):
        return "page header/footer"
    if words <= 20 and R.STANDARDS_LINE.match(text):
        return "standards notice"
    if words <= 40 and R.CREDITS.match(text) or words <= 10 and R.CREDIT_LINE.match(text) \
            or words <= CREDIT_BLOCK_MAX_WORDS and _CREDIT_HINT.search(low) and L.reporting_credit(text):
        return "reporting credit"
    if words <= 80 and R.CORRECTION_NOTE.match(text):
        return "correction notice"
    if words <= 40 and R.SIGNUP_TERMS.match(text) and "cookie" not in low:
        return "newsletter plug"
    if words <= L.SIGNUP_MAX_WORDS and L.signup_call(text, first_sentence=True, low=low):
        return "newsletter plug"
    if words <= 40 and ("support" in low or "donat" in low or "contribution" in low or "value" in low) \
            and R.DONATION.search(low):
        return "donation appeal"
    if words <= 25 and ("@" in text) and R.CONTACT.match(text) or words <= 30 and R.MORE_INFO.match(text):
        return "contact line"
    if words <= 25 and R.WIRE_REVISION.match(text):
        return "wire revision note"
    if words <= 20 and R.HAT_TIP.match(text):
        return "hat tip"
    if words <= 40 and R.FUNDING_NOTE.match(text):
        return "disclaimer"
    if words <= 25 and R.READ_ORIGINAL.match(text):
        return "syndication notice"
    if words <= 20 and "|" in text and _footer_links(low):
        return "footer links"
    head = low.lstrip("*_ ")[:7]
    if words <= 25 and head.startswith(L.CONTACT_HEADS) and R.CONTACT_INLINE.match(text):
        return "contact line"
    if words <= 25 and _PICTOGRAPHS.sub("", low)[:7].startswith(L.VIDEO_HEADS) \
            and R.VIDEO_LABEL.match(_PICTOGRAPHS.sub("", text)):
        return "video label"
    bare = _MARKUP.sub("", text) if "*" in text or "_" in text else text
    if words <= 40 and R.RELATED_LINK.match(bare):
        return "related-story link"
    if words <= 6 and R.ADVERT.match(text.strip("*_ ")) or words <= 20 and R.ADVERT_LABEL.match(bare):
        return "advertisement"
    if words <= 16 and L.all_sentences(text, R.LIVE_NOTICE, R.LIVE_NOTICE_HEADS):
        return "live-blog notice"
    if words <= 6 and (head[:1].isdigit() or head.startswith(("updated", "posted", "publish"))) \
            and R.TIME_ALONE.match(text.strip("*_ ")):
        return "timestamp"
    if R.DISCLAIMER.match(text) or (words <= 120 and ("advice" in low or "purposes only" in low or "own research" in low)
                                   and R.ADVICE_PHRASES.search(low) and _ABOUT_PAGE.search(low)):
        return "disclaimer"
    if words <= 12 and R.WIDGET.match(text.strip("*_ ")):
        return "share/comment widget"
    if words <= 8 and (_widget_row(low) or _widget_link(text)):
        return "share/comment widget"
    if 2 <= words <= 16 and _social_share(text):
        return "share/comment widget"
    in_row = "|" in text or "·" in text or "•" in text or "›" in text
    if in_row and words <= 30 and L.byline_row(text):
        return "byline"
    if in_row and words <= 25 and "@" in text and L.contact_row(L.row_items(text)):
        return "contact line"
    row = L.row_reason(text) if words <= 40 and in_row else None
    if row:
        return row
    if words <= 30 and (R.NEWSLETTER.match(text) or R.NEWSLETTER.match(_after_lead_question(text))):
        return "newsletter plug"
    if words <= PROMO_MAX_WORDS and L.app_promo(text):
        return "app promo"
    if words <= PROMO_MAX_WORDS and _SIGNUP_BUTTON_HINT.search(low) and R.SIGNUP_BUTTON_END.search(text) \
            and R.SIGNUP_OBJECT.search(low):  # "... every Friday. Subscribe"
        return "newsletter plug"
    if words <= 40 and ("inbox" in low or "thanks for reading" in low or "subscri" in low or "member" in low or "newsletter" in low) \
            and R.INBOX_PLUG.search(low) and _INBOX_WORDS.search(low):
        return "newsletter plug"
    if words <= 60 and (R.COOKIE.match(text) or R.COOKIE_NAMED.match(text) and R.COOKIE_READER.search(text)):
        return "cookie notice"
    if words <= 80 and R.AUTHOR_BIO.match(text):
        return "author bio"
    if words <= 40 and R.COMMENT_FORM.search(low):
        return "comment form"
    if _ticker_line(text):
        return "price ticker / market widget"
    if R.READING_TIME.match(text):
        return "reading time"
    if words <= 25 and (_is_byline(text) or R.AUTHOR_LINE.match(text)):
        return "byline"
    if words <= 20 and L.META_HINT.search(text) and L.meta_row(text):
        return "byline" if re.search(r"\b[Bb]y\b", text) else "dateline"
    if R.IMAGE_MD.match(text) or R.IMAGE_PATH.match(text) or R.IMAGE_HTML.match(text):
        return "image"
    if R.BARE_URL.match(text):
        return "bare link"
    if words <= 40 and (R.CAPTION.match(text) or R.search_words(R.CREDIT_WORDS, text) or R.CREDIT_AT_END.search(text)
                        or R.CREDIT_AGENCY_AT_END.search(text, max(0, len(text) - 40))) \
            or words <= CREDIT_LINE_MAX_WORDS and (credit_line(text) or "/" in text and slash_credit(text)):
        return "caption or photo credit"
    if block.kind == "heading" and R.BOILERPLATE_HEADER.match(text.strip("*_ ")):
        return "boilerplate header"
    if words <= 25 and R.SOURCE_LINE.match(text):
        return "source attribution"
    if words <= 12 and (R.DATE_ALONE.match(text) or R.OUTLET_STAMP.match(text)):
        return "dateline"
    return None


def _after_lead_question(text: str) -> str:
    """"Found this useful? Get our weekly newsletter" -> "Get our weekly newsletter"."""
    m = R.LEAD_QUESTION.match(text) if "?" in text else None
    return text[m.end():] if m else text


_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december then now contrast comparison law default design far "
    "late early midday noon the".split()
)


def _is_byline(text: str) -> bool:
    """"By Jane Doe | May 2, 2026", not "By March, sales had doubled." """
    m = R.BYLINE.match(text)
    if m is None or m.group("name").split()[0].lower().strip(".,") in _NOT_NAMES:
        return False
    rest = text[m.end():].strip()
    return not rest or rest[0] in "|·•—–-,/(" or not text.endswith((".", "!", "?"))


def _ticker_line(text: str) -> bool:
    """"BTC $43,210 +2.3% ETH $2,310 -0.4%": symbols, prices and changes only."""
    if "%" not in text and "$" not in text and "€" not in text and "£" not in text:
        return False
    tokens = [t.rstrip(".") for t in R.QUOTE_DELAY.sub(" ", text).split() if t not in ("|", "·", "•")]
    if len(tokens) < 4 or len(tokens) > 60:
        return False
    ticker = sum(bool(R.TICKER_WORD.match(t)) for t in tokens)
    return ticker >= 0.8 * len(tokens) and len(R.CHANGE.findall(text)) >= 2


def _copyright_line(text: str) -> bool:
    """"Copyright Valley Times", "Valley Wire © 2027" name a holder in
    capitals; "Copyright lawyers said ..." is prose."""
    m = R.COPYRIGHT.match(text) or R.COPYRIGHT_AFTER.match(text)
    if m is None:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in ("and", "of", "&", "the") for w in m.group("pub").split())


def legal_block(text: str) -> bool:
    """A copyright line and the legal sentences around it, in one block: "X
    content is protected by copyright. © 2027 X.", "X © 2027. Republication or
    redistribution is prohibited without prior written consent." Every
    sentence must be legal text, so a report on a copyright case is kept."""
    if "©" not in text and "(c)" not in text.lower() and "copyright" not in text.lower():
        return False
    sentences = [p.strip("*_ ") for p in re.split(r"(?<=[.!?])\s+", text) if p.strip("*_ ")]
    marks = [bool(R.COPYRIGHT_START.match(p)) or _copyright_line(p) for p in sentences]
    return len(sentences) >= 2 and any(marks) and all(m or L.legal_sentence(p) for p, m in zip(sentences, marks))


def _footer_links(low: str) -> bool:
    items = [item.strip() for item in low.split("|") if item.strip()]
    return len(items) >= 2 and all(all(w in R.FOOTER_WORDS for w in re.findall(r"[a-z]+", item)) for item in items)


def _widget_row(low: str) -> bool:
    """"Like · Comment · Restack": widget words separated by dots or bars."""
    if not any(sep in low for sep in "·•|"):
        return False
    tokens = re.findall(r"[a-z]+", low)
    return len(tokens) >= 2 and all(t in R.WIDGET_ROW_WORDS for t in tokens)


def _widget_link(text: str) -> bool:
    """"[Subscribe now](https://...)": a lone link whose label is a widget."""
    m = R.MD_LINK.fullmatch(text.strip("*_ "))
    return m is not None and R.WIDGET.match(m.group("label").strip("*_ ")) is not None


def _social_share(text: str) -> bool:
    tokens = re.findall(r"[\w-]+", text.lower())
    return "share" in tokens and sum(t in R.SOCIAL_WORDS for t in tokens) >= 0.8 * len(tokens)


_SECTION_NUMBER = re.compile(r"\d{1,2}[.)]\s")  # "6. " before a numbered section's title


def _related_sections(c: Cleaning) -> None:
    """A related-stories header and the list under it: link-like lines, and
    late in the page also headlines and the teasers between them (a prose
    block counts as a teaser when list-like lines follow it). Two prose
    blocks in a row mean the article has resumed. A comments header late in
    the page runs to the end (a numbered one, "6. Response", is a report's
    section title)."""
    blocks = c.blocks
    if not blocks:
        return
    body_len = max(1, blocks[-1].end - blocks[0].start)
    for i, block in enumerate(blocks):
        if block.index in c.dropped or block.words > 8:
            continue
        label = block.text.strip("*_ #")
        late = (block.start - blocks[0].start) / body_len >= 0.5
        if late and R.COMMENTS_HEADER.match(label) and not _SECTION_NUMBER.match(c.raw, block.outer_start, block.start):
            for rest in blocks[i:]:
                c.drop(rest, "comments section")
            return
        if not R.RELATED_HEADER.match(label):
            continue
        c.drop(block, "related-story block")
        for j in range(i + 1, len(blocks)):
            nxt = blocks[j]
            if nxt.words <= 8 and R.COMMENTS_HEADER.match(nxt.text.strip("*_ #")):
                break  # the comments under a "Most read" list are the comments section's
            if nxt.words <= 30 and R.PAYWALL.match(nxt.text):
                break  # a paywall prompt after the list is furniture of its own kind
            if _link_like(nxt) or (late and (_headline_like(nxt) or _teaser_in_list(blocks, j))):
                c.drop(nxt, "related-story block")
            else:
                break


def _teaser_in_list(blocks: list[Block], j: int) -> bool:
    if j + 1 >= len(blocks):
        return False  # prose that ends the page: the article, not a teaser
    after = blocks[j + 1]
    return _link_like(after) or _headline_like(after)


def _headline_like(block: Block) -> bool:
    return "\n" not in block.text and block.words <= 40 and not block.text.endswith((".", "!", "?", '"', "”"))


def _link_like(block: Block) -> bool:
    text = block.text
    return (
        block.kind in ("heading", "bullet")
        or bool(R.MD_LINK.search(text)) and len(R.MD_LINK.sub("", text).split()) <= 6
        or R.BARE_URL.match(text) is not None
        or block.words <= 12 and not text.endswith((".", "!", "?", '"', "”"))
    )


_CREDIT_REASONS = frozenset({"caption or photo credit", CAPTION})


def _captions(c: Cleaning) -> None:
    """A caption on its own line: a caption-shaped block (see
    captions.caption_shaped) right above a photo credit, or right below an
    image."""
    blocks = c.blocks
    credits = set(c.credit_led)  # a caption stands above its credit ...
    credits.update(i for i, reason in c.dropped.items() if reason in _CREDIT_REASONS)
    images = {i for i, reason in c.dropped.items() if reason == "image"}  # ... and below its image
    for block in blocks:
        if block.index in c.dropped or block.kind not in ("paragraph", "heading") or block.explicit_heading:
            continue
        if (block.index + 1 in credits or block.index - 1 in images) and caption_shaped(block.text):
            c.drop(block, CAPTION)


# Words a sentence goes on after: a line ending on one was cut off mid-clause.
_CUT_AFTER = frozenset("the a an and or but because of to in on at for with from by that which who whose as than "
                       "if when while so its their his her our your".split())
_LAST_WORD = re.compile(r"([\w'’-]*)\W*$")
TAIL_ON_TOPIC = 0.34  # share of a line's content words the article above it also uses
TAIL_BODY_MIN_TOKENS = 20  # too little article to judge a line against
CUT_SENTENCE_MIN_WORDS = 6


def _tail_lines(c: Cleaning) -> None:
    """Unpunctuated one-line blocks after the last paragraph of the article.

    Other stories' headlines (no label, at the very end) share few words with
    the article: "Cash machine ripped from supermarket wall in overnight raid"
    under a bridge story. A line that does share them and reads as a sentence is the
    article's own last sentence, cut off by the scrape ("The engineers
    said they would also check the bridge's drainage pi"): it is a paragraph, not a
    heading, and the sentence step marks it truncated. So is a last line that
    stops after a word no headline ends on ("... checked twice, because"),
    whatever its words."""
    kept = c.kept()
    run: list[Block] = []
    for block in reversed(kept):
        if block.explicit_heading or block.kind == "bullet" or not _headline_like(block):
            break
        run.append(block)
    if not run or len(run) == len(kept):
        return
    body: set[str] = set()
    for block in kept[: len(kept) - len(run)]:
        body |= content_tokens(block.text)
    if len(body) < TAIL_BODY_MIN_TOKENS:
        return
    for block in run:  # last line first
        tokens = content_tokens(block.text)
        on_topic = bool(tokens) and len(tokens & body) / len(tokens) >= TAIL_ON_TOPIC
        cut = block is run[0] and block.words >= CUT_SENTENCE_MIN_WORDS
        if cut and _LAST_WORD.search(block.text).group(1).lower() in _CUT_AFTER:
            block.kind = "paragraph"
        elif not on_topic:
            c.drop(block, "related-story link")
        elif cut and L.sentence_case(block.text):
            block.kind = "paragraph"


def _ticker_runs(c: Cleaning) -> None:
    """Market widgets: runs of very short lines made of prices, symbols, nulls and dashes."""
    run: list[Block] = []

    def flush() -> None:
        strong = sum(bool(R.TICKER_STRONG.search(b.text)) for b in run)
        if len(run) >= 3 and strong >= 2:
            for b in run:
                c.drop(b, "price ticker / market widget")
        run.clear()

    for block in c.blocks:
        if block.index not in c.dropped and block.words <= 6 and not block.text.endswith((".", "!", "?")):
            run.append(block)
        else:
            flush()
    flush()


def _dateline_prefix(c: Cleaning) -> None:
    """"date 2025-11-21 Headline text": the date label goes, the headline stays."""
    for block in c.kept()[:3]:
        m = R.DATELINE_PREFIX.match(block.text)
        if not m:
            continue
        rest = block.start + m.end()
        tail = c.raw[rest : block.end]
        if rest >= block.end or _DATELINE_TAIL.match(tail) or L.outlet_name(tail):
            c.drop(block, "dateline")  # "Posted on May 2, 2024 by Jane Roe", "..., 10:42 GMT", "date 2026-03-03 Valley News"
            return
        c.span(block.outer_start, block.start + len(m.group().rstrip()), "dateline")
        block.start = rest
        block.outer_start = rest
        block.set_text(c.raw[block.start : block.end])
        block.kind = "heading" if looks_like_heading(block.text) else block.kind
        return


_NAME_LINK = re.compile(r"^\[(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})\]\([^)\s]+\)$")


def _link_byline(c: Cleaning) -> None:
    """A newsletter post's author: a lone "[Jane Doe](link)" line right above
    the date line, before the first paragraph of prose."""
    blocks = c.blocks
    for i, block in enumerate(blocks[:8]):
        if block.kind == "paragraph" and block.words >= 12 and block.index not in c.dropped:
            return
        if block.index in c.dropped or i + 1 >= len(blocks) or not _NAME_LINK.match(block.text):
            continue
        nxt = blocks[i + 1]
        if any(r.reason == "dateline" and r.start <= nxt.start < r.end for r in c.removed):
            c.drop(block, "byline")
            return


def _above_body(c: Cleaning) -> list[Block]:
    """Kept blocks before the first paragraph of prose."""
    out = []
    for block in c.kept():
        if block.kind in ("paragraph", "quote") and block.words >= 12:
            break
        out.append(block)
    return out


def _top_navigation(c: Cleaning) -> None:
    """Site navigation scraped above the article: "Menu", "Search",
    "News | Sport | Weather"."""
    top = _above_body(c)
    for block in top:
        text = block.text.strip("*_ ")
        if block.words <= 3 and R.NAV_WORD.match(text) or block.words <= 15 and R.NAV_ROW.match(text) \
                or block.words <= 40 and L.nav_row(L.row_items(text)):
            c.drop(block, "navigation")
    # A run of three or more one- or two-word section names ("World",
    # "Business", "Tech") above the headline is the site's menu.
    run: list[Block] = []
    for block in top + [None]:  # type: ignore[list-item]
        if block is not None and block.index not in c.dropped and block.words <= 2 \
                and R.NAV_ITEM.match(block.text.strip("*_ ")):
            run.append(block)
            continue
        if len(run) >= 3:
            for item in run:
                c.drop(item, "navigation")
        run = []


def _name_role_byline(c: Cleaning) -> None:
    """A byline without "By": "Sarah Lindqvist" over "Business correspondent",
    or "Sarah Lindqvist, Business correspondent", above the body."""
    top = _above_body(c)
    for i, block in enumerate(top):
        text = block.text.strip("*_ ")
        if block.words <= 10 and R.NAME_AND_ROLE.match(text):
            c.drop(block, "byline")
            return
        if i + 1 < len(top) and R.PERSON_NAME.match(text) and top[i + 1].words <= 6 \
                and R.ROLE_LINE.match(top[i + 1].text.strip("*_ ")):
            c.drop(block, "byline")
            c.drop(top[i + 1], "byline")
            return
        below = c.blocks[block.index + 1] if block.index + 1 < len(c.blocks) else None
        if below is not None and block.words <= 6 and R.NAME_IN_PLACE.match(text) \
                and R.DATE_ALONE.match(below.text.strip("*_ ")):
            c.drop(block, "byline")  # "Emma Stroud in Carrow" over the date line
            return


def _press_boilerplate(c: Cleaning) -> None:
    """A press release's tail: "About Harlow Water" over "Harlow Water is a
    ..." (the issuer's standard description), and a "Media contact:" header
    with the name, e-mail and phone lines under it."""
    kept = c.kept()
    prose = [b for b in kept if b.kind == "paragraph" and b.words >= 12]
    if len(prose) < 2:
        return
    for i, block in enumerate(kept):
        if block.start < prose[1].start or block.index in c.dropped:
            continue  # below the article's opening, where a release's tail sits
        text = block.text.strip("*_# ")
        about = R.ABOUT_HEADER.match(text) if block.words <= 7 else None
        if about and i + 1 < len(kept) and _describes(about.group("name"), kept[i + 1], kept[i + 2 :]):
            c.drop(block, "company boilerplate")
            c.drop(kept[i + 1], "company boilerplate")
        elif block.words <= 3 and R.CONTACT_HEADER.match(text):
            c.drop(block, "contact line")
            for item in kept[i + 1 :]:
                if item.words > 8 or item.text.endswith((".", "!", "?")):
                    break
                c.drop(item, "contact line")


ABOUT_NAME_MIN_CHARS = 4  # a word of "About the Harlow Museum" that names it ("Harlow"; not "the", "Us")


def _describes(name: str, block: Block, after: list[Block]) -> bool:
    """The issuer's standard paragraph under "About X": it opens with X's
    name, or it is the page's last paragraph and names X by a proper word of
    it later on ("Founded in 1887 by the Harlow family, the museum ...")."""
    opening = block.text.removeprefix("The ")
    if opening.startswith(name) or _spelled_out(name, opening):
        return True
    if block.kind != "paragraph" or any(b.kind in ("paragraph", "quote") and b.words >= 12 for b in after):
        return False
    proper = [w for w in name.split() if w[:1].isupper() and len(w) >= ABOUT_NAME_MIN_CHARS]
    return any(re.search(rf"(?<=\s){re.escape(w)}\b", block.text) for w in proper)


def _spelled_out(acronym: str, text: str) -> bool:
    """Does the text open with the name an acronym stands for ("KRFA": "Kessland Rural Fire
    Authority is ...")?"""
    if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 2):
        return False
    initials = ""
    for word in text.split():
        if word.lower() in ("of", "the", "and", "for", "&"):
            continue
        if not word[:1].isupper():
            break
        initials += word[0]
        if len(initials) >= len(acronym):
            break
    return initials == acronym


def _author_bio(c: Cleaning, author: str | None) -> None:
    """An author box below the article: "Jane Doe is a reporter covering ...",
    "Jane Doe covers ...", where Jane Doe is the byline's name (or the front
    matter's author); or a one-sentence bio under the byline, above the body
    ("Jane Doe is an engineer and a former member of the X Council.")."""
    names = set(n.strip() for n in re.split(r"\s+(?:and|&)\s+|,\s*", author)) if author else set()
    for span in c.removed:
        if span.reason == "byline":
            text = span.text.strip("*_ ")
            m = (R.BYLINE.match(text) or _NAME_LINK.match(text) or R.NAME_AND_ROLE.match(text)
                 or R.NAME_IN_PLACE.match(text) or R.PERSON_NAME.match(text))
            if m:
                names.update(n.strip() for n in re.split(r"\s+(?:and|&)\s+", m.group("name")))
    if not names:
        return
    kept = c.kept()
    prose = [b for b in kept if b.kind == "paragraph" and b.words >= 12]
    if not prose:
        return
    for block in kept:
        if block.words > 80 or block.start <= prose[0].start and not _above_body_bio(block, prose):
            continue
        for name in names:
            if len(name.split()) >= 2 and block.text.startswith(name) and R.BIO_VERB.match(block.text[len(name):]):
                c.drop(block, "author bio")
                break


def _above_body_bio(block: Block, prose: list[Block]) -> bool:
    """One sentence, with at least two paragraphs of the article below it."""
    return R.SENTENCE_END.search(block.text) is None and sum(p.start > block.start for p in prose) >= 2


_DATELINE_TAIL = re.compile(r"^(?:by\s|[,|•·(/]|at\s|\d{1,2}[:.]\d{2}|updated\b|last updated\b)", re.I)


BIO_TAIL_BLOCKS = 3  # how near the end of the page an unnamed author's bio sits


def _tail_bio(c: Cleaning) -> None:
    """A journalist's bio among the last blocks of the page, whoever the
    byline names: "Jane Doe is the Courier's transport correspondent. She
    has written about energy since 2019.", "Jane Doe covers health for the Post."
    (A person the article is about is described earlier, and not as a
    reporter or editor.)"""
    kept = c.kept()
    prose = [b for b in kept if b.kind == "paragraph" and b.words >= 12]
    if len(prose) < 2:
        return
    for block in kept[-BIO_TAIL_BLOCKS:]:
        if block.start > prose[0].start and block.words <= 80 and R.BIO_LINE.match(block.text):
            c.drop(block, "author bio")


_LEGAL_FORWARD = re.compile(
    r"forward[- ]looking|risks and uncertainties|differ materially|undertakes? no (?:obligation|duty)|speak only as of", re.I)


def _forward_looking(c: Cleaning) -> None:
    """A news release's closing legal text: a "Forward-Looking Statements"
    heading (or a paragraph opening "This press release includes
    forward-looking statements") and the legal paragraphs under it."""
    kept = c.kept()
    for i, block in enumerate(kept):
        header = block.kind == "heading" and R.FORWARD_LOOKING_HEADER.match(block.text.strip("*_# "))
        if not header and not (block.kind == "paragraph" and R.FORWARD_LOOKING.match(block.text)):
            continue
        c.drop(block, "disclaimer")
        for nxt in kept[i + 1 :]:
            if nxt.kind == "heading" or not _LEGAL_FORWARD.search(nxt.text):
                break
            c.drop(nxt, "disclaimer")
        return


def _repeated_title(c: Cleaning, title: str | None) -> None:
    """Lines that repeat the title (sometimes with a suffix like " - Site coverage")."""
    kept = c.kept()
    if title is None:
        first = next((b for b in kept[:2] if b.kind == "heading" and b.words >= 3), None)
        if first is None:
            return
        title = first.text
        kept = [b for b in kept if b is not first]
    key = norm_text(title)
    if not key:
        return
    for block in kept[:6]:
        text = norm_text(block.text)
        if text == key or (text.startswith(key) and len(text.split()) - len(key.split()) <= 6
                           and block.kind == "heading"):
            c.drop(block, "repeated title")


def _repeated_description(c: Cleaning, description: str | None) -> None:
    if not description:
        return
    key = norm_text(description)
    for block in c.kept()[:4]:
        if norm_text(block.text) == key:
            c.drop(block, "repeated description")


def _repeated_paragraphs(c: Cleaning) -> dict[int, str]:
    """Scrapers paste whole articles twice: keep the first copy of each
    paragraph. Returns each block's normalised text, for _near_copies."""
    seen: set[str] = set()
    keys: dict[int, str] = {}
    for block in c.kept():
        key = keys[block.index] = norm_text(block.text)
        if len(key.split()) < 4:
            continue
        if key in seen:
            c.drop(block, "repeated paragraph")
        else:
            seen.add(key)
    return keys


def figures_differ(words: set[str], other: set[str]) -> bool:
    """Two near-identical texts that state different figures say different things:
    nothing may be dropped as a copy then (nothing is lost)."""
    return {w for w in words if any(ch.isdigit() for ch in w)} != {w for w in other if any(ch.isdigit() for ch in w)}


def _near_copies(c: Cleaning, keys: dict[int, str]) -> None:
    """A body pasted twice with small edits (a word added, quotes changed): a
    later paragraph that says almost word for word what an earlier one says
    is a copy. Word sets are compared first; the word-order check runs only on
    pairs that share nearly all their words."""
    kept = [b for b in c.kept() if b.kind in ("paragraph", "quote") and b.words >= 12]
    by_first_word: dict[str, list[tuple[list[str], set[str]]]] = {}  # copies usually keep their first word
    for block in kept:
        key = keys.get(block.index)
        words = (key if key is not None else norm_text(block.text)).split()
        if not words:
            continue
        earlier = by_first_word.setdefault(words[0], [])
        bag = set(words)
        n = len(words)
        for first_words, first_bag in earlier:
            m = len(first_words)
            if m > 1.2 * n or n > 1.2 * m or len(bag & first_bag) < 0.85 * max(len(bag), len(first_bag)):
                continue
            if figures_differ(bag, first_bag):
                continue  # "section 3 ... section 4": other figures are other information, not a copy
            if SequenceMatcher(None, first_words, words, autojunk=False).ratio() >= 0.9:
                c.drop(block, "repeated paragraph")
                break
        else:
            earlier.append((words, bag))


def _teasers(c: Cleaning) -> None:
    """A teaser at the top that repeats the article below: truncated ("...
    [...]"), or summary points glued into one long line with almost no full
    stops."""
    kept = c.kept()
    for block in kept[:3]:
        truncated = R.TRUNCATION.search(block.text) is not None
        glued = (block.words >= 25 and len(R.SENTENCE_END.findall(block.text)) <= 1
                 and not block.text.endswith((".", "!", "?", '"', "”", "’")))
        if block.words < 12 or not (truncated or glued):
            continue
        tokens = content_tokens(block.text)
        rest: set[str] = set()
        for other in kept:
            if other is not block:
                rest |= content_tokens(other.text)
        if tokens and len(tokens & rest) / len(tokens) >= (0.7 if truncated else 0.85):
            c.drop(block, "teaser repeating the article")


def _doubled_blocks(c: Cleaning) -> None:
    """A line pasted twice onto itself ("X. X."): the second copy goes."""
    for block in c.kept():
        text = block.text
        if len(text) < 40:
            continue
        for mid in (len(text) // 2, (len(text) + 1) // 2):
            first, second = text[:mid], text[mid:]
            if first.strip() == second.strip():
                cut = block.start + len(first.rstrip())
                c.span(block.start + mid + (len(second) - len(second.lstrip())), block.end, "repeated paragraph")
                block.end = cut
                block.outer_end = cut
                block.set_text(c.raw[block.start : block.end])
                break


_NAME_PHRASE = re.compile(r"(?<=\s)[A-Z][a-z]+(?: [A-Z][a-z]+)+")  # "Norhaven Water Services" inside a sentence
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _summary_bullets(c: Cleaning) -> None:
    """TL;DR / key-point bullets that say again what a body paragraph says."""
    kept = c.kept()
    prose = [b for b in kept if b.kind in ("paragraph", "quote") and b.words >= 12]
    if not prose:
        return
    first_prose = prose[0].index
    summary_zone = {b.index for b in kept if b.index < first_prose}
    for removed in c.removed:
        if removed.reason == "boilerplate header" and R.SUMMARY_HEADER.match(removed.text.strip("#*_ :")):
            after = [b for b in kept if b.start > removed.end]
            for b in after:
                if b.kind != "bullet":
                    break
                summary_zone.add(b.index)
    candidates = [
        b for b in kept
        if (b.kind == "bullet" and b.index in summary_zone) or (b.kind != "heading" and R.SUMMARY_PREFIX.match(b.text))
    ]
    if not candidates:
        return
    prose = [p for p in prose if p not in candidates]
    if not prose:
        return
    windows = [content_tokens(p.text) for p in prose]
    windows += [windows[i] | windows[i + 1] for i in range(len(windows) - 1)]
    body = " ".join(p.text for p in prose)
    body_numbers = set(_NUMBER.findall(body))
    for block in candidates:
        tokens = content_tokens(block.text)
        if len(tokens) < 4:
            continue
        if any(name not in body for name in _NAME_PHRASE.findall(block.text)) \
                or not set(_NUMBER.findall(block.text)) <= body_numbers:
            continue  # it names something, or gives a figure, that the body does not: new information
        best = max(len(tokens & w) / len(tokens) for w in windows)
        if best >= 0.6:
            c.drop(block, "summary bullet repeating the body" if block.kind == "bullet" else "summary repeating the body")
