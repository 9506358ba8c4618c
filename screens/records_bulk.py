"""The lead's bulk actions on the records list (label, move conflicts or agreed exclusions on to full text) and the export of
whatever the list's filters show."""
from __future__ import annotations

from typing import Any

import bottle
from bottle import response

from review import accounts
from review.screening import FACETS, add_label, matching_ids, move_to_fulltext, remove_label, stream_ids
from review.store import Invalid
from screens.web import ctx, form, form_all, query, redirect_to

LIST_FILTERS = ("q", "year_from", "year_to", "has_abstract", "search_id", "at") + FACETS
DONE = ("label_add", "label_remove", "moved")
COUNTS = ("n", "overridden", "waiting", "agreed", "already")


def install(app: bottle.Bottle) -> None:
    app.route("/projects/<project_id:int>/records/bulk", "POST", bulk, name="records_bulk")
    app.route("/projects/<project_id:int>/records/filtered.<fmt>", "GET", filtered_file, name="records_filtered")


def _chosen_ids(project_id: int, filters: dict[str, str]) -> list[int]:
    c = ctx()
    if form("scope") == "all":
        return matching_ids(c.conn, project_id, c.user["id"], filters)
    try:
        return [int(v) for v in form_all("record_id")]
    except ValueError:
        raise Invalid("the records to change must be record numbers", "error.records.bulk_none") from None


def bulk(project_id: int) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)  # a non-member is told nothing; review/ checks the lead
    filters = {k: form(k) for k in LIST_FILTERS if form(k)}
    ids = _chosen_ids(project_id, filters)
    action = form("action")
    if action == "label_add":
        done = {"done": action, "n": add_label(c.conn, project_id, c.user["id"], ids, form("bulk_label"))}
    elif action == "label_remove":
        done = {"done": action, "n": remove_label(c.conn, project_id, c.user["id"], ids, form("bulk_label"))}
    elif action == "move":
        result = move_to_fulltext(c.conn, project_id, c.user["id"], ids, form("resolution_reason"),
                                  over_agreed=form("over_agreed") == "1")
        done = {"done": "moved", "n": result["moved"] + result["overridden"], "overridden": result["overridden"],
                "waiting": result["waiting"], "agreed": result["agreed"], "already": result["already"]}
    else:
        raise Invalid("choose what to do with the records", "error.records.bulk_action")
    redirect_to("records", query={**filters, **done}, project_id=project_id)


def bulk_done() -> dict[str, Any] | None:
    """What the last bulk action did, from the redirect's query (numbers and a known word only)."""
    done = query("done")
    if done not in DONE:
        return None
    counts = {k: int(query(k)) if query(k).isdigit() else 0 for k in COUNTS}
    return {"action": done, **counts}


def filtered_file(project_id: int, fmt: str) -> Any:
    c = ctx()
    accounts.require_member(c.conn, project_id, c.user_id)
    filters = {k: query(k) for k in LIST_FILTERS if query(k)}
    ids = matching_ids(c.conn, project_id, c.user["id"], filters)
    data = stream_ids(c.conn, project_id, fmt, ids, c.user["id"])
    types = {"csv": "text/csv; charset=utf-8", "ris": "application/x-research-info-systems; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    response.content_type = types.get(fmt, "application/octet-stream")
    response.set_header("Content-Disposition", f'attachment; filename="records-{project_id}-filtered.{fmt}"')
    return data
