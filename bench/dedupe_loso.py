"""Leave-one-set-out: every threshold and optional rule of duplicate detection (review/dedupe_settings.py) is
chosen on all labelled sets but one and scored on the one left out, for each set in turn.

Choosing, in this order: fewest false merges on the training sets; no training set with more possible pairs
than 5 % of its records; the highest mean sensitivity (automatic grouping); the highest mean sensitivity once a
person has decided the queued pairs; the fewest possible pairs; the fewest changes from the defaults.
Run alone: python bench/dedupe_loso.py [--quick]
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dedupe_data import BenchSet, load_all  # noqa: E402
from dedupe_score import score_groups, score_membership, score_with_person  # noqa: E402

from review.dedupe.blocking import candidate_pairs  # noqa: E402
from review.dedupe.context import mark_project  # noqa: E402
from review.dedupe.grouping import group_pairs  # noqa: E402
from review.dedupe.keys import make_keys  # noqa: E402
from review.dedupe.settings import DEFAULT, Settings, using  # noqa: E402

QUEUE_SHARE = 0.05
# stage 1: thresholds and the project-wide rules, with every optional rule on
GRID = {"same_title": (93, 95, 97), "near_title": (88, 90, 93), "possible_title": (80, 85, 90),
        "shared_doi_titles": (2, 3, 4), "recurring_years": (0, 3, 5)}
# stage 2, around the stage-1 choice: the remaining threshold and each optional rule on or off
RULES = {"full_title": (95, 97, 99), "translated": (True, False), "subtitle": (True, False), "venues": (True, False)}
QUICK_GRID = {"same_title": (95, 97), "shared_doi_titles": (2, 3), "recurring_years": (0, 3)}


@dataclass
class Result:
    """One setting on one set."""

    records: int
    false_merges: int  # records merged into another work's group (membership sets: unflagged records grouped)
    sensitivity: float
    with_person: float
    possible: int
    tp: int = 0
    fn: int = 0


class Prepared:
    """A set's records reduced to keys once; candidate pairs once per DOI rule (the only setting blocking sees)."""

    def __init__(self, bench: BenchSet):
        self.bench = bench
        rows = [{"pmid": "", "journal_abbrev": "", "language": "", **r, "id": i} for i, r in enumerate(bench.records)]
        self.ids = [r["source_id"] for r in rows]
        self.keys = [make_keys(r) for r in rows]
        self._pairs: dict[int, dict] = {}

    def run(self, settings: Settings) -> Result:
        with using(settings):
            mark_project(self.keys, settings)
            if settings.shared_doi_titles not in self._pairs:
                self._pairs[settings.shared_doi_titles] = candidate_pairs(self.keys)
            outcome = group_pairs(self.keys, self._pairs[settings.shared_doi_titles], {}, set())
        groups = [{self.ids[i] for i in g} for g in outcome.groups]
        queued = [(self.ids[i], self.ids[j]) for i, j, _, _ in outcome.possible]
        return score(self.bench, self.ids, groups, queued)


def score(bench: BenchSet, ids: list[str], groups: list[set[str]], queued: list[tuple[str, str]]) -> Result:
    """Automatic grouping against the labels, and what a person deciding the queue adds."""
    if bench.flagged is not None:
        sens, _ = score_membership(ids, groups, bench.flagged)
        wrong = len(set().union(*groups) - bench.flagged) if groups else 0
        return Result(len(ids), wrong, sens, sens, len(queued))
    s = score_groups(ids, groups, bench.groups)
    person, _ = score_with_person(ids, groups, queued, bench.groups)
    return Result(len(ids), s.fp, s.sensitivity, person.sensitivity, len(queued), s.tp, s.fn)


def grid(space: dict[str, tuple], base: Settings = DEFAULT) -> list[Settings]:
    names = list(space)
    return [replace(base, **dict(zip(names, values))) for values in itertools.product(*(space[n] for n in names))]


def changes(settings: Settings) -> dict[str, object]:
    """The values that differ from the defaults."""
    return {f.name: getattr(settings, f.name) for f in fields(Settings)
            if getattr(settings, f.name) != getattr(DEFAULT, f.name)}


def rank(results: list[Result], settings: Settings) -> tuple:
    """Sort key: smaller is better (see the module docstring)."""
    over_queue = sum(r.possible > QUEUE_SHARE * r.records for r in results)
    n = max(len(results), 1)
    return (sum(r.false_merges for r in results), over_queue, -round(sum(r.sensitivity for r in results) / n, 6),
            -round(sum(r.with_person for r in results) / n, 6), sum(r.possible for r in results),
            len(changes(settings)))


class Search:
    """Results of settings on sets, computed once and shared by every fold."""

    def __init__(self, prepared: list[Prepared]):
        self.prepared = prepared
        self.cache: dict[tuple[Settings, int], Result] = {}

    def result(self, settings: Settings, n: int) -> Result:
        if (settings, n) not in self.cache:
            self.cache[(settings, n)] = self.prepared[n].run(settings)
        return self.cache[(settings, n)]

    def choose(self, training: list[int], first: list[Settings]) -> Settings:
        def best(candidates: list[Settings]) -> Settings:
            return min(candidates, key=lambda s: rank([self.result(s, n) for n in training], s))
        chosen = best(first)
        return best(grid(RULES, chosen))


def run_loso(sets: list[BenchSet], quick: bool = False, out=print, baseline: dict[str, float] | None = None) -> dict:
    """Choose on all sets but one, score on that one, for each set; then choose on all sets. Returns figures.
    baseline: bib-dedupe's sensitivity per set in the same run, to print the targets against it."""
    started = time.perf_counter()
    search = Search([Prepared(b) for b in sets])
    first = grid(QUICK_GRID if quick else GRID)
    folds = []
    for n, bench in enumerate(sets):
        training = [m for m in range(len(sets)) if m != n]
        chosen = search.choose(training, first)
        folds.append((bench, chosen, search.result(chosen, n), search.result(DEFAULT, n)))
    final = search.choose(list(range(len(sets))), first)
    out(f"\nLeave-one-set-out ({len(search.cache)} runs of settings on sets, "
        f"{time.perf_counter() - started:.0f} s): settings chosen on the other sets, scored on the set left out")
    baseline = baseline or {}
    out(f"{'left out':36} {'records':>7} {'false merges':>12} {'sens':>6} {'bib-dedupe':>10} {'with a person':>13} "
        f"{'possible':>8} {'(% of records)':>14} {'targets':>8}  chosen (changes from the defaults)")
    for bench, chosen, r, _ in folds:
        bib = baseline.get(bench.name)
        met = r.false_merges == 0 and r.possible <= QUEUE_SHARE * r.records and (bib is None or
                                                                              r.sensitivity >= bib - 0.005)
        out(f"{bench.name:36} {r.records:7d} {r.false_merges:12d} {r.sensitivity:6.3f} "
            f"{'' if bib is None else f'{bib:.3f}':>10} {r.with_person:13.3f} "
            f"{r.possible:8d} {100 * r.possible / max(r.records, 1):13.1f}% {'met' if met else 'MISSED':>8}  "
            f"{changes(chosen) or 'defaults'}")
    grouped = [r for b, _, r, _ in folds if b.flagged is None]
    tp, fn = sum(r.tp for r in grouped), sum(r.fn for r in grouped)
    records = sum(r.records for _, _, r, _ in folds)
    merges = sum(r.false_merges for _, _, r, _ in folds)
    out(f"pooled left-out: {merges} false merges in {records} records, sensitivity {tp / max(tp + fn, 1):.3f} "
        f"({tp} of {tp + fn} duplicates removed on the group-labelled sets), "
        f"possible pairs {sum(r.possible for _, _, r, _ in folds)}")
    out(f"chosen on all sets: {changes(final) or 'the defaults'}; a change is adopted in review/dedupe_settings.py "
        f"only where it helps a set it was not chosen on:")
    for name, value in changes(final).items():
        gains = [search.result(chosen, n).sensitivity - search.result(replace(chosen, **{name: getattr(DEFAULT, name)}),
                                                                       n).sensitivity
                 for n, (_, chosen, _, _) in enumerate(folds) if getattr(chosen, name) == value]
        out(f"  {name}={value}: on the sets left out where it was chosen, sensitivity "
            f"{' '.join(f'{g:+.3f}' for g in gains) or 'never chosen'}")
    ablation(search, list(range(len(sets))), out)
    return {"folds": [(b.name, asdict(r)) for b, _, r, _ in folds], "final": changes(final)}


def ablation(search: Search, sets: list[int], out=print) -> None:
    """Each optional rule off, the rest at the defaults: what it adds on each set."""
    out("each optional rule switched off (defaults otherwise): sensitivity / false merges per set")
    base = [search.result(DEFAULT, n) for n in sets]
    for name in ("translated", "subtitle", "venues", "recurring_years", "shared_doi_titles"):
        off = replace(DEFAULT, **{name: 0 if name == "recurring_years" else 10**6 if name == "shared_doi_titles"
                                  else False})
        rows = [search.result(off, n) for n in sets]
        delta = ", ".join(f"{search.prepared[n].bench.name.split('_', 1)[-1]} {r.sensitivity - b.sensitivity:+.3f}/"
                          f"{r.false_merges - b.false_merges:+d}" for n, r, b in zip(sets, rows, base))
        out(f"  without {name}: {delta}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a smaller grid")
    args = parser.parse_args()
    run_loso(load_all(), quick=args.quick)


if __name__ == "__main__":
    main()
