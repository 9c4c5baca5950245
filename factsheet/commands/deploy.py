"""`factsheet deploy`: build, commit the site to a gh-pages branch, push.

The commit is made with git plumbing (see factsheet/ghpages.py), so the user's
working tree, index and current branch are left exactly as they were.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..config import Config, normalize_base_url
from ..corpus import RecordCache
from ..errors import Abort
from ..ghpages import Repo, github_pages_url, open_repo
from .build import build_site, report

DEFAULT_MESSAGE = "Publish the fact sheet"
SOURCE_LINE = "Source commit: {sha}"  # in every deploy commit's message: what the site was built from
_SOURCE_LINE = re.compile(r"^Source commit: ([0-9a-f]{40})\s*$", re.M)
# How far back past CNAME-only commits (GitHub's, when a custom domain is set) to look for a deploy.
MAX_CNAME_COMMITS = 20


@dataclass(frozen=True)
class Source:
    """The commit the site was built from, for the deploy commit message."""

    sha: str | None  # None in a repository without commits
    dirty: bool


@dataclass(frozen=True)
class Target:
    """Where the new commit goes and what it builds on."""

    local_tip: str | None  # refs/heads/<branch> before this deploy
    remote_tip: str | None  # the remote's branch, just fetched
    parent: str | None


def published_url(config: Config, remote_url: str) -> str | None:
    if config.cname:
        return f"https://{config.cname}/"
    return github_pages_url(remote_url) or config.base_url


def commit_message(message: str | None, source: Source) -> str:
    lines = [(message or DEFAULT_MESSAGE).strip()]
    if source.sha:
        lines += ["", SOURCE_LINE.format(sha=source.sha)]
        if source.dirty:
            lines.append("The working tree had uncommitted changes; the site includes them.")
    else:
        lines += ["", "Source commit: none (the repository has no commits yet)."]
    return "\n".join(lines) + "\n"


def published_source(repo: Repo, tip: str) -> str | None:
    """The source commit the site at ``tip`` was built from: the "Source commit"
    line of the newest deploy commit, looking past CNAME-only commits. None when
    the tip (past those) is not a factsheet deploy: a commit made by hand or by
    another tool, or a deploy from a repository without commits."""
    commit = tip
    for _ in range(MAX_CNAME_COMMITS + 1):
        match = _SOURCE_LINE.search(repo.message_of(commit))
        if match:
            return match.group(1)
        parent = repo.rev(f"{commit}^")
        if parent is None or not repo.changed_paths(parent, commit) <= {"CNAME"}:
            return None
        commit = parent
    return None


def choose_target(repo: Repo, remote: str, branch: str, *, force: bool) -> Target:
    """Build on the remote branch only when nothing on it would be lost (unless forced).

    Safe: the remote is at (or behind) this clone's last deploy; it only added a
    CNAME since; or its tip is a factsheet deploy built from a source commit the
    current branch contains (a deploy from another clone or from CI, even when
    this clone never deployed). Anything else (a commit made by hand or by another
    tool, a deploy from sources this branch does not have) is someone else's work,
    and a fresh clone without a local gh-pages branch is judged the same way."""
    local_tip = repo.rev(f"refs/heads/{branch}")
    remote_tip = repo.remote_branch_tip(remote, branch)
    if remote_tip is None:
        return Target(local_tip, None, local_tip)
    if local_tip is not None and repo.is_ancestor(remote_tip, local_tip):
        return Target(local_tip, remote_tip, local_tip)  # the remote is at (or behind) what we pushed
    if (local_tip is not None and repo.is_ancestor(local_tip, remote_tip)
            and repo.changed_paths(local_tip, remote_tip) <= {"CNAME"}):
        # GitHub commits a CNAME file when a custom domain is set under Settings -> Pages:
        # build on top of that instead of refusing (the CNAME is kept, see kept_cname).
        print(f"{remote}/{branch} only changed CNAME since the last deploy; building on top of it")
        return Target(local_tip, remote_tip, remote_tip)
    source = published_source(repo, remote_tip)
    head = repo.rev("HEAD")
    if source is not None and head is not None and repo.is_ancestor(source, head):
        print(f"{remote}/{branch} was last published from {source[:12]}, which this branch contains; "
              "building on top of it")
        return Target(local_tip, remote_tip, remote_tip)
    if not force:
        why = (f"was published from {source[:12]}, which this branch does not contain (pull first?)" if source
               else "holds a commit that is not a factsheet deploy (made by hand or by another tool)")
        since = (f"has moved on since the last deploy from here (remote {remote_tip[:12]}, "
                 f"last deployed {local_tip[:12]}) and " if local_tip else
                 f"exists ({remote_tip[:12]}), this clone never deployed to it, and it ")
        raise Abort(
            f"{remote}/{branch} {since}{why}: someone else published. "
            f"Run `git log {remote}/{branch}` to see what changed; use --force to publish anyway "
            "(the new commit goes on top of the remote branch, replacing its files)"
        )
    # Build on the remote tip: their commit stays in history and the push is a fast-forward.
    return Target(local_tip, remote_tip, remote_tip)


def kept_cname(repo: Repo, config: Config, parent: str | None) -> str | None:
    """The custom domain to publish under: the configured one, else the one already on
    the branch, so that a deploy without --cname never wipes a custom domain."""
    if config.cname:
        return config.cname.strip()
    if parent is not None:
        published = repo.file_at(parent, "CNAME")
        if published and published.strip():
            return published.decode("utf-8", "replace").strip()
    return None


def extra_files(cname: str | None) -> dict[str, bytes]:
    """Files every deploy adds to the tree, whatever the site folder holds:
    .nojekyll (GitHub must not run Jekyll, which drops files starting with '_'), CNAME."""
    files = {".nojekyll": b""}
    if cname:
        files["CNAME"] = (cname + "\n").encode("utf-8")
    return files


def _refuse_on_errors(diagnostics) -> None:  # type: ignore[no-untyped-def]
    errors = [d for d in diagnostics if d.level == "error"]
    if errors:
        listing = "\n".join(d.format() for d in errors)
        raise Abort(
            f"the build has errors; nothing was deployed ({len(errors)} error(s)):\n{listing}\n"
            "fix them (see `build.py check`) and deploy again"
        )


def deploy_command(config: Config, *, remote: str, branch: str, message: str | None, force: bool) -> int:
    repo = open_repo(Path.cwd())
    remote_url = repo.remote_url(remote)
    if remote_url is None:
        known = repo.out("remote").split()
        hint = f"known remotes: {', '.join(known)}" if known else "this repository has no remotes"
        raise Abort(f"no such remote: {remote!r} ({hint}); add one with `git remote add {remote} URL`")
    if repo.current_branch() == branch:
        raise Abort(f"you are on the {branch!r} branch; switch to the branch with your sources first")

    # Fetch and check the branch first: a refusal should not wait for a build.
    target = choose_target(repo, remote, branch, force=force)
    cname = kept_cname(repo, config, target.parent)
    config = config.with_changes(cname=cname)
    url = published_url(config, remote_url)
    if config.base_url is None and url is not None:
        # Absolute links (canonical, og:url, sitemap) need the published address.
        config = config.with_changes(base_url=normalize_base_url(url))
    elif config.base_url and url and config.base_url != url:
        print(f"warning: base_url {config.base_url} differs from the published URL {url}", file=sys.stderr)

    cache = RecordCache.for_config(config)
    try:
        result = build_site(config, cache=cache)
    finally:
        report(cache.notes)
    report(result.diagnostics)
    _refuse_on_errors(result.diagnostics)

    head = repo.rev("HEAD")
    source = Source(head, repo.is_dirty(exclude=result.out_dir.resolve()) if head else True)
    tree = repo.tree_from_folder(result.out_dir.resolve(), extra_files(cname))

    if target.parent is not None and repo.tree_of(target.parent) == tree:
        new = target.parent
        print(f"nothing changed since the last deploy ({new[:12]}); no new commit")
    else:
        new = repo.commit_tree(tree, target.parent, commit_message(message, source))
        print(f"committed {new[:12]} to {branch}" + (" (working tree was dirty)" if source.dirty else ""))
    if new != target.local_tip:
        repo.move_branch(branch, new, target.local_tip)
    if new != target.remote_tip:
        repo.push(remote, new, branch)
        print(f"pushed {branch} to {remote}")
    else:
        print(f"{remote}/{branch} is already up to date")

    if url:
        print(f"published at {url}")
    else:
        print(f"cannot tell the published URL: {remote_url} is not a GitHub remote (set cname to name it)")
    return 0
