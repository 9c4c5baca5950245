"""Read the content folder: find the articles, parse each one (a map over files
through a concurrent.futures executor, cached by content hash), then check the
corpus as a whole (duplicate ids). Every record is read before any output is
written (Pelican's rule).
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .config import SHEET_FILE_NAME, Config
from .editorial import Editorial, editorial_from
from .errors import ContentError
from .models import Diagnostic, Record
from .parse import ParseResult, parse_article

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"})
# Files editors and tools leave behind while saving; never content.
_SCRATCH = re.compile(r"(^\.|^#.*#$|~$|\.sw[a-p]$|\.swpx?$|^4913$|\.tmp$|\.bak$|\.orig$|\.part$)", re.I)
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 48


def is_scratch_name(name: str) -> bool:
    """Swap, backup, lock and hidden files (".x.swp", "x~", ".#x", "4913", ...)."""
    return bool(_SCRATCH.search(name))


@dataclass(frozen=True)
class Corpus:
    records: tuple[Record, ...]  # sorted by path
    editorial: Editorial
    diagnostics: tuple[Diagnostic, ...]  # errors (skipped files) and warnings, in path order

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "warning")


class RecordCache:
    """ParseResults keyed by (path, content hash, limits). Thread-safe; lives as
    long as its owner (one build, or the whole life of the dev server)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, bytes, int], ParseResult] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(rel_path: str, data: bytes, max_bytes: int) -> tuple[str, bytes, int]:
        import hashlib

        return (rel_path, hashlib.sha256(data).digest(), max_bytes)

    def get(self, key: tuple[str, bytes, int]) -> ParseResult | None:
        with self._lock:
            result = self._entries.get(key)
            if result is None:
                self.misses += 1
            else:
                self.hits += 1
            return result

    def put(self, key: tuple[str, bytes, int], result: ParseResult) -> None:
        with self._lock:
            self._entries[key] = result

    def retain(self, keys: Iterable[tuple[str, bytes, int]]) -> None:
        """Forget entries for files that no longer exist or changed."""
        keep = set(keys)
        with self._lock:
            for key in list(self._entries):
                if key not in keep:
                    del self._entries[key]


def discover(content_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Article files under content_dir, sorted by relative path; and warnings for
    files that are not articles."""
    articles: list[Path] = []
    notes: list[Diagnostic] = []
    for root, dirs, files in os.walk(content_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if is_scratch_name(name):
                continue
            path = Path(root) / name
            rel = path.relative_to(content_dir).as_posix()
            if rel == SHEET_FILE_NAME:
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(content_dir.resolve()):
                notes.append(Diagnostic(rel, "symbolic link pointing outside the content folder; skipped", "warning"))
                continue
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                notes.append(Diagnostic(
                    rel,
                    f"not an article (unsupported file type {path.suffix or 'with no extension'!r}; "
                    f"articles are {', '.join(sorted(ARTICLE_SUFFIXES))}); skipped",
                    "warning",
                ))
                continue
            articles.append(path)
    articles.sort(key=lambda p: p.relative_to(content_dir).as_posix())
    return articles, notes


def _read_bytes(path: Path, rel: str, max_bytes: int) -> bytes | Diagnostic:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Diagnostic(rel, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; skipped")
        return path.read_bytes()
    except OSError as exc:
        return Diagnostic(rel, f"cannot read file: {exc.strerror or exc}; skipped")


def _parse_many(jobs: list[tuple[str, bytes]], max_bytes: int, executor: Executor | None,
                on_result: Callable[[], None] | None = None) -> list[ParseResult]:
    if not jobs:
        return []
    if executor is None and len(jobs) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            return _map(pool, jobs, max_bytes, on_result)
    if executor is None:
        return _collect((parse_article(rel, data, max_bytes=max_bytes) for rel, data in jobs), on_result)
    return _map(executor, jobs, max_bytes, on_result)


def _collect(results: Iterable[ParseResult], on_result: Callable[[], None] | None) -> list[ParseResult]:
    collected = []
    for result in results:
        collected.append(result)
        if on_result is not None:
            on_result()
    return collected


def _map(executor: Executor, jobs: list[tuple[str, bytes]], max_bytes: int,
         on_result: Callable[[], None] | None = None) -> list[ParseResult]:
    chunk = max(1, len(jobs) // ((os.cpu_count() or 1) * 8))
    paths = [rel for rel, _ in jobs]
    datas = [data for _, data in jobs]
    limits = [max_bytes] * len(jobs)
    try:
        results = executor.map(_parse_job, paths, datas, limits, chunksize=chunk)
    except TypeError:  # executors without chunksize (e.g. some distributed ones)
        results = executor.map(_parse_job, paths, datas, limits)
    return _collect(results, on_result)


def _parse_job(rel: str, data: bytes, max_bytes: int) -> ParseResult:
    return parse_article(rel, data, max_bytes=max_bytes)


def read_editorial(config: Config) -> tuple[Editorial, list[Diagnostic]]:
    path = config.sheet_file
    if not path.is_file():
        return Editorial(), []
    from .parse.frontmatter import read_front_matter

    try:
        text = path.read_bytes().decode("utf-8")
        fm = read_front_matter(text, SHEET_FILE_NAME)
        return editorial_from(fm.meta, fm.body, SHEET_FILE_NAME), []
    except UnicodeDecodeError as exc:
        return Editorial(), [Diagnostic(SHEET_FILE_NAME, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except ContentError as exc:
        return Editorial(), [exc.diagnostic]


def load_corpus(config: Config, cache: RecordCache | None = None, executor: Executor | None = None,
                progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Parse every article. Bad files become diagnostics and are skipped; the rest
    still make records. ``progress(done, total)`` is called as files are read
    (from a cache or parsed), for a progress display."""
    paths, diagnostics = discover(config.content_dir)
    total = len(paths)
    done = 0

    def one_more() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    jobs: list[tuple[str, bytes]] = []
    results: dict[str, ParseResult] = {}
    keys = []
    for path in paths:
        rel = path.relative_to(config.content_dir).as_posix()
        data = _read_bytes(path, rel, config.max_file_bytes)
        if isinstance(data, Diagnostic):
            diagnostics.append(data)
            one_more()
            continue
        key = RecordCache.key(rel, data, config.max_file_bytes) if cache is not None else None
        cached = cache.get(key) if cache is not None else None
        if cached is not None:
            results[rel] = cached
            one_more()
        else:
            jobs.append((rel, data))
        keys.append((rel, key))

    for (rel, _), result in zip(jobs, _parse_many(jobs, config.max_file_bytes, executor, one_more)):
        results[rel] = result
    if cache is not None:
        for rel, key in keys:
            if rel in results:
                cache.put(key, results[rel])
        cache.retain(key for _, key in keys)

    records: list[Record] = []
    owner_of_id: dict[str, str] = {}
    for rel in sorted(results):
        result = results[rel]
        diagnostics.extend(result.diagnostics)
        record = result.record
        if record is None:
            continue
        if not _SAFE_ID.match(record.id):
            diagnostics.append(Diagnostic(rel, f"invalid id {record.id!r} (use lowercase letters, digits and '-'); skipped"))
            continue
        if record.id in owner_of_id:
            diagnostics.append(Diagnostic(
                rel, f"duplicate id {record.id!r}: already used by {owner_of_id[record.id]}; skipped"
            ))
            continue
        owner_of_id[record.id] = rel
        records.append(record)

    editorial, editorial_notes = read_editorial(config)
    diagnostics.extend(editorial_notes)
    diagnostics.sort(key=lambda d: (d.path, d.line or 0, d.level, d.message))
    return Corpus(records=tuple(records), editorial=editorial, diagnostics=tuple(diagnostics))
