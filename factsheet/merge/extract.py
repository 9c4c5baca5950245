"""Per-record extraction: one Record -> its propositions with their features.

A pure function of the record (and the lexicon, which is data), so it runs in the parse
workers and is cached on disk with the record, by content hash. Everything that
depends on the whole corpus (weights, aliases, groups) happens later, in the merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Record
from . import params as P
from .lexicon import DEPENDENT_OPENERS, HEDGES, PRONOUNS, Lexicon, fold
from .opinion import commentary_score
from .propositions import (_BE, AUXILIARIES, DETERMINERS, PLACE_PREPOSITIONS, PREPOSITIONS,
                           PropositionSpan, Tok, _Verbs, _in_contact_relative, _subject, split_propositions,
                           tokenize)
from .quantities import Quantity, extract_quantities

EXTRACT_VERSION = 111  # part of the on-disk cache key: bump when the output changes

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,4})(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\)\s*)?[-–—]+\s*")
# "**UPDATE (Saturday 24 January, 11:15am):**", "Update, 20 May 2026, 15:30:": a live
# report's label over the entry it stamps, no part of what the entry states
_UPDATE_LABEL = re.compile(
    r"^\s*[*_]*\s*(?:UPDATE[SD]?|Update[sd]?|LATEST|Latest|BREAKING|Breaking)"
    r"(?:(?:\s*\([^)]{0,48}\)|\s*,\s*[^:\n]{0,30}?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\s*,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4})"
    r"\s*[*_]*\s*[:\-–—]?|\s*[*_]*\s*[:\-–—])\s*[*_]*\s+(?=\S)")
_NAME_CONNECTORS = frozenset("of the de du da di del der van von la le al & for".split())


@dataclass(frozen=True)
class Place:
    """Where a proposition says something happened: a locative phrase ending in a place
    noun ("in its engine room" -> "engine room", head "room")."""

    text: str  # as written, without the preposition and determiner
    head: str  # the place noun's lemma
    words: tuple[str, ...]  # lemmas of the phrase's words, head included


@dataclass(frozen=True)
class Purpose:
    """What a proposition says something was for: the words after a purpose marker ("in
    a bid to cut costs" -> "cut costs", "will be used to repay debt" -> "repay debt")."""

    text: str  # as written, without the marker
    words: tuple[str, ...]  # concept keys of its content words


@dataclass(frozen=True)
class Proposition:
    """One thing a sentence states, with what the merge compares."""

    sentence: int  # index into record.sentences
    start: int  # offsets within the sentence text of this proposition's own words
    end: int
    role: str  # main coordinate subordinate participle relative apposition
    text: str  # how it reads on its own (its words, with a borrowed subject where needed)
    standalone: bool  # reads on its own: a subject that is not a pronoun, a verb, whole words
    features: tuple[tuple[str, float], ...]  # (key, background weight), sorted by key
    quantities: tuple[Quantity, ...]
    negated: bool
    predicate: tuple[str, ...] = ()  # feature keys of what the proposition says happened ("w:die")
    name_keys: tuple[str, ...] = ()  # feature keys that come from names only ("Mayor Delphine Ostrowski")
    speaker_keys: tuple[str, ...] = ()  # name keys of the speaker a direct quotation is attributed to
    places: tuple[Place, ...] = ()  # where it says it happened ("in its engine room")
    purposes: tuple[Purpose, ...] = ()  # what it says it was for ("in a bid to cut costs")
    possible: bool = False  # says what could or would be, not what is ("up to 600 jobs could go", "can carry 600")
    located: tuple[str, ...] = ()  # name keys written as where something is ("a plant in Hollis": n:hollis)
    subject_end: int = -1  # a main clause: where in the sentence its subject ends (-1: unknown)


@dataclass(frozen=True)
class SentenceFacts:
    index: int  # into record.sentences
    claimable: bool  # may be cited (not a heading, not cut off, states something)
    quote: bool  # direct speech
    commentary: float  # opinion cues (opinion.commentary_score)
    speakers: tuple[str, ...]  # names the sentence attributes speech to
    names: tuple[str, ...]  # names as written (for entities), in order
    continues_quote: bool = False  # inside a quotation opened by an earlier sentence


@dataclass(frozen=True)
class RecordFacts:
    record_id: str
    content_hash: str
    sentences: tuple[SentenceFacts, ...]
    propositions: tuple[Proposition, ...]


# ------------------------------------------------------------------ words

_CALENDAR_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())


def name_word_key(part: str, lex: Lexicon) -> str:
    """The feature key of one (folded) word of a name: a common word in a name ("Jury of
    Appeal", "Coastguard") meets the same word written in lower case, by its lemma only (so
    that "St Brendan's Hospital" is no report of an injury); a rare one is a name key."""
    return ("w:" + lex.word(part).key) if not lex.is_rare(part, P.NAME_MAX_ZIPF) else "n:" + part


def _is_name(tok: Tok, first: bool, shouting: bool, lex: Lexicon) -> bool:
    """A capitalized word that names something (not a sentence's first common word)."""
    t = tok.text
    if not t[:1].isupper():
        return False
    core = fold(t).split("'")[0]
    if core in _CALENDAR_WORDS:
        return False  # "March", "Tuesday": a date, not a name
    if len(t) >= 2 and t.isupper() and not shouting and len(core) <= 6:
        return True  # an acronym: "FBI", "MCIB"
    if first or shouting:
        # a rare first word is a name, unless it is a word of a concept class ("Tailbacks
        # stretched 310 km", "Evacuees returned")
        return lex.is_rare(core, P.NAME_MAX_ZIPF) and not lex.in_a_class(core)
    return True


def _word_features(toks: list[Tok], ranges, lex: Lexicon, first_index: int, shouting: bool,
                   skip: set[int]) -> tuple[dict[str, float], bool, list[str], frozenset[str]]:
    """Feature keys of the tokens in `ranges`: concept classes of words, name words, and
    whether a negation sits among them; also the names (as written) they contain, and the
    keys that come from names only."""
    feats: dict[str, float] = {}
    negated = False
    names: list[str] = []
    from_names: set[str] = set()
    from_words: set[str] = set()
    for a, b in ranges:
        lemmas = [lex.word(t.low).key if t.low[:1].isalpha() else t.low for t in toks[a:b]]
        i = a
        current_name: list[str] = []
        while i < b:
            tok = toks[i]
            if i in skip or not tok.low[:1].isalpha():
                if current_name:
                    names.append(" ".join(current_name))
                    current_name = []
                i += 1
                continue
            found = lex.phrase_at(lemmas, i - a)
            if found is not None and not tok.text[:1].isupper():
                phrase, length = found
                if phrase.concept == "~negation" and _denies(toks, a, i):
                    negated = True
                elif not phrase.concept.startswith("~"):
                    w = lex.concept_weight(phrase.concept)
                    key = "w:" + phrase.concept
                    feats[key] = max(feats.get(key, 0.0), w)
                    from_words.add(key)
                i += length
                continue
            if _is_name(tok, i == first_index, shouting, lex):
                if current_name and current_name[-1].lower().replace("’", "'").endswith("'s"):
                    names.append(" ".join(current_name))  # "Foxconn's Taiwan offices": the owner ends a name
                    current_name = []
                current_name.append(tok.text)
                for part in fold(tok.text).replace("’", "'").split("-"):
                    part = part[:-2] if part.endswith("'s") else part
                    if not part or part in _NAME_CONNECTORS:
                        continue
                    key = name_word_key(part, lex)
                    feats[key] = max(feats.get(key, 0.0), lex.background_weight(part))
                    from_names.add(key)
                i += 1
                continue
            if current_name and tok.low in _NAME_CONNECTORS and i + 1 < b and toks[i + 1].text[:1].isupper():
                current_name.append(tok.text)
                i += 1
                continue
            if current_name:
                names.append(" ".join(current_name))
                current_name = []
            in_scope = _denies(toks, a, i)
            if tok.low.endswith("n't") and in_scope:
                negated = True
            # a capitalized title before a name ("Mayor Delphine Orsk") is part of the name
            title = tok.text[:1].isupper() and i + 1 < b and _is_name(toks[i + 1], False, shouting, lex)
            denied = _denied_participle(toks, i, lex)
            for part in (denied,) if denied else tok.low.split("-"):
                info = lex.word(part)
                if (info.function == "negation" or denied) and in_scope:
                    negated = True
                if info.weight <= 0 or info.function:
                    continue
                for c in info.concepts:
                    feats["w:" + c] = max(feats.get("w:" + c, 0.0), info.weight)
                    (from_names if title else from_words).add("w:" + c)
            i += 1
        if current_name:
            names.append(" ".join(current_name))
    return feats, negated, names, frozenset(from_names - from_words)


# words that can be nouns but never continue the noun a count counts ("350 people once it opens")
_PARTICLES = frozenset("out off up down over back away through along around".split())
_NOT_NOUN_AFTER_HEAD = frozenset("once when while where after before since until like as than so then now today "
                                 "yesterday last next this that because although though unless despite amid "
                                 "whereas if".split())


# "with almost no wind", "of no value": a negation after a preposition describes a noun
_PREPOSITIONS = frozenset("with of for in at on by from under into about over than".split())
_SOFTENERS = frozenset("almost nearly virtually practically all but absolutely".split())
# "not just", "not only": a negation that adds, not one that denies
_FOCUS_AFTER_NOT = frozenset("just only merely simply solely least".split())


def _denies(toks: list[Tok], a: int, i: int) -> bool:
    """Does the negation at toks[i] deny the proposition (ranges start at a)?"""
    if _embedded(toks, a, i):
        return False
    if i + 1 < len(toks) and toks[i + 1].low in _FOCUS_AFTER_NOT:
        return False
    if _contrasts(toks, a, i):
        return False
    if _not_until(toks, i):
        return False
    j = i - 1
    while j >= a and toks[j].low in _SOFTENERS:
        j -= 1
    return not (j >= a and toks[j].low in _PREPOSITIONS)


def _not_until(toks: list[Tok], i: int) -> bool:
    """"will not reopen until Monday", "did not open until 9 a.m.": a time from which it
    happens, not a denial that it does."""
    if toks[i].low not in ("not", "n't") and not toks[i].low.endswith("n't"):
        return False
    for j in range(i + 1, min(len(toks), i + 1 + P.NOT_UNTIL_REACH)):
        if toks[j].low in ("until", "till"):
            return True
        if toks[j].low in (",", ";", ":", "and", "but", "because"):
            return False
    return False


_STATE_VERBS = frozenset("is are was were be been being remain remains remained remaining escaped left stay "
                         "stays stayed".split())


def _denied_participle(toks: list[Tok], i: int, lex: Lexicon) -> str | None:
    """"were unhurt", "escaped unharmed", "remain unpaid": after a verb of state an un-
    participle says the thing did not happen to the subject; it is "not hurt". Before a
    noun ("an unnamed official", "unemployed workers") it only describes the noun."""
    if i == 0 or toks[i - 1].low not in _STATE_VERBS:
        return None
    return lex.negated_participle(toks[i].low)


def _contrasts(toks: list[Tok], a: int, i: int) -> bool:
    """Is toks[i] the "not" of a contrast after a comma ("24 months of credit monitoring,
    not the single year", "on Friday, not Thursday")? It sets one thing against another;
    it denies nothing the proposition states."""
    if toks[i].low != "not" or i <= a or toks[i - 1].low not in (",", "–", "—", "("):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and (nxt.low in DETERMINERS or nxt.low[:1].isdigit() or nxt.text[:1].isupper())


def _embedded(toks: list[Tok], a: int, i: int) -> bool:
    """Is toks[i] inside a relative clause opened after a noun ("a split that had never been
    achieved")? A negation there describes the noun; it does not deny the proposition."""
    for j in range(i - 1, a, -1):
        t = toks[j].low
        if t in _RELATIVE_OPENERS or (t == "that" and toks[j - 1].low[:1].isalpha()
                                      and toks[j - 1].low not in _REPORTING_BEFORE_THAT):
            return True
    return False


_RELATIVE_OPENERS = frozenset(("which", "who", "whom", "whose"))


# "said that ...", "believes that ...": "that" opens the reported statement, not a relative clause
_REPORTING_BEFORE_THAT = frozenset("""said says say told tells added adds confirmed confirms believe believes believed
think thinks thought know knows knew show shows showed showing found find finds suggested suggest suggests argued
argues claimed claims warned warns stated states noted notes ruled rules announced announces reported reports
insisted insists hope hopes hoped fear fears feared expect expects expected clear so saying telling adding
confirming believing thinking knowing finding suggesting arguing claiming warning stating noting ruling announcing
reporting insisting hoping fearing expecting explaining explained explains admitting admitted admits""".split())


def _count_noun(lex: Lexicon):
    """For quantities.extract_quantities: the concept of the noun a count counts."""
    word_re = re.compile(r"\s*([A-Za-z][A-Za-z'’\-]*)")

    def count_noun(after: str) -> tuple[str, int]:
        pos, head, head_end, words = 0, "", 0, []
        plural_head = False
        for _ in range(4):
            m = word_re.match(after, pos)
            if not m:
                break
            w = m.group(1)
            low = fold(w)
            if low in AUXILIARIES or low in ("of", "and", "or", "to", "in", "on", "at", "from", "with", "for", "by"):
                break
            if low in _PARTICLES:
                break  # "11 counts out of 12" counts counts; "2,000 votes out" and "four out" no "out"
            info = lex.word(low)
            if not head and info.verb and not low.endswith("s") and lex.past_participle(low):
                break  # "15 hurt", "one given a caution", "100,000 cast": a participle, no noun counted
            words.append(info.key)
            if len(words) >= 2:
                found = lex.phrase_at(words, len(words) - 2)
                if found is not None and len(found[0].words) == 2 and not found[0].concept.startswith("~"):
                    head, head_end = found[0].concept, m.end()
                    pos = m.end()
                    continue
            if head and low.endswith(("ed", "ing")):
                break  # "240,112 patients affected": the noun is before the participle
            if head and plural_head and info.verb and not low.endswith("s"):
                break  # "30,000 runners set off": a verb after a plural noun, not a compound
            if head and (low in _NOT_NOUN_AFTER_HEAD or not lex.word(low).noun):
                break
            if w[:1].isupper() and lex.is_rare(low, P.COUNT_NOUN_NAME_MAX_ZIPF):
                pos = m.end()  # a name: "250,000 Brightwater patients" counts patients,
                continue       # "the 180,000 Thale cited" counts nothing named
            if info.noun or low in ("crew", "staff", "people", "police"):
                head, head_end = info.concepts[0] if info.concepts else info.key, m.end()
                plural_head = low.endswith("s") and low != info.key
            elif head:
                break
            elif not (info.weight > 0 and not info.verb):
                break  # neither a noun nor an adjective before one
            pos = m.end()
        return head, head_end

    return count_noun


# ------------------------------------------------------------------ sentences

def dateline_length(text: str) -> int:
    """How many characters a wire dateline ("PORT ELLERY, March 3 (Wire) –") takes at the
    start of a sentence (0 when there is none)."""
    m = _DATELINE.match(text) or _UPDATE_LABEL.match(text)
    return m.end() if m and m.end() < len(text) - 10 else 0


def _dateline_end(text: str, toks: list[Tok]) -> int:
    """Index of the first token after a wire dateline."""
    end = dateline_length(text)
    if not end:
        return 0
    for i, t in enumerate(toks):
        if t.start >= end:
            return i
    return 0


def _render(text: str, toks: list[Tok], span: PropositionSpan, verbs: _Verbs) -> tuple[str, bool]:
    """The proposition as a reader would see it on its own, and whether it reads on its own."""
    own = [text[toks[a].start:toks[b - 1].end] for a, b in span.pieces if b > a]
    body = " ".join(own).strip(" ,;:–—-")
    if span.subject is not None:
        a, b = span.subject
        if span.lead_in is not None:  # the host's words up to the verb this one is coordinated with
            b = span.lead_in[1]
        subject = text[toks[a].start:toks[b - 1].end].strip(" ,")
        body = f"{subject} {span.joiner} {body}" if span.joiner else f"{subject} {body}"
    if span.role == "relative" and span.pieces and span.pieces[0][0] > 0 and toks[span.pieces[0][0] - 1].low in ("where", "whose"):
        return body, False
    if span.subject is None and len(span.pieces) == 1:
        body = _absolute_with(text, toks, span.pieces[0][0], span.pieces[0][1], verbs) or body
    first = body.split(" ", 1)[0].lower().strip("“\"‘'(")
    # "Corvane's fell 3.2%": a possessive whose noun was left out ("shares") with the clause before
    elided = span.subject is None and bool(span.pieces) and _elided_possessive(toks, span.pieces[0][0], verbs)
    standalone = (first not in PRONOUNS and first not in DEPENDENT_OPENERS and not elided
                  # "Had never set out to ...": whose? ("Do not enter" is an instruction)
                  and not (first in AUXILIARIES and first not in ("do", "don't") and span.subject is None)
                  and len(body.split()) >= P.MIN_CLAIM_WORDS and span.role not in ("participle",)
                  and body.count("“") == body.count("”") and body.count('"') % 2 == 0)
    if body and body[0].islower():
        body = body[0].upper() + body[1:]
    if body and body[-1] not in ".!?”\"’)":
        body += "."
    return body, standalone


def _absolute_with(text: str, toks: list[Tok], a: int, b: int, verbs: _Verbs) -> str | None:
    """", with more than 330 people forced to abandon ship": a piece that is "with", a noun
    phrase and a past participle, and no verb of its own, says the participle of the noun
    phrase; as a sentence: "More than 330 people were forced to abandon ship". None for any
    other piece."""
    if toks[a].low != "with":
        return None
    for k in range(a + 2, min(b, a + 8)):
        t = toks[k]
        info = verbs.lex.word(t.low)
        if t.depth or not t.low[:1].isalnum() or t.low in PREPOSITIONS or t.low in AUXILIARIES or t.low in (
                "that", "which", "who"):
            return None
        if info.verb and t.low != info.key and not t.low.endswith(("ing", "s")):  # "forced", "left", "taken"
            if verbs.any_finite(toks, k + 1, b):
                return None  # "With the deal approved, Corvane will ...": a clause follows
            noun = toks[a + 1:k]
            plural = any(x.low[:1].isdigit() and x.low not in ("1",) for x in noun) or noun[-1].low.endswith("s") \
                or noun[-1].low in ("people", "police", "crew", "staff")
            phrase = text[toks[a + 1].start:toks[k - 1].end]
            return f"{phrase} {'were' if plural else 'was'} {text[t.start:toks[b - 1].end]}"
    return None


def _elided_possessive(toks: list[Tok], i: int, verbs: _Verbs) -> bool:
    """Does the piece at toks[i] open with a possessive and then its verb, the noun left out
    ("while Corvane's fell 3.2%")?"""
    while i < len(toks) and toks[i].low in ("while", "and", "but", "whereas"):
        i += 1
    return i + 1 < len(toks) and toks[i].low.endswith(("'s", "’s")) and verbs.finite(toks, i + 1)


def value_weight(q: Quantity) -> float:
    """A stated value's weight grows with how particular it is: "240,112" or "2:03:11"
    identifies a fact, "two" or "14" much less."""
    base = P.QUANTITY_WEIGHT.get(q.kind, P.QUANTITY_WEIGHT["count"])
    if q.reference:
        base *= P.REFERENCE_VALUE_FACTOR
    if q.kind in ("year", "weekday", "ordinal", "date", "month", "clock"):
        return base
    return base * (1.0 + P.VALUE_DIGIT_BONUS * min(q.digits - 1, P.VALUE_DIGITS_MAX))


# Verbs that carry little meaning of their own: the noun after them says what happened
# ("lodged an appeal", "opened an investigation", "has a plant").
LIGHT_VERBS = frozenset("""be have get make take give lodge file launch open hold do become put set go come see
offer provide carry bring reach keep mount stage conduct""".split())
# light verbs whose object is an event ("filed a lawsuit", "opened an inquiry", "held a
# vote"): in the passive the subject is that event
_EVENT_TAKING_VERBS = frozenset("file lodge launch open hold stage conduct mount".split())


def _predicate(toks: list[Tok], pieces, lex: Lexicon, verbs: _Verbs, skip: set[int]) -> tuple[str, ...]:
    """Concept keys of the proposition's main event: its main verb, or the noun after a
    light verb; attribution verbs are passed over ("said it would not pay" -> pay). Verbs
    outside quotation marks first; a quoted statement's own verb otherwise."""
    return _predicate_at(toks, pieces, lex, verbs, skip, quoted=False) or _predicate_at(
        toks, pieces, lex, verbs, skip, quoted=True)


def _predicate_at(toks: list[Tok], pieces, lex: Lexicon, verbs: _Verbs, skip: set[int], quoted: bool) -> tuple[str, ...]:
    for a, b in pieces:
        i = a
        while i < b:
            t = toks[i]
            close = next((k for k in range(i + 1, b) if toks[k].low == "," and not toks[k].depth), None) \
                if t.low in _RELATIVE_OPENERS and i > a else None
            if close is not None:
                # "Pruitt, a resident who was treated there in 2024, filed a lawsuit": a relative
                # clause closed by a comma describes the subject; its verb is not the event
                i = close + 1
                continue
            if (t.depth and not quoted) or i in skip or not (verbs.finite(toks, i) or (i == a and verbs.participle(t))) \
                    or _in_contact_relative(toks, a, i, verbs):  # "the system it uses to ... failed": failed
                i += 1
                continue
            last = i
            j = i
            # an auxiliary takes a verb after it, also across a negation or an adverb: "would
            # not argue", "did not respond", "has repeatedly denied"
            awaits_verb = toks[i].low in AUXILIARIES
            while j + 1 < b and (toks[j + 1].low in AUXILIARIES or toks[j + 1].low in ("not", "never", "also", "n't")
                                 or toks[j + 1].low.endswith("ly")
                                 or _inflected_verb(toks[j + 1].low, lex)
                                 or (awaits_verb and lex.word(toks[j + 1].low).verb)):
                j += 1
                if toks[j].low in AUXILIARIES:
                    awaits_verb = True
                elif lex.word(toks[j].low).verb:
                    last = j
                    awaits_verb = False
            info = lex.word(toks[last].low)
            if info.function == "attribution":
                i = j + 1
                continue
            if info.key in _EVENT_TAKING_VERBS and last > i and not toks[last].low.endswith("ing") \
                    and any(toks[k].low in _BE for k in range(i, last)):
                # "a class action was filed", "an inquiry was opened": what was filed, the
                # subject, is the event (not "was given medicine", "were taken to hospital")
                subject = _subject_event(toks, a, i, lex)
                if subject:
                    return subject
            if info.key in LIGHT_VERBS or toks[last].low in AUXILIARIES:
                # "lodged an appeal", "is sorry": the first noun or adjective after it (not an adverb)
                for k in range(last + 1, min(b, last + 6)):
                    low = toks[k].low
                    word = lex.word(low)
                    if not low[:1].isalpha() or word.weight <= 0 or word.function or (low.endswith("ly") and not word.noun):
                        continue
                    if word.noun or not word.verb:
                        phrase = _phrase_concept(toks, k, b, lex)  # "filed a class-action lawsuit": sue
                        return ("w:" + phrase,) if phrase else tuple("w:" + c for c in word.concepts)
                return ()
            return tuple("w:" + c for c in info.concepts)
    return ()


def _subject_end(toks: list[Tok], span: PropositionSpan, verbs: _Verbs) -> int:
    """Where a main clause's subject ends in the sentence ("Around 60,000 tonnes of rock |
    slid from ..."), or -1."""
    if span.role != "main" or span.subject is not None or not span.pieces:
        return -1
    a, b = span.pieces[0]
    found = _subject(toks, a, b, verbs)
    return toks[found[1] - 1].end if found and found[0] == a else -1


def _subject_event(toks: list[Tok], a: int, i: int, lex: Lexicon) -> tuple[str, ...]:
    """The concepts of the last noun (or phrase of concepts.txt) before toks[i]: the head of
    the subject of a passive light verb ("A proposed class action was filed" -> sue)."""
    found: tuple[str, ...] = ()
    lemmas = [lex.word(t.low).key if t.low[:1].isalpha() else t.low for t in toks[a:i]]
    k = 0
    while k < len(lemmas):
        phrase = lex.phrase_at(lemmas, k)
        word = lex.word(toks[a + k].low)
        if phrase is not None and phrase[1] >= 2 and not phrase[0].concept.startswith("~"):
            found, k = ("w:" + phrase[0].concept,), k + phrase[1]
            continue
        if toks[a + k].low[:1].isalpha() and word.noun and word.weight > 0 and not word.function:
            found = tuple("w:" + c for c in word.concepts)
        k += 1
    return found


def _inflected_verb(low: str, lex: Lexicon) -> bool:
    """A participle that goes on a verb group ("has been stolen", "were forced"), not a base
    form that happens to end like one: "prised open a shutter" is prising, not opening."""
    word = lex.word(low)
    return word.verb and low.endswith(("ed", "en", "ing")) and word.key != low


def _phrase_concept(toks: list[Tok], i: int, b: int, lex: Lexicon) -> str:
    """The concept of a phrase of data/concepts.txt of two or more words starting at
    toks[i] ("class action" -> sue), or ""."""
    lemmas = [lex.word(t.low).key if t.low[:1].isalpha() else t.low for t in toks[i:b]]
    found = lex.phrase_at(lemmas, 0) if lemmas else None
    if found is None or found[1] < 2 or found[0].concept.startswith("~"):
        return ""
    return found[0].concept


def _inside_value(tok: Tok, quantities, lex: Lexicon) -> bool:
    """A word that is part of a stated value ("two", "hours", "$"), not the noun a count counts."""
    for q in quantities:
        if q.start <= tok.start < q.end:
            if q.kind == "count" and tok.low[:1].isalpha() and lex.word(tok.low).noun and not tok.low in _NUMBER_WORDS:
                return False
            return True
    return False


_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
billion trillion dozen half quarter""".split())


def _with_contexts(quantities, toks: list[Tok], lex: Lexicon):
    """Each value with the concepts of the content words next to it (the measure it states)."""
    from dataclasses import replace

    out = []
    for q in quantities:
        # within the value's own clause: "ran 2h03m11s, a negative split of 29 seconds" says
        # nothing of what 2h03m11s measures
        before = [t for t in _clause_before(toks, q.start) if t.low[:1].isalpha()][-P.VALUE_CONTEXT_WORDS:]
        after = [t for t in _clause_after(toks, q.end) if t.low[:1].isalpha()][:P.VALUE_CONTEXT_WORDS]
        head = _head_of(before, lex)
        if head is not None:
            before = [head]  # "annual cost savings of $140 million": it measures the savings, not a cost
        if q.kind in ("money", "percent"):
            named = _noun_after(after, lex)
            if named is not None:
                before, after = [named], []  # "a fully committed $1.6 billion bridge facility": the facility
        ctx = set()
        for t in before + after:
            info = lex.word(t.low)
            if info.weight > 0 and not info.function and t.low not in _NUMBER_WORDS:
                ctx.update(info.concepts)
        out.append(replace(q, context=tuple(sorted(ctx)), change=_change(q, toks, ctx)))
    return tuple(out)


_MODALS = frozenset("would could might may can wouldn't couldn't can't cannot".split())
# verbs of what is meant or foreseen: "has promised 450 jobs", "is expected to create 450
# jobs", "aims to hire 200" state what will be, like a modal
_INTENT_VERBS = frozenset("promise pledge vow intend expect forecast aim".split())


_HABITUAL = frozenset("usually normally typically ordinarily generally customarily".split())


def _possible(toks: list[Tok], ranges, lex: Lexicon) -> bool:
    """Does the proposition say what could or would happen, by a modal verb outside
    quotation marks ("up to 600 jobs could go", "the factory would employ 300", "can carry up
    to 600 passengers", "could be lost")? Its values are no rivals of what is ("employs 2,300",
    "was carrying 312"). A modal before "be" and a state is an estimate of what is ("could
    be worth as much as €20 million"), not a possibility."""
    for a, b in ranges:
        for i in range(a, b):
            t = toks[i]
            if not t.depth and (_intends(toks, i, b, lex) or t.low in _HABITUAL):
                return True  # (what usually is: "usually operates about 1,050 flights a day")
            if t.low not in _MODALS or t.depth or t.text == "May":  # "May": the month
                continue
            j = i + 1
            while j < b and toks[j].low in ("not", "also", "still", "now", "n't"):
                j += 1
            if j < b and toks[j].low == "be":
                nxt = toks[j + 1].low if j + 1 < b else ""
                info = lex.word(nxt)
                return info.verb and info.key != nxt and not nxt.endswith("ing")  # "could be lost", not "be worth"
            return True
    return False


def _intends(toks: list[Tok], i: int, b: int, lex: Lexicon) -> bool:
    """Is toks[i] a verb of intent or forecast, inflected or before "to" ("promised",
    "expects", "aim to"), rather than a noun ("a promise", "the aim")?"""
    t = toks[i]
    if lex.word(t.low).key not in _INTENT_VERBS:
        return False
    return t.low.endswith(("ed", "es", "s")) or (i + 1 < b and toks[i + 1].low == "to")


def _head_of(before: list[Tok], lex: Lexicon) -> Tok | None:
    """The noun a value is "of" ("savings of $140 million", "a premium of about 27%", "a
    capacity of 8 GWh"): what the value measures."""
    words = [t for t in before if t.low not in HEDGES]
    if len(words) >= 2 and words[-1].low == "of" and lex.word(words[-2].low).noun:
        return words[-2]
    return None


def _noun_after(after: list[Tok], lex: Lexicon) -> Tok | None:
    """The noun an amount or a percentage stands before ("a $1.6 billion bridge facility", "a
    27% premium"): the last of the nouns right after it."""
    head = None
    for t in after:
        info = lex.word(t.low)
        if not info.noun or info.function or t.low in PREPOSITIONS or t.low in _NOT_NOUN_AFTER_HEAD:
            break
        head = t
    return head


_CLAUSE_MARKS = frozenset((",", ";", ":", "–", "—", "(", ")"))


def _clause_before(toks: list[Tok], start: int) -> list[Tok]:
    out = [t for t in toks if t.end <= start]
    k = len(out)
    while k > 0 and out[k - 1].low not in _CLAUSE_MARKS:
        k -= 1
    return out[k:]


def _clause_after(toks: list[Tok], end: int) -> list[Tok]:
    out = []
    for t in toks:
        if t.start < end:
            continue
        if t.low in _CLAUSE_MARKS:
            break
        out.append(t)
    return out


def _change(q, toks: list[Tok], context: set[str]) -> str:
    """Which way a percentage says something moved, when it is the size of the move
    ("jumped 24%", "closed down 4.1%", "24% higher"); "" for a level ("rose to 5.2%", "a
    27% premium")."""
    if q.kind not in P.CHANGE_KINDS:
        return ""
    prev = next((t.low for t in reversed(toks) if t.end <= q.start), "")
    if prev in ("to", "from", "at", "of"):
        return ""  # "rose to 5.2%", "up from 14%": the level reached or left
    ways = {P.CHANGE_DIRECTIONS[c] for c in context if c in P.CHANGE_DIRECTIONS}
    return ways.pop() if len(ways) == 1 else ""


def _ranges_span(toks: list[Tok], ranges) -> tuple[int, int]:
    starts = [toks[a].start for a, b in ranges if b > a]
    ends = [toks[b - 1].end for a, b in ranges if b > a]
    return (min(starts), max(ends)) if starts else (0, 0)


def _claimable(sentence, toks: list[Tok], spans: list[PropositionSpan], lex: Lexicon, verbs: _Verbs,
               datum: bool = False) -> bool:
    if getattr(sentence, "truncated", False):
        return False
    if datum:
        return True
    if sentence.block == "heading":
        return False
    if sentence.text.rstrip(" \"”’'").endswith("?"):
        return False  # a question states nothing ("How do you know if your bottle is affected?")
    if _reader_instruction(toks, lex):
        return False
    words = [t for t in toks if t.low[:1].isalpha()]
    if len(words) < P.MIN_CLAIM_WORDS:
        return False
    letters = sum(c.isalpha() for c in sentence.text)
    if letters < P.MIN_LETTER_SHARE * len(sentence.text):
        return False
    return any(verbs.finite(toks, i) or verbs.participle(toks[i]) or _verb_only(toks[i], lex) for i in range(len(toks))) \
        or (verbs.mostly_english(toks) and any(verbs.could_be_finite(toks, i) for i in range(len(toks))))


# where a reader is sent: the channel of a service line
_CHANNEL_WORDS = frozenset("online app website site form email phone helpline hotline line number".split())


def _reader_instruction(toks: list[Tok], lex: Lexicon) -> bool:
    """A service line telling the reader what to do and where, an instruction on both sides
    of a colon ("Report a suspected side effect: use the Green Form online or in the app")."""
    colon = next((i for i, t in enumerate(toks) if t.low == ":" and not t.depth), None)
    if colon is None or colon < 2 or colon + 1 >= len(toks):
        return False

    def instruction(t: Tok) -> bool:
        info = lex.word(t.low)
        return t.low.isalpha() and info.verb and info.key == t.low and info.function in ("", "attribution") \
            and t.low not in AUXILIARIES

    return instruction(toks[0]) and instruction(toks[colon + 1]) and any(t.low in _CHANNEL_WORDS for t in toks[colon + 1:])


_DATUM = re.compile(r"\s*([A-Za-z][A-Za-z' -]{1,30}):\s*\d")


def _is_datum(text: str, lex: Lexicon) -> bool:
    """A fact-box line of a report, "Deaths: 96", "Injured: 1,240, of whom 212 remain in
    hospital": a count under a label that says what happened to those counted (one of
    MEASURE_CONCEPTS). It states a figure though it has no verb and reads like a heading."""
    m = _DATUM.match(text)
    if not m:
        return False
    return any(set(lex.word(w).concepts) & P.MEASURE_CONCEPTS for w in m.group(1).lower().split())


def _verb_only(tok: Tok, lex: Lexicon) -> bool:
    """A word that can only be a verb ("remain", "say"): a sentence holding one states something."""
    if not tok.low[:1].isalpha() or tok.text[:1].isupper():
        return False
    info = lex.word(tok.low)
    return info.verb and not info.noun and not info.function


_SAID_AFTER = re.compile(r"^(?:,[^,]{0,60},)?\s+(?:also\s+)?(?:said|says|told|added|wrote|explained|warned)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|according to)\s+$")
_QUOTED_SPANS = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _quote_speakers(toks: list[Tok], text: str, lex: Lexicon, start: int, first: int,
                    shouting: bool) -> tuple[tuple[str, ...], dict[str, float]]:
    """The speakers a direct quotation's attribution names ('..., chief executive Hollis
    Varga said'), and their name features at SPEAKER_WEIGHT_FACTOR of their weight."""
    feats, _, names, keys = _word_features(toks, [(start, len(toks))], lex, first, shouting, set())
    speakers = _speakers(names, text)
    parts = {_name_part(p) for sp in speakers for p in re.split(r"[\s-]+", sp)}
    own = {k: w * P.SPEAKER_WEIGHT_FACTOR for k, w in feats.items()
           if k in keys and k.split(":", 1)[1] in parts}
    return speakers, own


def _speakers(names: list[str], text: str) -> tuple[str, ...]:
    out = []
    for name in names:
        i = text.find(name)
        if i < 0:
            continue
        after = text[i + len(name):i + len(name) + 40].lower()
        before = text[max(0, i - 12):i].lower()
        if _SAID_AFTER.match(after) or _SAID_BEFORE.search(before):
            out.append(name)
    return tuple(out)


def extract_record(record: Record, lex: Lexicon | None = None) -> RecordFacts:
    lex = lex or Lexicon.default()
    count_noun = _count_noun(lex)
    verbs = _Verbs(lex)
    sentences: list[SentenceFacts] = []
    props: list[Proposition] = []
    open_quote, paragraph = False, None
    antecedent: tuple[str, ...] = ()
    surnames: set[str] = set()
    for index, s in enumerate(record.sentences):
        if s.paragraph != paragraph:
            open_quote, paragraph = False, s.paragraph
        continues = open_quote
        open_quote = _quote_left_open(s.text, open_quote)
        text = s.text
        toks = tokenize(text, lex.fold)
        letters = [c for c in text if c.isalpha()]
        shouting = len(letters) > 12 and sum(c.isupper() for c in letters) > P.SHOUTING_SHARE * len(letters)
        start = _dateline_end(text, toks)
        first = next((i for i in range(start, len(toks)) if toks[i].low[:1].isalpha()), start)
        datum = _is_datum(text, lex)
        # a fact-box line ("Deaths: 96") is one proposition: its label and its figure
        spans = [PropositionSpan(((start, len(toks)),), None, "main")] if datum else \
            split_propositions(toks, lex, start, verbs)
        quantities = extract_quantities(text, count_noun)
        quote = _is_direct_quote(text, s.block) or continues
        all_names: list[str] = []
        quantities = _with_contexts(quantities, toks, lex)
        speakers, speaker_feats = _quote_speakers(toks, text, lex, start, first, shouting) if quote else ((), {})
        for span in spans:
            ranges = list(span.pieces) + ([span.subject] if span.subject and not span.subject_read_only else [])
            skip = {i for a, b in ranges for i in range(a, b) if _inside_value(toks[i], quantities, lex)}
            if span.skip:
                skip.update(range(*span.skip))
            feats, negated, names, name_keys = _word_features(toks, ranges, lex, first, shouting, skip)
            earlier_names = list(all_names)  # named in this sentence before this proposition
            all_names.extend(n for n in names if n not in all_names)
            for k, w in speaker_feats.items():  # who speaks is part of what a quotation states
                if k not in feats:
                    feats[k] = w
                    name_keys = name_keys | {k}
            lo, hi = _ranges_span(toks, span.pieces)
            own_q = tuple(q for q in quantities if any(toks[a].start <= q.start < toks[b - 1].end for a, b in span.pieces if b > a))
            for q in own_q:
                key = "q:" + q.key
                feats[key] = max(feats.get(key, 0.0), value_weight(q))
            predicate = _predicate(toks, span.pieces, lex, verbs, skip)
            for key in predicate:
                if key in feats:
                    feats[key] *= P.PREDICATE_BOOST
            body, standalone = _render(text, toks, span, verbs)
            opener = body.split(" ", 1)[0].lower()
            # "He was cleared of three further counts", "His camp is appealing": about the
            # person named before ("His brother-in-law, Ansel Pryke, denies ..." is about Pryke);
            # "Only Mekonnen Asrat tried to respond, and he was six seconds down": a person this
            # sentence named before the pronoun, else the one an earlier sentence named
            person = ()
            if opener in _PERSON_PRONOUNS or (opener in _PERSON_POSSESSIVES and not name_keys):
                person = (_first_person(_with_first_word(earlier_names, text[toks[first].start:]), set(surnames), lex)
                          if earlier_names and not quote else ()) or antecedent
            if person:
                borrowed = tuple("n:" + part for part in person if "n:" + part not in feats)
                for key in borrowed:
                    feats[key] = lex.background_weight(key[2:]) * P.ANTECEDENT_WEIGHT_FACTOR
                name_keys = name_keys | set(borrowed)
            if len(spans) == 1 and span.subject is None and _ranges_span(toks, span.pieces)[0] <= toks[first].start:
                body = text[toks[start].start:].strip() if start else text.strip()
            props.append(Proposition(index, lo, hi, span.role, body, standalone,
                                     tuple(sorted(feats.items())), own_q, negated,
                                     tuple(k for k in predicate if k in feats), tuple(sorted(name_keys)),
                                     tuple(sorted(speaker_feats)), _places(text, toks, span.pieces, lex),
                                     _purposes(text, toks, span.pieces, lex),
                                     _possible(toks, list(span.pieces) + ([span.lead_in] if span.lead_in else []), lex),
                                     _located(toks, span.pieces, name_keys),
                                     _subject_end(toks, span, verbs)))
        if not spans:
            _, _, all_names, _ = _word_features(toks, [(0, len(toks))], lex, first, shouting, set())
        claimable = _claimable(s, toks, spans, lex, verbs, datum)
        # the person a later "he" stands for; a headline's capitalized words are no person
        # ("The Bottle Heard Round Marrisford")
        if s.block != "heading" and not shouting:
            if quote or _QUOTED_SPANS.search(text):
                # after a quotation "he" is likely its speaker: only a speaker named outside it carries on
                antecedent = _first_person(list(speakers or _speakers(all_names, text)), surnames, lex)
            else:
                antecedent = _first_person(_with_first_word(all_names, text[toks[first].start:] if toks else ""),
                                           surnames, lex) or antecedent
        all_names.extend(n for n in speakers if n not in all_names)
        sentences.append(SentenceFacts(index, claimable, quote, 0.0 if continues else commentary_score(text),
                                       speakers or _speakers(all_names, text), tuple(all_names), continues))
    return RecordFacts(record.id, record.content_hash, tuple(sentences), tuple(props))


_PERSON_PRONOUNS = frozenset(("he", "she"))  # stand for a person named before
_PERSON_POSSESSIVES = frozenset(("his", "her"))


def _name_part(word: str) -> str:
    """A word of a name as its feature key reads it: folded, without a possessive "'s"."""
    return fold(word).replace("’", "'").removesuffix("'s")


def _with_first_word(names: list[str], text: str) -> list[str]:
    """The names, the first of them with the capitalized word that opens the sentence right
    before it, which name detection leaves out when it is a common word ("Collins Ruto
    finished third": "Collins Ruto", not "Ruto")."""
    m = _OPENING_NAME.match(text)
    if not names or not m or not names[0].startswith(m.group(2)) or m.group(1) in _NOT_GIVEN_NAMES:
        return names
    return [m.group(1) + " " + names[0]] + names[1:]


_OPENING_NAME = re.compile(r"([A-Z][a-z]+) ([A-Z][\w'’-]+)")
# sentence openers that are no given name before a surname ("Yesterday Tarus won", "Police Chief ...")
_NOT_GIVEN_NAMES = frozenset("The A An This That Yesterday Today Tomorrow Last Next When After Before Then Now "
                             "Police Officials Former Ex But And So".split())


def _first_person(names: list[str], surnames: set[str], lex: Lexicon) -> tuple[str, ...]:
    """The name parts of the first person a sentence names (its likely subject), for a
    later "he" or "her" to stand for: a name of two or more words ending in a rare word
    ("Lazarus Tarus", "Attorney General Maren Okafor"), or a rare word already seen ending
    one ("Tarus"). Adds the last word of every such full name to `surnames`."""
    first: tuple[str, ...] = ()
    for name in names:
        parts = [_name_part(w) for w in name.split()]
        if not parts or not all(w.isalpha() for w in parts) or not lex.is_rare(parts[-1], P.NAME_MAX_ZIPF):
            continue
        full = len(parts) >= 2 and parts[-2] not in _NAME_CONNECTORS
        if full:
            surnames.add(parts[-1])
        if not first and (full or parts[-1] in surnames):
            first = (parts[-1],)
    return first


_LOCATIVES = frozenset("in at on aboard inside onboard near outside".split())


def _located(toks: list[Tok], pieces, name_keys) -> tuple[str, ...]:
    """The name keys right after a place preposition ("a new plant in
    Hollis", "residents of Farrow" is not one): the names a proposition uses as places."""
    out = set()
    for a, b in pieces:
        for i in range(a, b - 1):
            if toks[i].low in PLACE_PREPOSITIONS and toks[i + 1].text[:1].isupper():
                key = "n:" + _name_part(toks[i + 1].text)
                if key in name_keys:
                    out.add(key)
    return tuple(sorted(out))


def _places(text: str, toks: list[Tok], pieces, lex: Lexicon) -> tuple[Place, ...]:
    """The place slots of a proposition: a locative preposition, an optional determiner
    or possessor ("its", "the ferry's"), then up to PLACE_MAX_WORDS words of which the
    last that is a place noun (data/places.txt) ends the phrase ("on the ferry's vehicle
    deck Tuesday morning" -> "vehicle deck"; "in U.S. District Court" -> "U.S. District Court")."""
    out = []
    for a, b in pieces:
        for i in range(a, b):
            if toks[i].low not in _LOCATIVES or toks[i].depth:
                continue
            j = i + 1
            while j < b and (toks[j].low in DETERMINERS or toks[j].low.endswith(("'s", "’s"))):
                j += 1
            owner = _possessor_name(toks, j, b)  # "at Brenholt Pharma's plant": Brenholt Pharma's
            j = owner or j
            words, end = [], None
            k = j
            while k < b and len(words) < P.PLACE_MAX_WORDS:
                t = toks[k]
                if not t.text.replace(".", "").isalpha() or t.low in PREPOSITIONS or t.low in AUXILIARIES \
                        or t.low in DETERMINERS \
                        or (words and t.text[:1].isupper() and toks[k - 1].text[:1].islower()):
                    break  # "... deck Tuesday morning": a name after common words starts something else
                lemma = lex.word(t.text).key
                words.append(lemma)
                if lemma in lex.place_nouns and _ends_phrase(toks, k, b, lex):
                    end = (k, len(words))
                k += 1
            if end is not None:
                last, n = end
                named = _place_name_after(toks, last + 1, b)  # "plant in Ruddingsholm": the Ruddingsholm plant
                if named is not None and all(not toks[x].text[:1].isupper() for x in range(j, last + 1)):
                    out.append(Place(text[toks[j].start:toks[named[1] - 1].end], words[n - 1],
                                     tuple(lex.word(toks[x].text).key for x in range(*named)) + tuple(words[:n])))
                else:
                    out.append(Place(text[toks[j].start:toks[last].end], words[n - 1], tuple(words[:n])))
    return tuple(out)


def _possessor_name(toks: list[Tok], j: int, b: int) -> int | None:
    """The index after a capitalized name ending in a possessive at toks[j] ("Brenholt
    Pharma's"), or None."""
    k = j
    while k < b and k - j < P.PLACE_MAX_WORDS and toks[k].text[:1].isupper():
        if toks[k].low.endswith(("'s", "’s")):
            return k + 1
        k += 1
    return None


def _place_name_after(toks: list[Tok], k: int, b: int) -> tuple[int, int] | None:
    """The capitalized name after "in" or "at" at toks[k] ("plant in Ruddingsholm"), as a
    token range, or None."""
    if k + 1 >= b or toks[k].low not in ("in", "at") or not toks[k + 1].text[:1].isupper():
        return None
    end = k + 1
    while end < b and toks[end].text[:1].isupper() and toks[end].text.replace(".", "").isalpha():
        end += 1
    return (k + 1, end)


# Phrases that say what something is for; a word of "|" alternatives matches any of them.
_PURPOSE_MARKERS = tuple(tuple(w.split("|") for w in m.split()) for m in (
    "in order to", "so as to", "in a bid to", "in an effort to", "in an attempt to", "aimed at",
    "intended to", "designed to", "meant to", "with the aim of", "with the goal of",
    "for the purpose of", "is|was|were|are|be|been|being used to", "will go towards", "earmarked for"))
_PURPOSE_ENDS = frozenset("and but or while after before because when whereas although which who that".split())
# the markers by their first word, so that most tokens are passed over at one lookup
_PURPOSE_MARKERS_BY_FIRST: dict[str, tuple] = {}
for _marker in _PURPOSE_MARKERS:
    for _first in _marker[0]:
        _PURPOSE_MARKERS_BY_FIRST[_first] = _PURPOSE_MARKERS_BY_FIRST.get(_first, ()) + (_marker,)


def _purposes(text: str, toks: list[Tok], pieces, lex: Lexicon) -> tuple[Purpose, ...]:
    """The purpose slots of a proposition: up to PURPOSE_MAX_WORDS words after a purpose
    marker, to the end of its clause ("..., in a bid to cut costs, the board said")."""
    out = []
    for a, b in pieces:
        for i in range(a, b):
            n = _marker_at(toks, i, b)
            if not n:
                continue
            j = k = i + n
            words: list[str] = []
            while k < b and k - j < P.PURPOSE_MAX_WORDS and toks[k].low[:1].isalnum() and not toks[k].depth \
                    and toks[k].low not in _PURPOSE_ENDS:
                info = lex.word(toks[k].low)
                if info.weight > 0 and not info.function:
                    words.extend(c for c in info.concepts if c not in words)
                k += 1
            if words:
                out.append(Purpose(text[toks[j].start:toks[k - 1].end], tuple(words)))
    return tuple(out)


def _marker_at(toks: list[Tok], i: int, b: int) -> int:
    """How many tokens a purpose marker starting at toks[i] spans (0: none)."""
    for marker in _PURPOSE_MARKERS_BY_FIRST.get(toks[i].low, ()):
        if i + len(marker) < b and all(toks[i + k].low in alts and not toks[i + k].depth for k, alts in enumerate(marker)):
            return len(marker)
    return 0


def _ends_phrase(toks: list[Tok], k: int, b: int, lex: Lexicon) -> bool:
    """Does the noun phrase end at toks[k]? Not when a common noun follows ("a field
    unit": the place is the unit), nor inside a name ("Port Ellery", "Quay 3", "Harbour
    Trust": a name ending in a place noun is a place, "U.S. District Court")."""
    if k + 1 >= b:
        return True
    t = toks[k + 1]
    if toks[k].text[:1].isupper() and (t.text[:1].isupper() or t.text[:1].isdigit()):
        return False
    if not t.text.isalpha() or t.text[:1].isupper() or t.low in PREPOSITIONS or t.low in AUXILIARIES:
        return True
    return lex.word(t.text).verb


_QUOTE_MARKS = re.compile(r"[“”\"]")


def _quote_left_open(text: str, was_open: bool) -> bool:
    """Is a quotation still open after this sentence (a quote running over sentences)?"""
    opens = text.count("“") + (text.count('"') if not was_open else 0)
    closes = text.count("”")
    if '"' in text and "“" not in text:
        return (text.count('"') % 2 == 1) != was_open
    return (was_open and closes == 0) or opens > closes


def _is_direct_quote(text: str, block: str) -> bool:
    """Mostly words inside quotation marks, or a block quote, or a quotation opening the
    sentence before its attribution ('"We are sorry," the chief executive told TTV News
    outside the company's offices on Harbour Road'), however long the attribution."""
    if block == "quote":
        return True
    quoted = sum(len(m) for m in _QUOTED_SPANS.findall(text))
    if quoted >= P.QUOTE_SHARE * len(text):
        return True
    opening = _QUOTED_SPANS.match(text)
    return opening is not None and _ATTRIBUTION_AFTER_QUOTE.match(text, opening.end()) is not None


# '"...," chief executive Hollis Varga told': the attribution right after an opening quotation
_ATTRIBUTION_AFTER_QUOTE = re.compile(
    r"\s*(?:[\w'’.-]+\s+){0,8}?(?:said|says|told|tells|added|adds|wrote|explained|warned)\b")
