"""Is a sentence the writer's opinion or analysis rather than a report?

Cues are general features of opinion writing, counted outside quotation marks (a
quoted opinion is a report of what someone said): questions and exclamations,
first and second person, contractions and chatty asides, evaluative words, and
speculation. Attribution to a named source lowers the score.
"""

from __future__ import annotations

import re

from . import params as P

EVALUATIVE = frozenset("""basically essentially actually clearly obviously arguably frankly honestly surely
certainly perhaps probably presumably apparently seemingly undoubtedly interestingly importantly remarkably
smart brilliant savvy foolish risky bold absurd ridiculous outrageous shameful disgrace disgraceful scandalous
unbelievable awful terrible excellent fine good bad great wrong right cynical lesson mess chaos incredible
amazing shocking stunning astonishing staggering massive huge enormous genuinely literally seriously cool
chunky deserve deserves deserved undeserved unfair ought""".split())
EVALUATIVE_PHRASES = ("game changer", "game-changer", "big deal", "the real story", "the thing about", "here's the",
                      "make no mistake", "in other words", "it remains to be seen", "time will tell",
                      "the question is", "hard to see", "hard to say", "hard to argue", "hard to believe",
                      "in my view", "my take", "hot take", "call me", "let's be honest", "let me be clear",
                      "to be fair", "i think", "i believe", "we think", "if you ask me", "come on", "not exactly",
                      "nobody wants", "the bigger", "the lesson", "good news", "bad news", "funny how", "for the record")
SPECULATION = frozenset("could might may would likely unlikely possibly potentially seem seems suppose".split())
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Oo]ur|us|[Ll]et['’]s|[Yy]ou(?:r|['’]re)?)\b")
_CONTRACTION = re.compile(r"\b\w+(?:['’](?:re|ve|ll|d)|n['’]t)\b|\b(?:it|that|here|there|what|who)['’]s\b", re.I)
_ATTRIBUTED = re.compile(r"\b(?:said|says|told|according to|added|stated|wrote|argued|warned|announced|confirmed)\b",
                         re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]{12,}’")
_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def commentary_score(text: str) -> float:
    """> 0 leans opinion; P.COMMENTARY_BAR and above is the writer's own view."""
    out = outside_quotes(text)
    low = out.lower()
    words = set(_WORDS.findall(low))
    score = 0.0
    if "?" in out:
        score += 2.0
    if "!" in out:
        score += 1.0
    score += len(words & EVALUATIVE) + sum(1 for p in EVALUATIVE_PHRASES if p in low.replace("’", "'"))
    if _FIRST_PERSON.search(out):
        score += 1.5
    score += 0.75 * min(2, len(_CONTRACTION.findall(out)))
    if words & SPECULATION:
        score += 0.5
    if _ATTRIBUTED.search(out):
        score -= 2.0
    return score


def is_commentary(score: float, paragraph_mean: float, record_mean: float) -> bool:
    """The sentence's own cues, helped by the paragraph and the article it sits in: a
    blog that argues throughout makes a mild cue count."""
    return score >= P.COMMENTARY_BAR or (
        score >= P.COMMENTARY_WEAK_BAR and max(paragraph_mean, record_mean) >= P.COMMENTARY_CONTEXT_BAR)
