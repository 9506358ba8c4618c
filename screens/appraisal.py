"""Risk-of-bias screens: assessments per study and outcome, blinded comparison, consensus, plots, custom tools."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import response

from review import accounts, appraisal, projects
from review.appraisal import (
    ANSWERS,
    create_tool,
    tools_for,
)
from review.appraisal import start_consensus as prefill_consensus
from review.store import Forbidden, Invalid, SilError
from screens import rob_texts
from screens.i18n import catalogue
from screens.web import add_project_tab, ctx, error_text, form, id_in, project_page, query, redirect_to


def install(app: bottle.Bottle) -> None:
    base = "/projects/<project_id:int>"
    app.route(f"{base}/appraisal", "GET", overview, name="appraisal")
    app.route(f"{base}/appraisal/open", "POST", open_assessment, name="rob_open")
    app.route(f"{base}/rob/<assessment_id:int>", "GET", assessment_page, name="rob_assessment")
    app.route(f"{base}/rob/<assessment_id:int>", "POST", save_assessment, name="rob_assessment_post")
    app.route(f"{base}/rob/compare", "GET", compare, name="rob_compare")
    app.route(f"{base}/rob/agree", "POST", start_consensus, name="rob_agree")
    app.route(f"{base}/rob-tools", "POST", add_tool, name="rob_tool_post")
    add_project_tab(app, 55, "appraisal", "rob.tab", ("lead", "reviewer"))


def _labels(project_id: int) -> dict[str, str]:
    """Judgement labels by key, in the user's language for the built-in levels."""
    c = ctx()
    labels = {level.key: level.label for tool in tools_for(c.conn, project_id) for level in tool.levels}
    return {key: (c._(f"rob.level.{key}") if f"rob.level.{key}" in catalogue() else label) for key, label in labels.items()}


def overview(project_id: int, error: str = "") -> str:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    shown = [dict(a, tool_name=rob_texts.tool_name(c._, a["tool"], a["tool_name"]))
             for a in appraisal.list_assessments(c.conn, project_id, c.user["id"])]
    plots = [dict(p, tool_name=rob_texts.tool_name(c._, p["tool"], p["tool_name"]))
             for p in appraisal.plot_choices(c.conn, project_id)]
    tools = tools_for(c.conn, project_id)
    return project_page("appraisal/appraisal.tpl", project_id, "appraisal", "lead", "reviewer", error=error, wide=True,
                        assessments=shown, studies=appraisal.list_studies(c.conn, project_id), tools=tools,
                        tool_names={t.key: rob_texts.tool_name(c._, t.key, t.name) for t in tools},
                        plots=plots, labels=_labels(project_id))


def open_assessment(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    try:
        study_id = int(form("study_id"))
        appraisal.get_study(c.conn, study_id, project_id)
        if form("consensus") == "1":  # a consensus starts from what the reviewers submitted
            started = prefill_consensus(c.conn, study_id, form("tool"), form("outcome"), c.user["id"])
            redirect_to("rob_assessment", flash=_consensus_flash(started), project_id=project_id,
                        assessment_id=started["id"])
        assessment_id = appraisal.open_assessment(c.conn, study_id, c.user["id"], form("tool"), form("outcome"))
    except ValueError:
        response.status = 400
        return overview(project_id, error=c._("rob.pick_study"))
    except (Invalid, Forbidden) as error:
        response.status = error.status
        return overview(project_id, error=error_text(error))
    redirect_to("rob_assessment", project_id=project_id, assessment_id=assessment_id)


def assessment_page(project_id: int, assessment_id: int, error: str = "") -> str:
    c = ctx()
    state = appraisal.view_assessment(c.conn, assessment_id, c.user["id"], project_id)
    rob_texts.localise_state(state, c._)
    owner = state["reviewer_id"]
    names = {m["user_id"]: m["display_name"] or m["name"] for m in projects.list_members(c.conn, project_id)}
    return project_page("appraisal/rob_assessment.tpl", project_id, "appraisal", "lead", "reviewer", state=state,
                        study=appraisal.get_study(c.conn, state["study_id"]), error=error, writable=owner in (None, c.user["id"]),
                        owner=names.get(owner, c._("rob.consensus")), labels=_labels(project_id),
                        answers=ANSWERS, answer_labels=rob_texts.answer_labels(c._))


def save_assessment(project_id: int, assessment_id: int) -> Any:
    c = ctx()
    state = appraisal.view_assessment(c.conn, assessment_id, c.user["id"], project_id)
    entries = {name: form(name) for name in bottle.request.forms.keys()
               if name.startswith(("d", "overall.")) and name != "csrf_token"}
    try:
        appraisal.record_judgements(c.conn, assessment_id, c.user["id"], entries)
        if form("action") == "submit":
            appraisal.submit_assessment(c.conn, assessment_id, c.user["id"])
    except (Invalid, Forbidden) as error:
        response.status = error.status
        return assessment_page(project_id, assessment_id, error=error_text(error))
    done = "common.saved"
    if form("action") == "submit":
        done = "rob.submitted_consensus" if state["reviewer_id"] is None else "rob.submitted_done"
    redirect_to("rob_assessment", flash=done, project_id=project_id, assessment_id=assessment_id)


def _consensus_flash(started: dict[str, Any]) -> str:
    """What starting the consensus did, as a message key."""
    if not started["copied"]:
        return "rob.consensus_nothing" if started["sources"] else "rob.consensus_no_source"
    return "rob.consensus_from_one" if started["sources"] == 1 else "rob.consensus_from_agreement"


def compare(project_id: int) -> str:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    study_id = appraisal.get_study(c.conn, id_in(query("study")), project_id)["id"]
    view = rob_texts.localise_comparison(
        appraisal.compare_assessments(c.conn, study_id, query("tool"), query("outcome"), c.user["id"]), query("tool"), c._)
    names = {m["user_id"]: m["display_name"] or m["name"] for m in projects.list_members(c.conn, project_id)}
    return project_page("appraisal/rob_compare.tpl", project_id, "appraisal", "lead", "reviewer", view=view, names=names,
                        labels=_labels(project_id), tool=query("tool"), outcome=query("outcome"))


def start_consensus(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    study_id = appraisal.get_study(c.conn, id_in(form("study")), project_id)["id"]
    started = prefill_consensus(c.conn, study_id, form("tool"), form("outcome"), c.user["id"])
    redirect_to("rob_assessment", flash=_consensus_flash(started), project_id=project_id, assessment_id=started["id"])


def add_tool(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    domains = []
    for line in form("domains").splitlines():
        name, _, questions = line.partition(":")
        if name.strip():
            domains.append({"name": name.strip(), "questions": [q for q in questions.split("|") if q.strip()]})
    definition = {"name": form("name"), "levels": form("levels").split(","), "domains": domains}
    try:
        create_tool(c.conn, project_id, c.user["id"], definition)
    except SilError as error:
        response.status = error.status
        return overview(project_id, error=error_text(error))
    redirect_to("appraisal", flash="common.saved", project_id=project_id)
