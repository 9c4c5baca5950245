"""`factsheet new DIR`: a starter site in a folder of its own.

The site repository holds the articles and the settings, not the tool:
factsheet is a pinned dependency in the site's ``requirements.txt`` (which the
user controls), and the Pages workflow installs it from there.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .. import __version__
from ..errors import Abort

# Starter file (in the package) -> where it goes in the new site. Dotted names are
# stored without their dot: packaging tools skip hidden files.
STARTER_FILES = {
    "content/example.md": "content/example.md",
    "content/_sheet.md": "content/_sheet.md",
    "factsheet.toml": "factsheet.toml",
    "gitignore": ".gitignore",
    "requirements.txt": "requirements.txt",
    "github/workflows/pages.yml": ".github/workflows/pages.yml",
    "README.md": "README.md",
}


def default_requirement() -> str:
    return f"factsheet=={__version__}"


def starter_text(name: str, requirement: str) -> str:
    text = (resources.files("factsheet") / "starter" / name).read_text(encoding="utf-8")
    if name == "requirements.txt":
        text = text.replace("{requirement}", requirement)
    return text


def write_starter(directory: Path, requirement: str | None = None) -> list[str]:
    """Write the starter site into ``directory`` (created; it must be new or empty).
    Returns the files written, relative to it."""
    requirement = (requirement or default_requirement()).strip()
    if not requirement or "\n" in requirement:
        raise Abort("--requirement must be one requirement line, e.g. factsheet==0.1.0")
    if directory.exists() and not directory.is_dir():
        raise Abort(f"{directory} exists and is not a folder")
    if directory.is_dir() and any(directory.iterdir()):
        raise Abort(f"{directory} is not empty: `factsheet new` only writes into a new or empty folder")
    written = []
    for name, rel in STARTER_FILES.items():
        target = directory / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(starter_text(name, requirement), encoding="utf-8")
        written.append(rel)
    return written


def new_command(directory: str, *, requirement: str | None = None) -> int:
    target = Path(directory)
    written = write_starter(target, requirement)
    print(f"created {target}/ with " + ", ".join(written))
    print(f"""
next steps:
  cd {target}
  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt
  .venv/bin/factsheet serve     # live preview at http://127.0.0.1:8000/
  replace content/example.md with your articles, edit content/_sheet.md
  git init && git add . && git commit -m "A new fact sheet"
  push to GitHub, then Settings -> Pages -> Source: GitHub Actions""")
    return 0
