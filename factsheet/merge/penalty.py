"""How well a sentence reads on its own, as a claim's canonical text (lower is better)."""

from __future__ import annotations

import re

from ..models import Sentence

# Openers that lean on the previous sentence and so do not read on their own.
DEPENDENT_OPENER = re.compile(
    r"^[^\w\"“‘']*(he|she|it|its|they|them|their|this|that|these|those|there|here|his|her|we|i|also|but|and|so|"
    r"the (company|firm|two|group|companies|firms|move|deal|pact|agreement|latter|former|report|plan)|"
    r"such|both|meanwhile|however|additionally|separately)\b",
    re.IGNORECASE,
)
IDEAL_WORDS = 24
# A wire dateline left at the start ("LAKEPORT, Nov 5 - ..."): reads worse than a clean sentence.
DATELINE = re.compile(r"^[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+\d{1,2})?)?\s*(?:\([^)]{1,40}\)\s*)?[-–—]+\s")
_ATTRIBUTION = re.compile(r"[,”\"]\s*(?:[A-Z][\w.\- ]{1,60}\s)?(?:said|says|told|added|wrote|according)\b|\bsaid\s+[A-Z]")


def base_penalty(s: Sentence) -> float:
    text = s.text.strip()
    n_words = len(text.split())
    penalty = 0.0
    if DEPENDENT_OPENER.match(text):
        penalty += 3
    if DATELINE.match(text):
        penalty += 1.5
    if text.count("“") != text.count("”") or text.count('"') % 2:
        penalty += 2  # a quote cut by the sentence split: a fragment
    elif text[:1] in "\"“‘'" and not _ATTRIBUTION.search(text):
        penalty += 1  # a quote with no speaker in it
    if s.block == "bullet" and not text.endswith((".", "!", "?")):
        penalty += 1
    if not text.endswith((".", "!", "?", '"', "”", "’")):
        penalty += 1
    if not text[:1].isupper() and not text[:1] in "\"“‘'":
        penalty += 2  # starts mid-sentence: a fragment
    penalty += abs(n_words - IDEAL_WORDS) / 12
    return round(penalty, 6)
