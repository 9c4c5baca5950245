"""facts.json and sources/<id>.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..models import Sheet, sheet_to_facts, to_plain


def dump_json(data: Any) -> str:
    # Fixed formatting and key order (dataclass field order) keep output byte-identical.
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_data_files(sheet: Sheet, dest: Path) -> None:
    (dest / "facts.json").write_text(dump_json(sheet_to_facts(sheet)), encoding="utf-8")
    sources = dest / "sources"
    sources.mkdir(exist_ok=True)
    for record in sheet.records:
        (sources / f"{record.id}.json").write_text(dump_json(to_plain(record)), encoding="utf-8")
