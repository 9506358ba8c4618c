"""Decisions, labels and notes written into RIS records, as the records CSV carries them in columns.

Reference managers keep `N1` (notes) and show them with the record, so each piece is one `N1` line with
a fixed prefix that a person (or a script) can read and filter on, e.g. `N1  - Sil stage 1: decided,
include`. Sil's own reader keeps them in extra on re-import, so they are never taken for the record's own
fields.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

STAGES = ((0, 1, "Sil stage 1 (title/abstract)"), (2, 3, "Sil stage 2 (full text)"))


def decision_lines(values: Sequence[Any]) -> list[tuple[str, str]]:
    """(tag, value) lines for one record's DECISION_COLUMNS values (review.record_sets); none when empty."""
    lines = []
    for state_at, outcome_at, name in STAGES:
        state, outcome = values[state_at], values[outcome_at]
        if state or outcome:
            lines.append(("N1", f"{name}: {', '.join(str(v) for v in (state, outcome) if v)}"))
    reason, labels, notes = values[4], values[5], values[6]
    if reason:
        lines.append(("N1", f"Sil exclusion reason: {reason}"))
    if labels:
        lines.append(("N1", f"Sil labels: {labels}"))
    for note in str(notes).split(" | ") if notes else ():
        lines.append(("N1", f"Sil note: {note}"))
    return lines


def with_decisions(records: Iterable[dict[str, Any]], decisions: dict[int, Sequence[Any]]) -> Iterator[dict[str, Any]]:
    """The records, each with its decision lines under 'ris_lines' (what exports.ris writes before ER)."""
    for record in records:
        values = decisions.get(record["id"])
        yield {**record, "ris_lines": decision_lines(values)} if values else record
