"""Web of Science plain text (ISI tagged: FN/VR header, 2-letter tags, ER/EF) and tab-delimited exports."""
from __future__ import annotations

import csv
import re
from typing import Any

from imports import normalise as norm
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings, outside_records
from imports.wording import Worded, some, worded

TAG = re.compile(r"([A-Z][A-Z0-9])(?: (.*))?$")
LIST_TAGS = {"AU", "AF", "CR", "C1", "BE", "BA", "BF", "CA", "GP", "ED"}
HEADER_TAGS = {"FN", "VR", "EF"}
# Field tags of WoS Core, BIOSIS, Zoological Record and MEDLINE via WoS: in a file that does not indent its
# continuation lines, a line starting with any other two capitals ("OR 1.5 (95% CI ...)") continues the field.
WOS_TAGS = set("""FN VR PT AU AF BA BF CA GP BE TI SO SE BS LA DT CT CY CL SP HO DE ID AB C1 C3 RP EM RI OI FU FP FX
CR NR TC Z9 U1 U2 PU PI PA SN EI BN J9 JI PD PY VL IS PN SU SI MA BP EP AR DI DL D2 EA PG WC WE SC GA PM OA HC HP
DA UT ER EF AN TN ST OR BD SA JC NT A2 ZS ZR ZB Z8 FT EY AW PS MH OT RN GR CN LI IN ZA ZM ZL ZN ZT ZD ZC ZE
ZF ZG ZH ZI ZJ ZK ZO ZP ZQ ZU ZV ZW ZX ZY""".split())


def tokenise(text: str) -> tuple[list[Tagged], list[Worded]]:
    """Split ISI-tagged text into records ending at ER; continuation lines start with spaces."""
    records: list[Tagged] = []
    warnings: list[Worded] = []
    current: Tagged | None = None
    start, last_tag = 0, ""
    lines = text.split("\n")
    indents = any(line[:3] == "   " for line in lines[:2000])
    unindented: list[int] = []
    glued: list[int] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if line[:1] == " " and current is not None:
            _continue(current, last_tag, line.strip())
            continue
        found = TAG.match(line.rstrip())
        if found is None and indents and line[:2] in WOS_TAGS and line[2:3].strip() and current is not None:
            found = TAG.match(f"{line[:2]} {line[2:].rstrip()}")  # "AUGilles, H": a tag that lost its space
            glued.append(number)
        if current is not None and last_tag and (found is None or not indents and found.group(1) not in WOS_TAGS):
            _continue(current, last_tag, line.strip())  # a continuation line that lost its indent
            unindented.append(number)
            continue
        if found is None:
            if line.strip():
                unindented.append(-number)  # outside any record: not read
            continue
        tag, value = found.group(1), (found.group(2) or "").strip()
        if tag == "ER":
            if current is not None:
                current.raw = "\n".join(lines[start:number])
                records.append(current)
                current = None
            continue
        if current is None:
            if tag in HEADER_TAGS:
                continue
            current, start = Tagged(line=number), number - 1
        current.add(tag, value)
        last_tag = tag
    if current is not None:
        current.raw = "\n".join(lines[start:]).strip("\n")
        records.append(current)
        warnings.append(worded("import.warning.wos_last_no_er", f"line {current.line}: the last record had no ER "
                               "line; it was kept", line=current.line))
    joined = [n for n in unindented if n > 0]
    if joined:
        values, shown = some(joined)
        warnings.append(worded("import.warning.wos_unindented", f"{len(joined)} line(s) without a tag or indent were "
                               f"read as continuing the field above them (lines {shown})", n=len(joined),
                               lines=values["shown"], rest=values["rest"]))
    if glued:
        warnings.append(worded("import.warning.wos_glued", f"{len(glued)} line(s) had no space after their tag and "
                               f"were read as that tag (lines {', '.join(str(n) for n in glued[:10])})",
                               n=len(glued), lines=glued[:10]))
    ignored = [-n for n in unindented if n < 0]
    if ignored:
        warnings.append(outside_records(len(ignored), ignored[0], lines[ignored[0] - 1]))
    return records, warnings


def _continue(record: Tagged, tag: str, text: str) -> None:
    values = record.tags[tag]
    if tag in LIST_TAGS:
        values.append(text)
    else:
        values[-1] = f"{values[-1]} {text}".strip()


def read_tagged(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Parse WoS plain text into record dicts and warnings."""
    tagged, warnings = tokenise(text)
    if not tagged:
        raise ImportFailure(file_name, None, "no Web of Science records found; export as 'Plain text file' "
                            "with 'Full record' content",
                            key="error.import.wos_none")
    records = [to_record(item) for item in tagged]
    return records, warnings + missing_title_warnings(records, [t.line for t in tagged])


def read_tabbed(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Parse a WoS tab-delimited export (one header row of tags) into record dicts."""
    rows = list(csv.reader(text.split("\n"), delimiter="\t", quoting=csv.QUOTE_NONE))
    header = [h.strip() for h in rows[0]]
    records, lines = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        item = Tagged(line=number, raw="\t".join(row))
        for tag, value in zip(header, row):
            if tag and value.strip():
                values = value.split("; ") if tag in ("AU", "AF", "CR") else [value]
                for piece in values:
                    item.add(tag, piece.strip())
        records.append(to_record(item))
        lines.append(number)
    if not records:
        raise ImportFailure(file_name, 2, "the tab-delimited file has a header but no records",
                            key="error.import.wos_tab_empty")
    return records, missing_title_warnings(records, lines)


def to_record(item: Tagged) -> dict[str, Any]:
    """Map one WoS record's tags to Sil's fields."""
    r = empty_record()
    r["pub_type"] = item.first("DT", "PT")
    r["title"] = item.first("TI")
    r["abstract"] = item.first("AB")
    full = item.every("AF")
    short = item.every("AU")
    r["authors"] = norm.authors(full or short)
    r["year"] = norm.year(item.first("PY", "PD", "EA", accept=norm.year))
    r["journal"] = item.first("SO")
    r["journal_abbrev"] = item.first("JI", "J9")
    r["volume"] = item.first("VL")
    r["issue"] = item.first("IS")
    start, end = item.first("BP"), item.first("EP")
    if not start:
        start = item.first("PS", "AR")
    r["pages_start"], r["pages_end"] = norm.pages(start, end)
    r["doi"] = norm.doi(item.first("DI", "D2", accept=norm.doi))
    r["pmid"] = norm.pmid(item.first("PM") or (item.first("AN") if item.tags.get("SA") == ["MEDLINE"] else ""))
    r["issn"] = norm.issn(item.first("SN", "EI"))
    r["keywords"] = norm.keywords(item.every("DE", "ID"))
    r["language"] = item.first("LA")
    r["url"] = item.first("UR")
    r["source_id"] = item.first("UT", "AN")
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)
