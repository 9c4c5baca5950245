"""facts.json and sources/<id>.json.

Serialized with orjson: it walks frozen dataclasses and tuples natively (in
field order), so no intermediate dicts are built, and its indented output is
byte-identical to ``json.dumps(to_plain(x), ensure_ascii=False, indent=2)``
for the values a Sheet holds (a test checks this). Anything orjson refuses (an
integer beyond 64 bits, a non-string key in an article's front matter, NaN)
falls back to the standard library, so output never depends on which path ran.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ..models import Record, Sheet, to_plain

if TYPE_CHECKING:
    from .cache import RenderCache

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
_FACT_FIELDS = tuple(f.name for f in dataclasses.fields(Sheet) if f.name != "records")


def dump_json(data: Any) -> str:
    # Fixed formatting and key order (dataclass field order) keep output byte-identical.
    return json.dumps(to_plain(data), ensure_ascii=False, indent=2) + "\n"


def json_bytes(data: Any, floats: Any = ()) -> bytes:
    """``dump_json(data)`` as UTF-8, fast. ``floats``: the float values inside
    ``data`` (or containers holding them); when one of them is spelled
    differently by orjson (NaN, infinities, exponents), the standard library
    writes the file instead."""
    if not _plain_floats(floats):
        return dump_json(data).encode("utf-8")
    try:
        return orjson.dumps(data, option=_OPTIONS)
    except (TypeError, orjson.JSONEncodeError):  # e.g. a non-string key in front matter
        return dump_json(data).encode("utf-8")


def _plain_floats(values: Any) -> bool:
    """Whether every float found in ``values`` (walking lists, tuples and dicts)
    is one that orjson and ``json`` spell the same way: finite, written without
    an exponent by ``repr``."""
    stack = [values]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            if not ("e" not in repr(item) and item == item and item not in (_INF, -_INF)):
                return False
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return True


_INF = float("inf")


def facts_bytes(sheet: Sheet) -> bytes:
    """facts.json: the sheet without the full records (see models.sheet_to_facts)."""
    # Figure bounds are the only floats of a sheet outside the records.
    floats = [(f.low, f.high) for f in sheet.figures]
    return json_bytes({name: getattr(sheet, name) for name in _FACT_FIELDS}, floats)


def record_bytes(record: Record) -> bytes:
    # Front matter is the only place a record can hold a float.
    return json_bytes(record, record.meta)


def write_data_files(sheet: Sheet, dest: Path, cache: RenderCache | None = None) -> bytes:
    """Write facts.json and sources/<id>.json; return facts.json's bytes."""
    facts = facts_bytes(sheet)
    (dest / "facts.json").write_bytes(facts)
    sources = dest / "sources"
    sources.mkdir(exist_ok=True)
    for record in sheet.records:
        target = sources / f"{record.id}.json"
        if cache is None:
            target.write_bytes(record_bytes(record))
        else:
            cache.record_json(record, record_bytes, target)
    return facts
