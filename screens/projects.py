"""The list of projects, a project's overview, settings, members and audit log."""
from __future__ import annotations

from typing import Any

import bottle

from review import accounts, projects
from screens.i18n import catalogue
from screens.invitations import invite_member
from screens.web import add_project_tab, ctx, form, overview_cards, project_page, query_int, redirect_to, render

SETTINGS_FORM = ("title", "question", "review_type", "population", "exposure", "comparator", "outcome",
                 "inclusion_criteria", "exclusion_criteria", "highlight_include", "highlight_exclude",
                 "reviewers_per_record")


def install(app: bottle.Bottle) -> None:
    app.route("/", "GET", home, name="home")
    app.route("/projects/new", "GET", new_project_form, name="project_new")
    app.route("/projects", "POST", create_project, name="project_create")
    app.route("/projects/<project_id:int>", "GET", overview, name="project")
    app.route("/projects/<project_id:int>/settings", "GET", settings_form, name="project_settings")
    app.route("/projects/<project_id:int>/settings", "POST", save_settings, name="project_settings_post")
    app.route("/projects/<project_id:int>/members", "GET", members, name="project_members")
    app.route("/projects/<project_id:int>/members", "POST", set_member, name="project_members_post")
    app.route("/projects/<project_id:int>/members/<user_id:int>/remove", "POST", remove_member,
              name="project_member_remove")
    app.route("/projects/<project_id:int>/audit", "GET", audit_log, name="project_audit")
    add_project_tab(app, 0, "project", "project.overview")
    add_project_tab(app, 80, "project_members", "project.members", ("lead",))
    add_project_tab(app, 85, "project_settings", "project.settings", ("lead",))
    add_project_tab(app, 90, "project_audit", "project.audit", ("lead",))


def home() -> str:
    c = ctx()
    return render("projects/projects.tpl", title=c._("projects.title"), projects=projects.list_projects(c.conn, c.user["id"]),
                  invitations=projects.my_invitations(c.conn, c.user))


def new_project_form(error: str = "", values: dict | None = None) -> str:
    return render("projects/project_new.tpl", title=ctx()._("projects.new"), error=error, values=values or {})


def settings_from_form() -> dict[str, Any]:
    values = {key: form(key) for key in SETTINGS_FORM if form(key, None) is not None}
    values["blinded"] = form("blinded") == "1"
    return values


def create_project() -> Any:
    c = ctx()
    values = settings_from_form()
    # the starting exclusion reasons are written in the creator's language; the lead can rename them later
    project_id = projects.create_project(c.conn, c.user["id"], values.pop("title", ""), lang=c.language, **values)
    redirect_to("project", flash="project.created", project_id=project_id)


def overview(project_id: int) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    cards = overview_cards(projects.get_project(c.conn, project_id), member)
    return project_page("projects/project.tpl", project_id, "project", overview_blocks=cards)


def settings_form(project_id: int) -> str:
    return project_page("projects/project_settings.tpl", project_id, "project_settings", "lead", error="")


def save_settings(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    projects.update_project(c.conn, project_id, c.user["id"], settings_from_form())
    redirect_to("project_settings", flash="common.saved", project_id=project_id)


def members(project_id: int) -> str:
    return project_page("projects/members.tpl", project_id, "project_members", "lead",
                        members=projects.list_members(ctx().conn, project_id), roles=projects.ROLES,
                        invitations=projects.project_invitations(ctx().conn, project_id))


def set_member(project_id: int) -> Any:
    """Invite someone (they join when they accept) or change a member's role: screens.invitations."""
    return invite_member(project_id)


def remove_member(project_id: int, user_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    projects.remove_member(c.conn, project_id, c.user["id"], user_id)
    redirect_to("project_members", flash="common.saved", project_id=project_id)


def audit_log(project_id: int) -> str:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    events = accounts.list_events(c.conn, project_id, before_id=query_int("before"), viewer_id=c.user["id"])
    # an action's words where the catalogue has them; its code otherwise (and always, for searching the log)
    known = catalogue()
    actions = {e["action"]: c._(f"audit.action.{e['action']}") for e in events if f"audit.action.{e['action']}" in known}
    return project_page("projects/audit.tpl", project_id, "project_audit", "lead", events=events, actions=actions,
                        blinded=bool(projects.get_project(c.conn, project_id)["blinded"]))
