"""Agreement between reviewers per stage and pair: percent agreement and Cohen's kappa (Landis & Koch)."""
from __future__ import annotations

import itertools
import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import Any

from review.screening.access import sees_others
from review.store import Forbidden

# Landis JR, Koch GG (1977): upper bounds of each band.
LANDIS_KOCH = ((0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial"),
               (1.0, "almost perfect"))


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> tuple[float, float | None]:
    """(percent agreement, Cohen's kappa) of two equally long lists of labels; kappa None when undefined."""
    n = len(a)
    if n == 0 or n != len(b):
        raise ValueError("two non-empty label lists of the same length are needed")
    observed = sum(x == y for x, y in zip(a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if expected >= 1.0:
        # Both used one and the same label throughout: chance agreement is total, kappa has no value.
        return observed * 100, None
    return observed * 100, (observed - expected) / (1 - expected)


def interpret(kappa: float | None) -> str:
    """Landis and Koch's words for a kappa value."""
    if kappa is None:
        return "undefined"
    if kappa < 0:
        return "poor"
    for upper, words in LANDIS_KOCH:
        if kappa <= upper + 1e-12:
            return words
    return "almost perfect"


def agreement(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int) -> list[dict[str, Any]]:
    """Per reviewer pair at a stage: records both decided, agreed, percent agreement, kappa and its words.

    Only records whose stage is closed count while the project is blinded, so no open record leaks.
    """
    seen = sees_others(conn, project_id, user_id)
    if seen == "none":
        raise Forbidden("agreement between reviewers is shown to the lead while the project is blinded",
                        "error.screening.agreement_blinded")
    return pair_agreements(conn, project_id, stage, closed_only=seen != "all")


def pair_agreements(conn: sqlite3.Connection, project_id: int, stage: int, closed_only: bool = True,
                    record_ids: set[int] | None = None) -> list[dict[str, Any]]:
    """Agreement per pair over decided records (closed ones only unless told), optionally within a set."""
    by_record = _decisions_by_record(conn, project_id, stage, closed_only)
    names = dict(conn.execute("SELECT id, COALESCE(NULLIF(display_name, ''), name) FROM users").fetchall())
    reviewers = sorted({u for d in by_record.values() for u in d})
    result = []
    for first, second in itertools.combinations(reviewers, 2):
        both = [(d[first], d[second]) for rid, d in by_record.items()
                if first in d and second in d and (record_ids is None or rid in record_ids)]
        if not both:
            continue
        percent, kappa = cohen_kappa([x for x, _ in both], [y for _, y in both])
        result.append({"stage": stage, "reviewer_a": names.get(first, str(first)), "reviewer_b": names.get(second, str(second)),
                       "records": len(both), "agreed": sum(x == y for x, y in both), "percent": round(percent, 1),
                       "kappa": None if kappa is None else round(kappa, 3), "interpretation": interpret(kappa)})
    return result


AGREEMENT_COLUMNS = ("stage", "reviewer_a", "reviewer_b", "records", "agreed", "percent", "kappa", "interpretation")


def agreement_table(rows: list[dict[str, Any]]) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Agreement rows as (columns, rows) for the CSV writer."""
    return AGREEMENT_COLUMNS, [[r[c] if r[c] is not None else "" for c in AGREEMENT_COLUMNS] for r in rows]


def _decisions_by_record(conn: sqlite3.Connection, project_id: int, stage: int, closed_only: bool) -> dict[int, dict[int, str]]:
    rows = conn.execute(
        """SELECT c.record_id, c.user_id, c.decision FROM screening_current c
           JOIN screening_state s ON s.project_id = c.project_id AND s.stage = c.stage AND s.record_id = c.record_id
           WHERE c.project_id = ? AND c.stage = ? AND (? = 0 OR s.state IN ('conflict', 'settled'))""",
        (project_id, stage, int(closed_only))).fetchall()
    by_record: dict[int, dict[int, str]] = {}
    for row in rows:
        by_record.setdefault(row["record_id"], {})[row["user_id"]] = row["decision"]
    return by_record
