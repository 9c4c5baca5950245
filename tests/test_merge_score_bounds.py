"""The merge's shortcuts never change a decision: a pair or clause skipped as "surely
below" a bar really scores below it, and the bar-limited clause scores agree with the
exact ones wherever they reach the bar. Checked on every pair of the annotated corpora
and of a small synthetic corpus (benchmarks/synth_corpus.py)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from factsheet.config import load_config
from factsheet.corpus import load_corpus
from factsheet.merge.aliases import learn_aliases
from factsheet.merge.cluster import UNITS, PairScores, clause_scores, idf_weights, similarity, surely_below
from factsheet.merge.features import FEATURES

REPO = Path(__file__).resolve().parent.parent
BARS = (0.2, 0.33, 0.42, 0.45, 0.5)


def _units(content: Path):
    corpus = load_corpus(load_config(content=content, cwd=content.parent))
    rfs = [FEATURES.get(r) for r in corpus.records]
    aliases = learn_aliases(rfs, frozenset())
    units = []
    for rf in rfs:
        units.extend(UNITS.units(rf.record_id, rf.content_hash, [sf for sf in rf.sentences if sf.claimable],
                                 aliases, frozenset()))
    df: Counter[str] = Counter()
    for u in units:
        df.update(u.features)
    w = idf_weights(df, len(units))
    for u in units:
        u.weight = sum(w.get(f, 0.0) for f in sorted(u.features))
    return units, w


def _corpora(tmp_path_factory) -> list[Path]:
    dirs = [REPO / "content"] + sorted((REPO / "tests" / "corpora").glob("*/content"))
    dirs += sorted((REPO / "tests" / "heldout").glob("*/content"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from synth_corpus import generate
    finally:
        sys.path.pop(0)
    synth = tmp_path_factory.mktemp("synth") / "content"
    generate(synth, 40, 3)
    return dirs + [synth]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    return [_units(d) for d in _corpora(tmp_path_factory)]


def test_surely_below_is_sound(corpora):
    checked = skipped = 0
    for units, w in corpora:
        n = min(len(units), 120)
        for i in range(n):
            for j in range(n):
                if i == j:
                    continue
                exact = similarity(units[i], units[j], w)
                for bar in BARS:
                    for conflicts_first in (True, False):
                        checked += 1
                        if surely_below(units[i], units[j], w, bar, conflicts_first):
                            skipped += 1
                            assert exact < bar, (units[i].sf.sentence.text, units[j].sf.sentence.text, bar)
    assert skipped > checked // 2  # the shortcut does fire


def test_bar_limited_clause_scores_agree_with_exact(corpora):
    compared = 0
    for units, w in corpora:
        scores = PairScores(units, w)
        longs = [k for k, u in enumerate(units) if u.clauses][:60]
        for long in longs:
            for short in range(min(len(units), 120)):
                if short == long:
                    continue
                exact = clause_scores(units[long], units[short], w)
                assert scores.clause_scores(long, short) == exact
                for bar in (0.45, 0.5):
                    fresh = PairScores(units, w)  # not filled by the exact call above
                    limited = fresh.clause_scores_at_least(long, short, bar)
                    for e, x in zip(exact, limited):
                        assert (e >= bar) == (x >= bar)
                        if e >= bar:
                            assert e == x
                    compared += 1
    assert compared > 100
