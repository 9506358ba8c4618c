"""Risk-of-bias tools a lead defines: named domains, optional signalling questions, ordered levels."""
from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from review import accounts
from review.accounts import record_event
from review.appraisal.rob.tool import Domain, Level, Overall, Tool, most_severe
from review.store import Conflict, Invalid, NotFound, now, transaction

PALETTE = {2: ("#02C100", "#BF0000"), 3: ("#02C100", "#E2DF07", "#BF0000"),
           4: ("#02C100", "#E2DF07", "#BF0000", "#820000"),
           5: ("#02C100", "#A6D96A", "#E2DF07", "#BF0000", "#820000"),
           6: ("#02C100", "#A6D96A", "#E2DF07", "#F46D43", "#BF0000", "#820000")}
SYMBOLS = {2: "+X", 3: "+-X", 4: "+-X!", 5: "++-X!", 6: "++--X!"}


def validate_tool(definition: dict[str, Any]) -> dict[str, Any]:
    """Check a custom tool design; return it normalised or raise Invalid saying what to fix."""
    name = str(definition.get("name") or "").strip()
    if not name:
        raise Invalid("a risk-of-bias tool needs a name", "error.rob.tool_name")
    levels = [str(level).strip() for level in definition.get("levels") or [] if str(level).strip()]
    if not 2 <= len(levels) <= 6 or len(set(levels)) != len(levels):
        raise Invalid(f"{name}: give 2 to 6 different judgement levels, least severe first (e.g. Low, High)",
                      "error.rob.tool_levels", tool=name)
    domains = []
    for position, domain in enumerate(definition.get("domains") or [], start=1):
        label = str(domain.get("name") or "").strip()
        if not label:
            raise Invalid(f"{name}: domain {position} needs a name",
                          "error.rob.domain_name", tool=name, position=position)
        questions = [str(q).strip() for q in domain.get("questions") or [] if str(q).strip()]
        domains.append({"name": label, "questions": questions})
    if not domains:
        raise Invalid(f"{name}: a risk-of-bias tool needs at least one domain", "error.rob.no_domains", tool=name)
    rule = definition.get("overall") or "most_severe"
    if rule not in ("most_severe", "none"):
        raise Invalid(f"{name}: the overall rule must be 'most_severe' or 'none'", "error.rob.overall_rule", tool=name)
    return {"name": name, "levels": levels, "domains": domains, "overall": rule}


def build_tool(tool_id: int, definition: dict[str, Any]) -> Tool:
    """A Tool from a stored custom definition (its key is custom:<id>)."""
    labels = definition["levels"]
    levels = tuple(Level(_slug(label, i), label, SYMBOLS[len(labels)][i], PALETTE[len(labels)][i])
                   for i, label in enumerate(labels))
    domains = tuple(Domain(f"d{i}", d["name"], tuple((f"{i}.{j}", q) for j, q in enumerate(d["questions"], 1)))
                    for i, d in enumerate(definition["domains"], start=1))
    order = tuple(level.key for level in levels)
    rule = most_severe(order) if definition["overall"] == "most_severe" else (lambda _j: Overall(None, "set the overall judgement", "rob.note.set_overall"))
    return Tool(f"custom:{tool_id}", definition["name"], levels, domains, rule)


def _slug(label: str, index: int) -> str:
    return f"l{index}_" + re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def create_tool(conn: sqlite3.Connection, project_id: int, user_id: int, definition: dict[str, Any]) -> int:
    """Store a custom tool for the project (leads only); return its id."""
    accounts.require_member(conn, project_id, user_id, "lead")
    tool = validate_tool(definition)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM rob_tools WHERE project_id = ? AND name = ?", (project_id, tool["name"])).fetchone():
            raise Conflict(f"the project has a tool named {tool['name']!r} already",
                           "error.rob.tool_exists", tool=tool["name"])
        tool_id = conn.execute("INSERT INTO rob_tools (project_id, name, definition, created_at, created_by) "
                               "VALUES (?, ?, ?, ?, ?)",
                               (project_id, tool["name"], json.dumps(tool, ensure_ascii=False), now(), user_id)).lastrowid
        record_event(conn, project_id, user_id, "rob.tool_created", tool["name"], {"tool_id": tool_id})
    return tool_id


def custom_tools(conn: sqlite3.Connection, project_id: int) -> list[Tool]:
    """The project's custom tools."""
    rows = conn.execute("SELECT id, definition FROM rob_tools WHERE project_id = ? ORDER BY id", (project_id,))
    return [build_tool(row["id"], json.loads(row["definition"])) for row in rows]


def custom_tool(conn: sqlite3.Connection, project_id: int, tool_id: int) -> Tool:
    """One custom tool of the project."""
    row = conn.execute("SELECT definition FROM rob_tools WHERE id = ? AND project_id = ?", (tool_id, project_id)).fetchone()
    if row is None:
        raise NotFound(f"no risk-of-bias tool custom:{tool_id} in this project",
                       "error.rob.custom_not_found", tool=f"custom:{tool_id}")
    return build_tool(tool_id, json.loads(row["definition"]))
