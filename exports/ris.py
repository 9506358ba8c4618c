"""Records written as RIS that Sil's own reader (and EndNote, Zotero, rispy) reads back to the same fields."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from exports import ris_types
from imports.dates import full_date

RIS_TAG = re.compile(r"^[A-Z][A-Z0-9]$")
RIS_RAW = re.compile(r"^[A-Z][A-Z0-9] {1,2}- ?")
# Field -> tag, in the order written. The reader takes the first of its candidates, so these win.
FIELD_TAGS = (("title", "TI"), ("journal", "T2"), ("journal_abbrev", "J2"), ("year", "PY"), ("volume", "VL"),
              ("issue", "IS"), ("pages_start", "SP"), ("pages_end", "EP"), ("doi", "DO"), ("issn", "SN"),
              ("language", "LA"), ("url", "UR"), ("source_id", "AN"), ("pmid", "C2"), ("abstract", "AB"))
WRITTEN = {tag for _, tag in FIELD_TAGS} | {"TY", "AU", "KW", "ER", "DA"}
DATE_TAGS = ("PY", "Y1", "DA")  # written once, from the year and the full date, not again from extra


def type_code(record: dict[str, Any] | str) -> str:
    """A RIS type code for a record or a publication type ('Journal Article' -> JOUR); GEN when unknown."""
    return ris_types.type_code(record)


def write_ris(records: Iterable[dict[str, Any]]) -> str:
    """RIS text (LF line ends) for records with Sil's fields; extra RIS tags are written back too."""
    return "".join(record_lines(record) for record in records)


def record_lines(record: dict[str, Any]) -> str:
    """One record: TY first, then the fields, every author and keyword, leftover RIS tags, ER."""
    lines = [_line("TY", type_code(record))]
    for author in record.get("authors") or []:
        lines.append(_line("AU", author))
    for field, tag in FIELD_TAGS:
        value = record.get(field)
        if value not in (None, ""):
            lines.append(_line(tag, str(value)))
    date = full_date(record)
    if date:
        lines.append(_line("DA", date))
    for keyword in record.get("keywords") or []:
        lines.append(_line("KW", keyword))
    # Leftover tags mean the same thing only when the record came from RIS (MEDLINE's IS is an ISSN).
    extra = (record.get("extra") or {}) if RIS_RAW.match(record.get("raw") or "") else {}
    for tag, values in extra.items():
        if RIS_TAG.match(tag) and tag not in ("TY", "ER") and not (date and tag in DATE_TAGS):
            lines.extend(_line(tag, value) for value in values)
    for tag, value in record.get("ris_lines") or ():  # what Sil adds (decisions, labels, notes)
        lines.append(_line(tag, value))
    lines.append("ER  - \n")
    return "\n".join(lines) + "\n"


def _line(tag: str, value: str) -> str:
    # Continuation lines are indented so that no line of a value can pass for a tag (or an ER).
    first, *rest = str(value).split("\n")
    return "\n".join([f"{tag}  - {first}", *(f"  {line}" for line in rest if line.strip())])
