"""Front matter readers. PLACEHOLDER: YAML only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import frontmatter


@dataclass(frozen=True)
class FrontMatter:
    meta: dict[str, Any]
    body: str
    body_start: int  # character offset of the body in the text
    format: str | None  # "yaml", "toml", "json", "bare" or None


def read_front_matter(text: str, path: str) -> FrontMatter:
    post = frontmatter.loads(text)
    start = text.find(post.content) if post.content else len(text)
    return FrontMatter(dict(post.metadata), post.content, max(start, 0), "yaml" if post.metadata else None)
