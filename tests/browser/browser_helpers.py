"""Fixtures and helpers of the browser tests: Debian's Chromium driven by the
playwright package (never `playwright install`), launched once per module; the
seed site built once and served under /repo/ by tests/sitecrawl.py's server.

Test modules import the fixtures from here. (Not a conftest.py: a second module
named "conftest" on sys.path would shadow tests/conftest.py for other tests.)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from factsheet.commands.build import build_site
from factsheet.config import load_config
from sitecrawl import serve_directory  # tests/ is on sys.path (rootdir conftest)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
SEED_CONTENT = REPO / "content"
AXE = REPO / "tests" / "vendor" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"


def build_into(content: Path, out: Path, **options: str) -> Path:
    config = load_config(content=content, out=out, cwd=out.parent, **options)
    build_site(config)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator["object"]:
    """One Chromium per test module. Module scope, not session: playwright's sync
    API allows one running instance per thread, and other test modules (the dev
    server tests) start their own; ours must be stopped before theirs starts."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-test-deps.sh (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seed")
    return build_into(SEED_CONTENT, root / "site")


@pytest.fixture(scope="session")
def seed_url(seed_site: Path) -> Iterator[str]:
    """The seed site served like a GitHub project site: http://127.0.0.1:PORT/repo/."""
    with serve_directory(seed_site, "/repo/") as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/vendor-test-assets.sh")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS



BIG_SHEET_ARTICLES = 1_000


@pytest.fixture(scope="session")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1,000-article synthetic sheet (benchmarks/synth_corpus.py), built once per session."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from synth_corpus import generate

    root = tmp_path_factory.mktemp("big")
    generate(root / "content", BIG_SHEET_ARTICLES, seed=0)
    return build_into(root / "content", root / "site")


@pytest.fixture(scope="session")
def big_url(big_site: Path) -> Iterator[str]:
    with serve_directory(big_site, "/repo/") as url:
        yield url
