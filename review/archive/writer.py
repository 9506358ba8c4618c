"""A whole project as an archive (every table's rows as JSON, plus its PDFs) and importing one as a new project.

The tables are found from the schema itself (foreign keys lead from a table to its project), so a table a
later migration adds travels without changes here. Ids are renumbered on import; people are matched by name."""
from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from exports.archive import write_archive
from exports.errors import ExportFailure
from review.store import Invalid, now, schema_version

GLOBAL = {"users", "sessions", "login_failures", "account_links", "project_invitations"}  # not a project's data
USER_FIELDS = ("id", "name", "display_name")


def foreign_keys(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """column -> referenced table, for one table."""
    return {row["from"]: row["table"] for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')}


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The table's columns in order."""
    return [row["name"] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def nullable(conn: sqlite3.Connection, table: str) -> set[str]:
    """The columns that may hold NULL."""
    return {row["name"] for row in conn.execute(f'PRAGMA table_info("{table}")') if not row["notnull"] and not row["pk"]}


def has_row_id(conn: sqlite3.Connection, table: str) -> bool:
    """Whether the table's key is an own 'id' that a new database numbers afresh."""
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    keys = [row["name"] for row in info if row["pk"]]
    return keys == ["id"]


def plain_tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables (no SQLite internals, no full-text index and its shadow tables)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [r["name"] for r in rows if (r["sql"] or "").upper().startswith("CREATE VIRTUAL")]
    return [r["name"] for r in rows if not r["name"].startswith("sqlite_") and r["name"] not in virtual
            and not any(r["name"].startswith(v + "_") for v in virtual)]


def table_order(conn: sqlite3.Connection) -> tuple[list[str], dict[str, set[str]]]:
    """Project tables with every referenced table first; (order, columns to fill in afterwards per table)."""
    pending = {t: {c: ref for c, ref in foreign_keys(conn, t).items() if ref not in GLOBAL and ref != t}
               for t in plain_tables(conn) if t not in GLOBAL}
    order, deferred = [], {}
    while pending:
        ready = [t for t, refs in pending.items() if all(ref in order for ref in refs.values())]
        if not ready:  # a cycle (a summary and its versions): fill nullable references in afterwards
            unmet = {t: {c for c, ref in refs.items() if ref not in order} for t, refs in pending.items()}
            breakable = [t for t in pending if unmet[t] <= nullable(conn, t)]
            if not breakable:
                raise RuntimeError(f"tables {sorted(pending)} refer to each other through required columns")
            table = min(breakable, key=lambda t: (len(unmet[t]), t))
            deferred[table] = unmet[table]
            ready = [table]
        for table in sorted(ready):
            order.append(table)
            del pending[table]
    return order, deferred


def _project_rows(conn: sqlite3.Connection, project_id: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    order, _ = table_order(conn)
    kept: dict[str, set[Any]] = {}
    for table in order:
        cols, refs = columns(conn, table), foreign_keys(conn, table)
        if table == "projects":
            where, args = "id = ?", [project_id]
        elif "project_id" in cols:
            where, args = "project_id = ?", [project_id]
        else:
            link = next((c for c, ref in refs.items() if ref in kept and ref != table), None)
            if link is None:
                continue
            ids = sorted(kept[refs[link]])
            where, args = f'"{link}" IN (SELECT value FROM json_each(?))', [_json_list(ids)]
        rows = [dict(r) for r in conn.execute(f'SELECT * FROM "{table}" WHERE {where} ORDER BY rowid', args)]
        if "id" in cols:
            kept[table] = {r["id"] for r in rows}
        yield table, rows


def _json_list(values: list[Any]) -> str:
    import json

    return json.dumps(values)


def write_project_archive(conn: sqlite3.Connection, project_id: int, out: IO[bytes], files_dir: str | Path) -> None:
    """Write the project's archive (zip) to a binary stream."""
    tables = list(_project_rows(conn, project_id))
    if not tables or not tables[[t for t, _ in tables].index("projects")][1]:
        raise Invalid(f"project {project_id} does not exist", "error.project.not_found")
    people = _people(conn, tables)
    folder = Path(files_dir) / f"project-{int(project_id)}"
    pdfs = [(p.stem, p) for p in sorted(folder.glob("*.pdf")) if len(p.stem) == 64] if folder.is_dir() else []
    manifest = {"project_id": project_id, "schema_version": schema_version(conn), "exported_at": now(),
                "tables": {t: len(rows) for t, rows in tables}}
    try:
        write_archive(out, manifest, [("users", people), *((t, map(_encode, rows)) for t, rows in tables)], pdfs)
    except ExportFailure as failure:
        raise Invalid(failure.message, failure.key, **failure.values) from None


def _people(conn: sqlite3.Connection, tables: list[tuple[str, list[dict]]]) -> list[dict[str, Any]]:
    ids = {row[c] for t, rows in tables for c, ref in foreign_keys(conn, t).items() if ref == "users"
           for row in rows if row[c] is not None}
    rows = conn.execute(f"SELECT {', '.join(USER_FIELDS)} FROM users WHERE id IN (SELECT value FROM json_each(?))",
                        (_json_list(sorted(ids)),))
    return [dict(r) for r in rows]


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    return {k: {"$base64": base64.b64encode(v).decode()} if isinstance(v, bytes) else v for k, v in row.items()}


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$base64"}:
        return base64.b64decode(value["$base64"])
    if isinstance(value, (dict, list)):
        raise Invalid("an archive cell holds a nested value; only text, numbers and null belong in a table",
                      "error.archive.nested_value")
    return value
