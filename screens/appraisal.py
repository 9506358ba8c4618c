"""Risk-of-bias screens: assessments per study and outcome, blinded comparison, consensus, plots, custom tools."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import response

from review import projects, studies
from review.errors import Forbidden, Invalid, SilError
from review.rob import assessments, tools_for
from review.rob.consensus import start_consensus as prefill_consensus
from review.rob.custom import create_tool
from review.rob.tool import ANSWER_LABELS, ANSWERS
from screens.i18n import catalogue
from screens.web import add_project_tab, ctx, error_text, form, project_page, query, redirect_to


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
    projects.require_role(c.conn, project_id, c.user, "lead", "reviewer")
    return project_page("appraisal.tpl", project_id, "appraisal", "lead", "reviewer", error=error, wide=True,
                        assessments=assessments.list_assessments(c.conn, project_id, c.user["id"]),
                        studies=studies.list_studies(c.conn, project_id), tools=tools_for(c.conn, project_id),
                        plots=assessments.plot_choices(c.conn, project_id), labels=_labels(project_id))


def open_assessment(project_id: int) -> Any:
    c = ctx()
    projects.require_role(c.conn, project_id, c.user, "lead", "reviewer")
    try:
        study_id = int(form("study_id"))
        if studies.get_study(c.conn, study_id)["project_id"] != project_id:
            raise bottle.HTTPError(404)
        if form("consensus") == "1":  # a consensus starts from what the reviewers submitted
            started = prefill_consensus(c.conn, study_id, form("tool"), form("outcome"), c.user["id"])
            redirect_to("rob_assessment", flash=_consensus_flash(started), project_id=project_id,
                        assessment_id=started["id"])
        assessment_id = assessments.open_assessment(c.conn, study_id, c.user["id"], form("tool"), form("outcome"))
    except ValueError:
        response.status = 400
        return overview(project_id, error=c._("rob.pick_study"))
    except (Invalid, Forbidden) as error:
        response.status = error.status
        return overview(project_id, error=error_text(error))
    redirect_to("rob_assessment", project_id=project_id, assessment_id=assessment_id)


def assessment_page(project_id: int, assessment_id: int, error: str = "") -> str:
    c = ctx()
    state = assessments.view_assessment(c.conn, assessment_id, c.user["id"])
    if state["project_id"] != project_id:
        raise bottle.HTTPError(404)
    owner = state["reviewer_id"]
    names = {m["user_id"]: m["display_name"] or m["name"] for m in projects.list_members(c.conn, project_id)}
    return project_page("rob_assessment.tpl", project_id, "appraisal", "lead", "reviewer", state=state,
                        study=studies.get_study(c.conn, state["study_id"]), error=error, writable=owner in (None, c.user["id"]),
                        owner=names.get(owner, c._("rob.consensus")), labels=_labels(project_id),
                        answers=ANSWERS, answer_labels=ANSWER_LABELS)


def save_assessment(project_id: int, assessment_id: int) -> Any:
    c = ctx()
    state = assessments.view_assessment(c.conn, assessment_id, c.user["id"])
    if state["project_id"] != project_id:
        raise bottle.HTTPError(404)
    entries = {name: form(name) for name in bottle.request.forms.keys()
               if name.startswith(("d", "overall.")) and name != "csrf_token"}
    try:
        assessments.record(c.conn, assessment_id, c.user["id"], entries)
        if form("action") == "submit":
            assessments.submit_assessment(c.conn, assessment_id, c.user["id"])
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
    projects.require_role(c.conn, project_id, c.user, "lead", "reviewer")
    try:
        study_id = int(query("study"))
    except ValueError:
        raise bottle.HTTPError(404) from None
    if studies.get_study(c.conn, study_id)["project_id"] != project_id:
        raise bottle.HTTPError(404)
    view = assessments.compare_assessments(c.conn, study_id, query("tool"), query("outcome"), c.user["id"])
    names = {m["user_id"]: m["display_name"] or m["name"] for m in projects.list_members(c.conn, project_id)}
    return project_page("rob_compare.tpl", project_id, "appraisal", "lead", "reviewer", view=view, names=names,
                        labels=_labels(project_id), tool=query("tool"), outcome=query("outcome"))


def start_consensus(project_id: int) -> Any:
    c = ctx()
    projects.require_role(c.conn, project_id, c.user, "lead", "reviewer")
    if not form("study").isdigit() or studies.get_study(c.conn, int(form("study")))["project_id"] != project_id:
        raise bottle.HTTPError(404)
    started = prefill_consensus(c.conn, int(form("study")), form("tool"), form("outcome"), c.user["id"])
    redirect_to("rob_assessment", flash=_consensus_flash(started), project_id=project_id, assessment_id=started["id"])


def add_tool(project_id: int) -> Any:
    c = ctx()
    projects.require_role(c.conn, project_id, c.user, "lead")
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
