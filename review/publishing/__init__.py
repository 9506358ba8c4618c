"""Publishing: the PRISMA 2020 numbers, plain-language summaries with their versions and states, LIX
readability, GRADE wording, what the portal publishes, and the table of every export Sil offers.

prisma_counts, add_removal; create_summary, save_version, change_state, project_summaries; each writer's
own draft (save_draft, get_draft, newer_work: what others saved since); measure (LIX); wordings_for; published_summaries; export and stream (every export by what and
format), offers_for and export_for (what a member may download).
"""
from review.publishing.accessibility import save_statement, saved_fields, statement
from review.publishing.actions import actions_now
from review.publishing.automation import methods_text
from review.publishing.content import SECTIONS, empty_content, full_text
from review.publishing.drafts import discard_draft, get_draft, newer_work, save_draft, save_version_from_draft
from review.publishing.exports import export, stream
from review.publishing.language_share import published_shares
from review.publishing.offers import export_for, offers_for
from review.publishing.prisma import add_removal, list_removals, prisma_counts, retract_removal
from review.publishing.publications import published_summaries, published_summary
from review.publishing.readability import BAND_LABELS, band_label, long_sentences, marks, measure
from review.publishing.summaries import (
    LANGS,
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
    "BAND_LABELS",
    "CERTAINTIES",
    "DIRECTIONS",
    "LANGS",
    "SECTIONS",
    "WRITERS",
    "actions_now",
    "add_removal",
    "band_label",
    "change_state",
    "create_summary",
    "discard_draft",
    "empty_content",
    "export",
    "export_for",
    "full_text",
    "get_draft",
    "list_history",
    "list_removals",
    "list_versions",
    "long_sentences",
    "marks",
    "measure",
    "methods_text",
    "newer_work",
    "offers_for",
    "prisma_counts",
    "project_summaries",
    "published_shares",
    "published_summaries",
    "published_summary",
    "retract_removal",
    "save_draft",
    "save_statement",
    "save_version",
    "save_version_from_draft",
    "saved_fields",
    "statement",
    "stream",
    "wordings_for",
]
