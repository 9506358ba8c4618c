"""The search log (upload of export files, PRISMA-S fields), the records list with search and filters, one record."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import bottle
from bottle import request, response

from review import accounts, publishing, searches
from review.screening import FACETS, browse, page_of
from review.store import Conflict, SilError
from screens.i18n import catalogue, keyed_text
from screens.records_bulk import bulk_done
from screens.web import add_project_tab, ctx, error_text, form, project_page, query, query_int, redirect_to

META_FIELDS = ("database_name", "platform", "searched_on", "query", "limits", "reported_count", "source_kind")
FILTERS = ("q", "year_from", "year_to", "has_abstract", "search_id")
FACET_FILTERS = ("at",) + FACETS


def install(app: bottle.Bottle) -> None:
    app.route("/projects/<project_id:int>/searches", "GET", search_log, name="searches")
    app.route("/projects/<project_id:int>/searches", "POST", upload, name="searches_upload")
    app.route("/projects/<project_id:int>/searches/log.<fmt>", "GET", search_log_file,
              name="searches_file")
    app.route("/projects/<project_id:int>/records", "GET", record_list, name="records")
    app.route("/projects/<project_id:int>/records/export.<fmt>", "GET", records_file,
              name="records_file")
    app.route("/projects/<project_id:int>/records/<record_id:int>", "GET", record_page, name="record")
    add_project_tab(app, 10, "searches", "records.searches")
    add_project_tab(app, 15, "records", "records.records")


def search_log(project_id: int, results: list[dict[str, Any]] | None = None, values: dict | None = None) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    log = searches.list_searches(c.conn, project_id)
    wanted = {part for part in query("imported").split(",") if part.isdigit()}
    imported = [s for s in log if str(s["id"]) in wanted] if not results else []
    return project_page("searches/searches.tpl", project_id, "searches", member=member, title=c._("records.searches"),
                        searches=[shown_warnings(s) for s in log], results=results or [], imported=imported,
                        values=values or {}, can_import=member["role"] == "lead", scripts=["imports.js"])


def shown_warnings(search: dict[str, Any]) -> dict[str, Any]:
    """A search with its warnings in the reader's language: {"text", "english"}, english for a warning that has
    only its English (a search imported before warnings had keys, or a key the catalogue lacks)."""
    language = ctx().language
    return dict(search, warnings=[{"text": keyed_text(language, w),
                                   "english": isinstance(w, str) or w.get("key") not in catalogue()}
                                  for w in search["warnings"]])


def upload(project_id: int) -> Any:
    """Import every uploaded file as its own search; each file is all-or-nothing on its own."""
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id, "lead")
    meta = {key: form(key) for key in META_FIELDS}
    uploads = [u for u in request.files.getall("files") if u.raw_filename]
    if not uploads:
        response.status = 400
        return search_log(project_id, [{"file": "", "error": c._("records.no_files")}], meta)
    results = [_import_one(project_id, u, meta, form("force") == "1", form("skip_broken") == "1") for u in uploads]
    if all("error" not in r for r in results):
        # The searches imported go in the address, so the page says what came in even when the upload's
        # script follows the redirect itself (which takes the one-time flash cookie with it).
        redirect_to("searches", flash="records.imported", project_id=project_id,
                    query={"imported": ",".join(str(r["search_id"]) for r in results)})
    response.status = 409 if all(r.get("conflict") for r in results if "error" in r) else 400
    return search_log(project_id, results, meta)


def _import_one(project_id: int, upload: Any, meta: dict[str, str], force: bool, skip_broken: bool) -> dict[str, Any]:
    c = ctx()
    name = upload.raw_filename.replace("\\", "/").rsplit("/", 1)[-1]
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    try:
        result = searches.import_file(c.conn, project_id, c.user["id"], name, upload.file.read(), meta, force=force,
                                      skip_broken=skip_broken)
    except SilError as error:
        return {"file": name, "error": error_text(error), "conflict": isinstance(error, Conflict)}
    return {"file": name, **result}


def search_log_file(project_id: int, fmt: str) -> bytes:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    return _download(publishing.export(c.conn, project_id, "searches", fmt), f"search-log-{project_id}.{fmt}", fmt)


def records_file(project_id: int, fmt: str) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    search = query_int("search_id")
    options = {"search": search} if search else {}
    # Streamed from a read cursor: an 80 000-record file is never built in memory.
    data = publishing.stream(c.conn, project_id, "records", fmt, **options)
    return _download(data, f"records-{project_id}.{fmt}", fmt)


def _download(data: Any, name: str, fmt: str) -> Any:
    types = {"csv": "text/csv; charset=utf-8", "ris": "application/x-research-info-systems; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    response.content_type = types.get(fmt, "application/octet-stream")
    response.set_header("Content-Disposition", f'attachment; filename="{name}"')
    return data


def record_list(project_id: int) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    filters = {key: query(key) for key in FILTERS + FACET_FILTERS if query(key)}
    found = browse(c.conn, project_id, c.user["id"], filters)
    page = page_of(c.conn, project_id, found["ids"], query_int("page", 1) or 1)
    return project_page("searches/records.tpl", project_id, "records", member=member, title=c._("records.records"),
                        filters=filters, page=page, counts=searches.count_records(c.conn, project_id),
                        page_query=lambda n: urlencode({**filters, "page": n}), found=found,
                        facet_query=lambda **change: urlencode({k: v for k, v in {**filters, **change}.items() if v}),
                        searches=searches.list_searches(c.conn, project_id), wide=True, scripts=["records.js"],
                        is_lead=member["role"] == "lead", done=bulk_done())


def record_page(project_id: int, record_id: int) -> str:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    record = searches.get_record(c.conn, project_id, record_id)
    return project_page("searches/record.tpl", project_id, "records", member=member,
                        title=record["title"] or c._("records.untitled"), record=record, fields=RECORD_PAGE_FIELDS)


RECORD_PAGE_FIELDS = ("title", "authors", "year", "journal", "journal_abbrev", "volume", "issue", "pages",
                      "doi", "pmid", "issn", "keywords", "language", "pub_type", "url", "source_id", "abstract")
