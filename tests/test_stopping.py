"""The stopping estimate: a hypothesis test that keeps its promise over many simulated reviews."""
import numpy as np
import pytest
from scipy.stats import hypergeom

from review.ranking import stopping
from review.store.errors import Invalid


def stop_recalls(total, relevant, screened_before, found_before, target, confidence, seeds):
    """For each seed, sample the rest at random until the test says stop; return recall at the stop."""
    pool = total - screened_before
    left = relevant - found_before
    recalls = []
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        sample = rng.permutation(np.r_[np.ones(left, int), np.zeros(pool - left, int)])
        found_in_sample = np.cumsum(sample)
        at = pool - 1
        for start in range(0, pool, 100):  # evaluate the test in chunks, as screening would go on
            sizes = np.arange(start + 1, min(start + 100, pool) + 1)
            found = found_in_sample[sizes - 1]
            least = np.floor((found_before + found) / target - found_before) + 1
            p = np.where(least > pool, 0.0, hypergeom.cdf(found, pool, np.minimum(least, pool), sizes))
            stop = np.flatnonzero(p < 1 - confidence)
            if stop.size:
                at = sizes[stop[0]] - 1
                break
        recalls.append((found_before + found_in_sample[at]) / relevant)
    return np.array(recalls)


@pytest.mark.parametrize("found_before", [50, 54, 56])
def test_stopping_early_is_no_more_frequent_than_the_confidence_level_allows(found_before):
    # 60 relevant records: recall is below 95 % until the 57th is found
    recalls = stop_recalls(1000, 60, 400, found_before, target=0.95, confidence=0.95, seeds=200)
    missed = (recalls < 0.95).mean()
    # 5 % allowed; 200 runs give a standard error of about 1.5 points
    assert missed <= 0.05 + 0.035


def test_the_test_stops_well_before_the_end_once_everything_is_found():
    recalls = stop_recalls(1000, 60, 400, 60, target=0.95, confidence=0.95, seeds=50)
    assert (recalls == 1.0).all()
    first = stopping.estimate(1000, 400, 60, 0, 0)
    assert 0 < first.more_records < 600 * 0.6  # 316: about half the remaining records


def test_more_records_needed_is_exactly_where_the_test_would_stop():
    before = stopping.estimate(5000, 800, 60, 100, 0, target=0.95, confidence=0.9)
    assert not before.reached and before.more_records > 0
    after = stopping.estimate(5000, 800, 60, 100 + before.more_records, 0, target=0.95, confidence=0.9)
    short = stopping.estimate(5000, 800, 60, 99 + before.more_records, 0, target=0.95, confidence=0.9)
    assert after.reached and after.more_records == 0
    assert not short.reached


def test_finding_relevant_records_in_the_sample_asks_for_more_screening():
    quiet = stopping.estimate(5000, 800, 60, 200, 0)
    busy = stopping.estimate(5000, 800, 60, 200, 3)
    assert busy.p_value > quiet.p_value
    assert busy.more_records > quiet.more_records


def test_everything_screened_means_the_target_is_reached():
    assert stopping.estimate(100, 40, 5, 60, 1).reached


def test_impossible_numbers_are_refused_with_a_clear_error():
    with pytest.raises(Invalid, match="between 0 and 1"):
        stopping.estimate(100, 10, 1, 0, 0, target=95)
    with pytest.raises(Invalid, match="do not fit"):
        stopping.estimate(100, 90, 1, 20, 0)
