"""Writing plain-language summaries: bokmål, nynorsk and English, the editor with word count, LIX and hard sentences."""
from __future__ import annotations

import json
from typing import Any

import bottle
from bottle import request

from review import accounts, projects, publishing
from review.appraisal import certainty_for_outcomes
from review.publishing import (
    actions_now,
    discard_draft,
    get_draft,
    newer_work,
    save_draft,
    save_version_from_draft,
)
from review.store import Conflict, Invalid, NotFound, SilError
from screens.i18n import translate
from screens.i18n.formats import fmt_datetime
from screens.web import (
    SQLITE_INT,
    add_overview_card,
    add_project_tab,
    ctx,
    error_text,
    form,
    form_all,
    json_response,
    project_tabs,
    query,
    redirect_to,
    render,
)

ACTIONS = ("submit", "approve", "return", "publish", "withdraw")
SUMMARY_FORMATS = ("docx", "pdf", "html", "md")
FIELD_LABELS = {"title": "summaries.field_title", "key_messages": "summaries.key_messages",
                "report_url": "summaries.report_url"}


def install(app: bottle.Bottle) -> None:
    app.route("/projects/<project_id:int>/summaries", "GET", overview, name="project_summaries")
    app.route("/projects/<project_id:int>/summaries/<lang>", "GET", editor, name="summary_editor")
    app.route("/projects/<project_id:int>/summaries/<lang>", "POST", save, name="summary_save")
    app.route("/projects/<project_id:int>/summaries/<lang>/draft", "POST", draft, name="summary_draft")
    app.route("/projects/<project_id:int>/summaries/<lang>/draft/discard", "POST", discard, name="summary_discard")
    app.route("/projects/<project_id:int>/summaries/<lang>/<action>", "POST", change,
              name="summary_action")
    add_project_tab(app, 70, "project_summaries", "summaries.tab")
    add_overview_card(app, 70, overview_card)


def overview_card(project: dict[str, Any], member: dict[str, Any]) -> str:
    """The overview's card: each language's summary and its state."""
    c = ctx()
    found = publishing.project_summaries(c.conn, project["id"], c.user["id"])
    return render("publishing/summaries_card.tpl", project=project, found=found, langs=publishing.LANGS,
                  shares=publishing.published_shares(c.conn))


def check_lang(lang: str) -> None:
    if lang not in publishing.LANGS:
        raise NotFound("summaries are written in bokmål (nb), nynorsk (nn) or English (en)", "error.summary.language")


def _frame(project_id: int) -> dict[str, Any]:
    c = ctx()
    member = accounts.require_member(c.conn, project_id, c.user_id)
    return {"project": projects.get_project(c.conn, project_id), "member": member, "tabs": project_tabs(member),
            "active_tab": "project_summaries", "can_write": member["role"] in publishing.WRITERS}


def overview(project_id: int) -> str:
    c = ctx()
    frame = _frame(project_id)
    found = publishing.project_summaries(c.conn, project_id, c.user["id"])
    return render("publishing/summaries.tpl", title=c._("summaries.title"), found=found, langs=publishing.LANGS,
                  shares=publishing.published_shares(c.conn), export_formats=SUMMARY_FORMATS, **frame)


def editor(project_id: int, lang: str) -> str:
    c = ctx()
    check_lang(lang)
    frame = _frame(project_id)
    summary = publishing.project_summaries(c.conn, project_id, c.user["id"])[lang]
    content = (summary or {}).get("latest") and summary["latest"]["content"] or publishing.empty_content()
    topics = (summary or {}).get("latest") and summary["latest"]["topics"] or []
    draft_found = get_draft(c.conn, summary["id"], c.user["id"]) if summary and frame["can_write"] else None
    if draft_found and summary["state"] != "in_review":
        content, topics = draft_found["content"], draft_found["topics"]
    newest = summary["latest"]["number"] if summary and summary["latest"] else 0
    base = draft_found["based_on"] if draft_found else newest
    newer = newer_work(c.conn, summary["id"], c.user["id"], base) if summary and frame["can_write"] else None
    text = publishing.full_text(content)
    measured = publishing.measure(text)
    history = publishing.list_history(c.conn, summary["id"]) if summary else []
    versions = publishing.list_versions(c.conn, summary["id"]) if summary else []
    now = actions_now(summary, frame["member"]["role"])
    bands = {b: publishing.band_label(b, c.language) for b in publishing.BAND_LABELS}
    return render("publishing/summary_editor.tpl", title=c._("summaries.editor", name=c._(f"summaries.lang_{lang}")),
                  summary=summary, content=content, topics=", ".join(topics), summary_lang=lang, measured=measured,
                  band=bands[measured.band], json_bands=json.dumps(bands, ensure_ascii=False), marks=publishing.marks(text),
                  long_sentences=[(text[a:b].strip(), n) for a, b, n in publishing.long_sentences(text)],
                  grade=grade_suggestions(project_id, frame["project"]), history=history, versions=versions,
                  actions=now["actions"], next_step=now["next"],
                  missing=[c._(FIELD_LABELS.get(m, "portal." + m)) for m in now["missing"]], draft=draft_found,
                  base_version=base, seen_version=newest, newer=newer, newer_lines=newer_lines(newer, base),
                  newer_key=newer_key(newer), full_text=publishing.full_text,
                  error=query("error"), certainties=publishing.CERTAINTIES, wide=True,
                  scripts=["summary.js"], **frame)


def grade_suggestions(project_id: int, project: dict[str, Any]) -> list[dict[str, Any]]:
    """Per GRADE outcome, the wordings that match its certainty in both languages."""

    outcomes = certainty_for_outcomes(ctx().conn, project_id)
    x = {lang: project.get("exposure") or translate("nb" if lang == "nn" else lang, "summaries.grade_intervention")
         for lang in ("en", "nb", "nn")}
    found = []
    for outcome in outcomes:
        options = [publishing.wordings_for(outcome["certainty"], {lang: (x[lang], outcome["name"]) for lang in x}, d)
                   for d in publishing.DIRECTIONS]
        found.append({"name": outcome["name"], "certainty": outcome["certainty"], "options": options})
    return found


def content_from_form() -> dict[str, Any]:
    """The editor's fields as content for summaries.save_version."""
    findings = [{"outcome": o, "certainty": cert, "text": t} for o, cert, t in
                zip(form_all("finding_outcome"), form_all("finding_certainty"), form_all("finding_text"))]
    return {"title": form("title"), "key_messages": form_all("key_message"),
            **{s: form(s) for s in publishing.SECTIONS}, "findings": findings, "report_url": form("report_url")}


def _summary_id(project_id: int, lang: str) -> int:
    """The summary in this language, started now if there is none."""
    c = ctx()
    found = publishing.project_summaries(c.conn, project_id, c.user["id"])[lang]
    return found["id"] if found else publishing.create_summary(c.conn, project_id, lang, c.user["id"])


def newer_lines(newer: dict[str, list[dict[str, Any]]] | None, base: int) -> list[str]:
    """Who saved a version since the writer's text started, and who has a newer draft, in the viewer's words."""
    if not newer:
        return []
    c = ctx()
    lines = [c._("summaries.newer_version" if base else "summaries.newer_version_first", who=v["user_name"],
                 number=v["number"], at=fmt_datetime(v["saved_at"], c.language, c.time_zone), base=base)
             for v in newer["versions"]]
    return lines + [c._("summaries.other_draft", who=d["user_name"], at=fmt_datetime(d["saved_at"], c.language, c.time_zone))
                    for d in newer["drafts"]]


def newer_key(newer: dict[str, list[dict[str, Any]]] | None) -> str:
    """What the notice is about (versions by number, drafts by writer), so the page's script can tell
    when an autosave learns of something the page does not show."""
    if not newer:
        return ""
    return " ".join([f"v{v['number']}" for v in newer["versions"]] + sorted(f"d{d['user_id']}" for d in newer["drafts"]))


def _version_number(name: str) -> int | None:
    """A version number sent by the editor (base_version, seen_version); None when missing or not one."""
    text = form(name).strip()
    return int(text) if text.isdigit() and int(text) <= SQLITE_INT[1] else None


def save(project_id: int, lang: str) -> Any:
    """Save a version on purpose ("Save version"), or keep the draft ("Save draft", what autosave does).

    The version is refused (409) when someone saved a newer one since the page's text started from its
    version (base_version); the text is then kept as the writer's draft, and the editor shows the other
    version beside it. "Save over version N" (intent overwrite, seen_version N) saves over the version
    the writer has now seen, and only that one."""
    c = ctx()
    check_lang(lang)
    accounts.require_member(c.conn, project_id, c.user_id)
    if form("intent") == "draft":
        return draft(project_id, lang)
    summary_id = _summary_id(project_id, lang)
    # a page that does not say what its text started from is taken to hold no version at all
    seen = _version_number("seen_version" if form("intent") == "overwrite" else "base_version") or 0
    try:
        number = save_version_from_draft(c.conn, summary_id, c.user["id"], content_from_form(), form("topics"), seen)
    except Conflict as error:
        if error.key not in ("error.summary.stale", "error.summary.stale_first"):
            raise
        save_draft(c.conn, summary_id, c.user["id"], content_from_form(), form("topics"),
                   _version_number("base_version"))
        if _wants_json():
            return json_response({"ok": False, "stale": True,
                                  "error": error_text(error) + " " + c._("summaries.stale_reload")}, 409)
        redirect_to("summary_editor", query={"error": error_text(error)}, project_id=project_id, lang=lang)
    if _wants_json():
        return json_response({"ok": True, "version": number, "message": c._("summaries.saved")})
    redirect_to("summary_editor", flash="summaries.saved", project_id=project_id, lang=lang)


def _wants_json() -> bool:
    return request.get_header("Accept", "").startswith("application/json")


def draft(project_id: int, lang: str) -> Any:
    """Keep the writer's own draft (autosave, or "Save draft"); the JSON answer also says what others did since."""
    c = ctx()
    check_lang(lang)
    accounts.require_member(c.conn, project_id, c.user_id)
    try:
        summary_id = _summary_id(project_id, lang)
        at, base = save_draft(c.conn, summary_id, c.user["id"], content_from_form(), form("topics"),
                              _version_number("base_version"))
    except SilError as error:
        if _wants_json():
            return json_response({"ok": False, "error": error_text(error)}, error.status)
        raise
    if _wants_json():
        newer = newer_work(c.conn, summary_id, c.user["id"], base)
        return json_response({"ok": True, "saved_at": at,
                              "message": c._("summaries.draft_saved_at", at=fmt_datetime(at, c.language, c.time_zone)),
                              "newer": newer_lines(newer, base), "newer_key": newer_key(newer)})
    redirect_to("summary_editor", flash="summaries.draft_saved", project_id=project_id, lang=lang)


def discard(project_id: int, lang: str) -> Any:
    c = ctx()
    check_lang(lang)
    found = publishing.project_summaries(c.conn, project_id, c.user["id"])[lang]
    if found is None:
        raise NotFound("this review has no summary in that language yet")
    discard_draft(c.conn, found["id"], c.user["id"])
    redirect_to("summary_editor", flash="summaries.draft_discarded", project_id=project_id, lang=lang)


def change(project_id: int, lang: str, action: str) -> Any:
    c = ctx()
    check_lang(lang)
    if action not in ACTIONS:
        raise NotFound(f"no action {action!r} on summaries", "error.summary.no_action", action=action)
    found = publishing.project_summaries(c.conn, project_id, c.user["id"])[lang]
    if found is None:
        raise NotFound("this review has no summary in that language yet", "error.summary.none_in_language")
    try:
        publishing.change_state(c.conn, found["id"], c.user["id"], action, note=form("note"))
    except (Conflict, Invalid) as error:  # back to the editor, which says why and offers what can be done now
        redirect_to("summary_editor", query={"error": error_text(error)}, project_id=project_id, lang=lang)
    redirect_to("summary_editor", flash=f"summaries.done_{action}", project_id=project_id, lang=lang)
