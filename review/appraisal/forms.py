"""Extraction forms: field types, design validation, value checking, and one form per project."""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from typing import Any

from review.accounts import record_event
from review.appraisal.default_form import DEFAULT_FORM
from review.store import Invalid, now, transaction

FIELD_TYPES = ("text", "number", "choice", "multi", "yesno", "date", "group")
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
YES_NO = ("yes", "no", "unclear")


def validate_form(definition: dict[str, Any]) -> dict[str, Any]:
    """Check a form design and return it normalised; raise Invalid naming the first bad field."""
    if not isinstance(definition, dict) or not isinstance(definition.get("fields"), list):
        raise Invalid("an extraction form needs a list of fields", "error.form.no_field_list")
    fields = _validate_fields(definition["fields"], where="form", allow_groups=True)
    if not fields:
        raise Invalid("an extraction form needs at least one field", "error.form.no_fields")
    return {"name": str(definition.get("name") or "Extraction form").strip(), "fields": fields}


def _validate_fields(fields: list[Any], where: str, allow_groups: bool) -> list[dict[str, Any]]:
    seen: set[str] = set()
    cleaned = []
    for position, field in enumerate(fields, start=1):
        item = _validate_field(field, f"{where}, field {position}", allow_groups)
        if item["key"] in seen:
            raise Invalid(f"{where}: the key {item['key']!r} is used twice; each field needs its own key",
                          "error.form.key_twice", name=item["key"])
        seen.add(item["key"])
        cleaned.append(item)
    return cleaned


def _validate_field(field: Any, where: str, allow_groups: bool) -> dict[str, Any]:
    if not isinstance(field, dict):
        raise Invalid(f"{where}: a field must be a mapping with key, label and type",
                      "error.form.field_not_mapping", where=where)
    key, label, kind = (str(field.get(k) or "").strip() for k in ("key", "label", "type"))
    if not KEY_PATTERN.match(key):
        raise Invalid(f"{where}: key {key!r} must start with a lower-case letter and hold only a-z, 0-9 and _",
                      "error.form.bad_key", name=key)
    where = f"{where} ({key})"
    if not label:
        raise Invalid(f"{where}: the field needs a label", "error.form.no_label", name=key)
    if kind not in FIELD_TYPES:
        raise Invalid(f"{where}: type {kind!r} is not one of {', '.join(FIELD_TYPES)}",
                      "error.form.bad_type", name=key, type=kind, choices=", ".join(FIELD_TYPES))
    item: dict[str, Any] = {"key": key, "label": label, "type": kind, "help": str(field.get("help") or "")}
    if kind in ("choice", "multi"):
        options = [str(o).strip() for o in field.get("options") or [] if str(o).strip()]
        if not options:
            raise Invalid(f"{where}: a {'choice' if kind == 'choice' else 'multiple-choice'} field needs at least one option",
                          "error.form.no_options", name=key)
        if len(set(options)) != len(options):
            raise Invalid(f"{where}: an option is listed twice", "error.form.option_twice", name=key)
        item["options"] = options
    if kind == "group":
        if not allow_groups:
            raise Invalid(f"{where}: a repeating group cannot hold another repeating group",
                          "error.form.nested_group", name=key)
        item["fields"] = _validate_fields(field.get("fields") or [], where, allow_groups=False)
        if not item["fields"]:
            raise Invalid(f"{where}: a repeating group needs at least one field", "error.form.empty_group", name=key)
    return item


def clean_value(field: dict[str, Any], raw: Any) -> Any:
    """A value as the field stores it (None when empty); raise Invalid naming the field if it does not fit."""
    kind, label = field["type"], field["label"]
    if raw is None or raw == "" or raw == []:
        return None
    if kind == "text":
        return str(raw).strip() or None
    if kind == "number":
        return _number(raw, label)
    if kind == "choice":
        return _option(str(raw).strip(), field["options"], label)
    if kind == "multi":
        values = raw if isinstance(raw, (list, tuple)) else [raw]
        chosen = {_option(str(v).strip(), field["options"], label) for v in values}
        return [o for o in field["options"] if o in chosen]
    if kind == "yesno":
        return _option(str(raw).strip().lower(), list(YES_NO), label)
    if kind == "date":
        try:
            return dt.date.fromisoformat(str(raw).strip()).isoformat()
        except ValueError:
            raise Invalid(f"{label}: {raw!r} is not a date (write YYYY-MM-DD)",
                          "error.form.not_date", field=label, value=raw) from None
    raise Invalid(f"{label}: a repeating group takes its values row by row", "error.form.group_rows", field=label)


def _number(raw: Any, label: str) -> int | float:
    if isinstance(raw, bool):
        raise Invalid(f"{label}: expected a number", "error.form.expected_number", field=label)
    if isinstance(raw, (int, float)):
        return raw
    text = str(raw).strip().replace(" ", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise Invalid(f"{label}: {raw!r} is not a number", "error.form.not_number", field=label, value=raw) from None
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def _option(value: str, options: list[str], label: str) -> str:
    if value not in options:
        raise Invalid(f"{label}: {value!r} is not one of the options ({', '.join(options)})",
                      "error.form.not_option", field=label, value=value, choices=", ".join(options))
    return value


def field_at(form: dict[str, Any], path: str) -> dict[str, Any]:
    """The field a value path names: 'key' or 'group.row.key' (rows count from 1)."""
    parts = path.split(".")
    by_key = {f["key"]: f for f in form["fields"]}
    field = by_key.get(parts[0])
    if field is None:
        raise Invalid(f"the form has no field {parts[0]!r}", "error.form.no_such_field", name=parts[0])
    if field["type"] != "group":
        if len(parts) != 1:
            raise Invalid(f"{field['label']} is not a repeating group", "error.form.not_group", field=field["label"])
        return field
    if len(parts) != 3 or not parts[1].isdigit() or int(parts[1]) < 1:
        raise Invalid(f"{field['label']}: name a row and a field, e.g. {parts[0]}.1.<field>",
                      "error.form.name_row", field=field["label"], name=parts[0])
    sub = {f["key"]: f for f in field["fields"]}.get(parts[2])
    if sub is None:
        raise Invalid(f"{field['label']} has no field {parts[2]!r}",
                      "error.form.no_such_subfield", field=field["label"], name=parts[2])
    return sub


def save_form(conn: sqlite3.Connection, project_id: int, user_id: int | None, definition: dict[str, Any]) -> dict[str, Any]:
    """Validate and store the project's extraction form (replacing the previous design)."""
    form = validate_form(definition)
    text = json.dumps(form, ensure_ascii=False)
    with transaction(conn):
        conn.execute(
            """INSERT INTO extraction_forms (project_id, definition, updated_at, updated_by) VALUES (?, ?, ?, ?)
               ON CONFLICT (project_id) DO UPDATE SET definition = excluded.definition,
               updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
            (project_id, text, now(), user_id))
        record_event(conn, project_id, user_id, "extraction.form_saved", form["name"],
                     {"fields": [f["key"] for f in form["fields"]]})
    return form


def get_form(conn: sqlite3.Connection, project_id: int) -> dict[str, Any]:
    """The project's extraction form; the default occupational-health form until the lead saves one."""
    row = conn.execute("SELECT definition FROM extraction_forms WHERE project_id = ?", (project_id,)).fetchone()
    if row is None:

        return validate_form(DEFAULT_FORM)
    return json.loads(row["definition"])


def codebook(form: dict[str, Any]) -> list[dict[str, str]]:
    """One line per field (groups' fields named group.key) for exports: key, label, type, options, help."""
    lines = []
    for field in form["fields"]:
        if field["type"] == "group":
            lines.append(_codebook_line(field["key"], field, ""))
            lines.extend(_codebook_line(f"{field['key']}.{sub['key']}", sub, field["key"]) for sub in field["fields"])
        else:
            lines.append(_codebook_line(field["key"], field, ""))
    return lines


def _codebook_line(key: str, field: dict[str, Any], group: str) -> dict[str, str]:
    options = field.get("options") or (list(YES_NO) if field["type"] == "yesno" else [])
    return {"key": key, "label": field["label"], "type": field["type"], "group": group,
            "options": "; ".join(options), "help": field.get("help", "")}


def with_field(form: dict[str, Any], field: dict[str, Any], group: str = "") -> dict[str, Any]:
    """A copy of the form with one more field at the end (of a repeating group, if named), validated."""
    fields = [dict(f, fields=list(f["fields"])) if f["type"] == "group" else f for f in form["fields"]]
    if group:
        target = next((f for f in fields if f["key"] == group and f["type"] == "group"), None)
        if target is None:
            raise Invalid(f"the form has no repeating group {group!r}", "error.form.no_such_group", group=group)
        target["fields"].append(field)
    else:
        fields.append(field)
    return validate_form({"name": form["name"], "fields": fields})


def without_field(form: dict[str, Any], key: str) -> dict[str, Any]:
    """A copy of the form without a field ('key' or 'group.key'); values already extracted stay stored."""
    group, _, sub = key.partition(".")
    fields = []
    for f in form["fields"]:
        if f["key"] == group and not sub:
            continue
        if f["key"] == group and f["type"] == "group":
            f = dict(f, fields=[s for s in f["fields"] if s["key"] != sub])
        fields.append(f)
    return validate_form({"name": form["name"], "fields": fields})
