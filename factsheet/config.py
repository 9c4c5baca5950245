"""One validated configuration object, built from the optional project file
``factsheet.toml`` and the command-line flags (flags win). Commands receive a
Config and nothing else from the CLI."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .errors import Abort

CONFIG_FILE_NAME = "factsheet.toml"
SHEET_FILE_NAME = "_sheet.md"  # the editor's sheet file inside the content folder
CACHE_DIR_NAME = ".factsheet-cache"  # the record cache's folder (factsheet/cache.py), beside factsheet.toml
DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024
PACKAGE_DIR = Path(__file__).resolve().parent


def default_theme_dir() -> Path:
    """The default theme: shipped inside the package when installed from a wheel,
    or the repository's top-level ``templates/`` in a source checkout."""
    packaged = PACKAGE_DIR / "theme"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "templates"


@dataclass(frozen=True)
class Config:
    content_dir: Path
    out_dir: Path
    templates_dir: Path | None = None  # the user's overrides, searched before the default theme
    strict: bool = False
    base_url: str | None = None  # only for absolute URLs (canonical, og:url, sitemap)
    cname: str | None = None
    config_file: Path | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    workers: int | None = None  # None: decide from the corpus size and the CPU count
    force: bool = False  # `build --force`: replace an output folder that is not a previous build
    # The record cache's folder (parses and extractions by content hash); None: no
    # cache on disk (`--no-cache`, or `cache = false` in factsheet.toml).
    cache_dir: Path | None = None

    @property
    def theme_dirs(self) -> tuple[Path, ...]:
        """Template search path: the user's folder first, so it overrides by name."""
        dirs = [self.templates_dir] if self.templates_dir else []
        default = default_theme_dir()
        if default not in dirs:
            dirs.append(default)
        return tuple(dirs)

    @property
    def sheet_file(self) -> Path:
        return self.content_dir / SHEET_FILE_NAME

    def with_changes(self, **changes: Any) -> "Config":
        return replace(self, **changes)


def normalize_base_url(url: str | None) -> str | None:
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise Abort(f"base URL must be an absolute http(s) URL, got {url!r}")
    return url if url.endswith("/") else url + "/"


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise Abort(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise Abort(f"{path}: cannot read configuration: {exc.strerror}") from None
    known = {"content", "out", "templates", "base_url", "cname", "strict", "max_file_size", "cache"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise Abort(f"{path}: unknown configuration key(s): {', '.join(unknown)}")
    return data


def load_config(
    *,
    config_file: str | Path | None = None,
    content: str | Path | None = None,
    out: str | Path | None = None,
    templates: str | Path | None = None,
    strict: bool | None = None,
    base_url: str | None = None,
    cname: str | None = None,
    force: bool | None = None,
    no_cache: bool = False,
    cwd: Path | None = None,
) -> Config:
    """Merge ``factsheet.toml`` (if any) with explicit values and validate the result.

    Relative paths in the file are relative to the file's folder; relative paths
    given as arguments are relative to ``cwd``.
    """
    cwd = (cwd or Path.cwd()).resolve()
    file_path: Path | None = None
    data: dict[str, Any] = {}
    if config_file is not None:
        file_path = (cwd / config_file).resolve()
        if not file_path.is_file():
            raise Abort(f"configuration file not found: {config_file}")
    elif (cwd / CONFIG_FILE_NAME).is_file():
        file_path = cwd / CONFIG_FILE_NAME
    if file_path is not None:
        data = _read_config_file(file_path)
    base = file_path.parent if file_path else cwd

    def pick_path(arg: str | Path | None, key: str, default: str | None) -> Path | None:
        if arg is not None:
            return (cwd / arg).resolve()
        if key in data:
            return (base / str(data[key])).resolve()
        return (base / default).resolve() if default else None

    content_dir = pick_path(content, "content", "content")
    out_dir = pick_path(out, "out", "site")
    templates_dir = pick_path(templates, "templates", None)
    assert content_dir is not None and out_dir is not None

    if not content_dir.is_dir():
        raise Abort(f"content folder not found: {content_dir}")
    if templates_dir is not None and not templates_dir.is_dir():
        raise Abort(f"templates folder not found: {templates_dir}")
    if out_dir == content_dir or content_dir in out_dir.parents:
        raise Abort("the output folder must not be inside the content folder")
    if out_dir in content_dir.parents or out_dir == cwd or out_dir in cwd.parents:
        # The build replaces the whole output folder; refuse anything that holds our input.
        raise Abort(f"refusing to use {out_dir} as the output folder: it contains the project")

    cache_dir = None if no_cache else _cache_dir(data.get("cache", True), base, file_path)
    if cache_dir is not None:
        _check_cache_dir(cache_dir, content_dir, out_dir)

    max_bytes = data.get("max_file_size", DEFAULT_MAX_FILE_BYTES)
    if not isinstance(max_bytes, int) or max_bytes <= 0:
        raise Abort(f"{file_path}: max_file_size must be a positive integer (bytes)")

    return Config(
        content_dir=content_dir,
        out_dir=out_dir,
        templates_dir=templates_dir,
        strict=bool(strict if strict is not None else data.get("strict", False)),
        base_url=normalize_base_url(base_url if base_url is not None else data.get("base_url")),
        cname=(cname if cname is not None else data.get("cname")) or None,
        config_file=file_path,
        max_file_bytes=max_bytes,
        force=bool(force),
        cache_dir=cache_dir,
    )


def _cache_dir(value: Any, base: Path, file_path: Path | None) -> Path | None:
    """``cache = true`` (the default: .factsheet-cache beside factsheet.toml, or in
    the working folder), ``false``, or a folder. Not resolved: the cache refuses a
    folder that is, or is reached through, a symbolic link."""
    if value is False:
        return None
    if value is True:
        value = CACHE_DIR_NAME
    if not isinstance(value, str) or not value.strip():
        raise Abort(f"{file_path}: cache must be true, false or a folder name")
    return Path(os.path.normpath(base / value))


def _check_cache_dir(cache_dir: Path, content_dir: Path, out_dir: Path) -> None:
    if cache_dir == out_dir or out_dir in cache_dir.parents:
        raise Abort(f"the cache folder {cache_dir} must not be inside the output folder (the build replaces it)")
    if cache_dir == content_dir or cache_dir in content_dir.parents or cache_dir in out_dir.parents:
        raise Abort(f"the cache folder {cache_dir} must not hold the content or output folder")
    if content_dir in cache_dir.parents:
        inside = cache_dir.relative_to(content_dir).parts
        if not any(part.startswith((".", "_")) for part in inside):
            # discover() and the dev server's watcher skip hidden and "_" folders; any other would be read as content
            raise Abort(f"the cache folder {cache_dir} is inside the content folder; "
                        "use a hidden folder (.name) or one outside it")
