"""What each member may export from the web, as far as their role and blinding allow, with file names and types.

review.exporting is the table of exports; this module decides who may take which one and hands the viewer
to the exports that follow blinding, so a reviewer never gets another reviewer's decision on an open record."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.accounts import require_member
from review.publishing import exports as exporting
from review.screening import require_sees_sets, sees_others
from review.store import Invalid

# what -> (options it needs, who may take it).
# "member": any member; the export either holds no reviewer's decisions or follows blinding through viewer_id.
# "seer": sets chosen by other reviewers' decisions (included, excluded, conflicts); membership alone does not
#         allow them while blinded, since a record's presence in the set tells what the others decided.
OFFERS: dict[str, tuple[tuple[str, ...], str]] = {
    "records-with-decisions": ((), "member"),
    "records": ((), "member"),
    "included": (("stage",), "seer"),
    "excluded": (("stage",), "seer"),
    "conflicts": (("stage",), "seer"),
    "labelled": (("label",), "member"),
    "decisions": ((), "member"),
    "duplicates": ((), "member"),
    "searches": ((), "member"),
    "prisma": ((), "member"),
    "extraction": ((), "member"),
    "sof": ((), "member"),
    "rob": ((), "member"),
    "rob-plot": ((), "member"),
    "summary": (("summary_lang",), "member"),
    "press-pack": ((), "member"),
    "automation-methods": (("summary_lang",), "member"),
}
# Exports whose labels are the portal's texts: the web hands them its translator (review/ has no catalogue).
NEEDS_TEXTS = {"summary", "press-pack"}
# The exports whose functions take viewer_id and show the viewer only what blinding lets them see.
FOLLOW_BLINDING = {"records-with-decisions", "labelled", "decisions", "excluded", "conflicts", "prisma",
                   "automation-methods"}
MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "svg": "image/svg+xml; charset=utf-8",
    "png": "image/png",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "zip": "application/zip",
}


def offers_for(conn: sqlite3.Connection, project_id: int, user_id: int) -> list[dict[str, Any]]:
    """Every export with its formats, the options it needs and whether this member may take it now."""
    require_member(conn, project_id, user_id)
    seer = sees_others(conn, project_id, user_id) != "none"
    return [{"what": what, "formats": exporting.EXPORTS[what][1], "options": options,
             "allowed": rule == "member" or seer}
            for what, (options, rule) in OFFERS.items()]


def export_for(conn: sqlite3.Connection, project_id: int, user_id: int, what: str, fmt: str,
               stage: int | None = None, search: int | None = None, label: str | None = None,
               lang: str = "en", stream: bool = False, summary_lang: str | None = None,
               gettext_for: Any = None, texts: Any = None, localise: Any = None) -> tuple[Any, str, str]:
    """(content, MIME type, file name) of one export for a member; Forbidden where blinding does not allow it.

    stream: the content as an iterable of byte chunks (review.exporting.stream) rather than bytes.
    texts (key, **values) and localise (the risk-of-bias plot's words): the web's, in the reader's language,
    for the exports that take them, as the appraisal screens' own download links give them."""
    require_member(conn, project_id, user_id)
    if what not in OFFERS:
        raise Invalid(f"choose what to export: {', '.join(OFFERS)}; not {what!r}",
                      "error.export_offers.what", choices=", ".join(OFFERS), what=what)
    options, rule = OFFERS[what]
    if rule == "seer":
        require_sees_sets(conn, project_id, user_id)
    values: dict[str, Any] = {}
    # Said here in words a person on the web understands; the command line's messages name its options.
    if "stage" in options:
        if stage not in (1, 2):
            raise Invalid("choose the stage: title and abstract, or full text", "error.export_offers.stage")
        values["stage"] = stage
    if "label" in options:
        if not (label or "").strip():
            raise Invalid("type the label whose records you want", "error.export_offers.label")
        values["label"] = label.strip()
    if what in ("records", "records-with-decisions") and search is not None:
        values["search"] = search
    if what in ("prisma", "automation-methods"):
        values["lang"] = lang
    if "summary_lang" in options:
        values["lang"] = summary_lang or lang
    if what in NEEDS_TEXTS:
        values["gettext_for"] = gettext_for
    if what == "sof" and texts is not None:
        values.update(texts=texts, lang=lang)
    if what == "rob-plot" and localise is not None:
        values["localise"] = localise
    if what in FOLLOW_BLINDING:
        values["viewer_id"] = user_id
    content = (exporting.stream if stream else exporting.export)(conn, project_id, what, fmt, **values)
    return content, MIMETYPES.get(fmt, "application/octet-stream"), file_name(project_id, what, fmt, values)


def file_name(project_id: int, what: str, fmt: str, values: dict[str, Any]) -> str:
    """A plain ASCII file name that says what the file holds: sil-project3-excluded-stage2.csv."""
    parts = [f"sil-project{int(project_id)}", what]
    if values.get("search") is not None:
        parts.append(f"search{int(values['search'])}")
    if values.get("stage") is not None:
        parts.append(f"stage{int(values['stage'])}")
    if what == "summary" and values.get("lang"):
        parts.append(str(values["lang"]) if str(values["lang"]) in ("nb", "nn", "en") else "lang")
    if values.get("label"):
        slug = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in values["label"].lower()).strip("-")
        parts.append(slug[:40] or "label")
    return "-".join(parts) + f".{fmt}"
