"""Every record a file holds is accounted for: the records a reader found are checked against an
independent count of the file's record starts, and lines of another format are pointed out.

The count is deliberately looser than the readers (a `TY` line in any spacing or case, `PMID-` with or
without its space), so that a record start a reader did not take shows up as a difference, with its line.
A difference, or a line that starts a record of another format, is a warning on the search (PRISMA-S asks
that every record a database returned be accounted for); it is never a guess at what was meant.
"""
from __future__ import annotations

import re

from imports.detect import FORMAT_NAMES
from imports.wording import Worded, line_text_part, some, worded


class Lines:
    """The lines of a text (str, bytes or an mmap of bytes) that begin with a pattern.

    Searched as '\n' + pattern (a literal first character lets the regex engine skip ahead, which a
    multi-line '^' does not: 10x faster over a large file), plus the text's first line."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self.text_patterns = (re.compile(body, flags), re.compile("\n" + body, flags))
        binary = body.replace(r"[-\u2010-\u2015]", r"(?:-|\xe2\x80[\x90-\x95])")
        encoded = binary.encode("latin-1") if all(ord(c) < 256 for c in binary) else None
        self.byte_patterns = (re.compile(encoded, flags), re.compile(b"\n" + encoded, flags)) if encoded else None

    def find(self, text, limit: int | None = None) -> list[tuple[int, str]]:
        """(line number, line text) of each line that begins with the pattern (at most limit of them)."""
        at_start, after_newline = self.text_patterns if isinstance(text, str) else self.byte_patterns
        newline = "\n" if isinstance(text, str) else b"\n"
        found, line, position = [], 1, 0
        first = at_start.match(text)
        if first:
            found.append((1, _line_at(text, 0, newline)))
        for match in after_newline.finditer(text):
            start = match.start() + 1
            line += _newlines(text, position, start)
            position = start
            found.append((line, _line_at(text, start, newline)))
            if limit is not None and len(found) >= limit:
                break
        return found


def _line_at(text, start: int, newline) -> str:
    end = text.find(newline, start)
    return _str(text[start:end if end >= 0 else len(text)]).rstrip("\r")


# How each format starts a record: a loose pattern (the count) and the reader's own (strict), in words.
MARKERS = {
    "ris": (Lines(r"[ \t]*[Tt][Yy](?:[ \t]*[-\u2010-\u2015]|[ \t]*\r?(?:\n|$))"), re.compile(r"TY(?: {1,2}-|\s*$)"),
            "TY lines"),
    "medline": (Lines(r"[ \t]*PMID[ \t]*-"), re.compile(r"(?:PMID(?: {0,3}- |-\d)|OWN - )"), "PMID lines"),
    "wos": (Lines(r"[ \t]*PT[ \t]+[A-Z][ \t]*\r?(?:\n|$)"), re.compile(r"PT [A-Z]\s*$"), "PT lines"),
    "bibtex": (Lines(r"[ \t]*@[ \t]*(?!(?i:string|preamble|comment)\b)[A-Za-z]+[ \t]*[{(]"),
               re.compile(r"\s*@[A-Za-z]+\s*[{(]"), "@ entries"),
    "cochrane-text": (Lines(r"Record #\d+ of \d+"), re.compile(r"Record #\d+ of \d+"), "'Record #' lines"),
}
XML_RECORD = re.compile(r"<record>")
OWN_LINES = Lines(r"OWN - ")
# Lines that start a record of each tagged format, as that format's reader would take them.
FOREIGN = {
    "ris": Lines(r"TY  - [A-Z]"),
    "medline": Lines(r"PMID- ?\d"),
    "wos": Lines(r"PT [JBSPC][ \t]*\r?(?:\n|$)"),
    "bibtex": Lines(r"@(?:article|inproceedings|book|incollection|inbook|misc|phdthesis|techreport)\s*\{", re.I),
    "refer": Lines(r"%0 \S"),
}
SHOWN = 10


def _newlines(text, start: int, end: int) -> int:
    """Line ends in text[start:end] (an mmap has no count of its own)."""
    if isinstance(text, (str, bytes)):
        return text.count("\n" if isinstance(text, str) else b"\n", start, end)
    return text[start:end].count(b"\n")


def _str(value: str | bytes) -> str:
    return value if isinstance(value, str) else value.decode("utf-8", errors="replace")


def record_starts(kind: str, text) -> list[tuple[int, str]] | None:
    """(line, text) of every record start the independent count finds; None for a format without one.

    text may be bytes (or an mmap of UTF-8 RIS: a large file read in parts is not decoded whole again)."""
    if kind == "endnote-xml":
        return [(text.count("\n", 0, m.start()) + 1, "<record>") for m in XML_RECORD.finditer(text)]
    if kind not in MARKERS:
        return None
    found = MARKERS[kind][0].find(text)
    if kind == "medline" and not found:
        found = OWN_LINES.find(text)  # ERIC's MEDLINE-format files have no PMID: each record starts with OWN
    return _one_per_record(found) if kind == "ris" else found


def _one_per_record(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """RIS: a TY line right before another (a bare "TY  -" first) opens the same record, as the reader reads it."""
    lines = {line for line, _ in found}
    return [(line, value) for line, value in found if line + 1 not in lines]


def check(kind: str, text: str, read: int, skipped: int = 0) -> list[Worded]:
    """Warnings when the records read (plus those skipped on purpose) differ from the file's record starts,
    and when the file holds lines that start records of another format."""
    return count_warnings(kind, text, read, skipped) + foreign_warnings(kind, text)


def count_warnings(kind: str, text: str, read: int, skipped: int = 0) -> list[Worded]:
    """The count check alone: a warning naming the lines when the counts differ."""
    starts = record_starts(kind, text)
    if starts is None or len(starts) == read + skipped:
        return []
    strict = MARKERS[kind][1] if kind in MARKERS else XML_RECORD
    near = [(line, value) for line, value in starts if not strict.match(value)]
    if not near and read + skipped > len(starts) and kind == "ris":
        return []  # the RIS reader names each record it kept without a TY line itself
    marker = _marker(kind)
    kept = worded("import.part.and_skipped", f" and skipped {skipped}", n=skipped) if skipped else ""
    said = (f"the file has {len(starts)} record start(s) ({marker['text']}) but Sil read {read} "
            f"record(s){kept['text'] if kept else ''}")
    counts = {"n": len(starts), "marker": marker, "records": read, "skipped": kept}
    check = "; check the file against the records"
    if near:
        values, lines = _lines(near)
        return [worded("import.warning.count_unread_starts",
                       f"{said}; record starts Sil could not read as such: {lines}{check}", **counts, **values)]
    if read + skipped > len(starts):
        return [worded("import.warning.count_no_start", f"{said} (records without a record start of their own){check}",
                       **counts)]
    values, lines = _lines(starts)
    return [worded("import.warning.count_differs", f"{said} (record starts: {lines}){check}", **counts, **values)]


def foreign_warnings(kind: str, text) -> list[Worded]:
    """Warnings for lines that start a record of another format than the one the file was read as."""
    warnings = []
    for other, lines in FOREIGN.items():
        if other == kind or (kind == "wos" and other == "medline"):  # MEDLINE via WoS writes PMID lines
            continue
        found = lines.find(text, limit=SHOWN + 1)
        if found:
            values, shown = _lines(found)
            warnings.append(worded(
                "import.warning.foreign_lines", f"this {FORMAT_NAMES.get(kind, kind)} file also holds lines that "
                f"start {FORMAT_NAMES[other]} records ({shown}); they were not read as records of their own: if the "
                "file joins two exports, import each as a file of its own",
                format=format_part(kind), other=format_part(other), **values))
    return warnings


def format_part(kind: str) -> Worded:
    """A format's name, worded ("Web of Science plain text" is not English only)."""
    return worded(f"import.part.format.{kind.replace('-', '_')}", FORMAT_NAMES.get(kind, kind))


def _marker(kind: str) -> Worded:
    """What starts a record in the format, worded: "TY lines", "<record> elements"."""
    return worded(f"import.part.marker.{kind.replace('-', '_')}", MARKERS[kind][2] if kind in MARKERS else "<record> elements")


def _lines(found: list[tuple[int, str]]) -> tuple[dict, str]:
    return some([line_text_part(line, value.strip()[:40]) for line, value in found], SHOWN)
