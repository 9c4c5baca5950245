"""What the server shows right now, shared between the builder thread and the
request threads. The served folder changes only by assigning ``site_dir``
after a build completed, under the lock (an atomic pointer swap)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .overlay import Problem


@dataclass(frozen=True)
class Snapshot:
    site_dir: Path | None  # the last good build; None until the first one succeeds
    generation: int  # bumps whenever what a page shows may have changed
    problems: tuple[Problem, ...]
    build_failed: bool


@dataclass
class ServerState:
    site_dir: Path | None = None
    generation: int = 0
    problems: tuple[Problem, ...] = ()
    build_failed: bool = False
    builds: int = 0  # builds attempted (initial one included)
    building: bool = False
    last_build_seconds: float | None = None
    last_changed: tuple[str, ...] = ()
    last_timings: tuple[tuple[str, float], ...] = ()  # seconds per stage of the last good build
    last_event_to_site_seconds: float | None = None  # first file event -> new site served
    stopping: bool = False
    _cond: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def snapshot(self) -> Snapshot:
        with self._cond:
            return Snapshot(self.site_dir, self.generation, self.problems, self.build_failed)

    def begin_build(self) -> None:
        with self._cond:
            self.building = True

    def publish(
        self, *, site_dir: Path | None, problems: tuple[Problem, ...], build_failed: bool,
        seconds: float, changed: tuple[str, ...], timings: tuple[tuple[str, float], ...] = (),
        first_event: float | None = None,
    ) -> None:
        """A build finished (well or not): swap in what to show, wake the pages."""
        with self._cond:
            if site_dir is not None:
                self.site_dir = site_dir
            self.problems = problems
            self.build_failed = build_failed
            self.builds += 1
            self.building = False
            self.last_build_seconds = seconds
            self.last_changed = changed
            if timings:
                self.last_timings = timings
            if first_event is not None:  # time.monotonic() of the batch's first file event
                self.last_event_to_site_seconds = time.monotonic() - first_event
            self.generation += 1
            self._cond.notify_all()

    def wait_for_generation_other_than(self, generation: int, timeout: float) -> int:
        with self._cond:
            if self.generation == generation and not self.stopping:
                self._cond.wait(timeout)
            return self.generation

    def stop(self) -> None:
        with self._cond:
            self.stopping = True
            self._cond.notify_all()

    def as_json(self, *, pending: bool) -> dict[str, object]:
        with self._cond:
            return {
                "generation": self.generation,
                "builds": self.builds,
                "building": self.building,
                "pending": pending,
                "ok": not self.build_failed,
                "serving": self.site_dir is not None,
                "site_dir": str(self.site_dir) if self.site_dir else None,  # private temp folder
                "last_build_seconds": self.last_build_seconds,
                "last_event_to_site_seconds": self.last_event_to_site_seconds,
                "last_changed": list(self.last_changed),
                "last_timings": {name: round(t, 4) for name, t in self.last_timings},
                "problems": [p.as_json() for p in self.problems],
            }
