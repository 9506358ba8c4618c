"""RIS in every dialect of the corpus: one tolerant tokeniser, then a field mapping.

rispy is not used for reading: it loses the first record after a BOM, the last record without ER,
every record of one-space files (`TY - JOUR`) and the second value of repeated tags. A tolerant
line tokeniser that keeps every value costs no more than rispy's own loop.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from imports import normalise as norm
from imports.errors import ImportFailure
from imports.ris_notes import RisNotes
from imports.tagged import Tagged, finish
from imports.wording import Worded

# Spec: "TY  - JOUR". Cochrane adds a space after the dash, CNKI drops one before it.
STRICT_TAG = re.compile(r"([A-Z][A-Z0-9]|PMID) {2}-(?: +(.*))?$")
LOOSE_TAG = re.compile(r"([A-Z][A-Z0-9]|PMID) {1,2}-(?: +(.*))?$")
ONE_SPACE_TY = re.compile(r"^TY - ", re.M)
LIST_TAGS = {"AU", "A1", "A2", "A3", "A4", "KW", "UR", "L1", "L2", "L4", "AD", "ED"}
URLISH = re.compile(r"^\s*(?:https?://|www\.)", re.I)
# Two-character tags the fast path accepts: an ASCII letter, then anything ASCII that keeps it upper case.
_FAST_TAGS = [a + b for a in map(chr, range(128)) for b in map(chr, range(128))
              if (a + b).isupper() and a.isalpha()]
SPEC_HEADS = frozenset(f"{tag}  - " for tag in _FAST_TAGS)
SPEC_BARE = frozenset(f"{tag}  -" for tag in _FAST_TAGS)


def tokenise(text: str, file_name: str) -> tuple[list[Tagged], list[Worded]]:
    """Split RIS text into records; lines outside TY..ER are counted and reported, not lost silently."""
    notes = RisNotes()
    return list(iter_tagged(text, notes)), notes.warnings()


def iter_lines(text: str, chunk: int = 1 << 20) -> Iterator[str]:
    """The lines of text (split on LF only), a chunk at a time so a large file is never listed whole."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + chunk)
        if end == -1:
            end = size
        yield from text[start:end].split("\n")
        start = end + 1


def iter_tagged(text: str, notes: RisNotes) -> Iterator[Tagged]:
    """Records one by one, as the text is read; what deserves a warning is noted as it is found."""
    pattern = STRICT_TAG if "  -" in text[:20000] or not ONE_SPACE_TY.search(text) else LOOSE_TAG
    match = pattern.match
    count, ignored, first_ignored = 0, 0, None
    current: Tagged | None = None
    buf: list[str] = []
    last_tag = ""
    pending: list[tuple[int, str, str]] = []
    pending_lines: list[str] = []
    for number, line in enumerate(iter_lines(text), start=1):
        # The common case, "XY  - value" as the spec writes it, is one set lookup instead of a regex.
        if line[:6] in SPEC_HEADS or (len(line) == 5 and line in SPEC_BARE):
            tag, value = line[:2], line[5:].strip()
        else:
            tag = None
            found = match(line) if len(line) >= 5 else None
            if found is None and line[:2] in ("TY", "ER"):
                found = LOOSE_TAG.match(line.rstrip() + " ")  # "TY - JOUR" or a bare "ER -" in a two-space file
                if found is None and line.strip() in ("TY", "ER"):
                    tag, value = line.strip(), ""  # "TY" or "ER" alone on its line, without the dash
            if found is not None:
                tag, value = found.group(1), (found.group(2) or "").strip()
        if tag is not None:
            if tag == "ER":
                if current is None and pending:  # a record whose TY line is missing or misspelt: kept, noted
                    current = Tagged(line=pending[0][0])
                    for _, early_tag, early_value in pending:
                        current.add(early_tag, early_value)
                    buf, pending, pending_lines = pending_lines, [], []
                    notes.no_ty.append((current.line, count + 1))
                if current is not None:
                    buf.append(line)
                    current.raw = "\n".join(buf)
                    count += 1
                    yield current
                    current = None
                continue
            if current is None and tag != "TY":
                pending.append((number, tag, value))  # Ovid's NL after ER, or tags an R tool put before TY
                pending_lines.append(line)
                continue
            # A TY after a record of nothing but TY lines (a bare "TY  -" first) belongs to that record.
            if current is None or (tag == "TY" and "TY" in current.tags and len(current.tags) > 1):
                if current is not None:
                    current.raw = "\n".join(buf).rstrip("\n")
                    count += 1
                    notes.no_er.append((current.line, count))
                    yield current
                current = Tagged(line=pending[0][0] if pending else number)
                buf = pending_lines
                for _, early_tag, early_value in pending:
                    current.add(early_tag, early_value)
                pending, pending_lines = [], []
            buf.append(line)
            values = current.tags.get(tag)  # Tagged.add, inlined: this runs for every line of the file
            if values is None:
                current.tags[tag] = [value]
            else:
                values.append(value)
            last_tag = tag
        elif current is not None:
            buf.append(line)
            _continue(current, last_tag, line)
        elif pending and not line.strip():
            pending_lines.append(line)
        elif line.strip():
            ignored += len(pending) + 1
            candidates = [n for n, _, _ in pending[:1]] + [number]
            first_ignored = first_ignored or (candidates[0], pending[0][1] + "  - ..." if pending else line)
            pending, pending_lines = [], []
    notes.clean_end = current is None and not pending
    if current is not None:
        current.raw = "\n".join(buf).rstrip("\n")
        count += 1
        notes.last_no_er = (current.line, count)
        yield current
    if pending:
        ignored += len(pending)
        first_ignored = first_ignored or (pending[0][0], pending[0][1] + "  - ...")
    notes.ignored, notes.first_ignored = ignored, first_ignored


def _continue(record: Tagged, tag: str, line: str) -> None:
    """An untagged line inside a record continues the last tag: a new item of a list tag, more text otherwise."""
    text = line.strip()
    if not text:
        return
    values = record.tags[tag]
    if tag in LIST_TAGS:
        values.append(text)
    else:
        values[-1] = f"{values[-1]}\n{text}" if values[-1] else text


def read(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Parse RIS text into record dicts and warnings."""
    warnings: list[Worded] = []
    records = list(iter_records(text, file_name, warnings))
    return records, warnings


def iter_records(text: str, file_name: str, warnings: list[Worded]) -> Iterator[dict[str, Any]]:
    """Record dicts one at a time (what a large import streams into the database); warnings appended."""
    notes = RisNotes()
    yield from iter_noted(text, notes)
    if not notes.records:
        raise ImportFailure(file_name, None, "no RIS records found (no line starts with 'TY  - '); "
                            "export the search again as RIS",
                            key="error.import.ris_none")
    warnings.extend(notes.warnings())


def iter_noted(text: str, notes: RisNotes) -> Iterator[dict[str, Any]]:
    """Record dicts one at a time, with what deserves a warning kept in notes (not yet worded)."""
    untitled = notes.untitled
    for item in iter_tagged(text, notes):
        record = to_record(item)
        notes.records += 1
        if not record["title"]:
            untitled.append((notes.records, item.line))
        yield record


def to_record(item: Tagged) -> dict[str, Any]:
    """Map one RIS record's tags to Sil's fields; what no field takes goes to extra."""
    first = item.first  # one dict built at once (in FIELDS order): this runs for every record of the file
    title, abstract = first("TI", "T1", "CT", "BT"), first("AB", "N2")
    authors = norm.authors(_authors_in_file_order(item))
    year = norm.year(item.date("PY", "Y1", "DA"))
    journal = first("T2", "JF", "JO", "J1", "JA", accept=_not_url)
    journal_abbrev = first("J2", "JA", "JO", "J1", accept=_not_url)
    volume, issue = first("VL"), first("IS")
    pages_start, pages_end = norm.pages(first("SP"), first("EP"))
    doi = norm.doi(first("DO", "DI", "L3", "M3", "UR", accept=norm.doi))
    issn = norm.issn(first("SN"))
    keywords = norm.keywords(item.every("KW"))
    language, pub_type, url = first("LA"), first("TY"), first("UR", "L2")
    pmid, source_id = _pmid(item), first("AN", "ID")
    extra = item.leftovers()
    truncated = [v for tag in ("AU", "A1") for v in item.tags.get(tag, ())
                 if len(v) <= norm.ET_AL_MAX and norm.ET_AL.match(v)]
    if truncated:  # "et al." is not an author, but that the list was cut short is worth keeping
        extra["AU"] = truncated
    return finish({
        "title": title, "abstract": abstract, "authors": authors, "year": year, "journal": journal,
        "journal_abbrev": journal_abbrev, "volume": volume, "issue": issue, "pages_start": pages_start,
        "pages_end": pages_end, "doi": doi, "pmid": pmid, "issn": issn, "keywords": keywords,
        "language": language, "pub_type": pub_type, "url": url, "source_id": source_id,
        "extra": extra, "raw": item.raw,
    })


def _authors_in_file_order(item: Tagged) -> list[str]:
    """AU and A1 values in the order the file wrote them (a file may mix the two tags)."""
    if "A1" not in item.tags or "AU" not in item.tags:
        return item.every("AU", "A1")
    item.every("AU", "A1")  # marks both used
    values = {"AU": iter(item.tags["AU"]), "A1": iter(item.tags["A1"])}
    ordered, last = [], ""
    for line in item.raw.split("\n"):
        found = LOOSE_TAG.match(line)
        last = found.group(1) if found else last  # an untagged line is one more value of the tag before it
        if last in values and (found or line.strip()):
            ordered.append(next(values[last], ""))
    for rest in values.values():  # whatever the walk did not meet (it meets every value): never lost
        ordered += list(rest)
    return [v for v in ordered if v and not v.isspace()]


def _pmid(item: Tagged) -> str:
    value = item.first("PMID", "C2", "C5", accept=lambda v: v.strip().isdigit())
    if not value:
        value = item.first("U1", "U2", accept=lambda v: "[PMID]" in v)
    if not value and any("MEDLINE" in db for db in item.tags.get("DB", ())):
        value = item.tags.get("ID", [""])[0]
    return norm.pmid(value)


def _not_url(value: str) -> bool:
    return not URLISH.match(value)
