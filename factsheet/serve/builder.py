"""Rebuilds for the dev server.

Each build goes into a fresh folder under a private temporary folder that lies
outside every watched folder (so building never triggers the watcher), using
one RecordCache for the life of the server (only changed articles are parsed
and extracted again; the first build reads the others from the cache folder). The served folder is swapped only after a build completed; the
previous folder is kept one round for requests still reading it, older ones
are deleted.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from ..commands.build import build_site
from ..config import Config
from ..corpus import RecordCache
from ..errors import Abort, FactsheetError
from ..merge.incremental import MergeMemo
from ..models import printable
from ..render import RenderCache
from .overlay import Problem, error_problems, problems_from_exception
from .state import ServerState
from .watcher import Debouncer

KEEP_OLD_BUILDS = 1


def make_builds_root(watched: tuple[Path, ...]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="factsheet-serve-")).resolve()
    for folder in watched:
        folder = folder.resolve()
        if root == folder or folder in root.parents:
            shutil.rmtree(root, ignore_errors=True)
            raise Abort(
                f"the temporary folder {root} lies inside the watched folder {folder}; "
                "set TMPDIR to a folder outside your project"
            )
    return root


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Builder:
    def __init__(
        self,
        config: Config,
        state: ServerState,
        builds_root: Path,
        *,
        reload_config: Callable[[], Config] | None = None,
        on_config_change: Callable[[Config], None] | None = None,
    ) -> None:
        self.config = config
        self.state = state
        self.builds_root = builds_root
        # Keeps each file's last good record, shown while a later save of it has an error.
        self.cache = RecordCache.for_config(config, keep_last_good=True)
        self._notes_logged = 0
        # Pages whose inputs did not change are taken from here instead of being
        # rendered again, hard-linked from its store (on the builds' file system)
        # into each new build folder; also kept for the life of the server.
        self.render_cache = RenderCache(store=builds_root / "render-store")
        # The previous merge's state: an edit re-groups only the claims it touches.
        self.merge_memo = MergeMemo()
        self.reload_config = reload_config
        self.on_config_change = on_config_change
        self._serial = 0
        self._folders: list[Path] = []  # build folders, oldest first; the last good one is served

    def build(self, changed: tuple[str, ...] = (), first_event: float | None = None) -> bool:
        """One build; never raises (except KeyboardInterrupt/SystemExit)."""
        self.state.begin_build()
        started = time.perf_counter()
        if self._config_changed(changed) and not self._reload_config(started, changed, first_event):
            return False
        self._serial += 1
        out_dir = self.builds_root / f"build-{self._serial:05d}"
        try:
            result = build_site(self.config, out_dir=out_dir, **self.build_options())
        except FactsheetError as exc:
            shutil.rmtree(out_dir, ignore_errors=True)
            self._finish_failed(problems_from_exception(exc), started, changed, first_event)
            return False
        except Exception as exc:  # a bug in a stage must not take the server down
            shutil.rmtree(out_dir, ignore_errors=True)
            traceback.print_exc()
            self._finish_failed(problems_from_exception(exc), started, changed, first_event)
            return False
        seconds = time.perf_counter() - started
        problems = error_problems(result.diagnostics)
        timings = tuple(getattr(result, "timings", ()))
        self.state.publish(
            site_dir=out_dir, problems=problems, build_failed=False, seconds=seconds, changed=changed, timings=timings,
            first_event=first_event,
        )
        self._folders.append(out_dir)
        self._delete_old_folders()
        for problem in problems:
            _log(f"{printable(problem.where)}: error: {printable(problem.message)}")
        self._log_cache_notes()
        stages = ", ".join(f"{name} {t * 1000:.0f}" for name, t in timings)
        _log(
            f"built in {seconds * 1000:.0f} ms{f' ({stages} ms)' if stages else ''}: "
            f"{len(result.sheet.sources)} sources, {len(result.sheet.claims)} claims"
            + (f"; {len(problems)} file(s) skipped because of errors" if problems else "")
            + (f"; merge {self.merge_memo.last}" if self.merge_memo.last else "")
        )
        return True

    def _log_cache_notes(self) -> None:
        notes = self.cache.notes
        for note in notes[self._notes_logged:]:
            _log(note.format())
        self._notes_logged = len(notes)

    def build_options(self) -> dict[str, object]:
        return {"cache": self.cache, "render_cache": self.render_cache, "merge_memo": self.merge_memo}

    def run(self, debouncer: Debouncer) -> None:
        """The builder thread: one build per batch of changes, until closed."""
        while True:
            batch = debouncer.next_batch()
            if batch is None:
                return
            self.build(tuple(sorted(batch)), first_event=debouncer.batch_started)

    def cleanup(self) -> None:
        shutil.rmtree(self.builds_root, ignore_errors=True)

    def _config_changed(self, changed: tuple[str, ...]) -> bool:
        if self.reload_config is None or not changed:
            return False
        names = {self.config.config_file.name} if self.config.config_file else set()
        names.add("factsheet.toml")
        return any(Path(p).name in names for p in changed)

    def _reload_config(self, started: float, changed: tuple[str, ...], first_event: float | None) -> bool:
        assert self.reload_config is not None
        try:
            config = self.reload_config()
        except FactsheetError as exc:
            self._finish_failed((Problem(None, None, f"configuration: {exc}"),), started, changed, first_event)
            return False
        if config.cache_dir != self.config.cache_dir:
            self.cache = RecordCache.for_config(config, keep_last_good=True)
            self._notes_logged = 0
        self.config = config
        self.merge_memo = MergeMemo()  # the configuration may change what the merge reads
        if self.on_config_change is not None:
            self.on_config_change(config)
        _log("configuration reloaded")
        return True

    def _finish_failed(
        self, problems: tuple[Problem, ...], started: float, changed: tuple[str, ...], first_event: float | None,
    ) -> None:
        seconds = time.perf_counter() - started
        self.state.publish(
            site_dir=None, problems=problems, build_failed=True, seconds=seconds, changed=changed,
            first_event=first_event,
        )
        for problem in problems:
            _log(f"{printable(problem.where) + ': ' if problem.where else ''}error: {printable(problem.message)}")
        _log("build failed; still serving the last good build")

    def _delete_old_folders(self) -> None:
        while len(self._folders) > KEEP_OLD_BUILDS + 1:
            shutil.rmtree(self._folders.pop(0), ignore_errors=True)
