"""The portal's accessibility statement: the fields a person fills in, kept per installation, and
Sil's own axe-core results (exports/axe_results.json, read by exports.portal_meta.axe_results)."""
from __future__ import annotations

import re
import sqlite3
from typing import Any

from exports.portal_meta import STATEMENT_FIELDS, axe_results, statement_values
from review.accounts import record_event
from review.store import Forbidden, Invalid, now, transaction

MAX_LENGTH = {"known_issues": 4000}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def saved_fields(conn: sqlite3.Connection) -> dict[str, str]:
    """The fields as last saved ('' where never filled), with updated_at of the newest."""
    rows = conn.execute("SELECT field, value, updated_at FROM portal_statement").fetchall()
    found = {row["field"]: row["value"] for row in rows}
    found["updated_at"] = max((row["updated_at"] for row in rows), default="")
    return found


def statement(conn: sqlite3.Connection, base_url: str = "") -> dict[str, Any]:
    """What the statement page shows."""
    return statement_values(saved_fields(conn), axe_results(), base_url)


def save_statement(conn: sqlite3.Connection, user: dict[str, Any], values: dict[str, str]) -> None:
    """A site administrator saves the editable fields; each is checked and the change is in the audit log."""
    if not user.get("is_admin"):
        raise Forbidden("only a site administrator edits the accessibility statement", "error.publishing.admin_only")
    clean = {}
    for field in STATEMENT_FIELDS:
        value = str(values.get(field) or "").replace("\r\n", "\n").strip()
        if len(value) > MAX_LENGTH.get(field, 300):
            raise Invalid(f"{field}: keep it under {MAX_LENGTH.get(field, 300)} characters",
                          "error.publishing.statement_field", field=field, problem=f"> {MAX_LENGTH.get(field, 300)}")
        clean[field] = value
    if clean["contact_email"] and not EMAIL.match(clean["contact_email"]):
        raise Invalid(f"contact_email: {clean['contact_email']!r} is not an e-mail address",
                      "error.publishing.statement_field", field="contact_email", problem=clean["contact_email"])
    if clean["site_url"] and not clean["site_url"].startswith(("http://", "https://")):
        raise Invalid(f"site_url: {clean['site_url']!r} must start with http:// or https://",
                      "error.publishing.statement_field", field="site_url", problem=clean["site_url"])
    if clean["checked_on"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", clean["checked_on"]):
        raise Invalid(f"checked_on: {clean['checked_on']!r} is not a date like 2026-12-01",
                      "error.publishing.statement_field", field="checked_on", problem=clean["checked_on"])
    with transaction(conn):
        for field, value in clean.items():
            conn.execute("INSERT INTO portal_statement (field, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (field) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                         "updated_by = excluded.updated_by", (field, value, now(), user["id"]))
        record_event(conn, None, user["id"], "portal.statement_saved", "portal", {"fields": sorted(clean)})
