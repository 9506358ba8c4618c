"""Readers for bibliographic export files: detect the format from content, decode, parse, normalise."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from imports import accounting, bibtex, csvfiles, endnote_xml, medline, refer, ris, spreadsheets, wos
from imports.decode import decode
from imports.detect import FORMAT_NAMES, detect
from imports.display import ADVICE
from imports.errors import ImportFailure
from imports.wording import Worded, joined, worded

READERS = {
    "ris": ris.read, "medline": medline.read, "wos": wos.read_tagged, "wos-tab": wos.read_tabbed,
    "endnote-xml": endnote_xml.read, "bibtex": bibtex.read, "refer": refer.read_refer,
    "noteexpress": refer.read_noteexpress, "cochrane-text": refer.read_cochrane, "csv": csvfiles.read,
}


@dataclass
class ParsedFile:
    """What a file held: its format, the encoding used, the records (dicts of record fields), warnings (each a
    catalogue key, its values and its English text: imports.wording)."""

    format: str
    encoding: str
    records: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Worded] = field(default_factory=list)


def read_file(data: bytes, file_name: str, skip_broken: bool = False) -> ParsedFile:
    """Read one export file; raises ImportFailure (and nothing else) when it cannot be imported."""
    streamed = stream_file(data, file_name, skip_broken)
    records = list(streamed.records)
    return ParsedFile(format=streamed.format, encoding=streamed.encoding, records=records,
                      warnings=streamed.warnings)


@dataclass
class StreamedFile:
    """Like ParsedFile, but records arrive one at a time; warnings are complete once they are all read."""

    format: str
    encoding: str
    records: Iterator[dict[str, Any]]
    warnings: list[Worded]


def stream_file(data: bytes, file_name: str, skip_broken: bool = False) -> StreamedFile:
    """Start reading a file: its format and encoding now, its records (and ImportFailure) as they come.

    skip_broken: import the entries that can be read and name the broken ones in the warnings (BibTeX)."""
    if not data.strip():
        raise ImportFailure(file_name, None, "the file is empty", key="error.import.empty")
    if spreadsheets.is_workbook(data):
        records, warnings = read_workbook(data, file_name)
        return StreamedFile("xlsx", "xlsx", iter(records), warnings)
    refusal = spreadsheets.refusal(data, file_name)
    if refusal is not None:
        raise refusal
    text, encoding, warnings = decode(data)
    kind = detect(text)
    if kind is None:
        raise ImportFailure(file_name, 1, "Sil does not recognise this format. Export the search as RIS "
                            "(or PubMed/MEDLINE, Web of Science plain text, EndNote XML, BibTeX or CSV)",
                            key="error.import.unknown_format")
    if kind.startswith("display:"):
        advice = kind.split(":", 1)[1]
        raise ImportFailure(file_name, 1, ADVICE[advice], key=f"error.import.advice.{advice}")
    records = _records(kind, text, file_name, warnings, skip_broken)
    return StreamedFile(kind, encoding, guarded(accounted(records, kind, text, warnings), file_name, kind), warnings)


def accounted(records: Iterator[dict[str, Any]], kind: str, text: str, warnings: list[Worded]) -> Iterator[dict[str, Any]]:
    """The reader's records, then warnings when their number differs from the file's record starts (or the
    file holds lines of another format). BibTeX checks itself: only it knows the entries it skipped."""
    count = 0
    for record in records:
        count += 1
        yield record
    if kind != "bibtex":
        warnings.extend(accounting.check(kind, text, count))


def read_workbook(data: bytes, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """The records of an .xlsx workbook: its first sheet with a title column; other sheets with data are
    named in a warning (never read or dropped silently)."""
    sheets = spreadsheets.workbook_sheets(data, file_name)
    chosen = next((i for i, (_, rows) in enumerate(sheets)
                   if any(csvfiles.names_title(row) for _, row in rows[:csvfiles.HEADER_SEARCH])), None)
    if chosen is None:
        chosen = next((i for i, (_, rows) in enumerate(sheets) if spreadsheets.non_empty(rows)), 0)
    name, rows = sheets[chosen]
    try:
        records, warnings = csvfiles.read_rows(rows, file_name)
    except ImportFailure as failure:
        raise ImportFailure(file_name, failure.line, f"sheet {name!r}: {failure.message}",
                            key="error.import.sheet", sheet=name, problem=failure.message) from None
    others = [n for i, (n, r) in enumerate(sheets) if i != chosen and spreadsheets.non_empty(r)]
    if others:
        sheets = [worded("import.part.sheet", repr(n), sheet=n) for n in others]
        warnings.append(worded("import.warning.other_sheets", f"only sheet {name!r} was read; the workbook's other "
                               f"sheet(s) with data ({joined(sheets)}) were not: import each as a file of its own",
                               sheet=name, n=len(others), sheets=sheets))
    return records, [worded("import.warning.in_sheet", f"sheet {name!r}, {w['text']}", sheet=name, warning=w)
                     if w["text"].startswith("line") else w for w in warnings]


def _records(kind: str, text: str, file_name: str, warnings: list[Worded],
             skip_broken: bool = False) -> Iterator[dict[str, Any]]:
    """The reader's records, lazily: the reader starts at the first record taken (inside guarded)."""
    if kind == "ris":
        yield from ris.iter_records(text, file_name, warnings)
        return
    if kind == "bibtex":
        records, more = bibtex.read(text, file_name, skip_broken=skip_broken)
    else:
        records, more = READERS[kind](text, file_name)
    warnings.extend(more)
    yield from records


def guarded(records: Iterator[dict[str, Any]], file_name: str, kind: str) -> Iterator[dict[str, Any]]:
    """The records of a reader; any error but ImportFailure becomes the typed refusal of reader_failure."""
    try:
        yield from records
    except ImportFailure:
        raise
    except Exception as exc:  # a reader bug must still reach the user as a clear, typed refusal
        raise reader_failure(file_name, kind, exc) from exc


def reader_failure(file_name: str, kind: str, exc: Exception) -> ImportFailure:
    """The refusal for an unexpected error inside a reader: typed, naming the file, asking for a report."""
    return ImportFailure(file_name, None, f"Sil could not read this {FORMAT_NAMES[kind]} file "
                         f"({type(exc).__name__}: {exc}); please report it with the file",
                         key="error.import.reader_crash", format=FORMAT_NAMES[kind], problem=f'{type(exc).__name__}: {exc}')
