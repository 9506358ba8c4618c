"""Apply a stopping method to a replayed screening: where it would have told the lead to stop.

Used by `run.py simulate --stop METHOD` and bench/stopping.py. Every method is checked after every
100 decisions (`stopping_methods.BATCH`) and sees only the labels screened so far. The
random-sample test needs its own order once sampling begins: the replay begins it at the first
check where the last 100 ranked decisions brought no inclusion (the stopping page's advice, "when
the prioritised queue brings few inclusions") and serves the rest in a random order drawn with
the seed.
"""
from __future__ import annotations

import math

import numpy as np

from review.ranking import stopping
from review.ranking import stopping_curve as curve
from review.ranking import stopping_methods as sm
from review.store import Invalid

NAMES = ("ranked-or-curve", "ranked", "curve", "ranked-bonferroni", "random", "target", "irrelevant-100", "safe",
         "knee", "none")


def stop_point(method: str, labels: np.ndarray, seed: int = 0, target: float = 0.95,
               confidence: float = 0.95, backing: float = curve.BACKING) -> tuple[int, int]:
    """(records screened, inclusions found) where `method` stops on this order of labels (priors included)."""
    labels = np.asarray(labels, dtype=np.int8)
    total = len(labels)
    if method not in NAMES:
        raise Invalid(f"unknown stopping method {method!r}; choose one of {', '.join(NAMES)}")
    if method == "none":
        return total, int(labels.sum())
    if method == "random":
        return random_sample_stop(labels, seed, target, confidence)
    if method == "target":
        return target_method_stop(labels, seed, target, confidence)
    alpha = 1 - confidence
    for n in range(sm.BATCH, total, sm.BATCH):
        seen = labels[:n]
        if method == "ranked-or-curve" and curve.combined_reached(seen, total, target, confidence, backing):
            return n, int(seen.sum())
        if method == "ranked" and sm.ranked_p_value(seen, total, target) < alpha:
            return n, int(seen.sum())
        if method == "curve" and curve.curve_reached(seen, total, target, confidence):
            return n, int(seen.sum())
        if method == "ranked-bonferroni" and sm.ranked_p_value(seen, total, target, grid=True) < alpha:
            return n, int(seen.sum())
        if method == "irrelevant-100" and sm.irrelevant_in_a_row(seen, 100):
            return n, int(seen.sum())
        if method == "safe" and sm.safe(seen, total):
            return n, int(seen.sum())
        if method == "knee" and sm.knee(seen):
            return n, int(seen.sum())
    return total, int(labels.sum())


def random_sample_stop(labels: np.ndarray, seed: int, target: float = 0.95,
                       confidence: float = 0.95) -> tuple[int, int]:
    """Sil's random-sample test: ranked until a batch of 100 brings no inclusion, then the rest at random."""
    total = len(labels)
    begin = next((n for n in range(2 * sm.BATCH, total, sm.BATCH) if not labels[n - sm.BATCH:n].any()), total)
    if begin >= total:
        return total, int(labels.sum())
    rest = np.random.default_rng(10_000 + seed).permutation(labels[begin:])
    before, pool = int(labels[:begin].sum()), total - begin
    for size in range(sm.BATCH, pool, sm.BATCH):
        found = int(rest[:size].sum())
        if stopping.p_value(pool, before, size, found, target) < 1 - confidence:
            return begin + size, before + found
    return total, int(labels.sum())


def target_method_stop(labels: np.ndarray, seed: int, target: float = 0.95,
                       confidence: float = 0.95) -> tuple[int, int]:
    """Cormack and Grossman's target method (2016), as Sneyd and Stevenson compute it: screen records at random
    until the target set holds ceil(-ln(1 - confidence) / (1 - target)) inclusions (60 for 95 % and 95 %), then
    screen in ranked order until every record of the target set is reached. Every record looked at counts, the
    random ones too. With fewer inclusions than that in the whole list, everything is screened. (The ranking is
    the replay's, which did not learn from the random records: a small advantage to the method.)"""
    total = len(labels)
    size = math.ceil(-math.log(1 - confidence) / (1 - target))
    order = np.random.default_rng(20_000 + seed).permutation(total)
    hits = np.flatnonzero(labels[order])
    if len(hits) < size:
        return total, int(labels.sum())
    sampled = order[: hits[size - 1] + 1]
    reach = int(sampled[labels[sampled] == 1].max()) + 1  # ranked screening down to the last target record
    looked = np.zeros(total, dtype=bool)
    looked[sampled] = True
    looked[:reach] = True
    return int(looked.sum()), int(labels[looked].sum())


def stop_line(method: str, labels: np.ndarray, seed: int = 0) -> str:
    """The last line of `run.py simulate --stop`: where it stopped and the recall there."""
    screened, found = stop_point(method, labels, seed)
    relevant = int(np.asarray(labels).sum())
    recall = found / relevant if relevant else 1.0
    return f"stop: {screened} of {len(labels)} records screened, recall {recall:.3f}"
