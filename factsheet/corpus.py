"""Read the content folder: find the articles, parse each one and extract its
propositions (a map over files through a concurrent.futures executor; both are
pure functions of the file, kept in the record cache by content hash, see
cache.py), then check the corpus as a whole (ids). Every record is read before
any output is written (Pelican's rule).

Everything read from the content folder, the sheet file included, goes through
``read_inside``: the resolved path must lie inside the folder (symlinks
included; a loop or a dangling link is a message), only regular files are
opened (never a FIFO, device or socket, which could block the build), and no
more than the size limit is read.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Mapping

from .cache import Interner, ParsedFile, RecordCache, encode_entry
from .config import SHEET_FILE_NAME, Config
from .editorial import Editorial, editorial_from
from .errors import ContentError
from .merge.extract import RecordFacts, extract_record
from .merge.lexicon import Lexicon
from .models import Diagnostic, Record
from .parse import ParseResult, parse_article, slug_for_path

__all__ = ["Corpus", "ParsedFile", "ReadStats", "RecordCache", "load_corpus", "read_article", "read_inside"]

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"})
# Files editors and tools leave behind while saving; never content.
_SCRATCH = re.compile(r"(^\.|^#.*#$|~$|\.sw[a-p]$|\.swpx?$|^4913$|\.tmp$|\.bak$|\.orig$|\.part$)", re.I)
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 48
# Hex digits of the path hash that tells apart files whose names give the same id.
ID_SUFFIX_DIGITS = 6
_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
)


def is_scratch_name(name: str) -> bool:
    """Swap, backup, lock and hidden files (".x.swp", "x~", ".#x", "4913", ...)."""
    return bool(_SCRATCH.search(name))


@dataclass(frozen=True)
class ReadStats:
    """How the corpus was read: for the build's summary line and benchmarks."""

    files: int = 0  # article files found
    from_cache: int = 0  # taken from the record cache (memory or disk)
    parsed: int = 0  # parsed and extracted now
    parse_seconds: float = 0.0  # CPU seconds of the parse, summed over the workers
    extract_seconds: float = 0.0  # CPU seconds of the extraction, likewise


@dataclass(frozen=True)
class Corpus:
    records: tuple[Record, ...]  # sorted by path
    editorial: Editorial
    diagnostics: tuple[Diagnostic, ...]  # errors (skipped files) and warnings, in path order
    # Each record's extraction (made in the parse workers), by record id: merge()'s `facts`.
    facts: Mapping[str, RecordFacts] = field(default_factory=dict)
    stats: ReadStats = field(default_factory=ReadStats, compare=False)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "warning")


def display_path(content_dir: Path, path: Path) -> str:
    """``path`` relative to ``content_dir`` as a clean string: a name that is not
    valid UTF-8 keeps its bad bytes as ``\\xff`` escapes (the operating system
    hands them over as lone surrogates, which nothing can encode)."""
    rel = path.relative_to(content_dir).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _has_bad_bytes(name: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def discover(content_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Article files under content_dir, sorted by relative path; and warnings for
    files that are not articles. Folders are walked where they are: a symbolic
    link to a folder is reported, never followed (no loops, nothing outside)."""
    articles: list[Path] = []
    notes: list[Diagnostic] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else content_dir
        rel = display_path(content_dir, where) if where != content_dir else "."
        notes.append(Diagnostic(rel, f"cannot read folder: {exc.strerror or exc}; skipped"))

    for root, dirs, files in os.walk(content_dir, onerror=unreadable):
        for name in sorted(dirs):
            if not name.startswith((".", "_")) and os.path.islink(os.path.join(root, name)):
                rel = display_path(content_dir, Path(root) / name)
                notes.append(Diagnostic(rel, "symbolic link to a folder; not followed, skipped", "warning"))
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if is_scratch_name(name):
                continue
            path = Path(root) / name
            rel = display_path(content_dir, path)
            if rel == SHEET_FILE_NAME:
                continue
            if _has_bad_bytes(path.relative_to(content_dir).as_posix()):
                notes.append(Diagnostic(
                    rel, "file name is not valid UTF-8 (bad bytes shown as \\x escapes); please rename it", "warning"))
            suffix = Path(rel).suffix
            if suffix.lower() not in ARTICLE_SUFFIXES:
                notes.append(Diagnostic(
                    rel,
                    f"not an article (unsupported file type {suffix or 'with no extension'!r}; "
                    f"articles are {', '.join(sorted(ARTICLE_SUFFIXES))}); skipped",
                    "warning",
                ))
                continue
            articles.append(path)
    articles.sort(key=lambda p: p.relative_to(content_dir).as_posix())
    return articles, notes


def read_inside(folder: Path, path: Path, rel: str, max_bytes: int) -> bytes | Diagnostic:
    """The bytes of ``path``, or a Diagnostic saying why it was not read: its
    resolved path lies outside ``folder``, it is a symlink loop or a dangling
    link, it is not a regular file, or it is over ``max_bytes``. Never blocks
    (a FIFO is opened non-blocking and refused) and never reads past the limit."""
    try:
        real = os.path.realpath(path, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Diagnostic(rel, "symbolic link loop (the link leads back to itself); skipped")
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return Diagnostic(rel, "broken symbolic link (its target does not exist); skipped")
        return Diagnostic(rel, f"cannot read file: {exc.strerror or exc}; skipped")
    if not Path(real).is_relative_to(os.path.realpath(folder)):
        return Diagnostic(rel, "symbolic link pointing outside the content folder; skipped", "warning")
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return Diagnostic(rel, f"cannot read file: {exc.strerror or exc}; skipped")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "not a regular file")
            return Diagnostic(rel, f"not a regular file ({kind}); skipped")
        if info.st_size > max_bytes:
            return Diagnostic(rel, _too_large(info.st_size, max_bytes))
        chunks: list[bytes] = []
        left = max_bytes + 1  # one byte more tells a file that grew past the limit
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            return Diagnostic(rel, _too_large(max(len(data), os.fstat(fd).st_size), max_bytes))
        return data
    except OSError as exc:
        return Diagnostic(rel, f"cannot read file: {exc.strerror or exc}; skipped")
    finally:
        os.close(fd)


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; skipped"


@dataclass(frozen=True)
class _Job:
    rel: str
    data: bytes
    key: str | None  # the cache key, when the worker is to encode the entry for the cache folder


@dataclass(frozen=True)
class _JobOutput:
    parsed: ParsedFile
    blob: bytes | None  # the encoded cache entry (made in the worker), when asked for
    parse_seconds: float  # CPU time of the worker's thread
    extract_seconds: float


def read_article(rel: str, data: bytes, max_bytes: int) -> ParsedFile:
    """One file -> its record (or diagnostics) and the record's extraction."""
    return _read_job(_Job(rel, data, None), max_bytes).parsed


def _read_job(job: _Job, max_bytes: int) -> _JobOutput:
    """Parse, then extract (both pure functions of the file): runs in the executor."""
    started = time.thread_time()
    result = parse_article(job.rel, job.data, max_bytes=max_bytes)
    parsed_at = time.thread_time()
    facts = extract_record(result.record, Lexicon.default()) if result.record is not None else None
    parsed = ParsedFile(result, facts)
    blob = encode_entry(job.key, parsed) if job.key is not None else None
    return _JobOutput(parsed, blob, parsed_at - started, time.thread_time() - parsed_at)


def _read_many(jobs: list[_Job], max_bytes: int, executor: Executor | None,
               on_result: Callable[[], None] | None = None, interner: Interner | None = None) -> list[_JobOutput]:
    """Every job's output, its extraction's keys shared through `interner` as it arrives
    (while the workers go on with the next files)."""
    if not jobs:
        return []
    if executor is None and len(jobs) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            return _map(pool, jobs, max_bytes, on_result, interner)
    if executor is None:
        return _collect((_read_job(job, max_bytes) for job in jobs), on_result, interner)
    return _map(executor, jobs, max_bytes, on_result, interner)


def _collect(results: Iterable[_JobOutput], on_result: Callable[[], None] | None,
             interner: Interner | None = None) -> list[_JobOutput]:
    collected = []
    for result in results:
        if interner is not None:
            result = replace(result, parsed=interner.parsed(result.parsed))
        collected.append(result)
        if on_result is not None:
            on_result()
    return collected


def _map(executor: Executor, jobs: list[_Job], max_bytes: int,
         on_result: Callable[[], None] | None = None, interner: Interner | None = None) -> list[_JobOutput]:
    chunk = max(1, len(jobs) // ((os.cpu_count() or 1) * 8))
    limits = [max_bytes] * len(jobs)
    try:
        results = executor.map(_read_job, jobs, limits, chunksize=chunk)
    except TypeError:  # executors without chunksize (e.g. some distributed ones)
        results = executor.map(_read_job, jobs, limits)
    return _collect(results, on_result, interner)


def read_editorial(config: Config) -> tuple[Editorial, list[Diagnostic]]:
    """The sheet file, read by the same rules as every article. A sheet file
    with a problem is reported and left out; the sheet builds without it."""
    path = config.sheet_file
    if not os.path.lexists(path):
        return Editorial(), []
    from .parse.frontmatter import read_front_matter

    data = read_inside(config.content_dir, path, SHEET_FILE_NAME, config.max_file_bytes)
    if isinstance(data, Diagnostic):
        return Editorial(), [data]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
        fm = read_front_matter(text, SHEET_FILE_NAME)
        return editorial_from(fm.meta, fm.body, SHEET_FILE_NAME), []
    except UnicodeDecodeError as exc:
        return Editorial(), [Diagnostic(SHEET_FILE_NAME, f"not UTF-8 text ({exc.reason} at byte {exc.start}); skipped")]
    except ContentError as exc:
        return Editorial(), [exc.diagnostic]


def _theme_notes(config: Config) -> tuple[Diagnostic, ...]:
    """Files of the user's templates folder that the build leaves out (read here,
    with every other input, so that `check` reports them too)."""
    if config.templates_dir is None:
        return ()
    from .render.theme import theme_diagnostics

    return theme_diagnostics((config.templates_dir,))


def _kept_last_good(diagnostic: Diagnostic) -> Diagnostic:
    if diagnostic.level != "error":
        return diagnostic
    return replace(diagnostic, message=f"{diagnostic.message} (the preview shows this file's last good version)")


def assign_ids(records: list[Record]) -> tuple[list[Record], list[Diagnostic]]:
    """Give every record a distinct id; ``records`` are in path order.

    An id set in front matter is the editor's: two files setting the same one is
    an error, and the later file is skipped. Ids made from file names never
    drop a file: names that differ only in case, accents or Unicode
    normalization, the same name in two folders, or names with no letters at all
    give one slug, so all but one of those files get the slug plus a stable hash
    of their path. The plain slug goes to a file whose name is spelled exactly
    like it ("report.md" rather than "Report.md"), else to the first in path
    order, so adding a file seldom renames an existing page.
    """
    explicit = [r for r in records if r.id != slug_for_path(r.path)]
    derived = [r for r in records if r.id == slug_for_path(r.path)]
    owner: dict[str, str] = {}
    notes: list[Diagnostic] = []
    kept: dict[str, Record] = {}
    for record in explicit:
        if record.id in owner:
            notes.append(Diagnostic(record.path, f"duplicate id {record.id!r}: already used by {owner[record.id]}; skipped"))
            continue
        owner[record.id] = record.path
        kept[record.path] = record
    by_slug: dict[str, list[Record]] = {}
    for record in derived:
        by_slug.setdefault(record.id, []).append(record)
    for slug, group in by_slug.items():
        group.sort(key=lambda r: (not _spelled_as_slug(r.path, slug), r.path))
        for index, record in enumerate(group):
            new_id = slug
            if index > 0 or slug in owner:
                new_id = _suffixed_id(slug, record.path, owner)
            owner[new_id] = record.path
            kept[record.path] = record if new_id == record.id else replace(record, id=new_id)
    return [kept[r.path] for r in records if r.path in kept], notes


def _spelled_as_slug(rel_path: str, slug: str) -> bool:
    stem = rel_path.rsplit("/", 1)[-1]
    if "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    return stem == slug


def _suffixed_id(slug: str, rel_path: str, taken: dict[str, str]) -> str:
    digest = hashlib.sha256(rel_path.encode("utf-8")).hexdigest()
    for digits in (ID_SUFFIX_DIGITS, 10, 16, 64):
        candidate = f"{slug[: 99 - digits]}-{digest[:digits]}"
        if candidate not in taken:
            return candidate
    raise AssertionError("sha256 prefixes of distinct paths collided")  # pragma: no cover


def load_corpus(config: Config, cache: RecordCache | None = None, executor: Executor | None = None,
                progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Parse and extract every article (in ``executor``, or a process pool of its
    own for a large corpus), taking unchanged files from ``cache``. Bad files
    become diagnostics and are skipped; the rest still make records.
    ``progress(done, total)`` is called as files are read, for a progress display."""
    paths, diagnostics = discover(config.content_dir)
    with cache.loading() if cache is not None else nullcontext():
        results, stats = _read_files(config, paths, cache, executor, progress)

    records: list[Record] = []
    facts_by_path: dict[str, RecordFacts | None] = {}
    for rel in sorted(results):
        parsed = results[rel]
        if parsed.result.record is None and cache is not None:
            good = cache.last_good(rel)
            if good is not None:
                parsed = ParsedFile(ParseResult(good.result.record, tuple(
                    _kept_last_good(d) for d in parsed.result.diagnostics)), good.facts)
        record = parsed.result.record
        diagnostics.extend(parsed.result.diagnostics)
        if record is None:
            continue
        if not _SAFE_ID.match(record.id):
            diagnostics.append(Diagnostic(rel, f"invalid id {record.id!r} (use lowercase letters, digits and '-'); skipped"))
            continue
        if cache is not None and parsed is results[rel]:
            cache.remember_good(rel, parsed)
        records.append(record)
        facts_by_path[rel] = parsed.facts
    records, id_notes = assign_ids(records)
    diagnostics.extend(id_notes)

    editorial, editorial_notes = read_editorial(config)
    diagnostics.extend(editorial_notes)
    diagnostics.extend(_theme_notes(config))
    diagnostics.sort(key=lambda d: (d.path, d.line or 0, d.level, d.message))
    return Corpus(records=tuple(records), editorial=editorial, diagnostics=tuple(diagnostics),
                  facts=_facts_by_id(records, facts_by_path), stats=stats)


def _read_files(config: Config, paths: list[Path], cache: RecordCache | None, executor: Executor | None,
                progress: Callable[[int, int], None] | None) -> tuple[dict[str, ParsedFile], ReadStats]:
    """Every file's ParsedFile, by display path: from the cache where it has this
    content, else parsed and extracted (and then kept in the cache)."""
    total = len(paths)
    done = 0

    def one_more() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    jobs: list[_Job] = []
    results: dict[str, ParsedFile] = {}
    keys: dict[str, str] = {}  # display path -> cache key
    for path in paths:
        rel = display_path(config.content_dir, path)
        data = read_inside(config.content_dir, path, rel, config.max_file_bytes)
        if isinstance(data, Diagnostic):
            results[rel] = ParsedFile(ParseResult(None, (data,)))
            one_more()
            continue
        key = keys[rel] = cache.key(rel, data, config.max_file_bytes) if cache is not None else ""
        cached = cache.get(key) if cache is not None else None
        if cached is not None:
            results[rel] = cached
            one_more()
        else:
            jobs.append(_Job(rel, data, key if cache is not None and cache.stores else None))

    interner = cache.interner if cache is not None else Interner()
    outputs = _read_many(jobs, config.max_file_bytes, executor, one_more, interner)
    for job, output in zip(jobs, outputs):
        results[job.rel] = output.parsed
        if cache is not None:
            cache.put(keys[job.rel], output.parsed, output.blob)
    if cache is not None:
        cache.finish(keys.values())
        cache.retain_paths(results)
    stats = ReadStats(files=total, from_cache=len(keys) - len(jobs) if cache is not None else 0, parsed=len(jobs),
                      parse_seconds=sum(o.parse_seconds for o in outputs),
                      extract_seconds=sum(o.extract_seconds for o in outputs))
    return results, stats


def _facts_by_id(records: list[Record], facts_by_path: dict[str, RecordFacts | None]) -> dict[str, RecordFacts]:
    """Each record's extraction under the record's final id (``assign_ids`` may have
    renamed it since the worker extracted it; the id is only a label there)."""
    out: dict[str, RecordFacts] = {}
    for record in records:
        facts = facts_by_path.get(record.path)
        if facts is None or facts.content_hash != record.content_hash:
            continue
        out[record.id] = facts if facts.record_id == record.id else replace(facts, record_id=record.id)
    return out
