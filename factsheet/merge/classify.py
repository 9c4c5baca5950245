"""Sentence-level judgements from text shape and general vocabulary: is it
page furniture, is it direct speech, is it opinion/analysis."""

from __future__ import annotations

import re

from .text import CASE_FOLD_ODD, literal_trie

# Page furniture that survives cleaning: widgets, link lists, legal boilerplate.
# Literal phrases, checked on the lower-cased text (much faster than one big regex).
FURNITURE_PHRASES = (
    "click here", "subscribe", "sign up", "newsletter", "read more", "also read", "related stories",
    "related articles", "related posts", "related news", "related coverage", "you may also like", "share this",
    "share on", "follow us", "all rights reserved", "cookie", "disclaimer", "will not be published",
    "leave a reply", "leave a comment", "advertisement", "sponsored", "appeared first on", "min read",
    "terms of service", "terms of use", "privacy policy", "http://", "https://", "www.", ".com/", "/image", "©",
    "null", "log in", "login", "sign in", "download the app", "download our app", "recommended for you",
    "trending now", "for informational purposes", "does not constitute", "considered a recommendation",
    "reposted", "infringes", "for removal", "contact us", "contact service", "special offer",
    "professional coverage", "required fields", "live price", "price chart", "originally appeared",
    "distributed by", "this story was", "this article was",
)
_DOMAIN = re.compile(r"[a-z0-9]\.(?:com|net|org|io|co\.uk)\b")
_DOMAIN_ENDS = (".com", ".net", ".org", ".io", ".co.uk")  # one of these is in every _DOMAIN match
# kept for callers that want a regex
FURNITURE = re.compile("|".join(re.escape(p) for p in FURNITURE_PHRASES), re.IGNORECASE)


_FURNITURE_LOW = literal_trie(FURNITURE_PHRASES)  # searched in the lower-cased text


# Legal notices about reuse: "This material may not be published, broadcast, rewritten or
# redistributed", "No part of this report may be reproduced ...", "Copyright 2031 ...".
_REUSE_VERBS = r"(?:published|reproduced|broadcast|rewritten|redistributed|retransmitted|republished|copied|reprinted)"
_LEGAL_NOTICE = re.compile(
    rf"\bthis\s+(?:material|article|story|report|content|page|text|copy|item|dispatch|broadcast|video|photo|image)s?"
    rf"\s+(?:may|must|shall|can)\s*not\s+be\s+(?:[a-z]+,?\s+(?:or\s+)?){{0,6}}?{_REUSE_VERBS}\b"
    rf"|\bno part of this\b.{{0,80}}\b{_REUSE_VERBS}\b|\bcopyright\s+(?:\(c\)\s*)?\d{{4}}"
    r"|\bwithout (?:the )?(?:prior )?(?:express )?written (?:permission|consent)\b")
_LEGAL_WORDS = ("publish", "produc", "broadcast", "written", "distribut", "transmit", "copied", "reprint", "copyright")


# One of these is in the lower-cased text whenever a test of furniture_phrase can succeed.
_FURNITURE_HINT = literal_trie(FURNITURE_PHRASES + _LEGAL_WORDS + _DOMAIN_ENDS)


def furniture_phrase(text: str) -> bool:
    low = text.lower()
    if not _FURNITURE_HINT.search(low):
        return False  # most sentences: one scan instead of three
    if _FURNITURE_LOW.search(low):
        return True
    if any(w in low for w in _LEGAL_WORDS) and _LEGAL_NOTICE.search(low):
        return True
    return any(e in low for e in _DOMAIN_ENDS) and bool(_DOMAIN.search(low))


AUX = frozenset("""is are was were be been being am has have had having will would can could may might shall should
must do does did said told made took gave went came saw met won lost paid sold built began held left led
found kept put set cut hit ran got knew thought brought bought fell rose grew drew flew struck sent spent won't can't isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't 's 're 've 'll""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_LETTER = re.compile(r"[^\W\d_]")
_DETERMINERS = frozenset("the a an of and its their his her in for with to on at by from this that these those our".split())

QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"))
REPORTING = r"(?:said|says|told|added|explained|noted|stated|wrote|argued|warned|insisted|recalled|continued|asked)"

# General cues of opinion and analysis (outside quotation marks): single words
# (looked up in a set) and phrases (substring tests on the lower-cased text).
SUBJECTIVE_WORDS = frozenset("""basically essentially actually clearly obviously arguably frankly honestly surely certainly
perhaps probably presumably apparently seemingly undoubtedly interestingly importantly remarkably staggering stunning
astonishing incredible amazing shocking massive huge enormous smart brilliant savvy foolish risky bold crucial vital
significant significantly impressive dramatic terrible excellent inevitable inevitably scandal scandalous disgrace
disgraceful should must remarkable absolutely unbelievable extraordinary outrageous ridiculous absurd sadly
unfortunately fortunately hopefully thankfully shameful""".split())
SUBJECTIVE_PHRASES = ("game changer", "game-changer", "big deal", "the real story", "the thing about", "here's the thing",
                      "here’s the thing", "make no mistake", "in other words", "in conclusion", "it remains to be seen",
                      "time will tell", "the question is", "wonder whether", "wonder if", "wonder why", "wonder how",
                      "hard to see", "hard to say", "hard to imagine", "hard to believe", "hard not to", "we think",
                      "we believe", "i think", "i believe", "in my view", "in our view", "my take", "we're seeing",
                      "we’re seeing", "we are seeing", "ought to", "need to", "needs to")
SPECULATION_WORDS = frozenset("could might may would suggest suggests likely unlikely possibly potentially seem seems".split())
_LOWER_WORD = re.compile(r"[a-z]+")


def _subjective_count(low: str, words: set[str]) -> int:
    return len(words & SUBJECTIVE_WORDS) + sum(1 for p in SUBJECTIVE_PHRASES if p in low)


FIRST_PERSON = re.compile(r"\b((?-i:I|us)|I'm|I’m|we|we're|we’re|we've|we’ve|our|let's|let’s|you|you're|you’re)\b", re.IGNORECASE)
_CONTRACTIONS = re.compile(r"\b\w+['’](?:re|ve|ll|d)\b|\b(?:it|that|here|there|what)['’]s\b|\b\w+n['’]t\b")
ATTRIBUTED = re.compile(rf"\b{REPORTING}\b|\baccording to\b|\bsaid in a statement\b", re.IGNORECASE)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside quotation marks; an unclosed quote runs to
    the end of the sentence, a closing mark with no opening starts at the beginning."""
    if "“" not in text and '"' not in text and "‘" not in text and "”" not in text:
        return []  # most sentences: no quotation mark at all
    spans: list[tuple[int, int]] = []
    for open_, close in QUOTE_PAIRS:
        pos = 0
        for _ in range(50):
            i = text.find(open_, pos)
            if i < 0:
                break
            if open_ == "‘" or open_ == '"':
                # an apostrophe or inch mark is not a quote; require a word start after it
                if i + 1 < len(text) and not (text[i + 1].isalpha() or text[i + 1] in "$0123456789"):
                    pos = i + 1
                    continue
            j = text.find(close, i + 1)
            if open_ == "‘":
                while j >= 0 and j + 1 < len(text) and text[j + 1].isalpha():  # it’s, don’t
                    j = text.find(close, j + 1)
            if j < 0:
                spans.append((i + 1, len(text)))
                break
            spans.append((i + 1, j))
            pos = j + 1
    if not spans:
        j = text.find("”")
        if j > 0 and "“" not in text[:j]:
            spans.append((0, j))
    return sorted(s for s in spans if s[1] - s[0] > 0)


def outside_quotes(text: str) -> str:
    spans = quote_spans(text)
    if not spans:
        return text
    out, pos = [], 0
    for a, b in spans:
        out.append(text[pos:max(pos, a)])
        out.append(" … ")
        pos = max(pos, b)
    out.append(text[pos:])
    return "".join(out)


def is_quote(text: str, block: str) -> bool:
    if block == "quote":
        return True
    return any(len(text[a:b].split()) >= 4 for a, b in quote_spans(text))


_LOW_WORD = re.compile(r"[a-z][a-z']*")  # _WORD on text lower-cased with ’ as '
# The only characters whose lower case contains ASCII letters ("İ" -> "i̇", Kelvin sign -> "k"):
# with neither in the text, _LOW_WORD on the lower-cased text finds exactly the lower-cased _WORD words.
_ASCII_LOWERING = ("\u0130", "\u212a")


class _VerbClasses(dict):
    """word -> one letter: "V" a verb by itself (auxiliary, contraction, -ed), "S" a verb
    after a non-determiner (-s), "D" a determiner, "T" both ("this"), "-" none of these."""

    def __missing__(self, w: str) -> str:
        if w in AUX or w.endswith(("'s", "'re", "'ve", "'ll", "n't")) or (len(w) > 3 and w.endswith("ed")):
            c = "V"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            c = "T" if w in _DETERMINERS else "S"
        elif w in _DETERMINERS:
            c = "D"
        else:
            c = "-"
        if len(self) > 200_000:
            self.clear()  # bounded: a long-running server sees ever new words
        self[w] = c
        return c


_VERB_CLASS = _VerbClasses()
_S_AFTER_NON_DETERMINER = re.compile(r"[^DT][ST]")


def has_verb(text: str) -> bool:
    if _ASCII_LOWERING[0] in text or _ASCII_LOWERING[1] in text:
        return _has_verb_words([w.lower().replace("’", "'") for w in _WORD.findall(text)])
    classes = "".join(map(_VERB_CLASS.__getitem__, _LOW_WORD.findall(text.lower().replace("’", "'"))))
    # a -s word counts after any word that is not a determiner (never as the first word)
    return "V" in classes or bool(_S_AFTER_NON_DETERMINER.search(classes))


def _has_verb_words(words: list[str]) -> bool:
    prev = ""
    for w in words:
        if w in AUX or w.endswith(("'s", "'re", "'ve", "'ll", "n't")):
            return True
        if len(w) > 3 and w.endswith("ed"):
            return True
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and prev and prev not in _DETERMINERS:
            return True
        prev = w
    return False


def is_title_case(text: str) -> bool:
    if text.rstrip().endswith((".", "?", "!", '"', "”")):
        return False  # a sentence, whatever its capitals
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.7


def is_furniture(text: str, block: str) -> bool:
    if block == "heading":
        return True
    t = text.strip()
    if len(t.split()) < 5 or len(t) < 25:
        return True
    if furniture_phrase(t):
        return True
    if is_title_case(t):
        return True
    if not has_verb(t):
        return True
    return _letter_count(t) < 0.6 * len(t)


_NOT_ASCII_LETTER_BYTES = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def _letter_count(t: str) -> int:
    """len(_LETTER.findall(t)): ASCII letters counted in C, other letters by regex."""
    n = len(t.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTER_BYTES))
    return n if t.isascii() else n + len(_NON_ASCII_LETTER.findall(t))


_FIRST_PERSON_LOW = re.compile(r"\b(?:i['’]m|we|our|let['’]s|you)\b")  # FIRST_PERSON on lower-cased text...
_FIRST_PERSON_CASED = re.compile(r"\b(?:I|us)\b")  # ... and its case-sensitive words on the text itself
_FIRST_PERSON_WORDS = frozenset("i m we our let you us".split())  # one of these is a word of every match
ATTRIBUTED_LOW = re.compile(rf"\b{REPORTING}\b|\baccording to\b")  # ATTRIBUTED on lower-cased text
_ATTRIBUTED_WORDS = frozenset(re.findall(r"[a-z]+", REPORTING)) | {"according"}
_SUBJECTIVE_LOW = literal_trie(SUBJECTIVE_PHRASES)
# one of these is in every _CONTRACTIONS match (with ’ written as ')
_CONTRACTION_PARTS = ("'re", "'ve", "'ll", "'d", "n't", "it's", "that's", "here's", "what's")


# A wire dateline ("MERRICK FALLS, May 6 (Wire) — ...") is a place and a date, no opinion cue.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,4}(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"
                       r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\)\s*)?[-–—]+\s*")
# "May" the month, not the modal verb: capitalized inside the text, or before a day number.
_MONTH_MAY = re.compile(r"(?<=\S)(\s+)May\b|^May(?=\s+\d)")
# A reporting verb in the passive ("were told to leave", "will be asked to") attributes nothing.
_PASSIVE_BEFORE = frozenset("be been being is are was were am get gets got getting".split())


# A hedge word and nothing else ("the toll could rise"): factual reporting, below the weak-cue bar (1).
LONE_HEDGE = 0.75


# Intensifiers and hedges that news copy uses in plain reporting ("a massive explosion", "a
# significant rise", "workers must wear masks"): on their own, below the weak-cue bar too.
WEAK_SUBJECTIVE = frozenset("""staggering stunning astonishing incredible amazing shocking massive huge enormous
crucial vital significant significantly impressive dramatic remarkable extraordinary inevitable inevitably
importantly interestingly remarkably should must probably perhaps apparently presumably seemingly""".split())


def _subjective_weight(count: int, words: set[str]) -> float:
    if count == 1 and not words.isdisjoint(WEAK_SUBJECTIVE):
        return LONE_HEDGE
    return 1.0 * count


def strip_dateline(text: str) -> str:
    m = _DATELINE.match(text)
    return text[m.end():] if m and m.end() < len(text) else text


def _without_dates(out: str) -> str:
    out = strip_dateline(out)
    if "May" in out:
        out = _MONTH_MAY.sub(lambda m: (m.group(1) or "") + "Maymonth", out)
    return out


def _attributed(low: str) -> bool:
    for m in ATTRIBUTED_LOW.finditer(low):
        before = low[max(0, m.start() - 12):m.start()].split()
        if not before or before[-1] not in _PASSIVE_BEFORE:
            return True
    return False


def commentary_score(text: str) -> float:
    """> 0 leans opinion/analysis, computed on the words outside quotation marks."""
    out = _without_dates(outside_quotes(text))
    low = out.lower()
    words = set(_LOWER_WORD.findall(low))
    # The quick tests below read the lower-cased text; for the few characters that
    # lower-casing does not model (CASE_FOLD_ODD) the original regexes decide instead.
    exact = CASE_FOLD_ODD.search(out) is not None
    score = 0.0
    if "?" in out:
        score += 2
    if "!" in out:
        score += 1
    if exact:
        subjective = _subjective_count(low, words)
    else:
        # a regex match implies its words among `words`: cheap set tests first
        subjective = len(words & SUBJECTIVE_WORDS)
        if _SUBJECTIVE_LOW.search(low):
            subjective += sum(1 for p in SUBJECTIVE_PHRASES if p in low)
    score += _subjective_weight(subjective, words)
    if exact:
        first_person = FIRST_PERSON.search(out) is not None
    else:
        first_person = not words.isdisjoint(_FIRST_PERSON_WORDS) and bool(
            _FIRST_PERSON_LOW.search(low) or _FIRST_PERSON_CASED.search(out))
    if first_person:
        score += 1.5
    if ("'" in low or "’" in low) and (exact or any(p in low.replace("’", "'") for p in _CONTRACTION_PARTS)):
        score += 0.75 * min(2, len(_CONTRACTIONS.findall(low)))
    if not words.isdisjoint(SPECULATION_WORDS) or "appears to" in low:
        score += 1.0 if score > 0 else LONE_HEDGE
    attributed = ATTRIBUTED.search(out) if exact else not words.isdisjoint(_ATTRIBUTED_WORDS)
    if attributed and _attributed(low):
        score -= 2.0
    return score
