"""The thresholds and optional rules of duplicate detection, in one place so the benchmark can choose them
by leave-one-set-out (bench/dedupe_loso.py) and the run uses what was chosen."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Settings:
    """Title similarities are 0-100 (rapidfuzz); counts are numbers of records or titles."""

    same_title: float = 95  # titles this alike with agreeing authors and two details: certain
    near_title: float = 90  # with three details including the first page
    full_title: float = 97  # journal, volume, page and year all the same, authors unknown
    possible_title: float = 85  # below this, a pair is not worth a person's time
    shared_doi_titles: int = 3  # a DOI carried by this many different titles is a supplement's, not an article's
    recurring_years: int = 3  # a title one journal has in this many issues or years is a recurring item's (0: off)
    translated: bool = True  # same journal, volume, issue, first page and first author; titles in two languages
    subtitle: bool = True  # one title is the other without its subtitle, same journal and pages
    venues: bool = True  # a conference named by its acronym; conference papers indexed a year apart


DEFAULT = Settings()
_current = [DEFAULT]


def current() -> Settings:
    """The settings the rules use now."""
    return _current[-1]


@contextmanager
def using(settings: Settings) -> Iterator[Settings]:
    """Run the rules with other settings inside the block (the benchmark's search; not thread-safe)."""
    _current.append(settings)
    try:
        yield settings
    finally:
        _current.pop()


def with_changes(**changes: object) -> Settings:
    """The default settings with some values changed."""
    return replace(DEFAULT, **changes)
