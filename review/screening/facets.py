"""The records list's filters and facet counts: my decision, final decision, stage, label, exclusion reason and
duplicate status, as far as blinding lets the viewer see (computed here, never in a screen)."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from review.accounts import require_member
from review.screening.access import sees_others
from review.searches import _fetch, _where
from review.store import Forbidden, Invalid

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


Signature = tuple  # (mine, final, stage, dup, reason, labels): what the facets see of a record


def classify(conn: sqlite3.Connection, project_id: int, viewer_id: int,
             filters: dict[str, Any]) -> tuple[list[int], dict[int, Signature], str, dict[str, str]]:
    """The ids matching the plain filters, the facet values of those that have any decision, duplicate
    link or label (the rest share DEFAULT), what blinding lets the viewer see, and label names.

    Most records of a large review have no decision yet: reading the few that do and counting the rest
    as one kind keeps an 80 000-record list quick (bench/records_facets.py)."""
    require_member(conn, project_id, viewer_id)
    seen = sees_others(conn, project_id, viewer_id)
    at = int(filters.get("at") or 1)
    where, params = _where(project_id, filters)
    _fetch(conn, f"SELECT 1 FROM records r WHERE {where} LIMIT 1", params)  # a bad search says so, typed
    ids = [row[0] for row in _tuples(conn, f"SELECT r.id FROM records r WHERE {where} ORDER BY r.id", params)]
    mine = dict(_tuples(conn, "SELECT record_id, decision FROM screening_current WHERE project_id = ? AND user_id = ? "
                              "AND stage = ?", (project_id, viewer_id, at)))
    my_reason = dict(_tuples(conn, "SELECT record_id, reason_id FROM screening_current WHERE project_id = ? "
                                   "AND user_id = ? AND stage = 2 AND reason_id IS NOT NULL", (project_id, viewer_id)))
    states = {stage: {r[0]: r[1:] for r in _tuples(
        conn, "SELECT record_id, state, outcome, reason_id FROM screening_state WHERE project_id = ? AND stage = ?",
        (project_id, stage))} for stage in (1, 2)}
    links = dict(conn.execute("""SELECT l.record_id, g.representative_id = l.record_id FROM duplicate_links l
                                 JOIN duplicate_groups g ON g.id = l.group_id WHERE g.project_id = ?""", (project_id,)))
    possible = {i for pair in conn.execute("""SELECT record_a, record_b FROM duplicate_pairs
                                               WHERE project_id = ? AND decision IS NULL""", (project_id,)) for i in pair}
    labels, names = _labels(conn, project_id, viewer_id, seen)
    touched = set(mine) | set(my_reason) | set(states[1]) | set(states[2]) | set(links) | possible | set(labels)
    signatures = {}
    for record_id in touched:
        dup = ("duplicate" if links.get(record_id) == 0 else "kept" if record_id in links
               else "possible" if record_id in possible else "unique")
        s1, s2 = states[1].get(record_id), states[2].get(record_id)
        here = states[at].get(record_id)
        if seen == "none":
            final = stage = None
            reason = str(my_reason.get(record_id) or "")
        else:
            final = (here[1] if here and here[0] == "settled" else "conflict" if here and here[0] == "conflict"
                     else "open")
            stage = _stage(s1, s2, dup)
            reason = str(s2[2]) if s2 and s2[0] == "settled" and s2[1] == "exclude" and s2[2] else ""
        signatures[record_id] = (mine.get(record_id) or "none", final, stage, dup, reason,
                                 frozenset(labels.get(record_id, ())))
    return ids, signatures, seen, names


def _tuples(conn: sqlite3.Connection, sql: str, params: Any) -> list[tuple]:
    """Rows as plain tuples: for tens of thousands of rows, sqlite3.Row objects cost more than the query."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def default_signature(seen: str) -> Signature:
    """The facet values of a record nobody has decided, linked or labelled."""
    return ("none", None, None, "unique", "", frozenset()) if seen == "none" else \
        ("none", "open", "screening", "unique", "", frozenset())


def _stage(s1: tuple | None, s2: tuple | None, dup: str) -> str:
    if dup == "duplicate":
        return "duplicate"
    if not s1 or s1[0] != "settled":
        return "screening"
    if s1[1] == "exclude":
        return "excluded_ta"
    if s2 and s2[0] == "settled":
        return "included" if s2[1] == "include" else "excluded_ft"
    return "fulltext"


def _labels(conn: sqlite3.Connection, project_id: int, viewer_id: int,
            seen: str) -> tuple[dict[int, set[str]], dict[str, str]]:
    """record id -> lower-case labels, and each label as first written: the project's labels and the
    decision labels the viewer may see (under blinding only their own, as record_sets does)."""
    own = "" if seen == "all" else " AND c.user_id = ?"
    rows = list(conn.execute("SELECT record_id, label FROM record_labels WHERE project_id = ? ORDER BY added_at",
                             (project_id,)))
    rows += conn.execute(f"""SELECT c.record_id, j.value FROM screening_current c, json_each(c.labels) j
                             WHERE c.project_id = ? AND c.labels <> '[]'{own}""",
                         [project_id] + ([] if seen == "all" else [viewer_id])).fetchall()
    found: dict[int, set[str]] = {}
    names: dict[str, str] = {}
    for record_id, label in rows:
        label = str(label).strip()
        if label:
            found.setdefault(record_id, set()).add(label.lower())
            names.setdefault(label.lower(), label)
    return found, names


POSITION = {"mine": 0, "final": 1, "stage": 2, "dup": 3, "reason": 4}


def _fails(sig: Signature, chosen: dict[str, str]) -> list[str]:
    failed = []
    for key, value in chosen.items():
        if key == "at":
            continue
        if key == "label":
            if value.lower() not in sig[5]:
                failed.append(key)
        elif sig[POSITION[key]] != value:
            failed.append(key)
    return failed


def browse(conn: sqlite3.Connection, project_id: int, viewer_id: int, filters: dict[str, Any]) -> dict[str, Any]:
    """The ids matching every filter and, per facet, each value's count under the other filters."""
    chosen = facet_filters(filters)
    ids, signatures, seen, names = classify(conn, project_id, viewer_id, filters)
    if seen == "none" and any(key in chosen for key in BLINDED):
        raise Forbidden("while screening is blinded, records cannot be filtered by the team's decisions",
                        "error.records.facet_blinded")
    default = default_signature(seen)
    in_list = set(ids)
    kinds = Counter(sig for record_id, sig in signatures.items() if record_id in in_list)
    kinds[default] += len(ids) - sum(kinds.values())
    shown = [f for f in FACETS if not (seen == "none" and f in BLINDED)]
    counts: dict[str, Counter] = {f: Counter() for f in shown}
    passing = set()
    for sig, n in kinds.items():
        failed = _fails(sig, chosen)
        if not failed:
            passing.add(sig)
        if len(failed) > 1:
            continue
        for facet in ([failed[0]] if failed else shown):
            if facet == "label":
                for key in sig[5]:
                    counts[facet][key] += n
            elif sig[POSITION[facet]]:
                counts[facet][sig[POSITION[facet]]] += n
    if default in passing:
        left_out = {record_id for record_id, sig in signatures.items() if sig not in passing}
        matching = [i for i in ids if i not in left_out]
    else:
        matching = sorted(record_id for record_id, sig in signatures.items() if sig in passing and record_id in in_list)
    reasons = dict(conn.execute("SELECT id, label FROM exclusion_reasons WHERE project_id = ?", (project_id,)).fetchall())
    facets = {}
    for facet in shown:
        if facet == "label":
            facets[facet] = [{"value": names[k], "count": n}
                             for k, n in sorted(counts[facet].items(), key=lambda kv: names[kv[0]].lower())]
        elif facet == "reason":
            facets[facet] = [{"value": k, "label": reasons.get(int(k), k), "count": n}
                             for k, n in sorted(counts[facet].items(), key=lambda kv: int(kv[0]))]
        else:
            facets[facet] = [{"value": v, "count": counts[facet].get(v, 0)} for v in VALUES[facet]]
    return {"ids": matching, "facets": facets, "chosen": chosen, "blinded": seen == "none",
            "status": _Status(signatures, default, names)}


class _Status:
    """status[record_id] -> the facet values the list shows beside a record (computed when asked)."""

    def __init__(self, signatures: dict[int, Signature], default: Signature, names: dict[str, str]):
        self.signatures, self.default, self.names = signatures, default, names

    def get(self, record_id: int, fallback: Any = None) -> dict[str, Any]:
        mine, final, stage, dup, reason, labels = self.signatures.get(record_id, self.default)
        return {"mine": mine, "final": final, "stage": stage, "dup": dup, "reason": reason,
                "labels": {k: self.names.get(k, k) for k in sorted(labels)}}


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
