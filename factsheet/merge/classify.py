"""Sentence-level judgements from text shape and general vocabulary: is it
page furniture, is it direct speech, is it opinion/analysis."""

from __future__ import annotations

import re

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
# kept for callers that want a regex
FURNITURE = re.compile("|".join(re.escape(p) for p in FURNITURE_PHRASES), re.IGNORECASE)


def furniture_phrase(text: str) -> bool:
    low = text.lower()
    return any(p in low for p in FURNITURE_PHRASES) or bool(_DOMAIN.search(low))


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


def has_verb(text: str) -> bool:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
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
    letters = len(_LETTER.findall(t))
    return letters < 0.6 * len(t)


def commentary_score(text: str) -> float:
    """> 0 leans opinion/analysis, computed on the words outside quotation marks."""
    out = outside_quotes(text)
    score = 0.0
    if "?" in out:
        score += 2
    if "!" in out:
        score += 1
    low = out.lower()
    words = set(_LOWER_WORD.findall(low))
    score += 1.0 * _subjective_count(low, words)
    if FIRST_PERSON.search(out):
        score += 1.5
    if "'" in low or "’" in low:
        score += 0.75 * min(2, len(_CONTRACTIONS.findall(low)))
    if not words.isdisjoint(SPECULATION_WORDS) or "appears to" in low:
        score += 1.0
    if ATTRIBUTED.search(out):
        score -= 2.0
    return score
