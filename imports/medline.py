"""PubMed/MEDLINE tagged text (.nbib, 'PubMed format' .txt, ERIC): 4-column tags, blank line between records."""
from __future__ import annotations

import re
from typing import Any

from imports import normalise as norm
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings
from imports.wording import Worded, worded

# "PMID-12345678" and "TI  -Title": some tools drop the space after the dash.
TAG = re.compile(r"([A-Z][A-Z0-9]{1,3}) {0,3}- (.*)$|(PMID)-(\d.*)$|([A-Z][A-Z0-9]{1,3}) {1,3}-(\S.*)$")


def tokenise(text: str, unread: list[int] | None = None) -> list[Tagged]:
    """Split MEDLINE text into records: a blank line or a second PMID starts the next one.

    Lines inside a record that are neither a tag nor indented go to the tag 'unread' (line numbers in unread)."""
    unread = [] if unread is None else unread
    records: list[Tagged] = []
    current: Tagged | None = None
    start, last_tag = 0, ""
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if line == "" or not line.strip() and current is None:
            continue
        found = TAG.match(line) if line[:1] != " " else None
        if found is not None:
            tag, value = next((found.group(i), found.group(i + 1).strip()) for i in (1, 3, 5) if found.group(i))
            if current is None or (tag in ("PMID", "OWN") and tag in current.tags) or _after_blank(lines, number):
                if current is not None:
                    current.raw = _raw(lines, start, number - 1)
                    records.append(current)
                current, start = Tagged(line=number), number - 1
            current.add(tag, value)
            last_tag = tag
        elif current is not None and line.strip() and line[:1] not in (" ", "\t"):
            current.add("unread", line.strip())  # not a tag, not indented: kept apart, never glued to a field
            unread.append(number)
        elif current is not None and line.strip():
            values = current.tags[last_tag]
            values[-1] = f"{values[-1]} {line.strip()}".strip()
    if current is not None:
        current.raw = _raw(lines, start, len(lines))
        records.append(current)
    return records


def _after_blank(lines: list[str], number: int) -> bool:
    """True when the line before this one (1-based number) was empty: MEDLINE's record separator."""
    return number >= 2 and lines[number - 2] == ""


def _raw(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end]).strip("\n")


def read(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Parse MEDLINE text into record dicts and warnings."""
    unread: list[int] = []
    tagged = tokenise(text, unread)
    if not tagged:
        raise ImportFailure(file_name, None, "no MEDLINE records found (no 'PMID- ' line); "
                            "in PubMed choose Send to > Citation manager, or Save > PubMed format",
                            key="error.import.medline_none")
    records = [to_record(item) for item in tagged]
    warnings = [worded("import.warning.medline_unread", f"{len(unread)} line(s) are neither a tag nor a continuation "
                       f"(lines {', '.join(map(str, unread[:10]))}); each was kept apart in the record's other fields",
                       n=len(unread), lines=unread[:10])] if unread else []
    return records, warnings + missing_title_warnings(records, [t.line for t in tagged])


def to_record(item: Tagged) -> dict[str, Any]:
    """Map one MEDLINE record's tags to Sil's fields."""
    r = empty_record()
    r["pmid"] = norm.pmid(item.first("PMID"))
    r["source_id"] = r["pmid"] or item.first("OID", "AN")
    r["title"] = item.first("TI", "BTI", "TT")
    r["abstract"] = item.first("AB")
    full = item.every("FAU")
    short = item.every("AU")
    r["authors"] = norm.authors(full or short)
    r["year"] = norm.year(item.date("DP", "DEP", "EDAT"))
    r["journal"] = item.first("JT", "SO")
    r["journal_abbrev"] = item.first("TA")
    r["volume"] = item.first("VI")
    r["issue"] = item.first("IP")
    r["pages_start"], r["pages_end"] = norm.pages(item.first("PG"))
    r["doi"] = norm.doi(item.first("LID", "AID", accept=lambda v: ("[doi]" in v or "doi.org/" in v) and norm.doi(v)))
    r["issn"] = norm.issn(item.first("IS"))
    r["keywords"] = norm.keywords(item.every("OT", "MH"))
    r["language"] = item.first("LA")
    r["pub_type"] = item.first("PT")
    r["url"] = item.first("AID", accept=lambda v: v.startswith("http")).split(" [")[0]
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)
