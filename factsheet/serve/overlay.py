"""What went wrong in the last build, as the overlay shows it.

A Problem is a display-ready copy of a Diagnostic (or of an unexpected
exception). Everything in it is untrusted text (file names and lines come from
content), so the overlay HTML escapes every field.
"""

from __future__ import annotations

import html
import traceback
from dataclasses import dataclass

from ..errors import BuildError, FactsheetError
from ..models import Diagnostic


@dataclass(frozen=True)
class Problem:
    path: str | None
    line: int | None
    message: str
    line_text: str | None = None
    detail: str | None = None  # a traceback, for unexpected exceptions

    @property
    def where(self) -> str:
        if not self.path:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path, "line": self.line, "message": self.message,
            "line_text": self.line_text, "where": self.where,
        }


def from_diagnostic(diagnostic: Diagnostic) -> Problem:
    return Problem(diagnostic.path, diagnostic.line, diagnostic.message, diagnostic.line_text)


def error_problems(diagnostics: tuple[Diagnostic, ...]) -> tuple[Problem, ...]:
    """The error-level diagnostics of a build that did produce a site (skipped files)."""
    return tuple(from_diagnostic(d) for d in diagnostics if d.level == "error")


def problems_from_exception(exc: BaseException) -> tuple[Problem, ...]:
    """A failed build: the message, then every diagnostic it carries; an
    unexpected exception also carries its traceback."""
    if isinstance(exc, BuildError):
        listed = tuple(from_diagnostic(d) for d in exc.diagnostics if d.level == "error")
        return (Problem(None, None, str(exc)),) + listed
    if isinstance(exc, FactsheetError):
        diagnostic = getattr(exc, "diagnostic", None)
        if isinstance(diagnostic, Diagnostic):
            return (from_diagnostic(diagnostic),)
        return (Problem(None, None, str(exc)),)
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return (Problem(None, None, f"unexpected error during the build: {type(exc).__name__}: {exc}", detail=detail),)


def overlay_html(problems: tuple[Problem, ...], *, build_failed: bool) -> str:
    """The overlay markup (styled by /__factsheet/overlay.css, wired by the reload script)."""
    if not problems:
        return ""
    e = html.escape
    if build_failed:
        heading = "Build failed: showing the last good build"
    else:
        heading = (f"The site was built, but {len(problems)} error(s) were reported: a file with an error shows "
                   "its last good version, or is left out if it never built")
    items = []
    for p in problems:
        parts = []
        if p.where:
            parts.append(f'<code class="fs-where">{e(p.where)}</code> ')
        parts.append(f'<span class="fs-message">{e(p.message)}</span>')
        if p.line_text:
            parts.append(f'<pre class="fs-line">{e(p.line_text.rstrip())}</pre>')
        if p.detail:
            parts.append(f'<pre class="fs-detail">{e(p.detail)}</pre>')
        items.append(f"<li>{''.join(parts)}</li>")
    return (
        '<div id="factsheet-overlay" role="alertdialog" aria-labelledby="factsheet-overlay-title">'
        '<div class="fs-box">'
        f'<h2 id="factsheet-overlay-title">{e(heading)}</h2>'
        f'<ol>{"".join(items)}</ol>'
        '<p class="fs-hint">Fix the file and save: this page reloads by itself.</p>'
        '<button type="button" id="factsheet-overlay-close">Dismiss</button>'
        "</div></div>"
    )


OVERLAY_CSS = """
#factsheet-overlay{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.72);
  overflow:auto;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222}
#factsheet-overlay .fs-box{max-width:52rem;margin:4rem auto;background:#fff;border-top:6px solid #c0392b;
  border-radius:6px;padding:1.25rem 1.5rem;box-shadow:0 10px 40px rgba(0,0,0,.4)}
#factsheet-overlay h2{margin:0 0 .75rem;font-size:1.15rem;color:#c0392b}
#factsheet-overlay ol{margin:0;padding-left:1.25rem}
#factsheet-overlay li{margin:.5rem 0}
#factsheet-overlay code.fs-where{font:13px ui-monospace,Menlo,Consolas,monospace;font-weight:bold}
#factsheet-overlay pre{white-space:pre-wrap;word-break:break-word;background:#f6f6f6;padding:.4rem .6rem;
  margin:.3rem 0 0;font:12px ui-monospace,Menlo,Consolas,monospace}
#factsheet-overlay .fs-hint{color:#555;margin:.9rem 0 .5rem}
#factsheet-overlay button{font:inherit;padding:.3rem .8rem;cursor:pointer}
"""
