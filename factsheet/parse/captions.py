"""Photo captions and credits that a scrape glues into the text.

A page's figure is an image, a caption and a credit; extracting its text
often loses the breaks between them and the next paragraph:

    Steam rises from the cooling tower at dawn.
    Photo: City council handoutThe bridge reopened on Monday.

The credit ("Photo: ...", "(Photo: ...)", "Photograph: X/handout", "Staff
photo by X", "Credit: X") runs up to a capital glued to a lower-case letter or
a closing bracket ("handoutThe"); the text before that capital is the figure's
and goes with the reason "caption", the rest stays. A caption standing on its
own line is recognised by its shape (short, present tense or no verb at all,
no attribution, no quotation) when it stands next to such a credit or an image.

Wires also credit a picture without a label, after its caption on the same
line: "Police stand outside the depot on Monday. AGENCY/Jane Doe". Such a
credit is credit words with a slash between two capitalised words.
"""

from __future__ import annotations

import re

from .blocks import Block, looks_like_heading

CAPTION = "caption"
FIGURE_TEXT = "caption or photo credit"  # a block that is all caption and credit
CAPTION_MIN_WORDS = 3
CAPTION_MAX_WORDS = 25  # a caption is one short sentence
CREDIT_MAX_CHARS = 100  # from the credit label to the glued capital
CREDIT_MAX_WORDS = 10
CREDIT_LINE_MAX_WORDS = 14  # label and credit
GLUED_REST_MIN_WORDS = 3  # what follows a glued credit is a sentence

# A credit label: "Photo:", "Photograph:", "Image:", "Picture:", "Photo by",
# "Photo ©", "Image credit:", "Staff photo by", "Gazette photo by" (up to three
# capitalised words before it), "Credit:", "Credit…" - in brackets or not.
CREDIT_LABEL = re.compile(
    r"\(?(?:(?:[A-Z][\w'’.-]*\s+(?:[\w'’.-]+\s+){0,2}?)?(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Ii]llustration|[Gg]raphic|[Vv]ideo)s?"
    r"(?:\s+(?:credit|courtesy|source))?\s*(?::|\bby\b|©|\|)"
    r"|(?:Credits?|CREDIT)\s*(?::|…|\.\.\.)|©)\s*"
)
_LABEL_WORDS = ("photo", "image", "picture", "illustration", "graphic", "video", "credit", "©")  # one is in every label
# Where a label may start inside a block: after a sentence end, glued or not (".Photo by", ") Photo:").
_LABEL_SPOT = re.compile(r"[.!?)\]”\"]\s*")
# The glue: a lower-case letter, a digit or a closing bracket, then a capital
# (or an opening quotation mark) with no space between them: "handoutThe",
# "Agency)Officials", "Channel 9Rescuers".
_GLUE = re.compile(r"(?<=[a-z0-9)\]])(?=[A-Z“\"‘])")
# After a digit the glued word must be a word and what follows a whole
# sentence ("Photo: 3M headquarters" has no glue).
_WORD_AFTER_DIGIT = re.compile(r"[A-Z][a-z]+\b")
_SENTENCE_END_AT_END = re.compile(r"[.!?][\"'”’)]*$")
_GLUED_WORD = re.compile(r"[^\s]+")
_CAMEL_OR_PATH = re.compile(r"[a-z][A-Z]|/")
_CREDIT_SPLIT = re.compile(r"[\s/|,;]+")
_CREDIT_NUMBER = re.compile(r"^\d{1,3}$")  # "Channel 9", "Route 66"; a year ("© 2027 X") is a copyright notice
_CREDIT_SMALL_WORDS = frozenset("handout handouts for via and of the de van von da del staff photo photos file courtesy by & - – —".split())

# Caption shape. Words that make a sentence a report rather than a picture's
# description: attribution, past or perfect or future tense, first person.
_NOT_CAPTION_WORDS = frozenset("""
said says say told tells according citing announced confirmed added stated reported
was were had has have having been did does will would could should might must shall can may
began took made gave went came saw met won lost paid sold built held left found kept knew thought
brought bought fell rose grew drew flew struck sent spent broke spoke wrote stood sat ran got became
i we our us my you your
""".split())
_DETERMINER_OR_NUMBER = re.compile(r"^(?:the|a|an|his|her|their|its|two|three|four|five|several|some|\d[\d,.]*)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.:]*")
_QUOTES = ('"', "“", "”", "‘ ", " ’")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-Z]")


def caption_shaped(text: str) -> bool:
    """One short sentence describing a picture: present tense or no verb,
    no attribution, no quotation, no first person. "Floodwater covers
    the market square on Friday." and "The new footbridge at dusk." are;
    "The bridge reopened on Monday." and "Rescuers searched the bay." are not."""
    text = text.strip().strip("*_")
    if not text or not text[0].isupper() or text.endswith(("?", "!", ":", ",", ";")):
        return False
    if any(q in text for q in _QUOTES) or _SENTENCE_INSIDE.search(text):
        return False
    words = _WORD.findall(text)
    if not CAPTION_MIN_WORDS <= len(words) <= CAPTION_MAX_WORDS:
        return False
    low = [w.lower() for w in words]
    if any(w in _NOT_CAPTION_WORDS or w.endswith(("n't", "'ve", "'ll", "’ve", "’ll")) for w in low):
        return False
    for word, nxt in zip(low, low[1:]):
        # "searched the harbour", "arrested two men": a past-tense verb; "a damaged car",
        # "pictured at the scene" are not.
        if word.endswith("ed") and len(word) > 4 and _DETERMINER_OR_NUMBER.match(nxt):
            return False
    return True


def _credit_words(text: str) -> bool:
    """A credit's own words: names (a capital somewhere in each), agencies,
    "/" and a few small words: "Port Authority/handout", "Ana Lima for The Post"."""
    words = _CREDIT_SPLIT.split(text.strip(" ()[]"))
    words = [w for w in words if w]
    return 0 < len(words) <= CREDIT_MAX_WORDS and all(
        any(ch.isupper() for ch in w) or _CREDIT_NUMBER.match(w) or w.lower().strip(".,") in _CREDIT_SMALL_WORDS
        for w in words)


def _credit_end(text: str, start: int) -> int | None:
    """Where the credit whose words start at ``start`` ends: the first glued
    capital whose word reads as a word ("The", not "ImagesThe" or
    "Donald/Reuters") with only credit words before it, or the block's end
    when the credit runs to it."""
    limit = min(len(text), start + CREDIT_MAX_CHARS)
    for m in _GLUE.finditer(text, start, limit):
        word = _GLUED_WORD.match(text, m.start())
        if word is None or _CAMEL_OR_PATH.search(word.group().rstrip(".,;:")):
            continue
        if len(text[m.start():].split()) < GLUED_REST_MIN_WORDS:
            continue  # "Photo: Ana Lima/TrailWorks": a brand written in camel case, not a glued sentence
        if text[m.start() - 1].isdigit() and not (
                _WORD_AFTER_DIGIT.match(text, m.start()) and _SENTENCE_END_AT_END.search(text.rstrip())):
            continue
        return m.start() if _credit_words(text[start:m.start()]) else None
    if len(text) - start <= CREDIT_MAX_CHARS and _credit_words(text[start:]):
        return len(text)
    return None


# "AGENCY/Jane Doe", "Jane Doe/The Post", "EPA-EFE/Jane Doe": a slash between capitalised words.
_SLASH = re.compile(r"[A-Z0-9][\w.'’&-]*\s?/\s?[A-Z]")
_NAME_WORD = re.compile(r"\b[A-Z][a-z]")  # a name written in upper and lower case ("ET/PT" has none)
_UP_TO_LAST_SENTENCE_END = re.compile(r".*[.!?][”\"’)\]]*\s+", re.S)
SLASH_CREDIT_MIN_WORDS = 2


def slash_credit(text: str) -> bool:
    """An unlabelled picture credit: credit words with a slash between two
    capitalised words, one of them a name in mixed case ("AGENCY/Jane Doe",
    "Jane Doe/The Post"; not "ET/PT" or "and/or")."""
    text = text.strip().rstrip(".")
    return (len(text.split()) >= SLASH_CREDIT_MIN_WORDS and _SLASH.search(text) is not None
            and _NAME_WORD.search(text) is not None and _credit_words(text))


def _trailing_credit(text: str) -> int | None:
    """Where an unlabelled credit closing the block starts, after its last
    sentence end: "... on Monday. AGENCY/Jane Doe"."""
    if "/" not in text:
        return None
    m = _UP_TO_LAST_SENTENCE_END.match(text)
    return m.end() if m is not None and slash_credit(text[m.end():]) else None


_ATTRIBUTION = frozenset("said says told tells according".split())


def _caption_before_credit(sentence: str) -> bool:
    """The one short sentence a credit closes is its picture's caption, in any
    tense ("Firefighters battled the blaze on Sunday."), unless it quotes or
    attributes: a caption describes, it does not report what someone said."""
    words = _WORD.findall(sentence)
    return (0 < len(words) <= CAPTION_MAX_WORDS and not _SENTENCE_INSIDE.search(sentence)
            and not any(q in sentence for q in _QUOTES) and not any(w.lower() in _ATTRIBUTION for w in words))


def credit_line(text: str) -> bool:
    """A line that is all credit: "Gazette photo by Ana Lima", "Credit: Ana
    Lima/The Post", "Photo © Ana Lima / TrailWorks" (not "A photo by a
    bystander showed the car")."""
    m = CREDIT_LABEL.match(text)
    return m is not None and m.end() < len(text) and _credit_words(text[m.end():])


def _credit_start(text: str) -> re.Match[str] | None:
    """A credit label at the start of the block or right after a sentence
    end inside it (".Photo by", ") Photo:")."""
    low = text.lower()
    if not any(word in low for word in _LABEL_WORDS):
        return None  # most blocks: a few fast scans
    m = CREDIT_LABEL.match(text)
    if m is not None:
        return m
    for end in _LABEL_SPOT.finditer(text):
        m = CREDIT_LABEL.match(text, end.end())
        if m is not None:
            return m
    return None


def split_glued_credits(raw: str, blocks: list[Block]) -> tuple[list[Block], list[tuple[int, int, str]], set[int]]:
    """Cut glued captions and credits out of blocks.

    Returns the blocks (what is left of each; a block that was all caption is
    gone), (start, end, reason) spans for what was cut, and the indexes (in
    the returned list) of blocks that a credit stood at the head of, so that
    a caption line just above them can be recognised."""
    out: list[Block] = []
    spans: list[tuple[int, int, str]] = []
    credit_led: set[int] = set()
    for block in blocks:
        text = block.text
        m = _credit_start(text) if not block.explicit_heading else None
        credit_at = _trailing_credit(text) if m is None and not block.explicit_heading else None
        if credit_at is not None:
            _cut_trailing_credit(raw, block, credit_at, out, spans)
            continue
        end = _credit_end(text, m.end()) if m is not None else None
        cut = _caption_start(text, m.start()) if m is not None and end is not None else 0
        if m is None or end is None or (m.start() == 0 and end == len(text)):
            out.append(block)  # no credit, or a credit line of its own (cleaning's "caption or photo credit")
            continue
        if cut == 0 and end == len(text):
            spans.append((block.outer_start, block.outer_end, FIGURE_TEXT))  # "Mist at dawn.Credit…Ana Lima/The Post"
            continue
        head_end = block.start + len(text[:cut].rstrip())
        if cut > 0:
            out.append(_piece(raw, block, block.start, head_end, block.outer_start, head_end))
        cut_end = block.start + end if end < len(text) else block.outer_end
        spans.append((block.outer_start if cut == 0 else block.start + cut, cut_end, CAPTION))
        if end < len(text):
            if m.start() == 0:
                credit_led.add(len(out))  # its caption, if any, is the block above
            out.append(_piece(raw, block, block.start + end, block.end, block.start + end, block.outer_end))
    for index, block in enumerate(out):
        block.index = index
    return out, spans, credit_led


def _cut_trailing_credit(raw: str, block: Block, credit_at: int, out: list[Block],
                         spans: list[tuple[int, int, str]]) -> None:
    """A block closed by an unlabelled credit: all of it is the figure's when
    the credit follows one caption sentence, else only the credit is cut."""
    head = block.text[:credit_at].rstrip()
    if _caption_before_credit(head):
        spans.append((block.outer_start, block.outer_end, FIGURE_TEXT))
        return
    head_end = block.start + len(head)
    out.append(_piece(raw, block, block.start, head_end, block.outer_start, head_end))
    spans.append((block.start + credit_at, block.outer_end, CAPTION))


def _caption_start(text: str, label_start: int) -> int:
    """Where the figure's text starts in a block whose credit label is at
    ``label_start``: the block's start when what comes before the label is
    one caption-like sentence (glued to the label, or caption-shaped), else
    the label itself."""
    before = text[:label_start]
    if not before.strip():
        return 0
    glued = not before[-1].isspace()
    sentence = before.strip()
    if (glued and len(_WORD.findall(sentence)) <= CAPTION_MAX_WORDS and not any(q in sentence for q in _QUOTES)
            and not _SENTENCE_INSIDE.search(sentence)) or caption_shaped(sentence):
        return 0
    return label_start


def _piece(raw: str, block: Block, start: int, end: int, outer_start: int, outer_end: int) -> Block:
    text = raw[start:end]
    kind = block.kind
    if kind == "paragraph" and looks_like_heading(text):
        kind = "heading"
    return Block(start=start, end=end, outer_start=outer_start, outer_end=outer_end, kind=kind, text=text)
