"""Words as the merge compares them: folded, lemmatized, mapped to concept classes,
and weighted by how common they are in English.

    Lexicon.word("Escaped")  -> WordInfo(key="flee", concepts=("flee",), weight=..., verb=True, ...)

* Folding: Unicode compatibility form, accents and case removed, curly apostrophes
  straightened ("Café" / "cafe", "Dunmore’s" / "dunmore's").
* Lemmas: lemminflect's English lemma tables (broke / broken -> break, stole / stolen
  -> steal, fled -> flee). Chosen over simplemma after measuring both on news
  vocabulary: simplemma leaves "won" and "broke" as they are and turns "gone" into
  "gan"; lemminflect gets them right and also says which parts of speech a word can
  be (the proposition splitter needs to know what can be a verb). It is slower per
  call (7 us against 0.3 us), which the per-word memo makes irrelevant.
* Derivation: "evacuation" -> "evacuate", "approval" -> "approve", "payment" -> "pay"
  when the base form is a known English verb.
* Concept classes (data/concepts.txt): general English words that report the same
  thing ("fled", "escaped", "made off") share a class.
* Background weight: wordfreq's Zipf frequency of the word in general English, so that a
  word's weight does not depend on which articles happen to be in the corpus.

One Lexicon is built per process (``Lexicon.default()``) and holds the per-word memo;
everything it returns is a pure function of the word.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources

from . import params as P

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def fold(text: str) -> str:
    """Compatibility form, no accents, lower case, straight apostrophes."""
    if text.isascii():
        return text.translate(_APOSTROPHES).lower()  # NFKD leaves ASCII as it is, and none of it combines
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# Function words: never a feature, whatever their frequency says.
STOPWORDS = frozenset("""
a an the and or but nor so yet for of in on at to from by with without within into onto upon over under
about above below between among across through during before after since until till than as like per via
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
this that these those there here who whom whose which what when where why how whether if then else
be am is are was were been being have has had having do does did done doing will would shall should
can could may might must ought also just only even still already very too quite rather more most less
least much many some any each every all both either neither one's own such other another same
not no never s t ll ve re d m 'd 's 're 've 'll n't its it's
mr mrs ms dr st several everyone everybody anyone anybody nothing something anything someone somebody
lot lots bit thing things way ways kind sort part whole
""".split())

# Words that open a proposition but refer back to something named elsewhere.
PRONOUNS = frozenset("he she it they this that these those his her its their him them we our".split())
POSSESSIVES = frozenset("his her its their our".split())  # pronouns that go before the noun they determine
# Words that open a clause hanging on another ("and ...", "which ...", "according to ..."): it does not read alone.
DEPENDENT_OPENERS = frozenset(("and", "but", "which", "who", "according"))
# words that soften a value written after them ("about 1.2 million", "savings of nearly $140m")
HEDGES = frozenset("about around approximately roughly nearly almost some over under more than less up to".split())


@dataclass(frozen=True)
class WordInfo:
    key: str  # the lemma (folded); names and unknown words: the folded word
    concepts: tuple[str, ...]  # concept classes of the lemma (its own key when it has none)
    weight: float  # background weight: high for rare words, 0 for function words
    verb: bool  # can be a verb
    noun: bool  # can be a noun
    function: str = ""  # "attribution", "negation", "hedge" or ""


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]  # lemmas; "*" matches any one word
    concept: str


class Lexicon:
    """Concept classes, lemmas and background weights, with a per-word memo."""

    _default: "Lexicon | None" = None
    _default_lock = threading.Lock()

    def __init__(self, concept_text: str, place_text: str = "") -> None:
        from lemminflect import getAllLemmas, getAllLemmasOOV, getInflection
        from wordfreq import zipf_frequency

        self._all_lemmas = getAllLemmas
        self._inflections = getInflection
        self._oov_lemmas = getAllLemmasOOV
        self._zipf = zipf_frequency
        self._memo: dict[str, WordInfo] = {}
        self._rare_memo: dict[tuple[str, float], bool] = {}  # is_rare, asked of every word of a sentence
        self._folded: dict[str, str] = {}
        self._lock = threading.Lock()
        self.concepts_of: dict[str, tuple[str, ...]] = {}
        self.functions: dict[str, str] = {}
        self.phrases: dict[str, tuple[Phrase, ...]] = {}
        self.noun_only: set[tuple[str, str]] = set()  # (lemma, class): only word forms that can be nouns
        self.verb_only: set[tuple[str, str]] = set()  # (lemma, class): only its -ed and -ing forms
        self._concept_weights: dict[str, float] = {}
        self._load(concept_text)
        # nouns that name a place (data/places.txt), as lemmas: the heads of place slots
        self.place_nouns = frozenset(self._base_lemma(w) for line in place_text.splitlines()
                                     for w in line.split("#", 1)[0].split())

    @classmethod
    def default(cls) -> "Lexicon":
        """The lexicon of data/concepts.txt and data/places.txt, built once per process."""
        with cls._default_lock:
            if cls._default is None:
                data = resources.files(__package__).joinpath("data")
                cls._default = cls(data.joinpath("concepts.txt").read_text(encoding="utf-8"),
                                   data.joinpath("places.txt").read_text(encoding="utf-8"))
            return cls._default

    # -------------------------------------------------------------- loading

    def _load(self, text: str) -> None:
        phrases: dict[str, list[Phrase]] = {}
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line or ":" not in line:
                continue
            name, members = line.split(":", 1)
            name = name.strip()
            for member in re.findall(r'"[^"]+"|\S+', members):
                noun_only, verb_only = member.endswith("/n"), member.endswith("/v")
                member = member.removesuffix("/n").removesuffix("/v")
                words = tuple(self._base_lemma(w) if w != "*" else "*" for w in member.strip('"').split())
                if name.startswith("~"):
                    if len(words) == 1:
                        self.functions[words[0]] = name[1:]
                        if verb_only:
                            self.verb_only.add((words[0], name))
                    else:
                        phrases.setdefault(words[0], []).append(Phrase(words, name))
                elif len(words) == 1:
                    words = (self._member_word(member.strip('"')),)
                    if noun_only:
                        self.noun_only.add((words[0], name))
                    if verb_only:
                        self.verb_only.add((words[0], name))
                    have = self.concepts_of.get(words[0], ())
                    if name not in have:
                        self.concepts_of[words[0]] = have + (name,)
                else:
                    phrases.setdefault(words[0], []).append(Phrase(words, name))
        # longest first, so that "lose * life" wins over "lose"
        self.phrases = {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in phrases.items()}

    # -------------------------------------------------------------- words

    def _member_word(self, word: str) -> str:
        """A one-word class member as the merge looks it up: as written when it is a word in
        its own right ("wound" the injury, not a form of "wind"; "missing", not "miss"),
        else its lemma ("wounded" -> "wound")."""
        low = fold(word)
        if low.isalpha() and any(low in forms for forms in self._all_lemmas(low).values()):
            return low
        return self._base_lemma(word)

    def _base_lemma(self, word: str) -> str:
        low = fold(word)
        if not low.isalpha():
            return low
        return self._choose_lemma(low, self._all_lemmas(low))

    def _choose_lemma(self, low: str, lemmas: dict) -> str:
        """The verb reading first (stolen -> steal, fled -> flee), unless the word is a noun
        in its own right and the verb it would come from is rarer ("crew" is not "crow")."""
        verb = lemmas.get("VERB", (None,))[0]
        if verb and verb != low and low in lemmas.get("NOUN", ()) and (
                self._verb_zipf(verb, low) < self._zipf(low, "en") - P.NOUN_OVER_RARE_VERB):
            return low
        for pos in ("VERB", "NOUN", "ADJ", "ADV", "AUX"):
            if pos in lemmas:
                return lemmas[pos][0]
        return low

    def _verb_zipf(self, verb: str, low: str) -> float:
        """How common the verb is, as a verb: for an -ing noun, by its past tense, since the
        base form may be another word ("evening" is no form of "even", whose frequency is
        the adverb's: "evened" is rare; "meeting" is of "meet": "met" is common)."""
        if low.endswith("ing"):
            past = self._inflections(verb, tag="VBD")
            if past:
                return self._zipf(past[0], "en")
        return self._zipf(verb, "en")

    def _derived_base(self, lemma: str) -> str:
        """evacuation -> evacuate, approval -> approve, payment -> pay (known verbs only, and
        not much rarer than the word: "total" is no "tote")."""
        for suffix, replacements in P.DERIVATION_SUFFIXES:
            if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
                stem = lemma[: -len(suffix)]
                for rep in replacements:
                    cand = stem + rep
                    if "VERB" in self._all_lemmas(cand) and self._all_lemmas(cand)["VERB"][0] == cand \
                            and self._verb_zipf(cand, lemma) >= self._zipf(lemma, "en") - P.DERIVATION_MAX_RARER:
                        return cand
        return lemma

    def fold(self, token: str) -> str:
        """fold(), remembered per token."""
        hit = self._folded.get(token)
        if hit is None:
            hit = fold(token)
            if len(self._folded) > P.LEXICON_MEMO_SIZE:
                self._folded.clear()
            self._folded[token] = hit
        return hit

    def word(self, token: str) -> WordInfo:
        """What the merge knows about one word (as written; case is folded here)."""
        info = self._memo.get(token)
        if info is None:
            info = self._word(token)
            with self._lock:
                if len(self._memo) > P.LEXICON_MEMO_SIZE:
                    self._memo.clear()
                self._memo[token] = info
        return info

    def _word(self, token: str) -> WordInfo:
        low = fold(token).strip("'")
        if low.endswith("'s"):
            low = low[:-2]
        function = self.functions.get(low, "")
        if function and (low, "~" + function) in self.verb_only:
            function = ""  # "an earlier estimate": the noun of a /v member is a word
        if function in ("negation", "hedge"):
            return WordInfo(low, (), 0.0, False, False, function)
        if not low or low in STOPWORDS or not any(c.isalpha() for c in low):
            return WordInfo(low, (), 0.0, False, False, "stop" if low else "")
        lemmas = self._all_lemmas(low) if low.isalpha() else {}
        if not lemmas and low.isalpha() and len(low) > 3:
            # a word the tables do not know ("dockworkers", "ro-pax"): most likely a noun
            lemmas = self._oov_lemmas(low, "NOUN")
        verb = "VERB" in lemmas or "AUX" in lemmas
        noun = "NOUN" in lemmas or "PROPN" in lemmas
        key = low if low in self.concepts_of else self._choose_lemma(low, lemmas)
        function = self.functions.get(key, "")
        if function and (key, "~" + function) in self.verb_only and low in (key, key + "s", key + "es"):
            function = ""  # "claimed" reports speech; "claims" and "a claim" are things
        if function:
            return WordInfo(key, (), 0.0, verb, noun, function)
        if key not in self.concepts_of:
            key = self._derived_base(key)
        concepts = self.concepts_of.get(key)
        if concepts is not None:
            # "/n": the forms that can be nouns; "/v": the forms a noun never takes ("dammed",
            # "damming"; the tables do not always know "dam" and "dams" are nouns too)
            bare = low in (key, key + "s", key + "es")
            concepts = tuple(c for c in concepts if not ((key, c) in self.noun_only and not noun)
                             and not ((key, c) in self.verb_only and bare)) or None
        if concepts is None:
            return WordInfo(key, (key,), self.background_weight(low), verb, noun)
        return WordInfo(key, concepts, max(self.concept_weight(c) for c in concepts), verb, noun)

    def past_participle(self, token: str) -> bool:
        """Is the word a past participle of a verb ("hurt", "given", "cast", "stolen")?"""
        low = fold(token)
        return low.isalpha() and any(low in self._inflections(lemma, "VBN")
                                     for lemma in self._all_lemmas(low).get("VERB", ()))

    def negated_participle(self, token: str) -> str | None:
        """"unhurt" -> "hurt", "unharmed" -> "harmed": the past participle an un- word
        denies, or None ("unveiled" and "unlocked" are verbs of their own, "unusual" and
        "unclear" deny no participle)."""
        low = fold(token)
        if not (low.startswith("un") and len(low) > 5 and low.isalpha()) or "VERB" in self._all_lemmas(low):
            return None
        base = low[2:]
        for lemma in self._all_lemmas(base).get("VERB", ()):
            if base in self._inflections(lemma, "VBN"):
                return base
        return None

    def concept_weight(self, concept: str) -> float:
        """A class weighs the mean background weight of its one-word members, so that every
        member of "flee" (fled, escaped, bolted) counts the same when two texts share it."""
        w = self._concept_weights.get(concept)
        if w is None:
            members = [m for m, cs in self.concepts_of.items() if concept in cs]
            w = sum(self.background_weight(m) for m in members) / max(1, len(members))
            self._concept_weights[concept] = w
        return w

    def background_weight(self, word: str) -> float:
        """Rarer in general English -> heavier: linear in the word's log frequency."""
        zipf = self._zipf(word, "en")
        return max(0.0, min(P.WEIGHT_CAP, P.ZIPF_COMMON - zipf)) / P.WEIGHT_SCALE

    def in_a_class(self, word: str) -> bool:
        """Is the word a member of a concept class of data/concepts.txt (a word of news
        English the merge knows, whatever its frequency)?"""
        info = self.word(word)
        return not info.function and info.key in self.concepts_of and bool(info.concepts) \
            and set(info.concepts) <= set(self.concepts_of[info.key])

    def is_rare(self, word: str, max_zipf: float) -> bool:
        """Rarer than max_zipf in English, by the word's own form and by its lemma
        ("Tarnwell" is rare; "Tugs" is not, because "tug" is not)."""
        hit = self._rare_memo.get((word, max_zipf))
        if hit is None:
            low = fold(word)
            hit = self._zipf(low, "en") < max_zipf and (
                (lemma := self._base_lemma(low)) == low or self._zipf(lemma, "en") < max_zipf)
            with self._lock:
                if len(self._rare_memo) > P.LEXICON_MEMO_SIZE:
                    self._rare_memo.clear()
                self._rare_memo[(word, max_zipf)] = hit
        return hit

    def phrase_at(self, lemmas: list[str], i: int) -> tuple[Phrase, int] | None:
        """The longest concept phrase starting at lemmas[i], and how many entries it spans
        (hyphens between its words are skipped: "class-action" is "class action")."""
        for phrase in self.phrases.get(lemmas[i], ()):
            j = i
            ok = True
            for w in phrase.words:
                while j < len(lemmas) and lemmas[j] == "-" and j > i:
                    j += 1
                if j >= len(lemmas) or (w != "*" and w != lemmas[j]):
                    ok = False
                    break
                j += 1
            if ok:
                return phrase, j - i
        return None
