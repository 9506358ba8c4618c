"""PRISMA 2020 numbers computed from the live data of a review (never typed in, except removals with a reason)."""
from __future__ import annotations

import sqlite3
from typing import Any

from review.accounts import record_event
from review.dedupe import duplicates_removed as from_dedupe
from review.ranking import excluded_by_automation
from review.screening import outcomes_table, screening_counts
from review.store import Invalid, NotFound, now, transaction

SCREENING_KEYS = ("screened", "screen_excluded", "sought", "not_retrieved", "assessed", "excluded",
                  "included", "awaiting_assessment")


def prisma_counts(conn: sqlite3.Connection, project_id: int, viewer_id: int | None = None) -> dict[str, Any]:
    """Every box of the diagram as plain values (exports.prisma_text.PrismaCounts.from_dict reads it).

    viewer_id: the member who looks; while blinded, a reviewer's or communicator's screening boxes count
    only the outcomes the lead released (review.blinding). None (command line, lead's tools) counts all.
    """
    sources = identified(conn, project_id)
    screening = screening_numbers(conn, project_id, viewer_id)
    counts = {
        "databases": sources["database"], "registers": sources["register"],
        "duplicates_removed": duplicates_removed(conn, project_id),
        "automation_excluded": automation_excluded(conn, project_id),
        "other_removed": [[r["reason"], r["count"]] for r in list_removals(conn, project_id)],
        **{key: screening[key] for key in SCREENING_KEYS if key != "included"},
        **included(conn, project_id, screening["included"], viewer_id),
        "other": None,
    }
    # While screening is under way the boxes add up: what is not yet decided is its own box, marked in progress.
    to_screen = screening["to_screen"] - counts["automation_excluded"] - sum(n for _, n in counts["other_removed"])
    counts["awaiting_screening"] = max(0, to_screen - counts["screened"])
    counts["in_progress"] = bool(counts["awaiting_screening"] or counts["awaiting_assessment"]
                                 or screening["other"]["awaiting_assessment"])
    if sources["other"]:
        counts["other"] = {"sources": sources["other"], **screening["other"]}
    return counts


def identified(conn: sqlite3.Connection, project_id: int) -> dict[str, list[list[Any]]]:
    """Records per database, register and other source (from the search log), in the order first searched."""
    rows = conn.execute("""SELECT source_kind, COALESCE(NULLIF(database_name, ''), file_name) AS name,
                                  SUM(record_count) AS n, MIN(id) AS first
                           FROM searches WHERE project_id = ? GROUP BY source_kind, name ORDER BY first""",
                        (project_id,)).fetchall()
    found: dict[str, list[list[Any]]] = {"database": [], "register": [], "other": []}
    for row in rows:
        found[row["source_kind"]].append([row["name"], row["n"]])
    return found


def duplicates_removed(conn: sqlite3.Connection, project_id: int) -> int:
    """Records set aside as duplicates of a record that is screened."""

    return int(from_dedupe(conn, project_id))


def automation_excluded(conn: sqlite3.Connection, project_id: int) -> int:
    """Records left unscreened when the lead stopped screening on the ranking's advice."""

    return int(excluded_by_automation(conn, project_id))


def screening_numbers(conn: sqlite3.Connection, project_id: int, viewer_id: int | None = None) -> dict[str, Any]:
    """Screened, excluded, sought, not retrieved, assessed, excluded per reason, included; records from
    other methods (citation searching, websites) get their own column and leave the main one."""

    total = screening_counts(conn, project_id, viewer_id)
    table = outcomes_table(conn, project_id, viewer_id)
    other = _other_methods(conn, project_id, table)
    excluded = dict(total["reports_excluded"])
    for reason, n in other["excluded"]:
        excluded[reason] -= n
    main_assessed = _assessed(conn, project_id, table) - other["assessed"]
    sought = total["reports_sought"] - other["sought"]
    not_retrieved = total["reports_not_retrieved"] - other["not_retrieved"]
    return {
        "to_screen": total["records_to_screen"] - other["to_screen"],
        "screened": total["records_screened"] - other["screened"],
        "screen_excluded": total["records_excluded"] - other["screen_excluded"],
        "sought": sought,
        "not_retrieved": not_retrieved,
        "assessed": main_assessed,
        "awaiting_assessment": max(0, sought - not_retrieved - main_assessed),
        "excluded": [[reason, n] for reason, n in excluded.items() if n],
        "included": total["studies_included"],
        "other": {k: other[k] for k in ("sought", "not_retrieved", "assessed", "excluded", "awaiting_assessment")},
    }


def _assessed(conn: sqlite3.Connection, project_id: int, table: str = "screening_state") -> int:
    """Reports with a full-text decision in force (settled at stage 2), from every source, in the outcomes
    the viewer may see (table: review.screening.outcomes_table)."""
    return conn.execute(f"""SELECT COUNT(*) FROM {table} s JOIN screenable_records v
                           ON v.project_id = s.project_id AND v.record_id = s.record_id
                           WHERE s.project_id = ? AND s.stage = 2 AND s.state = 'settled'""", (project_id,)).fetchone()[0]


_OTHER = """SELECT s.record_id FROM {table} s JOIN screenable_records v
              ON v.project_id = s.project_id AND v.record_id = s.record_id
            JOIN records r ON r.id = s.record_id JOIN searches q ON q.id = r.search_id
            WHERE s.project_id = :p AND q.source_kind = 'other' AND s.state = 'settled'"""


def _other_methods(conn: sqlite3.Connection, project_id: int, table: str = "screening_state") -> dict[str, Any]:
    """The screening numbers of records found by other methods; PRISMA sends them straight to retrieval,
    so those that pass title/abstract screening are the reports sought."""
    other = _OTHER.format(table=table)

    def count(extra: str) -> int:
        return conn.execute(f"SELECT COUNT(*) FROM ({other} {extra})", {"p": project_id}).fetchone()[0]

    not_retrieved = count("""AND s.stage = 1 AND s.outcome = 'include' AND (SELECT kind FROM fulltext_events f
                             WHERE f.project_id = s.project_id AND f.record_id = s.record_id
                             ORDER BY f.id DESC LIMIT 1) = 'not_retrieved'""")
    sought = count("AND s.stage = 1 AND s.outcome = 'include'")
    reasons = conn.execute(f"""SELECT x.label, COUNT(*) FROM {table} s JOIN exclusion_reasons x
                               ON x.id = s.reason_id WHERE s.stage = 2 AND s.outcome = 'exclude'
                               AND s.record_id IN ({other}) GROUP BY x.id ORDER BY x.position""",
                           {"p": project_id}).fetchall()
    assessed = count("AND s.stage = 2")
    to_screen = conn.execute("""SELECT COUNT(*) FROM screenable_records v JOIN records r ON r.id = v.record_id
                                JOIN searches q ON q.id = r.search_id WHERE v.project_id = ? AND q.source_kind = 'other'""",
                             (project_id,)).fetchone()[0]
    return {"to_screen": to_screen, "screened": count("AND s.stage = 1"),
            "screen_excluded": count("AND s.stage = 1 AND s.outcome = 'exclude'"),
            "sought": sought, "not_retrieved": not_retrieved, "assessed": assessed,
            "awaiting_assessment": max(0, sought - not_retrieved - assessed),
            "excluded": [[label, n] for label, n in reasons]}


def included(conn: sqlite3.Connection, project_id: int, reports: int, viewer_id: int | None = None) -> dict[str, int]:
    """Studies and reports included; several reports linked to one study (extraction) count as one study."""
    table = outcomes_table(conn, project_id, viewer_id)
    extra = conn.execute(f"""SELECT COUNT(*) - COUNT(DISTINCT l.study_id) FROM {table} s
                            JOIN study_records l ON l.record_id = s.record_id
                            WHERE s.project_id = ? AND s.stage = 2 AND s.state = 'settled' AND s.outcome = 'include'""",
                         (project_id,)).fetchone()[0]
    return {"studies_included": reports - extra, "reports_included": reports}


def add_removal(conn: sqlite3.Connection, project_id: int, user_id: int | None, count: int, reason: str) -> int:
    """Record that `count` records were removed before screening for a stated reason (PRISMA's 'other reasons')."""
    if not reason or not reason.strip():
        raise Invalid("say why the records were removed; PRISMA reports the reason with the number",
                      "error.prisma.no_reason")
    if not isinstance(count, int) or count < 0:
        raise Invalid(f"the number of records removed must be a whole number of 0 or more, not {count!r}",
                      "error.prisma.bad_count", count=count)
    with transaction(conn):
        cur = conn.execute("INSERT INTO prisma_removals (project_id, count, reason, entered_by, entered_at) "
                           "VALUES (?, ?, ?, ?, ?)", (project_id, count, reason.strip(), user_id, now()))
        record_event(conn, project_id, user_id, "prisma.removal_added", f"removal:{cur.lastrowid}",
                     {"count": count, "reason": reason.strip()})
    return cur.lastrowid


def retract_removal(conn: sqlite3.Connection, project_id: int, user_id: int | None, removal_id: int) -> None:
    """Take back a removal entered by mistake (kept, marked retracted)."""
    with transaction(conn):
        cur = conn.execute("UPDATE prisma_removals SET retracted_at = ? WHERE id = ? AND project_id = ? "
                           "AND retracted_at IS NULL", (now(), removal_id, project_id))
        if cur.rowcount == 0:
            raise NotFound(f"removal {removal_id} not found", "error.prisma.removal_not_found", removal=removal_id)
        record_event(conn, project_id, user_id, "prisma.removal_retracted", f"removal:{removal_id}")


def list_removals(conn: sqlite3.Connection, project_id: int) -> list[dict[str, Any]]:
    """Removals for other reasons still in force, oldest first."""
    rows = conn.execute("""SELECT id, count, reason, entered_by, entered_at FROM prisma_removals
                           WHERE project_id = ? AND retracted_at IS NULL ORDER BY id""", (project_id,))
    return [dict(row) for row in rows]


def export_diagram(conn: sqlite3.Connection, project_id: int, fmt: str, lang: str = "en",
                   viewer_id: int | None = None, **_: Any) -> bytes:
    """The project's PRISMA diagram as SVG or PNG bytes (for review.exporting), as blinding lets the viewer see it."""
    from exports.prisma import render_png, render_svg
    from exports.prisma_text import counts_from_dict

    counts = counts_from_dict(prisma_counts(conn, project_id, viewer_id))
    return render_png(counts, lang) if fmt == "png" else render_svg(counts, lang).encode("utf-8")
