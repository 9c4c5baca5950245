"""Date parsing and ISO 8601 normalization. Ambiguous forms give None:
better no date than a wrong one."""

from __future__ import annotations

import datetime as dt
import math
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"

# A date with a year, as found in text. Named groups tell the form.
DATE_IN_TEXT = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"|(?P<ymd>\d{4}[/.]\d{1,2}[/.]\d{1,2})"
    rf"|(?P<mdy>{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"|(?P<dmy>{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
    r"|(?P<num>\d{1,2}/\d{1,2}/\d{4}))"
)
_DATE_ONLY = re.compile(rf"^\s*{DATE_IN_TEXT}\s*$", re.I)
_DIGITS = re.compile(r"\d+")
_MONTH_WORD = re.compile(r"[A-Za-z]+")


def format_datetime(value: dt.datetime) -> str:
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}" if value.microsecond % 1000 == 0 else f".{value.microsecond:06d}"
    offset = value.utcoffset()
    if offset is not None:
        if offset == dt.timedelta(0):
            text += "Z"
        else:
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def normalize_date(value: object) -> str | None:
    """A front-matter or text date -> ISO 8601 string, or None if not a date."""
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if not 1900 <= value <= 2100:
            return None
        year = int(value)
        return f"{year:04d}" if 1900 <= year <= 2100 and value == year else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        return text if 1900 <= int(text) <= 2100 else None
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return text if 1 <= int(text[5:]) <= 12 else None
    m = _DATE_ONLY.match(text)
    return date_from_match(m) if m else None


def date_from_match(m: re.Match[str]) -> str | None:
    """A DATE_IN_TEXT match -> ISO string (None when invalid or ambiguous)."""
    try:
        if m.group("iso"):
            raw = m.group("iso").replace(" ", "T")
            if len(raw) == 10:
                return dt.date.fromisoformat(raw).isoformat()
            return format_datetime(dt.datetime.fromisoformat(raw))
        if m.group("ymd"):
            y, mo, d = (int(x) for x in _DIGITS.findall(m.group("ymd")))
            return dt.date(y, mo, d).isoformat()
        if m.group("mdy") or m.group("dmy"):
            text = m.group("mdy") or m.group("dmy")
            month = next(MONTHS[w.lower()] for w in _MONTH_WORD.findall(text) if w.lower() in MONTHS)
            numbers = [int(x) for x in _DIGITS.findall(text)]
            day, year = numbers[0], numbers[-1]
            return dt.date(year, month, day).isoformat()
        if m.group("num"):
            a, b, y = (int(x) for x in _DIGITS.findall(m.group("num")))
            if a > 12 >= b:
                return dt.date(y, b, a).isoformat()
            if b > 12 >= a:
                return dt.date(y, a, b).isoformat()
            return None  # 03/04/2025: day or month first? Not guessed.
    except (ValueError, StopIteration):
        return None
    return None
