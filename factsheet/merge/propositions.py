"""Split a sentence into the propositions it states.

    "A crew member was killed and 14 people were taken to hospital after fire broke out
     aboard a ferry on Tuesday, forcing more than 330 people to abandon the vessel, the
     coastguard said."
    -> "A crew member was killed"                      (main clause)
       "14 people were taken to hospital"              (coordinated clause)
       "fire broke out aboard a ferry on Tuesday"      (subordinate clause: after ...)
       "forcing more than 330 people to abandon ..."   (participle clause)
       ", the coastguard said"                         (attribution: no proposition)

Rules go by the shape of English sentences, never by their words' topic:
* splits happen only at the top level (never inside quotation marks or parentheses);
* coordinated clauses and verb phrases ("..., and 14 people were", "... and demanded"),
  subordinate clauses ("after", "before", "while", "as", "because", "when", "until"),
  participle clauses after a comma ("..., forcing", "..., leaving", "using ..."),
  non-restrictive relative clauses (", which ...", ", who ..."), and appositions that add a
  fact (", a 27% premium to ...");
* a piece without a verb is never a proposition of its own (so lists such as "X, Y and Z"
  and names such as "Maritime and Allied Workers' Union" are never split);
* an attribution (", police said", "according to X") is kept apart: it says who told the
  reporter, not what happened.

A proposition borrows the subject it needs ("... and demanded $4.5 million" -> its subject
is the main clause's), so that it can be compared and, where it reads on its own, shown.
"""

from __future__ import annotations

import dataclasses

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import params as P
from .lexicon import HEDGES, POSSESSIVES, PRONOUNS, Lexicon, fold

# "U.S.", "U.K.", "a.m.": one word, not letters and full stops
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W\d_])|[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.:]*\d%?|\d%?|[^\w\s]",
                    re.UNICODE)

AUXILIARIES = frozenset("""is are was were be been being am has have had having will would can could may might must
shall should do does did isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't doesn't
didn't shouldn't mustn't 's""".split())
COORDINATORS = frozenset("and but while whereas although though yet so".split())
SUBORDINATORS = frozenset("after before while when as because since until till once whereas although though".split())
RELATIVES = frozenset("which who whose where".split())
PARTICIPLE_OPENERS = frozenset("forcing leaving bringing sending causing prompting killing injuring raising making "
                               "giving saying adding citing using taking pushing putting sparking triggering "
                               "ending marking becoming representing creating handing joining allowing".split())
DETERMINERS = frozenset("a an the this that these those its their his her our my your some any each every no".split())
PREPOSITIONS = frozenset("of in on at to from by with for about into onto over under after before during since "
                         "until near off across through between among against toward towards via per aboard inside "
                         "outside beyond behind beside above below within without like including despite".split())
ATTRIBUTION_VERBS = frozenset("say tell add confirm state note report announce claim explain write warn insist "
                              "argue acknowledge admit reply estimate".split())
OPEN_QUOTES = {"“": "”", '"': '"', "‘": "’", "(": ")", "[": "]"}


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str  # folded
    depth: int  # > 0 inside quotation marks or parentheses


@dataclass(frozen=True)
class PropositionSpan:
    pieces: tuple[tuple[int, int], ...]  # token index ranges [a, b) of this proposition's own words
    subject: tuple[int, int] | None  # token range of a subject borrowed from elsewhere in the sentence
    role: str  # main coordinate subordinate participle relative apposition
    joiner: str = ""  # "is" for an apposition: how the borrowed subject joins the piece
    skip: tuple[int, int] | None = None  # a leading attribution ("Police said") inside the pieces
    lead_in: tuple[int, int] | None = None  # host words read between the subject and the pieces, not compared
    # ("Foxconn" + "has been expanding production to" + "reduce tariff risks")
    subject_read_only: bool = False  # the subject is read with the pieces but not compared


def tokenize(text: str, fold=fold) -> list[Tok]:
    """Words, numbers and punctuation, each with its depth inside quotation marks or parentheses."""
    toks: list[Tok] = []
    stack: list[str] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t == '"' and stack and stack[-1] == '"':
            stack.pop()
            toks.append(Tok(t, m.start(), m.end(), t, len(stack)))
        elif t in OPEN_QUOTES:
            toks.append(Tok(t, m.start(), m.end(), t, len(stack)))
            stack.append(OPEN_QUOTES[t])
        elif stack and t == stack[-1]:
            stack.pop()
            toks.append(Tok(t, m.start(), m.end(), t, len(stack)))
        else:
            toks.append(Tok(t, m.start(), m.end(), fold(t), len(stack)))
    return toks


_CURRENCY = frozenset("$€£¥")


class _Verbs:
    """Which tokens can be verbs, from lemminflect's tables through the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._toks: list[Tok] | None = None
        self._finite: list[bool | None] = []

    def finite(self, toks: list[Tok], i: int) -> bool:
        """Can toks[i] be a finite verb here? (Remembered for the sentence being read.)"""
        if toks is not self._toks:
            self._toks = toks
            self._finite = [None] * len(toks)
        hit = self._finite[i]
        if hit is None:
            hit = self._finite[i] = self._is_finite(toks, i)
        return hit

    def _is_finite(self, toks: list[Tok], i: int) -> bool:
        t = toks[i]
        w = t.low
        if not w[:1].isalpha():
            return False
        if w == "am" and i > 0 and toks[i - 1].low[:1].isdigit():
            return False  # "10.20am": a time, not "I am"
        if w in AUXILIARIES or w.endswith("n't"):
            return True
        info = self.lex.word(w)
        if not info.verb:
            return False
        if t.text[:1].isupper() and i > 0:
            return False  # a name
        if i > 0 and toks[i - 1].low in ("-", "–") and toks[i - 1].end == t.start:
            return False  # "Taiwan-based", "state-owned": part of a compound
        prev = toks[i - 1].low if i > 0 else ""
        if prev in ("that", "this") and (i == 1 or not toks[i - 2].low[:1].isalnum()):
            return True  # "That put the leaders on course ...": a demonstrative subject
        if prev in DETERMINERS or prev in ("to",) or (prev in PREPOSITIONS and prev not in ("that", "as")):
            return False  # "the building", "to pay", "on plans to invest"
        if prev.endswith("ly") and i > 1 and toks[i - 2].low in DETERMINERS:
            return False  # "a fully committed facility", "the newly built terminal"
        if prev.endswith("'s") and i + 1 < len(toks) and toks[i + 1].low[:1].isalpha() and \
                self.lex.word(toks[i + 1].low).noun and not toks[i + 1].low in PREPOSITIONS:
            return False  # "Corvane's agreed takeover" (but "Corvane's fell 3.2%")
        if prev in RELATIVES | {"that"} and not w.endswith("ing"):
            return True  # "which makes", "who died"
        if w.endswith("ed") and len(w) > 4:
            return True
        if w.endswith("ing"):
            return False  # a participle, not a finite verb ("forcing", "the building")
        if info.key != w and not w.endswith("s"):
            return True  # an irregular past form: fled, broke, took, won, said
        if w.endswith("s") and info.key != w:
            # "employs", "plans", "hands": a verb unless it is better read as a plural noun
            if not info.noun:
                return True
            nxt = toks[i + 1].low if i + 1 < len(toks) else ""
            if prev in ("he", "she", "it"):
                return True  # "It urges people", "She says"
            if nxt == "that" and info.key not in _TAKES_THAT_CLAUSE:
                return False  # "the mud-brick houses that most people live in" (but "the report says that")
            prev_noun = prev[:1].isalpha() and not prev.endswith("s") and self.lex.word(prev).noun and not (
                i > 0 and toks[i - 1].text[:1].isupper())
            if prev_noun and nxt and (nxt in PREPOSITIONS or nxt in DETERMINERS or nxt[:1].isdigit() or nxt in _CURRENCY):
                return True  # "the tunnel closes for 18 months": a verb after a singular noun
            named_subject = i > 0 and (toks[i - 1].text[:1].isupper() or prev in PRONOUNS)
            return bool(nxt) and (nxt in DETERMINERS or nxt[:1].isdigit() or nxt in ("about", "around", "up", "to")
                                  or (i + 1 < len(toks) and toks[i + 1].text[:1].isupper())
                                  or (named_subject and nxt in PREPOSITIONS))  # "Tarus attacks on the bridge"
        # a base form after a pronoun, a plural subject or a name: "they say", "staff work at",
        # "investors expect a", "Tarus of Kenya set a new record" (set, cut, hit: past and base alike)
        prev_info = self.lex.word(prev) if prev[:1].isalpha() else None
        after_subject = prev in PRONOUNS | {"they", "we", "i", "you"} or bool(
            prev_info and prev_info.noun and prev.endswith(("s", "f"))) or prev in (
            "people", "police", "staff") or (i > 1 and toks[i - 1].text[:1].isupper())
        if not info.noun:
            return after_subject or prev[:1].isdigit()  # "1,400 work at": after a number only a verb-only word
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        return after_subject and (nxt in PREPOSITIONS or nxt in DETERMINERS or nxt[:1].isdigit() or nxt in _CURRENCY)

    def could_be_finite(self, toks: list[Tok], i: int) -> bool:
        """Looser than `finite`, for a sentence with no surer verb: a word that can be a verb,
        right after what can be its subject (a noun, a name, a number, a pronoun), whatever
        follows it ("A fire on Tuesday cut electricity to ...", "about 1,400 work at the
        plant", "Federal rules give providers 60 days", "Kovač beat Mayor Fenn")."""
        t = toks[i]
        if i == 0 or not t.low[:1].isalpha() or t.text[:1].isupper() or t.low.endswith("ing"):
            return False
        if not self.lex.word(t.low).verb or self.lex.is_rare(t.low, P.NAME_MAX_ZIPF):
            return False
        prev = toks[i - 1]
        if prev.low in DETERMINERS or prev.low in PREPOSITIONS or prev.low == "to":
            return False
        if prev.low[:1].isdigit() or prev.low in PRONOUNS or prev.text[:1].isupper():
            return True  # a number, a pronoun, a name
        return prev.low[:1].isalpha() and self.lex.word(prev.low).noun

    def mostly_english(self, toks: list[Tok]) -> bool:
        """Are most of the lower-case words words of English (not a line of codes or
        gibberish, "kalomi pet danbri sulven")?"""
        words = [t.low for t in toks if t.low[:1].isalpha() and not t.text[:1].isupper()]
        known = sum(1 for w in words if not self.lex.is_rare(w, P.NAME_MAX_ZIPF))
        return known * 2 > len(words)

    def any_finite(self, toks: list[Tok], a: int, b: int) -> bool:
        return any(self.finite(toks, i) for i in range(a, b) if toks[i].depth == 0) or any(
            self.finite(toks, i) for i in range(a, b))

    def participle(self, tok: Tok) -> bool:
        w = tok.low
        return w.endswith("ing") and len(w) > 4 and (w in PARTICIPLE_OPENERS or self.lex.word(w).verb)


# verbs whose -s form is followed by a that-clause ("the report says that", "it shows that");
# any other -s word before "that" is a plural noun with a relative clause
_TAKES_THAT_CLAUSE = frozenset("say tell add confirm state note report announce explain write insist acknowledge admit "
                               "reply argue warn show suggest mean believe think expect fear hope claim know feel find "
                               "agree estimate allege deny predict indicate reveal stress ensure require "
                               "demand recommend assume conclude".split())
_ATTRIBUTION_KEYS = frozenset("say tell add confirm state note report announce according explain write insist "
                              "acknowledge admit reply argue warn".split())
_LIST_OPENERS = frozenset("including among plus such".split())
# reporting verbs that also take what is reported as their object ("confirmed the deal",
# "announced a recall of 14 batches"); "said", "told reporters" and "added" do not
_ATTRIBUTION_TAKING_OBJECTS = frozenset("confirm report announce acknowledge admit state note".split())


def _object_follows(toks: list[Tok], i: int, b: int) -> bool:
    """Does a noun phrase follow the verb at toks[i] before the piece ends ("reported a
    loss", "confirmed 14 deaths"), rather than nothing or a prepositional phrase ("said
    in a statement", "confirmed on Monday")?"""
    j = i + 1
    if j >= b or not toks[j].low[:1].isalnum() or toks[j].low in PREPOSITIONS or toks[j].depth:
        return False
    return toks[j].low not in _NOT_AN_OBJECT and toks[j].low not in _WEEKDAYS  # "announced Monday"


_NOT_AN_OBJECT = frozenset("that it this so yesterday today tonight earlier later last late overnight".split())


def _is_attribution(toks: list[Tok], a: int, b: int, lex: Lexicon, verbs: "_Verbs") -> bool:
    """A short piece that only says who said it: ", police said", "according to X",
    ", the companies said in a joint statement", ", said Tarus", "X told reporters".
    Not "said it would not pay": a reported clause after the verb is content."""
    words = [i for i in range(a, b) if toks[i].low[:1].isalnum() and toks[i].depth == 0]
    if not words or len(words) > P.ATTRIBUTION_MAX_WORDS:
        return False
    if toks[words[0]].low == "according" and len(words) > 1 and toks[words[1]].low == "to":
        return True
    for k, i in enumerate(words):
        key = lex.word(toks[i].low).key
        if key in _ATTRIBUTION_KEYS and verbs.finite(toks, i):
            if i + 1 < b and toks[i + 1].low == "to":
                return False  # "drivers were told to use the coast road": an instruction, not a source
            if _passive(toks, a, i):
                return False  # "nine deaths are now confirmed": what was confirmed is the content
            if i + 1 < b and toks[i + 1].low in ("of", "about"):
                return False  # "..., she said of the delays at the quay": what it was said of is content
            if key in _ATTRIBUTION_TAKING_OBJECTS and _object_follows(toks, i, b):
                return False  # "the company reported a loss of $4 million": what was reported is content
            if key == "say" and _object_follows(toks, i, b) \
                    and toks[i + 1].low not in DETERMINERS and not toks[i + 1].text[:1].isupper():
                return False  # "has said sorry", "said yes": what was said is content (not "said a spokesman")
            return not any(verbs.finite(toks, j) or verbs.participle(toks[j]) for j in words[k + 1:])
    return False


_BE = frozenset("is are was were be been being 's".split())
_ADVERBS_IN_VERB_GROUP = frozenset("now also not still already officially formally first since then".split())


def _passive(toks: list[Tok], a: int, i: int) -> bool:
    """Is toks[i] a past participle after a form of "be" ("are now confirmed")?"""
    j = i - 1
    while j >= a and (toks[j].low in _ADVERBS_IN_VERB_GROUP or toks[j].low.endswith("ly")):
        j -= 1
    return j >= a and toks[j].low in _BE


def _name_before(toks: list[Tok], end: int, lo: int) -> tuple[int, int] | None:
    """A name that ends just before toks[end], with a possessive owner before it ("Ethiopia's
    Mekonnen Asrat"; "the University of Orvik"), or None when the word there is no name."""
    def capital(k: int) -> bool:
        t = toks[k]
        return t.depth == 0 and t.text[:1].isupper() and (k > 0 or t.low not in DETERMINERS | PREPOSITIONS | PRONOUNS)

    j = end - 1
    if j < lo or j == 0 or not capital(j):
        return None
    while j - 1 >= lo and (capital(j - 1) or (toks[j - 1].low in ("of", "de", "'s", "’s") and j - 2 >= lo
                                               and capital(j - 2))):
        j -= 1
    if j - 1 >= lo and toks[j - 1].low == "of" and not any(t.low[:1].isdigit() for t in toks[max(lo, j - 4):j - 1]):
        return None  # "the finance director of Wenlow Trust, who": the director (but "47 seconds clear of X, who": X)
    # a title or kind before it, back to its determiner: "the trawler Morning Rose", "compatriot Peter Maiyo"
    k = j
    while k - 1 >= lo and k > j - 3 and toks[k - 1].depth == 0 and toks[k - 1].low[:1].isalpha() \
            and toks[k - 1].low not in PREPOSITIONS and toks[k - 1].low not in AUXILIARIES \
            and toks[k - 1].low not in ("and", "or", "but", "who", "which", "that"):
        k -= 1
        if toks[k].low in DETERMINERS:
            return (k, end)
    return (j, end)


def _np_before(toks: list[Tok], end: int, lo: int, verbs: "_Verbs") -> tuple[int, int] | None:
    """The noun phrase that ends just before toks[end] (the antecedent of ', which'); a
    name there is the whole of it ("finished 47 seconds clear of Ethiopia's Mekonnen
    Asrat, who clocked 2:03:58": Asrat clocked it). An adverbial idiom after it is passed
    over ("about 1.03 million bottles in total, which ...": the bottles)."""
    if end - 2 >= lo and (toks[end - 2].low, toks[end - 1].low) in _ADVERBIAL_IDIOMS:
        end -= 2
    name = _name_before(toks, end, lo)
    if name is not None:
        p = name[0] - 1
        if p > lo and toks[p].low in PLACE_PREPOSITIONS and toks[p - 1].low[:1].isalpha() \
                and toks[p - 1].low not in DETERMINERS and not verbs.finite(toks, p - 1):
            # "a third factory in Kessock that would create 450 jobs", "a man in Dunmore who had
            # fled": the thing in the place, not the place
            held = _plain_np_before(toks, p, lo, verbs)
            if held is not None:
                return (held[0], end)
        return name
    return _plain_np_before(toks, end, lo, verbs)


# prepositions before a name that is a place ("a plant in Hollis", "a man from Dunmore")
PLACE_PREPOSITIONS = frozenset("in at near from outside inside".split())


def _plain_np_before(toks: list[Tok], end: int, lo: int, verbs: "_Verbs") -> tuple[int, int] | None:
    """The tokens of a noun phrase that ends just before toks[end], back to a clause mark, an
    auxiliary, a verb, a preposition other than "of" or a weekday."""
    j = end - 1
    a = end
    n = 0
    while j >= lo and n < 7:
        t = toks[j]
        if t.depth > 0 or t.low in (",", ";", ":", "—", "–") or t.low in AUXILIARIES or (
                verbs.finite(toks, j) and not verbs.lex.word(t.low).noun):
            break  # "won six of the 11 seats, which": the seats, not "won six ..." (but "bottles" may be a noun)
        if (t.low in PREPOSITIONS and t.low != "of" and not _hedges_a_number(toks, j)) \
                or t.low in _WEEKDAYS:
            break  # "arrested on Friday a man who had fled": the man, not "Friday a man"
        if j < end - 1 and t.low.endswith("ing") and len(t.low) > 4 and t.low not in ("during",):
            break  # "redialling numbers that do not connect": the numbers
        a = j
        if t.low in DETERMINERS and t.low not in PRONOUNS and not (j - 1 >= lo and toks[j - 1].low == "of"):
            break  # a noun phrase opens with its determiner ("plans a third factory": "a third factory";
            # but "six of the 11 seats" goes on)
        j -= 1
        n += 1
    while a < end and toks[a].low in ("of",):
        a += 1
    return (a, end) if a < end else None


def _hedges_a_number(toks: list[Tok], j: int) -> bool:
    """Is toks[j] a hedge on the number after it ("about 1.03 million", "up to 600"), not a
    preposition ("rose to 14")?"""
    t = toks[j].low
    if t not in HEDGES or j + 1 >= len(toks) or not toks[j + 1].low[:1].isdigit():
        return False
    return t not in ("to", "than") or (j > 0 and toks[j - 1].low in ("up", "more", "less", "fewer"))


# two-word adverbials that can close a noun phrase's clause ("1.03 million bottles in total")
_ADVERBIAL_IDIOMS = frozenset(tuple(p.split()) for p in (
    "in total", "in all", "in cash", "in full", "so far", "at least", "at most", "in advance", "in public",
    "in person", "in particular", "in general", "last year", "this year", "last week", "this week"))


def _value_before(toks: list[Tok], end: int, lo: int) -> tuple[int, int] | None:
    """The stated value an apposition describes: "pays $38.50 a share in cash, a 27% premium"
    -> "$38.50 a share". The tokens from the last number-like token before `end` (with a
    currency sign before it) to the end of its unit, within the host piece."""
    for j in range(end - 1, max(lo - 1, end - 8), -1):
        if toks[j].low[:1].isdigit():
            a = j - 1 if j > lo and toks[j - 1].low in ("$", "€", "£", "¥") else j
            b = j + 1
            while b < end and b < j + 4 and toks[b].low not in (",", "in", "for", "to", "from", "on", "–", "—", ";"):
                b += 1
            return (a, b)
    return None


def _subject(toks: list[Tok], a: int, b: int, verbs: "_Verbs") -> tuple[int, int] | None:
    """Tokens from the clause start to its first finite verb, without a parenthetical
    between commas ("Corvane's takeover of Tarnwell, at $38.50 a share," -> "Corvane's
    takeover of Tarnwell")."""
    for i in range(a, b):
        if toks[i].depth == 0 and verbs.finite(toks, i):
            if i == a:
                return None
            commas = [j for j in range(a + 1, i) if toks[j].depth == 0 and toks[j].low in (",", "–", "—", "(")]
            if not commas:
                return (a, i)
            if toks[a].low in PREPOSITIONS or toks[a].low in SUBORDINATORS:
                return (commas[-1] + 1, i) if commas[-1] + 1 < i else None  # "At a news conference, Thale said"
            return (a, commas[0])  # "Corvane's takeover, at $38.50 a share, pays"
    return None


_SEQUENCE_ADVERBS = frozenset("then later also soon eventually finally afterwards subsequently still".split())


def _opens_with_verb(toks: list[Tok], i: int, verbs: "_Verbs") -> bool:
    """Does the piece start with a verb (a coordinated verb phrase: "and develop racks",
    "and was charged")? Not a name, a determiner or a word that is only a noun."""
    while i + 1 < len(toks) and (toks[i].low in _SEQUENCE_ADVERBS or (
            toks[i].low.endswith("ly") and len(toks[i].low) > 4 and not verbs.lex.word(toks[i].low).noun)):
        i += 1  # "and then fled", "and quickly spread": the verb after the adverb
    if i >= len(toks) or toks[i].depth or toks[i].text[:1].isupper():
        return False
    w = toks[i].low
    if w in AUXILIARIES:
        return True
    info = verbs.lex.word(w)
    if not info.verb or w in DETERMINERS or w in PREPOSITIONS:
        return False
    if not info.noun:
        return True
    # a word that is a noun too ("set", "manufacture") opens a verb phrase in its base form
    # before what it acts on: "and set a record", "and manufacture products"
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    return info.key == w and (nxt in DETERMINERS or nxt in _OBJECT_PRONOUNS or nxt[:1].isdigit() or (
        nxt.endswith("s") and verbs.lex.word(nxt).noun and nxt not in PRONOUNS))


def _gerund_before(toks: list[Tok], a: int, i: int) -> int | None:
    """The -ing word after a preposition that the coordinated -ing form at toks[i + 1]
    goes on from ("partner on designing racks and manufacturing ...": "designing"), or None."""
    for j in range(i - 1, a, -1):
        if toks[j].depth == 0 and toks[j].low in (",", ";", "and", "or", "but"):
            return None
        if toks[j].low.endswith("ing") and len(toks[j].low) > 4 and toks[j - 1].low in PREPOSITIONS:
            return j
    return None


def _infinitive_before(toks: list[Tok], a: int, i: int) -> int | None:
    """The "to" of the infinitive a coordinated base verb at toks[i + 1] goes on from."""
    for j in range(i - 1, a, -1):
        if toks[j].low == "to":
            return j
    return None


def _in_a_list(toks: list[Tok], a: int, comma: int, verbs: "_Verbs") -> bool:
    """Is the comma at toks[comma] in a list of noun phrases ("custom racks, cabling, power
    systems, and ..."): another comma before it, and no finite verb between the two?"""
    before = [j for j in range(a, comma) if toks[j].depth == 0 and toks[j].low == ","]
    return bool(before) and not any(verbs.finite(toks, j) for j in range(before[-1] + 1, comma))


def _progressive_before(toks: list[Tok], a: int, i: int) -> bool:
    """Is there a progressive verb group ("are searching") between toks[a] and the "and" at
    toks[i], which an "and asking ..." would continue?"""
    return any(toks[j].low in _BE and toks[j + 1].low.endswith("ing") for j in range(a, i - 1))


def _shares_a_verb_group(toks: list[Tok], a: int, i: int, verbs: "_Verbs") -> str:
    """What the base verb after the "and" at toks[i] shares with what comes before: "object"
    after a verb with no object yet ("will co-design and develop racks": each verb with the
    object); "infinitive" after an infinitive ("is expanding production to meet demand and
    reduce tariff risks": to meet and to reduce, the second read with the host's words up
    to "to", never "Foxconn has been reduce tariff risks"); else ""."""
    prev, nxt = toks[i - 1], toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.low in AUXILIARIES or not _opens_with_verb(toks, i + 1, verbs) \
            or (verbs.finite(toks, i + 1) and not _base_form(nxt, verbs)):
        return ""  # "died and nine were rescued", "and was charged", "and fled": a clause or a verb phrase of its own
    # a verb right after its auxiliary or "to" ("will co-design and", "to design and"), not a
    # noun that can be a verb ("the AI hardware market and", "to meet demand and")
    verb_at = i - 4 if i > 4 and toks[i - 2].low in ("-", "–") else i - 2  # "will co - design"
    if verbs.lex.word(prev.low).verb and prev.low not in AUXILIARIES and toks[verb_at].low in AUXILIARIES | {"to"}:
        return "object"
    for j in range(i - 1, a, -1):
        if toks[j].depth == 0 and verbs.finite(toks, j) and not _base_form(toks[j], verbs):
            return ""  # a finite verb after the infinitive: "to ensure it works and ..."
        if toks[j].low == "to" and j + 1 < i and verbs.lex.word(toks[j + 1].low).verb \
                and verbs.lex.word(toks[j + 1].low).key == toks[j + 1].low:
            return "infinitive" if _base_form(nxt, verbs) else ""  # "to meet demand and reduce risks"
    return ""


def _base_form(tok: Tok, verbs: "_Verbs") -> bool:
    info = verbs.lex.word(tok.low)
    return info.verb and info.key == tok.low


def _with_auxiliaries(toks: list[Tok], subject: tuple[int, int], end: int) -> tuple[int, int]:
    """The subject and the auxiliaries right after it ("The giant will", "X has been")."""
    a, b = subject
    while b < end and toks[b].low in AUXILIARIES and toks[b].depth == 0:
        b += 1
    return (a, b)


def _clause_follows(toks: list[Tok], i: int, verbs: "_Verbs") -> bool:
    """A subject and a finite verb within the next few tokens: "14 people were", "it had",
    "298 passengers and 24 crew had" (one "and" or "or" joins two subjects)."""
    joined = False
    for j in range(i, min(len(toks), i + P.CLAUSE_SUBJECT_MAX_TOKENS)):
        t = toks[j]
        if t.depth > 0:
            continue
        if t.low in ("and", "or") and not joined and j > i and j + 1 < len(toks) \
                and not verbs.finite(toks, j + 1) and not _opens_with_verb(toks, j + 1, verbs):
            joined = True
            continue
        if t.low in (",", ";", ":", "and", "or", "but"):
            return False
        if verbs.finite(toks, j) and not (j > i and _plural_noun_after_bare_noun(toks, i, j, verbs)):
            return j > i
    return False


def _plural_noun_after_bare_noun(toks: list[Tok], i: int, j: int, verbs: "_Verbs") -> bool:
    """Is toks[j], an -s word that can be a plural noun ("services", "passes"), better read
    as the head of a noun phrase toks[i:j+1] than as its verb? Yes when the phrase opens with
    a bare noun: "and identity protection services for 24 months" is a second object; "and
    the tunnel closes for 18 months" and "and Corvane hands" are clauses."""
    w = toks[j].low
    info = verbs.lex.word(w)
    if not (w.endswith("s") and info.noun and info.key != w):
        return False
    first = toks[i]
    return not (first.low in DETERMINERS or first.low in PRONOUNS or first.text[:1].isupper()
                or first.low[:1].isdigit())


def _own_verb_before(toks: list[Tok], a: int, b: int, verbs: "_Verbs") -> bool:
    """Has the clause before "and" a verb of its own (not only "said")? In "The coastguard
    said 298 passengers and 24 crew had been on board" the "and" joins two subjects."""
    for i in range(a, b):
        if toks[i].depth == 0 and verbs.finite(toks, i) and verbs.lex.word(toks[i].low).key not in _ATTRIBUTION_KEYS \
                and not _in_contact_relative(toks, a, i, verbs):
            return True
    return False


_SUBJECT_PRONOUN_WORDS = frozenset("it they he she we you i".split())


def _in_contact_relative(toks: list[Tok], a: int, i: int, verbs: "_Verbs") -> bool:
    """Is the verb at toks[i] that of a relative clause after a noun, with or without its
    "that" ("a software update to the system (that) it uses to assign pilots and cabin crew
    failed": "uses" is the system's, not the clause's)?"""
    k = i - 1
    if k <= a or toks[k].low not in _SUBJECT_PRONOUN_WORDS:
        return False
    before = toks[k - 1]
    if any(verbs.lex.word(toks[j].low).function == "attribution" for j in range(a, k)):
        return False  # "said in a statement it was working ...": the statement it reports
    if before.low in ("that", "which", "whom"):
        return True
    return before.low[:1].isalpha() and verbs.lex.word(before.low).noun and not verbs.finite(toks, k - 1) \
        and before.low not in PREPOSITIONS and before.low not in DETERMINERS


def _holds_value(toks: list[Tok], a: int, b: int) -> bool:
    return any(t.low[:1].isdigit() or t.low in ("$", "€", "£", "¥") for t in toks[a:b])


def _verb_before(toks: list[Tok], a: int, i: int, verbs: "_Verbs") -> int | None:
    """The last verb group outside quotation marks in toks[a:i] ("earns", "will pay"): the
    index of its last verb, or None."""
    j = next((j for j in range(i - 1, a - 1, -1) if not toks[j].depth and verbs.finite(toks, j)), None)
    while j is not None and j + 1 < i and (toks[j].low in AUXILIARIES or toks[j + 1].low in AUXILIARIES) \
            and verbs.lex.word(toks[j + 1].low).verb:
        j += 1
    return j


def _cuts(toks: list[Tok], start: int, verbs: "_Verbs") -> list[tuple[int, str]]:
    """Where new pieces start, and what kind of piece each is."""
    n = len(toks)
    cuts: list[tuple[int, str]] = []
    for i in range(start, n):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < n else None
        if t.depth > 0 or nxt is None:
            continue
        if t.low in ("”", '"', "’") and nxt.depth == 0 and nxt.low[:1].isalpha() and i > start \
                and toks[i - 1].low in (",", ".", "?", "!", "…"):
            cuts.append((i + 1, "comma"))  # '“...,” the chief executive said' (not a quoted phrase: '"about 180,000" patients')
        elif t.low == ";" or (t.low == ":" and nxt.depth == 0):
            cuts.append((i + 1, "coordinate"))
        elif t.low in (",", "—", "–") and nxt.depth == 0:
            w = nxt.low
            if w in _LIST_OPENERS:
                continue  # ", including two tugs, a launch and ...": part of a list
            if w == "according":
                cuts.append((i + 1, "attribution"))
            elif w in ("and", "or") and i + 2 < n and toks[i + 2].low.endswith("ing") \
                    and _in_a_list(toks, start, i, verbs):
                cuts.append((i + 1, "comma"))  # "racks, cabling, power systems, and cooling solutions": one list
            elif w in COORDINATORS or w in SUBORDINATORS:
                cuts.append((i + 1, "coordinate" if w in COORDINATORS else "subordinate"))
            elif w in RELATIVES:
                cuts.append((i + 1, "relative"))
            elif verbs.participle(nxt) or (w == "subject" and i + 2 < n and toks[i + 2].low == "to"):
                cuts.append((i + 1, "participle"))
            elif w.endswith("ly") and i + 2 < n and verbs.participle(toks[i + 2]):
                cuts.append((i + 1, "participle"))  # ", sharply raising an earlier estimate"
            elif (w in DETERMINERS or w[:1].isdigit() or w in ("$", "€", "£")) and not _number_list(toks, i):
                cuts.append((i + 1, "apposition"))
            else:
                cuts.append((i + 1, "comma"))
        elif t.low in ("and", "but") and i > start + 1 and toks[i - 1].low != ",":
            piece = cuts[-1][0] if cuts else start
            if toks[i + 1].low.endswith("ing") and not _progressive_before(toks, piece, i):
                if verbs.participle(toks[piece]) and verbs.participle(toks[i + 1]) and piece > start:
                    cuts.append((i + 1, "participle"))  # ", stealing nine objects and fleeing on scooters"
                elif _gerund_before(toks, piece, i) is not None and verbs.participle(toks[i + 1]):
                    # "agreed to partner on designing and manufacturing AI equipment"
                    cuts.append((i, "shared-gerund" if toks[i - 1].low.endswith("ing") else "gerund"))
                continue  # else one complement: "found workstations locked and displaying a ransom note"
            if (verbs.finite(toks, i + 1) or _clause_follows(toks, i + 1, verbs)
                    or _opens_with_verb(toks, i + 1, verbs)) and _own_verb_before(toks, piece, i, verbs):
                shared = _shares_a_verb_group(toks, piece, i, verbs)
                cuts.append((i, {"infinitive": "infinitive", "object": "shared"}.get(shared, "coordinate")))
        elif t.low in SUBORDINATORS and i > start + 2 and toks[i - 1].low != "," and t.low not in ("as", "since", "once"):
            if _clause_follows(toks, i + 1, verbs) or (t.low not in ("until", "till") and verbs.participle(nxt)):
                cuts.append((i, "subordinate"))
        elif t.low == "plus" and i > start + 2 and _holds_value(toks, start, i) \
                and _holds_value(toks, i + 1, min(n, i + 4)) and _verb_before(toks, start, i, verbs) is not None:
            cuts.append((i + 1, "plus"))  # "earns $50,000 for the victory plus a $30,000 bonus": two sums earned
        elif t.low == "using" and i > start + 2 and toks[i - 1].low != "," and not _takes_gerund(toks[i - 1], verbs):
            cuts.append((i, "participle"))
        elif t.low == "subject" and nxt.low == "to" and i > start + 2:
            cuts.append((i, "participle"))  # "..., subject to approval by X": a condition of its own
    return cuts


def _number_list(toks: list[Tok], comma: int) -> bool:
    """Do the numbers either side of the comma form a list or a date ("Lines 1, 2 and 3",
    "June 3, 2025, with"), not a value in apposition ("at 03:12, 22 kilometres away")?"""
    after = comma + 2
    return toks[comma - 1].low[:1].isdigit() and toks[comma + 1].low[:1].isdigit() and (
        after >= len(toks) or toks[after].low in (",", "and", "or", ".", ";"))


# verbs whose object can be an -ing form: "stop using it", "began using drones"
_GERUND_TAKERS = frozenset("stop start keep avoid continue begin quit resume finish consider recommend suggest "
                           "advise risk mind".split())


def _takes_gerund(tok: Tok, verbs: "_Verbs") -> bool:
    """Is the -ing word after `tok` its object or a progressive ("should stop using it",
    "police are using drones"), not a participle clause of its own?"""
    return tok.low in AUXILIARIES or verbs.lex.word(tok.low).key in _GERUND_TAKERS


def _restrictive_relatives(toks: list[Tok], a: int, b: int, verbs: "_Verbs") -> list[PropositionSpan]:
    """"The engineer who died was named ..." also states "the engineer died"."""
    out = []
    for i in range(a + 1, b - 1):
        t = toks[i]
        if t.depth or t.low not in ("who", "which", "that") or toks[i - 1].low in (",", "said", "says", "so"):
            continue
        if not toks[i - 1].low[:1].isalpha() or toks[i - 1].low in PREPOSITIONS or toks[i - 1].low in AUXILIARIES:
            continue
        if not verbs.finite(toks, i + 1):
            continue
        # the relative clause ends before the host's next finite verb (after its own verb group)
        j0 = i + 1
        if toks[j0].low in AUXILIARIES:  # "who had been working": one verb group
            while j0 + 1 < b and (toks[j0 + 1].low in AUXILIARIES or verbs.participle(toks[j0 + 1])
                                  or toks[j0 + 1].low.endswith("ed")):
                j0 += 1
        end = b
        for j in range(j0 + 1, b):
            if toks[j].depth == 0 and (toks[j].low in (",", ";") or verbs.finite(toks, j)):
                end = j
                break
        ante = _np_before(toks, i, a, verbs)
        if ante is not None and end > i + 1:
            out.append(PropositionSpan(((i + 1, end),), ante, "relative"))
    return out


def _leading_attribution(toks: list[Tok], a: int, b: int, lex: Lexicon, verbs: "_Verbs") -> tuple[int, int] | None:
    """"Police said (on Monday) (that) the road ..." -> the tokens of "Police said ... that":
    who told the reporter, before what they said. Kept when the reported clause opens
    with a pronoun for the speaker ("the company said it had suspended"): then the
    speaker is the one who acted."""
    for i in range(a, min(b, a + 12)):
        if toks[i].depth or not verbs.finite(toks, i):
            continue
        i = _progressive_reporting(toks, i, b, lex)  # "Coastwire is now reporting that ..."
        key = lex.word(toks[i].low).key
        if key not in _ATTRIBUTION_KEYS or i == a:
            return None
        j = i + 1
        if key == "tell":  # "X told C9 News (that) ...", "X told the Courier ...": whom it was told
            while j < b and toks[j].depth == 0 and (toks[j].text[:1].isupper() or toks[j].low == "the" or (
                    j > i + 1 and toks[j].start == toks[j - 1].end and toks[j].low[:1].isalnum())):  # "C9"
                j += 1
            that = next((k for k in range(j, min(b, j + 3)) if toks[k].low == "that" and toks[k].depth == 0), None)
            if that is not None and all(toks[k].low[:1].isalpha() for k in range(j, that)):
                j = that  # "told the jury that ...", "told a news conference that ..."
            else:  # "told regulators it has ...": whom it was told, then the reported clause
                k = j
                while k < min(b, j + 3) and toks[k].low[:1].isalpha() and toks[k].low not in PRONOUNS \
                        and not verbs.finite(toks, k):
                    k += 1
                if k > j and k < b and toks[k].low in PRONOUNS:
                    j = k
        while j < b and (toks[j].low in ("that", "on", "in", "a", "statement", "yesterday", "today", "late", "earlier",
                                         "us", "me", "reporters", "journalists")
                         or toks[j].low in _WEEKDAYS):  # "X told reporters (on Monday) that ...", "X tells us ..."
            j += 1
        hearsay = key == "tell" and " ".join(t.low for t in toks[a:i]) in _TOLD_HEARSAY
        if j >= b or not _clause_follows(toks, j, verbs) or (
                toks[j].low in PRONOUNS and toks[j].low not in POSSESSIVES and not hearsay):
            return None  # "the company said it had suspended": the speaker did it (but "we're told he is 41")
        return (a, j)
    return None


def _progressive_reporting(toks: list[Tok], i: int, b: int, lex: Lexicon) -> int:
    """The reporting verb of "is (now) reporting", "are saying": its -ing form after a form of
    "be" at toks[i] (and an adverb); else i."""
    if toks[i].low not in _BE:
        return i
    j = i + 1
    while j < b and toks[j].low in _ADVERBS_IN_VERB_GROUP:
        j += 1
    if j < b and toks[j].low.endswith("ing") and lex.word(toks[j].low).key in _ATTRIBUTION_KEYS:
        return j
    return i


# "We're told he is 41": the reporter was told, by nobody named; what follows is what they heard
_TOLD_HEARSAY = frozenset(["we're", "we are", "we were", "we've been", "we have been", "i'm", "i am", "i was",
                           "i've been", "i have been"])


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CONDITIONALS = frozenset(("if", "unless"))
_OBJECT_PRONOUNS = frozenset("it them him her us me".split())  # "and return it": a verb before its object


def _classify(pieces: list[list], toks: list[Tok], lex: Lexicon, verbs: "_Verbs", n: int) -> list[list]:
    """[start, end, role, has a finite verb] for the pieces that are propositions (or parts
    of one): attributions go; a verbless piece joins the one before it (a list, an
    apposition without a value) or, at the start, leads the next ("On Saturday night,");
    a clause after a relative clause or an apposition continues its host; a clause after a
    fronted subordinate clause is the main clause."""
    kept: list[list] = []
    ends = {a: b for a, b, _ in pieces}  # a kept piece's own end, before the pieces that joined it
    for k, (a, b, role) in enumerate(pieces):
        finite = verbs.any_finite(toks, a, b) or (role == "coordinate" and _opens_with_verb(
            toks, a + (1 if toks[a].low in COORDINATORS else 0), verbs))
        if toks[a].low in SUBORDINATORS and toks[a].depth == 0 and role in ("main", "coordinate", "subordinate") \
                and toks[a].low not in ("and", "but", "yet", "so"):
            role = "subordinate"  # "When the alarm sounded", ", while the town slept,"
        if role == "attribution" or (role != "relative" and _is_attribution(toks, a, b, lex, verbs)
                                     and (kept or role != "main" or b < n - 1)):
            continue  # ", police said", "according to X", and "X said:" before what X said
        last = kept[-1] if kept else None
        if role == "relative" and finite and kept:
            kept.append([a, b, "relative", True])
        elif role == "apposition" and not finite and _holds_value(toks, a, b) and kept \
                and _closes_a_list(pieces, k, toks, verbs):
            # "received 20 months suspended, 200 hours of unpaid work, a fine of £12,000 and
            # £8,500 in costs": the items of a list the clause goes on with, not appositions
            while len(kept) > 1 and kept[-1][2] == "apposition":
                kept.pop()
            kept[-1][1] = b
        elif role == "apposition" and not finite and _holds_value(toks, a, b) and kept:
            kept.append([a, b, "apposition", False])
        elif role == "plus" and kept:
            kept.append([a, b, "coordinate", False])  # the second sum of "... plus a $30,000 bonus"
        elif role == "participle" and (verbs.participle(toks[a]) or toks[a].low == "subject" or (
                a + 1 < b and toks[a].low.endswith("ly") and verbs.participle(toks[a + 1]))) and kept:
            kept.append([a, b, "participle", True])
        elif role == "subordinate" and finite:
            kept.append([a, b, "subordinate", True])
        elif last and last[2] == "apposition" and role == "apposition" and not finite:
            last[1] = b  # "22 km south-west of Kelvasa, the provincial capital": one apposition
        elif last and last[2] in ("relative", "apposition") and (finite or role in ("comma", "apposition")):
            # "X, who crossed third, was disqualified"; "X – a 27% premium – for Y": the host goes on
            # (the main clause itself when only its subject came before the relative clause)
            only_lead = all(p[2] in ("relative", "apposition", "lead") for p in kept[:-1])
            kept.append([a, b, "main" if only_lead and finite else "host", finite])
        elif finite and role == "comma" and last and last[2] == "participle" and len(kept) >= 2 \
                and kept[-2][2] == "lead":
            kept.append([a, b, "main", True])  # "Ruto, running a solid race, took a bottle": the subject goes on
        elif finite and last and role == "comma" and last[2] in ("subordinate", "lead"):
            kept.append([a, b, "main", True])  # the main clause after a fronted subordinate or adverbial
        elif finite and role not in ("comma", "apposition") and (not kept or last[3] or last[2] == "host"):
            kept.append([a, b, role, True])
        elif finite and role == "comma" and last and last[2] in ("main", "coordinate") \
                and verbs.any_finite(toks, last[0], ends[last[0]]) \
                and not (last[2] == "main" and verbs.finite(toks, last[0])) \
                and _in_verb_series(pieces, k, toks, verbs):
            kept.append([a, b, "coordinate", True])  # "forced the shutter, spent seven minutes inside and fled"
        elif kept and last[2] != "lead" and not (last[2] == "subordinate" and not finite and role == "comma"):
            last[1] = max(last[1], b)  # a verbless piece, or the rest of a clause, joins the one before
            last[3] = last[3] or finite
        else:
            kept.append([a, b, "lead" if not finite else "main", finite])
    return kept


def _closes_a_list(pieces: list[list], k: int, toks: list[Tok], verbs: "_Verbs") -> bool:
    """Is pieces[k] the last items of a list, after a comma and a verbless item ("suspended
    for 24 months, 200 hours of unpaid work, a fine of £12,000 and £8,500 in costs")? Not an
    apposition that holds a list ("two bus routes, the 31 and the 44,") or a clause ("a
    nonprofit that operates five hospitals and 22 clinics")."""
    a, b, _ = pieces[k]
    if k == 0 or pieces[k - 1][2] not in ("comma", "apposition") or verbs.any_finite(toks, *pieces[k - 1][:2]):
        return False
    for i in range(a + 1, b - 1):
        if toks[i].depth:
            continue
        if toks[i].low in RELATIVES or toks[i].low == "that":
            return False
        if toks[i].low == "and":
            return True
    return False


def _in_verb_series(pieces: list[list], k: int, toks: list[Tok], verbs: "_Verbs") -> bool:
    """Is pieces[k] (after a comma) a verb phrase in a series the sentence closes with "and"
    and another verb phrase ("four thieves forced the shutter, spent seven minutes inside
    and escaped on scooters")? Without the closing "and" a verb form after a comma is more
    often a participle describing what came before ("arrested two men, aged 34"); and the
    clause before the comma must have a verb of its own ("The ferry, built in 2004, was towed
    ... and is berthed": "built" is no verb of the ferry's clause)."""
    a = pieces[k][0]
    if not (verbs.finite(toks, a) and _opens_with_verb(toks, a, verbs)) or (
            a + 1 < len(toks) and toks[a + 1].low == "by"):
        return False  # "..., led by its chief executive, and will ...": a passive participle
    for a2, b2, role in pieces[k + 1:]:
        if role == "coordinate" and toks[a2].low == "and":
            return _opens_with_verb(toks, a2 + 1, verbs)
        if role != "comma":
            return False
    return False


def _colon_before_clause(toks: list[Tok], start: int, verbs: "_Verbs") -> int | None:
    """The first colon (outside quotes) that both follows and precedes a clause."""
    for i in range(start + 2, len(toks) - 2):
        if toks[i].low == ":" and toks[i].depth == 0 and toks[i + 1].depth == 0:
            if verbs.any_finite(toks, i + 1, len(toks)) and verbs.any_finite(toks, start, i) \
                    and not _is_attribution(toks, start, i, verbs.lex, verbs):
                return i
            return None
    return None


def split_propositions(toks: list[Tok], lex: Lexicon, start: int = 0, verbs: "_Verbs | None" = None) -> list[PropositionSpan]:
    """Propositions of the sentence tokens toks[start:] (a dateline before `start` is skipped)."""
    verbs = verbs or _Verbs(lex)
    n = len(toks)
    if n - start < 3:
        return [PropositionSpan(((start, n),), None, "main")] if n > start else []
    if toks[start].low in _CONDITIONALS:
        return _with_condition(toks, lex, start, verbs)
    colon = _colon_before_clause(toks, start, verbs)
    if colon is not None:
        # "Here's what happened: Collins Ruto took a bottle ...": what follows the colon is
        # a sentence of its own
        return split_propositions(toks[:colon], lex, start, verbs) + split_propositions(toks, lex, colon + 1, verbs)
    cuts = _cuts(toks, start, verbs)
    # "will co-design and develop racks": the verb before "and" shares the object after it
    shared_object = {c for c, r in cuts if r in ("shared", "shared-gerund")}
    # "to meet demand and reduce risks", "on designing and manufacturing racks": the second verb
    # reads with the host's words up to the first ("... production to reduce risks")
    conjunct_of = {c: (_infinitive_before(toks, start, c) + 1 if r == "infinitive" else _gerund_before(toks, start, c))
                   for c, r in cuts if r in ("infinitive", "gerund", "shared-gerund")}
    # "earns $50,000 for the victory plus a $30,000 bonus": the second sum reads with the verb
    conjunct_of.update({c: _verb_before(toks, start, c - 1, verbs) + 1 for c, r in cuts if r == "plus"})
    cuts = [(c, "coordinate" if r in ("shared", "gerund", "shared-gerund", "infinitive") else r) for c, r in cuts]
    bounds = [start] + [c for c, _ in cuts] + [n]
    roles = ["main"] + [r for _, r in cuts]
    pieces: list[list] = []
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        while b > a and toks[b - 1].depth == 0 and toks[b - 1].low in (",", ";", ":", "—", "–", ".", "and", "plus"):
            b -= 1  # the punctuation (or the "and" before a participle) that closes the piece
        if b > a:
            pieces.append([a, b, roles[k]])
    kept = _classify(pieces, toks, lex, verbs, n)
    if not kept:
        return []
    # the main clause: the first piece that is not a subordinate clause ("When the alarm
    # sounded, the guards called the police"); verbless pieces before it ("On Saturday
    # night, ...") are part of it
    main_at = next((k for k, piece in enumerate(kept)
                    if piece[2] not in ("subordinate", "lead", "relative", "apposition", "participle")), None)
    if main_at is None:
        main_at = 0
    kept[main_at][2] = "main"
    host: list[tuple[int, int]] = [(p[0], p[1]) for p in kept[:main_at] if p[2] == "lead"] + [(kept[main_at][0], kept[main_at][1])]
    main_a, main_b = kept[main_at][0], kept[main_at][1]
    main_subject = _subject(toks, main_a, main_b, verbs)
    leads = [p for p in kept[:main_at] if p[2] == "lead"]
    lead_subject = False
    if main_subject is None and leads and verbs.finite(toks, main_a):
        # "Fenn, 67, conceded ... and said ...": the subject is the piece before the
        # apposition (or the relative clause) that parts it from its verb; a verb phrase
        # reads with it ("Fenn said he had phoned ...") but compares by its own words, as
        # the main clause does
        main_subject = _subject(toks, leads[0][0], main_b, verbs)
        lead_subject = main_subject is not None
    said = _leading_attribution(toks, leads[0][0] if lead_subject else main_a, main_b, lex, verbs)
    reported_subject = _subject(toks, said[1], main_b, verbs) if said else None
    said_subject = reported_subject or main_subject  # what was said, not who said it
    props: list[PropositionSpan] = []
    for k, (a, b, role, _) in enumerate(kept):
        if k == main_at or role == "lead":
            continue
        prev_a = kept[k - 1][0] if k else a
        if role == "relative":
            ante = _np_before(toks, a - 1, prev_a, verbs) if a > 0 and toks[a - 1].low == "," else None
            props.append(PropositionSpan(((a + 1, b),), ante, "relative"))
        elif role == "apposition":
            props.append(PropositionSpan(((a, b),), _value_before(toks, a - 1, prev_a) or _np_before(toks, a - 1, prev_a, verbs),
                                         "apposition", joiner="is"))
        elif role == "host":
            host.append((a, b))
        else:
            skip = 1 if toks[a].low in COORDINATORS | SUBORDINATORS else 0
            verb_phrase = role == "coordinate" and _opens_with_verb(toks, a + skip, verbs)
            own = None if verb_phrase else _subject(toks, a + skip, b, verbs)
            speaker = _speaker_of(toks, leads[0][0] if lead_subject else main_a, main_b, lex, verbs) \
                if role == "coordinate" and toks[a + skip].low == "that" and k > main_at else None
            if role == "participle":
                props.append(PropositionSpan(((a + skip, b),), None, role))
            elif speaker is not None:
                # "X said A, and that B": B is what X said too ("X said" + B, read, not compared)
                props.append(PropositionSpan(((a + skip + 1, b),), speaker, "coordinate", subject_read_only=True))
            elif verb_phrase and k and (reported := _reported_subject(kept[k - 1], toks, lex, verbs)):
                # "..., saying the airline had cut 140 jobs and handed the work to X": the verb
                # phrase goes on with what was said (the airline had handed), not with the sayer
                props.append(PropositionSpan(((a + skip, b),), _with_auxiliaries(toks, reported, kept[k - 1][1]),
                                             "coordinate"))
            elif a in conjunct_of and k == main_at + 1 and said_subject and said_subject[1] <= conjunct_of[a] <= main_b:
                lead_in = (said_subject[1], conjunct_of[a]) if conjunct_of[a] > said_subject[1] else None
                props.append(PropositionSpan(((a + skip, b),), said_subject, "coordinate", lead_in=lead_in))
            elif own is None and main_subject is not None and role == "coordinate" and k > main_at:
                # "The giant will co-design and develop racks": the verb phrase borrows the
                # subject, and the auxiliary it shares ("will develop racks")
                verb = toks[a + skip]
                # "and is mailing letters" has its own auxiliary, and "is closed and asks" a finite
                # verb of its own; "will co-design and develop" shares "will"
                own_auxiliary = verb.low in AUXILIARIES or (verb.low.endswith("s") and lex.word(verb.low).key != verb.low)
                # after "X said Y ...", a verb group with its own auxiliary goes on with what was
                # said ("Police said the road was closed and will reopen": the road will reopen);
                # a plain verb goes on with the speaker ("the union said 600 jobs could go and
                # called for guarantees": the union called)
                host_subject = reported_subject if reported_subject and verb.low in AUXILIARIES else main_subject
                subject = _with_auxiliaries(toks, host_subject, kept[main_at][1]) \
                    if verb_phrase and not own_auxiliary else host_subject
                props.append(PropositionSpan(((a + skip, b),), subject, "coordinate",
                                             subject_read_only=lead_subject and host_subject is main_subject))
            else:
                props.append(PropositionSpan(((a + skip, b),), None, "subordinate" if role == "subordinate" else role))
    nxt_piece = kept[main_at + 1] if main_at + 1 < len(kept) else None
    if nxt_piece and nxt_piece[0] in shared_object and nxt_piece[2] == "coordinate" and nxt_piece[0] + 2 < nxt_piece[1]:
        host.append((nxt_piece[0] + 2, nxt_piece[1]))  # "Foxconn will co-design ... data centre racks with OpenAI"
    reduced = _reduced_relative(toks, host[-1][0], host[-1][1], lex, verbs) if main_at == 0 and len(host) == 1 else None
    if reduced is not None:
        # "A lawsuit filed on Tuesday in district court accuses X": the lawsuit was filed on
        # Tuesday (a proposition of its own), and it accuses X (the main clause goes on)
        (p, q), subject = reduced.pieces[0], reduced.subject
        props.insert(0, reduced)
        host = [(host[0][0], p), (q, host[0][1])]
    said_by = _leading_attribution(toks, host[0][0], host[0][1], lex, verbs) \
        or _told_whom(toks, host[0][0], host[0][1], lex, verbs)
    out = [PropositionSpan(tuple(host), None, "main", skip=said_by)]
    out += props
    for a, b in host:
        out.extend(_restrictive_relatives(toks, a, b, verbs))
    return out


_TIME_WORDS = _WEEKDAYS | {"yesterday", "today", "last", "this", "earlier", "overnight"}


def _reduced_relative(toks: list[Tok], a: int, b: int, lex: Lexicon, verbs: "_Verbs") -> PropositionSpan | None:
    """A past participle after the subject, with the clause's own verb later ("A proposed
    class action filed on Tuesday in U.S. District Court accuses ..."; "The man arrested on
    Friday appeared in court"): the span of "filed on Tuesday in U.S. District Court", with
    the subject and "was" / "were" to read on its own. Only when the participle is followed
    by a preposition or a time word and nothing between it and the verb starts a clause of
    its own (a comma, a conjunction, a relative); never a reporting verb ("said on Monday
    profits rose")."""
    subject = _subject(toks, a, b, verbs)
    if subject is None or subject[1] - subject[0] < 2 or toks[subject[0]].low not in DETERMINERS:
        return None
    i = subject[1]
    w = toks[i].low
    info = lex.word(w)
    past = (w.endswith("ed") and len(w) > 4) or (info.verb and info.key != w and not w.endswith(("s", "ing")))
    if not past or info.key in _ATTRIBUTION_KEYS or i + 2 >= b:
        return None
    if toks[i + 1].depth or not (toks[i + 1].low in PREPOSITIONS or toks[i + 1].low in _TIME_WORDS):
        return None
    for j in range(i + 2, b):
        t = toks[j]
        if t.depth:
            continue
        if t.low in (",", ";", ":", "—", "–") or t.low in COORDINATORS or t.low in RELATIVES or t.low == "that":
            return None
        before = toks[j - 1].low
        unit = before[:1].isdigit() and toks[j - 1].end == t.start  # "3.12am"
        # "collapsed at the Orvel quarry on Wednesday": a noun after a determiner's name
        named_noun = j > 1 and toks[j - 1].text[:1].isupper() and toks[j - 2].low in DETERMINERS
        if verbs.finite(toks, j) and before not in PREPOSITIONS and before not in DETERMINERS and not unit \
                and not named_noun:
            head = toks[subject[1] - 1].low
            plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
            return PropositionSpan(((i, j),), subject, "relative", joiner="were" if plural else "was")
    return None


def _reported_subject(piece, toks: list[Tok], lex: Lexicon, verbs: "_Verbs") -> tuple[int, int] | None:
    """The subject of what a participle clause of reporting says ("saying the airline had cut
    ...": the airline), or None for any other piece."""
    a, b, role = piece[0], piece[1], piece[2]
    if role != "participle" or lex.word(toks[a].low).key not in _ATTRIBUTION_KEYS:
        return None
    return _subject(toks, a + 1, b, verbs)


def _told_whom(toks: list[Tok], a: int, b: int, lex: Lexicon, verbs: "_Verbs") -> tuple[int, int] | None:
    """Whom a speaker who acted told ("Brightwater told regulators it has ..."): the
    audience, no part of what is said (the speaker is: it did what it reports)."""
    for i in range(a + 1, min(b, a + 12)):
        if toks[i].depth or not verbs.finite(toks, i):
            continue
        if lex.word(toks[i].low).key != "tell":
            return None
        j = i + 1
        while j < min(b, i + 4) and toks[j].low[:1].isalpha() and not verbs.finite(toks, j) \
                and toks[j].low not in PRONOUNS and toks[j].low != "that":
            j += 1
        return (i + 1, j) if j > i + 1 and j < b and (toks[j].low in PRONOUNS or toks[j].low == "that") else None
    return None


def _speaker_of(toks: list[Tok], a: int, b: int, lex: Lexicon, verbs: "_Verbs") -> tuple[int, int] | None:
    """The tokens of "X said (in a video)" in a clause that reports what X said, through the
    reporting verb and the words up to "that" or the reported clause; None without one."""
    for i in range(a + 1, min(b, a + P.ATTRIBUTION_MAX_WORDS)):
        if toks[i].depth or lex.word(toks[i].low).key not in _ATTRIBUTION_KEYS or not verbs.finite(toks, i):
            continue
        for j in range(i + 1, min(b, i + 6)):
            if verbs.finite(toks, j):
                break  # "said it would not argue that ...": the reported clause has begun
            if toks[j].low == "that" and not toks[j].depth:
                return (a, j)  # "said in a video that"
        return (a, i + 1)
    return None


def _with_condition(toks: list[Tok], lex: Lexicon, start: int, verbs: "_Verbs") -> list[PropositionSpan]:
    """"If your child has had the syrup and you are not sure ..., ring us on ...": nothing
    in the condition is asserted, so its clauses are no propositions of their own; it
    leads into the main clause after it, which is split as any other."""
    n = len(toks)
    comma = next((k for k in range(start + 1, n) if toks[k].depth == 0 and toks[k].low == ","), None)
    rest = split_propositions(toks, lex, comma + 1, verbs) if comma is not None and comma + 1 < n else []
    if not rest:
        return [PropositionSpan(((start, n),), None, "main")]
    main = rest[0]
    return [dataclasses.replace(main, pieces=((start, comma),) + tuple(main.pieces))] + rest[1:]


def pieces_text(text: str, toks: list[Tok], pieces) -> str:
    return " ".join(text[toks[a].start:toks[b - 1].end] for a, b in pieces if b > a)
