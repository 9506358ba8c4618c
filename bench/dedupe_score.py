"""Scoring predicted duplicate groups against labels (removal convention, pairwise, false merges)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations


@dataclass
class Score:
    records: int
    to_remove: int
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0
    pair_precision: float = 1.0
    pair_recall: float = 1.0

    @property
    def sensitivity(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def specificity(self) -> float:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 1.0


def _pairs(groups: list[set[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}


def score_groups(ids: list[str], predicted: list[set[str]], truth: list[set[str]]) -> Score:
    """Each predicted group keeps one record of its largest true work; records of other works in it are
    false merges (FP); a true work kept k times adds k - 1 missed duplicates (FN)."""
    work = {i: i for i in ids}
    for g in truth:
        label = min(g)
        for i in g:
            work[i] = label
    score = Score(records=len(ids), to_remove=sum(len(g) - 1 for g in truth))
    kept: Counter[str] = Counter()
    grouped = set()
    for g in predicted:
        grouped |= g
        counts = Counter(work[i] for i in g)
        main, n_main = counts.most_common(1)[0]
        score.tp += n_main - 1
        score.fp += len(g) - n_main
        kept[main] += 1
        for other in counts:
            if other != main:
                kept[other] += 0
    for i in ids:
        if i not in grouped:
            kept[work[i]] += 1
    for k in kept.values():
        if k >= 1:
            score.tn += 1
            score.fn += k - 1
    true_pairs, predicted_pairs = _pairs(truth), _pairs(predicted)
    hit = len(true_pairs & predicted_pairs)
    score.pair_precision = hit / len(predicted_pairs) if predicted_pairs else 1.0
    score.pair_recall = hit / len(true_pairs) if true_pairs else 1.0
    return score


def score_membership(ids: list[str], predicted: list[set[str]], flagged: set[str]) -> tuple[float, float]:
    """Sensitivity and specificity when labels only flag every member of a duplicate set."""
    members = set().union(*predicted) if predicted else set()
    sens = len(members & flagged) / len(flagged) if flagged else 1.0
    unflagged = set(ids) - flagged
    spec = len(unflagged - members) / len(unflagged) if unflagged else 1.0
    return sens, spec


def score_with_person(ids: list[str], predicted: list[set[str]], queued: list[tuple[str, str]],
                      truth: list[set[str]]) -> tuple[Score, int]:
    """The score after a person confirms every queued pair the labels call one work (and rejects the
    rest), and how many queued pairs those were: what the possible queue adds to automatic grouping."""
    work = {i: min(g) for g in truth for i in g}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for g in predicted:
        first, *rest = list(g)
        for x in rest:
            parent[find(x)] = find(first)
    confirmed = [(a, b) for a, b in queued if a in work and work[a] == work.get(b)]
    for a, b in confirmed:
        parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    return score_groups(ids, list(groups.values()), truth), len(confirmed)
