"""A large RIS file cut into parts at record boundaries, so that several processes can read it at once.

Only a file whose parts read exactly as the whole would is cut: plain UTF-8 (no BOM, not UTF-16) in the
spec's two-space dialect, cut just before a `TY  - ` line whose previous non-blank line is `ER  -`.
Each part is read on its own (`read_part`) and says whether it is plain UTF-8 RIS that ended cleanly
after an ER; when one does not, the caller reads the file whole instead, so the outcome never differs.
"""
from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import Any

from imports import ris
from imports.decode import decode
from imports.detect import detect
from imports.ris_notes import RisNotes

CUT_BEFORE = b"\nTY  - "
UNSAFE_STARTS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def cut_points(data: bytes, parts: int, min_bytes: int = 2_000_000) -> list[tuple[int, int]]:
    """(start, end) byte ranges covering data in order; one range when the file should be read whole."""
    whole = [(0, len(data))]
    # "  -" early in the file: the reader then uses the two-space rule for the whole file and for every part.
    if parts < 2 or len(data) < 2 * min_bytes or data.startswith(UNSAFE_STARTS) or b"  -" not in data[:10000]:
        return whole
    if data[:200].count(b"\x00") > 50:  # UTF-16 without a BOM
        return whole
    starts = [0]
    for index in range(1, parts):
        start = _boundary(data, max(len(data) * index // parts, starts[-1] + min_bytes))
        if start is None or len(data) - start < min_bytes:
            break
        starts.append(start)
    return list(zip(starts, starts[1:] + [len(data)]))


def _boundary(data: bytes, near: int) -> int | None:
    """The start of the first `TY  - ` line from near on whose previous non-blank line is `ER  -`."""
    found = data.find(CUT_BEFORE, near)
    while found != -1:
        before = data[max(0, found - 1000):found].rstrip()
        if before.rsplit(b"\n", 1)[-1].rstrip() == b"ER  -":
            return found + 1
        found = data.find(CUT_BEFORE, found + 1)
    return None


def read_part(data: bytes, file_name: str, first: bool) -> tuple[Iterator[dict[str, Any]], RisNotes, int] | None:
    """A part's records (streamed), its notes (complete once they are read) and its line count.

    None when the part is not plain UTF-8 RIS: then the file must be read whole. Raises ImportFailure
    like imports.stream_file does for a reader's error."""
    text, encoding, warnings = decode(data)
    if encoding != "utf-8" or warnings or detect(text) != "ris" or (not first and not text.startswith("TY  - ")):
        return None
    notes = RisNotes()
    from imports import guarded

    return guarded(ris.iter_noted(text, notes), file_name, "ris"), notes, text.count("\n")
