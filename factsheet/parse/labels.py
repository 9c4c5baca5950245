"""Labels that open a line but are not part of its sentence: a live blog's
time stamp glued to the update ("17:20 — The ferry has left the harbour.",
"06:50 | Two boats are missing.") and a transcript's speaker label
("HOST: Who pays it?", "REPORTER (Ana Ruiz): Every ship that docks.").

The sentence a quote cites starts after the label, so it stays a verbatim
substring of the file; the label itself becomes the sentence's ``time`` or
``speaker`` (models.Sentence)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# A clock time, a separator (dash, bar, bullet) and the update's first word:
# "17:20 — The", "4:30 p.m. - Police", "**10.42 BST** | A". The hour and the
# minutes must be a time of day ("1.5 – " is not), and a range ("12.50 - 13.20")
# is not a stamp.
LEAD_STAMP = re.compile(
    r"^(?P<mark>[*_]*)(?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)(?P=mark)"
    r"[ \t]*(?:[—–|•·]|-{1,2})[ \t]+(?=[\"“‘'(]?[A-Z0-9])(?!\d{1,2}[:.]\d\d\b)"
)
# A speaker's label in capitals, with the speaker's name in brackets the
# first time: "HOST:", "DR OKAFOR:", "REPORTER (Ana Ruiz):".
SPEAKER_LABEL = re.compile(
    r"^(?P<label>(?P<role>[^\W\d_](?:[^\W\d_]|['’.-])*(?: [^\W\d_](?:[^\W\d_]|['’.-])*){0,3})"
    r"(?: \((?P<name>[^\W\d_][^()\n:]{1,50})\))?):[ \t]+(?=\S)"
)
# Labels in capitals that are not people: a story's kind, a video link, a note.
NOT_SPEAKER = re.compile(
    r"^(?:UPDATED?|UPDATES|BREAKING(?: NEWS)?|LIVE|WATCH|VIDEO|LISTEN|AUDIO|PHOTOS?|NOTE|EDITOR'?S NOTE|CORRECTION|"
    r"CLARIFICATION|EXCLUSIVE|ANALYSIS|OPINION|COMMENT|REVIEW|READ MORE|ALSO READ|RELATED|SOURCES?|SUMMARY|"
    r"WARNING|ALERT|FACT CHECK|KEY POINTS?|BACKGROUND|CONTEXT|EARLIER|LATEST|TRANSCRIPT)$"
)
# A transcript is a dialogue: several labelled turns, two voices at least,
# and one of them speaking again (one "LONDON:" or "UPDATE:" line is not).
DIALOGUE_MIN_TURNS = 3
DIALOGUE_MIN_VOICES = 2


@dataclass(frozen=True)
class Label:
    end: int  # where the sentence starts, as an offset into the line's text
    value: str  # the time as written, or the speaker


def lead_stamp(text: str) -> Label | None:
    """"17:20 — The ferry ..." -> Label(8, "17:20")."""
    if not (text[:1].isdigit() or text[:1] in ("*", "_")):
        return None
    m = LEAD_STAMP.match(text)
    return Label(m.end(), m.group("time")) if m else None


def _speaker_match(text: str) -> re.Match[str] | None:
    if not text[:2].isupper():
        return None
    m = SPEAKER_LABEL.match(text)
    if m is None:
        return None
    role = m.group("role")
    if role.upper() != role or NOT_SPEAKER.match(role):
        return None
    return m


def dialogue(texts: list[str]) -> bool:
    """The texts (a file's blocks) are the turns of a transcript."""
    roles = Counter(m.group("role") for m in map(_speaker_match, texts) if m is not None)
    return (sum(roles.values()) >= DIALOGUE_MIN_TURNS and len(roles) >= DIALOGUE_MIN_VOICES
            and max(roles.values()) >= 2)


def speaker_labels(texts: list[str]) -> dict[int, Label]:
    """Index of each turn -> its label, in a transcript (else nothing). A
    role named once ("HOST (Ysolde Castell):") keeps the name on its later
    turns ("HOST:")."""
    if not dialogue(texts):
        return {}
    named: dict[str, str] = {}
    out: dict[int, Label] = {}
    for i, text in enumerate(texts):
        m = _speaker_match(text)
        if m is None:
            continue
        role = m.group("role")
        if m.group("name"):
            named[role] = m.group("label")
        out[i] = Label(m.end(), named.get(role, m.group("label")))
    return out


_TIME = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?")


def stamp_time(text: str) -> str | None:
    """The time in a time stamp standing on its own ("Updated 14:05 BST" -> "14:05 BST")."""
    m = _TIME.search(text)
    return m.group() if m else None
