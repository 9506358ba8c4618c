"""Exports of a plain-language summary per language, and the press pack, for communicators.

The published version is exported where there is one (with the PRISMA counts and certainty frozen
with it); a summary not yet published exports its latest saved version with today's numbers. The
labels are the portal's texts: the caller gives the translator (gettext_for), as export-portal does."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from review.publishing import publications, summaries
from review.store import Invalid, NotFound

FORMATS = ("docx", "pdf", "html", "md")


def summary_item(conn: sqlite3.Connection, project_id: int, lang: str) -> dict[str, Any]:
    """The summary in one language as the portal shows it (published), else its latest saved version."""
    if lang not in summaries.LANGS:
        raise Invalid(f"--language {lang}: summaries are written in bokmål (nb), nynorsk (nn) or English (en)",
                      "error.publishing.bad_language", lang=lang)
    row = conn.execute("SELECT id, published_version_id, withdrawn_at FROM summaries WHERE project_id = ? AND lang = ?",
                       (project_id, lang)).fetchone()
    if row and row["published_version_id"] and not row["withdrawn_at"]:
        return publications.published_summary(conn, row["id"])
    latest = summaries.latest_version(conn, row["id"]) if row else None
    if latest is None:
        raise NotFound(f"this review has no saved summary in {lang}; write and save it first",
                       "error.publishing.no_summary", lang=lang)
    frozen = summaries.publication_snapshot(conn, project_id)
    title = conn.execute("SELECT title FROM projects WHERE id = ?", (project_id,)).fetchone()["title"]
    return {"id": row["id"], "project_id": project_id, "lang": lang, "version": latest["number"],
            "published_at": latest["saved_at"], "first_published_at": latest["saved_at"], "title": latest["content"]["title"],
            "content": latest["content"], "topics": latest["topics"], "prisma": frozen.get("prisma"),
            "certainty": frozen.get("certainty") or [], "alternates": {}, "other_id": None, "review_title": title,
            "draft": True}


def export_summary(conn: sqlite3.Connection, project_id: int, fmt: str, lang: str = "nb",
                   gettext_for: Callable[[str], Callable[..., str]] | None = None, **_options: Any) -> bytes:
    """One language's summary as DOCX, PDF (two A4 pages, tagged), an HTML fragment or Markdown."""
    from exports import summary_files

    if gettext_for is None:
        raise Invalid("the summary export needs the portal's texts (gettext_for)", "error.publishing.no_texts")
    item = summary_item(conn, project_id, lang)
    _ = gettext_for(lang)
    if fmt == "docx":
        return summary_files.docx(item, _, item.get("review_title") or "")
    if fmt == "pdf":
        return _pdf(item, _)
    if fmt == "md":
        return summary_files.markdown(item, _).encode("utf-8")
    return summary_files.html_fragment(item, _).encode("utf-8")


def _certainty_csv(rows: list[dict[str, Any]]) -> bytes:
    from exports.tables import write_csv

    return write_csv(("outcome", "certainty", "studies", "effect"),
                     ((r.get("outcome", ""), r.get("certainty", ""), r.get("studies", ""), r.get("effect", ""))
                      for r in rows)).encode("utf-8")


def _pdf(item: dict, _: Callable[..., str]) -> bytes:
    from exports import summary_files

    try:
        return summary_files.pdf(item, _)
    except (ImportError, OSError) as error:  # WeasyPrint missing, or Pango not installed
        raise Invalid(f"PDF needs WeasyPrint and Pango on the server: {error}",
                      "error.publishing.pdf_unavailable", reason=str(error)[:200]) from error


def export_press_pack(conn: sqlite3.Connection, project_id: int, fmt: str,
                      gettext_for: Callable[[str], Callable[..., str]] | None = None, **_options: Any) -> bytes:
    """A zip of every published language's summary with PRISMA (PNG, SVG), the SoF table and the key messages."""
    from exports import summary_files
    from review.appraisal import export_sof

    if gettext_for is None:
        raise Invalid("the summary export needs the portal's texts (gettext_for)", "error.publishing.no_texts")
    items = [i for i in publications.published_summaries(conn) if i["project_id"] == project_id]
    if not items:
        raise NotFound("this review has no published summary yet: the press pack holds published languages only",
                       "error.publishing.nothing_published")
    items.sort(key=lambda i: summaries.LANGS.index(i["lang"]))
    from review.appraisal import certainty_for_outcomes

    sof: dict[str, bytes] = {}
    if certainty_for_outcomes(conn, project_id):
        sof = {"sof.html": export_sof(conn, project_id, "html"), "sof.docx": export_sof(conn, project_id, "docx")}
    elif items[0].get("certainty"):  # no GRADE in Sil now: the certainty frozen with the publication
        sof = {"certainty.csv": _certainty_csv(items[0]["certainty"])}
    try:
        return summary_files.press_pack(items, gettext_for, sof)
    except (ImportError, OSError):  # no WeasyPrint here: the pack without PDFs
        return summary_files.press_pack(items, gettext_for, sof, with_pdf=False)
