"""Fuzz the whole pipeline with hostile content folders and print the figures.

    python benchmarks/fuzz_content.py [--files 100000] [--per-folder 200] [--seed 0] [--keep DIR]
                                      [--code DIR]

Generates folders with tests/fuzzgen.py (seeded, deterministic), and for each:
parses every file alone (each under a limit of 10 s of CPU time, 60 s of wall time), runs `check` and `build` as a
user would, and counts tracebacks, hangs, "please report this" internal errors,
check/build disagreements, article files neither built nor reported, files from
outside the content folder that got published, and malformed message lines.
Prints one line per folder as it goes and the totals at the end. Nothing is kept
unless --keep is given. ``--code DIR`` runs another checkout of factsheet (an
older commit, for before/after figures) with this checkout's generator.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))


def _code_under_test(argv: list[str]) -> Path:
    """--code DIR, read before anything imports factsheet."""
    for i, arg in enumerate(argv):
        if arg == "--code" and i + 1 < len(argv):
            return Path(argv[i + 1]).resolve()
        if arg.startswith("--code="):
            return Path(arg.split("=", 1)[1]).resolve()
    return REPO


CODE = _code_under_test(sys.argv)
sys.path.insert(0, str(CODE))

from fuzzgen import make_folder, run_folder  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--per-folder", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated folders here")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs build.py")
    parser.add_argument("--code", metavar="DIR", default=str(REPO), help="the factsheet checkout to test")
    parser.add_argument("--show", type=int, default=3, help="problems to print per kind and folder")
    parser.add_argument("--no-specials", action="store_true", help="no symlinks or FIFOs in the folders")
    parser.add_argument("--timeout", type=float, help="seconds before a check or build counts as hung "
                        "(default: 60 + 0.2 per file)")
    args = parser.parse_args()
    # An alias bomb must not take the machine down with it when the code under test has no limit.
    resource.setrlimit(resource.RLIMIT_AS, (6 * 1024**3, 6 * 1024**3))

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factsheet-fuzz-"))
    totals: dict[str, int] = {}
    parse_times: list[float] = []
    files = sources = skipped = 0
    started = time.perf_counter()
    folders = (args.files + args.per_folder - 1) // args.per_folder
    try:
        for k in range(folders):
            n = min(args.per_folder, args.files - k * args.per_folder)
            root = base / f"folder-{k:05d}"
            folder = make_folder(root, n, seed=args.seed * 1_000_003 + k, outside=base / "outside",
                                 specials=not args.no_specials)
            t0 = time.perf_counter()
            report = run_folder(folder, python=args.python, repo=CODE, command_timeout=args.timeout)
            files += report.files
            sources += report.sources
            skipped += report.skipped
            parse_times += report.parse_seconds
            problems = report.problems()
            for kind, items in problems.items():
                totals[kind] = totals.get(kind, 0) + len(items)
            print(f"folder {k + 1}/{folders}: {report.files} files, {report.sources} built, {report.skipped} skipped, "
                  f"{time.perf_counter() - t0:.1f} s; "
                  + (", ".join(f"{kind} {len(v)}" for kind, v in problems.items()) or "no problems"), flush=True)
            for kind, items in problems.items():
                for item in items[: args.show]:
                    print(f"    {kind}: {item}", flush=True)
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print()
    print(f"files: {files} in {folders} folders, {elapsed:.0f} s ({files / elapsed:.0f} files/s)")
    print(f"built as sources: {sources}; skipped with a message: {skipped}")
    if parse_times:
        parse_times.sort()
        print(f"parse per file (CPU): median {statistics.median(parse_times) * 1000:.1f} ms, "
              f"p99 {parse_times[int(len(parse_times) * 0.99)] * 1000:.1f} ms, max {parse_times[-1] * 1000:.0f} ms")
    for kind in ("tracebacks", "hangs", "internal_errors", "disagreements", "unaccounted", "leaks", "bad_lines"):
        print(f"{kind}: {totals.get(kind, 0)}")
    return 1 if totals else 0


if __name__ == "__main__":
    raise SystemExit(main())
