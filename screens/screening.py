"""The screening page: one record at a time, decide by keys or buttons, undo, my history.

With JavaScript the page asks for JSON instead (Accept: application/json): next.json prefetches the next
record, and decide and undo answer with what the page needs to show the next (or the undone) record
without a reload, at either stage. Without it the same routes take plain form posts and redirect."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import request

from review import accounts, screening
from review.projects import list_reasons
from review.screening import complete_count, open_pilot, own_event_number, progress, record_for_screening, sees_outcomes
from review.store import Conflict, Invalid
from screens.web import (
    add_project_tab,
    ctx,
    error_text,
    form,
    json_response,
    project_page,
    query,
    query_int,
    redirect_to,
    url,
)

STAGE = "<stage:re:[12]>"
# What the page's script fills in from a record (the abstract once, as its labelled paragraphs).
SHOWN_FIELDS = ("id", "year", "journal", "authors", "title_marked", "abstract_sections", "keywords_marked", "doi", "pmid")


def install(app: bottle.Bottle) -> None:
    base = "/projects/<project_id:int>/screen/" + STAGE
    app.route(base, "GET", screen, name="screen")
    app.route(base + "/decide", "POST", decide, name="screen_decide")
    app.route(base + "/undo", "POST", undo, name="screen_undo")
    app.route(base + "/next.json", "GET", next_json, name="screen_next")
    app.route(base + "/history", "GET", history, name="screen_history")
    add_project_tab(app, 20, "screening", "screening.tab")


def _wants_json() -> bool:
    return request.get_header("Accept", "").startswith("application/json")


def screen(project_id: int, stage: str) -> str:
    c = ctx()
    stage_no = int(stage)
    member = accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    record_id = query_int("record") or screening.claim_next(c.conn, project_id, c.user["id"], stage_no)
    record = record_for_screening(c.conn, project_id, c.user["id"], record_id, stage_no) if record_id else None
    return project_page("screening/screen.tpl", project_id, "screening", member=member,
                        title=c._("screening.stage" + stage), stage=stage_no, record=record, hide=query("hide") == "1",
                        reasons=list_reasons(c.conn, project_id) if stage_no == 2 else [],
                        progress=progress(c.conn, project_id, c.user["id"], stage_no, per_reviewer=False), wide=True,
                        scripts=["screening.js"], error=query("error"),
                        pilot_open=stage_no == 1 and open_pilot(c.conn, project_id) is not None,
                        blinded=not sees_outcomes(c.conn, project_id, c.user["id"]))


def decide(project_id: int, stage: str) -> Any:
    c = ctx()
    stage_no = int(stage)
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    record_id = _int(form("record_id"), "record_id")
    reason = form("reason_id")
    hide = {"hide": "1"} if form("hide") == "1" else {}
    try:
        state = screening.record_decision(
            c.conn, project_id, c.user["id"], record_id, stage_no, form("decision"),
            reason_id=_int(reason, "reason_id") if reason else None, note=form("note"),
            labels=[x for x in form("labels").split(",")], change_reason=form("change_reason"))
    except (Conflict, Invalid) as error:
        if _wants_json():
            return json_response({"ok": False, "error": error_text(error), "status": error.status}, error.status)
        again = {} if error.key == "error.screening.enough_decisions" else {"record": record_id}  # take the next one
        redirect_to("screen", query={**hide, **again, "error": error_text(error)}, project_id=project_id, stage=stage)
    if _wants_json():
        # the reviewer's own event number (others' events would show how busy they are)
        return json_response({"ok": True, "record_id": record_id, "own_state": "decided",
                              "event_id": own_event_number(c.conn, project_id, c.user["id"], state["event_id"]),
                              **_counts(project_id, stage_no)})
    redirect_to("screen", query=hide or None, project_id=project_id, stage=stage)


def undo(project_id: int, stage: str) -> Any:
    c = ctx()
    stage_no = int(stage)
    try:
        state = screening.undo_last(c.conn, project_id, c.user["id"], stage_no)
    except (Conflict, Invalid) as error:
        if _wants_json():
            return json_response({"ok": False, "error": error_text(error), "status": error.status}, error.status)
        raise
    if _wants_json():
        # the record the undo brought back, to show in place of the one on screen
        record = record_for_screening(c.conn, project_id, c.user["id"], state["record_id"], stage_no)
        return json_response({"ok": True, "record_id": state["record_id"], "record": _shown(project_id, record),
                              **_counts(project_id, stage_no)})
    query_values = {"record": state["record_id"], **({"hide": "1"} if form("hide") == "1" else {})}
    redirect_to("screen", flash="screening.undone", query=query_values, project_id=project_id, stage=stage)


def next_json(project_id: int, stage: str) -> str:
    c = ctx()
    skip = tuple(int(s) for s in query("skip").split(",") if s.isdigit())
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    record_id = screening.claim_next(c.conn, project_id, c.user["id"], int(stage), keep=skip)
    if record_id is None:
        return json_response({"record": None})
    record = record_for_screening(c.conn, project_id, c.user["id"], record_id, int(stage))
    return json_response({"record": _shown(project_id, record)})


def _shown(project_id: int, record: dict[str, Any]) -> dict[str, Any]:
    """A record as the page's script shows it. Of the reviewer's decision only what it is (a record with one
    in force is shown by the page itself, with the form to change it). At full text, what the attachment
    area shows (PDF, none, not retrieved and why) and where its PDF and its forms are."""
    shown = {k: record[k] for k in SHOWN_FIELDS}
    shown["mine"] = record["mine"]["decision"] if record["mine"] else None
    if record["stage"] == 2:
        ft, where = record["fulltext"], {"project_id": project_id, "record_id": record["id"]}
        shown["fulltext"] = {"kind": ft["kind"], "file_name": ft["file_name"], "reason": ft["reason"],
                             "pdf": url("fulltext_pdf", **where), "upload": url("fulltext_upload", **where),
                             "missing": url("fulltext_missing", **where)}
    return shown


def _counts(project_id: int, stage: int) -> dict[str, int]:
    """The page's counters after a decision or an undo: mine, and the team's as the viewer may see it under blinding."""
    c = ctx()
    return {"mine": screening.my_count(c.conn, project_id, c.user["id"], stage),
            "complete": complete_count(c.conn, project_id, stage, c.user["id"])}


def history(project_id: int, stage: str) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    page = max(0, query_int("page", 0) or 0)
    rows = screening.my_decisions(c.conn, project_id, c.user["id"], int(stage), limit=100, offset=page * 100)
    return project_page("screening/screening_history.tpl", project_id, "screening", member=member,
                        title=c._("screening.history"), stage=int(stage), rows=rows, page=page)


def _int(value: str, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Invalid(f"{field} must be a number, not {value!r}",
                      "error.screening.not_a_number", field=field, value=value) from None
