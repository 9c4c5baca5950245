"""The dev server's parts on their own: injection, overlay escaping, the
debouncer, and which paths the watcher reacts to."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from factsheet.errors import BuildError
from factsheet.models import Diagnostic
from factsheet.serve.livereload import MARKER, inject
from factsheet.serve.overlay import error_problems, overlay_html, problems_from_exception
from factsheet.serve.watcher import Debouncer, Watcher, WatchSpec, folder_identity


def test_inject_goes_before_the_last_body_end() -> None:
    page = b"<html><body><p>a</p><pre>&lt;/body&gt;</pre></body></html>"
    out = inject(page, 7)
    assert out.endswith(b"</body></html>")
    assert out.count(MARKER.encode()) == 2
    assert b'data-generation="7"' in out
    assert inject(b"<p>no body end", 1).startswith(b"<p>no body end")


def test_overlay_escapes_everything() -> None:
    diag = Diagnostic("<img src=x onerror=alert(1)>.md", "bad <script>alert(1)</script>", line=3, line_text="<b>x</b>")
    text = overlay_html(error_problems((diag,)), build_failed=False)
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;.md:3" in text
    failed = overlay_html(problems_from_exception(BuildError("no article could be read", (diag,))), build_failed=True)
    assert "Build failed" in failed and "no article could be read" in failed and "&lt;script&gt;" in failed


def test_unexpected_exceptions_become_problems_with_a_traceback() -> None:
    try:
        raise ValueError("boom <here>")
    except ValueError as exc:
        problems = problems_from_exception(exc)
    assert "ValueError: boom <here>" in problems[0].message
    assert "Traceback" in (problems[0].detail or "")
    assert "boom &lt;here&gt;" in overlay_html(problems, build_failed=True)


def test_debouncer_turns_a_burst_into_one_batch() -> None:
    debouncer = Debouncer(quiet=0.1, max_wait=1.0)
    batches: list[set[str]] = []
    worker = threading.Thread(target=lambda: [batches.append(b) for b in iter(debouncer.next_batch, None)])
    worker.start()
    try:
        for i in range(20):
            debouncer.touch(f"/c/{i % 3}.md")
            time.sleep(0.01)
        deadline = time.monotonic() + 3
        while not batches and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        debouncer.close()
        worker.join(timeout=3)
    assert batches == [{"/c/0.md", "/c/1.md", "/c/2.md"}]


def test_debouncer_caps_the_wait_under_a_steady_stream() -> None:
    debouncer = Debouncer(quiet=0.1, max_wait=0.3)
    stop = threading.Event()

    def stream() -> None:
        for i in range(100):
            if stop.is_set():
                return
            debouncer.touch("/c/a.md")
            time.sleep(0.02)

    writer = threading.Thread(target=stream)
    writer.start()
    started = time.monotonic()
    try:
        assert debouncer.next_batch() == {"/c/a.md"}
        assert time.monotonic() - started < 0.6
    finally:
        stop.set()
        writer.join(timeout=3)
        debouncer.close()


def test_watch_spec_ignores_scratch_and_hidden_files(tmp_path: Path) -> None:
    spec = WatchSpec(tmp_path)
    assert spec.wants(str(tmp_path / "a.md"))
    assert spec.wants(str(tmp_path / "sub" / "b.txt"))
    for name in (".a.md.swp", "a.md~", ".#a.md", "4913", ".hidden/a.md", "#a.md#", "a.md.tmp"):
        assert not spec.wants(str(tmp_path / name)), name
    assert not spec.wants("/elsewhere/a.md")
    config = WatchSpec(tmp_path, recursive=False, only_names=frozenset({"factsheet.toml"}))
    assert config.wants(str(tmp_path / "factsheet.toml"))
    assert not config.wants(str(tmp_path / "other.toml"))
    assert not config.wants(str(tmp_path / "sub" / "factsheet.toml"))


def test_debouncer_waits_longer_for_events_right_after_a_batch() -> None:
    debouncer = Debouncer(quiet=0.03, max_wait=2.0, burst_quiet=0.3, burst_window=0.5)
    try:
        debouncer.touch("/c/a.md")
        started = time.monotonic()
        assert debouncer.next_batch() == {"/c/a.md"}
        assert time.monotonic() - started < 0.25  # a lone save: short quiet spell
        debouncer.touch("/c/b.md")  # at once after the batch: part of a burst
        started = time.monotonic()
        assert debouncer.next_batch() == {"/c/b.md"}
        assert time.monotonic() - started >= 0.28
    finally:
        debouncer.close()


def test_a_folder_recreated_with_the_same_inode_is_watched_again(tmp_path: Path) -> None:
    """"rm -rf content && mkdir content" often gives the new folder the old inode, so its
    device and inode look unchanged; the watch died with the old folder all the same."""
    root = tmp_path / "content"
    root.mkdir()
    seen: list[str] = []
    watcher = Watcher(seen.append, poll=False, rearm_interval=3600)  # re-armed by hand below
    watcher.watch((WatchSpec(root),))
    watcher.start()
    try:
        before = folder_identity(root)
        shutil.rmtree(root)
        root.mkdir()
        deadline = time.monotonic() + 5
        while not watcher.rearm() and time.monotonic() < deadline:  # once the deletion event is in
            time.sleep(0.05)
        seen.clear()
        (root / "east-quay.md").write_text("East quay opens.", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not any(p.endswith("east-quay.md") for p in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any(p.endswith("east-quay.md") for p in seen), (before, folder_identity(root), seen)
    finally:
        watcher.stop()
