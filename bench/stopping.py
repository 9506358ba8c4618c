"""Stopping benchmark: replay the ranked screening of every labelled review and apply each stopping method.

For every labelled file in ../shared/data/screening and every seed, the ranked screening is
replayed once (review/simulation.py, the model only ever seeing labels already screened), and
every method is applied to that same replay after every 100 decisions (review/stopping_methods.py).
The random-sample test needs records served in random order once the lead begins sampling: the
bench begins it at the first check where the last 100 ranked decisions brought no inclusion (the
page's advice: "when the prioritised queue brings few inclusions") and serves the rest in a
random order drawn with the seed.

Printed per method: the share of runs that reached the recall target (overall and per review with
at least 20 inclusions), mean and worst recall at the stop, mean work saved (share of records left
unscreened), and the ratio of work saved to the random-sample test's. All of it twice: on the
replays as they are, and under stress, with a tenth of each replay's records moved to random
places (a ranking blind to some subject). Then the method, and the level at which the ranked test
must back the counting process, chosen leaving one review out (the bar met on the other reviews
with and without stress) and scored on the review left out.

    python bench/stopping.py [--seeds 10] [--jobs 2] [--only SUBSTRING] [--cache DIR]
                             [--dense-until 200] [--stale-share 100]

The replays are cached as .npy files (--cache, default /tmp/sil-stopping-cache) so the methods
can be rerun without retraining. Tests never run this.
"""
from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("SIL_SHARED_DATA", ROOT.parent / "shared" / "data")) / "screening"


def files(only: str | None) -> list[str]:
    names = sorted(str(p.relative_to(DATA)) for p in DATA.glob("*/*.csv"))
    return [n for n in names if not only or only.lower() in n.lower()]


def replay(job: tuple[str, int, Path, int, int]) -> tuple[str, int, float]:
    """Replay one file with one seed, unless cached; return how long it took."""
    from review.ranking import model as ranking
    from review.ranking import simulation

    name, seed, cache, dense_until, stale_share = job
    target = _cache_path(cache, name, seed, dense_until, stale_share)
    if target.exists():
        return name, seed, 0.0
    started = time.perf_counter()
    data = simulation.read_dataset(DATA / name)
    features = ranking.build_features(data.texts)
    result = simulation.simulate(data, seed=seed, features=features, dense_until=dense_until, stale_share=stale_share)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(".part.npy")
    np.save(scratch, result.labels.astype(np.int8))
    scratch.replace(target)
    return name, seed, time.perf_counter() - started


def _cache_path(cache: Path, name: str, seed: int, dense_until: int, stale_share: int) -> Path:
    return cache / f"d{dense_until}-s{stale_share}" / f"{name.replace('/', '__')}.{seed}.npy"


CHEAP = (100, 20)  # the cheaper retraining schedule, used for a file whose replays with the asked one are missing
USED_CHEAP: set[str] = set()


def load(cache: Path, name: str, seed: int, dense_until: int, stale_share: int) -> np.ndarray:
    path = _cache_path(cache, name, seed, dense_until, stale_share)
    if not path.exists() and _cache_path(cache, name, seed, *CHEAP).exists():
        USED_CHEAP.add(name)
        path = _cache_path(cache, name, seed, *CHEAP)
    return np.load(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", help="only files whose path contains this")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/sil-stopping-cache"))
    parser.add_argument("--dense-until", type=int, default=200)
    parser.add_argument("--stale-share", type=int, default=100)
    parser.add_argument("--replay-only", action="store_true", help="fill the cache and stop")
    parser.add_argument("--allow-cheap", action="store_true",
                        help=f"use replays cached with the cheaper schedule {CHEAP} where they exist")
    args = parser.parse_args(argv)
    names = files(args.only)
    if not names:
        raise SystemExit(f"no labelled files under {DATA}")
    jobs = [(n, s, args.cache, args.dense_until, args.stale_share) for n in names for s in range(args.seeds)
            if not (args.allow_cheap and _cache_path(args.cache, n, s, *CHEAP).exists())]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for future in as_completed([pool.submit(replay, j) for j in jobs]):
            name, seed, took = future.result()
            if took:
                print(f"replayed {name} seed {seed} in {took:.0f} s", file=sys.stderr, flush=True)
    print(f"replays ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.replay_only:
        return
    report(names, args)


TARGET, CONFIDENCE = 0.95, 0.95
METHODS = ("none", "random", "ranked", "ranked-bonferroni", "curve", "ranked-or-curve", "target", "irrelevant-100", "safe",
           "knee")  # none: screen everything
BASELINE = "random"


DISPLACED = 0.1  # the stress test: this share of the records lie out of place in the ranking
BACKING_GRID = (0.05, 0.1, 0.12, 0.15, 0.2, 0.3, 0.5)


def displaced(labels: np.ndarray, seed: int, share: float = DISPLACED) -> np.ndarray:
    """The same replay with `share` of its records moved to random places among themselves: a ranking that
    does not see some subject (its relevant records lie at random), the case a stopping rule must survive."""
    rng = np.random.default_rng(30_000 + seed)
    moved = np.flatnonzero(rng.random(len(labels)) < share)
    out = labels.copy()
    out[moved] = labels[rng.permutation(moved)]
    return out


def report(names: list[str], args) -> None:
    from review.ranking.replay import stop_point

    replays = {(name, seed): load(args.cache, name, seed, args.dense_until, args.stale_share)
               for name in names for seed in range(args.seeds)}
    conditions = {"labelled reviews": lambda labels, seed: labels,
                  f"stress: {DISPLACED:.0%} of the records out of place": displaced}
    rows: dict[str, list[tuple]] = {}  # condition -> (file, seed, method, screened, total, recall)
    for condition, change in conditions.items():
        rows[condition] = []
        for (name, seed), labels in replays.items():
            labels = change(labels, seed)
            relevant = int(labels.sum())
            for method in METHODS:
                n, found = stop_point(method, labels, seed)
                rows[condition].append((name, seed, method, n, len(labels), found / relevant if relevant else 1.0))
        print(f"\n== {condition}")
        print_table(rows[condition], names)
    clean, stressed = rows.values()
    leave_one_review_out(clean, stressed, names)
    backing_levels(replays, names, conditions)
    if USED_CHEAP:
        print(f"\nreplayed with the cheaper schedule (dense until {CHEAP[0]}, then every screened // {CHEAP[1]}): "
              + ", ".join(sorted(USED_CHEAP)))


def reached(rows: list[tuple]) -> float:
    """The share of runs whose recall at the stop is at least the target."""
    return np.mean([r[5] >= TARGET - 1e-9 for r in rows])


def saved(rows: list[tuple]) -> float:
    """The mean share of records left unscreened."""
    return np.mean([1 - r[3] / r[4] for r in rows])


def print_table(rows: list[tuple], names: list[str]) -> None:
    by_method = {m: [r for r in rows if r[2] == m] for m in METHODS}
    big = [name for name in names if _inclusions(name) >= 20]
    base_saved = saved(by_method[BASELINE])
    print(f"\nStopping at {TARGET:.0%} recall with {CONFIDENCE:.0%} confidence; checks every 100 decisions; "
          f"{len(names)} files, {len(rows) // len(METHODS) // max(1, len(names))} seeds each")
    print(f"{'method':20}{'reached':>9}{'worst review (>=20 incl.)':>34}{'mean recall':>13}{'worst':>7}"
          f"{'work saved':>12}{'x random':>10}")
    for method, mine in by_method.items():
        share = reached(mine)
        per_review = {name: reached([r for r in mine if r[0] == name]) for name in big}
        worst_name = min(per_review, key=per_review.get) if per_review else "-"
        work = saved(mine)
        recalls = np.array([r[5] for r in mine])
        print(f"{method:20}{share:9.1%}{Path(worst_name).stem[:24]:>26} {per_review.get(worst_name, 1):6.0%}"
              f"{recalls.mean():13.3f}{recalls.min():7.3f}{work:12.1%}{work / base_saved if base_saved else 0:10.2f}")
    print("\nper file: work saved % (share of seeds reaching the target)")
    print(f"{'file':28}" + "".join(f"{m[:10]:>14}" for m in METHODS))
    for name in names:
        cells = []
        for method in METHODS:
            mine = [r for r in by_method[method] if r[0] == name]
            cells.append(f"{100 * saved(mine):7.1f} ({reached(mine):4.0%})")
        print(f"{Path(name).stem[:27]:28}" + "".join(f"{c:>14}" for c in cells))


def meets(rows: list[tuple], big: list[str]) -> bool:
    """The issue's bar: target recall in >= 95 % of runs, and in the majority of runs of every review with >= 20 inclusions."""
    if not rows or reached(rows) < CONFIDENCE:
        return False
    return all(reached([r for r in rows if r[0] == name]) > 0.5
               for name in big if any(r[0] == name for r in rows))


def choose_left_out(clean: list[tuple], stressed: list[tuple], name: str, options, fallback):
    """The option (method or backing level, rows' third field) chosen without the review `name`: among those that
    meet the bar on the other reviews with and without stress, the one that saves the most there."""
    big = [n for n in {r[0] for r in clean} if _inclusions(n) >= 20]
    others = [r for r in clean if r[0] != name]
    others_stressed = [r for r in stressed if r[0] != name]
    fits = [o for o in options if meets([r for r in others if r[2] == o], big)
            and meets([r for r in others_stressed if r[2] == o], big)]
    return max(fits, key=lambda o: saved([r for r in others if r[2] == o]), default=fallback)


def leave_one_review_out(clean: list[tuple], stressed: list[tuple], names: list[str]) -> None:
    """Choose the method on the other reviews (meets the bar on them, also under stress; saves the most there),
    judge it on the one left out."""
    print("\nleave one review out: the method chosen on the other reviews (the bar met with and without stress), "
          "on the review left out")
    held = []
    for name in names:
        chosen = choose_left_out(clean, stressed, name, [m for m in METHODS if m != "none"], "none")
        mine = [r for r in clean if r[0] == name and r[2] == chosen]
        held.extend(mine)
        print(f"  {Path(name).stem[:27]:28}{chosen:20}reached {reached(mine):5.0%}"
              f"  saved {100 * saved(mine):5.1f} %")
    print(f"  over the held-out reviews: reached {reached(held):.1%}, "
          f"saved {100 * saved(held):.1f} %")


def backing_levels(replays: dict, names: list[str], conditions: dict) -> None:
    """The level at which the ranked test must back the counting process (stopping_curve.BACKING), chosen
    leaving one review out: the largest saving on the other reviews among the levels that meet the bar there,
    with and without stress."""
    from review.ranking.replay import stop_point

    rows = {c: [] for c in conditions}
    for condition, change in conditions.items():
        for (name, seed), labels in replays.items():
            labels = change(labels, seed)
            for level in BACKING_GRID:
                n, found = stop_point("ranked-or-curve", labels, seed, backing=level)
                rows[condition].append((name, seed, level, n, len(labels), found / max(1, int(labels.sum()))))
    clean, stressed = rows.values()
    print("\nranked-or-curve by backing level (the ranked test's p must be below it for the curve's stop to count)")
    for level in BACKING_GRID:
        mine, under = [r for r in clean if r[2] == level], [r for r in stressed if r[2] == level]
        print(f"  p < {level:<5} reached {reached(mine):6.1%}, saved "
              f"{100 * saved(mine):5.1f} %; under stress reached "
              f"{reached(under):6.1%}, saved {100 * saved(under):5.1f} %")
    print("leave one review out: the level chosen on the other reviews, on the review left out (without / with stress)")
    held, held_stressed = [], []
    for name in names:
        chosen = choose_left_out(clean, stressed, name, BACKING_GRID, min(BACKING_GRID))
        mine = [r for r in clean if r[0] == name and r[2] == chosen]
        under = [r for r in stressed if r[0] == name and r[2] == chosen]
        held.extend(mine)
        held_stressed.extend(under)
        print(f"  {Path(name).stem[:27]:28}p < {chosen:<6}reached {reached(mine):5.0%} "
              f"/ {reached(under):5.0%}  saved {100 * saved(mine):5.1f} %")
    print(f"  over the held-out reviews: reached {reached(held):.1%} "
          f"(under stress {reached(held_stressed):.1%}), "
          f"saved {100 * saved(held):.1f} %")


@functools.cache
def _inclusions(name: str) -> int:
    from review.ranking import simulation

    return int(simulation.read_dataset(DATA / name).labels.sum())


if __name__ == "__main__":
    main()
