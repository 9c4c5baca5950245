"""Front matter readers: YAML (``---``), TOML (``+++``), JSON (a leading
``{...}`` object) and a conservative "bare" form (a leading block of
``Key: value`` lines with known metadata keys, ended by a blank line).

Malformed front matter raises ContentError naming the file, the line of the
problem in the file and the parser's own message. Never swallowed.

Every parser is bounded before any value is used (content is untrusted): YAML
through a loader that counts the nodes a document expands to (aliases
included) and its nesting before constructing anything, JSON and TOML by
catching runaway nesting; then one walk over the result enforces the same
node and depth budget for every format and replaces lone surrogates (from
``\\ud800``-style escapes), so that no later stage sees a value it cannot
encode. Dates out of range and integers too long to convert stay text.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import ContentError
from ..models import Diagnostic

# Bounds on what front matter may hold. A real article's front matter has a few
# dozen values, a few levels deep; these leave a wide margin and stop alias
# bombs (900 bytes of YAML can expand to billions of values) and deep nesting.
MAX_META_NODES = 5000  # values after expanding YAML aliases
MAX_META_DEPTH = 20  # levels of nested lists and mappings
MAX_INT_DIGITS = 100  # longer integers are kept as their digits (text)


@dataclass(frozen=True)
class FrontMatter:
    meta: dict[str, Any]
    body: str
    body_start: int  # character offset of the body in the text
    format: str | None  # "yaml", "toml", "json", "bare" or None


_LEADING_BLANK = re.compile(r"\A(?:[ \t]*\r?\n)*")
_LINE_END = re.compile(r"\r?\n|\Z")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*\r?$", re.M)
_JSON_OPEN = re.compile(r'\{\s*(?:"|\})')  # "{" then a key or "}": not "{Update} ..." prose
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_BARE_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9 _-]{0,23}?)[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*\r?$")
_FENCE_LINE = re.compile(r"[ \t]*\r?$", re.M)

# Keys that mark a leading "Key: value" block as metadata (normalized: lower
# case, no spaces, hyphens or underscores).
BARE_KEYS = frozenset({
    "title", "headline", "date", "published", "pubdate", "pubdatetime", "publishdate", "publishedat",
    "publicationdate", "datepublished", "updated", "modified", "url", "link", "canonical", "canonicalurl",
    "permalink", "source", "publisher", "outlet", "sitename", "site", "publication", "author", "authors",
    "byline", "tags", "keywords", "categories", "category", "description", "summary", "excerpt",
    "id", "slug", "lang", "language", "subtitle",
})


def norm_key(key: str) -> str:
    return re.sub(r"[\s_-]+", "", key).lower()


def _line_at(text: str, offset: int) -> tuple[int, str]:
    line_no = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return line_no, text[start : end if end >= 0 else len(text)].rstrip("\r")


def _line_text(text: str, line_no: int) -> str | None:
    lines = text.split("\n")
    if 1 <= line_no <= len(lines):
        return lines[line_no - 1].rstrip("\r")
    return None


def _fail(text: str, path: str, message: str, line_no: int) -> ContentError:
    return ContentError(Diagnostic(path, message, "error", line_no, _line_text(text, line_no)))


def read_front_matter(text: str, path: str) -> FrontMatter:
    lead = _LEADING_BLANK.match(text).end()
    head = text[lead : lead + 4]
    if head.startswith("---") and text[lead + 3 : lead + 4] in ("\n", "\r", " ", "\t", ""):
        found = _read_fenced(text, path, lead, "yaml")
        if found is not None:
            return found
    elif head.startswith("+++"):
        found = _read_fenced(text, path, lead, "toml")
        if found is not None:
            return found
    elif _JSON_OPEN.match(text, lead):
        return _read_json(text, path, lead)
    bare = _read_bare(text, lead)
    if bare is not None:
        return bare
    return FrontMatter({}, text, 0, None)


def _read_fenced(text: str, path: str, lead: int, fmt: str) -> FrontMatter | None:
    open_end = _LINE_END.search(text, lead).end()
    closer = (_YAML_CLOSE if fmt == "yaml" else _TOML_CLOSE).search(text, open_end)
    first_line = text.count("\n", 0, open_end) + 1  # file line of the first metadata line
    if closer is None:
        # A lone "---" may be a Markdown rule; only complain when the next line
        # looks like metadata.
        next_line = text[open_end : _LINE_END.search(text, open_end).start()]
        if re.match(r"^[A-Za-z_][\w -]*\s*[:=]", next_line):
            fence = "---" if fmt == "yaml" else "+++"
            raise _fail(text, path, f"front matter opened with '{fence}' on line {first_line - 1} is never closed", first_line - 1)
        return None
    block = text[open_end : closer.start()]
    body_start = _LINE_END.search(text, closer.end()).end()
    meta = _parse_yaml(text, path, block, first_line) if fmt == "yaml" else _parse_toml(text, path, block, first_line)
    return FrontMatter(meta, text[body_start:], body_start, fmt)


class FrontMatterTooLarge(ValueError):
    """The front matter expands to more values, or nests deeper, than the bounds above."""


_YAML_BASE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _BoundedYAMLLoader(_YAML_BASE):  # type: ignore[misc, valid-type]
    """yaml's safe loader that checks the composed node graph against the
    budget before constructing any value."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        _check_yaml_nodes(node)
        return self.construct_document(node)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):  # 0000-00-00, 2024-02-30, an offset of +99:00: not a date, keep the text
        return loader.construct_scalar(node)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    digits = loader.construct_scalar(node)
    if len(digits) > MAX_INT_DIGITS:
        return digits
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_BoundedYAMLLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_BoundedYAMLLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _check_yaml_nodes(root: yaml.Node) -> None:
    """Raise FrontMatterTooLarge when the document, with every alias expanded,
    has more than MAX_META_NODES values or nests deeper than MAX_META_DEPTH (a
    node that contains itself nests without end). Iterative, linear in the
    number of distinct nodes."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _yaml_children(node)
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if size[key] > MAX_META_NODES:
                raise FrontMatterTooLarge(f"front matter is too large: over {MAX_META_NODES:,} values once its YAML aliases are expanded")
            if depth[key] > MAX_META_DEPTH + 1:
                raise FrontMatterTooLarge(f"front matter is nested more than {MAX_META_DEPTH} levels deep")
            continue
        if key in size:
            continue
        if key in on_path:
            raise FrontMatterTooLarge("front matter contains itself (a YAML alias inside its own anchor)")
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in size)


def _yaml_children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_string(text: str) -> str:
    """``text`` with each lone surrogate (which no encoder accepts) replaced by U+FFFD."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


def bounded_values(value: Any) -> Any:
    """A copy of parsed front matter that later stages can always serialize:
    strings without lone surrogates (keys too), NaN and infinities as text,
    the same budget as YAML for every format. Raises FrontMatterTooLarge."""
    budget = [MAX_META_NODES]

    def walk(item: Any, level: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise FrontMatterTooLarge(f"front matter is too large: over {MAX_META_NODES:,} values")
        if level > MAX_META_DEPTH:
            raise FrontMatterTooLarge(f"front matter is nested more than {MAX_META_DEPTH} levels deep")
        if isinstance(item, str):
            return clean_string(item)
        if isinstance(item, dict):
            return {(clean_string(k) if isinstance(k, str) else k): walk(v, level + 1) for k, v in item.items()}
        if isinstance(item, (list, tuple)):
            return [walk(v, level + 1) for v in item]
        if isinstance(item, (set, frozenset)):
            return [walk(v, level + 1) for v in sorted(item, key=repr)]
        if isinstance(item, float) and not math.isfinite(item):  # .nan, .inf, 1e400: no JSON number
            return str(item)
        if isinstance(item, bytes):  # YAML !!binary
            return clean_string(item.decode("utf-8", "replace"))
        return item

    return walk(value, 0)


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else digits


def _parse_yaml(text: str, path: str, block: str, first_line: int) -> dict[str, Any]:
    try:
        meta = yaml.load(block, Loader=_BoundedYAMLLoader)  # noqa: S506 - a safe loader
    except FrontMatterTooLarge as exc:
        raise _fail(text, path, str(exc), first_line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and mark is not None and mark.line >= block.count("\n"):
            mark = exc.context_mark  # the parser ran to the end of the block: point at where the construct began
        line_no = first_line + (mark.line if mark else 0)
        problem = exc.problem or exc.context or "invalid syntax"
        if exc.context and exc.problem:
            problem = f"{problem} ({exc.context})"
        raise _fail(text, path, f"invalid YAML front matter: {problem}", line_no) from None
    except yaml.YAMLError as exc:
        raise _fail(text, path, f"invalid YAML front matter: {exc}", first_line) from None
    except RecursionError:
        raise _fail(text, path, f"front matter is nested more than {MAX_META_DEPTH} levels deep", first_line) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a constructor refusing a value (e.g. a bad !!float)
        raise _fail(text, path, f"invalid YAML front matter: {exc}", first_line) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        kind = {list: "a list", str: "plain text"}.get(type(meta), f"a {type(meta).__name__}")
        raise _fail(text, path, f"front matter must be a mapping of keys to values, not {kind}", first_line)
    return _bounded_mapping(text, path, meta, first_line)


def _bounded_mapping(text: str, path: str, meta: dict[Any, Any], first_line: int) -> dict[str, Any]:
    try:
        clean = bounded_values(meta)
    except FrontMatterTooLarge as exc:
        raise _fail(text, path, str(exc), first_line) from None
    return {(k if isinstance(k, str) else str(k)): v for k, v in clean.items()}


def _parse_toml(text: str, path: str, block: str, first_line: int) -> dict[str, Any]:
    try:
        meta = tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        pos = _TOML_POS.search(message)
        line_no = first_line + (int(pos.group(1)) - 1 if pos else 0)
        message = _TOML_POS.sub("", message).strip()
        raise _fail(text, path, f"invalid TOML front matter: {message}", line_no) from None
    except RecursionError:
        raise _fail(text, path, f"front matter is nested more than {MAX_META_DEPTH} levels deep", first_line) from None
    except ValueError:  # tomllib converts integers itself; one of over 4,300 digits raises here
        raise _fail(text, path, "invalid TOML front matter: a number too long to read", first_line) from None
    return _bounded_mapping(text, path, meta, first_line)


_JSON_DECODER = json.JSONDecoder(parse_int=_parse_int)


def _read_json(text: str, path: str, lead: int) -> FrontMatter:
    first_line = text.count("\n", 0, lead) + 1
    try:
        meta, end = _JSON_DECODER.raw_decode(text, lead)
    except json.JSONDecodeError as exc:
        raise _fail(text, path, f"invalid JSON front matter: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise _fail(text, path, f"front matter is nested more than {MAX_META_DEPTH} levels deep", first_line) from None
    meta = _bounded_mapping(text, path, meta, first_line)
    rest = _FENCE_LINE.match(text, end)
    if rest is None:
        line_no, _ = _line_at(text, end)
        raise _fail(text, path, "unexpected text after the JSON front matter on the same line", line_no)
    body_start = _LINE_END.search(text, rest.end()).end() if rest.end() < len(text) else len(text)
    return FrontMatter(meta, text[body_start:], body_start, "json")


def _read_bare(text: str, lead: int) -> FrontMatter | None:
    """Leading ``Key: value`` lines, only when unambiguous: every line is a
    short key with a value and most keys are known metadata keys, and either a
    blank line (or a ``---`` rule) follows, or at least two lines, all with
    known keys, run straight into the body."""
    pos = lead
    pairs: list[tuple[str, str]] = []
    separated = False
    while pos < len(text) and len(pairs) < 40:
        end_match = _LINE_END.search(text, pos)
        line = text[pos : end_match.start()]
        if not line.strip() or line.strip() == "---":
            separated = True
            break
        m = _BARE_LINE.match(line)
        if m is None:
            break
        pairs.append((m.group(1).strip(), m.group(2)))
        pos = end_match.end()
        if end_match.start() == len(text):
            return None  # the whole file is key/value lines: not an article with metadata
    if not pairs or pos >= len(text):
        return None
    known = sum(norm_key(k) in BARE_KEYS for k, _ in pairs)
    if separated:
        if known == 0 or known * 2 < len(pairs):
            return None
        body_start = _LINE_END.search(text, pos).end()
    else:
        if len(pairs) < 2 or known < len(pairs):
            return None
        body_start = pos
    meta: dict[str, Any] = {}
    for key, value in pairs:
        meta.setdefault(key, value)
    return FrontMatter(meta, text[body_start:], body_start, "bare")
