"""Stopping methods that read the ranked screening already done, and the heuristics the benchmark compares.

The random-sample test stays in review/stopping.py (the safe fallback), the counting process and
the default, `ranked-or-curve` (the ranked test here, or the counting process backed by it), in
review/stopping_curve.py. This module adds:

- `ranked`: Callaghan and Müller-Hansen's test applied to the ranked screening itself, as their
  package buscar does it (`calculate_h0`, bias 1). The records screened last, the last j of them,
  are treated as a random sample from the pool made of those j records and every record not yet
  screened. Under the null hypothesis "recall is below the target", that pool holds at least K
  relevant records (K is the fewest that keep recall below the target given what was found); the
  p-value is the hypergeometric chance of finding as few relevant records in the j as we did. If
  the ranking puts relevant records first at least as often as a random order would, the j are
  richer than a random sample and the true chance is smaller still, so the test errs on the safe
  side. It is computed for every window j and the smallest p-value counts (`ranked`), or for the
  windows 50, 100, 200, 400, ... and all, with a Bonferroni correction for those several looks
  (`ranked-bonferroni`).
- heuristics without a guarantee, for the benchmark and the simulation only: `irrelevant-in-a-row`
  (ASReview's data-driven stop), `safe` (the SAFE procedure's phase 2 heuristics), and `knee`
  (Cormack and Grossman 2016).

Every function reads only the labels screened so far (0/1, in the order screened) and the number
of records to screen; none of them knows the records' true labels.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import hypergeom

from review.store import Invalid

DEFAULT_METHOD = "ranked-or-curve"  # chosen by bench/stopping.py: it meets the bar and saves the most
# name -> (has a statistical guarantee, catalogue keys of its assumptions)
METHODS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "ranked-or-curve": (True, ("stopping.assumption_either", "stopping.assumption_ranked", "stopping.assumption_curve",
                               "stopping.assumption_curve_min", "stopping.assumption_correct", "stopping.assumption_scope")),
    "ranked": (True, ("stopping.assumption_ranked", "stopping.assumption_windows", "stopping.assumption_correct",
                      "stopping.assumption_scope")),
    "ranked-bonferroni": (True, ("stopping.assumption_ranked", "stopping.assumption_windows",
                                 "stopping.assumption_correct", "stopping.assumption_scope")),
    "random": (True, ("stopping.assumption_random", "stopping.assumption_correct", "stopping.assumption_scope")),
}
HEURISTICS = ("irrelevant-100", "safe", "knee")  # no guarantee: simulation and benchmark only
BATCH = 100  # a check after every 100 decisions in the simulation and the benchmark


@dataclass(frozen=True)
class RankedCheck:
    """The ranked test's answer for the records screened so far."""

    method: str
    reached: bool                # recall is at least the target with the asked confidence
    p_value: float               # smallest (corrected) p-value over the windows
    window: int                  # the window (last records screened) that gave it
    recall_at_least: float       # lower confidence bound on recall at the asked confidence
    most_left: int               # with that confidence, at most this many relevant records remain
    more_records: int            # irrelevant records still to screen, in ranked order, before it says stop
    screened: int
    found: int
    remaining: int               # records not screened yet


def missing_under_null(found: int, target: float) -> int:
    """The fewest relevant records left unscreened for recall to be below the target."""
    return math.floor(round(found / target, 9)) - found + 1


def ranked_p_value(labels: Sequence[int], total: int, target: float = 0.95, grid: bool = False) -> float:
    """The ranked test's p-value alone (what the benchmark needs after every batch)."""
    array = np.asarray(labels, dtype=np.int8)
    if len(array) >= total:
        return 0.0
    return _p_min(array, total, missing_under_null(int(array.sum()), target), grid)[0]


def _windows(labels: np.ndarray, grid: bool) -> np.ndarray:
    """Window sizes (the last j records) to test.

    All windows: for a fixed number of relevant records in it, a longer window gives a smaller
    p-value, so only the longest window before each relevant record (and the whole) can be the
    smallest: those are the candidates. The grid: 50, 100, 200, ... below n, and n.
    """
    n = len(labels)
    if grid:
        sizes = [50 * 2 ** i for i in range(40) if 50 * 2 ** i < n]
        return np.array(sizes + [n], dtype=np.int64)
    back = np.flatnonzero(labels[::-1])  # i: the record i back from the last is relevant -> window i
    return np.unique(np.r_[back[back > 0], n]).astype(np.int64)


def _p_min(labels: np.ndarray, total: int, missing: int, grid: bool) -> tuple[float, int]:
    """min over windows of P(as few relevant in the window | `missing` relevant left unscreened)."""
    n = len(labels)
    left = total - n
    if n == 0:
        return 1.0, 0
    windows = _windows(labels, grid)
    in_window = np.cumsum(labels[::-1])[windows - 1]
    relevant_in_pool = missing + in_window
    pool = left + windows
    p = np.where(relevant_in_pool > pool, 0.0,
                 hypergeom.cdf(in_window, pool, np.minimum(relevant_in_pool, pool), windows))
    if grid:
        p = np.minimum(1.0, p * len(windows))  # Bonferroni over the windows looked at
    best = int(np.argmin(p))
    return float(p[best]), int(windows[best])


def ranked_check(labels: Sequence[int], total: int, target: float = 0.95, confidence: float = 0.95,
                 grid: bool = False) -> RankedCheck:
    """The ranked test on the labels screened so far, in the order screened (1 relevant, 0 not)."""
    array = labels_checked(labels, total, target, confidence)
    n, found = len(array), int(array.sum())
    left = total - n
    method = "ranked-bonferroni" if grid else "ranked"
    if left == 0:
        return RankedCheck(method, True, 0.0, n, 1.0, 0, 0, n, found, 0)
    alpha = 1.0 - confidence
    p, window = _p_min(array, total, missing_under_null(found, target), grid)
    most_left = _most_left(array, total, alpha, grid)
    recall_at_least = found / (found + most_left) if found + most_left else 0.0
    return RankedCheck(method, p < alpha, p, window, recall_at_least, most_left,
                       _more_records(array, total, target, alpha, grid), n, found, left)


def _most_left(labels: np.ndarray, total: int, alpha: float, grid: bool) -> int:
    """The largest number of relevant records that may still be unscreened (the test rejects one more)."""
    left = total - len(labels)
    if _p_min(labels, total, left, grid)[0] >= alpha:
        return left
    low, high = 1, left  # smallest m whose "at least m left" is rejected; p falls as m grows
    while low < high:
        middle = (low + high) // 2
        if _p_min(labels, total, middle, grid)[0] < alpha:
            high = middle
        else:
            low = middle + 1
    return low - 1


def _more_records(labels: np.ndarray, total: int, target: float, alpha: float, grid: bool) -> int:
    """How many more records, none of them relevant, until the test says stop (binary search)."""
    left = total - len(labels)
    missing = missing_under_null(int(labels.sum()), target)

    def passes(extra: int) -> bool:
        return extra >= left or _p_min(np.r_[labels, np.zeros(extra, np.int8)], total, missing, grid)[0] < alpha

    if passes(0):
        return 0
    low, high = 1, left
    while low < high:
        middle = (low + high) // 2
        if passes(middle):
            high = middle
        else:
            low = middle + 1
    return low


def labels_checked(labels: Sequence[int], total: int, target: float, confidence: float) -> np.ndarray:
    if not 0 < target < 1 or not 0 < confidence < 1:
        raise Invalid("the recall target and the confidence level must lie between 0 and 1 (e.g. 0.95)")
    array = np.asarray(labels, dtype=np.int8).ravel()
    if array.size and (array.min() < 0 or array.max() > 1):
        raise Invalid("screening labels must be 0 (excluded) or 1 (included)")
    if len(array) > total:
        raise Invalid(f"{len(array)} records screened, but only {total} to screen")
    return array


# Heuristics without a guarantee, compared in bench/stopping.py and offered by `run.py simulate --stop`.

def irrelevant_in_a_row(labels: Sequence[int], run: int = 100) -> bool:
    """ASReview's data-driven stop: the last `run` records screened were all irrelevant."""
    array = np.asarray(labels)
    return len(array) >= run and not array[-run:].any()


def safe(labels: Sequence[int], total: int) -> bool:
    """The SAFE procedure's phase 2 stop (Boetje and van de Schoot 2024): at least 10 % screened and
    50 irrelevant records in a row. (Its other checks need a random training set and a second model,
    which the replay does not have.)"""
    return len(labels) >= 0.1 * total and irrelevant_in_a_row(labels, 50)


def knee(labels: Sequence[int]) -> bool:
    """Cormack and Grossman's (2016) knee method: the slope before the knee of the gain curve is at
    least 156 - min(relevant at the knee, 150) times the slope after it, from rank 150 on
    (as Sneyd and Stevenson's implementation: target ratio 6, low-relevance adjustment 150)."""
    array = np.asarray(labels, dtype=np.int64)
    s = len(array)
    if s < 150:
        return False
    gain = np.cumsum(array)
    if gain[-1] == 0:
        return False
    ranks = np.arange(1, s + 1)
    slope = gain[-1] / s
    i = int(np.argmax(np.abs(slope * ranks - gain))) + 1  # the knee: farthest from the line to (s, gain)
    if i >= s:
        return False
    rho = (gain[i - 1] / i) / ((1 + gain[-1] - gain[i - 1]) / (s - i))
    return bool(rho >= 156 - min(int(gain[i - 1]), 150))
