"""Every record a file holds is accounted for: the records a reader found are checked against an
independent count of the file's record starts, and lines of another format are pointed out.

The count is deliberately looser than the readers (a `TY` line in any spacing or case, `PMID-` with or
without its space), so that a record start a reader did not take shows up as a difference, with its line.
A difference, or a line that starts a record of another format, is a warning on the search (PRISMA-S asks
that every record a database returned be accounted for); it is never a guess at what was meant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from imports.detect import FORMAT_NAMES


@dataclass(frozen=True)
class Marker:
    """How one format starts a record: a loose pattern (the count) and the reader's own (strict)."""

    loose: str
    strict: str
    what: str


MARKERS = {
    "ris": Marker(r"^[ \t]*[Tt][Yy](?:[ \t]*[-\u2010-\u2015][^\n]*|[ \t]*$)", r"^TY(?: {1,2}-|$)", "TY lines"),
    "medline": Marker(r"^[ \t]*PMID[ \t]*-[^\n]*", r"^(?:PMID(?: {0,3}- |-\d)|OWN - )", "PMID lines"),
    "wos": Marker(r"^[ \t]*PT[ \t]+[A-Z][ \t]*$", r"^PT [A-Z]\s*$", "PT lines"),
    "bibtex": Marker(r"^[ \t]*@[ \t]*(?!(?i:string|preamble|comment)\b)[A-Za-z]+[ \t]*[{(][^\n]*",
                     r"^\s*@[A-Za-z]+\s*[{(]", "@ entries"),
    "endnote-xml": Marker(r"<record>", r"<record>", "<record> elements"),
    "cochrane-text": Marker(r"^Record #\d+ of \d+", r"^Record #\d+ of \d+", "'Record #' lines"),
}
# Lines that start a record of each tagged format, as that format's reader would take them.
FOREIGN = {
    "ris": r"^TY  - [A-Z]",
    "medline": r"^PMID- ?\d",
    "wos": r"^PT [JBSPC]\s*$",
    "bibtex": r"^@(?:article|inproceedings|book|incollection|inbook|misc|phdthesis|techreport)\s*\{",
    "refer": r"^%0 \S",
}
_COMPILED = {kind: (re.compile(m.loose, re.M), re.compile(m.strict)) for kind, m in MARKERS.items()}
_FOREIGN = {kind: re.compile(pattern, re.M | re.I if kind == "bibtex" else re.M) for kind, pattern in FOREIGN.items()}
OWN_LINE = re.compile(r"^OWN - [^\n]*", re.M)
SHOWN = 10
# The same for the bytes of a large UTF-8 RIS file (read in parts): en and em dashes as their UTF-8 bytes.
RIS_LOOSE_BYTES = re.compile(rb"^[ \t]*[Tt][Yy](?:[ \t]*(?:-|\xe2\x80[\x90-\x95])[^\n]*|[ \t]*\r?$)", re.M)
_FOREIGN_BYTES = {kind: re.compile(p.encode(), re.M | re.I if kind == "bibtex" else re.M) for kind, p in FOREIGN.items()}


def _newlines(text, start: int, end: int) -> int:
    """Line ends in text[start:end] (an mmap has no count of its own)."""
    if isinstance(text, (str, bytes)):
        return text.count("\n" if isinstance(text, str) else b"\n", start, end)
    return text[start:end].count(b"\n")


def _str(value: str | bytes) -> str:
    return value if isinstance(value, str) else value.decode("utf-8", errors="replace")


def record_starts(kind: str, text: str | bytes) -> list[tuple[int, str]] | None:
    """(line, text) of every record start the independent count finds; None for a format without one.

    text may be bytes (or an mmap of UTF-8 RIS: a large file read in parts is not decoded whole again)."""
    if kind not in _COMPILED:
        return None
    if not isinstance(text, str):
        return _starts_in_bytes(text)
    loose, _ = _COMPILED[kind]
    if kind == "medline" and not loose.search(text):
        loose = OWN_LINE  # ERIC's MEDLINE-format files have no PMID: each record starts with OWN
    found, line, position = [], 1, 0
    for match in loose.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        found.append((line, match.group(0)))
    return _one_per_record(found) if kind == "ris" else found


def _starts_in_bytes(data) -> list[tuple[int, str]]:
    found, line, position = [], 1, 0
    for match in RIS_LOOSE_BYTES.finditer(data):
        line += _newlines(data, position, match.start())
        position = match.start()
        found.append((line, match.group(0).decode("utf-8", errors="replace").rstrip("\r")))
    return _one_per_record(found)


def _one_per_record(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """RIS: a TY line right before another (a bare "TY  -" first) opens the same record, as the reader reads it."""
    lines = {line for line, _ in found}
    return [(line, value) for line, value in found if line + 1 not in lines]


def check(kind: str, text: str, read: int, skipped: int = 0) -> list[str]:
    """Warnings when the records read (plus those skipped on purpose) differ from the file's record starts,
    and when the file holds lines that start records of another format."""
    return count_warnings(kind, text, read, skipped) + foreign_warnings(kind, text)


def count_warnings(kind: str, text: str, read: int, skipped: int = 0) -> list[str]:
    """The count check alone: a warning naming the lines when the counts differ."""
    starts = record_starts(kind, text)
    if starts is None or len(starts) == read + skipped:
        return []
    _, strict = _COMPILED[kind]
    near = [(line, value) for line, value in starts if not strict.match(value)]
    if near:
        where = f"; record starts Sil could not read as such: {_lines(near)}"
    elif read + skipped > len(starts) and kind == "ris":
        return []  # the RIS reader names each record it kept without a TY line itself
    elif read + skipped > len(starts):
        where = " (records without a record start of their own)"
    else:
        where = f" (record starts: {_lines(starts)})"
    kept = f" and skipped {skipped}" if skipped else ""
    return [f"the file has {len(starts)} record start(s) ({MARKERS[kind].what}) but Sil read {read} "
            f"record(s){kept}{where}; check the file against the records"]


def foreign_warnings(kind: str, text: str) -> list[str]:
    """Warnings for lines that start a record of another format than the one the file was read as."""
    warnings = []
    for other, pattern in _FOREIGN.items():
        if other == kind or (kind == "wos" and other == "medline"):  # MEDLINE via WoS writes PMID lines
            continue
        lines, line, position = [], 1, 0
        newline = "\n" if isinstance(text, str) else b"\n"
        for match in (pattern if isinstance(text, str) else _FOREIGN_BYTES[other]).finditer(text):
            start = match.start()
            line += _newlines(text, position, start)
            position = start
            end = text.find(newline, start)
            lines.append((line, _str(text[start:end if end >= 0 else len(text)]).rstrip("\r")))
            if len(lines) > SHOWN:
                break
        if lines:
            warnings.append(f"this {FORMAT_NAMES.get(kind, kind)} file also holds lines that start "
                            f"{FORMAT_NAMES[other]} records ({_lines(lines)}); they were not read as records "
                            "of their own: if the file joins two exports, import each as a file of its own")
    return warnings


def _lines(found: list[tuple[int, str]]) -> str:
    shown = ", ".join(f"line {line}: {value.strip()[:40]!r}" for line, value in found[:SHOWN])
    return shown + (f" and {len(found) - SHOWN} more" if len(found) > SHOWN else "")
