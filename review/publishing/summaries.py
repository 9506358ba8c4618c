"""Plain-language summaries: one per review and language, every version kept, reviewed by the lead, published."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from review.accounts import record_event, require_member
from review.appraisal import certainty_for_outcomes
from review.publishing import content as summary_content
from review.publishing.prisma import prisma_counts
from review.store import Conflict, Forbidden, Invalid, NotFound, now, readable, transaction

LANGS = ("nb", "nn", "en")  # bokmål, nynorsk, English: the written standards the Language Act names, and English
WRITERS = ("lead", "communicator")
# state -> action -> (next state, roles allowed)
TRANSITIONS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "draft": {"submit": ("in_review", WRITERS)},
    "in_review": {"approve": ("in_review", ("lead",)), "return": ("draft", ("lead",)),
                  "publish": ("published", WRITERS)},
    "published": {"withdraw": ("withdrawn", WRITERS)},
    "withdrawn": {},
}


def require_writer(conn: sqlite3.Connection, project_id: int, user_id: int) -> str:
    """A communicator or the lead: the people who write summaries."""
    role = require_member(conn, project_id, user_id)["role"]
    if role not in WRITERS:
        raise Forbidden("only a communicator or the project lead writes summaries", "error.summary.not_writer")
    return role


def create_summary(conn: sqlite3.Connection, project_id: int, lang: str, user_id: int) -> int:
    """Start the summary of a review in one language (nb, nn or en); return its id."""
    if lang not in LANGS:
        raise Invalid(f"summaries are written in bokmål (nb), nynorsk (nn) or English (en), not {lang!r}",
                      "error.publishing.bad_language", lang=lang)
    require_writer(conn, project_id, user_id)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM summaries WHERE project_id = ? AND lang = ?", (project_id, lang)).fetchone():
            raise Conflict(f"this review already has a summary in {lang}; open it instead",
                           "error.summary.exists", lang=lang)
        cur = conn.execute("INSERT INTO summaries (project_id, lang, created_at, created_by) VALUES (?, ?, ?, ?)",
                           (project_id, lang, now(), user_id))
        record_event(conn, project_id, user_id, "summary.created", f"summary:{cur.lastrowid}", {"lang": lang})
    return cur.lastrowid


def writable_text(conn: sqlite3.Connection, summary_id: int, user_id: int, content: dict[str, Any],
                  topics: Any = ()) -> tuple[sqlite3.Row, dict[str, Any], list[str]]:
    """(summary, cleaned content, cleaned topics) when the user may change the text now: a writer of the
    project, and the summary not in review (Conflict: the lead returns it to draft first)."""
    summary = _summary(conn, summary_id)
    require_writer(conn, summary["project_id"], user_id)
    if summary["state"] == "in_review":
        raise Conflict("this summary is in review: the lead returns it to draft before it can be changed",
                       "error.summary.in_review")
    return summary, summary_content.clean_content(content), summary_content.clean_topics(topics)


def save_version(conn: sqlite3.Connection, summary_id: int, user_id: int,
                 content: dict[str, Any], topics: Any = (), based_on: int | None = None) -> int:
    """Save the text as a new version (earlier ones stay); a published summary goes back to draft to be revised.

    based_on: the number of the newest version the writer's text took in (0: none); when someone has saved
    a newer one since, Conflict, so no one saves over a version unseen (None: not checked)."""
    summary, clean, clean_topics = writable_text(conn, summary_id, user_id, content, topics)
    with transaction(conn):
        if based_on is not None:
            _refuse_unseen_version(conn, summary_id, based_on)
        number = conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM summary_versions WHERE summary_id = ?",
                              (summary_id,)).fetchone()[0]
        conn.execute("INSERT INTO summary_versions (summary_id, number, content, topics, saved_at, saved_by) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (summary_id, number, json.dumps(clean, ensure_ascii=False),
                                                   json.dumps(clean_topics, ensure_ascii=False), now(), user_id))
        if summary["state"] != "draft":
            _log(conn, summary, "revise", "draft", user_id)
            conn.execute("UPDATE summaries SET state = 'draft' WHERE id = ?", (summary_id,))
    return number


def _refuse_unseen_version(conn: sqlite3.Connection, summary_id: int, based_on: int) -> None:
    """Conflict when the newest version is newer than based_on: who saved it and when, and what to do."""
    newest = conn.execute("""SELECT v.number, v.saved_at, u.name AS user_name FROM summary_versions v
                             LEFT JOIN users u ON u.id = v.saved_by WHERE v.summary_id = ?
                             ORDER BY v.number DESC LIMIT 1""", (summary_id,)).fetchone()
    if newest is None or newest["number"] <= based_on:
        return
    who, number, at = newest["user_name"] or "?", newest["number"], newest["saved_at"]
    since = f"after the version your text started from ({based_on})" if based_on else "after your text was started"
    raise Conflict(f"{who} saved version {number} at {readable(at)}, {since}: compare the two, then save over it "
                   "on purpose or discard your draft",
                   "error.summary.stale" if based_on else "error.summary.stale_first",
                   who=who, number=number, at=at, base=based_on)


def change_state(conn: sqlite3.Connection, summary_id: int, user_id: int, action: str, note: str = "",
                 snapshot: Callable[[int], dict[str, Any]] | None = None) -> str:
    """Submit, approve, return, publish or withdraw; returns the new state. snapshot(project_id) gives
    what is frozen with a publication (PRISMA counts and certainty)."""
    summary = _summary(conn, summary_id)
    role = require_member(conn, summary["project_id"], user_id)["role"]
    allowed = TRANSITIONS[summary["state"]]
    if action not in allowed:
        raise Conflict(f"a summary that is {summary['state'].replace('_', ' ')} cannot be {_past(action)}",
                       "error.summary.bad_transition", state=summary["state"].replace("_", " "), action=action)
    target, roles = allowed[action]
    if role not in roles:
        raise Forbidden(f"only {' or '.join(roles)} can {action} a summary",
                        "error.summary.wrong_role", roles=" or ".join(roles), action=action)
    latest = latest_version(conn, summary_id)
    _check_ready(action, summary, latest)
    with transaction(conn):
        _apply(conn, summary, action, user_id, latest, snapshot)
        _log(conn, summary, action, target, user_id, latest["id"] if latest else None, note)
        conn.execute("UPDATE summaries SET state = ? WHERE id = ?", (target, summary_id))
    return target


def _check_ready(action: str, summary: sqlite3.Row, latest: dict[str, Any] | None) -> None:
    if action in ("submit", "approve", "publish") and latest is None:
        raise Conflict("write and save the summary first", "error.summary.not_saved")
    if action == "submit":
        missing = summary_content.missing_for_review(latest["content"])
        if missing:
            raise Invalid("fill in before review: " + ", ".join(m.replace("_", " ") for m in missing),
                          "error.summary.missing", fields=", ".join(m.replace("_", " ") for m in missing))
    if action == "publish" and summary["approved_version_id"] != latest["id"]:
        raise Conflict("the lead must approve this version before it is published", "error.summary.not_approved")


def _apply(conn: sqlite3.Connection, summary: sqlite3.Row, action: str, user_id: int,
           latest: dict[str, Any] | None, snapshot: Callable[[int], dict[str, Any]] | None) -> None:
    at = now()
    if action == "approve":
        conn.execute("UPDATE summaries SET approved_version_id = ?, approved_by = ?, approved_at = ? WHERE id = ?",
                     (latest["id"], user_id, at, summary["id"]))
    elif action == "return":
        conn.execute("UPDATE summaries SET approved_version_id = NULL WHERE id = ?", (summary["id"],))
    elif action == "publish":
        frozen = (snapshot or (lambda pid: publication_snapshot(conn, pid, user_id)))(summary["project_id"])
        conn.execute(
            "UPDATE summaries SET published_version_id = ?, published_by = ?, published_at = ?, "
            "first_published_at = COALESCE(first_published_at, ?), withdrawn_at = NULL, approved_version_id = NULL, "
            "published_prisma = ?, published_certainty = ? WHERE id = ?",
            (latest["id"], user_id, at, at, json.dumps(frozen.get("prisma"), ensure_ascii=False),
             json.dumps(frozen.get("certainty") or [], ensure_ascii=False), summary["id"]))
    elif action == "withdraw":
        conn.execute("UPDATE summaries SET withdrawn_at = ? WHERE id = ?", (at, summary["id"]))


def publication_snapshot(conn: sqlite3.Connection, project_id: int, viewer_id: int | None = None) -> dict[str, Any]:
    """What a publication freezes: the PRISMA counts (as the publisher may see them under blinding) and the
    GRADE certainty per outcome as they are now."""

    outcomes = certainty_for_outcomes(conn, project_id)
    certainty = [{"outcome": o["name"], "certainty": o["certainty"], "studies": o["studies"],
                  "effect": o.get("effect") or ""} for o in outcomes]
    return {"prisma": prisma_counts(conn, project_id, viewer_id), "certainty": certainty}


def get_summary(conn: sqlite3.Connection, summary_id: int, user_id: int) -> dict[str, Any]:
    """A summary as its writers see it: state, approval, publication and the latest version."""
    summary = _summary(conn, summary_id)
    require_member(conn, summary["project_id"], user_id)
    return dict(summary, latest=latest_version(conn, summary_id))


def project_summaries(conn: sqlite3.Connection, project_id: int, user_id: int) -> dict[str, dict[str, Any] | None]:
    """The review's summary per language (None where not started)."""
    require_member(conn, project_id, user_id)
    rows = conn.execute("SELECT id, lang FROM summaries WHERE project_id = ?", (project_id,)).fetchall()
    found = {row["lang"]: get_summary(conn, row["id"], user_id) for row in rows}
    return {lang: found.get(lang) for lang in LANGS}


def latest_version(conn: sqlite3.Connection, summary_id: int) -> dict[str, Any] | None:
    """The newest saved version, decoded."""
    row = conn.execute("SELECT * FROM summary_versions WHERE summary_id = ? ORDER BY number DESC LIMIT 1",
                       (summary_id,)).fetchone()
    return decode_version(row) if row else None


def list_versions(conn: sqlite3.Connection, summary_id: int) -> list[dict[str, Any]]:
    """Every version, oldest first."""
    rows = conn.execute("SELECT * FROM summary_versions WHERE summary_id = ? ORDER BY number", (summary_id,))
    return [decode_version(row) for row in rows]


def list_history(conn: sqlite3.Connection, summary_id: int) -> list[dict[str, Any]]:
    """Who submitted, approved, published, withdrew, and when; oldest first."""
    rows = conn.execute("""SELECT e.*, u.name AS user_name FROM summary_events e
                           LEFT JOIN users u ON u.id = e.user_id WHERE e.summary_id = ? ORDER BY e.id""",
                        (summary_id,)).fetchall()
    return [dict(row) for row in rows]


def decode_version(row: sqlite3.Row) -> dict[str, Any]:
    """A stored version with its JSON fields decoded."""
    return dict(row, content=json.loads(row["content"]), topics=json.loads(row["topics"]))


def _summary(conn: sqlite3.Connection, summary_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM summaries WHERE id = ?", (summary_id,)).fetchone()
    if row is None:
        raise NotFound(f"summary {summary_id} not found", "error.summary.not_found", summary=summary_id)
    return row


def _log(conn: sqlite3.Connection, summary: sqlite3.Row, action: str, target: str, user_id: int,
         version_id: int | None = None, note: str = "") -> None:
    conn.execute("INSERT INTO summary_events (summary_id, version_id, action, from_state, to_state, user_id, note, at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (summary["id"], version_id, action, summary["state"], target, user_id, note, now()))
    record_event(conn, summary["project_id"], user_id, f"summary.{action}", f"summary:{summary['id']}",
                 {"lang": summary["lang"], "to": target, "version_id": version_id})


def _past(action: str) -> str:
    return {"submit": "submitted", "approve": "approved", "return": "returned", "publish": "published",
            "withdraw": "withdrawn"}.get(action, action)
