"""Per-record feature extraction: a pure function of one record, memoized by
(record.id, record.content_hash) so a re-merge after one edit reuses the rest."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple

from ..models import Citation, Record, Sentence
from .classify import commentary_score, is_furniture, is_quote, outside_quotes
from .names import NameMention, extract_names
from .numbers import NumberMention, extract_numbers
from .text import content_stems, literal_trie, normalized_for_id
from .timeline import dates_in
from .figures import measure_words
from .penalty import base_penalty

US_FORMS = re.compile(r"\b(?:U\.S\.A?\.?|USA|US|United States(?: of America)?|America)\b")


@dataclass(frozen=True)
class SentenceFeatures:
    record: str
    index: int  # position in record.sentences
    sentence: Sentence
    stems: tuple[str, ...]  # content stems of words that are not part of a name
    names: tuple[NameMention, ...]
    numbers: tuple[NumberMention, ...]
    claimable: bool
    quote: bool
    commentary: float
    alias_pairs: tuple[tuple[str, str], ...]  # (name key, name key) stated to be the same thing
    speakers: tuple[str, ...] = ()  # name keys used with a reporting verb ("Liu said", "said Liu")
    dates: tuple[str, ...] = ()  # explicit dates (timeline.dates_in, against the record's own date)
    measures: tuple[str, ...] = ()  # per number: the words around it (figures.measure_words)
    id_hash: str = ""  # short hash of the normalized text: the claim id if this is the canonical sentence
    base_penalty: float = 0.0  # canonical-text preference without the commentary flag (claims.canonical_penalty)
    citation: Citation | None = None  # this sentence cited, built once with the record's features
    topic_words: frozenset[str] = frozenset()  # stems and name words, for the off-topic filter
    number_texts: tuple[str, ...] = ()  # numbers as stated, years left out (Claim.numbers)
    has_figure: bool = False  # states a quantity with a unit (kind "figure")
    continues_quote: bool = False  # inside a quotation opened by an earlier sentence
    attribution: frozenset[str] = frozenset()  # stems written only in "X said" / "according to X"


@dataclass(frozen=True)
class RecordFeatures:
    record_id: str
    content_hash: str
    sentences: tuple[SentenceFeatures, ...]


_REPORTING = (r"(?:said|says|told|tells|added|adds|explained|noted|notes|stated|wrote|writes|argued|warned|revealed|"
              r"insisted|expects|believes|sees|pointed out|stressed|emphasi[sz]ed|acknowledged|admitted|claimed|"
              r"recalled|replied|asked|tweeted|posted|confirmed|announced|predicted|estimated|cautioned)")
# "Halvard Logistics, the train's operator, said ...", "X, which runs the line, said ...", "X,
# managing director of Y, said": the apposition (opening with a lower-case word) is skipped.
_APPOSITION = r"(?:,\s+(?:the|a|an|its|their|his|her|which|who|whose|[a-z][a-z\-]+)\b[^,\"“”]{0,70},)?"
_REPORTED_AFTER = re.compile(rf"{_APPOSITION}\s+(?:also\s+|previously\s+|later\s+)?{_REPORTING}\b")
_REPORTED_BEFORE = re.compile(rf"\b(?:said|says|according to)\s+$")
_ALIAS_AFTER = re.compile(
    r",?\s*(?:\(\s*)?(?:which is |who is )?(?:also |better |commonly |widely |formerly |officially |locally |popularly )?"
    r"(?:known as|called|dubbed|nicknamed|referred to as|or simply)\s+(?:the\s+)?$", re.IGNORECASE)
_ALIAS_OPEN = re.compile(r"^\s*(?:Also |Better |Commonly |Widely |Formerly )?(?:known as|called)\s+", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"\s*\(\s*")
_REPORTED_BEFORE_ENDS = ("said", "says", "according to")  # what text before _REPORTED_BEFORE's white space ends with


def _alias_pairs(text: str, names: tuple[NameMention, ...], prev_subject: str | None) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for i, n in enumerate(names):
        between_prev = text[names[i - 1].end:n.start] if i > 0 else ""
        nxt_char = text[n.end:n.end + 2]
        if nxt_char[:1] in ("'", "’"):
            continue  # "best known as the city's ferry operator": a description, not a name
        # "X, also known as Y" / "X (Y)" / "X (also known as Y)"
        if i > 0 and (_ALIAS_AFTER.fullmatch(between_prev) or _OPEN_PAREN.fullmatch(between_prev)):
            if _OPEN_PAREN.fullmatch(between_prev) and not text[n.end:].lstrip().startswith(")"):
                continue
            pairs.append((names[i - 1].key, n.key))
        # "Also known as Y, the Danish company ..." refers to the previous sentence's subject
        elif i == 0 and prev_subject and _ALIAS_OPEN.match(text[:n.start]) and text[n.end:n.end + 1] == ",":
            pairs.append((prev_subject, n.key))
    return [(a, b) for a, b in pairs if a != b]


# Attribution says who told the reporter, not what happened: "..., the regional fire service
# said.", "according to the fire service", "The fire service said (that) ...", "told reporters",
# "in a statement". Its words are left out of the similarity stems (names stay features).
_ATTRIBUTION_SPANS = re.compile(
    r",\s*(?:the\s+|a\s+|an\s+)?[^,;\"“”]{0,60}?\s(?:said|says|told\s+(?:reporters|journalists)|added|confirmed)"
    r"(?:\s+(?:on\s+\w+|in\s+a\s+statement|in\s+an\s+interview(?:\s+with\s+[^,.;]{1,40})?|late\s+\w+|earlier))?"
    r"\s*[.!]?\s*$"
    r"|,?\s*\baccording\s+to\s+(?:the\s+|a\s+)?[^,.;\"“”]{1,60}"
    r"|^[^,;\"“”]{0,60}?\b(?:said|says|told\s+(?:reporters|journalists))(?:\s+in\s+a\s+statement)?(?:\s+on\s+\w+day)?"
    r"(?:\s+that)?\s(?=[a-z\"“])"
    r"|\bin\s+a\s+statement\b|\btold\s+(?:reporters|journalists)\b",
    re.IGNORECASE)
_ATTRIBUTION_HINT = ("said", "says", "according", "told", "statement", "added", "confirmed")
_ATTRIBUTION_HINT_RE = literal_trie(_ATTRIBUTION_HINT)


def _without_attribution(text: str) -> str:
    low = text.lower()
    if not _ATTRIBUTION_HINT_RE.search(low):  # one scan for all the hint words
        return text
    return _ATTRIBUTION_SPANS.sub(lambda m: " " * len(m.group()), text)


def _reported_before(text: str, start: int) -> bool:
    """_REPORTED_BEFORE.search(text[:start]), with a cheap test first."""
    before = text[:start]
    tail = before.rstrip()
    return len(tail) < len(before) and tail.endswith(_REPORTED_BEFORE_ENDS) and bool(_REPORTED_BEFORE.search(before))


class _TopicWords(dict):
    """name key -> its topic words ("@" + key, "@w:" + each word); filled on first use."""

    def __missing__(self, key: str) -> tuple[str, ...]:
        words = ("@" + key, *("@w:" + w for w in key.split()))  # "Shares of Veridia" still names Veridia
        if len(self) > 100_000:
            self.clear()  # bounded
        self[key] = words
        return words


_TOPIC_WORDS = _TopicWords()


def _stems_outside_names(text: str, names: tuple[NameMention, ...]) -> tuple[str, ...]:
    pieces, pos = [], 0
    for n in names:
        pieces.append(text[pos:n.start])
        pieces.append(" ")
        pos = n.end
    pieces.append(text[pos:])
    return tuple(content_stems("".join(pieces)))


def _quote_open_after(text: str, is_open: bool) -> bool:
    """Whether a quotation is still open at the end of this sentence."""
    if "“" not in text and "”" not in text:
        return is_open ^ (text.count('"') % 2 == 1)
    for ch in text:
        if ch == "“":
            is_open = True
        elif ch == "”":
            is_open = False
        elif ch == '"':
            is_open = not is_open
    return is_open


_SF_FIELDS = tuple(f.name for f in dataclasses.fields(SentenceFeatures))
_SF_DEFAULTS = {f.name: f.default for f in dataclasses.fields(SentenceFeatures) if f.default is not dataclasses.MISSING}
_SF_REQUIRED = frozenset(_SF_FIELDS) - frozenset(_SF_DEFAULTS)
assert not any(f.default_factory is not dataclasses.MISSING for f in dataclasses.fields(SentenceFeatures))


def _sentence_features(**values) -> SentenceFeatures:
    """SentenceFeatures(**values), the same object, without the frozen dataclass's per-field
    object.__setattr__ (21 fields: about 4 us a sentence, here well under 1 us)."""
    state = dict.fromkeys(_SF_FIELDS)  # attributes in field order, as __init__ sets them
    state.update(_SF_DEFAULTS)
    state.update(values)
    if len(state) != len(_SF_FIELDS) or not values.keys() >= _SF_REQUIRED:
        return SentenceFeatures(**values)  # a missing or unknown field: let __init__ say which
    sf = object.__new__(SentenceFeatures)
    sf.__dict__.update(state)
    return sf


class _TextFeatures(NamedTuple):
    """What extract_record derives from a sentence's text and block (and the record's date) alone,
    shared by every sentence with the same (text, block, date): a wire story's sentences in each
    copy of it, and the unchanged sentences of an edited article in the dev server."""
    text: str  # US forms normalized: the name offsets refer to it
    names: tuple[NameMention, ...]
    numbers: tuple[NumberMention, ...]
    claimable: bool
    speakers: tuple[str, ...]
    stems: tuple[str, ...]
    attribution: frozenset[str]
    topic_words: frozenset[str]
    quote: bool  # is_quote, before the paragraph's open quotation is considered
    commentary: float  # commentary_score, idem
    extra: dict  # the fields only claimable sentences have, but for base_penalty and citation (per sentence)


_TEXT_FEATURES: dict[tuple[str, str, str | None], _TextFeatures] = {}
_TEXT_FEATURES_MAX = 65_536  # sentences; the table is emptied when full (bounded memory)


def _text_features(raw: str, block: str, date: str | None) -> _TextFeatures:
    key = (raw, block, date)
    hit = _TEXT_FEATURES.get(key)
    if hit is not None:
        return hit
    # every form of US_FORMS holds a "U" or is "America"
    text = US_FORMS.sub("USA", raw) if "U" in raw or "America" in raw else raw
    names = extract_names(text)
    nums = extract_numbers(raw)
    claimable = not is_furniture(raw, block)
    speakers = tuple(n.key for n in names if _REPORTED_AFTER.match(text, n.end) or _reported_before(text, n.start))
    if claimable:
        extra = dict(
            dates=tuple(dates_in(raw, date)),
            measures=tuple(measure_words(raw, n) for n in nums),
            id_hash=hashlib.sha1(normalized_for_id(raw).encode()).hexdigest()[:8],
            number_texts=tuple(dict.fromkeys(n.text for n in nums if not n.is_year)),
            has_figure=any(not n.is_year and n.unit for n in nums),
        )
    else:
        extra = {}
    stems = _stems_outside_names(text, names)
    bare = _without_attribution(text)  # same length: the name offsets still hold
    attribution = frozenset(stems) - frozenset(_stems_outside_names(bare, names)) if bare is not text else frozenset()
    topic = set(stems)
    for n in names:
        topic.update(_TOPIC_WORDS[n.key])
    feats = _TextFeatures(text, names, nums, claimable, speakers, stems, attribution, frozenset(topic),
                          is_quote(raw, block), commentary_score(raw), extra)
    if len(_TEXT_FEATURES) >= _TEXT_FEATURES_MAX:
        _TEXT_FEATURES.clear()
    _TEXT_FEATURES[key] = feats
    return feats


def clear_caches() -> None:
    """Forget every memo of the per-sentence work (sentences, phrases, words): for cold benchmarks."""
    from . import classify, names, numbers, text, timeline

    _TEXT_FEATURES.clear()
    _TOPIC_WORDS.clear()
    names._phrase_parts.cache_clear()
    names._MENTIONS.clear()
    numbers._parse_one.cache_clear()
    text._CONTENT_STEM.clear()
    text._STEMS_OF_TEXT.clear()
    text.stem.cache_clear()
    classify._VERB_CLASS.clear()
    timeline._article_date.cache_clear()


def extract_record(record: Record) -> RecordFeatures:
    out: list[SentenceFeatures] = []
    prev_subject: str | None = None
    open_quote = False
    paragraph = None
    for i, s in enumerate(record.sentences):
        if s.paragraph != paragraph:
            open_quote, paragraph = False, s.paragraph
        # a sentence inside a quotation opened by an earlier sentence of the paragraph
        # ('"Anything can happen ... So because of that ... same understanding."')
        continues_quote = open_quote
        open_quote = _quote_open_after(s.text, open_quote)
        tf = _text_features(s.text, s.block, record.date)
        names = tf.names
        pairs = _alias_pairs(tf.text, names, prev_subject) if names else ()
        claimable = tf.claimable and not s.truncated  # a cut-off last sentence is never a claim
        if claimable:
            extra = dict(tf.extra, base_penalty=base_penalty(s), citation=Citation(record.id, s.id, s.text, s.start, s.end))
        else:
            extra = tf.extra
        out.append(_sentence_features(
            record=record.id, index=i, sentence=s, stems=tf.stems, names=names, topic_words=tf.topic_words,
            numbers=tf.numbers, claimable=claimable, quote=continues_quote or tf.quote,
            commentary=0.0 if continues_quote else tf.commentary, continues_quote=continues_quote,
            alias_pairs=tuple(pairs), speakers=tf.speakers, attribution=tf.attribution, **extra,
        ))
        if names:
            prev_subject = names[0].key
    return RecordFeatures(record.id, record.content_hash, tuple(out))


class FeatureCache:
    """LRU of RecordFeatures keyed by (record id, content hash)."""

    def __init__(self, size: int = 4096) -> None:
        self._entries: OrderedDict[tuple[str, str], RecordFeatures] = OrderedDict()
        self._lock = threading.Lock()
        self.size = size
        self.hits = 0
        self.misses = 0

    def get(self, record: Record) -> RecordFeatures:
        key = (record.id, record.content_hash)
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return hit
        feats = extract_record(record)
        with self._lock:
            self.misses += 1
        self.put(feats)
        return feats

    def put(self, feats: RecordFeatures) -> None:
        """Remember one record's features, evicting the least recently used."""
        key = (feats.record_id, feats.content_hash)
        with self._lock:
            self._entries[key] = feats
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def reserve(self, records: int) -> None:
        """Grow the LRU so one corpus of this many records fits whole (else every
        re-merge of a large corpus would evict and extract everything again)."""
        with self._lock:
            self.size = max(self.size, records)


FEATURES = FeatureCache()
