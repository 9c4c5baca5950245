"""Parse stage: one file's bytes -> one normalized Record (or diagnostics).

A pure function of (relative path, bytes, limits), so it can run in any
executor and be cached by content hash.

PLACEHOLDER IMPLEMENTATION: to be replaced by the real readers/cleaning/segmentation.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import frontmatter

from ..models import Diagnostic, Record, Sentence


@dataclass(frozen=True)
class ParseResult:
    record: Record | None
    diagnostics: tuple[Diagnostic, ...] = ()


def slug_for_path(rel_path: str) -> str:
    stem = rel_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "article"


def parse_article(rel_path: str, data: bytes, *, max_bytes: int) -> ParseResult:
    text = data.decode("utf-8", errors="replace")
    post = frontmatter.loads(text)
    body_offset = text.find(post.content[:40]) if post.content else 0
    sentences = []
    for m in re.finditer(r"[^\n.!?]+[.!?]?", text[body_offset:]):
        s = m.group().strip()
        if len(s) > 20:
            start = body_offset + m.start() + (len(m.group()) - len(m.group().lstrip()))
            sentences.append(Sentence(f"s{len(sentences)+1}", s, start, start + len(s), 0))
    rec = Record(
        id=slug_for_path(rel_path), path=rel_path, content_hash=hashlib.sha256(data).hexdigest(),
        title=post.get("title"), publisher=None, date=None, url=None, author=None, tags=(),
        description=None, meta={}, inferred=(), text=post.content, sentences=tuple(sentences), removed=(),
    )
    return ParseResult(rec)
