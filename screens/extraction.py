"""Studies, data extraction (own values, blinded comparison, agreed values), form design and exports."""
from __future__ import annotations

import json
from typing import Any

import bottle
from bottle import response

from review import accounts, appraisal, publishing
from review.store import Invalid, NotFound, SilError
from screens import rob_texts
from screens.extraction_compare import posted_agreed, rows_with_fields, taken
from screens.form_texts import localise_form, localise_rows
from screens.web import add_project_tab, ctx, error_text, form, form_all, id_in, project_page, query, redirect_to

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "html": "text/html; charset=utf-8", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "svg": "image/svg+xml", "png": "image/png"}
APPRAISAL_EXPORTS = ("extraction", "sof", "rob-plot", "rob")


def install(app: bottle.Bottle) -> None:
    base = "/projects/<project_id:int>"
    app.route(f"{base}/studies", "GET", study_list, name="studies")
    app.route(f"{base}/studies", "POST", create_study, name="studies_post")
    app.route(f"{base}/studies/<study_id:int>", "GET", study_page, name="study")
    app.route(f"{base}/studies/<study_id:int>/extract", "POST", save_extraction, name="study_extract")
    app.route(f"{base}/studies/<study_id:int>/link", "POST", link_reports, name="study_link")
    app.route(f"{base}/studies/<study_id:int>/unlink", "POST", unlink_report, name="study_unlink")
    app.route(f"{base}/studies/<study_id:int>/compare", "GET", compare, name="study_compare")
    app.route(f"{base}/studies/<study_id:int>/agree", "POST", agree, name="study_agree")
    app.route(f"{base}/export/<what>.<fmt>", "GET", download, name="appraisal_export")
    add_project_tab(app, 50, "studies", "extraction.tab", ("lead", "reviewer"))


def study_list(project_id: int, error: str = "") -> str:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    return project_page("appraisal/studies.tpl", project_id, "studies", "lead", "reviewer", error=error,
                        studies=appraisal.list_studies(c.conn, project_id), designs=appraisal.DESIGNS,
                        candidates=appraisal.candidate_records(c.conn, project_id, c.user["id"]), wide=True,
                        progress=appraisal.progress(c.conn, project_id))


def create_study(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    typed = _typed_ids()
    if typed is None:
        return study_list(project_id, error=c._("extraction.bad_ids"))
    record_ids = [int(r) for r in form_all("record") if r.isdigit()] + typed
    try:
        study_id = appraisal.create_study(c.conn, project_id, c.user["id"], form("label"), record_ids,
                                        form("design", "observational"))
    except SilError as error:
        response.status = error.status
        return study_list(project_id, error=error_text(error))
    redirect_to("study", flash="common.saved", project_id=project_id, study_id=study_id)


def _typed_ids() -> list[int] | None:
    """Record numbers typed as '12, 15' (None when something else was typed)."""
    typed = [part for part in form("record_ids").replace(";", ",").replace(" ", ",").split(",") if part]
    return [int(part) for part in typed] if all(part.isdigit() for part in typed) else None


def link_reports(project_id: int, study_id: int) -> Any:
    c = ctx()
    _study(project_id, study_id)
    typed = _typed_ids()
    try:
        if typed is None:
            raise Invalid(c._("extraction.bad_ids"), "extraction.bad_ids")
        appraisal.link_records(c.conn, study_id, c.user["id"], typed)
    except SilError as error:
        response.status = error.status
        return study_page(project_id, study_id, error=error_text(error))
    redirect_to("study", flash="common.saved", project_id=project_id, study_id=study_id)


def unlink_report(project_id: int, study_id: int) -> Any:
    c = ctx()
    _study(project_id, study_id)
    appraisal.unlink_record(c.conn, study_id, c.user["id"], id_in(form("record")))
    redirect_to("study", flash="common.saved", project_id=project_id, study_id=study_id)


def _study(project_id: int, study_id: int) -> dict[str, Any]:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    return appraisal.get_study(c.conn, study_id, project_id)


def _inputs(form_def: dict[str, Any], values: dict[str, Any]) -> list[dict[str, Any]]:
    nested = appraisal.nest(form_def, values)
    items = []
    for field in form_def["fields"]:
        if field["type"] == "group":
            items.append({"field": field, "rows": [*nested[field["key"]], {}]})
        else:
            items.append({"field": field, "value": nested[field["key"]]})
    return items


def study_page(project_id: int, study_id: int, error: str = "", values: dict[str, Any] | None = None) -> str:
    c = ctx()
    study = _study(project_id, study_id)
    form_def = localise_form(appraisal.get_form(c.conn, project_id), c._)
    if values is None:
        values = appraisal.own_values(c.conn, study_id, c.user["id"])
    submitted = c.user["id"] in appraisal.submitted_reviewers(c.conn, study_id)
    return project_page("appraisal/study.tpl", project_id, "studies", "lead", "reviewer", title=study["label"], study=study,
                        inputs=_inputs(form_def, values), submitted=submitted, error=error)


def _posted_values(form_def: dict[str, Any], prefix: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in form_def["fields"]:
        if field["type"] != "group":
            values[field["key"]] = _posted(field, f"{prefix}{field['key']}")
            continue
        rows = int(form(f"rows:{field['key']}", "0") or 0) if form(f"rows:{field['key']}").isdigit() else 0
        for n in range(1, rows + 1):
            for sub in field["fields"]:
                values[f"{field['key']}.{n}.{sub['key']}"] = _posted(sub, f"{prefix}{field['key']}.{n}.{sub['key']}")
    return values


def _posted(field: dict[str, Any], name: str) -> Any:
    return form_all(name) if field["type"] == "multi" else form(name)


def save_extraction(project_id: int, study_id: int) -> Any:
    c = ctx()
    _study(project_id, study_id)
    values = _posted_values(appraisal.get_form(c.conn, project_id), "v:")
    try:
        appraisal.save_values(c.conn, study_id, c.user["id"], values)
    except Invalid as error:
        response.status = 400
        return study_page(project_id, study_id, error=error_text(error), values={k: v for k, v in values.items() if v})
    if form("action") == "submit":
        appraisal.submit(c.conn, study_id, c.user["id"])
        redirect_to("study_compare", flash="extraction.submitted_flash", project_id=project_id, study_id=study_id)
    redirect_to("study", flash="common.saved", project_id=project_id, study_id=study_id)


def show(value: Any) -> str:
    """A stored value as a person reads (and re-types) it."""
    if value is None:
        return ""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def compare(project_id: int, study_id: int) -> str:
    c = ctx()
    study = _study(project_id, study_id)
    view = appraisal.comparison(c.conn, study_id, c.user["id"])
    form_def = localise_form(appraisal.get_form(c.conn, project_id), c._)
    localise_rows(view["rows"], form_def)
    rows = rows_with_fields(view, form_def)
    return project_page("appraisal/study_compare.tpl", project_id, "studies", "lead", "reviewer", title=study["label"],
                        view=view, rows=rows, show=show, wide=True, scripts=["extraction.js"],
                        json_value=lambda value: json.dumps(value, ensure_ascii=False))


def agree(project_id: int, study_id: int) -> Any:
    c = ctx()
    _study(project_id, study_id)
    if form("action") == "identical":
        appraisal.agree_identical_values(c.conn, study_id, c.user["id"])
    else:
        values = posted_agreed(appraisal.get_form(c.conn, project_id), list(bottle.request.forms.keys()))
        if form("take"):  # "take A's value": the posted values first, then that reviewer's
            values.update(taken(appraisal.comparison(c.conn, study_id, c.user["id"]), form("take")))
        appraisal.record_agreed(c.conn, study_id, c.user["id"], values)
    redirect_to("study_compare", flash="common.saved", project_id=project_id, study_id=study_id)


def download(project_id: int, what: str, fmt: str) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    if what not in APPRAISAL_EXPORTS or fmt not in EXPORT_TYPES:
        raise NotFound(f"no export {what}.{fmt}", "error.not_found", value=f"{what}.{fmt}")
    options = {k: query(k) for k in ("tool", "outcome", "kind") if query(k, None) is not None}
    if what == "rob-plot":
        options["localise"] = lambda data: rob_texts.localise_plot(data, c._)
    if what == "sof":
        options.update(texts=c._, lang=c.language)
    data = publishing.export(c.conn, project_id, what, fmt, **options)
    response.content_type = EXPORT_TYPES[fmt]
    if fmt not in ("svg", "png") or bottle.request.query.get("download"):
        response.set_header("Content-Disposition", f'attachment; filename="{what}-{project_id}.{fmt}"')
    return data
