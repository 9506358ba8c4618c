"""Starting a consensus risk-of-bias assessment from the submitted reviewers' assessments."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.appraisal.rob import assessments
from review.store import Forbidden


def agree_identical_judgements(conn: sqlite3.Connection, study_id: int, tool_key: str, outcome: str, user_id: int) -> int:
    """Open the consensus assessment and prefill it (see start_consensus); return its id."""
    return start_consensus(conn, study_id, tool_key, outcome, user_id)["id"]


def start_consensus(conn: sqlite3.Connection, study_id: int, tool_key: str, outcome: str, user_id: int) -> dict[str, Any]:
    """Open the consensus assessment and prefill what is still empty in it: with one submitted assessment
    (that the user may see) everything in it; with two or more, every answer and judgement on which all
    agree (differences stay for the pair to settle). Returns {'id', 'sources', 'copied'} so the page can
    say what was done."""
    consensus_id = assessments.open_assessment(conn, study_id, user_id, tool_key, outcome, consensus=True)
    rows = conn.execute("SELECT id FROM rob_assessments WHERE study_id = ? AND tool = ? AND outcome = ? "
                        "AND reviewer_id IS NOT NULL AND submitted_at IS NOT NULL ORDER BY id",
                        (study_id, tool_key, outcome.strip())).fetchall()
    states = []
    for row in rows:
        try:
            states.append(assessments.view_assessment(conn, row["id"], user_id))
        except Forbidden:  # blinding: what the user may not see is not copied either
            continue
    entries = _entries_of(states[0]) if len(states) == 1 else _agreed(states) if states else {}
    current = assessments.view_assessment(conn, consensus_id, user_id)
    filled = _entries_of(current)
    entries = {item: value for item, value in entries.items() if value and not filled.get(item)}
    if entries.get("overall.override") and not (entries.get("overall.reason") or filled.get("overall.reason")):
        entries.pop("overall.override")
    copied = assessments.record_judgements(conn, consensus_id, user_id, entries) if entries else []
    return {"id": consensus_id, "sources": len(states), "copied": len(copied)}


def _entries_of(state: dict[str, Any]) -> dict[str, str]:
    """Every item of an assessment as record() takes it."""
    entries: dict[str, str] = {}
    for domain in state["domains"]:
        entries[f"{domain['key']}.judgement"] = domain["judgement"]
        entries[f"{domain['key']}.support"] = domain["support"]
        for question, answer in domain["answers"].items():
            entries[f"{domain['key']}.q.{question}"] = answer
    entries["overall.override"] = state.get("override") or ""
    entries["overall.reason"] = state.get("reason") or ""
    return entries


def _agreed(states: list[dict[str, Any]]) -> dict[str, str]:
    entries: dict[str, str] = {}
    for position, domain in enumerate(states[0]["domains"]):
        others = [state["domains"][position] for state in states[1:]]
        if all(other["judgement"] == domain["judgement"] for other in others):
            entries[f"{domain['key']}.judgement"] = domain["judgement"]
        for question, answer in domain["answers"].items():
            if answer and all(other["answers"][question] == answer for other in others):
                entries[f"{domain['key']}.q.{question}"] = answer
    return entries
