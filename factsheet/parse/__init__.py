"""Parse stage: one file's bytes -> one normalized Record (or diagnostics).

A pure function of (relative path, bytes, limits), so it can run in any
executor and be cached by content hash. Steps: decode -> front matter ->
metadata -> blocks -> cleaning -> sentences -> inference -> Record.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..errors import ContentError
from ..models import Diagnostic, Record, RemovedSpan, Sentence
from . import rules as R
from .blocks import Block, split_blocks
from .clean import clean_blocks, figures_differ, norm_text
from .lines import SENTENCE_FURNITURE_HINT, SIGNUP_HINTS, furniture_sentence, legal_sentence, reporting_credit, signup_call
from .decode import decode_article
from .frontmatter import read_front_matter
from .infer import infer_missing, title_and_outlet, title_block
from .metadata import MetaTooLarge, read_metadata, slugify
from .segment import split_sentences
from .shape import data_shape, prose_sentences

__all__ = ["PARSE_VERSION", "ParseResult", "parse_article", "slug_for_path"]

PARSE_VERSION = 2  # part of the record cache's key (factsheet/cache.py): bump when the output changes

MIN_PROSE_SENTENCES = 2
MIN_PROSE_WORDS = 12


@dataclass(frozen=True)
class ParseResult:
    record: Record | None
    diagnostics: tuple[Diagnostic, ...] = ()


def slug_for_path(rel_path: str) -> str:
    stem = rel_path.rsplit("/", 1)[-1]
    if "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    return slugify(stem, limit=90) or "article"


def parse_article(rel_path: str, data: bytes, *, max_bytes: int) -> ParseResult:
    """Never raises for bad input: errors come back as diagnostics, record None."""
    try:
        return _parse(rel_path, data, max_bytes)
    except ContentError as exc:
        return ParseResult(None, (exc.diagnostic,))
    except (RecursionError, MetaTooLarge):
        return ParseResult(None, (Diagnostic(rel_path, "front matter is too large or too deeply nested; skipped"),))
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the whole build
        return ParseResult(None, (Diagnostic(
            rel_path, f"could not parse this file ({type(exc).__name__}: {exc}); skipped — please report this"),))


def _parse(rel_path: str, data: bytes, max_bytes: int) -> ParseResult:
    decoded = decode_article(rel_path, data, max_bytes)
    notes = list(decoded.diagnostics)
    if decoded.text is None:
        return ParseResult(None, tuple(notes))
    raw = decoded.text
    fm = read_front_matter(raw, rel_path)
    meta = read_metadata(fm.meta, rel_path, raw)
    notes.extend(meta.diagnostics)

    shape = data_shape(fm.body)
    if shape is not None:
        notes.append(Diagnostic(rel_path, f"not an article (looks like {shape}); skipped", "warning"))
        return ParseResult(None, tuple(notes))

    blocks, rule_spans = split_blocks(raw, fm.body_start)
    cleaning = clean_blocks(raw, blocks, rule_spans, title=meta.title, description=meta.description,
                            author=meta.author)
    kept = cleaning.kept()
    if meta.title is None:
        headline = title_block(kept)
        if headline is not None:
            headline.kind = "heading"  # a headline is not a claim
    sentences, kept_blocks, ad_spans = _sentences(raw, kept, cleaning.times, cleaning.speakers)
    removed = sorted(cleaning.removed + ad_spans, key=lambda s: (s.start, s.end))

    count, words = prose_sentences([(s.text, s.block) for s in sentences])
    if count < MIN_PROSE_SENTENCES or words < MIN_PROSE_WORDS:
        notes.append(Diagnostic(
            rel_path, f"not an article (only {count} sentence(s), {words} word(s) of prose after cleaning); skipped",
            "warning"))
        return ParseResult(None, tuple(notes))

    top_end = _top_end(kept)
    guess = infer_missing(kept, removed, top_end)
    inferred: list[str] = []

    def pick(name: str, given: str | None, guessed: str | None) -> str | None:
        if given is not None:
            return given
        if guessed is not None:
            inferred.append(name)
        return guessed

    title = pick("title", meta.title, guess.title)
    publisher = pick("publisher", meta.publisher, guess.publisher)
    title, outlet = title_and_outlet(title, publisher)
    if publisher is None and outlet is not None:
        publisher = outlet
        inferred.append("publisher")
    record = Record(
        id=meta.id or slug_for_path(rel_path),
        path=rel_path,
        content_hash=hashlib.sha256(data).hexdigest(),
        title=title,
        publisher=publisher,
        date=pick("date", meta.date, guess.date),
        url=pick("url", meta.url, guess.url),
        author=pick("author", meta.author, guess.author),
        tags=meta.tags,
        description=meta.description,
        meta=meta.meta,
        inferred=tuple(inferred),
        text="\n\n".join(" ".join(s.text for s in group) for group in kept_blocks),
        sentences=tuple(sentences),
        removed=tuple(removed),
        diagnostics=tuple(notes),
    )
    return ParseResult(record, tuple(notes))


def _top_end(kept: list[Block]) -> int:
    """End of the region where an article states its own date and byline:
    up to the start of the second prose paragraph."""
    prose = [b for b in kept if b.kind != "heading" and b.words >= 12]
    if len(prose) >= 2:
        return prose[1].start
    return prose[0].end if prose else (kept[-1].end if kept else 0)


def _sentences(raw: str, kept: list[Block], times: dict[int, str], speakers: dict[int, str],
               ) -> tuple[list[Sentence], list[list[Sentence]], list[RemovedSpan]]:
    """The kept blocks' sentences, each with its block's live-blog time and transcript speaker."""
    sentences: list[Sentence] = []
    groups: list[list[Sentence]] = []
    ads: list[RemovedSpan] = []
    seen = _SeenSentences()
    for block in kept:
        if block.kind == "heading":
            spans = [(block.start, block.end)]
        else:
            spans = split_sentences(raw, block.start, block.end)
        spans, dropped = _drop_advertorial(raw, spans)
        ads.extend(dropped)
        spans, dropped = _drop_notices(raw, spans)
        ads.extend(dropped)
        spans, dropped = _drop_furniture_sentences(raw, spans)
        ads.extend(dropped)
        spans, dropped = _drop_repeated_sentences(raw, spans, seen)
        ads.extend(dropped)
        if not spans:
            continue
        group: list[Sentence] = []
        for start, end in spans:
            sentence = Sentence(
                id=f"s{len(sentences) + 1}", text=raw[start:end], start=start, end=end,
                paragraph=len(groups), block=block.kind,  # type: ignore[arg-type]
                time=times.get(block.index), speaker=speakers.get(block.index),
            )
            sentences.append(sentence)
            group.append(sentence)
        groups.append(group)
    _mark_cut_off(sentences, groups)
    return sentences, groups, ads


# A sentence is complete when it ends with its end punctuation, perhaps inside
# closing quotation marks or brackets; an ellipsis at the end of a file is a cut.
_COMPLETE = re.compile(r"(?<!\.\.)[.!?][\"'”’»)\]]*$")


def _mark_cut_off(sentences: list[Sentence], groups: list[list[Sentence]]) -> None:
    """The file's last sentence, when the scrape cut it off (mid-word, or
    without its end punctuation): kept, but marked so it never becomes a claim."""
    if not sentences:
        return
    last = sentences[-1]
    if last.block not in ("paragraph", "quote") or _COMPLETE.search(last.text.rstrip("*_ ")):
        return
    marked = dataclasses.replace(last, truncated=True)
    sentences[-1] = marked
    groups[-1][-1] = marked


def _drop_advertorial(raw: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """Promotional sentences that plug a business (a domain name or a
    "speaking of which" turn, plus sales vocabulary), and a "For companies..."
    lead-in right before one."""
    keep: list[tuple[int, int]] = []
    dropped: list[RemovedSpan] = []
    for start, end in spans:
        text = raw[start:end]
        low = text.lower()
        promo = R.search_words(R.PROMO, low) is not None and (
            R.DOMAIN.search(low) is not None or R.PROMO_OPENER.match(text) is not None)
        if not promo:
            keep.append((start, end))
            continue
        if keep and R.PROMO_LEAD_IN.match(raw[keep[-1][0] : keep[-1][1]]):
            ls, le = keep.pop()
            dropped.append(RemovedSpan(ls, le, raw[ls:le], "advertorial"))
        dropped.append(RemovedSpan(start, end, text, "advertorial"))
    return keep, dropped


FURNITURE_SENTENCE_MAX_WORDS = 30
SIGNUP_LEAD_IN_MAX_WORDS = 4  # "Liked this story?" before "Subscribe to X"


def _drop_furniture_sentences(raw: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """Furniture sentences inside a paragraph: a phrase only furniture uses
    (rules.FURNITURE_PHRASES), a call to sign up for a publication, with a
    short question leading into it ("Liked this story? Subscribe to X - free,
    weekly."), or a sentence shaped like furniture (lines.furniture_sentence)."""
    if not spans:
        return spans, []
    block = raw[spans[0][0] : spans[-1][1]].lower()
    phrases = R.FURNITURE_PHRASE_HINT.search(block) is not None or any(hint in block for hint in SIGNUP_HINTS)
    shapes = SENTENCE_FURNITURE_HINT.search(block) is not None
    if not phrases and not shapes:
        return spans, []  # most paragraphs: one scan or two
    keep: list[tuple[int, int]] = []
    dropped: list[RemovedSpan] = []
    for start, end in spans:
        text = raw[start:end]
        if raw.count(" ", start, end) >= FURNITURE_SENTENCE_MAX_WORDS:
            keep.append((start, end))
            continue
        low = text.lower()
        reason = furniture_sentence(text, low) if shapes else None
        if phrases and R.FURNITURE_PHRASE_HINT.search(low) and R.FURNITURE_PHRASE.search(low):
            dropped.append(RemovedSpan(start, end, text, "furniture sentence"))
        elif reason is not None:
            dropped.append(RemovedSpan(start, end, text, reason))
        elif phrases and signup_call(text, low=low):
            if keep and raw[keep[-1][1] - 1] == "?" and raw.count(" ", *keep[-1]) < SIGNUP_LEAD_IN_MAX_WORDS:
                ls, le = keep.pop()
                dropped.append(RemovedSpan(ls, le, raw[ls:le], "newsletter plug"))
            dropped.append(RemovedSpan(start, end, text, "newsletter plug"))
        else:
            keep.append((start, end))
    return keep, dropped


# How the sentences _drop_notices looks at begin (a cheap test before the regexes).
_NOTICE_HEADS = (
    "©", "(", "copyright", "all rights", "this ", "no part", "unauthori", "reproduction", "redistribution",
    "republication", "originally", "republished", "reprinted", "reproduced",
)


def _drop_notices(raw: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """Notices glued to the end of a paragraph: "... appeal. (Reporting by A;
    Editing by B)", "... the ruling. Copyright 2027 X. All rights reserved.
    This material may not be ...". A copyright or legal sentence takes the
    rest of its paragraph with it when that rest is short, and the legal
    sentences just before it ("X content is protected by copyright. © 2027 X.")."""
    keep: list[tuple[int, int]] = []
    dropped: list[RemovedSpan] = []
    for start, end in spans:
        text = raw[start:end]
        if not text[:14].lower().startswith(_NOTICE_HEADS) and "©" not in text:
            keep.append((start, end))
            continue
        if R.COPYRIGHT_START.match(text) or R.COPYRIGHT_AFTER.match(text) or R.LEGAL_NOTICE.match(text.lower()):
            rest_end = spans[-1][1]
            lead = len(keep)
            while lead and legal_sentence(raw[keep[lead - 1][0] : keep[lead - 1][1]]):
                lead -= 1
            notice_start = keep[lead][0] if lead < len(keep) else start
            if raw.count(" ", notice_start, rest_end) <= 60:
                dropped.append(RemovedSpan(notice_start, rest_end, raw[notice_start:rest_end], "copyright notice"))
                return keep[:lead], dropped
        words = raw.count(" ", start, end) + 1
        if words <= 30 and R.SYNDICATION_NOTICE.match(text):
            dropped.append(RemovedSpan(start, end, text, "syndication notice"))
        elif words <= 30 and text.startswith("(") and (R.CREDITS.match(text) or reporting_credit(text)):
            dropped.append(RemovedSpan(start, end, text, "reporting credit"))
        else:
            keep.append((start, end))
    return keep, dropped


@dataclass
class _SeenSentences:
    exact: set[str] = field(default_factory=set)  # normalised text of every kept sentence
    # Long kept sentences (as word lists) filed by first word (near copies
    # usually keep it), so few pairs are ever compared.
    long_by_first_word: dict[str, list[list[str]]] = field(default_factory=dict)

    def add(self, key: str, words: list[str]) -> None:
        self.exact.add(key)
        if len(words) >= 12:
            self.long_by_first_word.setdefault(words[0], []).append(words)

    def near_copy(self, words: list[str]) -> bool:
        """A word added or changed: 85% shared words, 90% the same in order."""
        n = len(words)
        if n < 12:
            return False
        bag: set[str] | None = None
        for first_words in self.long_by_first_word.get(words[0], ()):
            m = len(first_words)
            if m > 1.2 * n or n > 1.2 * m:
                continue
            if bag is None:
                bag = set(words)
            first_bag = set(first_words)
            if len(bag & first_bag) < 0.85 * max(len(bag), len(first_bag)):
                continue
            if figures_differ(bag, first_bag):
                continue
            if SequenceMatcher(None, first_words, words, autojunk=False).ratio() >= 0.9:
                return True
        return False


def _drop_repeated_sentences(
    raw: str, spans: list[tuple[int, int]], seen: _SeenSentences
) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """A sentence said again later in the same file (a pasted lead, a
    standfirst repeated in the body, a body pasted twice and reflowed): keep
    the first. Word for word, or for sentences of 12+ words a near copy."""
    keep: list[tuple[int, int]] = []
    dropped: list[RemovedSpan] = []
    for start, end in spans:
        if raw.count(" ", start, end) < 7:  # short sentences repeat legitimately ("He declined.")
            keep.append((start, end))
            continue
        key = norm_text(raw[start:end])
        words = key.split()
        if key in seen.exact or seen.near_copy(words):
            dropped.append(RemovedSpan(start, end, raw[start:end], "repeated sentence"))
        else:
            seen.add(key, words)
            keep.append((start, end))
    return keep, dropped
