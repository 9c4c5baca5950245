"""The build as a whole: corpus-level checks, strict mode, all-or-nothing output."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import SEED_CONTENT, run_cli

from factsheet.commands.build import build_site
from factsheet.config import load_config
from factsheet.corpus import RecordCache, discover, is_scratch_name, load_corpus

GOOD = """---
title: Ferry service resumes on the northern route
date: 2023-06-12
---
The northern ferry route reopened on Monday after a three-week suspension caused by storm damage.
The operator said 14 crossings a day will run through the summer season.
Repairs to the landing stage at Kettle Point cost about 2.3 million pounds, the harbour board said.
"""

OTHER = """Ferry crossings restart after storm repairs

The northern ferry route reopened on Monday, ending a suspension of three weeks.
Fourteen crossings a day will run through the summer, the operator said.
Local businesses said the closure had cut visitor numbers sharply in May.
"""


def _build(project: Path, *args: str):
    return run_cli("build", *args, cwd=project)


def test_duplicate_id_names_both_files_and_keeps_the_first(make_project) -> None:
    """Two files setting the same id in front matter: the editor's mistake, reported."""
    project = make_project({
        "ferry.md": GOOD, "other.md": OTHER,
        "later.md": GOOD.replace("---\ntitle:", "---\nid: ferry\ntitle:", 1).replace("Monday", "Tuesday"),
        "first.md": GOOD.replace("---\ntitle:", "---\nid: ferry\ntitle:", 1),
    })
    result = _build(project)
    assert result.returncode == 0, result.stderr
    assert "later.md: error: duplicate id 'ferry': already used by first.md; skipped" in result.stderr
    facts = json.loads((project / "site" / "facts.json").read_text())
    ids = {s["path"]: s["id"] for s in facts["sources"]}
    assert set(ids) == {"ferry.md", "first.md", "other.md"}
    # ferry.md's id comes from its name, and an explicit id owns that: it gets one with a path hash.
    assert ids["first.md"] == "ferry" and re.fullmatch(r"ferry-[0-9a-f]{6}", ids["ferry.md"])


def test_oversized_file_is_skipped_with_its_size(make_project) -> None:
    project = make_project({"ferry.md": GOOD, "huge.md": "word " * 5000}, config="max_file_size = 10000\n")
    result = _build(project)
    assert result.returncode == 0
    assert "huge.md: error: file is 25,000 bytes, over the 10,000-byte limit; skipped" in result.stderr
    assert "Traceback" not in result.stderr


def test_unsupported_file_type_is_not_an_article(make_project) -> None:
    project = make_project({"ferry.md": GOOD, "photo.jpg": b"\xff\xd8\xff\xe0binary"})
    result = run_cli("check", cwd=project)
    assert "photo.jpg: warning: not an article (unsupported file type '.jpg'" in result.stderr
    assert result.returncode == 0  # a warning only fails under --strict
    strict = run_cli("check", "--strict", cwd=project)
    assert strict.returncode == 1


def test_scratch_files_are_never_read(make_project) -> None:
    for name in (".ferry.md.swp", "ferry.md~", ".#ferry.md", "4913", ".hidden.md", "#ferry.md#"):
        assert is_scratch_name(name), name
    assert not is_scratch_name("ferry.md")
    project = make_project({"ferry.md": GOOD, ".ferry.md.swp": b"\x00\x01", "ferry.md~": "old", "4913": ""})
    paths, notes = discover(project / "content")
    assert [p.name for p in paths] == ["ferry.md"]
    assert notes == []


def test_strict_build_fails_and_leaves_the_previous_site_untouched(make_project) -> None:
    project = make_project({"ferry.md": GOOD, "other.md": OTHER})
    assert _build(project).returncode == 0
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    (project / "content" / "notes.csv").write_text("a,b\n1,2\n")
    result = _build(project, "--strict")
    assert result.returncode == 1
    assert "notes.csv: warning: not an article" in result.stderr
    assert "strict mode" in result.stderr
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site.")]
    assert leftovers == []


def test_no_readable_article_is_an_error_and_keeps_the_previous_site(make_project) -> None:
    project = make_project({"ferry.md": GOOD})
    assert _build(project).returncode == 0
    (project / "content" / "ferry.md").write_bytes(b"")
    result = _build(project)
    assert result.returncode == 1
    assert "no article could be read" in result.stderr
    assert json.loads((project / "site" / "facts.json").read_text())["sources"][0]["id"] == "ferry"


def test_record_cache_reparses_only_changed_files(make_project) -> None:
    project = make_project({"ferry.md": GOOD, "other.md": OTHER})
    config = load_config(cwd=project)
    cache = RecordCache()
    first = load_corpus(config, cache=cache)
    assert (cache.hits, cache.misses) == (0, 2)
    (project / "content" / "other.md").write_text(OTHER + "\nA new sentence was added by the editor today.\n")
    second = load_corpus(config, cache=cache)
    assert (cache.hits, cache.misses) == (1, 3)
    assert first.records[0] is second.records[0]  # the unchanged record is reused, not re-parsed
    assert first.records[1].content_hash != second.records[1].content_hash


def test_output_folder_inside_content_is_refused(make_project) -> None:
    project = make_project({"ferry.md": GOOD})
    result = _build(project, "--out", "content/site")
    assert result.returncode == 1
    assert "must not be inside the content folder" in result.stderr


def test_build_site_api_reports_stage_timings(make_project) -> None:
    project = make_project({"ferry.md": GOOD, "other.md": OTHER})
    result = build_site(load_config(cwd=project))
    assert [name for name, _ in result.timings] == ["parse", "merge", "render", "search"]
    assert (project / "site" / "facts.json").is_file()


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_input_gives_a_byte_identical_site_across_processes(tmp_path: Path) -> None:
    """Different hash seeds change set and dict iteration order in a new process; the
    site must not depend on it (nor on the clock or the output folder's name)."""
    first = run_cli("build", "--content", str(SEED_CONTENT), "--out", str(tmp_path / "a"), cwd=tmp_path,
                    env={"PYTHONHASHSEED": "1"})
    second = run_cli("build", "--content", str(SEED_CONTENT), "--out", str(tmp_path / "b"), cwd=tmp_path,
                     env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert sorted(a) == sorted(b)
    assert len(a) > 10
    for name in a:
        assert a[name] == b[name], f"{name} differs between two builds of the same input"
