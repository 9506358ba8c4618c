"""The Export tab: every export a member may take, downloads with telling file names, and the project archive."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import bottle
from bottle import request, response

from review import accounts, publishing, searches
from review.archive import import_project_archive, write_project_archive
from review.store import Invalid, NotFound, now
from screens import rob_texts
from screens.portal_language import gettext_for as portal_gettext
from screens.web import add_project_tab, ctx, error_text, project_page, query, query_int, redirect_to, render

CHUNK = 1024 * 1024
GROUPS = (
    ("exports.group.records", ("records-with-decisions", "records", "labelled")),
    ("exports.group.screening", ("included", "excluded", "conflicts", "decisions", "duplicates")),
    ("exports.group.report", ("searches", "prisma", "extraction", "sof", "rob", "rob-plot", "automation-methods")),
    ("exports.group.summary", ("summary", "press-pack")),
)


def install(app: bottle.Bottle) -> None:
    app.route("/projects/<project_id:int>/exports", "GET", page, name="project_exports")
    app.route("/projects/<project_id:int>/exports/file", "GET", download, name="project_export_file")
    app.route("/projects/<project_id:int>/archive.zip", "GET", archive, name="project_archive")
    app.route("/projects/import", "GET", import_form, name="project_import")
    app.route("/projects/import", "POST", import_archive, name="project_import_post")
    app.add_hook("before_request", refuse_oversized_upload)
    add_project_tab(app, 75, "project_exports", "exports.tab")


def page(project_id: int, error: str = "") -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    offers = {o["what"]: o for o in publishing.offers_for(c.conn, project_id, c.user["id"])}
    groups = [(key, [offers[w] for w in names if offers[w]["allowed"]]) for key, names in GROUPS]
    return project_page("publishing/exports.tpl", project_id, "project_exports", member=member, title=c._("exports.title"),
                        groups=[(key, items) for key, items in groups if items],
                        hidden=[w for w, o in offers.items() if not o["allowed"]],
                        searches=searches.list_searches(c.conn, project_id), error=error, chosen=dict(request.query))


def download(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    stage = query_int("stage")
    try:
        content, mimetype, name = publishing.export_for(
            c.conn, project_id, c.user["id"], query("what"), query("format"), stage=stage,
            search=query_int("search") or None, label=query("label").strip() or None, lang=c.language, stream=True,
            summary_lang=query("summary_lang") or None, gettext_for=portal_gettext, texts=c._,
            localise=lambda data: rob_texts.localise_plot(data, c._))
    except (Invalid, NotFound) as error:
        # A choice that cannot be exported (no label named, nothing appraised yet): say so on the form.
        response.status = 400 if isinstance(error, Invalid) else 404
        return page(project_id, error_text(error))
    response.content_type = mimetype
    response.set_header("Content-Disposition", f'attachment; filename="{name}"')
    response.set_header("Cache-Control", "private, no-store")
    return content


def archive(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    # Spooled: a small project stays in memory, a large one goes to disk; the response streams it.
    body = tempfile.SpooledTemporaryFile(max_size=64 * 1024**2)
    write_project_archive(c.conn, project_id, body, c.app.config["sil.files"])
    body.seek(0, 2)
    response.set_header("Content-Length", str(body.tell()))
    body.seek(0)
    response.content_type = "application/zip"
    response.set_header("Content-Disposition",
                        f'attachment; filename="sil-project{project_id}-{now()[:10]}.zip"')
    response.set_header("Cache-Control", "private, no-store")
    return body


def import_form(error: str = "") -> str:
    c = ctx()
    return render("publishing/archive_import.tpl", title=c._("exports.import_title"), error=error,
                  limit_mb=max_bytes() // 1024**2)


def max_bytes(app: bottle.Bottle | None = None) -> int:
    """The largest archive the browser may send: the app's upload limit, or sil.archive_max_bytes when lower."""
    from screens.app import MAX_UPLOAD

    config = (app or ctx().app).config
    upload = int(config.get("sil.max_upload", MAX_UPLOAD))
    return min(int(config.get("sil.archive_max_bytes", upload)), upload)


def refuse_oversized_upload() -> None:
    """Before the body is read at all (the CSRF check would spool it to disk): refuse an archive over the limit."""
    if request.method != "POST" or request.path != "/projects/import":
        return
    limit = max_bytes(request.app)
    if (request.content_length or 0) > limit + CHUNK:
        from screens.app import request_language
        from screens.i18n import translate

        raise bottle.HTTPError(413, translate(request_language(None), "exports.too_large", mb=limit // 1024**2))


def import_archive() -> Any:
    c = ctx()
    upload = request.files.get("archive")
    if upload is None or not upload.raw_filename:
        response.status = 400
        return import_form(c._("exports.no_file"))
    with tempfile.TemporaryDirectory() as folder:
        # Saved under the uploaded name (made safe) so every message names the file the person chose.
        path = Path(folder) / safe_name(upload.raw_filename)
        try:
            copy_capped(upload.file, path, max_bytes())
            project_id = import_project_archive(c.conn, path, c.user["id"], c.app.config["sil.files"],
                                                trusted=bool(c.user["is_admin"]))
        except Invalid as error:
            response.status = 400
            return import_form(error_text(error))
    redirect_to("project", flash="exports.imported", project_id=project_id)


def safe_name(raw: str | bytes) -> str:
    name = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).lstrip(".")
    return cleaned[:100] or "archive.zip"


def copy_capped(source: Any, dest: Path, limit: int) -> None:
    written = 0
    with open(dest, "wb") as out:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > limit:
                raise Invalid(f"{dest.name} is larger than {limit // 1024**2} MB; import it with "
                              "'run.py import-archive' on the server instead",
                              "error.archive.upload_too_large", file=dest.name, mb=limit // 1024**2)
            out.write(chunk)
