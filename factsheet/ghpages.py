"""Git plumbing for publishing a folder to a branch (ghp-import style).

Everything here works on objects and refs only: a temporary index file
(GIT_INDEX_FILE) is filled from the site folder with ``git --work-tree=<site>
add``, turned into a tree and a commit, and the branch ref is moved with
``update-ref``. The user's working tree, index and current branch are never
touched.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .errors import Abort

# Settings that would change file content or hide files on the way into the tree.
_NEUTRAL_CONFIG = ("-c", "core.autocrlf=false", "-c", "core.safecrlf=false", "-c", "core.fileMode=true")


class GitError(Abort):
    """A git command failed; the message carries git's own words."""


@dataclass(frozen=True)
class Repo:
    root: Path  # top of the work tree

    def run(
        self,
        *args: str,
        env: Mapping[str, str] | None = None,
        input: bytes | None = None,
        check: bool = True,
        timeout: float = 300,
    ) -> subprocess.CompletedProcess[bytes]:
        full_env = {**os.environ, **(env or {})}
        try:
            done = subprocess.run(
                ["git", *_NEUTRAL_CONFIG, *args],
                cwd=self.root, env=full_env, input=input, capture_output=True, timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise GitError(f"git {args[0]} did not finish within {timeout:.0f} s") from None
        except FileNotFoundError:
            raise GitError("git is not installed (or not on PATH)") from None
        if check and done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip() or done.stdout.decode("utf-8", "replace").strip()
            command = next(a for a in args if not a.startswith("-"))
            raise GitError(f"git {command} failed: {detail}")
        return done

    def out(self, *args: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
        return self.run(*args, **kwargs).stdout.decode("utf-8", "replace").strip()

    def ok(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    # -------------------------------------------------------------- questions

    def rev(self, ref: str) -> str | None:
        """The commit a ref names, or None when it does not exist."""
        done = self.run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
        if done.returncode != 0:
            return None
        return done.stdout.decode().strip() or None

    def tree_of(self, commit: str) -> str:
        return self.out("rev-parse", f"{commit}^{{tree}}")

    def is_ancestor(self, older: str, newer: str) -> bool:
        return self.ok("merge-base", "--is-ancestor", older, newer)

    def changed_paths(self, old: str, new: str) -> set[str]:
        return set(self.out("diff", "--name-only", "--no-renames", old, new, "--").splitlines())

    def message_of(self, commit: str) -> str:
        return self.out("log", "-1", "--format=%B", commit)

    def file_at(self, commit: str, path: str) -> bytes | None:
        done = self.run("cat-file", "blob", f"{commit}:{path}", check=False)
        return done.stdout if done.returncode == 0 else None

    def current_branch(self) -> str | None:
        done = self.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
        if done.returncode != 0:
            return None  # detached HEAD
        return done.stdout.decode().strip() or None

    def remote_url(self, remote: str) -> str | None:
        done = self.run("remote", "get-url", remote, check=False)
        return done.stdout.decode().strip() if done.returncode == 0 else None

    def is_dirty(self, exclude: Path | None = None) -> bool:
        """Uncommitted changes (tracked or untracked), ignoring the output folder."""
        # --no-optional-locks: status must not refresh (rewrite) the user's index.
        args = ["--no-optional-locks", "status", "--porcelain", "--", "."]
        if exclude is not None and (exclude == self.root or self.root in exclude.parents):
            args.append(f":(exclude){exclude.relative_to(self.root).as_posix()}")
        return bool(self.out(*args))

    # -------------------------------------------------------------- remote

    def remote_branch_tip(self, remote: str, branch: str) -> str | None:
        """Fetch ``remote``'s ``branch`` into refs/remotes/<remote>/<branch>; its tip, or
        None when the remote has no such branch. Never touches local branches."""
        listed = self.out("ls-remote", "--heads", remote, f"refs/heads/{branch}", timeout=120)
        if not listed:
            return None
        tracking = f"refs/remotes/{remote}/{branch}"
        self.run("fetch", "--quiet", "--no-tags", remote, f"+refs/heads/{branch}:{tracking}", timeout=300)
        return self.rev(tracking)

    def push(self, remote: str, commit: str, branch: str) -> None:
        """Push ``commit`` to the remote branch; always a fast-forward (the caller builds on
        the remote tip), so no force push is ever needed."""
        self.run("push", "--quiet", remote, f"{commit}:refs/heads/{branch}", timeout=600)
        # Keep the remote-tracking ref in step, as a normal push would.
        self.run("update-ref", f"refs/remotes/{remote}/{branch}", commit)

    # -------------------------------------------------------------- writing objects

    def tree_from_folder(self, folder: Path, extra_files: Mapping[str, bytes]) -> str:
        """Write a tree holding every file under ``folder`` plus ``extra_files``
        (name -> content, replacing a same-named file). Uses a throwaway index."""
        with tempfile.TemporaryDirectory(prefix="factsheet-deploy-") as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            # -f: the user's ignore rules (global excludes, info/exclude) must not drop site files.
            self.run(f"--work-tree={folder}", "add", "--all", "--force", "--", ".", env=env)
            for name, content in sorted(extra_files.items()):
                blob = self.out("hash-object", "-w", "--stdin", input=content)
                self.run("update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=env)
            return self.out("write-tree", env=env)

    def commit_tree(self, tree: str, parent: str | None, message: str) -> str:
        args = ["commit-tree", tree, "-F", "-"]
        if parent:
            args[2:2] = ["-p", parent]
        return self.out(*args, input=message.encode("utf-8"))

    def move_branch(self, branch: str, new: str, old: str | None) -> None:
        """Point refs/heads/<branch> at ``new``, failing if someone moved it meanwhile."""
        ref = f"refs/heads/{branch}"
        expected = old or "0" * 40
        self.run("update-ref", "-m", "factsheet deploy", ref, new, expected)


def open_repo(path: Path) -> Repo:
    """The repository holding ``path``, or Abort if there is none."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=path, capture_output=True, text=True, timeout=60
        )
    except FileNotFoundError:
        raise Abort("git is not installed (or not on PATH); deploy needs it") from None
    if done.returncode != 0:
        raise Abort(f"{path} is not inside a git repository (run `git init` and add a GitHub remote first)")
    return Repo(Path(done.stdout.strip()).resolve())


# ------------------------------------------------------------------ published URL

_GITHUB_REMOTE = re.compile(
    r"""^(?:
        (?:https?|git|ssh|git\+ssh)://(?:[^@/]+@)?github\.com(?::\d+)?/   # scheme://[user@]github.com[:port]/
      | (?:[^@/]+@)?github\.com:                                          # scp-like: git@github.com:
    )
    (?P<owner>[A-Za-z0-9-]+)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$""",
    re.VERBOSE,
)


def github_pages_url(remote_url: str) -> str | None:
    """https://<owner>.github.io/<repo>/ for a GitHub remote (the root for a user or
    organization site, whose repository is named <owner>.github.io); None otherwise."""
    match = _GITHUB_REMOTE.match(remote_url.strip())
    if not match:
        return None
    owner, repo = match["owner"], match["repo"]
    host = f"{owner.lower()}.github.io"
    if repo.lower() == host:
        return f"https://{host}/"
    return f"https://{host}/{repo}/"
