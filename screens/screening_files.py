"""Full texts (PDF upload, viewing, 'not retrieved') and screening exports (decisions, included records)."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import request, response

from review import accounts
from review.screening import (
    PDF_MAGIC,
    attach_pdf,
    export_screening,
    mark_not_retrieved,
    pdf_for_member,
    project_settings,
)
from review.store import Invalid
from screens.web import ctx, form, query, redirect_to

P = "/projects/<project_id:int>"
# A PDF is shown sandboxed: no script in it (nor in anything passed off as one) runs with Sil's origin.
PDF_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"


def install(app: bottle.Bottle) -> None:
    app.route(P + "/records/<record_id:int>/fulltext", "POST", upload, name="fulltext_upload")
    app.route(P + "/records/<record_id:int>/fulltext/missing", "POST", missing, name="fulltext_missing")
    app.route(P + "/records/<record_id:int>/fulltext.pdf", "GET", view_pdf, name="fulltext_pdf")
    app.route(P + "/screening/export", "GET", export, name="screening_export")


def upload(project_id: int, record_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead", "reviewer")
    limit = project_settings(c.conn, project_id)["pdf_max_bytes"]
    if (request.content_length or 0) > limit + 64 * 1024:
        raise Invalid(f"the file is larger than the limit of {limit / 1e6:.0f} MB",
                      "error.fulltext.upload_too_large", mb=f'{limit / 1e6:.0f}')
    upload_file = request.files.get("pdf")
    if upload_file is None:
        raise Invalid("choose a PDF file to upload", "error.fulltext.choose_pdf")
    data = upload_file.file.read(limit + 1)
    attach_pdf(c.conn, request.app.config["sil.files"], project_id, c.user["id"], record_id, data,
               upload_file.raw_filename or "fulltext.pdf")
    redirect_to("screen", flash="fulltext.uploaded", query={"record": record_id}, project_id=project_id, stage="2")


def missing(project_id: int, record_id: int) -> Any:
    c = ctx()
    mark_not_retrieved(c.conn, project_id, c.user["id"], record_id, form("reason"))
    redirect_to("screen", flash="fulltext.marked_missing", project_id=project_id, stage="2")


def view_pdf(project_id: int, record_id: int) -> Any:
    c = ctx()
    path, name = pdf_for_member(c.conn, request.app.config["sil.files"], project_id, c.user["id"], record_id)
    try:
        with open(path, "rb") as file:
            is_pdf = file.read(len(PDF_MAGIC)) == PDF_MAGIC  # one stored before PDFs had to start with the header
    except OSError:
        is_pdf = False  # gone from the folder: static_file answers 404
    result = bottle.static_file(path.name, root=str(path.parent),
                                mimetype="application/pdf" if is_pdf else "application/octet-stream")
    result.set_header("Content-Disposition", f'{"inline" if is_pdf else "attachment"}; filename="{_ascii(name)}"')
    result.set_header("Content-Security-Policy", PDF_POLICY)
    result.set_header("Cache-Control", "private, no-store")
    return result


def export(project_id: int) -> Any:
    c = ctx()
    stage = query("stage", "2")
    body, mimetype, filename = export_screening(c.conn, project_id, c.user["id"], query("what"), query("format", "csv"),
                                                int(stage) if stage.isdigit() else 0)
    response.content_type = mimetype
    response.set_header("Content-Disposition", f'attachment; filename="{filename}"')
    return body


def _ascii(name: str) -> str:
    return "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_" for ch in name)
