"""Full publication dates: what a reader keeps beyond the year, and the RIS form an export writes.

A record's `year` is the year; the date text it came from stays in `extra` under its own tag when it
says more (a month, a day), so that an export can write it back (`DA  - 1948/07//`) and nothing is lost.
"""
from __future__ import annotations

import re
from typing import Any

MONTHS = {name: number for number, names in enumerate(
    (("jan", "januar", "january"), ("feb", "februar", "february"), ("mar", "mars", "march"), ("apr", "april"),
     ("may", "mai"), ("jun", "juni", "june"), ("jul", "juli", "july"), ("aug", "august"),
     ("sep", "sept", "september"), ("oct", "okt", "oktober", "october"), ("nov", "november"),
     ("dec", "des", "desember", "december")), start=1) for name in names}
RIS_FORM = re.compile(r"^\s*(\d{4})/(\d{0,2})/(\d{0,2})/?([^/]*)$")
ISO = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)-?(0[1-9]|1[0-2])-?([0-3]\d)?(?!\d)")
MONTH_YEAR = re.compile(r"^\s*(0?[1-9]|1[0-2])[ /.-]((?:1[5-9]|20)\d\d)\s*$")  # WoS/Inspec PD "07 2006"
MEDLINE_RAW = re.compile(r"\s*(?:PMID|OWN )-")
MEDLINE_DATE_TAGS = ("DP", "DEP")
WORDS = re.compile(r"[A-Za-z]+|\d+")
# Tags (or columns) that hold a date, per reader, most precise first: full_date looks in extra for these.
DATE_TAGS = ("DA", "PY", "Y1", "DP", "DEP", "PD", "month", "dates/pub-dates/date", "date of publication",
             "date", "D", "8")


def says_more(text: str) -> bool:
    """Whether a date text holds more than a bare year ('2016///' does not; '1948/07//' does)."""
    return bool(ris_date(text)) and not re.fullmatch(r"\s*\d{4}[/\s]*", text)


def ris_date(text: str | None) -> str:
    """A date text as RIS writes it, 'YYYY/MM/DD/' ('' when it holds no year and month)."""
    if not text:
        return ""
    found = RIS_FORM.match(text)
    if found:
        year, month, day, _ = found.groups()
        return _form(year, month, day) if month else ""
    found = ISO.search(text)
    if found and found.group(2):
        return _form(*found.groups())
    found = MONTH_YEAR.match(text)
    if found:
        return _form(found.group(2), found.group(1), None)
    year = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text)
    month = next((MONTHS[w.lower()] for w in WORDS.findall(text) if w.lower() in MONTHS), None)
    if not year or month is None:
        return ""
    day = next((w for w in WORDS.findall(text) if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31), "")
    return _form(year.group(1), str(month), day)


def _form(year: str, month: str | None, day: str | None) -> str:
    return f"{year}/{int(month):02d}/{f'{int(day):02d}' if day else ''}/"


def full_date(record: dict[str, Any]) -> str:
    """The most precise date of a record's year it holds, in RIS form ('' when only its year is known).

    Web of Science splits it in two (PD 'NOV 3', PY '2020'): the year is taken from the record."""
    year = record.get("year")
    if not year:
        return ""  # a date refines the year the record has; it never gives one the reader did not read
    extra = record.get("extra") or {}
    lowered = {key.lower(): values for key, values in extra.items()}
    medline = MEDLINE_RAW.match(record.get("raw") or "")  # MEDLINE's DA is the date the record was made
    for tag in MEDLINE_DATE_TAGS if medline else DATE_TAGS:
        for value in extra.get(tag) or lowered.get(tag.lower()) or ():
            date = ris_date(value) or ris_date(f"{year} {value}")
            if date.startswith(str(year)):
                return date
    return ""
