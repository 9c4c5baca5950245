"""Every threshold and weight of the merge, in one place, each with why.

tests/test_merge_params.py asserts the orderings these rely on (a restatement bar above
the discrepancy bar, the core bar above the join bar, ...). Change a value here and
run `../shared/eval/score_all.sh` and the merge tests; never tune to one corpus.
"""

# ------------------------------------------------------------------ words (lexicon.py)

# Background weight of a word = (ZIPF_COMMON - its Zipf frequency) / WEIGHT_SCALE, at most
# WEIGHT_CAP / WEIGHT_SCALE. Zipf is log10 of a word's frequency per billion words of
# general English: "the" 7.7, "said" 6.0, "fire" 5.3, "ferry" 4.0, "ransomware" 2.7, an
# invented name 0. Words as common as "said" or more weigh (almost) nothing; a name or
# a rare word weighs most. Linear in log frequency, like an inverse document frequency.
ZIPF_COMMON = 6.5
WEIGHT_CAP = 5.0
WEIGHT_SCALE = 2.5

# Derivational endings folded onto a known verb: (suffix, replacements to try).
DERIVATION_SUFFIXES = (
    ("ation", ("ate", "e", "")), ("ition", ("ite", "")), ("ment", ("",)), ("al", ("e", "")),
    ("ure", ("e", "")), ("ance", ("", "e")), ("ence", ("", "e")), ("ing", ("", "e")),
)
# ... only onto a verb at most this much rarer than the word (Zipf units): "approval" ->
# "approve", "closure" -> "close", but "total" is no form of "tote".
DERIVATION_MAX_RARER = 1.0
# A word that is a noun itself keeps its noun reading when the verb it could be a form of is
# rarer than the word by more than this (in Zipf units): "crew" stays "crew" (not "crow"),
# while "fell" becomes "fall" and "saw" becomes "see".
NOUN_OVER_RARE_VERB = 0.5
LEXICON_MEMO_SIZE = 500_000  # distinct word forms remembered per process (bounded memory)

# ------------------------------------------------------------------ values (quantities.py)

# "a few hundred", "several thousand": between this many times the scale word (2 to 9
# hundred), as vague as a wide range.
VAGUE_MULTIPLE_RANGE = (2.0, 9.0)
# Relative tolerance for values stated exactly: "387-foot" is 117.96 m, "118-metre" 118 m.
# Durations convert exactly (a month is a twelfth of a year) and "2:03:11" is not "2:03:12".
EXACT_TOLERANCE = {"distance": 0.01, "physical": 0.01, "duration": 0.0, "money": 0.0, "count": 0.0,
                   "percent": 0.0, "temperature": 0.0}
# "about 180,000", "nearly 250,000", "roughly two miles" allow this much either way.
ABOUT_TOLERANCE = 0.05
# "More than 300" allows up to 25% more, "up to 600" down to 25% less: a bound is a claim
# about a magnitude, and two magnitudes far apart are rivals.
OPEN_BOUND_REACH = 0.25
# A round figure is stated to its last non-zero place: 180,000 allows 175,000 to 185,000,
# $4.5 million allows $4.45m to $4.55m (from this size up; smaller counts are exact).
ROUND_FIGURE_MIN = 100
# A bare count set against a count just stated ("240,112 patients, up from about 180,000")
# counts the same noun when the two are within this factor of each other.
ELIDED_NOUN_MAX_RATIO = 10.0
# Degrees: "8C (46F)" converts to 7.8C; a reading is stated to about half a degree.
TEMPERATURE_TOLERANCE = 0.6
# Measures in two units are read for rounding ("43 mph" / "70 km/h") only when their
# intervals are within this factor of each other (quantities.py; most pairs are not).
CONVERTED_MAX_GAP = 1.1
# "will not reopen until Monday" is no denial but a day: a "not" with "until" at most this
# many tokens after it (extract.py)
NOT_UNTIL_REACH = 6

# ------------------------------------------------------------------ opinion (opinion.py)

# A sentence whose opinion cues (a question, first person, evaluative words, ...) reach
# COMMENTARY_BAR is the writer's view; a weaker cue counts where the paragraph or the whole
# article leans opinion (a blog's aside), but never in a straight report.
COMMENTARY_BAR = 2.0
COMMENTARY_WEAK_BAR = 1.0
COMMENTARY_CONTEXT_BAR = 0.9

# ------------------------------------------------------------------ extraction (extract.py)

# A capitalized sentence-initial word is a name when it is this rare in English or rarer
# (Zipf; "Tarnwell" 0, "Police" 5.1): "Police said ..." is a word, "Vexar said ..." a name.
NAME_MAX_ZIPF = 3.0
# A capitalized word this rare (Zipf) after a count is a name, never what is counted
# ("the 180,000 Thale cited"); a demonym is common enough to count ("two Britons", Zipf 3.2;
# "Kenyans" 2.9).
COUNT_NOUN_NAME_MAX_ZIPF = 2.0
# A sentence this much in capitals (of its letters) is a shouted headline: its words are words.
SHOUTING_SHARE = 0.8
# Feature weight of a stated value: an exact figure is strong evidence that two sentences
# state the same thing (and a differing one, that they differ).
QUANTITY_WEIGHT = {"count": 2.0, "money": 2.5, "percent": 2.0, "duration": 2.0, "clock": 1.5, "distance": 2.0,
                   "temperature": 2.0, "physical": 2.0, "date": 1.5, "month": 1.2, "weekday": 0.8, "year": 1.0, "age": 1.5,
                   "ordinal": 0.6}
# The group a part is taken from ("Of the 240,112 individuals, 31,400 ...") is what the
# proposition refers to, not what it states: its value counts this much.
REFERENCE_VALUE_FACTOR = 0.3
# ... times (1 + VALUE_DIGIT_BONUS per significant digit beyond the first, up to
# VALUE_DIGITS_MAX of them): a particular figure ("240,112", "2:03:11" = 7391 s) identifies a
# fact far better than a round one ("two", "14").
VALUE_DIGIT_BONUS = 0.4
VALUE_DIGITS_MAX = 4
# The main event of a proposition (its verb, or the noun after a light verb: "lodged an
# appeal") weighs this much more than its other words: it says what the proposition states.
PREDICATE_BOOST = 1.5
# Shorter sentences state nothing a claim could hold ("Share this story.", "It took one").
MIN_CLAIM_WORDS = 3
# An attribution (", the company's chief executive told reporters outside its offices") has
# at most this many words and no verb after its reporting verb.
ATTRIBUTION_MAX_WORDS = 20
# A reported clause after "X said" opens with its subject and a finite verb within this
# many tokens ("298 passengers and 24 crew had ..."); further away, the words after the
# reporting verb are not read as a clause of their own.
CLAUSE_SUBJECT_MAX_TOKENS = 8
# Words each side of a value that say what it measures ("taken to hospital", "closed down").
VALUE_CONTEXT_WORDS = 3
MIN_LETTER_SHARE = 0.55  # of a sentence's characters: fewer letters are tables, tickers, codes
QUOTE_SHARE = 0.5  # a sentence this much inside quotation marks is direct speech
# The speaker a direct quotation's attribution names is part of what it states ("'We are
# deeply sorry,' chief executive Hollis Varga said" / "Varga apologised"): the speaker's
# name features count this much of their weight (they are names: alone they make no match).
SPEAKER_WEIGHT_FACTOR = 0.7
# A proposition opening with "he" or "she" (or "his", "her" and naming nobody) is about the
# person named before it (extract.py): that person's surname counts this much of its weight.
ANTECEDENT_WEIGHT_FACTOR = 0.7
# Two direct quotations attributed to different speakers keep this share of their similarity.
OTHER_SPEAKER_FACTOR = 0.5

# ------------------------------------------------------------------ weights and similarity (units.py, similarity.py)

# Topic words of the corpus (in a large share of every article's propositions) are
# discounted: weight / (1 + topicality / TOPIC_SCALE). A word in 40% of the propositions
# of every article keeps a fifth of its weight; one in 5% keeps two thirds.
TOPIC_SCALE = 0.2
# A record's shares are taken of at least this many propositions: in a short item every
# word is in a large share of its few propositions without being a topic word.
TOPIC_MIN_PROPOSITIONS = 12
MIN_FEATURE_WEIGHT = 0.05
# A dependent clause of a longer sentence ("when the blaze began", "after the attack was
# discovered", a relative clause, a participle) is a proposition of its own only with this
# much content (background weight): lighter ones are background to the clause they depend
# on. Main and coordinated clauses are statements in their own right and always count.
MIN_PROPOSITION_WEIGHT = 3.0  # lighter features are dropped (noise, and cheaper comparisons)
# Similarity = (1 - OVERLAP_SHARE) * cosine + OVERLAP_SHARE * overlap coefficient of the two
# weight vectors: the overlap coefficient lets a short restatement match inside a longer
# sentence that adds details; the cosine keeps two long sentences sharing one detail apart.
OVERLAP_SHARE = 0.5
# Two propositions whose main events differ (one says a fire broke out, the other that a
# passenger died) keep this share of their similarity, unless they share a particular
# value (then the value says they state the same figure: "ran 2:03:11" / "stopped the
# clock at 2:03:11"). A mild factor: a predicate is read from different places in
# paraphrases ("would not argue that the outage was ..." / "will not treat the disruption
# as ..."), so a mismatch is weaker evidence than a shared word; a milder one (0.7) lets
# unrelated sentences of one article's topic join.
PREDICATE_MISMATCH_FACTOR = 0.65
# An article's main subject is the name it mentions most, in at least MAIN_SUBJECT_MENTIONS
# propositions; articles mentioning one another's main subjects are about one event
# (units.events). Two propositions about different events keep this share of their
# similarity (a corpus of several events: "construction begins in May" in two of them is
# not one fact).
MAIN_SUBJECT_MENTIONS = 2
# A corpus whose largest event holds this share of its articles is about one event, and
# so is any corpus of fewer articles than SEVERAL_EVENTS_MIN_ARTICLES: telling events apart
# by their articles' subjects needs many articles per event.
SINGLE_EVENT_SHARE = 0.6
SEVERAL_EVENTS_MIN_ARTICLES = 40
# A group of articles with one main subject joins the group of another subject it mostly
# mentions only when that group is this many times larger (it is a side figure of that
# event), or when that group's articles mostly mention its subject too.
SIDE_GROUP_RATIO = 3.0
OTHER_EVENT_FACTOR = 0.3
# Two propositions restate each other only if they share at least this many features
# (words, names or values) of at least SHARED_FEATURE_MIN_WEIGHT each: one shared word
# ("crew", the company's name) says they are about the same thing, not that they say it.
MIN_SHARED_FEATURES = 2
# Two propositions that share only names (the parts of "Mayor Delphine Ostrowski", or of
# "Velmont Metropolitan Transport (VMT)"), no other word and no value, are about the same
# people or bodies and say different things of them: their score counts this much.
NAMES_ONLY_FACTOR = 0.5
# A direct quotation and a sentence that is none, sharing no word but names and values none
# of which identifies a fact ("At 35 kilometres I told myself ..." / "X broke away at 35
# kilometres"), are what someone said and what happened: their score counts this much.
QUOTE_AND_NARRATIVE_FACTOR = 0.5
SHARED_FEATURE_MIN_WEIGHT = 0.25
# A value one source states and another allows ("more than 300" / "312") counts this
# much of an identical value.
APPROX_VALUE_CREDIT = 0.8
# A value inside a stated range counts less the wider the range: "between $1 billion
# and $5 billion" allows any figure of the order, so a point in it is weak evidence that
# two sentences give the same amount. A range whose ends are this far apart (ratio) ...
WIDE_RANGE_RATIO = 2.0
# ... matches a value inside it for this much of an identical value.
WIDE_RANGE_CREDIT = 0.3
# A count with this many significant digits (240,112; 31,400 has three) names the same
# count in two sentences whatever noun each counts it with.
DISTINCTIVE_DIGITS = 3
# The same exact value of one of these kinds with DISTINCTIVE_DIGITS significant digits
# counts as two shared features: "2:03:11" or "240,112" says what it is about.
IDENTIFYING_KINDS = frozenset({"count", "money", "duration", "percent", "distance", "physical", "temperature"})
# Kinds of value that never make two propositions rivals (an ordinal is a rank, not a measure).
NEVER_RIVAL_KINDS = frozenset({"ordinal"})
# Two values of one of these kinds, each the only one of its kind in its proposition, are
# rivals only if the propositions state one event (share a predicate): a percentage, an
# amount, a duration, a year or a time of day says what it measures only through the event
# ("shares fell 3.2%" / "a 27% premium"; "finished in 2:05:40" / "covered the second half in
# 1:02:10"; "posted data since 2025" / "was treated there in 2024"; "struck at 03:12" / "a
# strong aftershock at 09:47 brought down several buildings"). Weekdays and
# counts are left out: over the gold corpora that cost real disagreements (the day of a
# hearing, a toll told in other verbs).
ALONE_RIVAL_NEEDS_EVENT = frozenset({"percent", "money", "year", "duration", "clock"})
# A percentage next to a word of change (not after "to", "from", "at", "of") is the size of
# a rise or a fall, not a level: two are rivals only when they moved the same way ("fell
# 3.2%" / "closed down 4.1%"), never a rise and a premium or a rise and a fall ("rose to
# 5.2%" is a level). Context concept (data/concepts.txt or lemma) -> direction.
CHANGE_KINDS = frozenset({"percent"})
CHANGE_DIRECTIONS = {"rise": "up", "fall": "down", "up": "up", "down": "down", "high": "up", "low": "down",
                     "prevent": "down"}  # "prevented 71% of infections" / "reduced infections by 68%"
# Nouns that count people: two counts of people in one event compare when both state the
# same measure (one of MEASURE_CONCEPTS) and one of them counts people in general.
PERSON_UNITS = frozenset({"person", "passenger", "crew", "patient", "child", "employ", "runner", "police",
                          "firefighter", "doctor", "official", "resident", "victim", "student", "worker",
                          "member", "fan", "visitor", "customer", "individual", "adult", "boy", "girl", "man",
                          "woman", "civilian", "climber", "dockworker", "driver", "engineer", "fisherman", "guard",
                          "hiker", "inmate", "miner", "nurse", "pilot", "prisoner", "pupil", "soldier", "spectator",
                          "suspect", "swimmer", "teacher", "tourist", "volunteer", "injure", "rescue", "survive"})
GENERIC_PERSON_UNITS = frozenset({"person", "employ", "individual"})
MEASURE_CONCEPTS = frozenset({"die", "injure", "employ", "rescue", "evacuate", "missing", "trap", "arrest", "survive"})

# ------------------------------------------------------------------ blocking (blocking.py)

BLOCK_KEYS = 6  # a unit probes the index under its heaviest features, this many
INDEX_KEYS = 14  # ... and is indexed under this many (a long one's lighter features too)
BLOCK_MIN_WEIGHT = 0.3  # lighter features never index (function-like and topic words)
# A feature held by at most this many units finds its holders on its own; a more common
# one only together with a second heavy feature of the probing unit (a pair key).
SINGLE_KEY_POSTINGS = 64
# A pair key held by more units than this lists an evenly spread sample of them.
PAIR_KEY_POSTINGS = 64
# Values are also indexed by magnitude, in buckets this wide (a ratio), so that a value
# stated roughly ("nearly 250,000", "more than 1,300", "180,000") meets the precise values
# it allows, whose exact value features differ; a rough value's interval counts from this
# share of its stated figure (an open bound's reach is wider than what it says).
VALUE_BUCKET_RATIO = 0.05
VALUE_BUCKET_FLOOR = 0.9
VALUE_BUCKET_KINDS = frozenset({"count", "money", "percent", "distance", "duration", "physical"})
# Each unit is compared with at most this many of the units it found (the ones sharing
# the most key weight): enough for a fact restated by every source of a large corpus to
# find a core, few enough to keep the comparisons linear in the corpus.
MAX_CANDIDATES = 24
# The probe scores the units' finds in arrays, this many probing units at a time: the
# arrays of a few hundred units stay in the processor's cache and sort fastest (the finds
# of a whole 10,000-article corpus at once would take gigabytes).
PROBE_CHUNK_UNITS = 256
# The merge reads the candidate pairs (an array) as tuples this many rows at a time: enough
# to make the numpy conversion's cost per row small, few enough that the tuples of a large
# corpus are never all alive at once.
PAIR_ROWS_CHUNK = 65536

# ------------------------------------------------------------------ grouping (grouping.py)

# A proposition restating a claim's core at CORE_BAR founds or joins it in the first pass;
# later, one restating an established claim's core (or centroid) at JOIN_BAR joins it.
CORE_BAR = 0.45
JOIN_BAR = 0.35
# ... and only if it restates at least this share of the core's weight: a proposition that
# repeats one detail of a long core ("a pocket watch made in 1741" of "the thieves took eight
# snuffboxes and a pocket watch made in 1741 from two cases ...") does not state the core.
CORE_COVER = 0.5
CORE_REVERSE_COVER = 0.2
MEMBER_COVER = 0.2
JOIN_PASSES = 2
# Two claims whose members restate each other (at CORE_BAR) and whose centroids are this
# alike state one fact that grew two cores: they become one claim.
CLAIM_MERGE_BAR = 0.5
# Two claims whose propositions state rival values in words this alike (values left out)
# are one disputed claim; the discrepancy lists each value with its sources.
RIVAL_MERGE_CORE = 0.6
# ... or this alike, when one of the two restates the other's claim core as a member would
# (its rival value with one member is then all that kept it out of that claim). As low as
# CORE_BAR: a long sentence with details of its own ("under grey skies, with barely a
# breath of wind") and a rival start time is still the temperature claim's dispute.
RIVAL_JOIN_CORE = 0.45
# ... sharing at least this many words (or values both state) besides the rival values:
# "employs 2,300" / "employs 1,900" share the measure and nothing else, and stay two
# claims of one discrepancy.
RIVAL_MERGE_SHARED_WORDS = 3
# ... and values of one order: sources that disagree on a count or an amount give figures
# within this ratio ("14" / "19", "$2.1bn" / "$2.4bn"); "one count" / "11 counts" are two facts.
RIVAL_MERGE_MAX_RATIO = 3.0
RIVAL_MERGE_RATIO_KINDS = frozenset({"count", "money", "percent", "duration", "distance", "physical"})
# A proposition of another claim that restates this share of a claim's core (with other
# details) is cited by that claim as well. Over the 19 gold corpora 0.6 cites more of
# the sources that state a claim inside a longer sentence and cites nothing wrongly;
# at 0.55 citation precision falls on three of them.
ALSO_CITED_COVER = 0.6
# A lone proposition stated inside at least this many sentences of one claim (most of
# its also-cited ones) is a member of that claim, not a second claim citing the same sources.
SINGLETON_JOIN_MIN_ALSO = 2

# ------------------------------------------------------------------ claims (claims.py)

# Canonical text: the member closest to the group's centre, less these penalties.
CANONICAL_NOT_STANDALONE = 1.0  # does not read on its own (pronoun opening, fragment)
# ... and this much times the share of its weight in features most members lack: the
# canonical text should say what the sources agree on, not one source's extra details.
CANONICAL_EXTRA = 0.5
# ... and this much if it does not state the event most members state (their main verb or
# event noun): "an appeal has been lodged" is the claim, not "his camp is furious".
CANONICAL_MISSES_EVENT = 0.3
# ... and this much if it also names a value it sets against its own ("extended from 12 to
# 14 batches", "24 months, not one year"): the claim reads best stating its figure plainly.
CANONICAL_OTHER_VALUE = 0.2
CANONICAL_QUOTE = 0.15  # direct speech: a reported statement reads better as the claim
CANONICAL_COMMENTARY = 0.4
# Members longer than this many words lose CANONICAL_PER_EXTRA_WORD per extra word: a news
# proposition stated plainly runs to about 15 words ("Fire broke out in its engine room at
# about 7:40 a.m. on Tuesday"); a longer member carries details of its own. At 30 the
# longer restatements won more often and named other facts (lower precision on two gold
# corpora); at 12 (and 0.02 a word), two corpora lost precision to clipped members.
CANONICAL_LONG_WORDS = 15
CANONICAL_PER_EXTRA_WORD = 0.01
# Canonical text is chosen among this many members (those that read on their own first),
# by their mean similarity to this many evenly spread members.
CANONICAL_SAMPLE = 24


# ------------------------------------------------------------------ discrepancies (discrepancies.py)

# Two propositions whose words (values left out) are this alike, and whose values of one
# measure differ, state the same thing differently: a discrepancy. Below the grouping
# bars: rival values lower the similarity of what is otherwise the same statement.
DISCREPANCY_CORE_BAR = 0.3
# Days are rivals only between propositions that share a word that is not a name, or their
# event: every article names its town and its days, so "filed on Tuesday in Castellan" and
# "the Castellan hospital found it on Sunday" are alike in nothing but that.
DAY_RIVAL_NEEDS_WORDS = frozenset({"weekday", "date"})
# A place slot is a locative phrase of at most this many words ending in a place noun.
PLACE_MAX_WORDS = 4
# A purpose slot is at most this many words after a purpose marker ("in a bid to cut
# costs at its two plants"): the aim, not the rest of the sentence.
PURPOSE_MAX_WORDS = 6
# Two precise values (at least NEAR_MISS_DIGITS significant digits) of one measuring kind
# (IDENTIFYING_KINDS: not years or dates, which are near each other by nature) and unit
# that differ by at most this share ("2:03:11" / "2:03:12", "240,112" / "240,121") are one
# measure told two ways, however differently the sentences put it (a revised time, a
# typo): a discrepancy without DISCREPANCY_CORE_BAR. A winner's 2:03:11 and the runner-up's
# 2:03:58 are 0.6% apart.
NEAR_MISS_RATIO = 0.001
NEAR_MISS_DIGITS = 4
# A measure held by more propositions than this is not indexed on its own (it is the
# corpus's topic; rival statements of it share rarer words and meet in the blocking).
MEASURE_BUCKET_CAP = 200
# Within a measure's bucket, the propositions stating each value meet at most this many
# (evenly spread) of those stating each other value.
MEASURE_BUCKET_SAMPLE = 16
# The measure index proposes at most this many rival candidates per proposition.
RIVAL_CANDIDATES = 12
# A discrepancy lists at most this many rival claims around its hub.
MAX_DISCREPANCY_VALUES = 8
# Values of a measure more than this many times apart are not one disputed figure: sources
# that disagree give figures of one order ("$1 billion to $5 billion" is no rival of "$500 billion").
DISCREPANCY_MAX_RATIO = 20.0
# Kinds of value whose exact and approximate statements in one claim are shown as
# differing in precision ("more than 1,300" / "1,354").
PRECISION_KINDS = frozenset({"count", "money", "percent", "duration", "distance", "physical", "temperature"})
SUBJECT_WORDS = 3  # words of a value's context named in a discrepancy's subject
SUBJECT_MAX_CHARS = 90

# ------------------------------------------------------------------ derived lists (derived.py)

# Key figures: values stated by at least FIGURE_MIN_SOURCES sources (all of them when the
# sheet has fewer than FIGURES_ALL_BELOW distinct values).
FIGURE_MIN_SOURCES = 2
FIGURES_ALL_BELOW = 40
MIN_QUOTE_WORDS = 4  # shorter quoted words are a term in quotation marks, not a quote
SPEAKER_LOOKBACK = 4  # sentences back in the paragraph where a quote's speaker may be named
# Entities: names in at least ENTITY_MIN_SOURCES sources or ENTITY_MIN_MENTIONS mentions.
ENTITY_MIN_SOURCES = 2
ENTITY_MIN_MENTIONS = 3
ENTITY_MAX_ROLES = 6

# ------------------------------------------------------------------ dev-server rebuilds (incremental.py)

# Past this share of the articles changed (added, edited or removed) since the last full merge,
# the dev server merges the whole corpus again: re-grouping that much costs about what a
# full merge does, and the weights held fixed would drift too far from the corpus.
INCREMENTAL_MAX_CHANGED_SHARE = 0.25
