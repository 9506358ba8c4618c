"""What the project as a whole says about single records' keys: a DOI that many different titles carry is a
journal supplement's (its abstracts share it), and a title found year after year is a recurring item's."""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from review.dedupe.keys import Keys
from review.dedupe.settings import Settings, current

# titles less alike than this under one DOI are different items
SAME_ITEM = 85
# a recurring item's title is short ('Notes from the field'); an article's title recurs in later issues as its
# erratum, comments and replies, which are told apart by their kind, not by their title
RECURRING_WORDS = 6


def mark_project(keys: list[Keys], settings: Settings | None = None) -> None:
    """Blank the DOI of records whose DOI is shared by many different titles, and flag titles that one journal
    prints issue after issue ('Editor's comments', 'Haemolytic uraemic syndrome' in one journal is not)."""
    settings = settings or current()
    by_doi: dict[str, list[Keys]] = defaultdict(list)
    issues: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    for k in keys:
        k.doi = k.doi_given
        k.recurring = False
        if k.doi_given:
            by_doi[k.doi_given].append(k)
        if k.title and k.journal:
            if k.volume and k.issue:
                issues[(k.title, k.journal)].add((k.volume, k.issue))
            if k.year:
                years[(k.title, k.journal)].add(k.year)
    for carriers in by_doi.values():
        if len(carriers) >= settings.shared_doi_titles and \
                distinct_titles(carriers, settings.shared_doi_titles) >= settings.shared_doi_titles:
            for k in carriers:
                k.doi = ""
    if settings.recurring_years:
        for k in keys:
            where = (k.title, k.journal)
            if k.title and len(k.title.split()) <= RECURRING_WORDS and (
                    len(issues.get(where, ())) >= settings.recurring_years
                            or len(years.get(where, ())) >= settings.recurring_years):
                k.recurring = True


def distinct_titles(carriers: list[Keys], enough: int) -> int:
    """How many different titles the records carry (alike titles count once), counting up to enough."""
    seen: list[str] = []
    for k in carriers:
        if k.title and not any(fuzz.ratio(k.title, t) >= SAME_ITEM or k.title == t for t in seen):
            seen.append(k.title)
            if len(seen) >= enough:
                break
    return len(seen)


def shared_dois(keys: list[Keys]) -> set[str]:
    """The DOIs mark_project took to be a supplement's."""
    return {k.doi_given for k in keys if k.doi_given and not k.doi}
