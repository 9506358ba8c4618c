"""Which format a file holds, judged from its content (the file name is never trusted)."""
from __future__ import annotations

import re

from imports import display
from imports.csvfiles import names_title
from imports.spreadsheets import header_cells

RIS = re.compile(r"^TY(?: {1,2}- ?|[ \t]*\n[A-Z][A-Z0-9] {1,2}- )", re.M)  # also a bare "TY" line before tags
MEDLINE = re.compile(r"^(?:PMID- ?\d|OWN - )", re.M)  # "PMID-12345678" too: some tools drop the space
WOS_TAGGED = re.compile(r"^(?:FN |PT [A-Z]\s*$)", re.M)
BIBTEX = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.M)
REFER = re.compile(r"^%[0TA] ", re.M)
NOTEEXPRESS = re.compile(r"^\{Reference Type\}:", re.M)
COCHRANE_TEXT = re.compile(r"^Record #\d+ of \d+\s*\n(?:[A-Z]{2,3}: )", re.M)
TAB_HEADER_TAGS = {"PT", "TI", "AU", "UT", "SO"}

FORMAT_NAMES = {
    "ris": "RIS", "medline": "PubMed/MEDLINE", "wos": "Web of Science plain text",
    "wos-tab": "Web of Science tab-delimited", "endnote-xml": "EndNote XML", "bibtex": "BibTeX",
    "refer": "EndNote tagged (%0)", "noteexpress": "NoteExpress", "cochrane-text": "Cochrane Library text",
    "csv": "CSV", "xlsx": "Excel workbook",
}


def detect(text: str) -> str | None:
    """A format key (see FORMAT_NAMES), 'display:<kind>' for display text, or None when unknown."""
    head = text[:65536]
    kind = display.recognise(head)
    if kind:
        return f"display:{kind}"
    stripped = head.lstrip()
    if stripped.startswith(("<?xml", "<xml")):
        return "endnote-xml"
    first_line = stripped.split("\n", 1)[0]
    if "\t" in first_line and TAB_HEADER_TAGS <= set(first_line.split("\t")) | {"SO"}:
        return "wos-tab"
    for key, pattern in (("ris", RIS), ("medline", MEDLINE), ("wos", WOS_TAGGED)):
        if pattern.search(head):
            return _earliest(head, key)
    for key, pattern in (("cochrane-text", COCHRANE_TEXT), ("noteexpress", NOTEEXPRESS),
                         ("refer", REFER), ("bibtex", BIBTEX)):
        if pattern.search(head):
            return key
    if "," in first_line or first_line.startswith('"') or any(
            len(header_cells(first_line, d)) >= 3 or names_title(header_cells(first_line, d)) for d in (";", "\t")):
        # A header of three or more cells is a table even without a title column: the reader then says
        # which column is missing, instead of asking for a CSV export of a file that is one.
        return "csv"
    return None


def _earliest(head: str, found: str) -> str:
    """When a file matches several tagged formats, the one whose marker comes first wins."""
    positions = {}
    for key, pattern in (("ris", RIS), ("medline", MEDLINE), ("wos", WOS_TAGGED)):
        match = pattern.search(head)
        if match:
            positions[key] = match.start()
    return min(positions, key=positions.get) if positions else found
