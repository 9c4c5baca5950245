"""Write a build into a staging folder, then swap it in, so that a failed build
never leaves a half-written output folder and readers never see one."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def staged_output(out_dir: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside ``out_dir``. On success it replaces
    ``out_dir``; on any exception it is deleted and ``out_dir`` is untouched."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        yield staging
        os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a site folder should be readable
        swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_in(new_dir: Path, out_dir: Path) -> None:
    """Replace out_dir with new_dir using renames on the same file system."""
    if not out_dir.exists():
        os.replace(new_dir, out_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.rmdir(old)
    os.replace(out_dir, old)
    try:
        os.replace(new_dir, out_dir)
    except BaseException:
        os.replace(old, out_dir)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)
