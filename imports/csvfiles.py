"""CSV exports: Scopus, Embase (horizontal and vertical), PubMed (current and legacy), and generic tables."""
from __future__ import annotations

import csv
import io
import re
import sys
from typing import Any

from imports import normalise as norm
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings

csv.field_size_limit(sys.maxsize)
# Column names per field, compared case-insensitively; the first present wins.
COLUMNS = {
    "title": ("title", "document title", "article title", "primary title", "ti"),
    "abstract": ("abstract", "abstract note", "ab"),
    "authors": ("authors", "author names", "author", "author(s)", "au", "description"),
    "year": ("year", "publication year", "py", "pubyear", "date", "shortdetails"),
    "journal": ("source title", "journal/book", "journal", "secondary title", "publication title", "source"),
    "journal_abbrev": ("abbreviated source title", "journal abbreviation"),
    "volume": ("volume", "vl"),
    "issue": ("issue", "is"),
    "pages_start": ("page start", "pages", "art. no."),
    "pages_end": ("page end",),
    "doi": ("doi", "di", "details", "citation", "open url link"),
    "pmid": ("pmid", "pubmed id", "medline pmid", "entrezuid"),
    "issn": ("issn",),
    "keywords": ("author keywords", "keywords", "index keywords", "emtree medical index terms"),
    "language": ("language of original document", "language", "la"),
    "pub_type": ("document type", "publication type", "type"),
    "url": ("link", "url"),
    "source_id": ("eid", "pui", "embase accession number", "pmid", "entrezuid", "record_id", "id"),
}
KEYWORD_SPLIT = re.compile(r"[;,](?![^()]*\))")  # Embase: "cyst (diagnosis, surgery), ..."
EMBASE_SOURCE = re.compile(r"^(?P<journal>.+?) \((?P<year>\d{4})\)(?: (?P<volume>[^:\s(]+))?(?::(?P<issue>[^\s(]+))?"
                           r"(?: \((?P<pages>[^)]*)\))?")
PUBMED_CITATION = re.compile(r";(?P<volume>[^(:]+)(?:\((?P<issue>[^)]*)\))?:(?P<pages>[^.\s]+)")


def read(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse a CSV export into record dicts and warnings."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ImportFailure(file_name, reader.line_num, f"the CSV is broken ({exc})",
                            key="error.import.csv_broken", problem=str(exc)) from None
    if rows and rows[0][1] and rows[0][1][0].strip().upper() == "TITLE" and len(rows[0][1]) <= 2:
        return read_vertical(rows, file_name)
    if not rows:
        raise ImportFailure(file_name, None, "the CSV file is empty",
                            key="error.import.csv_empty")
    header = [h.strip().lstrip("\ufeff") for h in rows[0][1]]
    picks = _pick_columns(header)
    if "title" not in picks:
        raise ImportFailure(file_name, 1, "the CSV has no title column (expected a column named Title); "
                            "export with titles, or use RIS",
                            key="error.import.csv_no_title")
    records, lines = [], []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        item = Tagged(line=line, raw=_row_text(row))
        for name, cell in zip(header, row):
            if cell.strip():
                item.add(name, cell)
        records.append(to_record(item, picks))
        lines.append(line)
    return records, missing_title_warnings(records, lines)


def read_vertical(rows: list[tuple[int, list[str]]], file_name: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Embase's vertical layout: one '"FIELD","value",...' row per field, a TITLE row starts each record."""
    records, lines = [], []
    item: Tagged | None = None
    raw: list[str] = []
    picks: dict[str, str] = {}
    for line, row in rows:
        if not row or not row[0].strip():
            continue
        name = row[0].strip()
        if name.upper() == "TITLE":
            if item is not None:
                item.raw = "\n".join(raw)
                records.append(to_record(item, picks))
            item, raw = Tagged(line=line), []
            lines.append(line)
        if item is None:
            continue
        raw.append(_row_text(row))
        for value in row[1:]:
            if value.strip():
                item.add(name, value)
        picks = {**picks, **_pick_columns([name])}
    if item is not None:
        item.raw = "\n".join(raw)
        records.append(to_record(item, picks))
    return records, missing_title_warnings(records, lines)


def _pick_columns(header: list[str]) -> dict[str, str]:
    lowered = {h.lower(): h for h in header}
    picks = {}
    for field, names in COLUMNS.items():
        for name in names:
            if name in lowered:
                picks[field] = lowered[name]
                break
    return picks


def _row_text(row: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    return out.getvalue()


def to_record(item: Tagged, picks: dict[str, str]) -> dict[str, Any]:
    """Map one row (column -> values) to Sil's fields, then read what citation strings hold."""
    r = empty_record()
    for field, column in picks.items():
        if field in ("authors", "keywords"):
            continue
        r[field] = item.first(column)
    authors = item.every(picks["authors"]) if "authors" in picks else []
    if len(authors) == 1:
        authors = split_authors(authors[0])
    r["authors"] = norm.authors(authors)
    r["keywords"] = norm.keywords(
        [k for v in (item.every(picks["keywords"]) if "keywords" in picks else []) for k in KEYWORD_SPLIT.split(v)])
    _from_citation(r, picks, next((v[0] for k, v in item.tags.items() if k.lower() == "citation"), ""))
    r["year"] = norm.year(r["year"] or None)
    r["pages_start"], r["pages_end"] = norm.pages(r["pages_start"], r["pages_end"])
    r["doi"] = norm.doi(r["doi"].replace("%2F", "/"))
    r["pmid"] = norm.pmid(r["pmid"])
    r["issn"] = norm.issn(r["issn"])
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)


def split_authors(cell: str) -> list[str]:
    """One cell of authors: 'Smith, John; Doe, Jane', 'Liu R., Adler D.G.' or a single 'Roe, Ann'."""
    if ";" in cell:
        return cell.split(";")
    pieces = [p.strip() for p in cell.split(",")]
    if len(pieces) > 1 and all(" " in p for p in pieces if p):
        return pieces
    return [cell]


def _from_citation(r: dict[str, Any], picks: dict[str, str], citation: str) -> None:
    """Embase 'Source' and PubMed 'Citation' strings carry journal, year, volume, issue and pages."""
    if picks.get("journal", "").lower() == "source":
        match = EMBASE_SOURCE.match(r["journal"])
        if match:
            for key, value in match.groupdict().items():
                if value and (key == "journal" or not r[key if key != "pages" else "pages_start"]):
                    r[key if key != "pages" else "pages_start"] = value
    if citation:
        match = PUBMED_CITATION.search(citation)
        if match:
            r["volume"] = r["volume"] or match.group("volume").strip()
            r["issue"] = r["issue"] or (match.group("issue") or "")
            r["pages_start"] = r["pages_start"] or match.group("pages")
