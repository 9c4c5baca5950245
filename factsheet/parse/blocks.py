"""Body text -> blocks (paragraphs, headings, bullets, quotes) with offsets
into the raw text. Markdown markers at the edges ("## ", "- ", "> ", a
**bold** wrapper around a whole line) are outside a block's content span."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]*\n?")
_HEADING_MARK = re.compile(r"#{1,6}[ \t]+")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_BULLET_MARK = re.compile(r"(?:[-*+•·▪◦‣–]|\d{1,2}[.)])[ \t]+")
_QUOTE_MARK = re.compile(r">[ \t]?")
_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$|^=+$")
_WRAPPERS = (("**", "**"), ("__", "__"), ("*", "*"), ("_", "_"))
_FENCE = re.compile(r"(```+|~~~+)")
_HTML_ONLY = re.compile(r"(?:</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->|\s)+$")
_TERMINAL = frozenset('.!?:;"”’\')]…')
_WORD = re.compile(r"[^\W_][\w'’.-]*")


@dataclass
class Line:
    start: int  # stripped line extent (markers included)
    end: int
    cstart: int  # content extent (markers excluded)
    cend: int
    kind: str  # paragraph | heading | bullet | quote | rule | blank
    explicit: bool = False  # kind came from Markdown syntax


@dataclass
class Block:
    start: int  # content span in raw text
    end: int
    outer_start: int  # whole lines, markers included: what removal records
    outer_end: int
    kind: str  # paragraph | heading | bullet | quote
    text: str
    explicit_heading: bool = False
    index: int = 0  # position among all blocks
    _words: int = -1

    @property
    def words(self) -> int:
        if self._words < 0:
            self._words = len(_WORD.findall(self.text))
        return self._words

    def set_text(self, text: str) -> None:
        self.text = text
        self._words = -1


def _scan_line(raw: str, ls: int, le: int) -> Line:
    s, e = ls, le
    while s < e and raw[s].isspace():
        s += 1
    while e > s and raw[e - 1].isspace():
        e -= 1
    if s == e:
        return Line(s, e, s, e, "blank")
    content = raw[s:e]
    if _RULE.match(content):
        return Line(s, e, s, e, "rule")
    kind, cs, explicit = "paragraph", s, False
    m = _HEADING_MARK.match(content)
    if m:
        kind, cs, explicit = "heading", s + m.end(), True
        tail = _HEADING_TAIL.search(raw, cs, e)
        if tail:
            e = tail.start()
    else:
        m = _QUOTE_MARK.match(content)
        if m:
            kind, cs = "quote", s + m.end()
        else:
            m = _BULLET_MARK.match(content)
            if m and e > s + m.end():
                kind, cs = "bullet", s + m.end()
    ce = e
    # Skip inner whitespace after markers and strip a wrapper around the whole line.
    while cs < ce and raw[cs].isspace():
        cs += 1
    for left, right in _WRAPPERS:
        inner = raw[cs:ce]
        n = len(left)
        if len(inner) > 2 * n + 2 and inner.startswith(left) and inner.endswith(right) \
                and left[0] not in inner[n:-n] and not inner[n].isspace():
            cs, ce = cs + n, ce - n
            while cs < ce and raw[cs].isspace():
                cs += 1
            while ce > cs and raw[ce - 1].isspace():
                ce -= 1
    if cs >= ce:
        return Line(s, e, s, e, "rule")
    return Line(s, e, cs, ce, kind, explicit)


def _is_wrapped(raw: str, line: Line) -> bool:
    """A hard-wrapped line continues on the next one: long and not ending a
    sentence, or ending in a word broken by a hyphen ("manufac-")."""
    length = line.cend - line.cstart
    if length >= 40:
        return raw[line.cend - 1] not in _TERMINAL and not _is_row(raw, line)
    return length >= 12 and raw[line.cend - 1] == "-" and raw[line.cend - 2].isalpha()


def split_blocks(raw: str, body_start: int) -> tuple[list[Block], list[tuple[int, int, str]]]:
    """Blocks of the body, and (start, end, reason) spans of markup that is not
    text: Markdown rules, fenced code, lone HTML tags and comments."""
    lines: list[Line] = []
    for m in _LINE.finditer(raw, body_start):
        if m.start() == m.end():
            break
        lines.append(_scan_line(raw, m.start(), m.end()))
    hard_wrapped = _hard_wrapped(raw, lines)
    blocks: list[Block] = []
    rules: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "blank":
            i += 1
            continue
        if line.kind == "rule":
            rules.append((line.start, line.end, "horizontal rule"))
            i += 1
            continue
        fence = _FENCE.match(raw, line.start, line.end)
        if fence:
            j = i + 1
            while j < len(lines) and not raw.startswith(fence.group(1), lines[j].start):
                j += 1
            last = lines[min(j, len(lines) - 1)]
            rules.append((line.start, last.end, "code block"))
            i = j + 1
            continue
        if raw[line.start] == "|" and raw[line.end - 1] == "|":
            j = i
            while j + 1 < len(lines) and lines[j + 1].kind != "blank" and raw[lines[j + 1].start] == "|":
                j += 1
            rules.append((line.start, lines[j].end, "table"))
            i = j + 1
            continue
        if _HTML_ONLY.match(raw, line.start, line.end):
            rules.append((line.start, line.end, "HTML markup"))
            i += 1
            continue
        group = [line]
        while (
            line.kind in ("paragraph", "quote", "bullet")
            and i + 1 < len(lines)
            and _continues(raw, group[-1], lines[i + 1], line.kind, hard_wrapped)
        ):
            i += 1
            group.append(lines[i])
        first, last = group[0], group[-1]
        blocks.append(Block(
            start=first.cstart, end=last.cend, outer_start=first.start, outer_end=last.end,
            kind=first.kind, text=raw[first.cstart : last.cend], explicit_heading=first.explicit,
        ))
        i += 1
    for index, block in enumerate(blocks):
        block.index = index
        if block.kind == "paragraph" and looks_like_heading(block.text):
            block.kind = "heading"
        elif block.kind == "bullet" and _numbered_section_title(raw, blocks, index):
            block.kind = "heading"
    return blocks, rules


def _numbered_section_title(raw: str, blocks: list[Block], index: int) -> bool:
    """"2. Findings" on its own between paragraphs: a report's section title,
    not a one-item list."""
    block = blocks[index]
    if not raw[block.outer_start].isdigit() or block.words > 6 or not looks_like_heading(block.text):
        return False
    neighbours = blocks[max(0, index - 1) : index] + blocks[index + 1 : index + 2]
    return all(b.kind != "bullet" for b in neighbours)


_FIELD_LABEL = re.compile(r"[a-z][\w-]{0,15}:\s")  # "by: Jane Doe", "updated: ...": a field, not a continuation
_ROW_SEPARATOR = re.compile(r"\s[|•·]\s")


def _starts_lower(raw: str, line: Line) -> bool:
    first = raw[line.cstart]
    if first.islower():
        return _FIELD_LABEL.match(raw, line.cstart, line.cend) is None
    return first in ",;)—–-"


def _is_row(raw: str, line: Line) -> bool:
    """"Home | News | Weather", "Posted: May 2 | Updated: May 3": fields in a
    row, which never wrap onto the next line."""
    return len(_ROW_SEPARATOR.findall(raw, line.cstart, line.cend)) >= 2 or (
        _ROW_SEPARATOR.search(raw, line.cstart, line.cend) is not None and ":" in raw[line.cstart : line.cend])


def _hard_wrapped(raw: str, lines: list[Line]) -> bool:
    """Text wrapped at a fixed width (lines ending mid-sentence, the next one
    starting in lower case), as opposed to one paragraph per line."""
    joins: set[str] = set()  # the wrapped lines, each counted once (a page pasted twice repeats its lines)
    for prev, nxt in zip(lines, lines[1:]):
        if prev.kind in ("paragraph", "quote", "bullet") and nxt.kind in ("paragraph", "quote") \
                and _is_wrapped(raw, prev) and _starts_lower(raw, nxt):
            joins.add(raw[prev.cstart : prev.cend])
            if len(joins) >= 2:
                return True
    return False


def _continues(raw: str, prev: Line, nxt: Line, kind: str, hard_wrapped: bool) -> bool:
    if not _is_wrapped(raw, prev):
        return False
    if kind == "quote":
        if nxt.kind != "quote":
            return False
    elif nxt.kind != "paragraph":
        return False
    if _starts_lower(raw, nxt):
        return True
    return hard_wrapped and prev.cend - prev.cstart <= 100


def looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation: a section heading or a title."""
    if "\n" in text or len(text) > 110 or not text[:1].isalnum() and text[:1] not in "\"“'‘":
        return False
    words = len(_WORD.findall(text))
    if words == 0 or words > 14:
        return False
    last = text[-1]
    if last == "?":
        return words <= 8
    return last not in '.!:;,"”’…)' or text.endswith(("Inc.", "Co.", "Corp.", "Ltd."))
