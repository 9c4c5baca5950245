"""Publishing: the stdlib crawler, and `build.py deploy` against real git repositories."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import write_tree
from sitecrawl import crawl, serve_directory

# ------------------------------------------------------------------ the crawler itself

TINY_SITE = {
    "index.html": (
        '<!doctype html><title>t</title><link rel="stylesheet" href="style.css">'
        '<a href="sub/">sub</a> <a href="page%20two.html#para">two</a> '
        '<a href="missing.html">gone</a> <a href="sub/#nope">bad anchor</a> '
        '<a href="https://example.org/elsewhere">ext</a> <a href="#:~:text=hello">text</a> '
        '<a href="mailto:x@example.org">mail</a> <img src="logo.svg" alt="">'
    ),
    "style.css": "body { color: black }",
    "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "page two.html": '<p id="para">two</p><a href="index.html#top">top</a><a name="legacy"></a>',
    "sub/index.html": '<h1 id="yes">sub</h1><a href="../page%20two.html#legacy">legacy</a><a href="../">up</a>',
}


def test_crawler_reports_broken_link_and_broken_anchor(tmp_path: Path) -> None:
    write_tree(tmp_path, TINY_SITE)
    with serve_directory(tmp_path, prefix="/repo/") as base:
        assert base.startswith("http://127.0.0.1:") and base.endswith("/repo/")
        report = crawl(base)
    # index.html is reached both as /repo/ and /repo/index.html, so each problem shows up
    # once per page it is on; what matters is which targets are reported.
    assert {(b.target.rsplit("/", 1)[-1], b.status) for b in report.broken_links} == {("missing.html", 404)}
    assert {(b.target.split("/repo/", 1)[1], b.fragment) for b in report.broken_anchors} == {("sub/#nope", "nope")}
    assert report.external_links == ["https://example.org/elsewhere"]
    pages = {p.split("/repo/", 1)[1] for p in report.pages}
    assert pages == {"", "sub/", "page two.html", "index.html"}  # percent-decoded
    assets = {a.split("/repo/", 1)[1] for a in report.assets}
    assert assets == {"style.css", "logo.svg"}
    assert not report.ok and not report.truncated
    assert report.anchors_checked >= 3  # #para, #nope (twice: / and /index.html), #legacy


def test_crawler_passes_a_clean_site_and_honours_limits(tmp_path: Path) -> None:
    site = dict(TINY_SITE)
    site["index.html"] = '<a href="sub/">sub</a><a href="page%20two.html#para">two</a>'
    write_tree(tmp_path, site)
    with serve_directory(tmp_path) as base:
        report = crawl(base)
        assert report.ok, report.summary()
        limited = crawl(base, max_pages=1)
    assert limited.truncated and len(limited.pages) == 1


def test_server_serves_only_under_its_prefix_and_stops(tmp_path: Path) -> None:
    write_tree(tmp_path, {"index.html": "<p>hi</p>"})
    with serve_directory(tmp_path, prefix="/proj/") as base:
        with urllib.request.urlopen(base, timeout=5) as response:
            assert response.read() == b"<p>hi</p>"
        root = base.replace("/proj/", "/")
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(root + "index.html", timeout=5)
        assert info.value.code == 404
    with pytest.raises(OSError):
        urllib.request.urlopen(base, timeout=2)


# ------------------------------------------------------------------ deploy with real git

import shutil
import subprocess

from conftest import SEED_CONTENT, run_cli

from factsheet.ghpages import github_pages_url

BAD_FRONT_MATTER = "---\ntitle: [unclosed\ndate: 2026-01-01\n---\nThe body of a broken article.\n"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def identify(repo: Path) -> None:
    git(repo, "config", "user.name", "Test Person")
    git(repo, "config", "user.email", "test@example.org")


@pytest.fixture
def source_repo(tmp_path: Path) -> Path:
    """A committed project (two seed articles) whose `origin` is a local bare repository."""
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", str(bare))
    src = tmp_path / "src"
    (src / "content").mkdir(parents=True)
    for seed in sorted(SEED_CONTENT.iterdir())[:2]:
        shutil.copy(seed, src / "content" / seed.name)
    (src / ".gitignore").write_text("site/\n", encoding="utf-8")
    (src / "notes.txt").write_text("work in progress\n", encoding="utf-8")
    git(src, "init", "--quiet", "-b", "main")
    identify(src)
    git(src, "add", "content", ".gitignore")  # notes.txt stays untracked on purpose
    git(src, "commit", "--quiet", "-m", "articles")
    git(src, "remote", "add", "origin", str(bare))
    return src


def repo_state(src: Path) -> tuple[str, str, str, str, bytes]:
    return (
        git(src, "--no-optional-locks", "status", "--porcelain", "--untracked-files=all"),
        git(src, "ls-files", "--stage"),
        git(src, "symbolic-ref", "HEAD"),
        git(src, "rev-parse", "HEAD"),
        (src / ".git" / "index").read_bytes(),
    )


def published_files(bare: Path, branch: str = "gh-pages") -> dict[str, bytes]:
    names = git(bare, "ls-tree", "-r", "--name-only", branch).splitlines()
    return {
        name: subprocess.run(["git", "cat-file", "blob", f"{branch}:{name}"], cwd=bare,
                             capture_output=True, check=True, timeout=60).stdout
        for name in names
    }


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def commit_count(bare: Path, branch: str = "gh-pages") -> int:
    return int(git(bare, "rev-list", "--count", branch))


def assert_clean_refusal(done: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    for phrase in phrases:
        assert phrase in done.stderr, done.stderr


def test_deploy_commits_the_site_without_touching_the_work_tree(source_repo: Path) -> None:
    src, bare = source_repo, source_repo.parent / "origin.git"
    before = repo_state(src)
    done = run_cli("deploy", "--cname", "facts.example.org", "--message", "First publication", cwd=src)
    assert done.returncode == 0, done.stderr
    assert "published at https://facts.example.org/" in done.stdout
    assert repo_state(src) == before  # working tree, current branch, HEAD and index untouched

    expected = site_files(src / "site")
    expected[".nojekyll"] = b""
    expected["CNAME"] = b"facts.example.org\n"
    assert published_files(bare) == expected
    assert git(src, "rev-parse", "gh-pages") == git(bare, "rev-parse", "gh-pages")
    message = git(bare, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith("First publication")
    assert f"Source commit: {before[3]}" in message
    assert "uncommitted" in message  # notes.txt is untracked: the tree was dirty

    # Nothing changed: no new commit, and the custom domain survives a deploy without --cname.
    done = run_cli("deploy", cwd=src)
    assert done.returncode == 0, done.stderr
    assert "nothing changed" in done.stdout and "https://facts.example.org/" in done.stdout
    assert commit_count(bare) == 1

    # A content change makes exactly one new commit, carrying the new source sha.
    (src / "notes.txt").unlink()
    extra = sorted(SEED_CONTENT.iterdir())[2]
    shutil.copy(extra, src / "content" / extra.name)
    git(src, "add", "content")
    git(src, "commit", "--quiet", "-m", "one more article")
    head = git(src, "rev-parse", "HEAD")
    done = run_cli("deploy", cwd=src)
    assert done.returncode == 0, done.stderr
    assert commit_count(bare) == 2
    message = git(bare, "log", "-1", "--format=%B", "gh-pages")
    assert f"Source commit: {head}" in message and "uncommitted" not in message
    published = published_files(bare)
    assert published["CNAME"] == b"facts.example.org\n"
    assert {k: v for k, v in published.items() if k not in (".nojekyll", "CNAME")} == {
        k: v for k, v in site_files(src / "site").items() if k not in (".nojekyll", "CNAME")
    }
    assert git(src, "status", "--porcelain") == ""


def _hand_edit_remote_pages(bare: Path, other: Path) -> str:
    """Someone else clones gh-pages, commits a hand edit and pushes it; its commit id."""
    git(other.parent, "clone", "--quiet", "--branch", "gh-pages", str(bare), str(other))
    identify(other)
    (other / "hand-edit.html").write_text("<p>edited by hand</p>", encoding="utf-8")
    git(other, "add", "hand-edit.html")
    git(other, "commit", "--quiet", "-m", "hand edit")
    git(other, "push", "--quiet", "origin", "gh-pages")
    return git(other, "rev-parse", "HEAD")


def test_deploy_refuses_when_the_remote_branch_moved_on_unless_forced(source_repo: Path, tmp_path: Path) -> None:
    src, bare = source_repo, source_repo.parent / "origin.git"
    assert run_cli("deploy", cwd=src).returncode == 0
    theirs = _hand_edit_remote_pages(bare, tmp_path / "other")

    done = run_cli("deploy", cwd=src)
    assert_clean_refusal(done, "moved on", "--force")
    assert git(bare, "rev-parse", "gh-pages") == theirs  # nothing was pushed

    done = run_cli("deploy", "--force", cwd=src)
    assert done.returncode == 0, done.stderr
    assert git(bare, "rev-parse", "gh-pages^") == theirs  # their commit stays in history
    assert "hand-edit.html" not in published_files(bare)  # but the site replaces its files


def _fresh_clone(bare: Path, dest: Path) -> Path:
    """A new clone of the sources: origin/gh-pages is known, no local gh-pages branch."""
    git(dest.parent, "clone", "--quiet", "--branch", "main", str(bare), str(dest))
    identify(dest)
    assert git(dest, "branch", "--list", "gh-pages") == ""
    return dest


def test_fresh_clone_does_not_overwrite_a_gh_pages_someone_else_moved_on(source_repo: Path, tmp_path: Path) -> None:
    """The clone has no local gh-pages to compare with, so the deploy compares with the
    remote branch itself: its tip must be a deploy of sources this branch contains."""
    src, bare = source_repo, source_repo.parent / "origin.git"
    git(src, "push", "--quiet", "origin", "main")
    assert run_cli("deploy", cwd=src).returncode == 0
    theirs = _hand_edit_remote_pages(bare, tmp_path / "other")

    fresh = _fresh_clone(bare, tmp_path / "fresh")
    done = run_cli("deploy", cwd=fresh)
    assert_clean_refusal(done, "this clone never deployed to it", "not a factsheet deploy", "--force")
    assert git(bare, "rev-parse", "gh-pages") == theirs  # nothing was pushed
    assert "hand-edit.html" in published_files(bare)

    done = run_cli("deploy", "--force", cwd=fresh)
    assert done.returncode == 0, done.stderr
    assert git(bare, "rev-parse", "gh-pages^") == theirs  # their commit stays in history
    assert "hand-edit.html" not in published_files(bare)


def test_fresh_clone_deploys_on_top_of_a_deploy_of_its_own_history(source_repo: Path, tmp_path: Path) -> None:
    src, bare = source_repo, source_repo.parent / "origin.git"
    git(src, "push", "--quiet", "origin", "main")
    assert run_cli("deploy", cwd=src).returncode == 0
    first = git(bare, "rev-parse", "gh-pages")

    fresh = _fresh_clone(bare, tmp_path / "fresh")
    extra = sorted(SEED_CONTENT.iterdir())[2]
    shutil.copy(extra, fresh / "content" / extra.name)
    git(fresh, "add", "content")
    git(fresh, "commit", "--quiet", "-m", "one more article")
    done = run_cli("deploy", cwd=fresh)
    assert done.returncode == 0, done.stderr
    assert "was last published from" in done.stdout and "which this branch contains" in done.stdout
    assert git(bare, "rev-parse", "gh-pages^") == first
    assert f"Source commit: {git(fresh, 'rev-parse', 'HEAD')}" in git(bare, "log", "-1", "--format=%B", "gh-pages")

    # The first clone now sees a deploy of sources it does not have (it did not pull): refused.
    git(fresh, "push", "--quiet", "origin", "main")
    done = run_cli("deploy", cwd=src)
    assert_clean_refusal(done, "moved on", "which this branch does not contain", "--force")
    git(src, "pull", "--quiet", "--ff-only", "origin", "main")
    done = run_cli("deploy", cwd=src)  # after pulling, it contains them: fine again
    assert done.returncode == 0, done.stderr


def test_deploy_keeps_a_custom_domain_set_on_github(source_repo: Path, tmp_path: Path) -> None:
    """Settings -> Pages -> Custom domain commits a CNAME file to the branch: the next
    deploy builds on that commit instead of refusing, and keeps the domain."""
    src, bare = source_repo, source_repo.parent / "origin.git"
    assert run_cli("deploy", cwd=src).returncode == 0
    other = tmp_path / "github"
    git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(bare), str(other))
    identify(other)
    (other / "CNAME").write_text("facts.example.net", encoding="utf-8")
    git(other, "add", "CNAME")
    git(other, "commit", "--quiet", "-m", "Create CNAME")
    git(other, "push", "--quiet", "origin", "gh-pages")
    theirs = git(other, "rev-parse", "HEAD")

    (src / "content" / "extra.md").write_text(
        "---\ntitle: A later report\ndate: 2026-02-01\n---\nThe committee met again on Monday.\n", encoding="utf-8")
    done = run_cli("deploy", cwd=src)
    assert done.returncode == 0, done.stderr
    assert "only changed CNAME" in done.stdout and "published at https://facts.example.net/" in done.stdout
    assert git(bare, "rev-parse", "gh-pages^") == theirs
    assert published_files(bare)["CNAME"] == b"facts.example.net\n"

    # The configuration's domain wins over the published one.
    (src / "factsheet.toml").write_text('cname = "facts.example.com"\n', encoding="utf-8")
    done = run_cli("deploy", cwd=src)
    assert done.returncode == 0, done.stderr
    assert published_files(bare)["CNAME"] == b"facts.example.com\n"
    assert "https://facts.example.com/" in done.stdout


def test_deploy_refuses_outside_a_git_repository(make_project) -> None:
    project = make_project({"a.md": "---\ntitle: A\n---\nSome text about a thing.\n"})
    done = run_cli("deploy", cwd=project)
    assert_clean_refusal(done, "not inside a git repository")


def test_deploy_refuses_an_unknown_remote(source_repo: Path) -> None:
    done = run_cli("deploy", "--remote", "upstream", cwd=source_repo)
    assert_clean_refusal(done, "no such remote: 'upstream'", "origin")


def test_deploy_refuses_to_run_on_the_published_branch(source_repo: Path) -> None:
    git(source_repo, "switch", "--quiet", "-c", "gh-pages")
    done = run_cli("deploy", cwd=source_repo)
    assert_clean_refusal(done, "you are on the 'gh-pages' branch")


def test_deploy_refuses_a_build_with_errors(source_repo: Path) -> None:
    (source_repo / "content" / "broken.md").write_text(BAD_FRONT_MATTER, encoding="utf-8")
    done = run_cli("deploy", cwd=source_repo)
    assert_clean_refusal(done, "the build has errors", "broken.md")
    bare = source_repo.parent / "origin.git"
    assert git(bare, "branch", "--list", "gh-pages") == ""  # nothing was published
    assert git(source_repo, "branch", "--list", "gh-pages") == ""


def test_deploy_refuses_when_a_file_was_skipped(source_repo: Path) -> None:
    """Any error diagnostic (here: a file over the size limit) blocks the deploy."""
    (source_repo / "factsheet.toml").write_text("max_file_size = 20000\n", encoding="utf-8")
    (source_repo / "content" / "huge.txt").write_text("A sentence about nothing. " * 1000, encoding="utf-8")
    done = run_cli("deploy", cwd=source_repo)
    assert_clean_refusal(done, "the build has errors", "huge.txt", "nothing was deployed")
    assert git(source_repo.parent / "origin.git", "branch", "--list", "gh-pages") == ""


def test_deployed_branch_serves_without_broken_links(tmp_path: Path) -> None:
    """The whole seed corpus, deployed, checked out and served under /<repo>/ like Pages does."""
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", str(bare))
    src = tmp_path / "factsheet-demo"
    shutil.copytree(SEED_CONTENT, src / "content")
    (src / ".gitignore").write_text("site/\n", encoding="utf-8")
    git(src, "init", "--quiet", "-b", "main")
    identify(src)
    git(src, "add", ".")
    git(src, "commit", "--quiet", "-m", "seed articles")
    git(src, "remote", "add", "origin", str(bare))
    done = run_cli("deploy", cwd=src)
    assert done.returncode == 0, done.stderr
    assert "cannot tell the published URL" in done.stdout  # a local path is not a GitHub remote

    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(bare), str(checkout))
    shutil.rmtree(checkout / ".git")
    assert (checkout / ".nojekyll").is_file() and (checkout / "index.html").is_file()
    with serve_directory(checkout, prefix="/factsheet-demo/") as base:
        report = crawl(base, max_pages=2000, timeout=60)
    assert report.ok, report.summary()
    assert report.pages and report.pages[0] == base
    # Every page of the site is reachable from the front page (404.html is served by Pages).
    reached = {page[len(base):] or "index.html" for page in report.pages}
    built = {p.relative_to(checkout).as_posix() for p in checkout.rglob("*.html")} - {"404.html"}
    assert built <= reached, f"pages no link leads to: {sorted(built - reached)}"


@pytest.mark.parametrize(
    ("remote", "url"),
    [
        ("https://github.com/Owner/fact-sheet.git", "https://owner.github.io/fact-sheet/"),
        ("https://github.com/owner/fact-sheet", "https://owner.github.io/fact-sheet/"),
        ("https://token@github.com/owner/fact.sheet.git/", "https://owner.github.io/fact.sheet/"),
        ("git@github.com:owner/fact-sheet.git", "https://owner.github.io/fact-sheet/"),
        ("ssh://git@github.com/owner/fact-sheet.git", "https://owner.github.io/fact-sheet/"),
        ("ssh://git@github.com:22/owner/fact-sheet", "https://owner.github.io/fact-sheet/"),
        ("git@github.com:Owner/owner.github.io.git", "https://owner.github.io/"),  # a user site
        ("https://gitlab.com/owner/fact-sheet.git", None),
        ("git@example.org:owner/fact-sheet.git", None),
        ("/srv/git/fact-sheet.git", None),
    ],
)
def test_published_url_from_remote(remote: str, url: str | None) -> None:
    assert github_pages_url(remote) == url
