"""The record cache: each article's parse and per-record extraction, kept by
content hash so that a build reads an unchanged file from here instead of
parsing and extracting it again. The one cache module (Pelican's rule); the
commands make one ``RecordCache`` and pass it down, nothing here is global.

Two layers:

- memory: ``ParsedFile`` objects for the life of the cache object. The dev
  server keeps one cache for its whole life, so an edit parses only the edited
  file and every other record is the very same object as before (the render
  cache relies on that).
- disk (optional): one file per entry in the cache folder (``.factsheet-cache/``
  beside ``factsheet.toml`` by default), so a new process starts warm.

The key is a SHA-256 of everything the entry depends on: the file's bytes, its
path relative to the content folder (ids and messages use it), the size limit,
``PARSE_VERSION`` and ``EXTRACT_VERSION``, the Python version, the versions of
the lexicon's data packages, and a fingerprint of the source code of every
module the parse and the extraction import (``code_fingerprint``). The versions
say when an output change is intended; the fingerprint makes a forgotten bump
harmless, so a cached build can never differ from a fresh one.

On disk, the cache folder is opened once as a directory descriptor and every
read, write and deletion is made relative to it, with ``O_NOFOLLOW``: nothing
leaves the folder, whatever links appear in it. A cache folder that is itself
a symbolic link (or is reached through one) is refused with a message and the
build runs without it. Writes go to a temporary file that is renamed into
place, so a reader never sees half an entry; a truncated, corrupt or foreign
file is a miss (never an error). The folder is bounded: after a build, entries
the build did not use are deleted, least recently used first, while the folder
holds more than ``MAX_CACHE_BYTES``; entries the build used are always kept.

Entries are zlib-compressed pickles, loaded by an unpickler that can only
build factsheet's own dataclasses: no other class or function can be named, so
a planted file cannot run code (see ``_EntryUnpickler``). Pickle because it is
fast to load: about 0.4 ms of CPU time an entry, against about 12 ms to parse
and extract the file again (benchmarks/extract_speed.py). orjson takes as long
just to turn the same data into dicts, before any dataclass is rebuilt from
them. zlib makes an entry a third of the size (about 7 KB for a typical
article) and costs 0.2 ms in the worker.
"""

from __future__ import annotations

import dataclasses
import errno
import gc
import hashlib
import importlib
import io
import os
import pickle
import re
import secrets
import stat
import sys
import threading
import time
import weakref
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator

from .config import CACHE_DIR_NAME
from .merge.extract import EXTRACT_VERSION, Proposition, RecordFacts
from .models import Diagnostic, Record
from .parse import PARSE_VERSION, ParseResult

# The folder's size bound: after a build, unused entries are deleted, oldest use
# first, while the folder holds more than this. Entries the build used are kept.
MAX_CACHE_BYTES = 256 * 1024 * 1024
# An entry file over this is not ours (an entry is a few KB; a 2 MB article's, ~2 MB).
MAX_ENTRY_BYTES = 64 * 1024 * 1024
# At most this much is decompressed from one entry (no zlib bomb).
MAX_DECODED_BYTES = 256 * 1024 * 1024
ZLIB_LEVEL = 1  # a third of the raw pickle's size, for about 0.2 ms a file in the worker
# A temporary file older than this is left over from a killed build and deleted.
STALE_TEMP_SECONDS = 600

_MAGIC = b"factsheet-cache\x00\x01"
_ENTRY_NAME = re.compile(r"^[0-9a-f]{64}\.entry$")
_TEMP_PREFIX = ".tmp-"
_PICKLE_PROTOCOL = 5
# Where the code fingerprint starts: the parse stage and the per-record extraction.
_FINGERPRINT_ROOTS = ("parse/__init__.py", "merge/extract.py")
_PACKAGE_DIR = Path(__file__).resolve().parent
# Marks the folder for backup tools (https://bford.info/cachedir/) and keeps it out of git.
_CACHEDIR_TAG = b"Signature: 8a477f597d28d172789f06886806bc55\n# This folder is factsheet's record cache; it can be deleted.\n"
_GITIGNORE = b"# factsheet's record cache: never commit it.\n*\n"


@dataclass(frozen=True)
class ParsedFile:
    """What reading one file gives, and what the cache keeps: the parse result and,
    when the file made a record, that record's extraction (under the id the parse
    gave it; the corpus re-keys it to the record's final id)."""

    result: ParseResult
    facts: RecordFacts | None = None


class Interner:
    """One object for each distinct string and (feature, weight) pair of the extractions
    read: every record arrives as its own pickle (from a worker or a cache entry), so each
    holds its own copy of the feature keys every other record holds too ("w:fire"), and a
    large corpus's extractions were mostly such copies. Owned by a RecordCache (or made for
    one load without one), so that what it keeps lives as long as the records it serves."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._pairs: dict[tuple[str, float], tuple[str, float]] = {}

    def parsed(self, parsed: ParsedFile) -> ParsedFile:
        return parsed if parsed.facts is None else dataclasses.replace(parsed, facts=self.facts(parsed.facts))

    def facts(self, rf: RecordFacts) -> RecordFacts:
        """The propositions' keys shared (the sentences' few names are left as they are)."""
        return dataclasses.replace(rf, propositions=tuple(map(self._proposition, rf.propositions)))

    def _proposition(self, p: Proposition) -> Proposition:
        return dataclasses.replace(p, features=self._features(p.features),
                                   predicate=self._strings_of(p.predicate), name_keys=self._strings_of(p.name_keys),
                                   speaker_keys=self._strings_of(p.speaker_keys), located=self._strings_of(p.located))

    def _strings_of(self, strings: tuple[str, ...]) -> tuple[str, ...]:
        table = self._strings
        return tuple(table.setdefault(x, x) for x in strings)

    def _features(self, features: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
        # most pairs were met before: looked up all at once, the misses added one by one
        found = tuple(map(self._pairs.get, features))
        if None not in found:
            return found
        return tuple(self._pair(pair) if got is None else got for pair, got in zip(features, found))

    def _pair(self, pair: tuple[str, float]) -> tuple[str, float]:
        key, weight = pair
        if not weight:  # 0.0 and -0.0 are one dict key, and must stay what they were
            return (self._strings.setdefault(key, key), weight)
        got = self._pairs.get(pair)
        if got is None:
            got = self._pairs[pair] = (self._strings.setdefault(key, key), weight)
        return got


# ------------------------------------------------------------------ the key


def code_fingerprint(package_dir: Path = _PACKAGE_DIR) -> str:
    """SHA-256 of the source of every factsheet module the parse and the extraction
    import (followed through their imports), of the merge's data files, and of the
    versions of the other packages those modules import (yaml, charset_normalizer,
    lemminflect, wordfreq, ...)."""
    digest = hashlib.sha256()
    files, packages = _module_closure(package_dir)
    digest.update(_package_versions(packages))
    for rel in files:
        digest.update(rel.encode() + b"\0")
        try:
            digest.update((package_dir / rel).read_bytes())
        except OSError:
            digest.update(b"(unreadable)")
        digest.update(b"\0")
    data_dir = package_dir / "merge" / "data"
    for path in sorted(data_dir.rglob("*")) if data_dir.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# An import statement, at the start of a line (a docstring that quotes one only adds
# a file to the fingerprint, never drops one): "from ..x import (a, b)", "import a.b".
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)"
                     r"|import[ \t]+([^\n#;]*))", re.M)


def _module_closure(package_dir: Path) -> tuple[list[str], set[str]]:
    """Paths (relative to the package) of the roots and every module they import
    from the package, transitively; and the top-level names of the other
    non-standard modules they import. (A scan of the import lines: ast.parse of
    the 21 files took 0.1-0.4 s, this takes milliseconds.)"""
    seen: set[str] = set()
    packages: set[str] = set()
    todo = list(_FINGERPRINT_ROOTS)
    while todo:
        rel = todo.pop()
        if rel in seen or not (package_dir / rel).is_file():
            continue
        seen.add(rel)
        try:
            source = (package_dir / rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        here = Path(rel).parent.parts  # the module's package, as parts
        for dots, module, names, plain in _IMPORT.findall(source):
            if plain:
                packages.update(_names(plain))
                continue
            if not dots:
                packages.add(module.split(".")[0])
            todo.extend(_imported_files(here, len(dots), module, _names(names), package_dir))
    return sorted(seen), {p for p in packages if p and p != "factsheet" and p not in sys.stdlib_module_names}


def _names(text: str) -> list[str]:
    """"(a as b,\n c)" -> ["a", "c"]"""
    parts = (part.split()[0] for part in text.strip("() \t\n").replace("\n", " ").split(",") if part.split())
    return [p for p in parts if re.fullmatch(r"[\w.]+", p)]


def _package_versions(modules: set[str]) -> bytes:
    """"module=version" of each module's distribution (found under the module's own
    name, "charset_normalizer"), else the module's ``__version__`` ("yaml")."""
    lines = []
    for module in sorted(modules):
        try:
            version = metadata.version(module)
        except metadata.PackageNotFoundError:
            try:
                version = str(getattr(importlib.import_module(module), "__version__", "unknown"))
            except ImportError:
                version = "missing"
        lines.append(f"{module}={version}")
    return "\n".join(lines).encode() + b"\0"


def _imported_files(package: tuple[str, ...], level: int, module: str, names: list[str],
                    package_dir: Path) -> list[str]:
    """The package's files an import reads: the module imported from, and any
    submodules named ("from . import params"); the package's __init__ only when
    the names are defined there."""
    if level:
        base = list(package[: len(package) - level + 1])
        parts = [p for p in module.split(".") if p]
    elif module.split(".")[0] == "factsheet":
        base, parts = [], module.split(".")[1:]
    else:
        return []
    target = "/".join(base + parts)

    def module_file(dotted: str) -> str | None:
        for candidate in (f"{dotted}.py", f"{dotted}/__init__.py"):
            if (package_dir / candidate.lstrip("/")).is_file():
                return candidate.lstrip("/")
        return None

    files = [f for f in (module_file(f"{target}/{name}") for name in names) if f]
    if module or len(files) < len(names):
        found = module_file(target)
        if found:
            files.append(found)
    return files


def _environment_key() -> bytes:
    return "\n".join([f"python={sys.version_info[0]}.{sys.version_info[1]}", f"parse={PARSE_VERSION}",
                      f"extract={EXTRACT_VERSION}"]).encode()


# ------------------------------------------------------------------ entries


class _EntryUnpickler(pickle.Unpickler):
    """Builds only dataclasses defined in factsheet's own, already imported modules
    (plus the built-in containers pickle encodes without naming a class). Naming any
    other class or function (os.system, builtins.eval, ...) fails the load."""

    def find_class(self, module: str, name: str) -> type:
        if module == "factsheet" or module.startswith("factsheet."):
            found = getattr(sys.modules.get(module), name, None)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")


def encode_entry(key: str, parsed: ParsedFile) -> bytes:
    return _MAGIC + bytes.fromhex(key) + zlib.compress(pickle.dumps(parsed, protocol=_PICKLE_PROTOCOL), ZLIB_LEVEL)


def decode_entry(key: str, blob: bytes) -> ParsedFile | None:
    """The entry, or None when ``blob`` is not a whole, valid entry for ``key``."""
    head = len(_MAGIC) + 32
    if len(blob) <= head or not blob.startswith(_MAGIC) or blob[len(_MAGIC):head] != bytes.fromhex(key):
        return None
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(blob[head:], MAX_DECODED_BYTES)
        if not inflater.eof or inflater.unconsumed_tail or inflater.unused_data:
            return None
        parsed = _EntryUnpickler(io.BytesIO(raw)).load()
    except Exception:  # noqa: BLE001 - whatever a damaged or foreign file raises, it is a miss
        return None
    return parsed if _well_formed(parsed) else None


def _well_formed(parsed: object) -> bool:
    if not isinstance(parsed, ParsedFile) or not isinstance(parsed.result, ParseResult):
        return False
    record, facts = parsed.result.record, parsed.facts
    if not isinstance(parsed.result.diagnostics, tuple) or not all(
            isinstance(d, Diagnostic) for d in parsed.result.diagnostics):
        return False
    if record is None:
        return facts is None
    return (isinstance(record, Record) and isinstance(facts, RecordFacts)
            and facts.content_hash == record.content_hash and facts.record_id == record.id)


# ------------------------------------------------------------------ the folder


class _Folder:
    """The cache folder, opened once as a directory descriptor; every operation is
    relative to it and never follows a symbolic link."""

    def __init__(self, path: Path, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self._fd: int | None = None
        self.problem: str | None = self._refusal()

    def _refusal(self) -> str | None:
        path = os.path.abspath(self.path)
        if os.path.islink(path):
            return f"the cache folder {self.path} is a symbolic link; it is not used (remove the link, or set `cache` in factsheet.toml)"
        parent = os.path.dirname(path)
        if os.path.lexists(parent) and os.path.realpath(parent) != parent:
            return f"the cache folder {self.path} is reached through a symbolic link; it is not used (give its real path)"
        if os.path.lexists(path) and not os.path.isdir(path):
            return f"the cache folder {self.path} is not a folder; it is not used"
        return None

    def fd(self, create: bool) -> int | None:
        """The folder's descriptor; None while it does not exist (made by the first
        write) or when it is refused."""
        if self._fd is not None or self.problem is not None:
            return self._fd
        if not os.path.lexists(self.path):
            if not create:
                return None
            os.makedirs(self.path, exist_ok=True)
            self.problem = self._refusal()  # made through a link that appeared meanwhile?
            if self.problem is not None:
                return None
            self._write_marker_files()
        try:
            self._fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                self.problem = f"the cache folder {self.path} is a symbolic link or not a folder; it is not used"
                return None
            raise
        weakref.finalize(self, os.close, self._fd)
        return self._fd

    def _write_marker_files(self) -> None:
        for name, body in (("CACHEDIR.TAG", _CACHEDIR_TAG), (".gitignore", _GITIGNORE)):
            try:
                with open(os.path.join(self.path, name), "xb") as fh:
                    fh.write(body)
            except OSError:
                pass  # a marker is a courtesy, never a reason to fail

    def read(self, name: str) -> bytes | None:
        try:
            folder = self.fd(create=False)
            if folder is None:
                return None
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=folder)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                return None
            chunks = []
            left = MAX_ENTRY_BYTES + 1
            while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
                chunks.append(chunk)
                left -= len(chunk)
            if self.writable:
                os.utime(fd)  # the least recently used entries are pruned first
            return b"".join(chunks)
        except OSError:
            return None
        finally:
            os.close(fd)

    def write(self, name: str, blob: bytes) -> None:
        """Temporary file, then rename: a reader sees the whole entry or none.
        No fsync: after a crash a lost or empty entry is just a miss."""
        folder = self.fd(create=True)
        if folder is None:
            return
        temp = f"{_TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(temp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            try:
                os.unlink(temp, dir_fd=folder)
            except OSError:
                pass
            raise

    def prune(self, used: set[str], max_bytes: int) -> None:
        folder = self.fd(create=False)
        if folder is None:
            return
        now = time.time()
        unused: list[tuple[float, str, int]] = []
        total = 0
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if entry.name.startswith(_TEMP_PREFIX):
                    if now - info.st_mtime > STALE_TEMP_SECONDS:
                        self._unlink(entry.name)
                    continue
                if not _ENTRY_NAME.match(entry.name):
                    continue  # not ours (CACHEDIR.TAG, .gitignore, anything a user put here)
                total += info.st_size
                if entry.name not in used:
                    unused.append((info.st_mtime, entry.name, info.st_size))
        unused.sort()
        for _, name, size in unused:
            if total <= max_bytes:
                break
            if self._unlink(name):
                total -= size

    def _unlink(self, name: str) -> bool:
        try:
            os.unlink(name, dir_fd=self.fd(create=False))
            return True
        except (OSError, TypeError):
            return False


# ------------------------------------------------------------------ the cache


class RecordCache:
    """ParsedFiles by key (see ``key``). Thread-safe; lives as long as its owner
    (one build, or the whole life of the dev server).

    ``folder``: the on-disk layer, or None for memory only. ``read_only``: use
    the folder's entries but never write, touch or delete anything (``check``).

    With ``keep_last_good`` (the dev server's), it also remembers the last good
    ParsedFile of each path, and ``load_corpus`` uses it while a later version of
    that file has an error: the preview keeps showing the article (the error is
    still reported) instead of dropping it mid-edit.

    ``hits`` counts files found (in memory or on disk), ``disk_hits`` those read
    from the folder, ``misses`` files that had to be parsed and extracted,
    ``written`` entries written to the folder. ``notes`` are warnings about the
    folder (refused, unwritable) for the command to print; they never fail a
    build, since the cache only saves time.
    """

    def __init__(self, folder: Path | None = None, *, keep_last_good: bool = False, read_only: bool = False,
                 max_bytes: int = MAX_CACHE_BYTES) -> None:
        self._entries: dict[str, ParsedFile] = {}
        self._last_good: dict[str, ParsedFile] | None = {} if keep_last_good else None
        self._lock = threading.Lock()
        self._folder = _Folder(folder, writable=not read_only) if folder is not None else None
        self._max_bytes = max_bytes
        self._salt: bytes | None = None
        self._notes: list[Diagnostic] = []
        self.interner = Interner()  # the extractions' shared strings, for as long as the entries
        self.hits = 0
        self.disk_hits = 0
        self.misses = 0
        self.written = 0

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Around a bulk read of records (from the folder or from the workers): the
        cyclic collector paused. Records and their extractions are acyclic data,
        thousands of objects a file, and the collector's passes over them cost as
        much as decoding them (0.94 against 0.40 ms an entry at 1,000 articles,
        benchmarks/extract_speed.py). Restored after, also on error."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def for_config(cls, config, *, keep_last_good: bool = False, read_only: bool = False) -> "RecordCache":
        """The cache a command uses: on disk in ``config.cache_dir``, or memory only
        when the cache is off (``--no-cache``, ``cache = false``)."""
        return cls(config.cache_dir, keep_last_good=keep_last_good, read_only=read_only)

    @property
    def folder(self) -> Path | None:
        return self._folder.path if self._folder is not None else None

    @property
    def stores(self) -> bool:
        """Whether new entries are written to disk (so workers should encode them)."""
        return self._folder is not None and self._folder.writable and self._folder.problem is None

    def key(self, rel_path: str, data: bytes, max_bytes: int) -> str:
        if self._salt is None:
            # In memory the code cannot change under the cache; on disk it can.
            code = code_fingerprint() if self._folder is not None else "in-memory"
            self._salt = hashlib.sha256(code.encode() + b"\n" + _environment_key()).digest()
        digest = hashlib.sha256(self._salt)
        digest.update(rel_path.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(str(max_bytes).encode() + b"\0")
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def get(self, key: str) -> ParsedFile | None:
        with self._lock:
            parsed = self._entries.get(key)
        if parsed is None and self._folder is not None and self._folder.problem is None:
            blob = self._folder.read(key + ".entry")
            parsed = decode_entry(key, blob) if blob is not None else None
            if parsed is not None:
                parsed = self.interner.parsed(parsed)
                with self._lock:
                    self._entries[key] = parsed
                    self.disk_hits += 1
        with self._lock:
            if parsed is None:
                self.misses += 1
            else:
                self.hits += 1
        return parsed

    def put(self, key: str, parsed: ParsedFile, blob: bytes | None = None) -> None:
        """Keep ``parsed``; with the folder on, also write ``blob`` (its
        ``encode_entry``, made in the worker), or encode it here."""
        with self._lock:
            self._entries[key] = parsed
        if not self.stores:
            return
        try:
            self._folder.write(key + ".entry", blob if blob is not None else encode_entry(key, parsed))
        except OSError as exc:  # reported once; the next entry is tried all the same
            self._note(f"cannot write to the cache folder {self._folder.path} ({exc.strerror or exc}); "
                       "some articles were not saved to it")
            return
        with self._lock:
            self.written += 1

    def finish(self, keys: Iterable[str]) -> None:
        """After a read of the whole corpus: forget memory entries not among ``keys``
        and bound the folder (the entries of ``keys`` are always kept)."""
        keep = set(keys)
        with self._lock:
            for key in list(self._entries):
                if key not in keep:
                    del self._entries[key]
        if self.stores:
            try:
                self._folder.prune({key + ".entry" for key in keep}, self._max_bytes)
            except OSError as exc:
                self._note(f"cannot tidy the cache folder {self._folder.path} ({exc.strerror or exc})")

    def remember_good(self, rel_path: str, parsed: ParsedFile) -> None:
        if self._last_good is not None:
            with self._lock:
                self._last_good[rel_path] = parsed

    def last_good(self, rel_path: str) -> ParsedFile | None:
        if self._last_good is None:
            return None
        with self._lock:
            return self._last_good.get(rel_path)

    def retain_paths(self, rel_paths: Iterable[str]) -> None:
        """Forget the last good records of files that no longer exist."""
        if self._last_good is None:
            return
        keep = set(rel_paths)
        with self._lock:
            for rel in list(self._last_good):
                if rel not in keep:
                    del self._last_good[rel]

    @property
    def notes(self) -> tuple[Diagnostic, ...]:
        if self._folder is not None and self._folder.problem is not None:
            self._note(self._folder.problem)
        return tuple(self._notes)

    def _note(self, message: str) -> None:
        shown = self._folder.path.name if self._folder is not None else CACHE_DIR_NAME
        note = Diagnostic(shown, message, "warning")
        with self._lock:
            if note not in self._notes:
                self._notes.append(note)
