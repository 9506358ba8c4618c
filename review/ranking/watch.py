"""The stopping check a project runs after each batch of decisions, the lead's decision, and what it reports.

The background worker (ranking_jobs.refresh_project, run after each pause in decisions) calls
`check_project`: it computes the chosen method's answer on the settled title/abstract decisions
and keeps one row per new state in `stopping_checks`. The stopping page and the overview show
the latest, so the lead is told when the recall target is reached with the chosen confidence, with
the estimated recall and the records remaining. Sil never stops by itself: `stop` records the
lead's decision with the method and its figures (kept with the settings and in the audit log);
`automation_summary` gives PRISMA and the methods text a plain dict of what was decided.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

from review.ranking import progress as ranking_progress
from review.ranking import stopping, stopping_curve, stopping_methods
from review.ranking import store as ranking_store
from review.screening import require_lead
from review.store import now, transaction

log = logging.getLogger("sil.stopping")

CHOICES = ("ranked-or-curve", "ranked", "ranked-bonferroni", "random")  # what a lead can choose; the default first
SNEYD = ("Sneyd A, Stevenson M. Stopping criteria for technology assisted reviews based on counting processes. "
         "SIGIR 2021:2293-2297 (inhomogeneous Poisson process, power-law rate)")
CITATIONS = {
    "ranked-or-curve": "Callaghan M, Müller-Hansen F. Systematic Reviews 2020;9:273 (ranked variant); or " + SNEYD
                       + f", backed by the ranked test at p < {stopping_curve.BACKING:g}",
    "ranked": "Callaghan M, Müller-Hansen F. Statistical stopping criteria for automated screening in "
              "systematic reviews. Systematic Reviews 2020;9:273 (ranked variant, as in their buscar package)",
    "ranked-bonferroni": "Callaghan M, Müller-Hansen F. Statistical stopping criteria for automated screening in "
                         "systematic reviews. Systematic Reviews 2020;9:273 (ranked variant, Bonferroni-corrected "
                         "over windows of 50, 100, 200, ... records)",
    "random": "Callaghan M, Müller-Hansen F. Statistical stopping criteria for automated screening in "
              "systematic reviews. Systematic Reviews 2020;9:273 (random-sample test)",
}


def screened_labels(conn: sqlite3.Connection, project_id: int) -> list[int]:
    """1 for an include, 0 otherwise, for every settled stage-1 record in the order it settled."""
    curve = ranking_progress.progress_curve(conn, project_id)
    return [b - a for (_, a), (_, b) in zip(curve, curve[1:])]


def method_of(settings: dict[str, Any]) -> str:
    """The stopping method a project uses: the lead's choice, else the default."""
    return settings["stop_method"] if settings["stop_method"] in CHOICES else stopping_methods.DEFAULT_METHOD


def current(conn: sqlite3.Connection, project_id: int, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """The chosen method's answer now, as a plain dict (the page, the check and the decision read it)."""
    settings = settings or ranking_store.get_settings(conn, project_id)
    method = method_of(settings)
    target, confidence = settings["recall_target"], settings["confidence"]
    counts = ranking_progress.stage1_counts(conn, project_id)
    total = max(counts["total"], counts["screened"])
    answer: dict[str, Any] = {"method": method, "recall_target": target, "confidence": confidence,
                              "total": total, "screened": counts["screened"], "found": counts["found"],
                              "remaining": total - counts["screened"], "reached": False, "p_value": None,
                              "recall_at_least": None, "most_left": None, "more_records": None,
                              "needs_sample": False}
    if method == "random":
        if not settings["sample_started_at"]:
            answer["needs_sample"] = True
            return answer
        before, found_before = settings["sample_screened_before"], settings["sample_found_before"]
        sample = max(0, counts["screened"] - before)  # an undo after sampling began cannot shrink it below empty
        found_in_sample = min(sample, max(0, counts["found"] - found_before))
        estimate = stopping.estimate(max(total, before + sample), before, min(found_before, before), sample,
                                     found_in_sample, target, confidence)
        answer.update(reached=estimate.reached, p_value=estimate.p_value, more_records=estimate.more_records,
                      sample_size=estimate.sample_size, found_in_sample=estimate.found_in_sample)
        return answer
    labels = screened_labels(conn, project_id)
    if not labels or not counts["found"] or not total:
        # nothing screened or nothing found yet: there is no recall to speak of, so no stop either
        answer.update(more_records=answer["remaining"], most_left=answer["remaining"], recall_at_least=0.0,
                      nothing_yet="no_records" if not total else "no_inclusions")
        return answer
    total = max(total, len(labels))
    if method == "ranked-or-curve":
        check = stopping_curve.combined_check(labels, total, target, confidence)
        answer.update(by=check.by, curve_status=check.curve_status, expected_most=check.expected_most)
    else:
        check = stopping_methods.ranked_check(labels, total, target, confidence, grid=method == "ranked-bonferroni")
        answer.update(by="ranked")
    answer.update(reached=check.reached, p_value=check.p_value, recall_at_least=check.recall_at_least,
                  most_left=check.most_left, more_records=check.more_records)
    return answer


def check_project(conn: sqlite3.Connection, project_id: int) -> dict[str, Any] | None:
    """The background check after a batch: store the answer when anything it depends on has changed."""
    try:
        settings = ranking_store.get_settings(conn, project_id)
        if settings["stopped_at"]:
            return None
        answer = current(conn, project_id, settings)
        last = latest(conn, project_id)
        key = ("method", "recall_target", "confidence", "screened", "found", "remaining")
        if last and all(last[k] == answer[k] for k in key):
            return last
        with transaction(conn):
            conn.execute(
                """INSERT INTO stopping_checks (project_id, checked_at, method, recall_target, confidence, screened,
                   found, remaining, reached, p_value, recall_at_least, more_records)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (project_id, now(), answer["method"], answer["recall_target"], answer["confidence"],
                 answer["screened"], answer["found"], answer["remaining"], int(answer["reached"]),
                 answer["p_value"], answer["recall_at_least"], answer["more_records"]))
        return latest(conn, project_id)
    except Exception:  # a failed check must never stop the retraining that follows it
        log.exception("stopping check of project %s failed", project_id)
        return None


def latest(conn: sqlite3.Connection, project_id: int) -> dict[str, Any] | None:
    """The newest background check of the project (None before the first)."""
    row = conn.execute("SELECT * FROM stopping_checks WHERE project_id = ? ORDER BY id DESC LIMIT 1",
                       (project_id,)).fetchone()
    if row is None:
        return None
    found = dict(row)
    found["reached"] = bool(found["reached"])
    return found


def choose_method(conn: sqlite3.Connection, project_id: int, lead_id: int, method: str) -> None:
    """The lead picks the method; the next check uses it."""
    ranking_store.set_stop_method(conn, project_id, lead_id, method, CHOICES)
    check_project(conn, project_id)


def stop(conn: sqlite3.Connection, project_id: int, lead_id: int) -> dict[str, Any]:
    """The lead stops title/abstract screening: the figures of the moment go with the decision."""
    require_lead(conn, project_id, lead_id)
    answer = current(conn, project_id)
    figures = {k: answer.get(k) for k in ("method", "recall_target", "confidence", "total", "screened", "found",
                                          "remaining", "reached", "p_value", "recall_at_least", "most_left", "by",
                                          "expected_most")}
    figures["citation"] = CITATIONS[answer["method"]]
    ranking_store.stop_screening(conn, project_id, lead_id, answer["remaining"], figures)
    return figures


def automation_summary(conn: sqlite3.Connection, project_id: int) -> dict[str, Any]:
    """What was decided about stopping, for PRISMA and the methods text (a plain dict, no HTML)."""
    settings = ranking_store.get_settings(conn, project_id)
    summary: dict[str, Any] = {"stopped": bool(settings["stopped_at"]), "stopped_at": settings["stopped_at"],
                               "method": method_of(settings), "recall_target": settings["recall_target"],
                               "confidence": settings["confidence"],
                               "excluded_by_automation": ranking_progress.excluded_by_automation(conn, project_id)}
    if settings["stop_figures"]:
        try:
            figures = json.loads(settings["stop_figures"])
        except ValueError:
            figures = {}
        summary.update({k: v for k, v in figures.items() if k not in ("stopped", "stopped_at")})
    summary.setdefault("citation", CITATIONS.get(summary["method"], ""))
    return summary
