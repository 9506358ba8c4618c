"""Sil's convention for notices (docs/dedupe.md, "Errata, retractions, comments and replies"): an erratum, a
retraction notice, a comment or a reply is a record of its own, never the article it is about, and a letter is
not its reply. Some labelled sets group them with the article; this counts those label pairs and gives the
labels as the convention reads them (each true group split by kind of record)."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from review.dedupe.items import record_kind


def kinds_of(records: list[dict]) -> dict[str, str]:
    """Label id -> the kind Sil gives the record (article, erratum, retraction, reply, comment)."""
    return {r["source_id"]: record_kind(r["title"] or "", r.get("pub_type") or "") for r in records}


def against_convention(groups: list[set[str]], kinds: dict[str, str]) -> tuple[int, int]:
    """(pairs of records the labels group although their kinds differ, groups holding such pairs)."""
    pairs = touched = 0
    for g in groups:
        mixed = sum(1 for a, b in combinations(sorted(g), 2) if kinds.get(a) != kinds.get(b))
        pairs += mixed
        touched += bool(mixed)
    return pairs, touched


def by_convention(groups: list[set[str]], kinds: dict[str, str]) -> list[set[str]]:
    """The true groups split by kind of record: what Sil's convention calls one work."""
    split = []
    for g in groups:
        parts: dict[str, set[str]] = defaultdict(set)
        for i in g:
            parts[kinds.get(i, "article")].add(i)
        split += [p for p in parts.values() if len(p) > 1]
    return split
