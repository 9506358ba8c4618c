"""Screening overview, and the lead's tools: conflicts, exclusion reasons, agreement, pilot, settings."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import response

from exports.tables import write_csv
from review import accounts
from review.projects import add_reason, list_reasons, rename_reason, retire_reason
from review.screening import (
    agreement,
    agreement_table,
    close_pilot,
    list_conflicts,
    pilot_status,
    progress,
    project_settings,
    release_outcomes,
    released_summary,
    resolve_conflict,
    sees_others,
    set_blinding,
    set_maybe_policy,
    start_pilot,
)
from review.store import Invalid
from screens.web import add_overview_card, ctx, form, project_page, redirect_to, render

P = "/projects/<project_id:int>"


def install(app: bottle.Bottle) -> None:
    app.route(P + "/screening", "GET", overview, name="screening")
    app.route(P + "/conflicts/<stage:re:[12]>", "GET", conflicts, name="conflicts")
    app.route(P + "/conflicts/<stage:re:[12]>/<record_id:int>", "POST", resolve, name="conflict_resolve")
    app.route(P + "/reasons", "GET", reasons, name="reasons")
    app.route(P + "/reasons", "POST", reasons_post, name="reasons_post")
    app.route(P + "/agreement/<stage:re:[12]>", "GET", agreement_page, name="agreement")
    app.route(P + "/agreement/<stage:re:[12]>.csv", "GET", agreement_csv, name="agreement_csv")
    app.route(P + "/pilot", "POST", pilot_post, name="pilot_post")
    app.route(P + "/screening/settings", "POST", settings_post, name="screening_settings_post")
    app.route(P + "/screening/release", "POST", release_post, name="screening_release_post")
    add_overview_card(app, 20, screening_card)


def screening_card(project: dict[str, Any], member: dict[str, Any]) -> str:
    """The overview card: my progress and the team's at each stage (blinding kept by progress())."""
    c = ctx()
    stages = [progress(c.conn, project["id"], c.user["id"], s, per_reviewer=False) for s in (1, 2)]
    return render("screening/screening_card.tpl", project=project, member=member, stages=stages)


def overview(project_id: int) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    uid = c.user["id"]
    return project_page("screening/screening_home.tpl", project_id, "screening", member=member, title=c._("screening.tab"),
                        progress=[progress(c.conn, project_id, uid, s) for s in (1, 2)],
                        pilot=pilot_status(c.conn, project_id, uid), settings=project_settings(c.conn, project_id),
                        can_resolve=bool(member["can_resolve"]) or member["role"] == "lead",
                        sees=sees_others(c.conn, project_id, uid), released=released_summary(c.conn, project_id))


def conflicts(project_id: int, stage: str) -> str:
    c = ctx()
    rows = list_conflicts(c.conn, project_id, c.user["id"], int(stage))
    return project_page("screening/conflicts.tpl", project_id, "screening", title=c._("conflicts.title"),
                        stage=int(stage), conflicts=rows, reasons=list_reasons(c.conn, project_id))


def resolve(project_id: int, stage: str, record_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    reason_id = form("reason_id")
    resolve_conflict(c.conn, project_id, c.user["id"], record_id, int(stage), form("decision"), form("reason"),
                     reason_id=int(reason_id) if reason_id.isdigit() else None)
    redirect_to("conflicts", flash="conflicts.resolved", project_id=project_id, stage=stage)


def reasons(project_id: int) -> str:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    return project_page("screening/reasons.tpl", project_id, "screening", "lead", title=c._("reasons.title"),
                        reasons=list_reasons(c.conn, project_id, include_retired=True))


def reasons_post(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    action, uid = form("action"), c.user["id"]
    if action == "add":
        add_reason(c.conn, project_id, uid, form("label"))
    elif action == "rename":
        rename_reason(c.conn, project_id, uid, _int(form("reason_id")), form("label"))
    elif action == "retire":
        retire_reason(c.conn, project_id, uid, _int(form("reason_id")))
    else:
        raise Invalid("unknown action on the reasons list", "error.reasons.unknown_action")
    redirect_to("reasons", flash="common.saved", project_id=project_id)


def agreement_page(project_id: int, stage: str) -> str:
    c = ctx()
    rows = agreement(c.conn, project_id, c.user["id"], int(stage))
    return project_page("screening/agreement.tpl", project_id, "screening", title=c._("agreement.title"),
                        stage=int(stage), rows=rows)


def agreement_csv(project_id: int, stage: str) -> str:
    c = ctx()
    rows = agreement(c.conn, project_id, c.user["id"], int(stage))
    response.content_type = "text/csv; charset=utf-8"
    response.set_header("Content-Disposition", f'attachment; filename="agreement-stage{stage}.csv"')
    return write_csv(*agreement_table(rows))


def pilot_post(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    if form("action") == "close":
        close_pilot(c.conn, project_id, c.user["id"])
    else:
        start_pilot(c.conn, project_id, c.user["id"], _int(form("size")))
    redirect_to("screening", flash="common.saved", project_id=project_id)


def settings_post(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    if form("maybe_policy"):
        set_maybe_policy(c.conn, project_id, c.user["id"], form("maybe_policy"))
    if form("blinded") in ("0", "1"):
        set_blinding(c.conn, project_id, c.user["id"], form("blinded") == "1")
    redirect_to("screening", flash="common.saved", project_id=project_id)


def release_post(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    release_outcomes(c.conn, project_id, c.user["id"], _int(form("stage")))
    redirect_to("screening", flash="release.done", project_id=project_id)


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise Invalid(f"expected a number, got {value!r}", "error.common.not_a_number", value=value) from None
