"""Risk-of-bias assessments: each reviewer's answers and judgements as events, blinding, comparison, consensus.

Items an assessment holds: '<domain>.judgement', '<domain>.support', '<domain>.q.<question id>',
'overall.override' and 'overall.reason'; the latest entry per item is the current value.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from review import accounts
from review.accounts import record_event
from review.appraisal.rob import get_tool
from review.appraisal.rob.tool import ANSWERS, Tool
from review.appraisal.studies import get_study
from review.store import Forbidden, Invalid, NotFound, now, transaction


def open_assessment(conn: sqlite3.Connection, study_id: int, user_id: int, tool_key: str, outcome: str = "",
                    consensus: bool = False) -> int:
    """The id of the user's (or the consensus) assessment of a study's outcome with a tool, created if new."""
    study = get_study(conn, study_id)
    member = accounts.require_member(conn, study["project_id"], user_id, "lead", "reviewer")
    tool = get_tool(conn, study["project_id"], tool_key)
    outcome = outcome.strip()
    if consensus and not member["can_resolve"] and not _submitted_own(conn, study_id, tool.key, outcome, user_id):
        raise Forbidden("submit your own assessment before recording the consensus", "error.rob.own_first")
    reviewer_id = None if consensus else user_id
    row = conn.execute("SELECT id FROM rob_assessments WHERE study_id = ? AND outcome = ? AND tool = ? "
                       "AND reviewer_id IS ?", (study_id, outcome, tool.key, reviewer_id)).fetchone()
    if row:
        return row["id"]
    with transaction(conn):
        assessment_id = conn.execute(
            "INSERT INTO rob_assessments (project_id, study_id, outcome, tool, reviewer_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", (study["project_id"], study_id, outcome, tool.key, reviewer_id, now())).lastrowid
        record_event(conn, study["project_id"], user_id, "rob.opened", study["label"],
                     {"assessment_id": assessment_id, "tool": tool.key, "outcome": outcome, "consensus": consensus})
    return assessment_id


def _submitted_own(conn: sqlite3.Connection, study_id: int, tool: str, outcome: str, user_id: int) -> bool:
    return conn.execute("SELECT 1 FROM rob_assessments WHERE study_id = ? AND tool = ? AND outcome = ? "
                        "AND reviewer_id = ? AND submitted_at IS NOT NULL", (study_id, tool, outcome, user_id)).fetchone() is not None


def _assessment(conn: sqlite3.Connection, assessment_id: int, project_id: int | None = None) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM rob_assessments WHERE id = ?", (assessment_id,)).fetchone()
    if row is None or project_id is not None and row["project_id"] != project_id:
        raise NotFound(f"no risk-of-bias assessment {assessment_id}",
                       "error.rob.assessment_not_found", assessment=assessment_id)
    return dict(row)


def _may_write(conn: sqlite3.Connection, assessment: dict[str, Any], user_id: int) -> None:
    member = accounts.require_member(conn, assessment["project_id"], user_id, "lead", "reviewer")
    if assessment["reviewer_id"] == user_id:
        return
    if assessment["reviewer_id"] is None and (member["can_resolve"] or _submitted_own(
            conn, assessment["study_id"], assessment["tool"], assessment["outcome"], user_id)):
        return
    raise Forbidden("you can only change your own assessment, or the consensus once yours is submitted",
                    "error.rob.not_yours")


def record_judgements(conn: sqlite3.Connection, assessment_id: int, user_id: int, entries: dict[str, str]) -> list[str]:
    """Record answers, judgements, support texts or an override (which needs a reason); return changed items."""
    assessment = _assessment(conn, assessment_id)
    _may_write(conn, assessment, user_id)
    tool = get_tool(conn, assessment["project_id"], assessment["tool"])
    cleaned = {item: _check_item(tool, item, str(value or "").strip()) for item, value in entries.items()}
    with transaction(conn):
        current = _current(conn, assessment_id)
        merged = {**current, **cleaned}
        if merged.get("overall.override") and not merged.get("overall.reason"):
            raise Invalid("give a reason for overriding the overall judgement the tool's rule derives",
                          "error.rob.override_reason")
        changed = [item for item, value in cleaned.items() if current.get(item, "") != value]
        for item in changed:
            conn.execute("INSERT INTO rob_entries (assessment_id, item, value, recorded_by, recorded_at) "
                         "VALUES (?, ?, ?, ?, ?)", (assessment_id, item, cleaned[item], user_id, now()))
        if changed:
            record_event(conn, assessment["project_id"], user_id, "rob.recorded", f"assessment {assessment_id}",
                         {"assessment_id": assessment_id, "entries": {i: cleaned[i] for i in changed}})
    return changed


def _check_item(tool: Tool, item: str, value: str) -> str:
    parts = item.split(".")
    domains = {d.key: d for d in tool.domains}
    if parts == ["overall", "override"] and value in ("", *tool.level_keys()):
        return value
    if parts == ["overall", "reason"] or (len(parts) == 2 and parts[0] in domains and parts[1] == "support"):
        return value
    if len(parts) == 2 and parts[0] in domains and parts[1] == "judgement":
        if value not in ("", *tool.level_keys()):
            raise Invalid(f"{domains[parts[0]].name}: {value!r} is not one of {', '.join(tool.level_keys())}",
                          "error.rob.bad_judgement", domain=domains[parts[0]].name, value=value,
                          choices=", ".join(tool.level_keys()))
        return value
    if len(parts) == 4 and parts[0] in domains and parts[1] == "q":
        qid = f"{parts[2]}.{parts[3]}"
        if qid not in dict(domains[parts[0]].questions):
            raise Invalid(f"{domains[parts[0]].name} has no signalling question {qid}",
                          "error.rob.no_question", domain=domains[parts[0]].name, question=qid)
        if value not in ("", *ANSWERS):
            raise Invalid(f"question {qid}: answer one of {', '.join(ANSWERS)}",
                          "error.rob.bad_answer", question=qid, choices=", ".join(ANSWERS))
        return value
    raise Invalid(f"{tool.name} has no item {item!r}", "error.rob.no_item", tool=tool.name, item=item)


def _current(conn: sqlite3.Connection, assessment_id: int) -> dict[str, str]:
    rows = conn.execute("SELECT item, value FROM rob_entries WHERE id IN (SELECT MAX(id) FROM rob_entries "
                        "WHERE assessment_id = ? GROUP BY item)", (assessment_id,)).fetchall()
    return {row["item"]: row["value"] for row in rows if row["value"] != ""}


def submit_assessment(conn: sqlite3.Connection, assessment_id: int, user_id: int) -> None:
    """Mark an assessment finished: every domain must be judged."""
    assessment = _assessment(conn, assessment_id)
    _may_write(conn, assessment, user_id)
    state = _state(conn, assessment)
    missing = [d["name"] for d in state["domains"] if not d["judgement"]]
    if missing:
        raise Invalid("judge every domain before submitting; missing: " + "; ".join(missing),
                      "error.rob.unjudged", domains="; ".join(missing))
    with transaction(conn):
        conn.execute("UPDATE rob_assessments SET submitted_at = ? WHERE id = ?", (now(), assessment_id))
        record_event(conn, assessment["project_id"], user_id, "rob.submitted", f"assessment {assessment_id}",
                     {"assessment_id": assessment_id, "overall": state["overall"]})


def _state(conn: sqlite3.Connection, assessment: dict[str, Any]) -> dict[str, Any]:
    tool = get_tool(conn, assessment["project_id"], assessment["tool"])
    items = _current(conn, assessment["id"])
    domains = [{"key": d.key, "name": d.name, "judgement": items.get(f"{d.key}.judgement", ""),
                "support": items.get(f"{d.key}.support", ""), "questions": list(d.questions),
                "answers": {q: items.get(f"{d.key}.q.{q}", "") for q, _ in d.questions}} for d in tool.domains]
    for d in domains:
        d["suggested"] = tool.suggest(d["key"], d["answers"]) or ""
    derived = tool.overall({d["key"]: d["judgement"] for d in domains})
    override = items.get("overall.override", "")
    return dict(assessment, tool_name=tool.name, levels=tool.levels, domains=domains,
                derived=derived.judgement, note=derived.note, note_key=derived.key, note_values=derived.values,
                override=override,
                reason=items.get("overall.reason", ""), overall=override or derived.judgement)


def view_assessment(conn: sqlite3.Connection, assessment_id: int, viewer_id: int,
                    project_id: int | None = None) -> dict[str, Any]:
    """An assessment's current state, if the viewer may see it (blinding applies to others' assessments);
    NotFound when it is not in project_id."""
    assessment = _assessment(conn, assessment_id, project_id)
    member = accounts.require_member(conn, assessment["project_id"], viewer_id, "lead", "reviewer")
    owner = assessment["reviewer_id"]
    if owner not in (None, viewer_id) and not _may_see_others(conn, assessment, member, viewer_id):
        raise Forbidden("the project is blinded: submit your own assessment and wait for the other reviewer's",
                        "error.rob.blinded")
    return _state(conn, assessment)


def _may_see_others(conn: sqlite3.Connection, assessment: dict[str, Any], member: dict[str, Any], viewer_id: int) -> bool:
    """Blinding: a viewer assessing the same result sees others only once their own is submitted;
    a lead or resolver not assessing it sees all; others see submitted assessments after submitting their own."""
    if not accounts.project_blinded(conn, assessment["project_id"]):
        return True
    own = conn.execute("SELECT submitted_at FROM rob_assessments WHERE study_id = ? AND tool = ? AND outcome = ? "
                       "AND reviewer_id = ?", (assessment["study_id"], assessment["tool"], assessment["outcome"],
                                               viewer_id)).fetchone()
    if own is not None and own["submitted_at"] is None:
        return False
    if member["can_resolve"]:
        return True
    return own is not None and assessment["submitted_at"] is not None


def compare_assessments(conn: sqlite3.Connection, study_id: int, tool_key: str, outcome: str,
                        viewer_id: int) -> dict[str, Any]:
    """Domain by domain, each visible reviewer's judgement and whether they differ, plus the consensus."""
    study = get_study(conn, study_id)
    member = accounts.require_member(conn, study["project_id"], viewer_id, "lead", "reviewer")
    rows = conn.execute("SELECT * FROM rob_assessments WHERE study_id = ? AND tool = ? AND outcome = ? ORDER BY id",
                        (study_id, tool_key, outcome.strip())).fetchall()
    states, consensus = {}, None
    for row in map(dict, rows):
        if row["reviewer_id"] is None:
            consensus = _state(conn, row)
        elif row["reviewer_id"] == viewer_id or _may_see_others(conn, row, member, viewer_id):
            states[row["reviewer_id"]] = _state(conn, row)
    tool = get_tool(conn, study["project_id"], tool_key)
    domains = []
    for d in tool.domains:
        judged = {r: next(x["judgement"] for x in s["domains"] if x["key"] == d.key) for r, s in states.items()}
        domains.append({"key": d.key, "name": d.name, "judgements": judged, "differs": len(set(judged.values())) > 1})
    return {"study": study, "tool_name": tool.name, "reviewers": list(states), "domains": domains,
            "overall": {r: s["overall"] for r, s in states.items()}, "consensus": consensus}


def plot_data(conn: sqlite3.Connection, project_id: int, tool_key: str, outcome: str = "") -> dict[str, Any]:
    """What exports.robplot draws: the consensus assessments of every study for one tool and outcome."""
    tool = get_tool(conn, project_id, tool_key)
    rows = conn.execute("SELECT a.*, s.label FROM rob_assessments a JOIN studies s ON s.id = a.study_id "
                        "WHERE a.project_id = ? AND a.tool = ? AND a.outcome = ? AND a.reviewer_id IS NULL "
                        "ORDER BY s.label COLLATE NOCASE", (project_id, tool.key, outcome.strip())).fetchall()
    studies = []
    for row in map(dict, rows):
        state = _state(conn, row)
        studies.append({"label": row["label"], "overall": state["overall"],
                        "judgements": {d["key"]: d["judgement"] for d in state["domains"]}})
    title = f"{tool.name}: {outcome}" if outcome.strip() else tool.name
    return {"title": title, "tool": tool.key, "tool_name": tool.name, "outcome": outcome.strip(),
            "domains": [(d.key, d.name) for d in tool.domains],
            "levels": [{"key": level.key, "label": level.label, "symbol": level.symbol, "colour": level.colour}
                       for level in tool.levels],
            "studies": studies}


def list_assessments(conn: sqlite3.Connection, project_id: int, viewer_id: int) -> list[dict[str, Any]]:
    """The assessments the viewer may open: own, consensus, and others' where blinding allows."""
    member = accounts.require_member(conn, project_id, viewer_id, "lead", "reviewer")
    rows = conn.execute("SELECT a.*, s.label, u.name AS reviewer_name FROM rob_assessments a "
                        "JOIN studies s ON s.id = a.study_id LEFT JOIN users u ON u.id = a.reviewer_id "
                        "WHERE a.project_id = ? ORDER BY s.label COLLATE NOCASE, a.outcome, a.tool, a.id",
                        (project_id,)).fetchall()
    shown = []
    for row in map(dict, rows):
        if row["reviewer_id"] in (None, viewer_id) or _may_see_others(conn, row, member, viewer_id):
            state = _state(conn, row)
            shown.append(dict(row, tool_name=state["tool_name"], overall=state["overall"]))
    return shown


def plot_choices(conn: sqlite3.Connection, project_id: int) -> list[dict[str, str]]:
    """The (tool, outcome) pairs that have consensus assessments, to offer plots of."""
    rows = conn.execute("SELECT DISTINCT tool, outcome FROM rob_assessments WHERE project_id = ? "
                        "AND reviewer_id IS NULL ORDER BY tool, outcome", (project_id,)).fetchall()
    return [{"tool": row["tool"], "outcome": row["outcome"],
             "tool_name": get_tool(conn, project_id, row["tool"]).name} for row in rows]
