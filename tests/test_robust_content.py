"""Nothing a content folder holds crashes, hangs or leaks a build.

Each case runs the real CLI (`build.py build` / `check`) on a real folder: real
symlinks, a real FIFO, real files with names the file system allows but UTF-8
does not. Every problem must come out as `file:line: level: message` (no
traceback), the file skipped and the rest built, and `check` must report
exactly what `build` reports.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli, write_tree

ARTICLE = """---
title: {title}
date: 2026-03-0{day}
---
The valley reservoir at Farrow reached {level} percent of capacity on Monday, the water board said.
Engineers opened two spillway gates at the northern dam to release the excess before the weekend.
Residents downstream were told that the river path would stay closed until Friday at the earliest.
"""


def article(title: str = "Reservoir level rises", day: int = 2, level: int = 91) -> str:
    return ARTICLE.format(title=title, day=day, level=level)


def diagnostic_lines(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line and not line.startswith("error: "))


def build_and_check(project: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """Build and check the project; assert the shared promises; return both results."""
    built = run_cli("build", "--quiet", *args, cwd=project, timeout=60)
    checked = run_cli("check", cwd=project, timeout=60)
    for done in (built, checked):
        assert "Traceback" not in done.stderr, done.stderr
        assert "please report this" not in done.stderr, done.stderr
        for line in done.stderr.splitlines():
            if line and not line.startswith(("    ", "error: ")):
                assert re.match(r"^.+?(?::\d+)?: (?:error|warning): .+$", line), line
    assert diagnostic_lines(built.stderr) == diagnostic_lines(checked.stderr)
    return built, checked


def facts(project: Path, out: str = "site") -> dict:
    return json.loads((project / out / "facts.json").read_text(encoding="utf-8"))


def sources(project: Path) -> dict[str, dict]:
    return {s["path"]: s for s in facts(project)["sources"]}


def site_text(project: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in (project / "site").rglob("*") if p.is_file())


# ------------------------------------------------------------------ the fuzz test


FUZZ_FOLDERS = 10
FUZZ_FILES_PER_FOLDER = 200
FUZZ_SEED = int(os.environ.get("FACTSHEET_FUZZ_SEED", "20260301"))


def test_fuzzed_content_folders_never_crash_hang_or_leak(tmp_path: Path) -> None:
    """2,000 hostile files in 10 folders (tests/fuzzgen.py): odd names and bytes,
    every front-matter type, YAML and JSON bombs, symlinks, FIFOs, a fuzzed sheet
    file. Set FACTSHEET_FUZZ_SEED to try other folders; benchmarks/fuzz_content.py
    runs the same harness at any size."""
    from fuzzgen import PER_FILE_LIMIT_SECONDS, make_folder, run_folder

    files = built = 0
    slowest = 0.0
    for k in range(FUZZ_FOLDERS):
        folder = make_folder(tmp_path / f"f{k}", FUZZ_FILES_PER_FOLDER, seed=FUZZ_SEED + k, outside=tmp_path / "outside")
        report = run_folder(folder)
        assert report.problems() == {}, f"seed {FUZZ_SEED + k}: {report.problems()}"
        files += report.files
        built += report.sources
        slowest = max([slowest, *report.parse_seconds])
    assert files >= 2000
    assert slowest < PER_FILE_LIMIT_SECONDS
    assert 0.2 * files < built < files  # most folders build; the hostile files are skipped, not everything


# ------------------------------------------------------------------ crashes of the whole build


def test_file_name_that_is_not_utf8_builds_with_an_escaped_name(make_project) -> None:
    project = make_project({"good.md": article()})
    content = os.fsencode(project / "content")
    with open(content + b"/bad\xff.md", "wb") as fh:
        fh.write(article("A name in Latin-1 bytes", 3, 77).encode())
    built, checked = build_and_check(project)
    assert built.returncode == 0 and checked.returncode == 0
    assert "bad\\xff.md: warning: file name is not valid UTF-8" in built.stderr
    published = sources(project)
    assert published["bad\\xff.md"]["title"] == "A name in Latin-1 bytes"
    (project / "site" / "facts.json").read_bytes().decode("utf-8")  # valid UTF-8 throughout


def test_lone_surrogate_escape_in_json_front_matter(make_project) -> None:
    body = article().split("---\n", 2)[2]
    project = make_project({
        "a.md": '{"title": "Gates open \\ud800 early", "note": "\\udfff"}\n' + body,
        "b.md": article("Second report", 4),
    })
    built, checked = build_and_check(project)
    assert built.returncode == 0, built.stderr
    assert sources(project)["a.md"]["title"] == "Gates open \ufffd early"
    record = json.loads((project / "site" / "sources" / f"{sources(project)['a.md']['id']}.json").read_text("utf-8"))
    assert record["meta"]["note"] == "\ufffd"


@pytest.mark.parametrize(("sheet", "expect"), [
    ("---\nsummary: 0000-00-00\n---\nIntro.\n", {"summary": "0000-00-00"}),
    ("---\nsummary: " + "9" * 5000 + "\n---\nIntro.\n", {"summary": "9" * 5000}),
    ("---\ntitle: 2026-03-02\nsummary: yes\n---\n", {"title": "2026-03-02", "summary": "true"}),
    ('{"title": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "_sheet.md:1: error: front matter is nested more than"),
    ("---\ntitle: {a: b}\n---\n", "_sheet.md:1: error: 'title' must be text, not a mapping"),
    (b"---\ntitle: x\n---\n\xff", "_sheet.md: error: not UTF-8 text"),
])
def test_odd_sheet_files_never_stop_the_build(make_project, sheet: str | bytes, expect) -> None:
    project = make_project({"a.md": article(), "_sheet.md": sheet})
    built, checked = build_and_check(project)
    assert built.returncode == 0, built.stderr
    sheet_facts = facts(project)
    if isinstance(expect, dict):
        assert {k: sheet_facts[k] for k in expect} == expect
        assert checked.returncode == 0
    else:
        assert expect in built.stderr
        assert checked.returncode == 1  # an error in the sheet file is an error


def test_symlink_loops_in_content_are_messages(make_project) -> None:
    project = make_project({"a.md": article(), "sub/b.md": article("Second report", 4)})
    content = project / "content"
    os.symlink("self.md", content / "self.md")
    os.symlink("pong.md", content / "ping.md")
    os.symlink("ping.md", content / "pong.md")
    os.symlink(".", content / "here")  # a folder loop
    os.symlink("missing.md", content / "dangling.md")
    os.symlink("a.md", content / "alias.md")  # inside the folder: allowed
    built, checked = build_and_check(project)
    assert built.returncode == 0 and checked.returncode == 1
    for name in ("self.md", "ping.md", "pong.md"):
        assert f"{name}: error: symbolic link loop" in built.stderr
    assert "dangling.md: error: broken symbolic link" in built.stderr
    assert "here: warning: symbolic link to a folder; not followed" in built.stderr
    assert set(sources(project)) == {"a.md", "alias.md", "sub/b.md"}


def test_symlinks_in_a_templates_folder_never_publish_outside_files(make_project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("OUTSIDE-SECRET-41", encoding="utf-8")
    project = make_project({"a.md": article()})
    theme = project / "my-theme"
    (theme / "assets").mkdir(parents=True)
    (theme / "assets" / "own.css").write_text("body { color: #123 }", encoding="utf-8")
    os.symlink(secret, theme / "assets" / "leak.txt")
    os.symlink("loop.css", theme / "assets" / "loop.css")
    os.symlink(secret, theme / "index.html")  # a template leading outside: the default one is used
    os.symlink(theme, theme / "assets" / "again")  # a folder link back up
    built = run_cli("build", "--quiet", "--templates", "my-theme", cwd=project, timeout=60)
    checked = run_cli("check", "--templates", "my-theme", cwd=project, timeout=60)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr + checked.stderr
    assert diagnostic_lines(built.stderr) == diagnostic_lines(checked.stderr)
    assert "my-theme/assets/leak.txt: warning: symbolic link pointing outside the templates folder" in built.stderr
    assert "my-theme/assets/loop.css: error: symbolic link loop" in built.stderr
    assert "my-theme/index.html: warning: symbolic link pointing outside" in built.stderr
    assert (project / "site" / "assets" / "own.css").read_text() == "body { color: #123 }"
    assert not (project / "site" / "assets" / "leak.txt").exists()
    assert "OUTSIDE-SECRET-41" not in site_text(project)
    assert "Reservoir level rises" in (project / "site" / "index.html").read_text()


# ------------------------------------------------------------------ hangs


def test_yaml_alias_bomb_is_refused_at_once(make_project) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 13)]
    bomb = "---\n" + "\n".join(lines) + "\ntitle: *a12\n---\n" + article().split("---\n", 2)[2]
    assert len(bomb) < 2000
    project = make_project({"bomb.md": bomb, "a.md": article()})
    started = time.monotonic()
    built, _ = build_and_check(project)
    assert time.monotonic() - started < 20  # both commands, start-up included
    assert built.returncode == 0
    assert re.search(r"bomb\.md:2: error: front matter is too large: over 5,000 values once its YAML aliases are "
                     r"expanded", built.stderr), built.stderr
    assert set(sources(project)) == {"a.md"}


def test_a_fifo_in_content_is_skipped_not_waited_on(make_project) -> None:
    project = make_project({"a.md": article()})
    os.mkfifo(project / "content" / "pipe.md")
    os.mkfifo(project / "content" / "_sheet.md")
    built, checked = build_and_check(project)  # each has a 60 s timeout; a blocked read never returns
    assert "pipe.md: error: not a regular file (a named pipe (FIFO)); skipped" in built.stderr
    assert "_sheet.md: error: not a regular file (a named pipe (FIFO)); skipped" in built.stderr
    assert built.returncode == 0 and checked.returncode == 1
    assert set(sources(project)) == {"a.md"}


# ------------------------------------------------------------------ leaks


def test_sheet_file_symlinked_outside_is_not_published(make_project, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\ntitle: OUTSIDE-TITLE-77\nsummary: private\n---\nOUTSIDE-BODY-77\n", encoding="utf-8")
    project = make_project({"a.md": article()})
    os.symlink(outside, project / "content" / "_sheet.md")
    built, _ = build_and_check(project)
    assert built.returncode == 0
    assert "_sheet.md: warning: symbolic link pointing outside the content folder; skipped" in built.stderr
    text = site_text(project)
    assert "OUTSIDE-TITLE-77" not in text and "OUTSIDE-BODY-77" not in text


def test_out_refuses_a_folder_that_is_not_a_previous_build(make_project) -> None:
    project = make_project({"a.md": article()})
    precious = project / "precious"
    write_tree(precious, {"thesis.tex": "years of work", "data/x.csv": "1,2"})
    refused = run_cli("build", "--out", "precious", cwd=project)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "refusing to replace" in refused.stderr and "--force" in refused.stderr
    assert (precious / "thesis.tex").read_text() == "years of work" and (precious / "data" / "x.csv").exists()

    (project / "empty").mkdir()
    assert run_cli("build", "--out", "empty", cwd=project).returncode == 0  # an empty folder is fine
    assert run_cli("build", "--out", "empty", cwd=project).returncode == 0  # and so is a previous build
    assert (project / "empty" / ".factsheet-build").is_file()

    forced = run_cli("build", "--out", "precious", "--force", cwd=project)
    assert forced.returncode == 0, forced.stderr
    assert not (precious / "thesis.tex").exists() and (precious / "index.html").is_file()


def test_stale_staging_folders_of_killed_builds_are_removed(make_project) -> None:
    """A build killed mid-way (SIGKILL: no cleanup runs) leaves its staging folder;
    the next build removes it, but never the staging folder of a build still running."""
    project = make_project({"a.md": article()})
    hold = (
        "import sys, time; from pathlib import Path; sys.path.insert(0, sys.argv[1])\n"
        "from factsheet.output import staged_output\n"
        "with staged_output(Path(sys.argv[2])) as staging:\n"
        "    (staging / 'half.html').write_text('half'); print(staging, flush=True); time.sleep(120)\n"
    )
    def start() -> tuple[subprocess.Popen[str], Path]:
        proc = subprocess.Popen([sys.executable, "-c", hold, str(REPO), str(project / "site")],
                                stdout=subprocess.PIPE, text=True)
        return proc, Path(proc.stdout.readline().strip())

    killed, killed_staging = start()
    running, running_staging = start()
    try:
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(timeout=10)
        assert killed_staging.is_dir() and running_staging.is_dir()
        assert run_cli("build", cwd=project).returncode == 0
        assert not killed_staging.exists()
        assert running_staging.is_dir() and (running_staging / "half.html").is_file()
    finally:
        running.kill()
        running.wait(timeout=10)
    assert run_cli("build", cwd=project).returncode == 0
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


# ------------------------------------------------------------------ lost or wrong data


def test_unicode_and_case_colliding_names_all_build_with_distinct_stable_ids(make_project) -> None:
    names = ["東京.md", "مقالة.md", "é.md", "e\u0301.md", "Report.md", "report.md", "sub/report.md", "!!!.md", "???.md"]
    project = make_project({name: article(f"Report number {i}", 1 + i % 8, 60 + i) for i, name in enumerate(names)})
    built, _ = build_and_check(project)
    assert built.returncode == 0, built.stderr
    published = sources(project)
    assert set(published) == set(names)
    ids = {path: s["id"] for path, s in published.items()}
    assert len(set(ids.values())) == len(names)
    assert ids["report.md"] == "report"  # the file spelled like its id keeps the plain one
    assert ids["東京.md"] == "1lqs71d" and ids["مقالة.md"] == "mgbe7ejc"  # Punycode: every letter kept, in ASCII
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids.values())
    for path, source_id in ids.items():
        assert (project / "site" / "sources" / f"{source_id}.html").is_file(), path
    # Stable: the same ids on a rebuild, and when a file is added.
    (project / "content" / "REPORT.md").write_text(article("One more", 5, 99), encoding="utf-8")
    assert run_cli("build", cwd=project).returncode == 0
    again = {path: s["id"] for path, s in sources(project).items()}
    assert {path: again[path] for path in ids} == ids


@pytest.mark.parametrize("value", ["0000-00-00", ".nan", ".inf", "-.inf", "2026-01-01T10:00:00+99:00", "9" * 5000,
                                   "2026-02-30", '"0000-00-00"', "[2026, 1]", "{y: 2026}"])
def test_odd_dates_are_a_warning_not_an_internal_error(make_project, value: str) -> None:
    body = article().split("---\n", 2)[2]
    project = make_project({"a.md": f"---\ntitle: Odd date\ndate: {value}\n---\n{body}", "b.md": article("B", 4)})
    built, checked = build_and_check(project)
    assert built.returncode == 0 and checked.returncode == 0, built.stderr
    assert re.search(r"a\.md:3: warning: front matter 'date'", built.stderr), built.stderr
    assert sources(project)["a.md"]["date"] != "None"


def test_odd_numbers_in_json_front_matter(make_project) -> None:
    body = article().split("---\n", 2)[2]
    project = make_project({"a.md": '{"title": "Numbers", "big": ' + "9" * 5000 + ', "huge": 1e400, "n": NaN}\n' + body})
    built, _ = build_and_check(project)
    assert built.returncode == 0, built.stderr
    record_id = sources(project)["a.md"]["id"]
    meta = json.loads((project / "site" / "sources" / f"{record_id}.json").read_text())["meta"]
    assert meta == {"big": "9" * 5000, "huge": "inf", "n": "nan"}  # valid JSON: no NaN, no Infinity


def test_mappings_where_text_is_expected_never_publish_none(make_project) -> None:
    body = article().split("---\n", 2)[2]
    project = make_project({
        "a.md": f"---\ntitle: {{text: Spillway gates opened}}\nauthor: {{first: Ana, last: Ruiz}}\n---\n{body}",
        "b.md": f"---\ntitle: {{colour: blue}}\nauthor: [{{name: Omar Haddad}}, {{first: Lena}}]\n---\n{body}",
    })
    built, _ = build_and_check(project)
    assert built.returncode == 0
    published = sources(project)
    assert (published["a.md"]["title"], published["a.md"]["author"]) == ("Spillway gates opened", "Ana Ruiz")
    assert published["b.md"]["author"] == "Omar Haddad, Lena"
    assert published["b.md"]["title"] != "None"
    assert "b.md:2: warning: front matter 'title' is a mapping with no text in it" in built.stderr
    assert "None" not in (project / "site" / "index.html").read_text()


def test_file_names_cannot_forge_or_control_message_lines(make_project) -> None:
    names = ["two\nlines.md", "x.md: error: forged\n.md", "esc\x1b[2J\x1b[31m.md", "rtl\u202egnp.md", "bell\x07.md"]
    project = make_project({"a.md": article()})
    for name in names:
        (project / "content" / name).write_bytes(b"\x00\x01binary")
    built, _ = build_and_check(project)
    lines = built.stderr.splitlines()
    assert len([ln for ln in lines if ": error: binary file" in ln]) == len(names) == len(lines)
    assert "two\\nlines.md: error: binary file" in built.stderr
    assert "esc\\x1b[2J\\x1b[31m.md: error:" in built.stderr
    assert "rtl\\u202egnp.md: error:" in built.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", built.stderr)
