"""Publishing: the PRISMA 2020 numbers, plain-language summaries with their versions and states, LIX
readability, GRADE wording, what the portal publishes, and the table of every export Sil offers.

prisma_counts, add_removal; create_summary, save_version, change_state, project_summaries;
measure (LIX); wordings_for; published_summaries; export and stream (every export by what and
format), offers_for and export_for (what a member may download).
"""
from review.publishing.accessibility import save_statement, saved_fields, statement
from review.publishing.automation import methods_text
from review.publishing.content import SECTIONS, empty_content, full_text
from review.publishing.exports import export, stream
from review.publishing.language_share import published_shares
from review.publishing.offers import export_for, offers_for
from review.publishing.prisma import add_removal, list_removals, prisma_counts, retract_removal
from review.publishing.publications import published_summaries, published_summary
from review.publishing.readability import band_label, measure, segments
from review.publishing.summaries import (
    LANGS,
    TRANSITIONS,
    WRITERS,
    change_state,
    create_summary,
    list_history,
    list_versions,
    project_summaries,
    save_version,
)
from review.publishing.wording import CERTAINTIES, DIRECTIONS, wordings_for

__all__ = [
    "CERTAINTIES",
    "DIRECTIONS",
    "LANGS",
    "SECTIONS",
    "TRANSITIONS",
    "WRITERS",
    "add_removal",
    "band_label",
    "change_state",
    "create_summary",
    "empty_content",
    "export",
    "export_for",
    "full_text",
    "list_history",
    "list_removals",
    "list_versions",
    "measure",
    "methods_text",
    "offers_for",
    "prisma_counts",
    "project_summaries",
    "published_shares",
    "published_summaries",
    "published_summary",
    "retract_removal",
    "save_statement",
    "save_version",
    "saved_fields",
    "segments",
    "statement",
    "stream",
    "wordings_for",
]
