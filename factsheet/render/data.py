"""facts.json and sources/<id>.json.

Both are compact JSON (no spaces). facts.json puts every element of its lists
(each source, claim, discrepancy, ...) on a line of its own: one claim per line
reads and diffs well, and is a third smaller than indented JSON. It is written
element by element, never held whole.

Serialized with orjson: it walks frozen dataclasses and tuples natively (in
field order), so no intermediate dicts are built, and its output is
byte-identical to ``json.dumps(to_plain(x), ensure_ascii=False,
separators=(",", ":"))`` for the values a Sheet holds (a test checks this).
Anything orjson refuses (an integer beyond 64 bits, a non-string key in an
article's front matter, NaN) falls back to the standard library, so output
never depends on which path ran.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import orjson

from ..models import Record, Sheet, to_plain

if TYPE_CHECKING:
    from .cache import RenderCache

_OPTIONS = orjson.OPT_APPEND_NEWLINE
_FACT_FIELDS = tuple(f.name for f in dataclasses.fields(Sheet) if f.name != "records")


def dump_json(data: Any) -> str:
    # Fixed formatting and key order (dataclass field order) keep output byte-identical.
    return json.dumps(to_plain(data), ensure_ascii=False, separators=(",", ":")) + "\n"


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


def _figure_floats(figures: Any) -> list[tuple[float | None, float | None]]:
    # Figure bounds are the only floats of a sheet outside the records.
    return [(f.low, f.high) for f in figures]


def facts_chunks(sheet: Sheet) -> Iterator[bytes]:
    """facts.json in pieces, one element of a list at a time, so that a big sheet is
    never held as one string: ``{`` and each top-level key on a line, and every
    element of a non-empty list of records (sources, claims, ...) on its own line."""
    yield b"{\n"
    last = len(_FACT_FIELDS) - 1
    for i, name in enumerate(_FACT_FIELDS):
        value = getattr(sheet, name)
        end = b"\n" if i == last else b",\n"
        key = json_bytes(name).rstrip(b"\n") + b":"
        if isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
            yield key + b"[\n"
            count = len(value)
            for j, item in enumerate(value):
                floats = _figure_floats((item,)) if name == "figures" else ()
                yield json_bytes(item, floats).rstrip(b"\n") + (b"\n" if j == count - 1 else b",\n")
            yield b"]" + end
        else:
            yield key + json_bytes(value).rstrip(b"\n") + end
    yield b"}\n"


def facts_bytes(sheet: Sheet) -> bytes:
    """facts.json: the sheet without the full records (see models.sheet_to_facts)."""
    return b"".join(facts_chunks(sheet))


def write_facts(sheet: Sheet, target: Path) -> bytes:
    """Stream facts.json to ``target``; return the sha256 digest of its bytes."""
    digest = hashlib.sha256()
    with target.open("wb") as fh:
        for chunk in facts_chunks(sheet):
            fh.write(chunk)
            digest.update(chunk)
    return digest.digest()


def record_bytes(record: Record) -> bytes:
    # Front matter is the only place a record can hold a float.
    return json_bytes(record, record.meta)


def write_data_files(sheet: Sheet, dest: Path, cache: RenderCache | None = None,
                     progress: Callable[[], None] | None = None) -> bytes:
    """Write facts.json and sources/<id>.json; return the sha256 digest of facts.json.
    ``progress`` is called once per file written."""
    digest = write_facts(sheet, dest / "facts.json")
    if progress is not None:
        progress()
    sources = dest / "sources"
    sources.mkdir(exist_ok=True)
    for record in sheet.records:
        target = sources / f"{record.id}.json"
        if cache is None:
            target.write_bytes(record_bytes(record))
        else:
            cache.record_json(record, record_bytes, target)
        if progress is not None:
            progress()
    return digest
