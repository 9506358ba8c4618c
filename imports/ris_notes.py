"""What the RIS reader notices while reading (records without ER, lines outside records, untitled records).

Kept as numbers rather than sentences until the end, so that a file read in parts (review/import_staging.py
parses a large file in several processes) gets exactly the warnings a reading in one go would give: each
part's line and record numbers are shifted by what came before it, then the parts are merged.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from imports.tagged import outside_records, untitled_warning
from imports.wording import Worded, worded


@dataclass
class RisNotes:
    """Line and record numbers (1-based) of what deserves a warning; `records` counts the records read."""

    records: int = 0
    no_er: list[tuple[int, int]] = field(default_factory=list)  # (line, record) ended by the next TY
    no_ty: list[tuple[int, int]] = field(default_factory=list)  # (line, record) begun without a TY line
    last_no_er: tuple[int, int] | None = None  # the file's last record, ended by the end of the file
    ignored: int = 0  # lines outside TY..ER
    first_ignored: tuple[int, str] | None = None  # (line, text) of the first of them
    untitled: list[tuple[int, int]] = field(default_factory=list)  # (record, line)
    clean_end: bool = True  # the text ended after an ER line, with no record or tags left open

    def warnings(self) -> list[Worded]:
        """The warnings, worded and ordered as the reader has always given them."""
        found = [worded("import.warning.ris_no_er", f"line {line}: record {number} had no ER line; it ends where "
                        "the next TY starts", line=line, record=number) for line, number in self.no_er]
        found += [worded("import.warning.ris_no_ty", f"line {line}: record {number} had no TY line (tags up to an "
                         "ER line); it was kept", line=line, record=number) for line, number in self.no_ty]
        if self.last_no_er:
            line, number = self.last_no_er
            found.append(worded("import.warning.ris_last_no_er", f"line {line}: the last record (record {number}) "
                                "had no ER line; it was kept", line=line, record=number))
        if self.ignored:
            number, text = self.first_ignored
            found.append(outside_records(self.ignored, number, text))
        return found + untitled_warning(self.untitled)


def merged(parts: list[tuple[RisNotes, int]]) -> RisNotes:
    """One file's notes from its consecutive parts, each given with the number of lines it holds."""
    total = RisNotes()
    lines = 0
    for notes, part_lines in parts:
        records = total.records
        total.no_er += [(line + lines, number + records) for line, number in notes.no_er]
        total.no_ty += [(line + lines, number + records) for line, number in notes.no_ty]
        if notes.last_no_er:
            total.last_no_er = (notes.last_no_er[0] + lines, notes.last_no_er[1] + records)
        total.ignored += notes.ignored
        if total.first_ignored is None and notes.first_ignored:
            total.first_ignored = (notes.first_ignored[0] + lines, notes.first_ignored[1])
        total.untitled += [(number + records, line + lines) for number, line in notes.untitled]
        total.records += notes.records
        total.clean_end = notes.clean_end
        lines += part_lines
    return total
