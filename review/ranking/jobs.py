"""Retrain a project's models and store each queue's order: what the background worker runs.

Each reviewer's queue is ranked from `decisions_for_training` (settled outcomes plus that
reviewer's own decisions), never from another reviewer's unsettled ones, so the order of a queue
cannot leak a decision through blinding. The project-wide queue (user 0) learns from settled
outcomes only. A 'maybe' counts as relevant: it moves on like an include and is a reason to look
at similar records soon.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from review.ranking import model as ranking
from review.ranking import store as ranking_store
from review.ranking import watch as stopping_watch
from review.screening import decisions_for_training

STORED_RANKS = 2000  # the top of each queue; a retrain comes long before a reviewer gets through it


_SCREENABLE = """SELECT {columns} FROM records r
                 JOIN screenable_records v ON v.record_id = r.id AND v.project_id = r.project_id
                 WHERE r.project_id = ? ORDER BY r.id"""


@dataclass
class FeatureCache:
    """TF-IDF rows per project, refitted only when the set of screenable records changes."""

    entries: dict[int, tuple[str, list[int], Any]] = field(default_factory=dict)

    def get(self, conn: sqlite3.Connection, project_id: int) -> tuple[dict[int, int], Any]:
        # Every retrain checks the set of records by their ids; the texts are read only for a refit.
        ids = [r[0] for r in conn.execute(_SCREENABLE.format(columns="r.id"), (project_id,))]
        cached = self.entries.get(project_id)
        if cached is None or cached[0] != _key(ids):
            rows = conn.execute(_SCREENABLE.format(columns="r.id, r.title, r.abstract, r.keywords"),
                                (project_id,)).fetchall()
            ids = [r["id"] for r in rows]  # as read with the texts, should a record have come in between
            texts = [ranking.record_text(r["title"], r["abstract"], _keywords(r["keywords"])) for r in rows]
            cached = (_key(ids), ids, ranking.build_features(texts))
            self.entries[project_id] = cached
        return {record_id: i for i, record_id in enumerate(cached[1])}, cached[2]


def _key(ids: list[int]) -> str:
    """A digest of the ordered record ids: the features are refitted when it changes."""
    return hashlib.sha256(np.asarray(ids, dtype=np.int64).tobytes()).hexdigest()


def _keywords(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(k) for k in value] if isinstance(value, list) else []


def screeners(conn: sqlite3.Connection, project_id: int) -> list[int]:
    """The members whose queues get their own ranking."""
    return [r[0] for r in conn.execute(
        "SELECT user_id FROM memberships WHERE project_id = ? AND role IN ('lead', 'reviewer') ORDER BY user_id",
        (project_id,))]


def refresh_project(conn: sqlite3.Connection, project_id: int, cache: FeatureCache | None = None,
                    stages: tuple[int, ...] = (1,)) -> int:
    """Retrain and store the order of every queue of the project; return how many queues were ranked.

    It first runs the stopping check on the decisions so far (review/stopping_watch.py): the
    worker calls this after each pause in decisions, so the lead hears after each batch.
    """
    stopping_watch.check_project(conn, project_id)
    settings = ranking_store.get_settings(conn, project_id)
    if settings["random_order"] or settings["sample_started_at"] or settings["stopped_at"]:
        ranking_store.clear_ranks(conn, project_id)
        return 0
    cache = cache or FeatureCache()
    index, features = cache.get(conn, project_id)
    ranked = 0
    for stage in stages:
        pending = [r[0] for r in conn.execute(
            "SELECT record_id FROM screening_pending WHERE project_id = ? AND stage = ?", (project_id, stage))]
        for user_id in [0, *screeners(conn, project_id)]:
            ranked += _rank_queue(conn, project_id, user_id, stage, index, features, pending)
    return ranked


def _rank_queue(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int, index: dict[int, int],
                features: Any, pending: list[int]) -> int:
    """Train one queue's model and store its top; without both classes, leave the queue random."""
    decisions = [d for d in decisions_for_training(conn, project_id, user_id, stage)
                 if user_id or d["source"] == "settled"]
    decisions = [d for d in decisions if d["record_id"] in index]
    labels = np.array([0 if d["decision"] == "exclude" else 1 for d in decisions], dtype=np.int8)
    if not ranking.can_train(labels):
        ranking_store.clear_ranks(conn, project_id, user_id, stage)
        return 0
    started = time.perf_counter()
    rows = np.array([index[d["record_id"]] for d in decisions], dtype=np.int64)
    scores = ranking.train_scores(features, rows, labels)
    decided = {d["record_id"] for d in decisions if d["source"] == "own" or not user_id}
    candidates = np.array([index[r] for r in pending if r in index and r not in decided], dtype=np.int64)
    best = ranking.top_candidates(scores, candidates, STORED_RANKS)
    ids = list(index)  # insertion order = row order
    run = {"decisions": len(labels), "included": int(labels.sum()),
           "milliseconds": (time.perf_counter() - started) * 1000}
    ranking_store.write_ranks(conn, project_id, user_id, stage, [ids[i] for i in best], run)
    return 1
