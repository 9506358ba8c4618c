"""The reasons the pair rules give, as catalogue keys and values, so a person reads them in their own language.

Reasons are stored in English with each possible pair (duplicate_pairs.reason); a screen turns them into a
message key with `reason_message` and translates it (screens/i18n/duplicates.py holds the texts)."""
from __future__ import annotations

from typing import Union

Message = tuple[str, dict[str, Union[str, "Message"]]]

REASONS = {
    "different DOIs": "dup.why.different_dois",
    "different PMIDs": "dup.why.different_pmids",
    "years more than one apart": "dup.why.years_apart",
    "different volumes": "dup.why.different_volumes",
    "different pages": "dup.why.different_pages",
    "conference abstract versus full paper": "dup.why.abstract_vs_paper",
    "titles alike, authors differ": "dup.why.authors_differ_titles_alike",
    "authors differ": "dup.why.authors_differ",
    "numbers in the titles differ": "dup.why.numbers_differ",
    "titles differ": "dup.why.titles_differ",
    "generic titles differ": "dup.why.generic_titles_differ",
    "same identifier (generic title)": "dup.why.same_id_generic",
    "generic title, different issues": "dup.why.generic_other_issue",
    "generic title without pages or DOI": "dup.why.generic_no_pages",
    "generic title, every detail the same": "dup.why.generic_every_detail",
    "generic title": "dup.why.generic",
    "generic title only": "dup.why.generic_only",
    "same journal, volume, page and year, alike titles": "dup.why.same_details",
    "same journal, volume, pages, year and authors (a translated title)": "dup.why.translated_bracketed",
    "same journal, volume, issue, first page and first author (a translated title)": "dup.why.translated",
    "the same title without its subtitle, same journal and pages": "dup.why.subtitle",
    "same identifier": "dup.why.same_id",
    "same identifier, authors, year and page (a translated title)": "dup.why.same_id_translated",
    "same identifier, titles differ": "dup.why.same_id_titles_differ",
    "same authors, year, journal, volume and page": "dup.why.no_title_same_details",
    "a title is missing": "dup.why.title_missing",
    "same title, authors and details": "dup.why.same_title_authors_details",
    "same title, authors and abstract": "dup.why.same_abstract",
    "near-same title, same authors, journal and pages": "dup.why.near_title",
    "same title and details, authors missing": "dup.why.authors_missing",
    "same long title and year, nothing else recorded": "dup.why.bare_twins",
    "same title and authors at one conference": "dup.why.one_conference",
    "similar title": "dup.why.similar_title",
    "groups would clash": "dup.why.groups_clash",
}
KINDS = ("article", "erratum", "retraction", "reply", "comment")
BUT_SAME = ", but the same title and authors"


def reason_message(reason: str) -> Message:
    """(catalogue key, values) for a reason; values that are messages themselves are translated first.
    A reason this version does not know (stored by an older one) is shown as it was written."""
    if reason in REASONS:
        return REASONS[reason], {}
    if reason.endswith(BUT_SAME):
        return "dup.why.but_same", {"why": reason_message(reason[:-len(BUT_SAME)])}
    first, sep, second = reason.partition(" versus ")
    if sep and first in KINDS and second in KINDS:
        return "dup.why.kinds", {"a": (f"dup.kind.{first}", {}), "b": (f"dup.kind.{second}", {})}
    return "dup.why.other", {"text": reason}
