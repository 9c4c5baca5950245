"""`python build.py serve ...` whose Builder merges the whole corpus on every build (it
passes no merge memo), as the dev server did before it kept its merge state: the
baseline benchmarks/reload_latency.py measures the incremental merge against.

    python benchmarks/serve_full_merge.py serve --content DIR --port N
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factsheet.serve.builder import Builder  # noqa: E402

_with_memo = Builder.build_options


def _without_memo(self: Builder) -> dict[str, object]:
    return {k: v for k, v in _with_memo(self).items() if k != "merge_memo"}


if __name__ == "__main__":
    Builder.build_options = _without_memo  # this process only: the baseline server
    os.environ["FACTSHEET_NO_REEXEC"] = "1"
    sys.argv = [str(REPO / "build.py"), *sys.argv[1:]]
    runpy.run_path(str(REPO / "build.py"), run_name="__main__")
