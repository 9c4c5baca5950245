"""Command line: parse flags, build one Config, hand it to a command.

Every FactsheetError becomes a message on stderr and exit status 1; no
traceback is shown for anything the user can fix.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__
from .config import load_config
from .errors import BuildError, FactsheetError

COMMANDS = ("build", "check", "serve", "deploy", "new")
USAGE_ERROR = 2  # argparse's status for a command line it cannot read


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", dest="config_file", metavar="FILE", help="project file (default: ./factsheet.toml if present)")
    p.add_argument("--content", metavar="DIR", help="folder of articles (default: content)")
    p.add_argument("--templates", metavar="DIR", help="templates that override the default theme by name")
    p.add_argument("--no-cache", action="store_true",
                   help="parse every article again and read or write nothing in the cache folder (.factsheet-cache)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factsheet",
        description="Turn a folder of articles about one event into a cited fact sheet site.",
        epilog="Without a command, builds content/ into site/. `factsheet COMMAND --help` describes a command.",
    )
    parser.add_argument("--version", action="version", version=f"factsheet {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    p = sub.add_parser("build", help="build the site (the default command)")
    _add_common(p)
    p.add_argument("--out", metavar="DIR", help="output folder (default: site)")
    p.add_argument("--strict", action="store_true", default=None, help="fail on warnings too")
    p.add_argument("--base-url", metavar="URL", help="absolute URL the site is published at")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but problems (no progress)")
    p.add_argument("--force", action="store_true", help="replace --out even if it is not a previous factsheet build")

    p = sub.add_parser("check", help="validate the content and list every problem as file:line: message")
    _add_common(p)
    p.add_argument("--strict", action="store_true", default=None, help="fail on warnings too")

    p = sub.add_parser("serve", help="build, serve and rebuild on change, with live reload")
    _add_common(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--poll", action="store_true", help="poll for changes (Docker, WSL, network mounts)")
    p.add_argument("--open", dest="open_browser", action="store_true", help="open the site in a browser")

    p = sub.add_parser("deploy", help="build and publish the site to a gh-pages branch")
    _add_common(p)
    p.add_argument("--out", metavar="DIR", help="output folder (default: site)")
    p.add_argument("--remote", default="origin", help="git remote to push to (default: origin)")
    p.add_argument("--branch", default="gh-pages", help="branch to publish to (default: gh-pages)")
    p.add_argument("--message", metavar="TEXT", help="commit message (the source sha is appended)")
    p.add_argument("--force", action="store_true", help="publish even if the remote branch moved on")
    p.add_argument("--cname", metavar="DOMAIN", help="custom domain, written to CNAME")
    p.add_argument("--base-url", metavar="URL", help="absolute URL the site is published at")

    p = sub.add_parser("new", help="start a new fact sheet site in a folder (with a GitHub Pages workflow)")
    p.add_argument("directory", metavar="DIR", help="folder to create (it must not exist or must be empty)")
    p.add_argument("--requirement", metavar="SPEC",
                   help="how the site's requirements.txt installs factsheet "
                        f"(default: factsheet=={__version__}, this version)")
    return parser


def _unknown_command(word: str) -> int:
    helps = {}
    for action in make_parser()._actions:  # the sub-commands and their one-line help
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
    width = max(len(name) for name in COMMANDS)
    lines = [f"  {name:<{width}}  {helps.get(name, '')}" for name in COMMANDS]
    print(f"factsheet: unknown command {word!r}. The commands are:\n" + "\n".join(lines)
          + "\nRun `factsheet COMMAND --help` for a command's options.", file=sys.stderr)
    return USAGE_ERROR


def _config_from(args: argparse.Namespace):
    return load_config(
        config_file=args.config_file,
        content=args.content,
        out=getattr(args, "out", None),
        templates=args.templates,
        strict=getattr(args, "strict", None),
        base_url=getattr(args, "base_url", None),
        cname=getattr(args, "cname", None),
        force=args.force if args.command == "build" else None,  # deploy's --force is about the remote branch
        no_cache=args.no_cache,
    )


def run(argv: Sequence[str]) -> int:
    argv = list(argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        return _unknown_command(argv[0])
    if not argv or argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "build")  # `python build.py` and `python build.py --out X` mean build
    args = make_parser().parse_args(argv)
    if args.command == "new":
        from .commands.new import new_command

        return new_command(args.directory, requirement=args.requirement)
    config = _config_from(args)

    if args.command == "build":
        from .commands.build import build_command

        return build_command(config, quiet=args.quiet)
    if args.command == "check":
        from .commands.check import check_command

        return check_command(config)
    if args.command == "serve":
        from .commands.serve import serve_command

        return serve_command(
            config, host=args.host, port=args.port, poll=args.poll, open_browser=args.open_browser,
            reload_config=lambda: _config_from(args),  # re-read factsheet.toml when it changes
        )
    if args.command == "deploy":
        from .commands.deploy import deploy_command

        return deploy_command(
            config, remote=args.remote, branch=args.branch, message=args.message, force=args.force
        )
    raise AssertionError(args.command)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except BuildError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except FactsheetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
