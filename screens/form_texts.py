"""The default extraction form in the reader's language: its labels, help and choices get catalogue keys.

What is stored does not change: a choice's value stays the form's own text (the English one for the
default form); only what a page shows is translated. A lead's own form (or a default field whose label
the lead changed) is shown as written.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from review.appraisal import DEFAULT_FORM
from screens.i18n import catalogue

Texts = Callable[..., str]


def option_key(option: str) -> str:
    """The catalogue key of a default form's choice: 'A Agriculture, forestry…' -> form.option.a_agriculture_forestry…"""
    return "form.option." + re.sub(r"[^a-z0-9]+", "_", option.lower()).strip("_")[:48]


def _defaults() -> dict[str, dict[str, Any]]:
    found = {}
    for field in DEFAULT_FORM["fields"]:
        found[field["key"]] = field
        for sub in field.get("fields", []):
            found[f"{field['key']}.{sub['key']}"] = sub
    return found


def _localise_field(field: dict[str, Any], path: str, _: Texts, defaults: dict[str, dict[str, Any]],
                    replace_options: bool) -> None:
    default = defaults.get(path)
    known = catalogue()
    if default is not None and field.get("label") == default["label"] and f"form.default.{path}" in known:
        field["label"] = _(f"form.default.{path}")
        if field.get("help") == default.get("help") and f"form.default.{path}.help" in known:
            field["help"] = _(f"form.default.{path}.help")
    options = field.get("options") or []
    labels = {o: _(option_key(o)) for o in options if isinstance(o, str) and option_key(o) in known}
    if labels:
        field["option_labels"] = labels
        if replace_options:
            field["options"] = [labels.get(o, o) for o in options]
    for sub in field.get("fields", []):
        _localise_field(sub, f"{path}.{sub['key']}", _, defaults, replace_options)


def localise_form(form: dict[str, Any], _: Texts, replace_options: bool = False) -> dict[str, Any]:
    """A copy of a form to show: default labels, help and choice labels translated (option_labels: value -> text)."""
    shown = copy.deepcopy(form)
    if shown.get("name") == DEFAULT_FORM["name"] and "form.default.name" in catalogue():
        shown["name"] = _("form.default.name")
    defaults = _defaults()
    for field in shown["fields"]:
        _localise_field(field, field["key"], _, defaults, replace_options)
    return shown


def localise_rows(rows: list[dict[str, Any]], form: dict[str, Any]) -> list[dict[str, Any]]:
    """Comparison rows (path, label, ...) with labels from a localised form, as review.extraction words them."""
    by_key = {f["key"]: f for f in form["fields"]}
    for row in rows:
        parts = row["path"].split(".")
        field = by_key.get(parts[0])
        if field is None:
            continue
        if len(parts) == 1:
            row["label"] = field["label"]
        elif len(parts) == 3:
            subs = {f["key"]: f["label"] for f in field.get("fields", [])}
            row["label"] = f"{field['label']} {parts[1]}: {subs.get(parts[2], parts[2])}"
    return rows
