"""The PRISMA 2020 page of a project: the diagram with its text, downloads, removals and the search log."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import response

from exports.prisma import inline_svg, render_png, render_svg
from exports.prisma_text import counts_from_dict, text_alternative
from review import prisma, projects, searches
from review.errors import Invalid, NotFound
from screens.web import add_project_tab, ctx, form, project_page, query, redirect_to


def install(app: bottle.Bottle) -> None:
    app.route("/projects/<project_id:int>/prisma", "GET", page, name="project_prisma")
    app.route("/projects/<project_id:int>/prisma.<ext>", "GET", download, name="project_prisma_file")
    app.route("/projects/<project_id:int>/prisma/removals", "POST", add_removal, name="project_prisma_removal")
    app.route("/projects/<project_id:int>/prisma/removals/<removal_id:int>/retract", "POST", retract,
              name="project_prisma_retract")
    add_project_tab(app, 65, "project_prisma", "prisma.tab")


def diagram_language() -> str:
    chosen = query("lang")
    return chosen if chosen in ("nb", "en") else ctx().language


def page(project_id: int) -> str:
    c = ctx()
    member = projects.require_role(c.conn, project_id, c.user)
    lang = diagram_language()
    counts = counts_from_dict(prisma.prisma_counts(c.conn, project_id, c.user["id"]))
    svg = render_svg(counts, lang)
    return project_page("prisma.tpl", project_id, "project_prisma", member=member, title=c._("prisma.title"),
                        svg=inline_svg(svg), lines=text_alternative(counts, lang), diagram_lang=lang,
                        removals=prisma.list_removals(c.conn, project_id),
                        log=searches.list_searches(c.conn, project_id), wide=True)


def download(project_id: int, ext: str) -> Any:
    c = ctx()
    projects.require_role(c.conn, project_id, c.user)
    if ext not in ("svg", "png"):
        raise NotFound("the diagram comes as .svg or .png")
    counts = counts_from_dict(prisma.prisma_counts(c.conn, project_id, c.user["id"]))
    response.set_header("Content-Disposition", f'attachment; filename="prisma-{project_id}.{ext}"')
    if ext == "png":
        response.content_type = "image/png"
        return render_png(counts, diagram_language())
    response.content_type = "image/svg+xml; charset=utf-8"
    return render_svg(counts, diagram_language())


def add_removal(project_id: int) -> Any:
    c = ctx()
    projects.require_role(c.conn, project_id, c.user, "lead")
    try:
        count = int(form("count").strip())
    except ValueError:
        raise Invalid("give the number of records removed as a whole number") from None
    prisma.add_removal(c.conn, project_id, c.user["id"], count, form("reason"))
    redirect_to("project_prisma", flash="prisma.removal_added", project_id=project_id)


def retract(project_id: int, removal_id: int) -> Any:
    c = ctx()
    projects.require_role(c.conn, project_id, c.user, "lead")
    prisma.retract_removal(c.conn, project_id, c.user["id"], removal_id)
    redirect_to("project_prisma", flash="common.saved", project_id=project_id)
