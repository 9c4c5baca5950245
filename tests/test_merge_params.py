"""The orderings the merge's thresholds rely on (factsheet/merge/params.py)."""

from factsheet.merge import params as P


def test_a_core_is_harder_to_found_than_a_claim_is_to_join():
    assert 0 < P.JOIN_BAR < P.CORE_BAR < 1


def test_rivals_are_found_below_the_grouping_bars():
    # rival values lower the similarity of what is otherwise one statement
    assert 0 < P.DISCREPANCY_CORE_BAR <= P.JOIN_BAR


def test_penalties_only_lower_a_similarity():
    for factor in (P.PREDICATE_MISMATCH_FACTOR, P.OTHER_EVENT_FACTOR, P.REFERENCE_VALUE_FACTOR, P.APPROX_VALUE_CREDIT):
        assert 0 < factor < 1
    # a value inside a wide range is weaker evidence than one a bound or rounding allows
    assert 0 < P.WIDE_RANGE_CREDIT < P.APPROX_VALUE_CREDIT and P.WIDE_RANGE_RATIO > 1
    # a pair of different events falls below the join bar even when its words are the same
    assert P.OTHER_EVENT_FACTOR < P.JOIN_BAR


def test_two_claims_merge_only_when_alike():
    assert P.JOIN_BAR <= P.CLAIM_MERGE_BAR <= 1
    # a rival pair whose one side restates the other's claim core needs less likeness
    # of its own than two cores do, but no less than a disagreement needs
    assert P.DISCREPANCY_CORE_BAR <= P.RIVAL_JOIN_CORE <= P.RIVAL_MERGE_CORE <= 1


def test_weights_and_tolerances_are_sane():
    assert P.WEIGHT_SCALE > 0 and P.WEIGHT_CAP > 0 and P.ZIPF_COMMON > P.NAME_MAX_ZIPF > 0
    assert 0 < P.ABOUT_TOLERANCE < P.OPEN_BOUND_REACH < 1
    assert P.MIN_SHARED_FEATURES >= 1 and 0 < P.SHARED_FEATURE_MIN_WEIGHT < P.BLOCK_MIN_WEIGHT
    assert 0 < P.OVERLAP_SHARE < 1 and P.PREDICATE_BOOST >= 1
    assert all(w > 0 for w in P.QUANTITY_WEIGHT.values())


def test_blocking_keeps_enough_candidates_for_every_source():
    assert P.BLOCK_KEYS >= 2 and P.MAX_CANDIDATES >= 10
    assert P.SINGLE_KEY_POSTINGS >= P.MAX_CANDIDATES and P.PAIR_KEY_POSTINGS >= P.MAX_CANDIDATES
    # a magnitude bucket is no wider than the reach of a hedge, or it pairs values no hedge allows
    assert 0 < P.VALUE_BUCKET_RATIO <= P.ABOUT_TOLERANCE and 1 - P.OPEN_BOUND_REACH < P.VALUE_BUCKET_FLOOR < 1


def test_events_need_many_articles():
    assert 0.5 < P.SINGLE_EVENT_SHARE < 1 and P.SEVERAL_EVENTS_MIN_ARTICLES >= 10
