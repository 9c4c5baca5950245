"""The Jinja environment over the theme folders, template errors turned into
BuildErrors that name the template file and line, and the theme's static assets.

The user's ``--templates`` folder comes first in ``config.theme_dirs``, so any
template or asset of the default theme can be overridden by name.

A theme folder is read by the same rule as the content folder: only regular
files whose resolved path lies inside the folder are used, as templates or as
assets. A symbolic link leading out of it, a link loop or a dangling link, a
FIFO or a device is left out with a message (``theme_diagnostics``), so a
theme can never publish a file from elsewhere on the machine.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Iterator

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.loaders import split_template_path
from markupsafe import Markup

from ..config import default_theme_dir
from ..errors import BuildError
from ..models import Diagnostic
from .fragments import make_rows_filter

ASSETS_DIR = "assets"


def _json_script(value: Any) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' become \\u escapes, so a
    '</script>' or '<!--' in article text cannot end the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


class InsideFolderLoader(FileSystemLoader):
    """A FileSystemLoader that treats a template whose resolved path lies outside
    its folder (a symbolic link out of it) as missing, before reading it."""

    def get_source(self, environment: Environment, template: str):  # type: ignore[no-untyped-def]
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = os.path.join(searchpath, *pieces)
            if os.path.isfile(filename):
                if not _inside(filename, searchpath):
                    raise TemplateNotFound(template)
                break
        return super().get_source(environment, template)


def _inside(path: str | Path, folder: str | Path) -> bool:
    try:
        real = os.path.realpath(path, strict=True)
    except OSError:
        return False
    return Path(real).is_relative_to(os.path.realpath(folder))


def make_environment(theme_dirs: tuple[Path, ...]) -> Environment:
    loader = ChoiceLoader([InsideFolderLoader(str(d)) for d in theme_dirs])
    env = Environment(
        loader=loader,
        autoescape=True,  # every template, whatever its extension
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["json_script"] = _json_script
    env.filters["rows"] = make_rows_filter(theme_dirs, default_theme_dir())
    return env


def theme_files(theme_dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Every usable file of the theme by its name relative to its theme folder;
    the first folder (the user's) wins. Hidden files are ignored, and so is
    anything ``theme_diagnostics`` reports."""
    return _scan_theme(theme_dirs)[0]


def theme_diagnostics(theme_dirs: tuple[Path, ...]) -> tuple[Diagnostic, ...]:
    """Files of the theme folders that are left out, and why."""
    return _scan_theme(theme_dirs)[1]


def _scan_theme(theme_dirs: tuple[Path, ...]) -> tuple[dict[str, Path], tuple[Diagnostic, ...]]:
    found: dict[str, Path] = {}
    notes: list[Diagnostic] = []
    for theme_dir in theme_dirs:
        if not theme_dir.is_dir():
            continue
        for root, dirs, files in os.walk(theme_dir):
            for name in sorted(dirs):
                if not name.startswith(".") and os.path.islink(os.path.join(root, name)):
                    notes.append(Diagnostic(_shown(Path(root) / name), "symbolic link to a folder; not followed, skipped",
                                            "warning"))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                path = Path(root) / name
                problem = _unusable(path, theme_dir)
                if problem is not None:
                    notes.append(problem)
                    continue
                found.setdefault(path.relative_to(theme_dir).as_posix(), path)
    return dict(sorted(found.items())), tuple(notes)


def _unusable(path: Path, theme_dir: Path) -> Diagnostic | None:
    shown = _shown(path)
    try:
        real = os.path.realpath(path, strict=True)
        mode = os.stat(real).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Diagnostic(shown, "symbolic link loop (the link leads back to itself); skipped")
        if os.path.islink(path):
            return Diagnostic(shown, "broken symbolic link (its target does not exist); skipped")
        return Diagnostic(shown, f"cannot read file: {exc.strerror or exc}; skipped")
    if not Path(real).is_relative_to(os.path.realpath(theme_dir)):
        return Diagnostic(shown, "symbolic link pointing outside the templates folder; skipped", "warning")
    if not stat.S_ISREG(mode):
        return Diagnostic(shown, "not a regular file; skipped")
    return None


def _shown(path: Path) -> str:
    """A theme file as messages name it: relative to the current folder, bad bytes escaped."""
    shown = _display_path(str(path), None)
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def theme_fingerprint(files: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for rel, path in files.items():
        digest.update(rel.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cached_environment(theme_dirs: tuple[Path, ...], fingerprint: str, cache: Any | None) -> Environment:
    """The environment for these theme folders; with a RenderCache, the one of the
    previous render (templates already compiled) while no theme file changed."""
    if cache is None:
        return make_environment(theme_dirs)
    key = (tuple(str(d) for d in theme_dirs), fingerprint)
    return cache.environment(key, lambda: make_environment(theme_dirs))


def copy_assets(files: dict[str, Path], dest: Path) -> list[str]:
    """Copy the theme's ``assets/`` into ``dest/assets``. Names starting with '_'
    are skipped (GitHub Pages drops them), as is anything that is not a plain file."""
    written = []
    for rel, path in files.items():
        parts = rel.split("/")
        if parts[0] != ASSETS_DIR or len(parts) < 2 or any(p.startswith("_") for p in parts):
            continue
        if not path.is_file():
            continue
        target = dest.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
        written.append(rel)
    return written


def _display_path(filename: str | None, name: str | None) -> str:
    if not filename:
        return name or "<template>"
    try:
        return os.path.relpath(filename)
    except ValueError:
        return filename


def _line_of(filename: str | None, line: int | None, source: str | None = None) -> str | None:
    if not line:
        return None
    try:
        text = source if source is not None else Path(filename or "").read_text(encoding="utf-8")
    except OSError:
        return None
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else None


def _template_frame(tb: TracebackType | None, template_files: set[str]) -> tuple[str | None, int | None]:
    """The innermost traceback frame that is template code (Jinja rewrites
    tracebacks so template frames carry the template's file name and line)."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in template_files or os.path.realpath(filename) in template_files:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def template_diagnostic(exc: TemplateError, template_files: set[str], rendering: str) -> Diagnostic:
    if isinstance(exc, TemplateSyntaxError):
        filename = exc.filename
        line = exc.lineno
        return Diagnostic(
            path=_display_path(filename, exc.name), line=line,
            message=f"template syntax error: {exc.message}",
            line_text=_line_of(filename, line, exc.source),
        )
    filename, line = _template_frame(sys.exc_info()[2] or exc.__traceback__, template_files)
    if isinstance(exc, TemplateNotFound):
        message = f"template not found: {exc.name}"
    elif isinstance(exc, UndefinedError):
        message = f"undefined value: {exc.message}"
    else:
        message = f"template error: {exc}"
    if filename is None:
        return Diagnostic(path=rendering, message=message)
    return Diagnostic(path=_display_path(filename, None), line=line, message=message,
                      line_text=_line_of(filename, line))


@contextmanager
def template_errors(files: dict[str, Path], rendering: str) -> Iterator[None]:
    """Turn any Jinja error raised inside the block into BuildError("template error")."""
    try:
        yield
    except TemplateError as exc:
        known = {str(p) for p in files.values()} | {os.path.realpath(p) for p in files.values()}
        diagnostic = template_diagnostic(exc, known, rendering)
        raise BuildError("template error", (diagnostic,)) from None
    except (TypeError, ValueError, KeyError, AttributeError, ZeroDivisionError) as exc:
        # A mistake in a (user's) template, e.g. iterating over a number: report
        # the template line. Errors outside template code are ours: re-raise.
        known = {str(p) for p in files.values()} | {os.path.realpath(p) for p in files.values()}
        filename, line = _template_frame(exc.__traceback__, known)
        if filename is None:
            raise
        diagnostic = Diagnostic(path=_display_path(filename, None), line=line,
                                message=f"{type(exc).__name__}: {exc}", line_text=_line_of(filename, line))
        raise BuildError("template error", (diagnostic,)) from None
