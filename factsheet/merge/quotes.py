"""Direct quotes with their speaker, resolved through learned aliases."""

from __future__ import annotations

import hashlib
import re

from ..models import Quote
from .aliases import AliasTable
from .classify import quote_spans
from .features import SentenceFeatures
from .text import normalized_for_id

MIN_QUOTE_WORDS = 4


def speaker_of(sf: SentenceFeatures, aliases: AliasTable) -> str | None:
    if sf.speakers:
        return aliases.display.get(aliases.group(sf.speakers[0]))
    return None


def _paragraph_speaker(sfs: list[SentenceFeatures], i: int, aliases: AliasTable) -> str | None:
    """Speaker named in this sentence, else in the nearest earlier sentence of the same paragraph."""
    me = sfs[i]
    for k in range(i, max(-1, i - 5), -1):
        other = sfs[k]
        if other.sentence.paragraph != me.sentence.paragraph and k < i - 1:
            break
        if k < i and other.sentence.paragraph != me.sentence.paragraph and not other.quote:
            break  # the previous paragraph is not a quote: its speaker is not this one's
        who = speaker_of(other, aliases)
        if who:
            return who
    # "He said ..." right after a sentence naming the speaker
    if re.search(r"\b(he|she)\s+(said|says|added|told)\b", me.sentence.text, re.I) and i > 0:
        return speaker_of(sfs[i - 1], aliases)
    return None


def extract_quotes(
    record_sentences: dict[str, list[SentenceFeatures]],
    claim_of: dict[tuple[str, int], str],
    aliases: AliasTable,
) -> list[Quote]:
    found: dict[str, dict] = {}
    for rid in sorted(record_sentences):
        sfs = record_sentences[rid]
        for i, sf in enumerate(sfs):
            claim = claim_of.get((sf.record, sf.index))
            if claim is None or not sf.quote:
                continue
            text = sf.sentence.text
            spans = quote_spans(text)
            if sf.continues_quote:
                # the whole sentence is quoted speech, up to a closing mark if there is one
                close = min((k for k in (text.find("”"), text.find('"')) if k >= 0), default=len(text))
                spans = [(0, close)] + [sp for sp in spans if sp[0] > close]
            for a, b in spans:
                words = text[a:b].strip().strip(",.;: ")
                if len(words.split()) < MIN_QUOTE_WORDS:
                    continue
                key = normalized_for_id(words)
                # verbatim: a slice of the sentence, trimmed of the comma that hands over to "she said"
                entry = found.setdefault(key, {"text": text[a:b].strip().rstrip(",;:").rstrip(), "speaker": None,
                                               "claim": claim,
                                               "sources": set()})
                entry["sources"].add(sf.record)
                if entry["speaker"] is None:
                    entry["speaker"] = _paragraph_speaker(sfs, i, aliases)
    out = []
    for key in sorted(found):
        e = found[key]
        qid = "q-" + hashlib.sha1(key.encode()).hexdigest()[:8]
        out.append(Quote(qid, e["speaker"], e["text"], e["claim"], tuple(sorted(e["sources"]))))
    return out
