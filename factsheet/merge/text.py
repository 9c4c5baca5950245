"""Word-level normalization: tokens, stopwords, a light stemmer, general news
synonyms. Pure functions, no corpus knowledge."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves s t don now new one per via upon amid among within without across along around
already still yet even though however also said say says told tell stated state according would
""".split())

# General reporting/news synonyms, mapped to one representative stem.
SYNONYMS = {
    "said": "say", "says": "say", "saying": "say", "told": "say", "tell": "say", "stated": "say",
    "state": "say", "noted": "say", "note": "say", "added": "say", "explain": "say", "explained": "say",
    "spend": "invest", "spent": "invest", "spending": "invest", "investment": "invest", "invested": "invest",
    "investing": "invest", "invests": "invest",
    "purchase": "buy", "purchases": "buy", "purchased": "buy", "bought": "buy", "buying": "buy",
    "acquire": "buy", "acquired": "buy",
    # nouns for one arrangement between parties, used interchangeably in news
    "pact": "agreement", "deal": "agreement", "accord": "agreement", "partnership": "agreement",
    "tie-up": "agreement", "alliance": "agreement", "agreements": "agreement", "deals": "agreement",
    "firm": "company", "companies": "company", "firms": "company",
    "centre": "center", "centres": "center", "organisation": "organization",
    "programme": "program", "labour": "labor",
    "roughly": "about", "approximately": "about", "nearly": "about", "around": "about",
    "percent": "%", "per cent": "%",
    "began": "start", "begin": "start", "begun": "start", "started": "start", "starting": "start",
    "commenced": "start", "launched": "launch",
    "killed": "die", "died": "die", "dead": "die", "deaths": "die", "death": "die",
    "injured": "injur", "injuries": "injur", "wounded": "injur",
    "announce": "announc", "unveiled": "announc", "unveil": "announc",
    "workers": "worker", "employees": "worker", "staff": "worker",
    "negotiations": "talk", "negotiation": "talk", "negotiate": "talk", "talks": "talk",
    "wage": "pay", "wages": "pay", "salary": "pay", "salaries": "pay",
    "collapsed": "collapse", "broke": "collapse",
    "hurt": "injur",
    "metre": "meter", "metres": "meter", "kilometre": "kilometer", "kilometres": "kilometer",
    "manufacture": "produc", "manufactured": "produc", "manufacturing": "produc", "manufactures": "produc",
    "produce": "produc", "produced": "produc", "producing": "produc", "production": "produc", "produces": "produc",
    "teamed": "agreement", "partnering": "agreement", "partnered": "agreement", "partner": "agreement",
    "partners": "agreement", "collaborate": "agreement", "collaborated": "agreement", "collaborating": "agreement",
    "collaboration": "agreement",
    "hardware": "equipment", "gear": "equipment",
    "dependence": "relian", "dependency": "relian", "reliance": "relian", "relies": "relian", "rely": "relian",
    "depend": "relian", "depends": "relian",
    "problems": "problem", "issues": "problem", "issue": "problem", "difficulties": "problem",
    "resolve": "address", "solve": "address", "tackle": "address", "fix": "address",
    "assembly": "assembl", "assembling": "assembl", "assemble": "assembl", "assembled": "assembl",
    "require": "need", "requires": "need", "required": "need", "needs": "need",
}

_SUFFIXES = (("ational", "ate"), ("ization", "ize"), ("ations", "ate"), ("ation", "ate"), ("iness", "y"),
             ("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w.startswith("co-") and len(w) > 5:
        w = w[3:]  # "co-design" states the design, jointly
    if w in SYNONYMS:
        return SYNONYMS[w]
    if len(w) <= 4:
        return w
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            w = w[: len(w) - len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return SYNONYMS.get(w, w)


def words(text: str) -> list[str]:
    return WORD.findall(text)


class _ContentStem(dict):
    """word as written -> its content stem, or "" for a stopword; filled on first use."""

    def __missing__(self, w: str) -> str:
        lw = w.lower().replace("’", "'")
        if lw in STOPWORDS or (lw.endswith("'s") and lw[:-2] in STOPWORDS):
            s = ""
        else:
            s = stem(w)
            if s in STOPWORDS:
                s = ""
        if len(self) > 300_000:
            self.clear()  # bounded: a long-running server sees ever new words
        self[w] = s
        return s


_CONTENT_STEM = _ContentStem()


_STEMS_OF_TEXT: dict[str, tuple[str, ...]] = {}  # the merge asks again and again for the same clauses


def content_stems(text: str) -> list[str]:
    """Stems of non-stopword words, in order (a new list each call)."""
    hit = _STEMS_OF_TEXT.get(text)
    if hit is None:
        hit = tuple(filter(None, map(_CONTENT_STEM.__getitem__, WORD.findall(text))))  # "": a stopword
        if len(_STEMS_OF_TEXT) >= 100_000:
            _STEMS_OF_TEXT.clear()  # bounded
        _STEMS_OF_TEXT[text] = hit
    return list(hit)


def normalize_space(text: str) -> str:
    return " ".join(text.split())


_ID_RUN = re.compile(r"[\w%$.]+")


def normalized_for_id(text: str) -> str:
    """Lowercase, punctuation-free, single-spaced: the basis of claim ids."""
    # the runs of word characters, "%", "$" and "." joined by single spaces: what replacing every
    # other run (quotes, apostrophes, white space included) by a space and splitting gives
    return " ".join(_ID_RUN.findall(text.lower()))


# Characters for which an IGNORECASE match of an ASCII pattern differs from a plain match on the
# lower-cased text ("ſ" matches "s", "İ" lowers to two characters, the Kelvin sign to "k", ...).
# Without them, a case-sensitive regex on text.lower() finds what the IGNORECASE one finds, faster.
CASE_FOLD_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


def literal_trie(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One regex that matches wherever any of the literal phrases occurs, shaped as a
    prefix tree so the engine tests one character per branch: several times faster
    than a flat alternation or one substring test per phrase."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(trie))
