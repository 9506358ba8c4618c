"""The extraction comparison as people read it: each value by its label, the agreed value in an input that fits
its field (a select for a choice, checkboxes for several), and what "take A's value" sends."""
from __future__ import annotations

from typing import Any

from review import appraisal
from review.store import Invalid
from screens.web import ctx, form, form_all


def field_of(form_def: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The form field a value path names, or None for a path the form no longer has."""
    try:
        return appraisal.field_at(form_def, path)
    except Invalid:
        return None


def shown(value: Any, field: dict[str, Any] | None) -> str:
    """A stored value in words: yes/no/unclear in the user's language, several choices joined by '; '."""
    if value is None or value == "":
        return ""
    if field and field["type"] == "yesno" and value in ("yes", "no", "unclear"):
        return ctx()._(f"common.answer.{value}")
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def rows_with_fields(view: dict[str, Any], form_def: dict[str, Any]) -> list[dict[str, Any]]:
    """The comparison's rows, each with its field and each value shown by its label."""
    rows = []
    for row in view["rows"]:
        field = field_of(form_def, row["path"])
        rows.append({**row, "field": field, "shown": {r: shown(v, field) for r, v in row["values"].items()},
                     "agreed_shown": shown(row["agreed"], field)})
    return rows


def posted_agreed(form_def: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """The agreed values the form sends: a:<path> per field (several for a multi field, which also sends
    m:<path> so that ticking none clears it)."""
    values: dict[str, Any] = {}
    for name in names:
        if name.startswith("a:"):
            path = name[2:]
            field = field_of(form_def, path)
            if field is not None and field["type"] != "multi":
                values[path] = form(name)
        elif name.startswith("m:"):
            values[name[2:]] = [v for v in form_all("a:" + name[2:]) if v.strip()]
    return values


def taken(view: dict[str, Any], choice: str) -> dict[str, Any]:
    """What a "take this reviewer's value" button asks for ('<reviewer id>|<path>', or '<reviewer id>|*' for
    every value of that reviewer), read from the comparison the viewer may see (so blinding holds)."""
    reviewer, _, path = choice.partition("|")
    if not reviewer.isdigit() or int(reviewer) not in view["reviewers"]:
        raise Invalid("that reviewer's values are not shown to you", "error.extraction.take_unknown")
    rid = int(reviewer)
    return {row["path"]: row["values"][rid] for row in view["rows"]
            if (path == "*" or row["path"] == path) and row["values"].get(rid) is not None}
