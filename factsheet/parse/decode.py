"""Bytes -> text, with the bad-input checks that come before any parsing:
size, emptiness, binary content, and a decoding fallback for non-UTF-8 files."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Diagnostic

# C0 controls other than tab/newline/carriage return/form feed, DEL, and the
# replacement character: text files have almost none of these.
_NON_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_BINARY_SAMPLE = 16384
_MAX_NON_TEXT_RATIO = 0.05


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None when the file cannot be used
    diagnostics: tuple[Diagnostic, ...]


def _line_of_byte(data: bytes, offset: int) -> tuple[int, str]:
    line_no = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    raw_line = data[start : end if end >= 0 else len(data)]
    return line_no, raw_line.decode("utf-8", errors="replace").rstrip("\r")


def _error(path: str, message: str) -> Decoded:
    return Decoded(None, (Diagnostic(path, message, "error"),))


def decode_article(path: str, data: bytes, max_bytes: int) -> Decoded:
    if len(data) > max_bytes:
        return _error(path, f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit; skipped")
    if not data:
        return _error(path, "empty file; skipped")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(path, data)
    if b"\x00" in data:
        return _error(path, "binary file (contains NUL bytes), not an article; skipped")
    notes: list[Diagnostic] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text_or_none, note = _fallback(path, data, exc)
        if text_or_none is None:
            return Decoded(None, (note,))
        text = text_or_none
        notes.append(note)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _without_surrogates(text)
    if not text.strip():
        return _error(path, "file has only whitespace, no text; skipped")
    sample = text[:_BINARY_SAMPLE]
    if len(_NON_TEXT.findall(sample)) > _MAX_NON_TEXT_RATIO * len(sample):
        return _error(path, "binary file (mostly non-text bytes), not an article; skipped")
    return Decoded(text, tuple(notes))


def _decode_utf16(path: str, data: bytes) -> Decoded:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return _error(path, "binary file (invalid UTF-16), not an article; skipped")
    text = _without_surrogates(text.lstrip("\ufeff"))
    if not text.strip():
        return _error(path, "file has only whitespace, no text; skipped")
    note = Diagnostic(path, "file is UTF-16, not UTF-8; decoded as UTF-16", "warning")
    return Decoded(text, (note,))


def _fallback(path: str, data: bytes, exc: UnicodeDecodeError) -> tuple[str | None, Diagnostic]:
    line_no, line_text = _line_of_byte(data, exc.start)
    bad = data[exc.start]
    western = _as_windows_1252(data)
    if western is not None:
        return western, Diagnostic(
            path, f"not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start}); decoded as cp1252 "
            "— please save the file as UTF-8", "warning", line_no, _nth_line(western, line_no))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # a broken detector must not break the build
        best = None
    if best is None or best.encoding is None:
        return None, Diagnostic(
            path, f"not UTF-8 text (byte 0x{bad:02x} at offset {exc.start}) and no encoding fits; skipped",
            "error", line_no, line_text,
        )
    text = str(best)
    message = (
        f"not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start}); "
        f"decoded as {best.encoding} — please save the file as UTF-8"
    )
    return text, Diagnostic(path, message, "warning", line_no, _nth_line(text, line_no))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """UTF-8 and UTF-16 decoding never yield lone surrogates, but a detected
    fallback codec (UTF-7, for one) can; no encoder accepts them later."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _nth_line(text: str, line_no: int) -> str | None:
    lines = text.split("\n")
    return lines[line_no - 1].rstrip("\r") if 1 <= line_no <= len(lines) else None


# Accented Latin letters and the typographic punctuation cp1252 adds.
_WESTERN = re.compile(r"[\u00c0-\u00ff\u00a0-\u00bf\u2018-\u201e\u2013\u2014\u2026\u20ac\u2022\u0152\u0153\u0160\u0161\u017d\u017e\u0178]")


def _as_windows_1252(data: bytes) -> str | None:
    """Windows-1252 is by far the most common non-UTF-8 encoding of Western
    web text, and detectors guess badly on short files: use it when every
    byte is defined and nearly all non-ASCII characters are Latin letters or
    typographic punctuation."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return text
    western = sum(1 for ch in non_ascii if _WESTERN.match(ch))
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in non_ascii if ch.isalpha())
    # Western languages accent a few letters per word; a Cyrillic or Greek text
    # read as cp1252 turns almost every letter into an accented one.
    if western >= 0.9 * len(non_ascii) and accented <= 0.25 * max(1, letters):
        return text
    return None
