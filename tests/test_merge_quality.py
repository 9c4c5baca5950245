"""The merge against annotated expectations: the seeds and hand-written corpora."""

from __future__ import annotations

import pytest

from tests.scoring import expectation_files, score

CASES = expectation_files()


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def scored(request):
    name, content, spec = request.param
    return score(name, content, spec)


def test_every_corpus_is_annotated():
    assert len(CASES) >= 3, "the seeds and at least two hand-written corpora"


def test_fact_recall(scored):
    assert scored.recall >= 0.9, (scored.line(), scored.missing)


def test_citation_coverage(scored):
    assert scored.coverage >= 0.9, scored.line()


def test_wrong_citations(scored):
    assert scored.wrong_rate <= 0.05, (scored.line(), scored.wrong_examples)


def test_no_duplicate_claims(scored):
    assert scored.duplicates == 0, (scored.line(), scored.duplicate_examples)


def test_no_furniture(scored):
    assert not scored.furniture, scored.furniture


def test_commentary_never_shown_as_fact(scored):
    assert not scored.commentary_as_fact, scored.commentary_as_fact


def test_expected_discrepancies(scored):
    assert scored.discrepancies_found == scored.discrepancies, scored.line()


def test_quotes_verbatim(scored):
    assert not scored.not_verbatim, scored.not_verbatim
