"""The lead's extraction-form designer: add or remove a field, or edit the whole definition as JSON."""
from __future__ import annotations

import json
from typing import Any

import bottle
from bottle import response

from review import accounts, appraisal
from review.store import Invalid
from screens.form_texts import localise_form
from screens.web import ctx, error_text, form, project_page, redirect_to


def install(app: bottle.Bottle) -> None:
    base = "/projects/<project_id:int>/extraction-form"
    app.route(base, "GET", form_design, name="extraction_form")
    app.route(base, "POST", save_form_design, name="extraction_form_post")
    app.route(f"{base}/field", "POST", add_field, name="extraction_field_post")
    app.route(f"{base}/remove", "POST", remove_field, name="extraction_field_remove")


def form_design(project_id: int, error: str = "", definition: str | None = None) -> str:
    c = ctx()
    current = appraisal.get_form(c.conn, project_id)
    text = definition if definition is not None else json.dumps(current, ensure_ascii=False, indent=2)
    shown = localise_form(current, c._, replace_options=True)
    return project_page("appraisal/extraction_form.tpl", project_id, "studies", "lead", form_name=shown["name"],
                        definition=text, error=error, codebook=_codebook(shown), field_types=appraisal.FIELD_TYPES,
                        groups=[f["key"] for f in current["fields"] if f["type"] == "group"])


def save_form_design(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    text = form("definition")
    try:
        appraisal.save_form(c.conn, project_id, c.user["id"], json.loads(text))
    except json.JSONDecodeError as error:
        response.status = 400
        return form_design(project_id, c._("extraction.bad_json", line=error.lineno, column=error.colno), text)
    except Invalid as error:
        response.status = 400
        return form_design(project_id, error_text(error), text)
    redirect_to("extraction_form", flash="common.saved", project_id=project_id)


def add_field(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    field = {k: form(k) for k in ("key", "label", "type", "help")}
    field["options"] = [line.strip() for line in form("options").splitlines() if line.strip()]
    if field["type"] == "group":
        field["fields"] = [{"key": "value", "label": field["label"], "type": "text"}]
    return _save_changed(project_id, lambda current: appraisal.with_field(current, field, form("group")))


def remove_field(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    return _save_changed(project_id, lambda current: appraisal.without_field(current, form("key")))


def _save_changed(project_id: int, change: Any) -> Any:
    c = ctx()
    try:
        appraisal.save_form(c.conn, project_id, c.user["id"], change(appraisal.get_form(c.conn, project_id)))
    except Invalid as error:
        response.status = 400
        return form_design(project_id, error_text(error))
    redirect_to("extraction_form", flash="common.saved", project_id=project_id)


def _codebook(shown: dict[str, Any]) -> list[dict[str, str]]:
    """The codebook of a localised form, with yes/no/unclear in the reader's language too."""
    c = ctx()
    lines = appraisal.codebook(shown)
    for line in lines:
        if line["type"] == "yesno":
            line["options"] = "; ".join(c._("common.answer." + a) for a in appraisal.YES_NO)
    return lines
