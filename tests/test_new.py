"""`factsheet new DIR`: a starter site that builds, and whose Pages workflow lints
clean and installs factsheet as a pinned dependency, not from the site's repo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import run_cli
from test_workflow import run_actionlint, steps_of

from factsheet import __version__


def _workflow(site: Path) -> dict:
    data = yaml.safe_load((site / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def test_new_writes_a_site_that_builds_and_a_workflow_that_lints(tmp_path: Path) -> None:
    done = run_cli("new", "my-sheet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "my-sheet"
    for rel in ("content/example.md", "content/_sheet.md", "factsheet.toml", ".gitignore", "requirements.txt",
                ".github/workflows/pages.yml", "README.md"):
        assert (site / rel).is_file(), rel
    assert "cd my-sheet" in done.stdout

    # A pinned dependency the user controls.
    requirements = [line for line in (site / "requirements.txt").read_text().splitlines()
                    if line.strip() and not line.startswith("#")]
    assert requirements == [f"factsheet=={__version__}"]

    lint = run_actionlint(site / ".github" / "workflows" / "pages.yml")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    steps = steps_of(_workflow(site)["jobs"]["build"])
    assert steps["Install factsheet"]["run"] == "python -m pip install -r requirements.txt"
    runs = " ".join(step.get("run", "") for step in steps.values())
    assert "pip install ." not in runs and "pip install -e" not in runs
    assert steps["actions/setup-python"]["with"]["cache-dependency-path"] == "requirements.txt"

    # The workflow's own check and build commands, as written, with this factsheet on PATH.
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    for name in ("Check the articles", "Build the site"):
        command = steps[name]["run"].replace("${{ steps.pages.outputs.base_url }}", "https://owner.github.io/my-sheet")
        result = subprocess.run(["bash", "-e", "-c", command], cwd=site, capture_output=True, text=True, timeout=180,
                                env=env)
        assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
    facts = json.loads((site / "site" / "facts.json").read_text())
    assert facts["title"] == "The ferry terminal, in facts"
    assert [s["publisher"] for s in facts["sources"]] == ["Example Coast Gazette"]
    assert any("3.2 million euros" in c["text"] for c in facts["claims"])
    index = (site / "site" / "index.html").read_text()
    assert "https://owner.github.io/my-sheet/" in index  # the base URL from the workflow
    assert (site / "site" / "search" / "index.js").is_file()
    # The built site is ignored by git in the site's repository.
    assert "/site/" in (site / ".gitignore").read_text().splitlines()


def test_new_refuses_a_folder_with_files_and_takes_a_requirement(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    refused = run_cli("new", "taken", cwd=tmp_path)
    assert refused.returncode == 1 and "not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"
    pinned = "factsheet @ git+https://example.org/factsheet.git@v9.9.9"
    done = run_cli("new", "other", "--requirement", pinned, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert pinned in (tmp_path / "other" / "requirements.txt").read_text().splitlines()
