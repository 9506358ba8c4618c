"""Match keys for duplicate detection: each record reduced to comparable, normalised values."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from review.dedupe.items import (
    WOS_CORRECTION,
    is_generic,
    notice_kind,
    title_language,
)
from review.dedupe.text import fold, strip_annotations

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
JOURNAL_STOP = {"the", "of", "and", "in", "for", "on", "de", "la", "der", "und", "journal", "j"}
# MEDLINE wraps a title translated into English in brackets; the other databases give the original
TRANSLATED = re.compile(r"^\s*\[[^\]]{20,}\]")
# 'type II' and 'type 2' are one title; lone 'i' is left alone (a word in many languages)
ROMAN = {"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}
NON_DIGIT = re.compile(r"\D")
DIGITS = re.compile(r"\d+")
PARENTHESES = re.compile(r"\(.*?\)")
MEETING_PART = re.compile(r"[.:;]\s*(?:conference|meeting|congress)\b")
VOLUME = re.compile(r"\s*(\d+)\s*(\(.*\)|[a-z .-]*\d*)?\s*$")
MEETING_TYPE = re.compile(r"conference|congress|meeting|abstract")
# abbreviated too, as journal abbreviations write them ('Circ Conf Amer Heart Assoc')
MEETING_VENUE = re.compile(r"conference|congress|meeting|sessions|symposium|abstracts|\b(conf|congr|mtg|symp|abstr)\b")
ABSTRACT_PAGE = re.compile(r"\s*a\d")  # abstract books number their pages A1, A2, ...
SUPPLEMENT = re.compile(r"suppl|(?:^|\s)s\d")
ELOCATOR = re.compile(r"\s*[a-rt-z]\d")
# 'O-0314 Planned naps ...': the number a meeting gave an abstract
ABSTRACT_CODE = re.compile(r"^[a-z]{1,3}-\d{1,5}\s+")
NON_ALNUM = re.compile(r"[^0-9a-z]+")
DOI_FIND = re.compile(r"10\.\d{4,9}/\S+")
# Translated titles: MEDLINE wraps them in brackets; other databases do not.
# "RETRACTED:" marks the retracted article itself, which is the same work as its unmarked record.
RETRACTED_PREFIX = re.compile(r"^(retracted( article)?|withdrawn)\s*[:.-]\s*", re.I)



MAX_AUTHORS = 8
ABSTRACT_CHARS = 300


@dataclass(slots=True)
class Keys:
    """The normalised values of one record that matching compares."""

    id: int
    title: str
    doi: str
    pmid: str
    year: int | None
    families: tuple[str, ...]
    journal: str
    journal_abbrev: str
    volume: str
    issue: str
    page: str
    numbers: frozenset[str]
    kind: str
    conference: bool
    supplement: bool
    eloc: bool
    page_end: str
    one_page: bool
    generic: bool
    abstract: str = ""
    translated: bool = False
    main_title: str = ""  # the title before its subtitle ('working alone' of 'Working alone: what ...'), or ''
    language: str = ""  # 'en', 'other' or '' (unknown): from the record's language, else the title's small words
    doi_given: str = ""  # the DOI as exported; doi is '' when the project shows it to be a supplement's
    recurring: bool = False  # the title recurs in the project year after year: a recurring item's






def norm_title(title: str) -> str:
    """A title as words of letters and digits, markup, notes and a 'RETRACTED:' mark removed."""
    return _title_words(strip_annotations(title))


def _title_words(stripped: str) -> str:
    title = RETRACTED_PREFIX.sub("", stripped)
    # a correction notice cites the corrected article after its title: the citation is not the title
    title = ABSTRACT_CODE.sub("", title)
    cited = WOS_CORRECTION.search(title)
    title = title[:cited.start()] if cited and cited.start() > 20 else title
    words = NON_ALNUM.sub(" ", title).split()
    return " ".join(ROMAN.get(w, w) for w in words)


def norm_doi(doi: str) -> str:
    """The bare lower-case DOI (no resolver URL, 'doi:' prefix or trailing punctuation)."""
    found = DOI_FIND.search(fold(doi).replace(" ", ""))
    if not found:
        return ""
    return found.group(0).rstrip(".,;)]").split("[")[0]


def norm_pmid(pmid: str) -> str:
    """PubMed ids as bare digits."""
    digits = NON_DIGIT.sub("", pmid or "")
    return digits.lstrip("0")


@functools.lru_cache(maxsize=1 << 16)
def family_name(author: str) -> str:
    """The family name of an author written 'Family, Given', 'Family GA' or 'Given Family'."""
    if "," in author:
        return NON_ALNUM.sub("", fold(author[:author.index(",")]))
    words = author.split()
    if not words:
        return ""
    initial = [len(w.replace(".", "").replace("-", "")) <= 2 or (w.isupper() and len(w) <= 3) for w in words]
    names = [w for w, i in zip(words, initial) if not i]
    if not names:
        return NON_ALNUM.sub("", fold(words[0]))
    trailing = initial[-1] and not initial[0]
    return NON_ALNUM.sub("", fold(" ".join(names) if trailing else names[-1]))


@functools.lru_cache(maxsize=1 << 16)
def norm_journal(journal: str) -> str:
    """A journal name as significant words (no stop words, no parenthesised place or year)."""
    # 'Circulation. Conference: 66th Annual Meeting ...' is published in 'Circulation'
    journal = MEETING_PART.split(fold(journal))[0]
    words = NON_ALNUM.sub(" ", PARENTHESES.sub(" ", journal)).split()
    return " ".join(w for w in words if w not in JOURNAL_STOP)


@functools.lru_cache(maxsize=1 << 16)
def norm_volume(volume: str) -> str:
    """The leading number of a volume ('60 (1 Supplement 1)' -> '60')."""
    # a fragment such as '1)' is what is left of '5 (Suppl 1)' after a bad export: no volume at all
    found = VOLUME.match(fold(volume or ""))
    return found.group(1).lstrip("0") if found else ""


@functools.lru_cache(maxsize=1 << 16)
def norm_page(pages_start: str) -> str:
    """The first page as digits ('S299' -> '299', 'e1234' -> '1234', 'Jan-13' -> '1')."""
    text = fold(pages_start).strip()
    month = MONTHS.get(text[:3]) if text[:3].isalpha() and not text[3:4].isalpha() else None
    if month:
        return str(month)
    found = DIGITS.search(text)
    return found.group(0).lstrip("0") if found else ""


def full_end_page(start: str, end: str) -> str:
    """'221-8' ends on page 228: the end page written out."""
    if start and end and len(end) < len(start):
        return start[:len(start) - len(end)] + end
    return end


def title_numbers(title: str) -> frozenset[str]:
    """Numbers in a title: part 1 and part 2, or two trial phases, are different works."""
    return frozenset(n.lstrip("0") or "0" for n in DIGITS.findall(title))






@functools.lru_cache(maxsize=1 << 16)
def is_conference(journal: str, pub_type: str) -> bool:
    """Whether a record is a conference abstract (a meeting supplement), not a full paper."""
    if MEETING_TYPE.search(fold(pub_type)):
        return True
    venue = fold(journal)
    return bool(MEETING_VENUE.search(venue))


def in_abstract_book(pages_start: str, issue: str, volume: str) -> bool:
    """Page 'A112' of a supplement: a meeting's abstract book."""
    if (pages_start or "").lstrip()[:1] not in ("a", "A"):
        return False
    return bool(ABSTRACT_PAGE.match(fold(pages_start)) and SUPPLEMENT.search(fold(issue or volume)))


def make_keys(row: dict[str, Any]) -> Keys:
    """The match keys of one stored record (a row of the records table)."""
    authors = row["authors"]
    if isinstance(authors, str):
        authors = json.loads(authors or "[]")
    stripped = strip_annotations(row["title"])  # once: the title and the kind of record both start from it
    title = _title_words(stripped)
    # the first authors are enough to tell papers apart, and keep long consortium lists cheap
    families = tuple(f for f in (family_name(a) for a in authors[:MAX_AUTHORS]) if f)
    journal = row["journal"] or row["journal_abbrev"] or ""
    start, end = norm_page(row["pages_start"]), norm_page(row["pages_end"])
    doi = norm_doi(row["doi"]) if row["doi"] else ""
    return Keys(
        id=row["id"], title=title, doi=doi,
        pmid=norm_pmid(row["pmid"]) if row["pmid"] else "",
        year=row["year"], families=families, journal=norm_journal(journal),
        journal_abbrev=norm_journal(row["journal_abbrev"] or ""),
        volume=norm_volume(row["volume"]), issue=norm_volume(row["issue"] or ""), page=start,
        numbers=title_numbers(title), kind=notice_kind(stripped, row["pub_type"]),
        conference=is_conference(journal, row["pub_type"]) or in_abstract_book(row["pages_start"], row["issue"],
                                                                              row["volume"]),
        supplement=bool(SUPPLEMENT.search(fold(f"{row['volume']} {row['issue']} {row['pages_start']}"))),
        eloc=bool(ELOCATOR.match(fold(row["pages_start"]))),
        page_end=full_end_page(start, end), one_page=bool(end) and end == start,
        generic=is_generic(title),
        abstract=norm_abstract(_abstract(row)),
        translated=bool(TRANSLATED.match(row["title"] or "")),
        main_title=main_title(stripped, title),
        language=title_language(title, _field(row, "language"), row["title"] or ""),
        doi_given=doi,
    )






SUBTITLE = re.compile(r"\s*(?::|\s[-\u2013\u2014]\s|\?|\.\s)\s*")


def main_title(stripped: str, title: str) -> str:
    """The normalised title before its subtitle, or '' when the title has none (or too short a main part)."""
    parts = SUBTITLE.split(stripped, maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        return ""
    main = " ".join(ROMAN.get(w, w) for w in NON_ALNUM.sub(" ", RETRACTED_PREFIX.sub("", parts[0])).split())
    return main if len(main) >= 8 and main != title else ""






def _field(row: Any, name: str) -> str:
    try:
        return row[name] or ""
    except (KeyError, IndexError):
        return ""


def _abstract(row: Any) -> str:
    try:
        return row["abstract"] or ""
    except (KeyError, IndexError):  # a row without the column
        return ""


def norm_abstract(abstract: str) -> str:
    """The opening of an abstract as plain words: enough to tell two abstracts apart, cheap to keep."""
    if len(abstract) < 200:
        return ""
    return NON_ALNUM.sub(" ", fold(abstract[:ABSTRACT_CHARS])).strip()


@functools.lru_cache(maxsize=1 << 16)
def journals_compatible(a: str, b: str) -> bool | None:
    """Whether two normalised journal names can be one journal, full or abbreviated; None if unknown."""
    if not a or not b:
        return None
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return _abbreviates(short, long) or _abbreviates(a.split(), b.split()) or _abbreviates(b.split(), a.split())


VENUE_NOISE = frozenset("proceedings proc annual international intl conference conf".split())


@functools.lru_cache(maxsize=1 << 16)
def venue_acronym(a: str, b: str) -> bool:
    """One normalised venue is the other's acronym ('icis' and 'international conference information systems',
    'amcis 2017 proceedings' and 'americas conference information systems'): one conference."""
    for short, long in ((a, b), (b, a)):
        core = [w for w in short.split() if not w[:1].isdigit() and w not in ("proceedings", "proc")]
        words = [w for w in long.split() if not w[:1].isdigit() and w not in ("proceedings", "proc")]
        if len(core) == 1 and 3 <= len(core[0]) <= 8 and core[0].isalpha() and 2 <= len(words) <= 10 \
                and not set(words) <= VENUE_NOISE and _spells(core[0], words, skips=1):
            return True
    return False


def _spells(acronym: str, words: list[str], skips: int) -> bool:
    """The acronym is made of a leading part of each word in turn (one word may be left out)."""
    if not words:
        return not acronym
    if not acronym:
        return False
    first, rest = words[0], words[1:]
    for n in range(1, min(len(first), len(acronym)) + 1):
        if first[:n] != acronym[:n]:
            break
        if _spells(acronym[n:], rest, skips):
            return True
    return skips > 0 and _spells(acronym, rest, skips - 1)


def _abbreviates(short: list[str], long: list[str]) -> bool:
    """Each word of short is a prefix of a word of long, in order ('curr opin lipidol')."""
    i = 0
    for word in short:
        while i < len(long) and not long[i].startswith(word):
            i += 1
        if i == len(long):
            return False
        i += 1
    return True


def clear_caches() -> None:
    """Forget memoised names and journals (benchmarks time a cold start)."""
    for function in (family_name, norm_journal, norm_volume, norm_page, is_conference, journals_compatible,
                     venue_acronym):
        function.cache_clear()
