"""When is it safe to stop screening? A hypothesis test on a random sample of the remaining records.

Method: Callaghan and Müller-Hansen (2020), "Statistical stopping criteria for automated
screening in systematic reviews", Systematic Reviews 9:273. After screening in ranked order the
team switches to screening the remaining records in random order. The null hypothesis is "recall
is still below the target". If it were, the pool that was left when random sampling began would
hold at least K relevant records, where K is the smallest number that keeps recall below the
target. The chance of finding as few relevant records as we did in a random sample of that pool
is a hypergeometric tail probability; when it drops below 1 - confidence we reject the null
hypothesis and may stop. Using the smallest K makes the test conservative.

Assumptions, in plain words (shown to the lead, see ASSUMPTIONS):
- the records screened since sampling began were drawn at random from those left at that moment
  (Sil serves them in random order while sampling is on);
- a record's decision is final and correct (reviewer mistakes are not modelled);
- "relevant" means included at this stage: recall is about the records screened here, not about
  studies missed by the searches.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from scipy.stats import hypergeom

from review.store import Invalid

ASSUMPTIONS = (
    "stopping.assumption_random",
    "stopping.assumption_correct",
    "stopping.assumption_scope",
)


@dataclass(frozen=True)
class Estimate:
    """The test's answer at this moment."""

    reached: bool            # the recall target is reached with the asked confidence
    p_value: float | None    # chance of a sample this poor if recall were below the target
    more_records: int        # random records still to screen if none of them is relevant
    sample_size: int
    found_in_sample: int
    remaining: int           # records not screened yet


def p_value(pool: int, found_before: int, sample_size: int, found_in_sample: int,
            target: float) -> float:
    """P(at most found_in_sample relevant in the sample | recall < target), the test's p-value."""
    if sample_size <= 0:
        return 1.0
    found = found_before + found_in_sample
    # the fewest relevant records the pool must have held for recall to be below the target
    least_in_pool = math.floor(found / target - found_before) + 1
    if least_in_pool > pool:  # so many relevant records cannot fit: recall must already be high
        return 0.0
    return float(hypergeom.cdf(found_in_sample, pool, least_in_pool, sample_size))


def more_records_needed(pool: int, found_before: int, sample_size: int, found_in_sample: int,
                        target: float, confidence: float) -> int:
    """How many more random records, if none is relevant, until the test says stop (binary search)."""
    alpha = 1.0 - confidence
    remaining = pool - sample_size
    if p_value(pool, found_before, sample_size, found_in_sample, target) < alpha:
        return 0
    if p_value(pool, found_before, pool, found_in_sample, target) >= alpha:
        return remaining  # only screening everything settles it
    low, high = 1, remaining
    while low < high:
        middle = (low + high) // 2
        if p_value(pool, found_before, sample_size + middle, found_in_sample, target) < alpha:
            high = middle
        else:
            low = middle + 1
    return low


def estimate(total: int, screened_before: int, found_before: int, sample_size: int,
             found_in_sample: int, target: float = 0.95, confidence: float = 0.95) -> Estimate:
    """The stopping estimate: total records, what ranked screening found, what the random sample found."""
    _check(total, screened_before, found_before, sample_size, found_in_sample, target, confidence)
    pool = total - screened_before
    remaining = pool - sample_size
    if remaining == 0:
        return Estimate(True, 0.0, 0, sample_size, found_in_sample, 0)
    p = p_value(pool, found_before, sample_size, found_in_sample, target)
    more = more_records_needed(pool, found_before, sample_size, found_in_sample, target, confidence)
    return Estimate(p < 1.0 - confidence, p if sample_size else None, more, sample_size,
                    found_in_sample, remaining)


def _check(total, screened_before, found_before, sample_size, found_in_sample, target, confidence):
    if not 0 < target < 1 or not 0 < confidence < 1:
        raise Invalid("the recall target and the confidence level must lie between 0 and 1 (e.g. 0.95)",
                      "error.stopping.bad_levels")
    if not 0 <= screened_before <= total or not 0 <= sample_size <= total - screened_before:
        raise Invalid("the numbers of records screened do not fit the number of records", "error.stopping.bad_counts")
    if not 0 <= found_before <= screened_before or not 0 <= found_in_sample <= sample_size:
        raise Invalid("more relevant records than records screened", "error.stopping.too_many_relevant")
