"""The record cache (factsheet/cache.py): parse and extraction run in the parse
workers and are kept on disk by content hash. Real builds, real files, real
folders and links; what a test observes is the site, the cache's own counts and
the cache folder's files."""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import zlib
from pathlib import Path

import pytest

from conftest import run_cli
from factsheet import cache as cache_module
from factsheet.cache import RecordCache, code_fingerprint, decode_entry, encode_entry
from factsheet.commands.build import build_site
from factsheet.config import load_config
from factsheet.corpus import load_corpus, read_article
from factsheet.editorial import Editorial
from factsheet.errors import Abort
from factsheet.merge import merge
from factsheet.merge.extract import extract_record
from factsheet.serve.builder import Builder
from factsheet.serve.state import ServerState

GOLD = Path(__file__).resolve().parent / "corpora-gold"
CORPUS = GOLD / "museum-heist" / "content"
OTHER_CORPUS = GOLD / "port-strike" / "content"
PACKAGE = Path(__file__).resolve().parents[1] / "factsheet"


def _project(tmp_path: Path, corpus: Path = CORPUS, name: str = "project") -> Path:
    root = tmp_path / name
    shutil.copytree(corpus, root / "content")
    return root


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _entries(project: Path) -> dict[str, os.stat_result]:
    folder = project / ".factsheet-cache"
    return {p.name: p.stat() for p in folder.glob("*.entry")} if folder.is_dir() else {}


def _articles(project: Path) -> list[Path]:
    return sorted(p for p in (project / "content").iterdir() if p.suffix in (".md", ".txt"))


def test_cold_warm_and_uncached_builds_give_byte_identical_sites(tmp_path: Path) -> None:
    project = _project(tmp_path)
    cold = run_cli("build", "--out", "cold", cwd=project)
    assert cold.returncode == 0, cold.stderr
    assert "from the cache" not in cold.stdout
    assert len(_entries(project)) == len(_articles(project))
    warm = run_cli("build", "--out", "warm", cwd=project)
    assert warm.returncode == 0, warm.stderr
    n = len(_articles(project))
    assert f"({n} of {n} articles from the cache)" in warm.stdout
    uncached = run_cli("build", "--no-cache", "--out", "uncached", cwd=project)
    assert uncached.returncode == 0, uncached.stderr

    site = _tree(project / "cold")
    assert site == _tree(project / "warm") == _tree(project / "uncached")
    assert b'"claims"' in site["facts.json"] and len([p for p in site if p.startswith("sources/")]) >= n


def test_a_warm_build_parses_and_extracts_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = load_config(cwd=project)
    n = len(_articles(project))
    first = RecordCache.for_config(config)
    cold = build_site(config, cache=first)
    assert (first.misses, first.written, first.disk_hits) == (n, n, 0)
    assert cold.read.parsed == n and cold.read.extract_seconds > 0
    inodes = {name: st.st_ino for name, st in _entries(project).items()}

    second = RecordCache.for_config(config)  # a new process: nothing in memory
    warm = build_site(config, cache=second, out_dir=project / "warm")
    assert (second.misses, second.written, second.disk_hits, second.hits) == (0, 0, n, n)
    assert warm.read.parsed == 0 and warm.read.extract_seconds == 0 and warm.read.from_cache == n
    assert {name: st.st_ino for name, st in _entries(project).items()} == inodes  # nothing rewritten
    assert warm.sheet == cold.sheet


def test_editing_one_file_parses_and_extracts_only_that_file(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = load_config(cwd=project)
    build_site(config, cache=RecordCache.for_config(config))
    before = set(_entries(project))
    edited = _articles(project)[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe insurer said 4,417 visitors had been turned away.\n",
                      encoding="utf-8")

    cache = RecordCache(config.cache_dir, max_bytes=0)  # no room for unused entries: they are pruned
    result = build_site(config, cache=cache)
    n = len(_articles(project))
    assert (cache.misses, cache.disk_hits, cache.written) == (1, n - 1, 1)
    assert result.read.parsed == 1
    after = set(_entries(project))
    assert len(after) == n and len(after - before) == 1 and len(before - after) == 1
    assert "4,417 visitors" in (project / "site" / "facts.json").read_text(encoding="utf-8")


def test_the_dev_server_extracts_only_the_edited_file(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = load_config(cwd=project)
    (tmp_path / "builds").mkdir()
    builder = Builder(config, ServerState(), tmp_path / "builds")
    assert builder.build()
    n = len(_articles(project))
    assert (builder.cache.misses, builder.cache.hits) == (n, 0)
    edited = _articles(project)[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("museum", "gallery", 1), encoding="utf-8")
    assert builder.build((str(edited),))
    assert (builder.cache.misses, builder.cache.hits) == (n + 1, n - 1)
    assert builder.cache.disk_hits == 0  # the others came from memory, as the very same objects

    restarted = Builder(config, ServerState(), tmp_path / "builds")  # a new server starts warm from disk
    assert restarted.build()
    assert (restarted.cache.misses, restarted.cache.disk_hits) == (0, n)


def test_damaged_foreign_and_planted_entries_are_misses(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert run_cli("build", "--out", "first", cwd=project).returncode == 0
    entries = sorted((project / ".factsheet-cache").glob("*.entry"))
    assert len(entries) >= 6
    marker = tmp_path / "planted-code-ran"
    outside = tmp_path / "outside.txt"
    outside.write_text("not the cache's\n")

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    header = len(cache_module._MAGIC) + 32
    entries[0].write_bytes(entries[0].read_bytes()[: len(entries[0].read_bytes()) // 2])  # truncated
    entries[1].write_bytes(os.urandom(5000))  # random bytes
    entries[2].write_bytes(b"")  # empty (a crash before the data reached the disk)
    # a valid header and stream whose pickle would run a command
    entries[3].write_bytes(entries[3].read_bytes()[:header] + zlib.compress(pickle.dumps(Planted())))
    entries[4].unlink()
    entries[4].symlink_to(outside)  # a link in the folder, to a file outside it
    entries[5].unlink()
    entries[5].mkdir()  # not a file at all

    second = run_cli("build", "--out", "second", cwd=project)
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr and "error" not in second.stderr
    assert not marker.exists()
    assert outside.read_text() == "not the cache's\n" and not outside.is_symlink()
    assert _tree(project / "second") == _tree(project / "first")

    config = load_config(cwd=project)
    cache = RecordCache.for_config(config)
    load_corpus(config, cache=cache)
    n = len(_articles(project))
    assert cache.disk_hits == n - 1  # every entry was written again, except where a folder sits on its name
    assert cache.misses == 1


def test_a_planted_pickle_cannot_name_a_function(tmp_path: Path) -> None:
    parsed = read_article("a.md", (CORPUS / "01_lumen-wire.md").read_bytes(), max_bytes=1 << 21)
    key = "ab" * 32
    assert decode_entry(key, encode_entry(key, parsed)) == parsed
    assert decode_entry("cd" * 32, encode_entry(key, parsed)) is None  # an entry filed under another key

    marker = tmp_path / "planted-code-ran"

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    blob = cache_module._MAGIC + bytes.fromhex(key) + zlib.compress(pickle.dumps(Planted()))
    assert decode_entry(key, blob) is None
    assert not marker.exists()
    foreign = cache_module._MAGIC + bytes.fromhex(key) + zlib.compress(pickle.dumps({"a": (1, 2)}))
    assert decode_entry(key, foreign) is None  # ours to read, but not a ParsedFile


def test_no_cache_and_check_write_nothing_into_the_cache_folder(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert run_cli("build", "--no-cache", cwd=project).returncode == 0
    assert not (project / ".factsheet-cache").exists()
    assert run_cli("check", cwd=project).returncode == 0
    assert not (project / ".factsheet-cache").exists()

    assert run_cli("build", "--out", "cached", cwd=project).returncode == 0
    listing = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in (project / ".factsheet-cache").iterdir()}
    edited = _articles(project)[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA new paragraph about 88 guards.\n", encoding="utf-8")
    result = run_cli("build", "--no-cache", cwd=project)
    assert result.returncode == 0
    assert any("88 guards" in p.read_text(encoding="utf-8") for p in (project / "site" / "sources").glob("*.json"))
    assert run_cli("check", cwd=project).returncode == 0
    after = {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in (project / ".factsheet-cache").iterdir()}
    assert after == listing


def test_a_cache_folder_that_is_a_link_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (project / ".factsheet-cache").symlink_to(outside, target_is_directory=True)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert ".factsheet-cache: warning: the cache folder" in result.stderr and "symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(outside.iterdir()) == []
    assert (project / "site" / "facts.json").is_file()

    # reached through a link: `cache = "link/cache"`, with link -> outside
    (project / "factsheet.toml").write_text('cache = "link/cache"\n', encoding="utf-8")
    (project / "link").symlink_to(outside, target_is_directory=True)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0 and "through a symbolic link" in result.stderr
    assert list(outside.iterdir()) == []


def test_a_link_inside_the_cache_folder_is_never_followed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = load_config(cwd=project)
    first = RecordCache.for_config(config)
    load_corpus(config, cache=first)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    name = sorted(_entries(project))[0]
    (project / ".factsheet-cache" / name).unlink()
    (project / ".factsheet-cache" / name).symlink_to(victim)

    cache = RecordCache.for_config(config)
    load_corpus(config, cache=cache)
    assert cache.misses == 1 and cache.written == 1
    assert victim.read_text() == "keep me\n"
    assert not (project / ".factsheet-cache" / name).is_symlink()  # the link itself was replaced


def _entry_names(project: Path, cache: RecordCache, max_bytes: int) -> set[str]:
    return {cache.key(p.name, p.read_bytes(), max_bytes) + ".entry" for p in _articles(project)}


def test_the_folder_is_bounded_and_keeps_what_the_build_used(tmp_path: Path) -> None:
    one, two = _project(tmp_path, CORPUS, "one"), _project(tmp_path, OTHER_CORPUS, "two")
    folder = tmp_path / "shared-cache"
    for project in (one, two):
        (project / "factsheet.toml").write_text(f'cache = "{folder}"\n', encoding="utf-8")
    config_one, config_two = load_config(cwd=one), load_config(cwd=two)
    load_corpus(config_one, cache=RecordCache.for_config(config_one))
    cache = RecordCache.for_config(config_two)
    load_corpus(config_two, cache=cache)
    names_one = _entry_names(one, cache, config_one.max_file_bytes)
    names_two = _entry_names(two, cache, config_two.max_file_bytes)
    on_disk = {p.name for p in folder.glob("*.entry")}
    assert on_disk == names_one | names_two  # under the size bound: both corpora stay warm

    total = sum(p.stat().st_size for p in folder.glob("*.entry"))
    load_corpus(config_two, cache=RecordCache(folder, max_bytes=total - 1))
    on_disk = {p.name for p in folder.glob("*.entry")}
    assert names_two <= on_disk and len(names_one - on_disk) == 1  # one unused entry made room

    load_corpus(config_one, cache=RecordCache(folder, max_bytes=0))
    assert {p.name for p in folder.glob("*.entry")} == names_one  # what the build used is always kept
    assert (folder / "CACHEDIR.TAG").is_file() and (folder / ".gitignore").read_text().strip().endswith("*")


def test_extraction_does_not_depend_on_the_record_id() -> None:
    for path in sorted(CORPUS.iterdir())[:4]:
        record = read_article(path.name, path.read_bytes(), max_bytes=1 << 21).result.record
        assert record is not None
        facts = extract_record(record)
        renamed = extract_record(dataclasses.replace(record, id="another-id-x1"))
        assert renamed.record_id == "another-id-x1"
        assert dataclasses.replace(renamed, record_id=record.id) == facts
        assert facts.propositions


def test_records_renamed_after_parsing_get_their_own_facts(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "content" / "a").mkdir(parents=True)
    (project / "content" / "b").mkdir(parents=True)
    texts = sorted(CORPUS.iterdir())
    # the same file name in two folders: one record keeps "report", the other gets a hashed id
    shutil.copy(texts[0], project / "content" / "a" / "report.md")
    shutil.copy(texts[1], project / "content" / "b" / "report.md")
    config = load_config(cwd=project)
    corpus = load_corpus(config, cache=RecordCache.for_config(config))
    ids = [r.id for r in corpus.records]
    assert ids[0] == "report" and ids[1].startswith("report-") and len(set(ids)) == 2
    assert set(corpus.facts) == set(ids)
    for record in corpus.records:
        assert corpus.facts[record.id].record_id == record.id
        assert corpus.facts[record.id].content_hash == record.content_hash
    with_facts = merge(corpus.records, Editorial(), corpus.facts).sheet
    assert with_facts == merge(corpus.records, Editorial()).sheet  # as if extracted in the merge
    assert with_facts.claims


def test_the_fingerprint_follows_the_code_the_parse_and_extraction_import(tmp_path: Path) -> None:
    copy = tmp_path / "factsheet"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    base = code_fingerprint(copy)
    assert base == code_fingerprint(PACKAGE)
    grouping = copy / "merge" / "grouping.py"  # the merge's later stages: not part of an entry
    grouping.write_text(grouping.read_text() + "\n# changed\n")
    assert code_fingerprint(copy) == base
    for rel in ("parse/clean.py", "merge/propositions.py", "merge/params.py", "models.py", "merge/data/concepts.txt"):
        path = copy / rel
        original = path.read_bytes()
        path.write_bytes(original + b"\n# changed\n")
        assert code_fingerprint(copy) != base, rel
        path.write_bytes(original)
    assert code_fingerprint(copy) == base


def test_cache_settings_are_validated(make_project) -> None:
    project = make_project({"a.md": "x"}, config='cache = false\n')
    assert load_config(cwd=project).cache_dir is None
    (project / "factsheet.toml").write_text('cache = "site/cache"\n')
    with pytest.raises(Abort, match="inside the output folder"):
        load_config(cwd=project)
    (project / "factsheet.toml").write_text('cache = "content/cache"\n')
    with pytest.raises(Abort, match="inside the content folder"):
        load_config(cwd=project)
    (project / "factsheet.toml").write_text('cache = "content/.cache"\n')  # hidden: never read as content
    assert load_config(cwd=project).cache_dir == project.resolve() / "content" / ".cache"
    (project / "factsheet.toml").write_text("cache = 3\n")
    with pytest.raises(Abort, match="cache must be"):
        load_config(cwd=project)
    assert load_config(cwd=project.parent, content=project / "content", no_cache=True).cache_dir is None
    (project / "factsheet.toml").write_text("")
    assert load_config(cwd=project).cache_dir == project.resolve() / ".factsheet-cache"
