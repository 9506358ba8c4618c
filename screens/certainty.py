"""GRADE screens: bodies of evidence per outcome, ratings with explanations, the Summary of Findings table."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import response

from exports.sof import sof_fragment
from review import accounts, appraisal
from review.store import SilError
from screens.web import (
    add_overview_card,
    add_project_tab,
    ctx,
    error_text,
    form,
    form_all,
    project_page,
    redirect_to,
    render,
)

OUTCOME_FIELDS = ("name", "importance", "start", "participants", "effect", "comments")


def install(app: bottle.Bottle) -> None:
    base = "/projects/<project_id:int>"
    app.route(f"{base}/grade", "GET", outcomes_page, name="grade")
    app.route(f"{base}/grade", "POST", create_outcome, name="grade_post")
    app.route(f"{base}/grade/<outcome_id:int>", "GET", outcome_page, name="grade_outcome")
    app.route(f"{base}/grade/<outcome_id:int>", "POST", save_outcome, name="grade_outcome_post")
    add_project_tab(app, 60, "grade", "grade.tab")
    add_overview_card(app, 60, evidence_card)


def evidence_card(project: dict[str, Any], member: dict[str, Any]) -> str:
    """The overview card: how many studies, and each graded outcome's certainty."""
    c = ctx()
    n_studies = len(appraisal.list_studies(c.conn, project["id"]))
    outcomes = appraisal.certainty_for_outcomes(c.conn, project["id"])
    if not n_studies and not outcomes:
        return ""
    return render("appraisal/grade_card.tpl", project=project, n_studies=n_studies, outcomes=outcomes)


def outcomes_page(project_id: int, error: str = "") -> str:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    # sof_fragment escapes every value it writes (tested), so the page may include it as markup
    return project_page("appraisal/grade.tpl", project_id, "grade", error=error, wide=True,
                        outcomes=appraisal.list_outcomes(c.conn, project_id),
                        sof=sof_fragment(appraisal.sof_table(c.conn, project_id), c._),
                        studies=appraisal.list_studies(c.conn, project_id), starts=appraisal.STARTS,
                        importance=appraisal.IMPORTANCE)


def create_outcome(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    try:
        outcome_id = appraisal.create_outcome(c.conn, project_id, c.user["id"], form("name"),
                                             [int(s) for s in form_all("study") if s.isdigit()],
                                             importance=form("importance", "critical"))
    except SilError as error:
        response.status = error.status
        return outcomes_page(project_id, error=error_text(error))
    redirect_to("grade_outcome", flash="common.saved", project_id=project_id, outcome_id=outcome_id)


def _outcome(project_id: int, outcome_id: int) -> dict[str, Any]:
    return appraisal.get_outcome(ctx().conn, outcome_id, project_id)


def outcome_page(project_id: int, outcome_id: int, error: str = "") -> str:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    outcome = _outcome(project_id, outcome_id)
    return project_page("appraisal/grade_outcome.tpl", project_id, "grade", "lead", "reviewer", title=outcome["name"],
                        outcome=outcome, error=error, studies=appraisal.list_studies(c.conn, project_id),
                        starts=appraisal.STARTS, importance=appraisal.IMPORTANCE, down=appraisal.DOWN, up=appraisal.UP,
                        down_levels=appraisal.DOWN_LEVELS, factor_labels={f: c._('grade.factor.' + f) for f in appraisal.FACTORS})


def save_outcome(project_id: int, outcome_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    _outcome(project_id, outcome_id)
    ratings = {f: (form(f"level:{f}"), form(f"why:{f}")) for f in appraisal.FACTORS if form(f"level:{f}", None) is not None}
    try:
        for factor, (level, why) in ratings.items():
            appraisal.check_rating(factor, level, why)
        fields = {k: form(k) for k in OUTCOME_FIELDS if form(k, None) is not None}
        appraisal.update_outcome(c.conn, outcome_id, c.user["id"],
                                study_ids=[int(s) for s in form_all("study") if s.isdigit()], **fields)
        for factor, (level, why) in ratings.items():
            appraisal.rate(c.conn, outcome_id, c.user["id"], factor, level, why)
    except SilError as error:
        response.status = error.status
        return outcome_page(project_id, outcome_id, error=error_text(error))
    redirect_to("grade_outcome", flash="common.saved", project_id=project_id, outcome_id=outcome_id)
