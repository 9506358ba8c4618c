"""Ranking: the model that orders the screening queue from the decisions so far, its stored runs, the
worker process that retrains it, progress and the stopping tests, and the simulation that replays a
labelled review.

RankingProcess (the worker, outside the server's process), get_settings, last_run; progress_curve,
stopping_status, excluded_by_automation; latest, current, stop (the lead's stop, with its figures); simulate, read_dataset, prior_rows, wss,
recall_at; train_scores and build_features for the benchmarks.
"""
from review.ranking import model, simulation
from review.ranking.model import DEFAULT, Settings, build_features, top_candidates, train_scores
from review.ranking.process import RankingProcess
from review.ranking.progress import begin_sample, excluded_by_automation, progress_curve, stage1_counts
from review.ranking.simulation import prior_rows, read_dataset, recall_at, records_to_recall, run, simulate, wss
from review.ranking.stopping_curve import BACKING as CURVE_BACKING
from review.ranking.stopping_curve import MIN_FOUND as CURVE_MIN_FOUND
from review.ranking.stopping_curve import START_SHARE as CURVE_START_SHARE
from review.ranking.stopping_methods import METHODS
from review.ranking.store import get_settings, last_run, set_random_order, set_stopping_target
from review.ranking.watch import CHOICES, automation_summary, choose_method, current, latest, stop

__all__ = [
    "CHOICES",
    "CURVE_BACKING",
    "CURVE_MIN_FOUND",
    "CURVE_START_SHARE",
    "DEFAULT",
    "METHODS",
    "RankingProcess",
    "Settings",
    "automation_summary",
    "begin_sample",
    "build_features",
    "choose_method",
    "current",
    "excluded_by_automation",
    "get_settings",
    "last_run",
    "latest",
    "model",
    "prior_rows",
    "progress_curve",
    "read_dataset",
    "recall_at",
    "records_to_recall",
    "run",
    "set_random_order",
    "set_stopping_target",
    "simulate",
    "simulation",
    "stage1_counts",
    "stop",
    "top_candidates",
    "train_scores",
    "wss",
]
