"""Duplicates: keys and rules that compare records, blocking, grouping into duplicate groups, the lead's
decisions on possible pairs, and runs in the background.

find_duplicates (one run over a project), duplicates_removed, export_duplicates; list_groups,
list_pairs, count_pairs; confirm_pair, reject_pair, bulk_confirm, split_record, undo_group;
DedupeJobs runs find_duplicates off the request thread.
"""
from review.dedupe.decisions import bulk_confirm, confirm_pair, reject_pair, split_record, undo_group
from review.dedupe.finding import duplicates_removed, export_duplicates, find_duplicates
from review.dedupe.jobs import DedupeJobs, Job
from review.dedupe.keys import clear_caches
from review.dedupe.reasons import Message, reason_message
from review.dedupe.text import fold
from review.dedupe.views import SHOWN_FIELDS, count_groups, count_pairs, list_groups, list_pairs

__all__ = [
    "DedupeJobs",
    "Job",
    "Message",
    "SHOWN_FIELDS",
    "bulk_confirm",
    "clear_caches",
    "confirm_pair",
    "count_groups",
    "count_pairs",
    "duplicates_removed",
    "export_duplicates",
    "find_duplicates",
    "fold",
    "list_groups",
    "list_pairs",
    "reason_message",
    "reject_pair",
    "split_record",
    "undo_group",
]
