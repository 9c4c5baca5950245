#!/usr/bin/env python3
"""Entry point: `python build.py [build|check|serve|deploy] [options]`.

Without a command it builds the site from content/ into site/.
"""

import sys
from pathlib import Path

# Run from a source checkout without installing the package first.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from factsheet.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
