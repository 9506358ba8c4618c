"""Screening: decisions as events per reviewer and stage, the state each record is in, the queue and its
claims, conflicts and their resolution, agreement (kappa), the pilot round, full texts and what
blinding lets each person see.

record_decision, undo_last, my_decisions, claim_next, record_for_screening; list_conflicts,
resolve_conflict; agreement, agreement_table; start_pilot, open_pilot, close_pilot; attach_pdf,
mark_not_retrieved, pdf_for_member; progress, screening_counts, included_records; sees_others;
the record sets and their exports (export_decisions, export_included, export_excluded, ...).
"""
from review.screening import decisions
from review.screening.access import require_lead, require_sees_sets, sees_others
from review.screening.agreement import agreement, agreement_table
from review.screening.blinding import outcomes_table, release_outcomes, released_summary, sees_outcomes
from review.screening.bulk import add_label, move_to_fulltext, remove_label
from review.screening.conflicts import list_conflicts, resolve_conflict
from review.screening.decisions import decisions_for_training, my_count, my_decisions, record_decision, undo_last
from review.screening.events import own_event_number
from review.screening.exports import export_decisions, export_included, export_screening
from review.screening.facets import FACETS, browse, matching_ids, page_of
from review.screening.fulltext import PDF_MAGIC, attach_pdf, mark_not_retrieved, pdf_for_member
from review.screening.pilot import close_pilot, open_pilot, pilot_status, start_pilot
from review.screening.queue import claim_next
from review.screening.record_exports import (
    export_conflicts,
    export_excluded,
    export_labelled,
    export_records_with_decisions,
    stream_conflicts,
    stream_excluded,
    stream_ids,
    stream_labelled,
    stream_records_with_decisions,
)
from review.screening.reports import complete_count, included_records, progress, screening_counts
from review.screening.settings import set_blinding, set_maybe_policy
from review.screening.state import project_settings
from review.screening.view import record_for_screening

__all__ = [
    "FACETS",
    "PDF_MAGIC",
    "add_label",
    "agreement",
    "agreement_table",
    "attach_pdf",
    "browse",
    "claim_next",
    "close_pilot",
    "complete_count",
    "decisions",
    "decisions_for_training",
    "export_conflicts",
    "export_decisions",
    "export_excluded",
    "export_included",
    "export_labelled",
    "export_records_with_decisions",
    "export_screening",
    "included_records",
    "list_conflicts",
    "mark_not_retrieved",
    "matching_ids",
    "move_to_fulltext",
    "my_count",
    "my_decisions",
    "open_pilot",
    "outcomes_table",
    "own_event_number",
    "page_of",
    "pdf_for_member",
    "pilot_status",
    "progress",
    "project_settings",
    "record_decision",
    "record_for_screening",
    "release_outcomes",
    "released_summary",
    "remove_label",
    "require_lead",
    "require_sees_sets",
    "resolve_conflict",
    "screening_counts",
    "sees_others",
    "sees_outcomes",
    "set_blinding",
    "set_maybe_policy",
    "start_pilot",
    "stream_conflicts",
    "stream_excluded",
    "stream_ids",
    "stream_labelled",
    "stream_records_with_decisions",
    "undo_last",
]
