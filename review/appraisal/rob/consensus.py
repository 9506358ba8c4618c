"""Starting a consensus risk-of-bias assessment from what the submitted reviewers agree on."""
from __future__ import annotations

import sqlite3

from review.appraisal.rob import assessments


def agree_identical_judgements(conn: sqlite3.Connection, study_id: int, tool_key: str, outcome: str, user_id: int) -> int:
    """Open the consensus assessment and copy every answer and judgement on which all submitted reviewers
    (at least two) agree; return the consensus assessment's id. Differences stay for the pair to settle."""
    consensus_id = assessments.open_assessment(conn, study_id, user_id, tool_key, outcome, consensus=True)
    rows = conn.execute("SELECT id FROM rob_assessments WHERE study_id = ? AND tool = ? AND outcome = ? "
                        "AND reviewer_id IS NOT NULL AND submitted_at IS NOT NULL",
                        (study_id, tool_key, outcome.strip())).fetchall()
    if len(rows) < 2:
        return consensus_id
    states = [assessments.view_assessment(conn, row["id"], user_id) for row in rows]
    entries: dict[str, str] = {}
    for position, domain in enumerate(states[0]["domains"]):
        others = [state["domains"][position] for state in states[1:]]
        if all(other["judgement"] == domain["judgement"] for other in others):
            entries[f"{domain['key']}.judgement"] = domain["judgement"]
        for question, answer in domain["answers"].items():
            if answer and all(other["answers"][question] == answer for other in others):
                entries[f"{domain['key']}.q.{question}"] = answer
    assessments.record_judgements(conn, consensus_id, user_id, entries)
    return consensus_id
