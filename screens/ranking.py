"""The lead's ranking dashboard (model status, random-order switch, progress curve) and the stopping page."""
from __future__ import annotations

from typing import Any

import bottle

from exports.progress_svg import progress_svg
from review import accounts, ranking
from review.ranking import METHODS, RankingProcess
from review.store import Invalid
from screens.web import add_overview_card, add_project_tab, ctx, form, project_page, redirect_to, render

P = "/projects/<project_id:int>"


def install(app: bottle.Bottle) -> None:
    app.route(P + "/ranking", "GET", dashboard, name="ranking")
    app.route(P + "/ranking/order", "POST", order_post, name="ranking_order")
    app.route(P + "/stopping", "GET", stopping_page, name="stopping")
    app.route(P + "/stopping", "POST", stopping_post, name="stopping_post")
    add_project_tab(app, 22, "ranking", "ranking.tab", roles=("lead",))
    add_overview_card(app, 25, stopping_card)
    if app.config.get("sil.background_ranking") and "sil.ranking_worker" not in app.config:
        # A process of its own: retraining never holds this process's GIL against reviewers' requests.
        app.config["sil.ranking_worker"] = RankingProcess(app.config["sil.db"]).start()


def _nudge(project_id: int) -> None:
    worker = ctx().app.config.get("sil.ranking_worker")
    if worker is not None:
        worker.nudge(project_id)


def dashboard(project_id: int) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id, "lead")
    counts = ranking.stage1_counts(c.conn, project_id)
    svg = progress_svg(ranking.progress_curve(c.conn, project_id), counts["total"],
                       c._("ranking.axis_screened"), c._("ranking.axis_found"), c._("ranking.curve"))
    return project_page("ranking/ranking.tpl", project_id, "ranking", member=member, title=c._("ranking.title"),
                        counts=counts, curve_svg=svg, settings=ranking.get_settings(c.conn, project_id),
                        run=ranking.last_run(c.conn, project_id, 1, c.user["id"]), check=ranking.latest(c.conn, project_id))


def order_post(project_id: int) -> Any:
    c = ctx()
    ranking.set_random_order(c.conn, project_id, c.user["id"], form("order") == "random")
    _nudge(project_id)
    redirect_to("ranking", flash="ranking.saved", project_id=project_id)


def stopping_card(project: dict[str, Any], member: dict[str, Any]) -> str:
    """On the lead's overview: the background check says the recall target is reached (and nobody stopped yet)."""
    c = ctx()
    if member.get("role") != "lead" or ranking.get_settings(c.conn, project["id"])["stopped_at"]:
        return ""
    check = ranking.latest(c.conn, project["id"])
    return render("ranking/stopping_card.tpl", project=project, check=check) if check and check["reached"] else ""


def stopping_page(project_id: int) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id, "lead")
    settings = ranking.get_settings(c.conn, project_id)
    answer = ranking.current(c.conn, project_id, settings)
    summary = ranking.automation_summary(c.conn, project_id)
    status = {"settings": settings, "answer": answer, "check": ranking.latest(c.conn, project_id),
              "figures": summary if settings["stop_figures"] else None}
    return project_page("ranking/stopping.tpl", project_id, "ranking", member=member, title=c._("stopping.title"),
                        status=status, assumptions=METHODS[answer["method"]][1], choices=ranking.CHOICES,
                        automation=summary["excluded_by_automation"], curve_share=round(100 * ranking.CURVE_START_SHARE),
                        curve_min=ranking.CURVE_MIN_FOUND, curve_backing=ranking.CURVE_BACKING)


def stopping_post(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    action, lead = form("action"), c.user["id"]
    if action == "target":
        ranking.set_stopping_target(c.conn, project_id, lead, _percent("recall_target"), _percent("confidence"))
    elif action == "sample":
        ranking.begin_sample(c.conn, project_id, lead)
    elif action == "method":
        ranking.choose_method(c.conn, project_id, lead, form("method"))
    elif action == "stop":
        ranking.stop(c.conn, project_id, lead)
    else:
        raise Invalid("unknown action on the stopping page", "error.stopping.unknown_action")
    _nudge(project_id)
    redirect_to("stopping", flash="ranking.saved", project_id=project_id)


def _percent(name: str) -> float:
    text = form(name).strip().rstrip("%").replace(",", ".")
    try:
        return float(text) / 100
    except ValueError:
        raise Invalid(f"{name.replace('_', ' ')} must be a percentage such as 95, not {text!r}",
                      "error.stopping.bad_percent", field=ctx()._(f"stopping.{name}"), value=text) from None
