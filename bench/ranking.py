"""Ranking benchmark: simulated screening of every labelled file, next to ASReview on the same files.

Baselines: (1) ASReview LAB's own simulation, run in this same run on the same files with the very
same prior records per seed (`asreview simulate FILE --prior-idx I E --seed S`), wherever an
`asreview` command is found (--asreview PATH, $SIL_ASREVIEW, or on PATH; it is not a dependency of
Sil: install it in a venv of its own, see docs/ranking.md); (2) the figures of
../shared/data/screening/README.md (ASReview LAB 3.0.8, ELAS u4, 1+1 random priors of its own,
mean of 5 seeds). Same settings for every file. WSS@95 and recall@10% are read off both curves
as ASReview-insights does (review/ranking/simulation.py). Then the time of one retrain plus rerank at
10 000 records and at 80 000 records with 20 000 decisions (features fitted once beforehand, as
the server does).

Usage: python bench/ranking.py [--seeds 5] [--jobs 2] [--only SUBSTRING] [--asreview PATH | --no-asreview]
                               [--asreview-priors] [--skip-timing | --timing-only]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
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


Figures = tuple[float, float, int, float]  # WSS@95 %, recall@10 %, records to 95 % recall, ms per retrain (s per run)


def simulate_file(job: tuple[str, int, str | None, bool]) -> tuple[str, list[Figures], list[Figures] | None]:
    """Every seed of one file, by Sil and (given its command) by ASReview from the same prior records.

    The priors are Sil's draw for the seed, or with `their_draws` ASReview's own (`--prior-seed`),
    which is how the README's figures were made.
    """
    from review import ranking

    name, seeds, command, their_draws = job
    data = ranking.read_dataset(DATA / name)
    features = ranking.build_features(data.texts)
    ours, theirs = [], []
    for seed in range(seeds):
        priors = None if their_draws else ranking.prior_rows(data.labels, seed)
        if command:
            started = time.perf_counter()
            labels, priors = run_asreview(command, DATA / name, priors, seed, len(data.labels))
            if labels[:len(priors)].tolist() != data.labels[priors].tolist() or labels.sum() != data.labels.sum():
                raise RuntimeError(f"{name}, seed {seed}: ASReview's result does not match the file's labels")
            theirs.append(_figures(labels, len(priors), time.perf_counter() - started))
        result = ranking.simulate(data, seed=seed, features=features, priors=priors)
        ours.append(_figures(result.labels, result.n_priors, result.mean_retrain_ms))
    return name, ours, theirs if command else None


def _figures(labels: np.ndarray, n_priors: int, time_taken: float) -> Figures:
    from review import ranking

    return (100 * ranking.wss(labels, n_priors), 100 * ranking.recall_at(labels, n_priors),
            ranking.records_to_recall(labels), time_taken)


def run_asreview(command: str, path: Path, priors: list[int] | None, seed: int,
                 n_records: int) -> tuple[np.ndarray, list[int]]:
    """Labels in the order ASReview's ELAS u4 screens them, and its prior rows (1+1 drawn by it if not given).

    ASReview stops at the last inclusion by default: the records after it are all exclusions.
    """
    draw = ["--n-prior-included", "1", "--n-prior-excluded", "1", "--prior-seed", str(seed)]
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "run.asreview"
        subprocess.run([command, "simulate", str(path), *(draw if priors is None else ["--prior-idx", *map(str, priors)]),
                        "--seed", str(seed), "-o", str(project)], check=True, capture_output=True, text=True, cwd=scratch)
        with zipfile.ZipFile(project) as archive:
            archive.extract("results.db", scratch)
        with sqlite3.connect(Path(scratch) / "results.db") as conn:
            found = conn.execute("SELECT record_id, label, classifier IS NULL FROM results ORDER BY rowid").fetchall()
    used = [int(row_id) for row_id, _, prior in found if prior]
    if priors is not None and used != list(priors):
        raise RuntimeError(f"{path.name}: ASReview did not start from the prior rows {priors}")
    labels = np.zeros(n_records, dtype=np.int8)
    labels[:len(found)] = [label for _, label, _ in found]
    return labels, used


def find_asreview(option: str | None, disabled: bool) -> str | None:
    """The asreview command to compare with: --asreview, then $SIL_ASREVIEW, then PATH."""
    if disabled:
        return None
    command = option or os.environ.get("SIL_ASREVIEW") or shutil.which("asreview")
    if command and not shutil.which(command):
        raise SystemExit(f"asreview command not found or not executable: {command}")
    return command


def print_file(name: str, rows: list, theirs: list | None = None) -> None:
    wss, recall, to95, ms = (np.array(c, dtype=float) for c in zip(*rows))
    base = ASREVIEW.get(name, (float("nan"),) * 2)
    print(f"\n{name}  ({len(rows)} seeds)")
    if theirs:
        t_wss, t_recall, t_to95, _ = (np.array(c, dtype=float) for c in zip(*theirs))
        print(f"  {'':14}{'Sil':>16}{'ASReview, same priors':>24}{'diff':>8}{'README':>9}{'diff':>8}")
        for label, ours, same, readme in (("WSS@95 %", wss, t_wss, base[0]), ("recall@10% %", recall, t_recall, base[1])):
            print(f"  {label:14}{ours.mean():8.1f} ±{ours.std():5.1f}{same.mean():16.1f} ±{same.std():5.1f}"
                  f"{ours.mean() - same.mean():+8.1f}{readme:9.1f}{ours.mean() - readme:+8.1f}")
        print(f"  records to 95 % recall: Sil {to95.mean():.0f}, ASReview {t_to95.mean():.0f}; "
              f"ms per retrain: {ms.mean():.1f}", flush=True)
        return
    print(f"  {'':14}{'Sil':>16}{'ASReview':>10}{'diff':>8}")
    print(f"  {'WSS@95 %':14}{wss.mean():8.1f} ±{wss.std():5.1f}{base[0]:10.1f}{wss.mean() - base[0]:+8.1f}")
    print(f"  {'recall@10% %':14}{recall.mean():8.1f} ±{recall.std():5.1f}{base[1]:10.1f}{recall.mean() - base[1]:+8.1f}")
    print(f"  records to 95 % recall: {to95.mean():.0f}; ms per retrain: {ms.mean():.1f}", flush=True)


def print_summary(results: dict[str, list], theirs: dict[str, list] | None = None) -> None:
    print("\nSummary (mean over files of the 5-seed means)")
    groups = {"non-Cohen (README: 9 files)": [n for n in results if not n.startswith("cohen")],
              "Cohen (14 topics)": [n for n in results if n.startswith("cohen")]}
    for label, names in groups.items():
        if not names:
            continue
        wss, rec = _means(results, names)
        same = [ASREVIEW[n] for n in names]
        base = ASREVIEW_MEANS[label]
        print(f"  {label:28} WSS@95 {wss:5.1f} (README {base[0]}; same {len(names)} files {np.mean([s[0] for s in same]):.1f})"
              f"  recall@10% {rec:5.1f} (README {base[1]}; same files {np.mean([s[1] for s in same]):.1f})")
        if theirs:
            t_wss, t_rec = _means(theirs, names)
            print(f"  {'':28} ASReview in this run, same priors: WSS@95 {t_wss:5.1f} (Sil {wss - t_wss:+.1f})"
                  f"  recall@10% {t_rec:5.1f} (Sil {rec - t_rec:+.1f})")
    readme = {n: ASREVIEW[n][0] for n in results}
    _print_worst("the README's ASReview figures", results, readme)
    if theirs:
        _print_worst("ASReview in this run (same priors)", results, {n: np.mean([r[0] for r in theirs[n]]) for n in results})


def _means(results: dict[str, list], names: list[str]) -> tuple[float, float]:
    """Mean over files of the per-file seed means of WSS@95 and recall@10%."""
    return (float(np.mean([np.mean([r[0] for r in results[n]]) for n in names])),
            float(np.mean([np.mean([r[1] for r in results[n]]) for n in names])))


def _print_worst(against: str, results: dict[str, list], baseline: dict[str, float]) -> None:
    gaps = {n: np.mean([r[0] for r in results[n]]) - baseline[n] for n in results}
    worst = min(gaps, key=gaps.get)
    behind = sum(gap < -3.0 for gap in gaps.values())
    print(f"  largest WSS@95 shortfall against {against}: {worst} {gaps[worst]:+.1f} points; "
          f"{behind} file(s) more than 3 points behind (target: none)")


def time_retrain(n_records: int, n_decisions: int, settings, repeats: int = 5) -> tuple[float, float]:
    """Median ms of one retrain + rerank, and seconds to fit the features once, on texts from the corpus."""
    from review import ranking

    texts: list[str] = []
    for path in sorted(DATA.glob("*/*.csv")):
        texts += ranking.read_dataset(path, settings).texts
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
    parser.add_argument("--asreview", help="the asreview command to run on the same files (default: $SIL_ASREVIEW or PATH)")
    parser.add_argument("--no-asreview", action="store_true", help="compare with the README's figures only")
    parser.add_argument("--asreview-priors", action="store_true",
                        help="ASReview draws the priors (--prior-seed, as for the README) and Sil starts from the same")
    args = parser.parse_args(argv)
    if args.timing_only:
        print_timing()
        return
    names = [n for n in ASREVIEW if args.only in n and (DATA / n).is_file()]
    if not names:
        print(f"no labelled files found under {DATA}; nothing to do")
        return
    command = find_asreview(args.asreview, args.no_asreview)
    if command:
        version = subprocess.run([command, "--version"], capture_output=True, text=True,
                                 cwd=tempfile.gettempdir()).stdout.strip()  # it leaves a cache file in its folder
        drawn = "ASReview's own draw (--prior-seed)" if args.asreview_priors else "Sil's draw"
        print(f"ASReview: {command} ({version}) runs on every file; both tools start from {drawn} of prior "
              "records for each seed; README figures beside them.")
    else:
        print("ASReview is not installed here; its figures are those of the README (same protocol: 1+1 priors, 5 seeds).")
    results: dict[str, list] = {}
    theirs: dict[str, list] = {}
    big_first = sorted(names, key=lambda n: -(DATA / n).stat().st_size)
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(simulate_file, (n, args.seeds, command, args.asreview_priors)) for n in big_first]
        for future in as_completed(futures):
            name, results[name], their_rows = future.result()
            if their_rows:
                theirs[name] = their_rows
            print_file(name, results[name], their_rows)
    print_summary({n: results[n] for n in names}, {n: theirs[n] for n in names} if command else None)
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
