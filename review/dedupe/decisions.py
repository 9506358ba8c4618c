"""A person's decisions on duplicates: confirm or reject a pair, undo a group, split a record out."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from itertools import combinations

from review.accounts import record_event
from review.dedupe import store
from review.store import Invalid, transaction


def confirm_pair(conn: sqlite3.Connection, project_id: int, pair_id: int, user_id: int | None) -> int:
    """Mark a possible pair as one publication and group it; return the group id."""
    with transaction(conn):
        pair = store.get_pair(conn, project_id, pair_id)
        store.set_decision(conn, project_id, pair["record_a"], pair["record_b"], "same", user_id)
        group_id = _join(conn, project_id, pair["record_a"], pair["record_b"], user_id)
        record_event(conn, project_id, user_id, "dedupe.confirm", f"pair {pair_id}",
                     {"records": [pair["record_a"], pair["record_b"]], "group": group_id})
    return group_id


def reject_pair(conn: sqlite3.Connection, project_id: int, pair_id: int, user_id: int | None) -> None:
    """Mark a possible pair as two publications; no later run groups them."""
    with transaction(conn):
        pair = store.get_pair(conn, project_id, pair_id)
        if pair["decision"] == "same":
            raise Invalid(f"pair {pair_id} is grouped already; undo its group or split a record out instead",
                          "error.dup.pair_grouped", pair=pair_id)
        store.set_decision(conn, project_id, pair["record_a"], pair["record_b"], "different", user_id)
        record_event(conn, project_id, user_id, "dedupe.reject", f"pair {pair_id}",
                     {"records": [pair["record_a"], pair["record_b"]]})


def bulk_confirm(conn: sqlite3.Connection, project_id: int, pair_ids: Iterable[int], user_id: int | None) -> int:
    """Confirm many pairs at once (all or none); return how many were confirmed."""
    count = 0
    with transaction(conn):
        for pair_id in pair_ids:
            confirm_pair(conn, project_id, int(pair_id), user_id)
            count += 1
    return count


def _join(conn: sqlite3.Connection, project_id: int, a: int, b: int, user_id: int | None) -> int:
    """Put a and b in one group; when both are grouped, the group with the older representative stays."""
    la, lb = store.link_of(conn, a), store.link_of(conn, b)
    if la is None and lb is None:
        group_id = store.create_group(conn, project_id, min(a, b), user_id)
        store.link(conn, group_id, [a, b], "confirmed")
        return group_id
    if la is None or lb is None:
        grouped, loose = (la, b) if la is not None else (lb, a)
        store.link(conn, grouped["group_id"], [loose], "confirmed")
        return grouped["group_id"]
    if la["group_id"] == lb["group_id"]:
        return la["group_id"]
    ga, gb = store.group_of(conn, project_id, la["group_id"]), store.group_of(conn, project_id, lb["group_id"])
    keep, drop = (ga, gb) if ga["representative_id"] < gb["representative_id"] else (gb, ga)
    store.link(conn, keep["id"], [row["record_id"] for row in store.group_links(conn, drop["id"])], "confirmed")
    store.delete_group(conn, drop["id"])
    return keep["id"]


def undo_group(conn: sqlite3.Connection, project_id: int, group_id: int, user_id: int | None) -> list[int]:
    """Dissolve a group: its records are screened on their own again; return the member ids.

    Pairs a person had confirmed go back to the queue; pairs grouped automatically are marked
    'different', so a later run does not group them again."""
    with transaction(conn):
        group = store.group_of(conn, project_id, group_id)
        links = store.group_links(conn, group_id)
        members = [row["record_id"] for row in links]
        known = store.known_pairs(conn, project_id)
        for a, b in combinations(members, 2):
            store.set_decision(conn, project_id, a, b, None if known.get((a, b), "") == "same" else "different",
                               user_id)
        store.delete_group(conn, group_id)
        record_event(conn, project_id, user_id, "dedupe.undo_group", f"group {group_id}",
                     {"representative": group["representative_id"],
                      "links": [{"record": r["record_id"], "status": r["status"]} for r in links]})
    return members


def split_record(conn: sqlite3.Connection, project_id: int, record_id: int, user_id: int | None) -> None:
    """Take one record out of its group: it is screened on its own and never regrouped with them."""
    with transaction(conn):
        store.record_in_project(conn, project_id, record_id)
        link = store.link_of(conn, record_id)
        if link is None:
            raise Invalid(f"record {record_id} is in no duplicate group", "error.dup.not_grouped", record=record_id)
        group = store.group_of(conn, project_id, link["group_id"])
        others = [r["record_id"] for r in store.group_links(conn, group["id"]) if r["record_id"] != record_id]
        for other in others:
            store.set_decision(conn, project_id, record_id, other, "different", user_id)
        store.unlink(conn, record_id)
        if len(others) == 1:
            store.delete_group(conn, group["id"])
        elif group["representative_id"] == record_id:
            store.set_representative(conn, group["id"], min(others))
        record_event(conn, project_id, user_id, "dedupe.split", f"record {record_id}",
                     {"group": group["id"], "status": link["status"]})
