"""The duplicates screen for the project lead: possible pairs side by side, bulk confirm, all groups with undo."""
from __future__ import annotations

import difflib
from typing import Any
from urllib.parse import urlencode

import bottle

from review import accounts, projects
from review.dedupe import (
    SHOWN_FIELDS,
    DedupeJobs,
    Job,
    Message,
    bulk_confirm,
    confirm_pair,
    count_groups,
    count_pairs,
    duplicates_removed,
    fold,
    list_groups,
    list_pairs,
    reason_message,
    reject_pair,
    split_record,
    undo_group,
)
from review.store import Conflict, Invalid
from screens.i18n.formats import fmt_datetime
from screens.web import (
    add_overview_card,
    add_project_tab,
    ctx,
    error_text,
    form,
    form_all,
    project_page,
    query,
    query_int,
    redirect_to,
    render,
)

PAGE_SIZE = 50
GROUPS_PER_PAGE = 20


def install(app: bottle.Bottle) -> None:
    base = "/projects/<project_id:int>/duplicates"
    app.route(base, "GET", review_page, name="duplicates")
    app.route(f"{base}/run", "POST", run_detection, name="duplicates_run")
    app.route(f"{base}/pairs/<pair_id:int>", "POST", decide_pair, name="duplicates_decide")
    app.route(f"{base}/bulk", "POST", confirm_many, name="duplicates_bulk")
    app.route(f"{base}/groups", "GET", groups_page, name="duplicates_groups")
    app.route(f"{base}/groups/<group_id:int>/undo", "POST", undo, name="duplicates_undo")
    app.route(f"{base}/records/<record_id:int>/split", "POST", split, name="duplicates_split")
    if "sil.dedupe_jobs" not in app.config:
        app.config["sil.dedupe_jobs"] = DedupeJobs(app.config["sil.db"])
    add_project_tab(app, 15, "duplicates", "dup.tab", ("lead",))
    add_overview_card(app, 15, overview_card)


def _lead(project_id: int, changes: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id, "lead")
    if changes and jobs().is_running(project_id):
        # the run groups from what it read when it started; a decision made meanwhile could be overruled
        raise Conflict("duplicate detection is running on this project; decide once it has finished",
                       key="dup.busy_decide")
    return projects.get_project(c.conn, project_id), member


def jobs() -> DedupeJobs:
    """The background runs of this server's database."""
    return ctx().app.config["sil.dedupe_jobs"]


def _page(template: str, project_id: int, active: str, **values: Any) -> str:
    return project_page(template, project_id, active, "lead", title=ctx()._(values.pop("title_key")),
                        scripts=["duplicates.js"], **values)


def marked_words(text: str, other: str) -> list[tuple[str, bool]]:
    """The words of text, each flagged when the other text lacks it: what to highlight."""
    words, others = str(text).split(), str(other).split()
    matcher = difflib.SequenceMatcher(a=[_plain(w) for w in words], b=[_plain(w) for w in others], autojunk=False)
    flags = [True] * len(words)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            flags[i] = False
    return list(zip(words, flags))


def _plain(word: str) -> str:
    """A word as compared: case, accents and punctuation do not count as a difference."""
    return "".join(ch for ch in fold(word) if ch.isalnum())


def _shown(record: dict[str, Any], field: str) -> str:
    value = record.get(field)
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def _side_by_side(pair: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of the comparison table: field, both values as marked words, whether they differ."""
    rows = []
    for field in SHOWN_FIELDS:
        a, b = _shown(pair["a"], field), _shown(pair["b"], field)
        if not a and not b:
            continue
        rows.append({"field": field, "differs": field in pair["differences"],
                     "a": marked_words(a, b), "b": marked_words(b, a)})
    return rows


def why_text(message: Message) -> str:
    """A rule's reason in the reader's language (the parts of a composed reason translated first)."""
    key, values = message
    return ctx()._(key, **{name: why_text(v) if isinstance(v, tuple) else v for name, v in values.items()})


def review_page(project_id: int) -> str:
    c = ctx()
    _lead(project_id)
    offset = max(0, query_int("skip", 0) or 0)
    pairs = list_pairs(c.conn, project_id, limit=max(PAGE_SIZE, offset + 1))
    for pair in pairs:
        pair["why"] = why_text(reason_message(pair["reason"]))
    current = pairs[offset] if offset < len(pairs) else None
    return _page("dedupe/duplicates.tpl", project_id, "duplicates", title_key="dup.title", pairs=pairs[:PAGE_SIZE],
                 total=count_pairs(c.conn, project_id), current=current, offset=offset,
                 run=_run_view(jobs().latest(project_id)),
                 rows=_side_by_side(current) if current else [],
                 removed=duplicates_removed(c.conn, project_id))


def _run_view(job: Job | None) -> dict[str, Any] | None:
    """The background run as the page shows it: state, times as a person reads them, counts or error."""
    if job is None:
        return None
    c = ctx()
    return {"running": job.running, "since": fmt_datetime(job.started_at, c.language, c.time_zone),
            "finished": fmt_datetime(job.finished_at or "", c.language, c.time_zone),
            "counts": job.counts, "error": error_text(job.failure) if job.failure else job.error}


def run_detection(project_id: int) -> None:
    c = ctx()
    _lead(project_id)
    jobs().start(project_id, c.user["id"])
    redirect_to("duplicates", flash="dup.started", project_id=project_id)


def decide_pair(project_id: int, pair_id: int) -> None:
    c = ctx()
    _lead(project_id, changes=True)
    decision, offset = form("decision"), form("skip", "0")
    if decision == "same":
        confirm_pair(c.conn, project_id, pair_id, c.user["id"])
    elif decision == "different":
        reject_pair(c.conn, project_id, pair_id, c.user["id"])
    else:
        raise Invalid("choose 'same' or 'different' for a pair", "error.dup.choose")
    redirect_to("duplicates", flash=f"dup.{decision}_done", project_id=project_id,
                query={"skip": offset} if offset.isdigit() and offset != "0" else None)


def confirm_many(project_id: int) -> None:
    c = ctx()
    _lead(project_id, changes=True)
    chosen = [int(p) for p in form_all("pair_id") if p.isdigit()]
    if not chosen:
        raise Invalid("tick at least one pair to confirm", "error.dup.tick")
    bulk_confirm(c.conn, project_id, chosen, c.user["id"])
    redirect_to("duplicates", flash="dup.bulk_done", project_id=project_id)


def groups_page(project_id: int) -> str:
    c = ctx()
    _lead(project_id)
    found_text = query("q").strip()
    found = count_groups(c.conn, project_id, found_text)
    pages = max(1, -(-found // GROUPS_PER_PAGE))
    page = min(max(1, query_int("page", 1) or 1), pages)
    groups = list_groups(c.conn, project_id, found_text, offset=(page - 1) * GROUPS_PER_PAGE, limit=GROUPS_PER_PAGE)
    return _page("dedupe/duplicates_groups.tpl", project_id, "duplicates", title_key="dup.groups", groups=groups,
                 removed=duplicates_removed(c.conn, project_id), q=found_text, found=found,
                 total_groups=count_groups(c.conn, project_id) if found_text else found,
                 page={"page": page, "pages": pages}, page_query=lambda n: _groups_query(found_text, n))


def _groups_query(text: str, page: int) -> str:
    """The query string of one page of the groups (the search kept)."""
    return urlencode({**({"q": text} if text else {}), **({"page": page} if page > 1 else {})})


def _back_to_groups(project_id: int, flash: str) -> None:
    """After undo or split: the page of groups the person was on, with their search."""
    page = form("page", "1")
    values = {**({"q": form("q")} if form("q") else {}), **({"page": page} if page.isdigit() and page != "1" else {})}
    redirect_to("duplicates_groups", flash=flash, project_id=project_id, query=values or None)


def undo(project_id: int, group_id: int) -> None:
    c = ctx()
    _lead(project_id, changes=True)
    undo_group(c.conn, project_id, group_id, c.user["id"])
    _back_to_groups(project_id, "dup.undone")


def split(project_id: int, record_id: int) -> None:
    c = ctx()
    _lead(project_id, changes=True)
    split_record(c.conn, project_id, record_id, c.user["id"])
    _back_to_groups(project_id, "dup.split_done")


def overview_card(project: dict[str, Any], member: dict[str, Any]) -> str:
    """The lead sees how many duplicates were removed and how many pairs wait."""
    if member["role"] != "lead":
        return ""
    c = ctx()
    return render("dedupe/duplicates_card.tpl", project=project, removed=duplicates_removed(c.conn, project["id"]),
                  waiting=count_pairs(c.conn, project["id"]))
