"""Ranking benchmark: simulated screening of every labelled file, next to ASReview's published figures.

Baseline: ASReview LAB 3.0.8 default model (ELAS u4), 1+1 random priors, mean of 5 seeds, as listed
in ../shared/data/screening/README.md (ASReview itself is not installed here; where it is, run its
own simulation on the same files for a same-machine comparison). Same settings for every file.
WSS@95 and recall@10% are read off the curve as ASReview-insights does (review/simulation.py).
Then the time of one retrain plus rerank at 10 000 records and at 80 000 records with 20 000
decisions (features fitted once beforehand, as the server does).

Usage: python bench/ranking.py [--seeds 5] [--jobs 2] [--only SUBSTRING] [--skip-timing | --timing-only]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("SIL_SHARED_DATA", ROOT.parent / "shared" / "data")) / "screening"

# WSS@95 %, recall@10 % from the README (ASReview LAB 3.0.8, ELAS u4, mean of 5 seeds)
ASREVIEW = {
    "ferdinands_2020/ace.csv": (76.5, 85.0), "ferdinands_2020/nudging.csv": (71.0, 64.0),
    "ferdinands_2020/virus.csv": (70.6, 75.6), "ferdinands_2020/wilson.csv": (82.2, 94.5),
    "radjenovic_2013/Radjenovic_2013.csv": (86.6, 97.9), "kitchenham_2010/Kitchenham_2010.csv": (70.8, 70.0),
    "bannach-brown_2019/Bannach-Brown_2019.csv": (42.5, 56.4),
    "cohen_2006/ACEInhibitors.csv": (69.0, 66.0), "cohen_2006/ADHD.csv": (66.6, 71.6),
    "cohen_2006/Antihistamines.csv": (21.4, 38.7), "cohen_2006/AtypicalAntipsychotics.csv": (31.0, 33.2),
    "cohen_2006/BetaBlockers.csv": (70.2, 74.6), "cohen_2006/CalciumChannelBlockers.csv": (42.4, 39.2),
    "cohen_2006/Estrogens.csv": (36.7, 29.4), "cohen_2006/NSAIDS.csv": (71.4, 59.5),
    "cohen_2006/Opiods.csv": (29.3, 85.7), "cohen_2006/OralHypoglycemics.csv": (17.7, 25.3),
    "cohen_2006/ProtonPumpInhibitors.csv": (42.4, 65.2), "cohen_2006/SkeletalMuscleRelaxants.csv": (31.9, 15.0),
    "cohen_2006/Triptans.csv": (62.9, 51.3), "cohen_2006/UrinaryIncontinence.csv": (42.5, 43.1),
}
def _previous():
    """The model of the first ranking branch (LinearSVC on min_df=2 features, every exclude), for timing."""
    from review import ranking
    return ranking.Settings(min_df=2, max_df=1.0, keywords=True, strip_accents=True, max_excludes=None)


ASREVIEW_MEANS = {"non-Cohen (README: 9 files)": (72.9, 78.1), "Cohen (14 topics)": (45.4, 49.8)}


def simulate_file(job: tuple[str, int]) -> tuple[str, list[tuple[float, float, int, float]]]:
    """Every seed of one file: (WSS@95, recall@10%, records to 95 % recall, ms per retrain)."""
    from review import ranking, simulation

    name, seeds = job
    data = simulation.read_dataset(DATA / name)
    features = ranking.build_features(data.texts)
    rows = []
    for seed in range(seeds):
        result = simulation.simulate(data, seed=seed, features=features)
        rows.append((100 * simulation.wss(result.labels, result.n_priors),
                     100 * simulation.recall_at(result.labels, result.n_priors),
                     simulation.records_to_recall(result.labels), result.mean_retrain_ms))
    return name, rows


def print_file(name: str, rows: list) -> None:
    wss, recall, to95, ms = (np.array(c, dtype=float) for c in zip(*rows))
    base = ASREVIEW.get(name, (float("nan"),) * 2)
    print(f"\n{name}  ({len(rows)} seeds)")
    print(f"  {'':14}{'Sil':>16}{'ASReview':>10}{'diff':>8}")
    print(f"  {'WSS@95 %':14}{wss.mean():8.1f} ±{wss.std():5.1f}{base[0]:10.1f}{wss.mean() - base[0]:+8.1f}")
    print(f"  {'recall@10% %':14}{recall.mean():8.1f} ±{recall.std():5.1f}{base[1]:10.1f}{recall.mean() - base[1]:+8.1f}")
    print(f"  records to 95 % recall: {to95.mean():.0f}; ms per retrain: {ms.mean():.1f}", flush=True)


def print_summary(results: dict[str, list]) -> None:
    print("\nSummary (mean over files of the 5-seed means)")
    groups = {"non-Cohen (README: 9 files)": [n for n in results if not n.startswith("cohen")],
              "Cohen (14 topics)": [n for n in results if n.startswith("cohen")]}
    for label, names in groups.items():
        if not names:
            continue
        wss = np.mean([np.mean([r[0] for r in results[n]]) for n in names])
        rec = np.mean([np.mean([r[1] for r in results[n]]) for n in names])
        same = [ASREVIEW[n] for n in names]
        base = ASREVIEW_MEANS[label]
        print(f"  {label:28} WSS@95 {wss:5.1f} (ASReview {base[0]}; same {len(names)} files {np.mean([s[0] for s in same]):.1f})"
              f"  recall@10% {rec:5.1f} (ASReview {base[1]}; same files {np.mean([s[1] for s in same]):.1f})")
    worst = min(results, key=lambda n: np.mean([r[0] for r in results[n]]) - ASREVIEW[n][0])
    gap = np.mean([r[0] for r in results[worst]]) - ASREVIEW[worst][0]
    print(f"  largest WSS@95 shortfall against ASReview: {worst} {gap:+.1f} points (target: no file below -3.0)")


def time_retrain(n_records: int, n_decisions: int, settings, repeats: int = 5) -> tuple[float, float]:
    """Median ms of one retrain + rerank, and seconds to fit the features once, on texts from the corpus."""
    from review import ranking, simulation

    texts: list[str] = []
    for path in sorted(DATA.glob("*/*.csv")):
        texts += simulation.read_dataset(path, settings).texts
    texts = [f"{texts[i % len(texts)]} v{i // len(texts)}" for i in range(n_records)]
    started = time.perf_counter()
    features = ranking.build_features(texts, settings)
    fit_s = time.perf_counter() - started
    rng = np.random.default_rng(0)
    rows = rng.choice(n_records, n_decisions, replace=False)
    labels = (rng.random(n_decisions) < 0.05).astype(np.int8)
    screened = np.zeros(n_records, dtype=bool)
    screened[rows] = True
    candidates = np.flatnonzero(~screened)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        scores = ranking.train_scores(features, rows, labels, settings)
        ranking.top_candidates(scores, candidates, 2000)  # what the server stores (ranking_jobs.STORED_RANKS)
        times.append((time.perf_counter() - started) * 1000)
    return float(np.median(times)), fit_s


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", default="", help="only files whose path contains this")
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument("--timing-only", action="store_true", help="only the retrain + rerank timing")
    args = parser.parse_args(argv)
    if args.timing_only:
        print_timing()
        return
    names = [n for n in ASREVIEW if args.only in n and (DATA / n).is_file()]
    if not names:
        print(f"no labelled files found under {DATA}; nothing to do")
        return
    print("ASReview is not installed here; its figures are those of the README (same protocol: 1+1 priors, 5 seeds).")
    results = {}
    big_first = sorted(names, key=lambda n: -(DATA / n).stat().st_size)
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(simulate_file, (n, args.seeds)) for n in big_first]
        for future in as_completed(futures):
            name, rows = future.result()
            results[name] = rows
            print_file(name, rows)
    print_summary({n: results[n] for n in names})
    if not args.skip_timing:
        print_timing()


def print_timing() -> None:
    """Retrain + rerank time at both sizes of issue 6: the model before this change and now, in the same run.

    The machine is shared, so absolute times swing with its load; the ratio to the previous
    model, measured minutes apart, is the steadier figure.
    """
    from review import ranking

    print(f"\nRetrain + rerank (median of 5; {os.cpu_count()} CPUs)")
    for n_records, n_decisions, target in ((10_000, 2_000, 100), (80_000, 20_000, 2_000)):
        before, _ = time_retrain(n_records, n_decisions, _previous())
        ms, fit_s = time_retrain(n_records, n_decisions, ranking.DEFAULT)
        load = os.getloadavg()[0]
        print(f"  {n_records:6} records, {n_decisions:6} decisions: {ms:6.0f} ms  target < {target} ms  "
              f"ratio {ms / target:.2f}  {'met' if ms < target else 'MISSED'}  "
              f"(previous model {before:.0f} ms, now x{ms / before:.2f}; load average {load:.1f}; "
              f"features fitted once in {fit_s:.1f} s)", flush=True)


if __name__ == "__main__":
    main()
