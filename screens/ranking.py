"""The lead's ranking dashboard (model status, random-order switch, progress curve) and the stopping page."""
from __future__ import annotations

from typing import Any

import bottle

from exports.progress_svg import progress_svg
from review import projects, ranking_progress, ranking_store
from review.errors import Invalid
from review.ranking_process import RankingProcess
from review.stopping import ASSUMPTIONS
from screens.web import add_project_tab, ctx, form, project_page, redirect_to

P = "/projects/<project_id:int>"


def install(app: bottle.Bottle) -> None:
    app.route(P + "/ranking", "GET", dashboard, name="ranking")
    app.route(P + "/ranking/order", "POST", order_post, name="ranking_order")
    app.route(P + "/stopping", "GET", stopping_page, name="stopping")
    app.route(P + "/stopping", "POST", stopping_post, name="stopping_post")
    add_project_tab(app, 22, "ranking", "ranking.tab", roles=("lead",))
    if app.config.get("sil.background_ranking") and "sil.ranking_worker" not in app.config:
        # A process of its own: retraining never holds this process's GIL against reviewers' requests.
        app.config["sil.ranking_worker"] = RankingProcess(app.config["sil.db"]).start()


def _nudge(project_id: int) -> None:
    worker = ctx().app.config.get("sil.ranking_worker")
    if worker is not None:
        worker.nudge(project_id)


def dashboard(project_id: int) -> str:
    c = ctx()
    member = projects.require_role(c.conn, project_id, c.user, "lead")
    counts = ranking_progress.stage1_counts(c.conn, project_id)
    svg = progress_svg(ranking_progress.progress_curve(c.conn, project_id), counts["total"],
                       c._("ranking.axis_screened"), c._("ranking.axis_found"), c._("ranking.curve"))
    return project_page("ranking.tpl", project_id, "ranking", member=member, title=c._("ranking.title"),
                        counts=counts, curve_svg=svg, settings=ranking_store.get_settings(c.conn, project_id),
                        run=ranking_store.last_run(c.conn, project_id, 1, c.user["id"]))


def order_post(project_id: int) -> Any:
    c = ctx()
    ranking_store.set_random_order(c.conn, project_id, c.user["id"], form("order") == "random")
    _nudge(project_id)
    redirect_to("ranking", flash="ranking.saved", project_id=project_id)


def stopping_page(project_id: int) -> str:
    c = ctx()
    status = ranking_progress.stopping_status(c.conn, project_id, c.user["id"])
    return project_page("stopping.tpl", project_id, "ranking", "lead", title=c._("stopping.title"),
                        status=status, assumptions=ASSUMPTIONS,
                        automation=ranking_progress.excluded_by_automation(c.conn, project_id))


def stopping_post(project_id: int) -> Any:
    c = ctx()
    projects.require_role(c.conn, project_id, c.user, "lead")
    action, lead = form("action"), c.user["id"]
    if action == "target":
        ranking_store.set_stopping_target(c.conn, project_id, lead, _percent("recall_target"), _percent("confidence"))
    elif action == "sample":
        ranking_progress.begin_sample(c.conn, project_id, lead)
    elif action == "stop":
        ranking_progress.stop_now(c.conn, project_id, lead)
    else:
        raise Invalid("unknown action on the stopping page")
    _nudge(project_id)
    redirect_to("stopping", flash="ranking.saved", project_id=project_id)


def _percent(name: str) -> float:
    text = form(name).strip().rstrip("%").replace(",", ".")
    try:
        return float(text) / 100
    except ValueError:
        raise Invalid(f"{name.replace('_', ' ')} must be a percentage such as 95, not {text!r}") from None
