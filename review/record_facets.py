"""The records list's filters and facet counts: my decision, final decision, stage, label, exclusion reason and
duplicate status, as far as blinding lets the viewer see (computed here, never in a screen)."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from review.errors import Forbidden, Invalid
from review.records import _fetch, _where
from review.screening_access import require_member, sees_others

FACETS = ("mine", "final", "stage", "label", "reason", "dup")
VALUES = {
    "mine": ("include", "exclude", "maybe", "none"),
    "final": ("include", "exclude", "conflict", "open"),
    "stage": ("screening", "fulltext", "included", "excluded_ta", "excluded_ft", "duplicate"),
    "dup": ("unique", "kept", "possible", "duplicate"),
}
# Facets whose values come from other reviewers' decisions: a blinded reviewer never sees their counts.
BLINDED = ("final", "stage")


def facet_filters(raw: dict[str, str]) -> dict[str, str]:
    """The facet values asked for (empty ones dropped), checked against the known values."""
    chosen = {k: (raw.get(k) or "").strip() for k in FACETS + ("at",) if (raw.get(k) or "").strip()}
    for key, value in chosen.items():
        allowed = ("1", "2") if key == "at" else VALUES.get(key)
        if allowed and value not in allowed:
            raise Invalid(f"{key} must be one of {', '.join(allowed)}, not {value!r}", "error.records.facet_value",
                          facet=key, value=value, choices=", ".join(allowed))
    if "reason" in chosen and not chosen["reason"].isdigit():
        raise Invalid(f"reason must be a reason number, not {chosen['reason']!r}", "error.records.facet_value",
                      facet="reason", value=chosen["reason"], choices="1, 2, ...")
    return chosen


def classify(conn: sqlite3.Connection, project_id: int, viewer_id: int, filters: dict[str, Any]) -> tuple[list[dict], str]:
    """Every record matching the plain filters, with its facet values as the viewer may see them."""
    require_member(conn, project_id, viewer_id)
    seen = sees_others(conn, project_id, viewer_id)
    at = int(filters.get("at") or 1)
    where, params = _where(project_id, filters)
    rows = _fetch(conn, f"""
        SELECT r.id, c.decision AS mine, c2.reason_id AS my_reason,
               s.state AS state, s.outcome AS outcome, s1.state AS s1_state, s1.outcome AS s1_outcome,
               s2.state AS s2_state, s2.outcome AS s2_outcome, s2.reason_id AS s2_reason,
               l.record_id IS NOT NULL AS linked, g.representative_id = r.id AS representative
        FROM records r
        LEFT JOIN screening_current c ON c.project_id = r.project_id AND c.record_id = r.id AND c.user_id = ? AND c.stage = ?
        LEFT JOIN screening_current c2 ON c2.project_id = r.project_id AND c2.record_id = r.id AND c2.user_id = ? AND c2.stage = 2
        LEFT JOIN screening_state s ON s.project_id = r.project_id AND s.record_id = r.id AND s.stage = ?
        LEFT JOIN screening_state s1 ON s1.project_id = r.project_id AND s1.record_id = r.id AND s1.stage = 1
        LEFT JOIN screening_state s2 ON s2.project_id = r.project_id AND s2.record_id = r.id AND s2.stage = 2
        LEFT JOIN duplicate_links l ON l.record_id = r.id
        LEFT JOIN duplicate_groups g ON g.id = l.group_id
        WHERE {where} ORDER BY r.id""", [viewer_id, at, viewer_id, at, *params])
    possible = {i for pair in conn.execute("""SELECT record_a, record_b FROM duplicate_pairs
                                               WHERE project_id = ? AND decision IS NULL""", (project_id,)) for i in pair}
    labels = _labels(conn, project_id, viewer_id, seen)
    out = []
    for row in rows:
        dup = ("duplicate" if row["linked"] and not row["representative"] else "kept" if row["linked"]
               else "possible" if row["id"] in possible else "unique")
        item = {"id": row["id"], "mine": row["mine"] or "none", "dup": dup, "labels": labels.get(row["id"], {}),
                "reason": str(row["my_reason"] or "") if seen == "none" else
                str(row["s2_reason"] or "") if row["s2_state"] == "settled" and row["s2_outcome"] == "exclude" else ""}
        if seen != "none":
            item["final"] = (row["outcome"] if row["state"] == "settled" else "conflict" if row["state"] == "conflict"
                             else "open")
            item["stage"] = _stage(row, dup)
        out.append(item)
    return out, seen


def _stage(row: sqlite3.Row, dup: str) -> str:
    if dup == "duplicate":
        return "duplicate"
    if row["s1_state"] != "settled":
        return "screening"
    if row["s1_outcome"] == "exclude":
        return "excluded_ta"
    if row["s2_state"] == "settled":
        return "included" if row["s2_outcome"] == "include" else "excluded_ft"
    return "fulltext"


def _labels(conn: sqlite3.Connection, project_id: int, viewer_id: int, seen: str) -> dict[int, dict[str, str]]:
    """record id -> {lower-case label: label as first written}: the project's labels and the decision labels
    the viewer may see (under blinding only their own, as record_sets does)."""
    own = "" if seen == "all" else " AND c.user_id = ?"
    found: dict[int, dict[str, str]] = {}
    rows = list(conn.execute("SELECT record_id, label FROM record_labels WHERE project_id = ? ORDER BY added_at",
                             (project_id,)))
    rows += conn.execute(f"""SELECT c.record_id, j.value FROM screening_current c, json_each(c.labels) j
                             WHERE c.project_id = ? AND c.labels <> '[]'{own}""",
                         [project_id] + ([] if seen == "all" else [viewer_id])).fetchall()
    for record_id, label in rows:
        label = str(label).strip()
        if label:
            found.setdefault(record_id, {}).setdefault(label.lower(), label)
    return found


def _fails(item: dict[str, Any], chosen: dict[str, str]) -> list[str]:
    failed = []
    for key, value in chosen.items():
        if key == "at":
            continue
        if key == "label":
            if value.lower() not in item["labels"]:
                failed.append(key)
        elif item.get(key) != value:
            failed.append(key)
    return failed


def browse(conn: sqlite3.Connection, project_id: int, viewer_id: int, filters: dict[str, Any]) -> dict[str, Any]:
    """The ids matching every filter and, per facet, each value's count under the other filters."""
    chosen = facet_filters(filters)
    items, seen = classify(conn, project_id, viewer_id, filters)
    if seen == "none" and any(key in chosen for key in BLINDED):
        raise Forbidden("while screening is blinded, records cannot be filtered by the team's decisions",
                        "error.records.facet_blinded")
    shown = [f for f in FACETS if not (seen == "none" and f in BLINDED)]
    counts: dict[str, dict[str, int]] = {f: {} for f in shown}
    names: dict[str, str] = {}
    ids = []
    for item in items:
        failed = _fails(item, chosen)
        if not failed:
            ids.append(item["id"])
        if len(failed) > 1:
            continue
        for facet in ([failed[0]] if failed else shown):
            if facet == "label":
                for key, label in item["labels"].items():
                    names.setdefault(key, label)
                    counts[facet][key] = counts[facet].get(key, 0) + 1
            elif item.get(facet):
                counts[facet][item[facet]] = counts[facet].get(item[facet], 0) + 1
    reasons = dict(conn.execute("SELECT id, label FROM exclusion_reasons WHERE project_id = ?", (project_id,)).fetchall())
    facets = {}
    for facet in shown:
        if facet == "label":
            values = sorted(counts[facet].items(), key=lambda kv: names[kv[0]].lower())
            facets[facet] = [{"value": names[k], "count": n} for k, n in values]
        elif facet == "reason":
            facets[facet] = [{"value": k, "label": reasons.get(int(k), k), "count": n}
                             for k, n in sorted(counts[facet].items(), key=lambda kv: int(kv[0]))]
        else:
            facets[facet] = [{"value": v, "count": counts[facet].get(v, 0)} for v in VALUES[facet]]
    wanted = set(ids)
    return {"ids": ids, "facets": facets, "chosen": chosen, "blinded": seen == "none",
            "status": {i["id"]: i for i in items if i["id"] in wanted}}


def matching_ids(conn: sqlite3.Connection, project_id: int, viewer_id: int, filters: dict[str, Any]) -> list[int]:
    """The ids of the records the list shows for these filters, in record order."""
    return browse(conn, project_id, viewer_id, filters)["ids"]


def page_of(conn: sqlite3.Connection, project_id: int, ids: list[int], page: int, per_page: int = 50) -> dict[str, Any]:
    """One page of these records with the columns the list shows."""
    pages = max(1, -(-len(ids) // per_page))
    page = min(max(1, page), pages)
    chosen = ids[(page - 1) * per_page:page * per_page]
    rows = conn.execute(f"""SELECT r.id, r.search_id, r.title, r.authors, r.year, r.journal, r.doi,
                                   s.database_name, s.file_name
                            FROM records r JOIN searches s ON s.id = r.search_id
                            WHERE r.project_id = ? AND r.id IN ({','.join('?' * len(chosen))}) ORDER BY r.id""",
                        [project_id, *chosen]).fetchall() if chosen else []
    items = [dict(row, authors=json.loads(row["authors"])) for row in rows]
    return {"items": items, "total": len(ids), "page": page, "per_page": per_page, "pages": pages}
