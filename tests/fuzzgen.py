"""A seeded generator of hostile content folders, for the fuzz test and for
``benchmarks/fuzz_content.py`` (which runs it at 100,000 files).

Each folder mixes plausible articles about invented events with everything a
scraped, pasted or sabotaged content folder can hold: odd file names (non-UTF-8
bytes, newlines, terminal escapes, scripts other than Latin, names equal up to
case or Unicode normalization), odd bytes (binary, UTF-16, cp1252, NULs,
control characters, lone surrogates), front matter of every format holding
every type (dates out of range, NaN, 5,000-digit integers, mappings where text
is expected), YAML alias bombs, deeply nested JSON/YAML/TOML, symlinks (inside,
outside, loops, dangling), FIFOs, and a fuzzed ``_sheet.md``.

``make_folder`` writes one folder and returns what it wrote, so a test can
account for every article file. Nothing here knows how factsheet handles any
of it; the assertions live in the tests.
"""

from __future__ import annotations

import os
import random
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

SYLLABLES = "ka lo mi ra ven tor sul dan bri hal mon pet rus gal fen dor lis cam ber vok".split()
PLACES = ["Arden", "Belmor", "Cresthaven", "Dunmere", "Elstow", "Farrow", "Glenrock"]
NON_LATIN_WORDS = [
    "東京", "報告", "مقالة", "تقرير", "отчёт", "Ελλάδα", "रिपोर्ट", "보고서", "דו״ח", "ภาษาไทย", "ქართული",
]
LATIN_ACCENTED = ["é", "café", "Zürich", "naïve", "São", "Łódź", "straße", "Ærø", "ﬁnal", "Å"]
EVIL_NAME_PARTS = [
    "line\nbreak", "tab\there", "esc\x1b[31mred\x1b[0m", "bell\x07", "cr\rreturn", "del\x7f",
    "rtl\u202eoverride", "zero\u200bwidth", "nbsp\u00a0space", "sep\u2028line", "colon: fake", "x:12: error: forged",
    " lead space", "trail space ", "-dash", "a..dots", "#hash", "percent%20", "quote'\"", "<tag>", "&amp;",
]
BAD_NAME_BYTES = [b"bad\xff", b"\xc3\x28latin", b"\xe2\x82", b"caf\xe9", b"\xed\xa0\x80surr"]
ARTICLE_SUFFIXES = [".md", ".txt", ".markdown", ".text", ".MD", ".Txt"]
NOISE_SUFFIXES = [".json", ".html", ".csv", ""]

BAD_DATES = [
    "0000-00-00", "2024-13-45", "2024-02-30", "9999-99-99", "2024-01-01T25:61:00", "2024-01-01T10:00:00+99:00",
    "2024-01-01 10:00:00 +99:00", "-0001-01-01", "10000-01-01", "2024-W01", ".nan", ".inf", "-.inf", "1e400",
    "Feb 30, 2024", "31/31/2024", "yesterday",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def _sentence(rng: random.Random, place: str) -> str:
    n = rng.randint(6, 20)
    words = [_word(rng) for _ in range(n)]
    if rng.random() < 0.5:
        words.insert(rng.randint(0, n), str(rng.randint(2, 9000)))
    if rng.random() < 0.4:
        words.insert(rng.randint(0, n), place)
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!", "…"])


def prose(rng: random.Random, paragraphs: int | None = None) -> str:
    place = rng.choice(PLACES)
    count = paragraphs or rng.randint(2, 6)
    return "\n\n".join(" ".join(_sentence(rng, place) for _ in range(rng.randint(1, 4))) for _ in range(count)) + "\n"


def unicode_noise(rng: random.Random) -> str:
    pools = [
        "\u202e\u202d\u2066\u2069",  # bidi controls
        "\u200b\u200c\u200d\ufeff",  # zero-width
        "\u0301\u0308\u0327",  # combining marks
        "😀🇫🇷👩‍👩‍👧",
        "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85",
        "\u2028\u2029",
        "\ufffd\uffff\U0010ffff",
        "".join(NON_LATIN_WORDS),
    ]
    pool = rng.choice(pools)
    return "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))


# ---------------------------------------------------------------- front matter values


def scalar(rng: random.Random) -> tuple[str, str]:
    """A (YAML, JSON) spelling of a random scalar."""
    choice = rng.randrange(14)
    if choice == 0:
        words = " ".join(_word(rng) for _ in range(rng.randint(1, 6)))
        return f'"{words}"', f'"{words}"'
    if choice == 1:
        n = rng.choice([0, 1, -7, 2024, 2**63, 2**64 + 1, 10**30])
        return str(n), str(n)
    if choice == 2:
        digits = "9" * rng.choice([400, 4301, 5000])
        return digits, digits
    if choice == 3:
        return rng.choice([(".nan", "NaN"), (".inf", "Infinity"), ("-.inf", "-Infinity"), ("1e400", "1e400")])
    if choice == 4:
        return rng.choice([("true", "true"), ("null", "null"), ("~", "null"), ("false", "false")])
    if choice == 5:
        d = rng.choice(BAD_DATES)
        return d, f'"{d}"'
    if choice == 6:
        return '"\\ud800 lone"', '"\\ud800 lone"'
    if choice == 7:
        return '"\\udfff\\ud800x"', '"\\udfff\\ud800x"'
    if choice == 8:
        return '"nul\\0 and \\x1b[2J"', '"nul\\u0000 and \\u001b[2J"'
    if choice == 9:
        word = rng.choice(NON_LATIN_WORDS + LATIN_ACCENTED)
        return f'"{word}"', f'"{word}"'
    if choice == 10:
        return "[]", "[]"
    if choice == 11:
        return "{}", "{}"
    if choice == 12:
        return '"2024-05-02"', '"2024-05-02"'
    long = "x" * rng.choice([10, 1000, 100_000])
    return long, f'"{long}"'


def value(rng: random.Random, depth: int = 0) -> tuple[str, str]:
    """A (YAML flow, JSON) spelling of a random value, possibly nested."""
    r = rng.random()
    if depth > 3 or r < 0.55:
        return scalar(rng)
    if r < 0.75:
        items = [value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
        return "[" + ", ".join(y for y, _ in items) + "]", "[" + ", ".join(j for _, j in items) + "]"
    keys = rng.sample(["text", "name", "first", "last", "url", "value", "title", "@type", "x"], rng.randint(0, 3))
    items = [(k, value(rng, depth + 1)) for k in keys]
    return (
        "{" + ", ".join(f'"{k}": {y}' for k, (y, _) in items) + "}",
        "{" + ", ".join(f'"{k}": {j}' for k, (_, j) in items) + "}",
    )


FIELDS = ["title", "date", "author", "source", "publisher", "url", "tags", "description", "id", "slug",
          "pubDatetime", "summary", "byline", "headline", "extra", "weird key", "123"]


def yaml_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        refs = ", ".join(f"*a{i - 1}" for _ in range(9))
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + f"\ntitle: *a{levels}\nauthor: *a{levels}\n"


def front_matter(rng: random.Random) -> str:
    kind = rng.randrange(12)
    fields = rng.sample(FIELDS, rng.randint(1, 6))
    if kind <= 3:  # YAML
        lines = []
        for key in fields:
            y, _ = value(rng)
            lines.append(f"{key}: {y}")
        if rng.random() < 0.1:
            lines.append("anchor: &x [1, 2]\nalias: *x")
        if rng.random() < 0.05:
            lines.append("self: &s [*s]")
        if rng.random() < 0.05:
            lines.append("bin: !!binary aGVsbG8=\nst: !!set {a, b}\nobj: !!python/object:os.system {}")
        return "---\n" + "\n".join(lines) + "\n---\n"
    if kind <= 5:  # JSON
        items = []
        for key in fields:
            _, j = value(rng)
            items.append(f'"{key}": {j}')
        return "{" + ", ".join(items) + "}\n"
    if kind == 6:  # TOML
        lines = []
        for key in fields:
            v = rng.choice(['"plain text"', "2024-05-02", "0000-00-00", "1979-05-27T07:32:00-08:00", "nan", "inf",
                            "9" * 5000, "[1, 2, 3]", "{ a = 1 }", '"\\ud800"', "true", "2024-02-30"])
            lines.append(f'"{key}" = {v}')
        return "+++\n" + "\n".join(lines) + "\n+++\n"
    if kind == 7:  # bare key: value
        return "".join(f"{k.capitalize()}: {scalar(rng)[0]}\n" for k in fields if k.isalpha()) + "\n"
    if kind == 8:  # bombs and deep nesting
        which = rng.randrange(6)
        if which == 0:
            return "---\n" + yaml_bomb(rng.randint(6, 12)) + "---\n"
        if which == 1:
            depth = rng.choice([50, 1000, 100_000])
            return '{"title": ' + "[" * depth + "]" * depth + "}\n"
        if which == 2:
            depth = rng.choice([50, 1000, 20_000])
            return "---\ntitle: " + "[" * depth + "]" * depth + "\n---\n"
        if which == 3:
            depth = rng.choice([50, 1000, 5000])
            return "+++\ntitle = " + "[" * depth + "]" * depth + "\n+++\n"
        if which == 4:
            depth = rng.choice([30, 300])
            return "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n---\n"
        return '{"a": ' + '{"b": ' * 5000 + "1" + "}" * 5001 + "\n"
    if kind == 9:  # malformed
        return rng.choice([
            "---\ntitle: [unclosed\n---\n", "---\ntitle: x\n", "{\"title\": \"x\",}\n", "+++\ntitle = \n+++\n",
            "---\n- a list\n- not a mapping\n---\n", "---\njust text\n---\n", "---\n: :\n---\n",
            "---\ntitle: \"a\"\ntitle: \"b\"\n---\n", "---\n\t tab: indent\n---\n", "{\"title\": \"x\"} trailing\n",
            "---\n? [a, b]\n: c\n---\n", "---\nkey: @reserved\n---\n", "---\n%YAML 9.9\n---\n",
        ])
    return ""  # none


# ---------------------------------------------------------------- file bodies


def body(rng: random.Random) -> bytes:
    kind = rng.randrange(20)
    text = front_matter(rng) + prose(rng)
    if kind < 9:
        return text.encode("utf-8")
    if kind == 9:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 600)))
    if kind == 10:
        return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]), "replace")
    if kind == 11:
        return text.replace("a", "á").replace("o", "ö").encode("cp1252", "replace")
    if kind == 12:
        return rng.choice([b"", b"   \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n", b"\x00" * 10])
    if kind == 13:
        pieces = text.split(" ")
        for _ in range(rng.randint(1, 6)):
            pieces.insert(rng.randrange(len(pieces) + 1), unicode_noise(rng))
        return " ".join(pieces).encode("utf-8", "surrogatepass")
    if kind == 14:
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 15:
        return (text.replace("\n", "\r\n") if rng.random() < 0.5 else text.replace("\n", "\r")).encode()
    if kind == 16:
        return (text + ("word " * rng.choice([10_000, 60_000]))).encode()  # some over the size limit
    if kind == 17:
        return ("x" * rng.choice([5000, 200_000]) + "\n" + text).encode()  # one huge line
    if kind == 18:
        return text.encode("utf-8") + b"\x00"
    return ("\ufeff" + text).encode("utf-8")


# ---------------------------------------------------------------- names


def base_name(rng: random.Random, index: int) -> bytes:
    kind = rng.randrange(12)
    stem: str | bytes
    if kind < 4:
        stem = f"{_word(rng)}-{index}"
    elif kind == 4:
        stem = rng.choice(NON_LATIN_WORDS) + ("" if rng.random() < 0.5 else f"-{index}")
    elif kind == 5:
        stem = rng.choice(LATIN_ACCENTED)
        if rng.random() < 0.5:
            stem = unicodedata.normalize("NFD", stem)
    elif kind == 6:
        stem = rng.choice(EVIL_NAME_PARTS) + f"{index}"
    elif kind == 7:
        stem = rng.choice(BAD_NAME_BYTES) + str(index).encode()
    elif kind == 8:
        stem = rng.choice(["Report", "REPORT", "report", "rePort", "article", "Article", "", "-", "___"])
    elif kind == 9:
        stem = "long" + "x" * rng.randint(150, 240)
    elif kind == 10:
        stem = rng.choice(["index", "404", "facts", "assets", "sources", "CON", "nul", "a" * 100])
    else:
        stem = unicode_noise(rng).replace("/", "") or "x"
    raw = stem if isinstance(stem, bytes) else stem.encode("utf-8", "surrogatepass")
    return raw.replace(b"/", b"_").replace(b"\x00", b"")


@dataclass
class Folder:
    root: Path
    articles: list[bytes] = field(default_factory=list)  # relative paths (bytes) of files named like articles
    noise: list[bytes] = field(default_factory=list)  # other names (unsupported types, hidden, scratch)
    specials: list[bytes] = field(default_factory=list)  # symlinks, FIFOs (also in ``articles`` when named so)


def _write(path: bytes, data: bytes) -> bool:
    try:
        with open(path, "wb") as fh:
            fh.write(data)
        return True
    except OSError:  # a name the file system refuses (too long, ...)
        return False


def make_folder(root: Path, n_files: int, seed: int, *, outside: Path, specials: bool = True) -> Folder:
    """Write ``n_files`` article-named files (plus noise) into ``root``/content.
    ``outside`` is a folder beside it holding a file that must never be published.
    ``specials=False`` leaves out symlinks and FIFOs (to see what else breaks
    in code that stops at the first of those)."""
    rng = random.Random(seed)
    content = root / "content"
    content.mkdir(parents=True)
    secret = outside / "secret.txt"
    if not secret.exists():
        outside.mkdir(parents=True, exist_ok=True)
        secret.write_text("---\ntitle: SECRET-OUTSIDE-TOKEN\n---\n" + prose(random.Random(0), 3))
    folder = Folder(root)
    croot = os.fsencode(content)
    subdirs = [b"", b"sub/", "日本/".encode(), b"deep/er/", b"bad\xfedir/", b"_private/", b".hidden/"]
    for sub in subdirs:
        os.makedirs(croot + b"/" + sub, exist_ok=True)
    used: set[bytes] = set()
    i = 0
    while len(folder.articles) < n_files:
        i += 1
        sub = rng.choice(subdirs[:5]) if rng.random() < 0.25 else b""
        name = base_name(rng, i) + rng.choice(ARTICLE_SUFFIXES).encode()
        rel = sub + name
        if rel in used or len(name) > 250 or name.startswith(b"."):  # a leading dot: hidden, never read
            continue
        path = croot + b"/" + rel
        special = rng.random() if specials else 1.0
        if special < 0.015:
            ok = _symlink(os.fsencode(secret), path)
        elif special < 0.025:
            ok = _symlink(name, path)  # a loop: points at itself
        elif special < 0.03:
            ok = _symlink(b"missing-target.md", path)
        elif special < 0.04 and folder.articles:
            target = rng.choice([a for a in folder.articles if b"/" not in a] or [b"none.md"])
            ok = _symlink(target, path) if sub == b"" else False
        elif special < 0.05:
            ok = _fifo(path)
        else:
            ok = _write(path, body(rng))
            special = 1.0
        if not ok:
            continue
        used.add(rel)
        folder.articles.append(rel)
        if special < 1.0:
            folder.specials.append(rel)
    # Files in ignored folders, hidden files, scratch files, other types: never articles.
    for rel in (b"_private/x.md", b".hidden/x.md", b".x.md.swp", b"notes.md~", b"4913", b"#a.md#"):
        if _write(croot + b"/" + rel, prose(rng).encode()):
            folder.noise.append(rel)
    for k in range(rng.randint(1, 3)):
        rel = f"other-{k}{rng.choice(NOISE_SUFFIXES)}".encode()
        if _write(croot + b"/" + rel, b"{}\n"):
            folder.noise.append(rel)
    if specials:  # folder symlinks: a loop, one pointing outside, one inside
        _symlink(b".", croot + b"/loop-dir")
        _symlink(os.fsencode(outside), croot + b"/outside-dir")
        _symlink(b"sub", croot + b"/sub-link")
    _sheet(rng, croot + b"/_sheet.md", os.fsencode(secret), specials=specials)
    (root / "factsheet.toml").write_text("max_file_size = 200000\n", encoding="utf-8")
    return folder


def _symlink(target: bytes, path: bytes) -> bool:
    try:
        os.symlink(target, path)
        return True
    except OSError:
        return False


def _fifo(path: bytes) -> bool:
    try:
        os.mkfifo(path)
        return True
    except (OSError, AttributeError):
        return False


def _sheet(rng: random.Random, path: bytes, secret: bytes, *, specials: bool = True) -> None:
    kind = rng.randrange(10)
    if not specials and kind in (1, 2):
        kind = 0
    if kind == 0:
        return
    if kind == 1:
        _symlink(secret, path)
        return
    if kind == 2:
        _fifo(path)
        return
    if kind == 3:
        _write(path, b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
        return
    if kind == 4:
        _write(path, ("---\n" + yaml_bomb(9) + "---\n").encode())
        return
    lines = []
    for key in rng.sample(["title", "summary", "pin", "hide", "merge", "reword", "bogus"], rng.randint(1, 4)):
        y, _ = value(rng)
        lines.append(f"{key}: {rng.choice([y, '0000-00-00', '9' * 5000, '.nan', '[c-1, 2]', '{c-1: x}'])}")
    text = "---\n" + "\n".join(lines) + "\n---\n" + prose(rng, 1)
    if kind == 9:
        _write(path, text.encode("utf-8") + b"\xff\xfe")
    else:
        _write(path, text.encode("utf-8", "surrogatepass"))


def is_fifo(path: bytes) -> bool:
    try:
        return stat.S_ISFIFO(os.lstat(path).st_mode)
    except OSError:
        return False


# ---------------------------------------------------------------- running a folder

import json
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

# A file "hangs" when parsing it takes over 10 s of CPU time, or does not finish
# within 60 s of wall time (the machine is shared: wall time alone would count a
# busy neighbour as a hang, CPU time alone would miss a blocked read).
PER_FILE_LIMIT_SECONDS = 10.0
PER_FILE_WALL_LIMIT_SECONDS = 60.0
SECRET_TOKEN = "SECRET-OUTSIDE-TOKEN"
INTERNAL_ERROR = "please report this"
_DIAGNOSTIC_LINE = re.compile(r"^.+?(?::\d+)?: (?:error|warning): .+$")
# Characters that must never reach a terminal raw: C0/C1 controls, DEL, line and
# paragraph separators, bidi embeddings/overrides/isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class _Timeout(BaseException):  # not an Exception: the code under test must not catch it
    pass


@contextmanager
def time_limit(seconds: float):
    """Raise _Timeout in the main thread after ``seconds`` (SIGALRM)."""
    def on_alarm(signum, frame):  # noqa: ANN001
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class FolderReport:
    files: int = 0
    parse_seconds: list[float] = field(default_factory=list)  # CPU seconds per file
    tracebacks: list[str] = field(default_factory=list)  # where, and the last line of the traceback
    hangs: list[str] = field(default_factory=list)  # files over the per-file limit, commands that timed out
    internal_errors: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)  # check and build differ
    unaccounted: list[str] = field(default_factory=list)  # article files with neither a record nor a message
    leaks: list[str] = field(default_factory=list)  # the outside file published
    bad_lines: list[str] = field(default_factory=list)  # output lines not shaped `file:line: level: message`
    sources: int = 0
    skipped: int = 0

    def problems(self) -> dict[str, list[str]]:
        return {name: getattr(self, name) for name in
                ("tracebacks", "hangs", "internal_errors", "disagreements", "unaccounted", "leaks", "bad_lines")
                if getattr(self, name)}


def _read_regular(path: bytes) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def parse_each_file(folder: Folder, report: FolderReport) -> None:
    """parse_article on every regular article file, one at a time, each under the per-file limit."""
    from factsheet.parse import parse_article

    croot = os.fsencode(folder.root / "content")
    for rel in folder.articles:
        data = _read_regular(croot + b"/" + rel)
        if data is None:
            continue
        name = rel.decode("utf-8", "backslashreplace")
        started = time.process_time()
        try:
            with time_limit(PER_FILE_WALL_LIMIT_SECONDS):
                result = parse_article(name, data, max_bytes=200_000)
        except _Timeout:
            report.hangs.append(f"parse {name!r}: no result within {PER_FILE_WALL_LIMIT_SECONDS:.0f} s")
            continue
        except Exception as exc:  # noqa: BLE001 - parse_article must never raise
            report.tracebacks.append(f"parse {name!r}: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        seconds = time.process_time() - started
        report.parse_seconds.append(seconds)
        if seconds > PER_FILE_LIMIT_SECONDS:
            report.hangs.append(f"parse {name!r}: {seconds:.1f} s of CPU time")
        for d in result.diagnostics:
            if INTERNAL_ERROR in d.message:
                report.internal_errors.append(f"{name!r}: {d.message[:200]}")


def _run(python: str, repo: Path, args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str] | None:
    """Run build.py; None when it does not finish within ``timeout``. The command
    runs in a process group of its own, killed whole on a timeout, so that the
    parse workers of a hung build never outlive it."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([python, str(repo / "build.py"), *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, errors="surrogateescape", env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # workers left behind by a finished command, if any
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _diagnostic_lines(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line and not line.startswith("error: "))


def _check_output(command: str, done: subprocess.CompletedProcess[str], report: FolderReport) -> None:
    if "Traceback" in done.stderr or done.returncode not in (0, 1):
        last = [ln for ln in done.stderr.splitlines() if ln.strip()][-1:] or [f"exit {done.returncode}"]
        report.tracebacks.append(f"{command}: {last[0][:300]}")
    for line in (done.stdout + done.stderr).splitlines():
        if INTERNAL_ERROR in line:
            report.internal_errors.append(f"{command}: {line[:300]}")
        if _UNSAFE.search(line) or "\udc80" <= max(line, default="") and any(0xDC80 <= ord(c) <= 0xDCFF for c in line):
            report.bad_lines.append(f"{command}: unsafe characters in {line[:200]!r}")
    for line in done.stderr.splitlines():
        if not line or line.startswith(("    ", "error: ")):
            continue
        if not _DIAGNOSTIC_LINE.match(line):
            report.bad_lines.append(f"{command}: {line[:200]!r}")


def run_folder(folder: Folder, *, python: str = sys.executable, repo: Path | None = None,
               command_timeout: float | None = None) -> FolderReport:
    """Parse every file alone, then `check` and `build` the folder as a user would, and compare."""
    repo = repo or Path(__file__).resolve().parents[1]
    report = FolderReport(files=len(folder.articles))
    parse_each_file(folder, report)
    timeout = command_timeout or 60 + 0.2 * len(folder.articles)
    check = _run(python, repo, ["check"], folder.root, timeout)
    build = _run(python, repo, ["build", "--quiet", "--out", str(folder.root / "site")], folder.root, timeout)
    for name, done in (("check", check), ("build", build)):
        if done is None:
            report.hangs.append(f"{name}: no answer within {timeout:.0f} s")
        else:
            _check_output(name, done, report)
    if check is None or build is None:
        return report
    check_lines, build_lines = _diagnostic_lines(check.stderr), _diagnostic_lines(build.stderr)
    if check_lines != build_lines:
        only_check = sorted(set(check_lines) - set(build_lines))[:5]
        only_build = sorted(set(build_lines) - set(check_lines))[:5]
        report.disagreements.append(f"only in check: {only_check}; only in build: {only_build}")
    recorded = _account(folder, report, timeout)
    site = folder.root / "site"
    facts = site / "facts.json"
    if facts.is_file():
        published = sorted(s["path"] for s in json.loads(facts.read_text("utf-8"))["sources"])
        report.sources = len(published)
        if recorded is not None and published != sorted(recorded):
            report.disagreements.append(
                f"the site's sources differ from the records read: {sorted(set(published) ^ recorded)[:5]}")
        for path in site.rglob("*"):
            if path.is_file() and SECRET_TOKEN.encode() in path.read_bytes():
                report.leaks.append(str(path.relative_to(site)))
    return report


def _account(folder: Folder, report: FolderReport, timeout: float) -> set[str] | None:
    """Every article file ends as a record or is named by a message saying it was
    skipped. Returns the paths of the records (None when the corpus could not be read)."""
    from factsheet.config import load_config
    from factsheet.corpus import load_corpus

    config = load_config(cwd=folder.root)
    try:
        with time_limit(timeout):
            corpus = load_corpus(config)
    except _Timeout:
        report.hangs.append("load_corpus: no answer")
        return None
    except Exception as exc:  # noqa: BLE001
        report.tracebacks.append(f"load_corpus: {type(exc).__name__}: {str(exc)[:200]}")
        return None
    recorded = {r.path for r in corpus.records}
    skipped = {d.path for d in corpus.diagnostics
               if (d.level == "error" or "skipped" in d.message) and d.path != "_sheet.md"}
    report.skipped = len(skipped - recorded)
    unsupported = {d.path for d in corpus.diagnostics if "unsupported file type" in d.message}
    expected = len(folder.articles) + len([n for n in folder.noise if b"/" not in n and n.startswith(b"other-")])
    links = {d.path for d in corpus.diagnostics if "symbolic link to a folder" in d.message}
    got = len(recorded | skipped | unsupported) - len(links)
    if got != expected:
        report.unaccounted.append(
            f"{expected} article files, but {len(recorded)} records and {len(skipped | unsupported)} skipped "
            f"({len(links)} of them folder links)")
    return recorded
