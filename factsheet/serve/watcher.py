"""File watching: watchdog observers feed a Debouncer, which hands the builder
one batch of changed paths per burst of events.

Editors save in many ways (write in place; write a temp file then rename it
over the original; leave swap, backup and lock files). We react to creations,
writes, deletions and renames of files that are not scratch files, and ignore
pure reads (the build itself opens every file, and on inotify that produces
"opened"/"closed_no_write" events that must not trigger another build).

A watched folder can go away (``rm -rf content``, a ``git checkout``, a
``mv content old && mkdir content``); its inotify watch (or polling emitter)
then dies with it. The watcher checks every watched folder's identity (device
and inode) twice a second and, when it changed, schedules the folder again as
soon as it exists and reports a change, so the server rebuilds from what is
there now.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from ..corpus import is_scratch_name

# One save is a handful of events within a few ms (write, close; or create a
# temp file, write, rename), so 50 ms of quiet is enough to see it whole.
QUIET_SECONDS = 0.05  # rebuild once events have stopped for this long...
MAX_WAIT_SECONDS = 1.0  # ...or at the latest this long after the first event of a burst.
# Right after a batch, more events mean a burst (a script, a checkout, an editor
# saving on every keystroke): then wait for a longer quiet spell.
BURST_QUIET_SECONDS = 0.25
BURST_WINDOW_SECONDS = 0.3
POLL_INTERVAL_SECONDS = 0.5
REARM_INTERVAL_SECONDS = 0.5  # how often a watched folder is checked for having been replaced or removed
_CHANGE_EVENTS = frozenset({
    EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED,
})
_IGNORED_DIRS = frozenset({"__pycache__", "node_modules"})


class Debouncer:
    """Collects changed paths; ``next_batch`` returns them once ``quiet`` seconds
    pass without a new one, or ``max_wait`` after the first, whichever is sooner.
    Events within ``burst_window`` of the previous batch wait for ``burst_quiet``."""

    def __init__(
        self, quiet: float = QUIET_SECONDS, max_wait: float = MAX_WAIT_SECONDS,
        burst_quiet: float = BURST_QUIET_SECONDS, burst_window: float = BURST_WINDOW_SECONDS,
    ) -> None:
        self.quiet = quiet
        self.max_wait = max_wait
        self.burst_quiet = max(burst_quiet, quiet)
        self.burst_window = burst_window
        self._last_batch = float("-inf")
        self._cond = threading.Condition()
        self._paths: set[str] = set()
        self._first: float | None = None
        self._last = 0.0
        self._closed = False
        self.batch_started: float | None = None  # monotonic time of the first event of the last batch

    def touch(self, path: str) -> None:
        with self._cond:
            now = time.monotonic()
            if self._first is None:
                self._first = now
            self._last = now
            self._paths.add(path)
            self._cond.notify_all()

    @property
    def pending(self) -> bool:
        with self._cond:
            return self._first is not None

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def next_batch(self) -> set[str] | None:
        """Block until a batch is due; None once closed."""
        with self._cond:
            while not self._closed:
                if self._first is None:
                    self._cond.wait(0.5)
                    continue
                in_burst = self._first - self._last_batch < self.burst_window
                quiet = self.burst_quiet if in_burst else self.quiet
                due = min(self._last + quiet, self._first + self.max_wait)
                now = time.monotonic()
                if now >= due:
                    self.batch_started = self._first
                    self._last_batch = now
                    batch, self._paths, self._first = self._paths, set(), None
                    return batch
                self._cond.wait(due - now)
            return None


@dataclass(frozen=True)
class WatchSpec:
    """One folder to watch: recursively with a scratch-name filter, or only for
    the given file names (the configuration file's folder)."""

    root: Path
    recursive: bool = True
    only_names: frozenset[str] | None = None

    def wants(self, path: str) -> bool:
        p = Path(path)
        if self.only_names is not None:
            return p.parent == self.root and p.name in self.only_names
        try:
            rel = p.relative_to(self.root)
        except ValueError:
            return False
        return not any(is_scratch_name(part) or part in _IGNORED_DIRS for part in rel.parts)


class _Handler(FileSystemEventHandler):
    def __init__(self, spec: WatchSpec, on_change: Callable[[str], None],
                 on_root_gone: Callable[[WatchSpec], None]) -> None:
        self.spec = spec
        self.on_change = on_change
        self.on_root_gone = on_root_gone

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _CHANGE_EVENTS:
            return
        src = event.src_path.decode() if isinstance(event.src_path, bytes) else event.src_path
        if event.event_type in (EVENT_TYPE_DELETED, EVENT_TYPE_MOVED) and Path(src) == self.spec.root:
            self.on_root_gone(self.spec)  # its watch died with it, whatever the next folder's inode
        if event.is_directory and event.event_type in (EVENT_TYPE_MODIFIED, EVENT_TYPE_CLOSED):
            return  # a file inside changed; that file's own event is what matters
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = raw.decode() if isinstance(raw, bytes) else raw
            if path and self.spec.wants(path):
                self.on_change(path)


def folder_identity(folder: Path) -> tuple[int, int] | None:
    """(device, inode) of a folder, or None when there is no folder there."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if os.path.isdir(folder) else None


@dataclass
class _Armed:
    watch: object | None  # watchdog's ObservedWatch, None while the folder does not exist
    identity: tuple[int, int] | None


class Watcher:
    """One watchdog observer (inotify & co., or polling) over several WatchSpecs,
    re-armed whenever a watched folder is removed, replaced or created."""

    def __init__(self, on_change: Callable[[str], None], *, poll: bool,
                 rearm_interval: float = REARM_INTERVAL_SECONDS) -> None:
        self.on_change = on_change
        self.poll = poll
        self.rearm_interval = rearm_interval
        self._observer = PollingObserver(timeout=POLL_INTERVAL_SECONDS) if poll else Observer()
        self._specs: tuple[WatchSpec, ...] = ()
        self._armed: dict[WatchSpec, _Armed] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._rearm_thread = threading.Thread(target=self._rearm_loop, name="factsheet-rearm", daemon=True)

    def watch(self, specs: tuple[WatchSpec, ...]) -> None:
        """Replace what is watched (the configuration may have moved a folder)."""
        with self._lock:
            if specs == self._specs:
                return
            self._observer.unschedule_all()
            self._armed = {spec: self._arm(spec) for spec in specs}
            self._specs = specs

    def _arm(self, spec: WatchSpec) -> _Armed:
        identity = folder_identity(spec.root)
        if identity is None:
            return _Armed(None, None)
        try:
            watch = self._observer.schedule(_Handler(spec, self.on_change, self._root_gone), str(spec.root),
                                            recursive=spec.recursive)
        except OSError:  # gone again between the check and the schedule: try on the next round
            return _Armed(None, None)
        return _Armed(watch, identity)

    def _root_gone(self, spec: WatchSpec) -> None:
        """The watched folder itself was removed or moved: arm it again on the next round
        even if a new folder there gets the same device and inode (file systems reuse
        inode numbers, so "rm -rf content && mkdir content" can look unchanged).

        Runs in the observer's thread, which holds the observer's lock while it dispatches:
        taking the watcher's lock here would wait on a re-arm that holds it while it waits
        for the observer's (one attribute set needs no lock)."""
        armed = self._armed.get(spec)
        if armed is not None:
            armed.identity = None

    def rearm(self) -> list[Path]:
        """Schedule again every watched folder whose identity changed; report
        each as a change (after it is watched again, so no later edit is lost)."""
        changed: list[Path] = []
        with self._lock:
            for spec, armed in list(self._armed.items()):
                if armed.identity is not None and folder_identity(spec.root) == armed.identity:
                    continue
                if armed.identity is None and armed.watch is None and folder_identity(spec.root) is None:
                    continue  # still no folder there
                if armed.watch is not None:
                    try:
                        self._observer.unschedule(armed.watch)  # type: ignore[arg-type]
                    except (KeyError, OSError, ValueError):
                        pass  # its emitter already stopped when the folder went away
                self._armed[spec] = self._arm(spec)
                changed.append(spec.root)
        for root in changed:
            self.on_change(str(root))
        return changed

    def _rearm_loop(self) -> None:
        while not self._stopped.wait(self.rearm_interval):
            try:
                self.rearm()
            except Exception as exc:  # noqa: BLE001 - the watcher must outlive one bad round
                print(f"watcher: could not re-arm: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)

    def start(self) -> None:
        self._observer.daemon = True
        self._observer.start()
        self._rearm_thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._observer.stop()
        self._observer.join(timeout=2)
