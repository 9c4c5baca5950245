"""The wheel: the license, project URLs and classifiers, the default theme and the
starter site, and an installed wheel that builds a site on its own."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--disable-pip-version-check", "-w", str(out), str(REPO)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (path,) = out.glob("factsheet-*.whl")
    return path


def test_the_repository_has_the_mit_license() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text


def test_the_wheel_carries_the_license_urls_classifiers_theme_and_starter(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_string(zf.read(meta_name).decode("utf-8"))
        license_name = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        assert zf.read(license_name) == (REPO / "LICENSE").read_bytes()
    assert meta["License-Expression"] == "MIT"
    urls = dict(v.split(", ", 1) for v in meta.get_all("Project-URL"))
    assert {"Homepage", "Source", "Issues"} <= set(urls) and all(u.startswith("https://") for u in urls.values())
    classifiers = meta.get_all("Classifier")
    assert "License :: OSI Approved :: MIT License" not in classifiers  # the expression says it (PEP 639)
    assert "Programming Language :: Python :: 3.11" in classifiers and len(classifiers) >= 8
    for rel in ("factsheet/theme/index.html", "factsheet/theme/claims.html", "factsheet/theme/assets/site.js",
                "factsheet/starter/content/example.md", "factsheet/starter/github/workflows/pages.yml",
                "factsheet/starter/gitignore"):
        assert rel in names, rel


def test_an_installed_wheel_starts_and_builds_a_site(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                           "--disable-pip-version-check", "--target", str(target), str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    # The installed copy comes first on the path; its dependencies are this environment's.
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1"}
    for args in (["new", "site-repo"], ["build"]):
        cwd = tmp_path if args[0] == "new" else tmp_path / "site-repo"
        run = subprocess.run([sys.executable, "-m", "factsheet", *args], cwd=cwd, capture_output=True, text=True,
                             timeout=300, env=env)
        assert run.returncode == 0, run.stdout + run.stderr
    where = subprocess.run([sys.executable, "-c", "import factsheet.config as c; print(c.default_theme_dir())"],
                           capture_output=True, text=True, env=env, timeout=60, cwd=tmp_path)
    assert where.stdout.strip() == str(target / "factsheet" / "theme")
    assert (tmp_path / "site-repo" / "site" / "claims").is_dir()
