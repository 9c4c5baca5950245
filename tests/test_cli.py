"""The command line as a user meets it: defaults, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED_CONTENT, run_cli

ARTICLE = """---
title: Harbour bridge reopens after repairs
date: 2024-03-04
---
The Old Harbour bridge reopened to traffic on Monday after eight months of repairs.
The city council said the work cost 12 million euros.
"""


def test_build_from_any_folder_with_explicit_paths(make_project, tmp_path: Path) -> None:
    project = make_project({"bridge.md": ARTICLE})
    out = tmp_path / "elsewhere" / "out"
    result = run_cli("build", "--content", str(project / "content"), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    facts = json.loads((out / "facts.json").read_text())
    assert [s["id"] for s in facts["sources"]] == ["bridge"]
    assert (out / "index.html").is_file()
    assert (out / "sources" / "bridge.json").is_file()


def test_bare_invocation_means_build(make_project) -> None:
    project = make_project({"bridge.md": ARTICLE})
    result = run_cli(cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "facts.json").is_file()


def test_missing_content_folder_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli("build", "--content", "nope", cwd=tmp_path)
    assert result.returncode == 1
    assert "content folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_passes_on_the_seed_corpus(tmp_path: Path) -> None:
    result = run_cli("check", "--content", str(SEED_CONTENT), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checked 5 article(s): 0 error(s)" in result.stdout
