#!/usr/bin/env python3
"""Entry point: `python build.py [build|check|serve|deploy] [options]`.

Without a command it builds the site from content/ into site/.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run from a source checkout without installing the package first.
sys.path.insert(0, str(HERE))


def _reexec_in_project_venv() -> None:
    """`python3 build.py` with an interpreter that lacks the dependencies: run again with
    the checkout's .venv (made by the README's Quick start), if there is one."""
    venv_python = HERE / ".venv" / "bin" / "python"
    if venv_python.is_file() and Path(sys.prefix).resolve() != (HERE / ".venv").resolve() \
            and not os.environ.get("FACTSHEET_NO_REEXEC"):
        os.environ["FACTSHEET_NO_REEXEC"] = "1"  # never loop
        os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])


try:
    import jinja2, lemminflect, wordfreq  # noqa: E401,F401 - the dependencies a build needs first
except ImportError as exc:
    _reexec_in_project_venv()
    raise SystemExit(f"error: {exc.name} is not installed for {sys.executable}. Install factsheet first "
                     "(README, Quick start): python3 -m venv .venv && .venv/bin/pip install -e .")

from factsheet.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
