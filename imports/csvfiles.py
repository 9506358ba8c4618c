"""CSV exports: Scopus, Embase (horizontal and vertical), PubMed (current and legacy), and generic tables."""
from __future__ import annotations

import ast
import csv
import io
import re
import sys
from typing import Any

from imports import normalise as norm
from imports import spreadsheets
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings
from imports.wording import Worded, joined, line_part, worded

csv.field_size_limit(sys.maxsize)
# Column names per field, compared case-insensitively; the first present wins (Norwegian names last).
COLUMNS = {
    "title": ("title", "document title", "article title", "primary title", "primary_title", "ti", "tittel"),
    "abstract": ("abstract", "abstract note", "ab", "sammendrag"),
    "authors": ("authors", "author names", "author", "author(s)", "au", "description", "first_authors",
                "forfattere", "forfatter"),
    "year": ("year", "publication year", "publication_year", "py", "pubyear", "date", "shortdetails", "år", "publiseringsår", "utgivelsesår"),
    "journal": ("source title", "journal/book", "journal", "journal_name", "secondary title", "secondary_title",
                "publication title", "source", "tidsskrift"),
    "journal_abbrev": ("abbreviated source title", "journal abbreviation"),
    "volume": ("volume", "vl"),
    "issue": ("issue", "is", "number"),
    "pages_start": ("page start", "pages", "start_page", "art. no."),
    "pages_end": ("page end", "end_page"),
    "doi": ("doi", "di", "details", "citation", "open url link"),
    "pmid": ("pmid", "pubmed id", "medline pmid", "entrezuid"),
    "issn": ("issn",),
    "keywords": ("author keywords", "keywords", "index keywords", "emtree medical index terms", "emneord", "nøkkelord"),
    "language": ("language of original document", "language", "la", "språk"),
    "pub_type": ("document type", "publication type", "type", "type_of_reference"),
    "url": ("link", "url"),
    "source_id": ("eid", "pui", "embase accession number", "pmid", "entrezuid", "record_id", "id"),
}
BIBLIOGRAPHIC = {"abstract", "authors", "doi", "pmid", "journal", "year"}  # a table without titles is still one
HEADER_SEARCH = 10  # rows of a sheet searched for the header (a workbook may have a caption above it)
VERTICAL_NAMES = {"AUTHOR NAMES", "SOURCE", "SOURCE TITLE", "PUBLICATION YEAR", "ABSTRACT", "EMBASE ACCESSION NUMBER",
                  "PUI", "DOI", "PUBLICATION TYPE", "VOLUME", "ISSUE", "FIRST PAGE", "LANGUAGE OF ARTICLE"}
KEYWORD_SPLIT = re.compile(r"[;,](?![^()]*\))")  # Embase: "cyst (diagnosis, surgery), ..."
EMBASE_SOURCE = re.compile(r"^(?P<journal>.+?) \((?P<year>\d{4})\)(?: (?P<volume>[^:\s(]+))?(?::(?P<issue>[^\s(]+))?"
                           r"(?: \((?P<pages>[^)]*)\))?")
PUBMED_CITATION = re.compile(r";(?P<volume>[^(:]+)(?:\((?P<issue>[^)]*)\))?:(?P<pages>[^.\s]+)")


def read(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Parse a comma, semicolon or tab separated export into record dicts and warnings."""
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = spreadsheets.sniff_delimiter(first_line, names_title) or ","
    return read_rows(spreadsheets.split_rows(text, delimiter, file_name), file_name)


def names_title(header: list[str]) -> bool:
    """Whether a header row has a column Sil reads titles from."""
    return "title" in _pick_columns([h.strip().lstrip("\ufeff") for h in header])


def read_rows(rows: list[tuple[int, list[str]]], file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Rows of text cells (from CSV or a workbook) to record dicts: the first row naming a title is the
    header; rows above it are named in a warning, never read as records silently."""
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)] if rows else rows
    if not rows:
        raise ImportFailure(file_name, None, "the CSV file is empty", key="error.import.csv_empty")
    if is_vertical(rows):
        return read_vertical(rows, file_name)
    start = next((i for i, (_, row) in enumerate(rows[:HEADER_SEARCH]) if names_title(row)), None)
    untitled = start is None and len(BIBLIOGRAPHIC & set(_pick_columns([h.strip().lstrip("\ufeff") for h in rows[0][1]]))) >= 2
    if untitled:
        start = 0
    if start is None:
        shown = ", ".join(repr(h.strip()) for h in rows[0][1][:12] if h.strip())
        raise ImportFailure(file_name, rows[0][0], f"the table has no title column (its header is: {shown}); "
                            "name the column of titles 'Title' (or export with titles, or use RIS)",
                            key="error.import.no_title_column", header=shown)
    warnings = [worded("import.warning.csv_no_title_column", "the table has no title column: its records are "
                       "imported without titles (name the column of titles 'Title' if it has one)")] if untitled else []
    if start:
        above = [line for line, _ in rows[:start]]
        warnings.append(worded("import.warning.csv_above_header", f"line(s) {', '.join(map(str, above))} above the "
                               f"header (line {rows[start][0]}) were not read as records", n=len(above), lines=above,
                               line=rows[start][0]))
    header = [h.strip().lstrip("\ufeff") for h in rows[start][1]]
    picks = _pick_columns(header)
    records, lines = [], []
    for line, row in rows[start + 1:]:
        item = Tagged(line=line, raw=_row_text(row))
        for index, cell in enumerate(row):
            if cell.strip():
                item.add(header[index] if index < len(header) and header[index] else f"column {index + 1}", cell)
        records.append(to_record(item, picks))
        lines.append(line)
    return records, warnings + swallowed_rows(rows[start + 1:], len(header)) + missing_title_warnings(records, lines)


def is_vertical(rows: list[tuple[int, list[str]]]) -> bool:
    """Embase's vertical layout ('"TITLE","a title"' then '"AUTHOR NAMES",...'), not a header like 'title,abstract'."""
    first = rows[0][1]
    if first[0].strip().lstrip("\ufeff").upper() != "TITLE" or names_title(first[1:2]) or len(first) > 2 \
            and _pick_columns([c.strip() for c in first[1:]]):
        return False
    names = [row[0].strip() for _, row in rows[1:20] if row]
    return bool(names) and all(n == n.upper() for n in names) and any(n in VERTICAL_NAMES for n in names)


def swallowed_rows(rows: list[tuple[int, list[str]]], columns: int) -> list[Worded]:
    """A warning naming the rows whose cells hold lines that look like rows of their own (an unclosed
    quote makes the csv module read many rows as one cell): the rows a count of lines would find."""
    suspects = []
    for line, row in rows:
        for cell in row:
            if "\n" in cell and columns > 2 and any(
                    max(piece.count(d) for d in spreadsheets.DELIMITERS) >= columns - 1
                    for piece in cell.split("\n")[1:]):
                suspects.append(line)
                break
    if not suspects:
        return []
    shown = [line_part(line) for line in suspects[:10]]
    return [worded("import.warning.csv_swallowed", f"{len(suspects)} row(s) hold lines that look like rows of their "
                   f"own (a quote not closed?): {joined(shown)}; check those records against the file",
                   n=len(suspects), shown=shown)]


def read_vertical(rows: list[tuple[int, list[str]]], file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
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
        r[field] = item.date(column) if field == "year" else item.first(column)
    authors = item.every(picks["authors"]) if "authors" in picks else []
    if len(authors) == 1:
        authors = _items(authors[0], split_authors)
    r["authors"] = norm.authors(authors)
    r["keywords"] = norm.keywords(
        [k for v in (item.every(picks["keywords"]) if "keywords" in picks else []) for k in _items(v, KEYWORD_SPLIT.split)])
    _from_citation(r, picks, next((v[0] for k, v in item.tags.items() if k.lower() == "citation"), ""))
    r["year"] = norm.year(r["year"] or None)
    r["pages_start"], r["pages_end"] = norm.pages(r["pages_start"], r["pages_end"])
    r["doi"] = norm.doi(r["doi"].replace("%2F", "/"))
    r["pmid"] = norm.pmid(r["pmid"])
    r["issn"] = norm.issn(r["issn"])
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)


def listed(cell: str) -> list[str] | None:
    """A cell holding a Python list as text ("['Marx, Karl', 'Lindgren, Astrid']", what tools built on rispy
    and pandas write), as its items; None for any other cell."""
    text = cell.strip()
    if text == "[]":
        return []
    if not (text.startswith("[") and text.endswith("]") and ("'" in text or '"' in text)):
        return None
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def _items(cell: str, split) -> list[str]:
    items = listed(cell)
    return split(cell) if items is None else items


def split_authors(cell: str) -> list[str]:
    """One cell of authors: 'Smith, John; Doe, Jane', 'Liu R., Adler D.G.' or a single 'Roe, Ann'."""
    if ";" in cell:  # PubMed: 'Hou J, Hess JL; Alzheimer's Disease Neuroimaging Initiative; Fan CC, ...'
        return [name for piece in cell.split(";") for name in split_authors(piece)]
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
