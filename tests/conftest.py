"""Shared fixtures: small temp projects built from a dict (sqlite-utils style)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_CONTENT = REPO / "content"
CORPORA = Path(__file__).resolve().parent / "corpora"  # hand-written corpora about other events


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, body in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """make_project({"a.md": "...", "b.txt": b"..."}, config="base_url = ...") -> project root
    with content/ holding the files (and factsheet.toml when config is given)."""

    def make(files: dict[str, str | bytes], *, config: str | None = None, name: str = "project") -> Path:
        root = tmp_path / name
        (root / "content").mkdir(parents=True)
        write_tree(root / "content", files)
        if config is not None:
            (root / "factsheet.toml").write_text(config, encoding="utf-8")
        return root

    return make


def run_cli(
    *args: str, cwd: Path, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python build.py ARGS` as a user would, from ``cwd`` (``env`` adds variables)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env,
    )
