"""Write a build into a staging folder, then swap it in, so that a failed build
never leaves a half-written output folder and readers never see one.

- The output folder is replaced whole, so it must be one factsheet built: a
  build writes a marker file into it, and refuses to replace an existing,
  non-empty folder without one (``--force`` overrides).
- A build that is killed leaves its staging folder behind. Each staging folder
  is locked (``flock`` on the folder itself) for as long as its build runs; the
  next build removes every unlocked one beside the output folder, so only
  builds that are no longer running lose theirs.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import Abort

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no locks, so stale folders are kept
    fcntl = None  # type: ignore[assignment]

MARKER_FILE = ".factsheet-build"
MARKER_TEXT = b"This folder was built by factsheet; every build replaces all of it.\n"
# What a folder built before the marker existed holds (still replaced without --force).
_EARLIER_BUILD = ("index.html", "facts.json", "sources")


@contextmanager
def staged_output(out_dir: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield an empty staging folder beside ``out_dir``. On success it replaces
    ``out_dir``; on any exception it is deleted and ``out_dir`` is untouched.
    Raises Abort before anything is written when ``out_dir`` holds something
    other than a previous build (unless ``force``)."""
    out_dir = out_dir.resolve()
    refuse_foreign_folder(out_dir, force=force)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(out_dir), dir=out_dir.parent))
    lock = _lock(staging)
    try:
        yield staging
        (staging / MARKER_FILE).write_bytes(MARKER_TEXT)
        os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a site folder should be readable
        swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if lock is not None:
            os.close(lock)


def is_previous_build(folder: Path) -> bool:
    return (folder / MARKER_FILE).is_file() or all((folder / name).exists() for name in _EARLIER_BUILD)


def refuse_foreign_folder(out_dir: Path, *, force: bool) -> None:
    if force or not os.path.lexists(out_dir):
        return
    if not out_dir.is_dir():
        raise Abort(f"the output folder {out_dir} exists and is not a folder; choose another output folder")
    try:
        empty = not any(os.scandir(out_dir))
    except OSError as exc:
        raise Abort(f"cannot read the output folder {out_dir}: {exc.strerror or exc}") from None
    if empty or is_previous_build(out_dir):
        return
    raise Abort(
        f"refusing to replace {out_dir}: it is not empty and is not a factsheet build (no {MARKER_FILE} file), "
        "and a build replaces the whole folder. Choose another output folder, or run `build --force` to replace it"
    )


def _staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.staging-"


def _old_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.old-"


def _lock(folder: Path) -> int | None:
    """An exclusive lock on ``folder`` held until the returned descriptor is closed
    (the kernel drops it when the process dies, however it dies)."""
    if fcntl is None:
        return None
    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _unlocked(folder: Path) -> bool:
    """Whether no running build holds ``folder`` (checked by taking its lock)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    finally:
        os.close(fd)
    return True


def remove_stale_staging(out_dir: Path) -> list[Path]:
    """Delete staging folders (and half-swapped old outputs) that builds killed
    before they finished left beside ``out_dir``; return what was removed."""
    removed = []
    staging_prefix, old_prefix = _staging_prefix(out_dir), _old_prefix(out_dir)
    try:
        entries = list(os.scandir(out_dir.parent))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith((staging_prefix, old_prefix)) or entry.is_symlink() or not entry.is_dir():
            continue
        path = Path(entry.path)
        if entry.name.startswith(old_prefix):
            # An old output is only kept while the build swapping it still holds its staging folder.
            twin = path.with_name(staging_prefix + entry.name[len(old_prefix):])
            if twin.exists() and not _unlocked(twin):
                continue
        elif not _unlocked(path):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def swap_in(new_dir: Path, out_dir: Path) -> None:
    """Replace out_dir with new_dir using renames on the same file system."""
    if not out_dir.exists():
        os.replace(new_dir, out_dir)
        return
    staging_prefix = _staging_prefix(out_dir)
    if new_dir.name.startswith(staging_prefix):
        # Named after the staging folder, so that a cleanup can tell whose it is.
        old = out_dir.with_name(_old_prefix(out_dir) + new_dir.name[len(staging_prefix):])
    else:
        old = Path(tempfile.mkdtemp(prefix=_old_prefix(out_dir), dir=out_dir.parent))
        os.rmdir(old)
    os.replace(out_dir, old)
    try:
        os.replace(new_dir, out_dir)
    except BaseException:
        os.replace(old, out_dir)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)
