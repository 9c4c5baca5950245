"""The merge's per-sentence fast paths give exactly what the plain definitions give.

Each fast path (lower-cased text instead of IGNORECASE, pre-checks before regexes,
per-word tables, memos) is checked against the straightforward definition on
sentences written for it, including characters that case folding treats oddly.
"""

from __future__ import annotations

import dataclasses
import pickle
import re

from factsheet.merge import classify, features, numbers, text
from factsheet.merge.features import SentenceFeatures, _sentence_features
from factsheet.models import Sentence

SENTENCES = [
    "The harbor authority said the dredging contract was signed on Friday.",
    "this runs late", "This plans fail", "its gas grows", "Glass buses", "Walked home", "It's done", "we're here",
    "Click HERE to subscribe to our newsletter", "Visit www.example.org/news for more", "ſaid the mayor",
    "İstanbul officials SAID nothing", "The KELVIN ſcale", "I think we should act", "US officials met us.",
    "“We will rebuild,” she said.", "He said: \"It is over\"", "Copyright 2031 Example Media. All rights reserved.",
    "Between 10 and 20 workers were hurt", "from  $5 to $7 billion", "USD 5bn was pledged", "Rs. 40 crore",
    "ſix hundred jobs", "Twenty-two people died on May 3, 2031", "It fell 5–10% in Q3", "Phase 3 starts in 2027",
    "", " ", "A", "Ⅳ ² ½ ٣ Ⓐ", "don't've", "That's what's new, isn't it?",
]


def test_has_verb_matches_the_word_loop() -> None:
    for s in SENTENCES:
        plain = [w.lower().replace("’", "'") for w in classify._WORD.findall(s)]
        assert classify.has_verb(s) == classify._has_verb_words(plain), s


def test_letter_count_matches_the_regex() -> None:
    for s in SENTENCES + ["ÀÉÎõü 123 _x", "\u00a0é\u212a"]:
        assert classify._letter_count(s) == len(classify._LETTER.findall(s)), s


def test_furniture_phrase_matches_substring_tests() -> None:
    for s in SENTENCES:
        low = s.lower()
        plain = (any(p in low for p in classify.FURNITURE_PHRASES)
                 or (any(w in low for w in classify._LEGAL_WORDS) and bool(classify._LEGAL_NOTICE.search(low)))
                 or bool(classify._DOMAIN.search(low)))
        assert classify.furniture_phrase(s) == plain, s


def test_literal_trie_finds_exactly_the_phrases() -> None:
    phrases = ["sign up", "sign in", "sign", "log in", "login", "©"]
    rx = text.literal_trie(phrases)
    for s in ["please sign", "log-in", "LOGIN".lower(), "the © line", "si gn", "", "designate"]:
        assert bool(rx.search(s)) == any(p in s for p in phrases), s


def test_numbers_on_lower_cased_text_match_the_ignorecase_regex() -> None:
    for s in SENTENCES:
        fast = [m.span() for m in numbers._NUMBER_LOW.finditer(s.lower())]
        slow = [m.span() for m in numbers.NUMBER_RE.finditer(s)]
        if not text.CASE_FOLD_ODD.search(s):
            assert fast == slow, s


def test_claim_id_text_matches_the_substitution() -> None:
    for s in SENTENCES:
        t = s.lower().replace("’", "'").replace("“", '"').replace("”", '"')
        assert text.normalized_for_id(s) == " ".join(re.sub(r"[^\w%$.]+", " ", t).split()), s


def test_content_stems_gives_a_new_list_each_time() -> None:
    first = text.content_stems("Workers repaired the collapsed bridges")
    first.append("x")
    assert text.content_stems("Workers repaired the collapsed bridges") == first[:-1]


def test_sentence_features_fast_constructor_is_the_dataclass() -> None:
    s = Sentence("s1", "Ana said so.", 0, 12, 0)
    values = dict(record="r", index=0, sentence=s, stems=("say",), names=(), numbers=(), claimable=True,
                  quote=False, commentary=0.0, alias_pairs=())
    fast, plain = _sentence_features(**values), SentenceFeatures(**values)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert pickle.dumps(fast) == pickle.dumps(plain)
    try:
        fast.stems = ()
        raise AssertionError("not frozen")
    except dataclasses.FrozenInstanceError:
        pass
    try:
        _sentence_features(record="r", dates=())
        raise AssertionError("missing fields accepted")
    except TypeError:
        pass


def test_sentence_memo_gives_the_same_features_as_a_cold_extraction() -> None:
    from factsheet.models import Record

    sents = tuple(Sentence(f"s{i}", t, 0, len(t), i) for i, t in enumerate(SENTENCES))
    record = Record("r1", "r1.md", "h", None, None, "2031-05-06", None, None, (), None, {}, (), "", sents, ())
    features.clear_caches()
    cold = features.extract_record(record)
    warm = features.extract_record(record)  # every sentence from the memo
    assert cold == warm and repr(cold) == repr(warm)
