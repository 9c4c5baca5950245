"""The merge against annotated expectations: the seeds and hand-written corpora.

Every metric asserts the bar from the brief. Where the merge is known to fall
short on one corpus, the test is an explicit xfail naming the shortfall (it
still runs, and passes the day the merge gets there)."""

from __future__ import annotations

import pytest

from tests.scoring import expectation_files, heldout_files, score

CASES = expectation_files()
# Corpora written by someone else and never tuned on (tests/heldout/): the same bar.
HELDOUT = heldout_files()

# metric -> corpora where the bar is not met yet (see the report / tests/scoring.py -v)
KNOWN_SHORTFALLS: dict[str, dict[str, str]] = {}


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def scored(request):
    name, content, spec = request.param
    return score(name, content, spec)


def check(ok: bool, scored, metric: str, detail) -> None:
    if not ok and scored.name in KNOWN_SHORTFALLS.get(metric, {}):
        pytest.xfail(f"{scored.name}: {KNOWN_SHORTFALLS[metric][scored.name]} ({scored.line()})")
    assert ok, detail


def test_every_corpus_is_annotated():
    assert len(CASES) >= 3, "the seeds and at least two hand-written corpora"


def test_fact_recall(scored):
    check(scored.recall >= 0.9, scored, "recall", (scored.line(), scored.missing))


def test_citation_coverage(scored):
    check(scored.coverage >= 0.9, scored, "coverage", scored.line())


def test_wrong_citations(scored):
    check(scored.wrong_rate <= 0.05, scored, "wrong", (scored.line(), scored.wrong_examples))


def test_no_duplicate_claims(scored):
    check(scored.duplicates == 0, scored, "duplicates", (scored.line(), scored.duplicate_examples))


def test_no_furniture(scored):
    assert not scored.furniture, scored.furniture


def test_commentary_never_shown_as_fact(scored):
    assert not scored.commentary_as_fact, scored.commentary_as_fact


def test_expected_discrepancies(scored):
    assert scored.discrepancies_found == scored.discrepancies, scored.line()


def test_quotes_verbatim(scored):
    assert not scored.not_verbatim, scored.not_verbatim


@pytest.mark.parametrize("name,content,spec", HELDOUT, ids=[h[0] for h in HELDOUT])
def test_heldout_corpus_meets_the_bar(name, content, spec):
    sc = score(name, content.resolve(), spec.resolve())
    assert sc.recall >= 0.9, (sc.line(), sc.missing)
    assert sc.coverage >= 0.9, sc.line()
    assert sc.wrong_rate <= 0.05, (sc.line(), sc.wrong_examples)
    assert sc.duplicates == 0, (sc.line(), sc.duplicate_examples)
    assert not sc.furniture, sc.furniture
    assert not sc.commentary_as_fact, sc.commentary_as_fact
    assert sc.discrepancies_found == sc.discrepancies, sc.line()
    assert not sc.not_verbatim, sc.not_verbatim
