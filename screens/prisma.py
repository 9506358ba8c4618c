"""The PRISMA 2020 page of a project: the diagram with its text, downloads, removals and the search log."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import response

from exports.prisma import inline_svg, render_png, render_svg
from exports.prisma_text import counts_from_dict, text_alternative
from review import accounts, publishing, searches
from review.store import Invalid, NotFound
from screens.i18n import PSEUDO
from screens.web import add_project_tab, ctx, form, project_page, query, redirect_to

DIAGRAM_LANGUAGES = ("nb", "nn", "en")


def install(app: bottle.Bottle) -> None:
    app.route("/projects/<project_id:int>/prisma", "GET", page, name="project_prisma")
    app.route("/projects/<project_id:int>/prisma.<ext>", "GET", download, name="project_prisma_file")
    app.route("/projects/<project_id:int>/prisma/removals", "POST", add_removal, name="project_prisma_removal")
    app.route("/projects/<project_id:int>/prisma/removals/<removal_id:int>/retract", "POST", retract,
              name="project_prisma_retract")
    add_project_tab(app, 65, "project_prisma", "prisma.tab")


def diagram_language() -> str:
    """The diagram's language: chosen on the page, else the reader's; the test pseudo-language (screens.i18n.PSEUDO,
    bokmål between marks) draws it in bokmål, as it formats numbers, instead of refusing the page."""
    chosen = query("lang")
    if chosen in DIAGRAM_LANGUAGES:
        return chosen
    language = ctx().language
    return language if language in DIAGRAM_LANGUAGES else "nb" if language == PSEUDO else "en"


def page(project_id: int) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    lang = diagram_language()
    raw = publishing.prisma_counts(c.conn, project_id, c.user["id"])
    counts = counts_from_dict(raw)
    svg = render_svg(counts, lang)
    return project_page("publishing/prisma.tpl", project_id, "project_prisma", member=member, title=c._("prisma.title"),
                        svg=inline_svg(svg), lines=text_alternative(counts, lang), diagram_lang=lang,
                        removals=publishing.list_removals(c.conn, project_id),
                        log=searches.list_searches(c.conn, project_id), wide=True, in_progress=raw["in_progress"],
                        awaiting=raw["awaiting_screening"], awaiting_reports=raw["awaiting_assessment"],
                        methods=publishing.methods_text(c.conn, project_id, lang, c.user["id"]))


def download(project_id: int, ext: str) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    if ext not in ("svg", "png"):
        raise NotFound("the diagram comes as .svg or .png", "error.prisma.format")
    counts = counts_from_dict(publishing.prisma_counts(c.conn, project_id, c.user["id"]))
    response.set_header("Content-Disposition", f'attachment; filename="prisma-{project_id}.{ext}"')
    if ext == "png":
        response.content_type = "image/png"
        return render_png(counts, diagram_language())
    response.content_type = "image/svg+xml; charset=utf-8"
    return render_svg(counts, diagram_language())


def add_removal(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    try:
        count = int(form("count").strip())
    except ValueError:
        raise Invalid("give the number of records removed as a whole number", "error.prisma.whole_number") from None
    publishing.add_removal(c.conn, project_id, c.user["id"], count, form("reason"))
    redirect_to("project_prisma", flash="prisma.removal_added", project_id=project_id)


def retract(project_id: int, removal_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    publishing.retract_removal(c.conn, project_id, c.user["id"], removal_id)
    redirect_to("project_prisma", flash="common.saved", project_id=project_id)
