"""Progress of a long command on stderr, stage by stage.

Three modes, chosen once for the stream (``Progress.for_stream``):

- ``bar`` (stderr is a terminal): one line per stage, redrawn in place:
  ``parse  [########----------------]   340/1,000 files  2.1 s``; a stage
  without a count (merge) shows its elapsed time, kept ticking by a
  background thread. When the stage ends, its line becomes the summary
  ``parse: 1,000 files in 5.9 s``.
- ``lines`` (a pipe, a log file, CI): a line when a stage starts, a line every
  ``LINE_INTERVAL_S`` while it runs (``parse: 340/1,000 files, 2.1 s``), and the
  same summary line when it ends. Nothing is redrawn.
- ``quiet`` (``--quiet``): nothing at all.

Usage::

    progress = Progress.for_stream(sys.stderr, quiet=args.quiet)
    with progress.stage("parse", total=len(files), unit="files") as stage:
        for f in files:
            ...
            stage.advance()

The stage's ``advance`` may be called from any thread.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator, Literal, TextIO

Mode = Literal["bar", "lines", "quiet"]

BAR_WIDTH = 24  # characters of the bar
REDRAW_INTERVAL_S = 0.1  # bar mode: redraw at most this often on advance
TICK_INTERVAL_S = 0.5  # bar mode: how often the elapsed time is refreshed without an advance
LINE_INTERVAL_S = 10.0  # lines mode: an interim line at most this often


def _count(n: int, unit: str) -> str:
    """"1,000 files", "1 file" (a unit ending in "s" loses it for one)."""
    if n == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{n:,} {unit}".rstrip()


def _seconds(value: float) -> str:
    if value < 60:
        return f"{value:.1f} s"
    minutes, seconds = divmod(int(value), 60)
    return f"{minutes} min {seconds:02d} s"


class Stage:
    """One stage of a command: a name, an optional total, a count of what is done."""

    def __init__(self, progress: "Progress", name: str, total: int | None, unit: str, note: str | None) -> None:
        self._progress = progress
        self.name = name
        self.total = total
        self.unit = unit
        self.note = note
        self.done = 0
        self.started = progress.clock()
        self._last_draw = float("-inf")
        self._last_line = self.started

    def advance(self, count: int = 1) -> None:
        with self._progress.lock:
            self.done += count
            self._progress.on_advance(self)

    def update(self, done: int, total: int | None = None) -> None:
        """Set the count (and the total, once it is known), e.g. from a callback."""
        with self._progress.lock:
            self.done = done
            if total is not None:
                self.total = total
            self._progress.on_advance(self)

    def elapsed(self) -> float:
        return self._progress.clock() - self.started

    def counted(self) -> str:
        if self.total is None:
            return _count(self.done, self.unit) if self.done else ""
        return f"{self.done:,}/{_count(self.total, self.unit)}"

    def bar_line(self) -> str:
        elapsed = _seconds(self.elapsed())
        if self.total is None:
            what = self.note or self.counted()
            return f"{self.name}  {what + '  ' if what else ''}{elapsed}"
        filled = BAR_WIDTH if self.total <= 0 else min(BAR_WIDTH, BAR_WIDTH * self.done // self.total)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"{self.name}  [{bar}] {self.counted()}  {elapsed}"

    def interim_line(self) -> str:
        what = self.counted() if self.total is not None else (self.note or self.counted())
        return f"{self.name}: {what + ', ' if what else ''}{_seconds(self.elapsed())}"

    def start_line(self) -> str:
        what = _count(self.total, self.unit) if self.total is not None else (self.note or "")
        return f"{self.name}: {what}…" if what else f"{self.name}…"

    def summary(self) -> str:
        if self.total is not None:
            what = _count(self.done, self.unit)
        else:
            what = self.note.removeprefix("indexing ") if self.note else (_count(self.done, self.unit) if self.done else "")
        return f"{self.name}: {what + ' in ' if what else 'done in '}{_seconds(self.elapsed())}"


class Progress:
    def __init__(self, stream: TextIO | None, mode: Mode, *, clock: Callable[[], float] = time.monotonic,
                 ticker: bool = True) -> None:
        self.stream = stream
        self.mode: Mode = mode if stream is not None else "quiet"
        self.clock = clock
        self.lock = threading.RLock()
        self._ticker = ticker and self.mode != "quiet"
        self._current: Stage | None = None

    @classmethod
    def for_stream(cls, stream: TextIO, *, quiet: bool = False) -> "Progress":
        if quiet:
            return cls(None, "quiet")
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        return cls(stream, "bar" if tty else "lines")

    @classmethod
    def quiet(cls) -> "Progress":
        return cls(None, "quiet")

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "", note: str | None = None) -> Iterator[Stage]:
        stage = Stage(self, name, total, unit, note)
        if self.mode == "quiet":
            yield stage
            return
        with self.lock:
            self._current = stage
            if self.mode == "lines":
                self._write(stage.start_line() + "\n")
            else:
                self._draw(stage)
        stop = threading.Event()
        thread = None
        if self._ticker:
            thread = threading.Thread(target=self._tick_until, args=(stage, stop), name="factsheet-progress",
                                      daemon=True)
            thread.start()
        ok = False
        try:
            yield stage
            ok = True
        finally:
            stop.set()
            if thread is not None:
                thread.join()
            with self.lock:
                self._current = None
                if self.mode == "bar":
                    # Leave the summary on a successful stage; clear the line on failure
                    # so that the error message starts on a clean line.
                    self._write("\r\x1b[K" + (stage.summary() + "\n" if ok else ""))
                elif ok:
                    self._write(stage.summary() + "\n")

    def tick(self) -> None:
        """Refresh the current stage as the ticker thread does (for tests and callers
        that run without the thread)."""
        with self.lock:
            stage = self._current
            if stage is None:
                return
            if self.mode == "bar":
                self._draw(stage)
            elif self.mode == "lines" and self.clock() - stage._last_line >= LINE_INTERVAL_S:
                stage._last_line = self.clock()
                self._write(stage.interim_line() + "\n")

    def on_advance(self, stage: Stage) -> None:
        # Called with the lock held.
        if self.mode == "bar" and self.clock() - stage._last_draw >= REDRAW_INTERVAL_S:
            self._draw(stage)

    def _tick_until(self, stage: Stage, stop: threading.Event) -> None:
        interval = TICK_INTERVAL_S if self.mode == "bar" else min(LINE_INTERVAL_S, 1.0)
        while not stop.wait(interval):
            self.tick()

    def _draw(self, stage: Stage) -> None:
        stage._last_draw = self.clock()
        self._write("\r\x1b[K" + stage.bar_line())

    def _write(self, text: str) -> None:
        assert self.stream is not None
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stream must not stop the build
            self.mode = "quiet"
