"""Replay a screening with known labels as the oracle, the way a person would live it.

The model only ever sees labels of records already screened: the next record is always the best
one by the ranking trained on what has been screened so far. To stay fast on large files the
model retrains after every decision while few records are screened and after every include, and
otherwise once every `labelled // 100` decisions (so at most about 1 % of the screened records
can be read on a slightly older ranking); see `needs_retrain`.
"""
from __future__ import annotations

import csv
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from review.ranking import model as ranking
from review.store import Invalid

LABEL_COLUMNS = ("label_included", "included")


@dataclass
class Dataset:
    """A labelled file: one text and one 0/1 label per row."""

    texts: list[str]
    labels: np.ndarray
    name: str = ""


@dataclass
class Result:
    """What one simulated screening produced."""

    order: np.ndarray                  # row indices in the order screened (priors first)
    labels: np.ndarray                 # labels in that order
    n_priors: int
    retrain_ms: list[float] = field(default_factory=list)

    @property
    def mean_retrain_ms(self) -> float:
        return float(np.mean(self.retrain_ms)) if self.retrain_ms else 0.0


def read_dataset(path: str | Path, settings: ranking.Settings = ranking.DEFAULT) -> Dataset:
    """Read DATA.csv (title, abstract, optional keywords, label_included or included)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            label_column = next((c for c in LABEL_COLUMNS if c in columns), None)
            if label_column is None or "title" not in columns:
                raise Invalid(f"{path}: needs a 'title' column and a label column "
                              f"({' or '.join(LABEL_COLUMNS)}); found {', '.join(columns) or 'none'}",
                              "error.simulation.columns", file=path, labels=" or ".join(LABEL_COLUMNS),
                              found=", ".join(columns) or "none")
            texts, labels = [], []
            for row in reader:
                labels.append(_label(row.get(label_column), path, reader.line_num, label_column))
                texts.append(ranking.record_text(row.get("title"), row.get("abstract"), row.get("keywords"), settings))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise Invalid(f"{path}: cannot read it as UTF-8 CSV ({exc})",
                      "error.simulation.unreadable", file=path, problem=exc) from exc
    if not texts:
        raise Invalid(f"{path}: has no records", "error.simulation.empty", file=path)
    return Dataset(texts, np.array(labels, dtype=np.int8), path.name)


def _label(value: str | None, path: Path, line: int, column: str) -> int:
    text = (value or "").strip()
    if text in ("0", "1", "0.0", "1.0"):
        return int(float(text))
    raise Invalid(f"{path}, line {line}: {column} must be 0 or 1, found {text!r}",
                  "error.simulation.bad_label", file=path, line=line, column=column, value=text)


def pick_priors(labels: np.ndarray, rng: np.random.Generator, included: int, excluded: int) -> list[int]:
    """Random prior knowledge: that many known includes and excludes, as ASReview does."""
    chosen = []
    for value, count in ((1, included), (0, excluded)):
        pool = np.flatnonzero(labels == value)
        if count > len(pool):
            raise Invalid(f"asked for {count} prior records with label {value}, the file has {len(pool)}",
                          "error.simulation.too_few_priors", count=count, label=value, available=len(pool))
        chosen.extend(int(i) for i in rng.choice(pool, size=count, replace=False))
    return chosen


def prior_rows(labels: np.ndarray, seed: int, included: int = 1, excluded: int = 1) -> list[int]:
    """The prior records `simulate` starts from with this seed (its generator's first draws).

    Give them to ASReview (`asreview simulate DATA.csv --prior-idx ROWS --seed S`) and both tools
    start from the same records: bench/ranking.py compares them that way.
    """
    return pick_priors(labels, np.random.default_rng(seed), included, excluded)


DENSE_UNTIL = 200   # retrain after every decision while fewer records than this are screened
STALE_SHARE = 100   # then after every include and every screened // STALE_SHARE decisions


def needs_retrain(labelled: int, since_retrain: int, last_label: int,
                  dense_until: int = DENSE_UNTIL, stale_share: int = STALE_SHARE) -> bool:
    """Retrain after every include, and after every decision until ~1 % of the screened are stale."""
    if labelled < dense_until or last_label == 1:
        return True
    return since_retrain >= max(1, labelled // stale_share)


def simulate(data: Dataset, seed: int = 0, prior_included: int = 1, prior_excluded: int = 1,
             settings: ranking.Settings = ranking.DEFAULT, features=None,
             dense_until: int = DENSE_UNTIL, stale_share: int = STALE_SHARE,
             priors: Sequence[int] | None = None) -> Result:
    """Screen every record: priors first, then always the best-ranked unscreened record.

    The priors are drawn with the seed, unless given as row indices (to replay another tool's draw).
    """
    rng = np.random.default_rng(seed)
    n = len(data.labels)
    if features is None:
        features = ranking.build_features(data.texts, settings)
    if priors is None:
        priors = pick_priors(data.labels, rng, prior_included, prior_excluded)
    elif len(set(priors)) != len(priors) or not all(0 <= row < n for row in priors):
        raise Invalid(f"prior rows must be distinct row indices from 0 to {n - 1}; got {list(priors)}",
                      "error.simulation.bad_priors", last=n - 1, given=list(priors))
    priors = [int(row) for row in priors]
    order = list(priors)
    screened = np.zeros(n, dtype=bool)
    screened[priors] = True
    queue = list(rng.permutation(np.flatnonzero(~screened)))  # random until both classes are seen
    timings: list[float] = []
    since = math.inf
    while len(order) < n:
        labels_seen = data.labels[order]
        if ranking.can_train(labels_seen) and needs_retrain(len(order), since, int(labels_seen[-1]),
                                                                       dense_until, stale_share):
            started = time.perf_counter()
            scores = ranking.train_scores(features, order, labels_seen, settings)
            queue = list(ranking.rank_unscreened(scores, screened)[::-1])  # pop() takes the best
            timings.append((time.perf_counter() - started) * 1000)
            since = 0
        row = _next_unscreened(queue, screened)
        screened[row] = True
        order.append(int(row))
        since += 1
    order_arr = np.array(order, dtype=np.int64)
    return Result(order_arr, data.labels[order_arr], len(priors), timings)


def _next_unscreened(queue: list, screened: np.ndarray) -> int:
    while screened[queue[-1]]:
        queue.pop()
    return queue.pop()


def wss(labels_in_order: np.ndarray, n_priors: int, recall: float = 0.95) -> float:
    """Work saved over sampling at a recall level, exactly as ASReview-insights computes it.

    Priors are left out. As in insights, the level used is the highest recall level k / n_pos
    that does not exceed `recall` (with 15 inclusions, 14 of them: 93 %); with a single
    inclusion it is that one. The README's ASReview figures were computed this way, so Sil's
    must be too for the comparison to mean anything.
    """
    labels = np.asarray(labels_in_order[n_priors:])
    n_docs, n_pos = len(labels), int(labels.sum())
    if n_pos == 0:
        return 0.0
    found = np.cumsum(labels)
    found_random = np.round(np.linspace(0, n_pos, n_docs))
    levels = np.arange(1, n_pos + 1)
    earlier = np.searchsorted(found_random, levels) - np.searchsorted(found, levels)
    return float(earlier[_last_at_most(levels / n_pos, recall)]) / n_docs


def recall_at(labels_in_order: np.ndarray, n_priors: int, share: float = 0.10) -> float:
    """Share of inclusions found after screening that share of records (priors left out), as insights does."""
    labels = np.asarray(labels_in_order[n_priors:])
    n_docs, n_pos = len(labels), int(labels.sum())
    if n_pos == 0:
        return 0.0
    shares = np.arange(1, n_docs + 1) / n_docs
    if share < shares[0]:
        return 0.0
    return float(np.cumsum(labels)[_last_at_most(shares, share)]) / n_pos


def _last_at_most(x: np.ndarray, intercept: float) -> int:
    """Index of the last x not above intercept (insights' _slice_metric, its wrap-around to the end included)."""
    return int(np.searchsorted(x, intercept, side="right")) - 1


def records_to_recall(labels_in_order: np.ndarray, recall: float = 0.95) -> int:
    """How many records (priors included) a person screens before reaching that recall."""
    labels = np.asarray(labels_in_order)
    target = math.ceil(recall * int(labels.sum()) - 1e-10)
    return int(np.searchsorted(np.cumsum(labels), target) + 1) if target else 0


def write_order(result: Result, path: str | Path) -> None:
    """ORDER.csv: position (1-based), row (0-based row in DATA.csv), label."""
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["position", "row", "label"])
        for position, (row, label) in enumerate(zip(result.order, result.labels), start=1):
            writer.writerow([position, int(row), int(label)])


def run(args) -> str:
    """Simulate from parsed arguments, write ORDER.csv if asked, return the report to print."""
    data = read_dataset(args.data)
    result = simulate(data, args.seed, args.prior_included, args.prior_excluded)
    if args.out:
        write_order(result, args.out)
    lines = [
        f"records: {len(result.order)}, inclusions: {int(data.labels.sum())}, seed {args.seed}",
        f"prior rows (0-based): {' '.join(str(int(row)) for row in result.order[:result.n_priors])}",
        f"WSS@95: {100 * wss(result.labels, result.n_priors):.1f} %",
        f"recall@10%: {100 * recall_at(result.labels, result.n_priors):.1f} %",
        f"records screened to 95 % recall: {records_to_recall(result.labels)}",
        f"mean ms per retrain: {result.mean_retrain_ms:.1f} ({len(result.retrain_ms)} retrains)",
    ]
    if getattr(args, "stop", None):
        from review.ranking.replay import stop_line

        lines.append(stop_line(args.stop, result.labels, args.seed))  # the method sees each prefix of 100s only
    return "\n".join(lines)

