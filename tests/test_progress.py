"""Progress of a build: a bar on a terminal, plain lines in a pipe, nothing with
--quiet; the CLI's --version and unknown commands."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, run_cli

from factsheet import __version__
from factsheet.progress import LINE_INTERVAL_S, Progress

ARTICLE = """---
title: Harbour bridge reopens after repairs
publisher: Valley Gazette
date: 2024-03-04
---
The Old Harbour bridge reopened to traffic on Monday after eight months of repairs.
The city council said the work cost 12 million euros.
"""
OTHER = """Bridge open again

The Old Harbour bridge reopened on Monday, the council said, after repairs that took eight months.
Traffic was light on the first morning.
"""


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_lines_mode_prints_a_start_line_interim_counts_and_a_summary() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, "lines", clock=clock, ticker=False)
    with progress.stage("parse", total=1000, unit="files") as stage:
        for _ in range(400):
            stage.advance()
        clock.now += LINE_INTERVAL_S / 2
        progress.tick()  # too soon for a line
        clock.now += LINE_INTERVAL_S
        progress.tick()
        stage.advance(600)
        clock.now += 0.5
    assert out.getvalue().splitlines() == [
        "parse: 1,000 files…",
        f"parse: 400/1,000 files, {1.5 * LINE_INTERVAL_S:.1f} s",
        f"parse: 1,000 files in {1.5 * LINE_INTERVAL_S + 0.5:.1f} s",
    ]


def test_a_stage_without_a_count_reports_its_elapsed_time() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, "lines", clock=clock, ticker=False)
    with progress.stage("merge", note="1 record"):
        clock.now += 75
        progress.tick()
    assert out.getvalue().splitlines() == ["merge: 1 record…", "merge: 1 record, 1 min 15 s",
                                           "merge: 1 record in 1 min 15 s"]


def test_bar_mode_redraws_one_line_and_leaves_the_summary() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, "bar", clock=clock, ticker=False)
    with progress.stage("render", total=8, unit="pages") as stage:
        for _ in range(4):
            clock.now += 1
            stage.advance()
    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith("\r\x1b[Krender: 4 pages in 4.0 s\n")
    frames = text.split("\r\x1b[K")
    assert frames[1] == "render  [------------------------] 0/8 pages  0.0 s"
    assert "render  [######------------------] 2/8 pages  2.0 s" in frames
    assert "render  [############------------] 4/8 pages  4.0 s" in frames


def test_a_failed_stage_clears_its_line_and_prints_no_summary() -> None:
    for mode in ("bar", "lines"):
        out = io.StringIO()
        progress = Progress(out, mode, clock=Clock(), ticker=False)  # type: ignore[arg-type]
        with pytest.raises(RuntimeError):
            with progress.stage("merge"):
                raise RuntimeError("boom")
        assert " in " not in out.getvalue(), mode
        if mode == "bar":
            assert out.getvalue().endswith("\r\x1b[K")


def test_quiet_writes_nothing_and_the_mode_follows_the_stream() -> None:
    out = io.StringIO()
    with Progress.for_stream(out, quiet=True).stage("parse", total=3, unit="files") as stage:
        stage.advance(3)
    assert out.getvalue() == ""
    assert Progress.for_stream(io.StringIO()).mode == "lines"  # not a terminal


def test_the_ticker_thread_keeps_a_bar_moving_without_advances() -> None:
    out = io.StringIO()
    with Progress(out, "bar").stage("merge"):
        time.sleep(1.3)
    frames = [f for f in out.getvalue().split("\r\x1b[K") if f.startswith("merge  ")]
    assert len(frames) >= 3  # the first draw and at least two ticks


def _project(make_project) -> Path:  # type: ignore[no-untyped-def]
    return make_project({"bridge.md": ARTICLE, "other.txt": OTHER})


def test_build_in_a_pipe_prints_one_plain_line_per_stage(make_project) -> None:
    result = run_cli("build", cwd=_project(make_project))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert "parse: 2 files in" in "\n".join(lines)
    for stage in ("parse", "merge", "render", "search"):
        assert any(line.startswith(f"{stage}: ") and " in " in line for line in lines), (stage, lines)
    assert "\r" not in result.stderr and "\x1b" not in result.stderr
    assert result.stdout.startswith("built ")


def test_build_quiet_prints_nothing(make_project) -> None:
    project = _project(make_project)
    result = run_cli("build", "--quiet", cwd=project)
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr == ""
    assert (project / "site" / "index.html").is_file()


def test_build_on_a_terminal_draws_a_bar(make_project) -> None:
    project = _project(make_project)
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "build"], cwd=project, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    assert proc.wait(timeout=60) == 0
    text = seen.decode("utf-8", "replace")
    assert "\r\x1b[K" in text and "render  [" in text, text
    assert "render: " in text and " in " in text


def test_version_and_unknown_commands(tmp_path: Path) -> None:
    version = run_cli("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"factsheet {__version__}"
    bogus = run_cli("bogus", cwd=tmp_path)
    assert bogus.returncode == 2
    assert "unknown command 'bogus'" in bogus.stderr
    for command in ("build", "check", "serve", "deploy", "new"):
        assert f"\n  {command} " in bogus.stderr, command
    assert "Traceback" not in bogus.stderr
