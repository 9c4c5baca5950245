"""Nothing real is lost: on the shared development corpora (../shared/corpora,
written independently of this code), every sentence that states a gold fact
is still a sentence of its record after cleaning, and no furniture the gold
file lists as noise is.

CI always has ../shared beside the clone, so a missing ../shared fails these
tests instead of skipping them. The patterns are matched with the scorer's
own normalisation (../shared/eval/score_facts.py), imported, not copied."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from factsheet.models import Record
from factsheet.parse import parse_article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = SHARED / "corpora"
SCORER = SHARED / "eval" / "score_facts.py"


def _scorer():
    assert SCORER.is_file(), f"{SCORER} is missing: the tests need ../shared beside the clone"
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _corpora() -> list[Path]:
    return sorted(p for p in CORPORA.iterdir() if (p / "gold.yaml").is_file()) if CORPORA.is_dir() else []


def test_the_shared_corpora_are_there() -> None:
    assert len(_corpora()) >= 4, f"no development corpora under {CORPORA}"


def _records(corpus: Path) -> dict[str, Record]:
    """Gold source id ("01") -> record, the way the scorer names sources: by the file name's prefix."""
    records = {}
    for path in sorted((corpus / "content").iterdir()):
        result = parse_article(path.name, path.read_bytes(), max_bytes=10**7)
        assert result.record is not None, (path.name, [d.format() for d in result.diagnostics])
        records[path.name.split("_")[0]] = result.record
    return records


def _claimable(record: Record) -> list[str]:
    """Sentences that may become claims: not headings, not a cut-off last sentence."""
    return [s.text for s in record.sentences if s.block != "heading" and not s.truncated]


@pytest.mark.parametrize("corpus", _corpora(), ids=lambda p: p.name)
def test_every_gold_fact_keeps_a_sentence_in_each_of_its_sources(corpus: Path) -> None:
    scorer = _scorer()
    gold = yaml.safe_load((corpus / "gold.yaml").read_text(encoding="utf-8"))
    records = _records(corpus)
    lost = []
    for fact_id, fact in gold["facts"].items():
        for source in fact["sources"]:
            sentences = _claimable(records[source])
            if not any(scorer.matches(fact["all"], text) for text in sentences):
                lost.append(f"{fact_id} in {source}: {fact['all']}")
    assert not lost, "gold facts with no sentence left in a source:\n" + "\n".join(lost)


@pytest.mark.parametrize("corpus", _corpora(), ids=lambda p: p.name)
def test_no_listed_noise_is_a_sentence_that_could_become_a_claim(corpus: Path) -> None:
    scorer = _scorer()
    gold = yaml.safe_load((corpus / "gold.yaml").read_text(encoding="utf-8"))
    leaks = []
    for source, record in _records(corpus).items():
        for text in _claimable(record):
            for pattern in gold.get("noise", []):
                if re.search(pattern, scorer.norm(text), re.I):
                    leaks.append(f"{source}: /{pattern}/ in {text!r}")
    assert not leaks, "\n".join(leaks)
