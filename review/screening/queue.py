"""The next record for a reviewer at a stage: read from stored ranks, never ranked in the request.

While a pilot round is open, title/abstract screening offers only its records, to its reviewers.
Otherwise, in order of preference: the reviewer's own ranks;
the project-wide ranks (user_id 0); then records without a rank in a stable pseudo-random order,
records that another reviewer already started first so pairs complete and few records wait half
decided. Each reviewer starts the pseudo-random order at a different point so concurrent reviewers
rarely pick the same record, and records that other reviewers have on screen in numbers enough to
complete them (screening_claims) are passed over. Every step walks an index and stops at the first fit.
"""
from __future__ import annotations

import json
import sqlite3
import threading

from review.screening import claims as screening_claims
from review.screening.blinding import sees_outcomes

# Choosing and claiming happen under one lock so two reviewers asking at the same instant do not
# both take the last free place on the same record.
_CLAIMING = threading.Lock()

_MASK = (1 << 64) - 1

# A record fits when it still needs decisions at the stage, this reviewer has not decided it,
# and it is one the screenable_records view lists (one per duplicate group).
_FITS = """
    AND NOT EXISTS (SELECT 1 FROM screening_current c WHERE c.project_id = p.project_id AND c.stage = p.stage
                    AND c.record_id = p.record_id AND c.user_id = :user)
    AND EXISTS (SELECT 1 FROM screenable_records v WHERE v.project_id = p.project_id AND v.record_id = p.record_id)
"""


# A blinded reviewer's full-text queue holds the records the lead released as included at stage 1.
_RELEASED_STAGE1 = """
    AND EXISTS (SELECT 1 FROM released_outcomes o WHERE o.project_id = p.project_id AND o.stage = 1
                AND o.record_id = p.record_id AND o.outcome = 'include')
"""


def next_record(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int,
                skip: tuple[int, ...] = ()) -> int | None:
    """The id of the record this reviewer should screen next at the stage, or None when none is left."""
    params = {"project": project_id, "user": user_id, "stage": stage, "start": start_point(user_id)}
    skip = tuple(skip) + tuple(screening_claims.taken_by_others(conn, project_id, stage, user_id))
    skip_sql = f" AND p.record_id NOT IN ({', '.join(str(int(s)) for s in skip)})" if skip else ""
    blinded = not sees_outcomes(conn, project_id, user_id)
    fits = _FITS + skip_sql + (_RELEASED_STAGE1 if blinded and stage == 2 else "")
    for query in _queries(conn, project_id, user_id, stage):
        if blinded and query is _STARTED:
            continue  # which records others have started is theirs to know, not a blinded reviewer's
        row = conn.execute(query.format(fits=fits), params).fetchone()
        if row is not None:
            return row[0]
    return None


def claim_next(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int,
               keep: tuple[int, ...] = ()) -> int | None:
    """The next record, held for this reviewer (with the records in keep, e.g. the one on screen) for a while."""
    with _CLAIMING:
        record_id = next_record(conn, project_id, user_id, stage, skip=keep)
        screening_claims.hold(conn, project_id, stage, user_id, [*keep, *([record_id] if record_id else [])])
    return record_id


def start_point(user_id: int) -> int:
    """Where this reviewer enters the pseudo-random order (a signed 64-bit key, as random() makes)."""
    key = (user_id * 0x9E3779B97F4A7C15) & _MASK
    return key - (1 << 63)


def _queries(conn: sqlite3.Connection, project_id: int, user_id: int, stage: int) -> tuple[str, ...]:
    # While a pilot round runs, title/abstract screening is the pilot: its reviewers get its records
    # and nobody starts on the rest until the lead has seen the agreement and closed the round.
    if stage == 1:
        pilot = conn.execute("SELECT reviewer_ids FROM pilots WHERE project_id = ? AND closed_at IS NULL",
                             (project_id,)).fetchone()
        if pilot is not None:
            return (_PILOT,) if user_id in json.loads(pilot["reviewer_ids"]) else ()
    return (_RANKED_OWN, _RANKED_PROJECT, _STARTED, _FRESH_AFTER, _FRESH_BEFORE)


_PILOT = """SELECT p.record_id FROM screening_pending p
            WHERE p.project_id = :project AND p.stage = :stage AND p.pilot_id IS NOT NULL {fits}
            ORDER BY p.shuffle LIMIT 1"""

_RANKED = """SELECT q.record_id FROM queue_ranks q INDEXED BY queue_ranks_order
             JOIN screening_pending p ON p.project_id = q.project_id AND p.stage = q.stage AND p.record_id = q.record_id
             WHERE q.project_id = :project AND q.user_id = {who} AND q.stage = :stage AND p.pilot_id IS NULL {{fits}}
             ORDER BY q.rank LIMIT 1"""
_RANKED_OWN = _RANKED.format(who=":user")
_RANKED_PROJECT = _RANKED.format(who="0")

_STARTED = """SELECT p.record_id FROM screening_state s
              JOIN screening_pending p ON p.project_id = s.project_id AND p.stage = s.stage AND p.record_id = s.record_id
              WHERE s.project_id = :project AND s.stage = :stage AND s.state = 'open' AND s.decisions > 0
              AND p.pilot_id IS NULL {fits}
              ORDER BY p.shuffle < :start, p.shuffle LIMIT 1"""

_FRESH_AFTER = """SELECT p.record_id FROM screening_pending p INDEXED BY screening_pending_shuffle
                  WHERE p.project_id = :project AND p.stage = :stage AND p.shuffle >= :start AND p.pilot_id IS NULL {fits}
                  ORDER BY p.shuffle LIMIT 1"""
_FRESH_BEFORE = _FRESH_AFTER.replace("p.shuffle >= :start", "p.shuffle < :start")
