"""Risk of bias: the built-in tools (RoB 2, ROBINS-I, ROBINS-E), custom tools, and assessments."""
from __future__ import annotations

import sqlite3

from review.appraisal.rob import rob2, robins_e, robins_i
from review.appraisal.rob.custom import custom_tool, custom_tools
from review.appraisal.rob.tool import Tool
from review.store import NotFound

BUILTIN: dict[str, Tool] = {t.key: t for t in (rob2.TOOL, robins_i.TOOL, robins_e.TOOL)}


def get_tool(conn: sqlite3.Connection | None, project_id: int | None, key: str) -> Tool:
    """A built-in tool by key, or a project's custom tool as custom:<id>."""
    if key in BUILTIN:
        return BUILTIN[key]
    if key.startswith("custom:") and key[7:].isdigit() and conn is not None and project_id is not None:

        return custom_tool(conn, project_id, int(key[7:]))
    raise NotFound(f"no risk-of-bias tool {key!r}; choose one of {', '.join(BUILTIN)} or a custom tool",
                   "error.rob.no_tool", tool=key, choices=", ".join(BUILTIN))


def tools_for(conn: sqlite3.Connection, project_id: int) -> list[Tool]:
    """Every tool a project can use: the built-in ones, then its custom ones."""

    return [*BUILTIN.values(), *custom_tools(conn, project_id)]
