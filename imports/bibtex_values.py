"""BibTeX values as BibTeX means them: @string macros expanded, '#' joined, braces and quotes off; and
parser failures worded with the entry and the reason (bibtexparser logs them instead of raising)."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from imports.wording import Worded, worded

MONTHS = {m: str(i) for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
MONTH_NAMES = {m: name for m, name in zip(MONTHS, (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"))}
VERBATIM_ESCAPE = re.compile(r"\\([_%&#$~{}])|\\textunderscore(?:\{\})?\s?")
ABORTED = re.compile(r"block \(line (\d+)\) aborted on line (\d+)[^:]*:\s*(.*)", re.S)


def pieces(value: str) -> list[str]:
    """A raw value split at the top-level '#' (outside braces and quotes)."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0 and (index == 0 or value[index - 1] != "\\"):
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(value[start:index])
            start = index + 1
    parts.append(value[start:])
    return [p.strip() for p in parts]


def expand(value: str, macros: dict[str, str], field: str = "") -> str:
    """A raw value with its macros expanded and its pieces joined; enclosing braces/quotes removed."""
    out = []
    for piece in pieces(value):
        if len(piece) >= 2 and (piece[0], piece[-1]) in (("{", "}"), ('"', '"')):
            out.append(piece[1:-1])
        elif piece.lower() in macros:
            out.append(macros[piece.lower()])
        elif piece.lower()[:3] in MONTHS and field == "month":
            out.append(MONTH_NAMES[piece.lower()[:3]])
        else:
            out.append(piece)  # a number, or a macro the file never defined: kept as written
    return "".join(out)


def macro_table(strings) -> dict[str, str]:
    """The file's @string macros, each expanded with those defined before it (names case-insensitive)."""
    table: dict[str, str] = {}
    for string in strings:
        table[string.key.lower()] = expand(str(string.value), table)
    return table


def verbatim(value: str) -> str:
    """A DOI or URL without LaTeX escapes and braces ('10.1000/a\\_b' -> '10.1000/a_b')."""
    return VERBATIM_ESCAPE.sub(lambda m: m.group(1) or "_", value).replace("{", "").replace("}", "")


@contextmanager
def parser_messages() -> Iterator[list[str]]:
    """bibtexparser's log messages while parsing, kept (for the reasons of failed blocks), not on stderr."""
    messages: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("bibtexparser")
    handler, propagate = Keep(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def failure_reason(block, messages: list[str]) -> Worded | str:
    """Why a block failed: the parser's own message for it (its words, worded around), else its error's text
    or class."""
    for message in messages:
        found = ABORTED.search(message)
        if found and int(found.group(1)) == block.start_line:
            reason, line = found.group(3).strip().rstrip("."), int(found.group(2)) + 1
            return worded("import.part.parser_noticed", f"{reason} (noticed on line {line})", reason=reason, line=line)
    error = getattr(block, "error", None)
    text = str(error or "").strip()
    if text:
        return text
    if error is not None:
        return type(error).__name__
    return worded("import.part.unparsable", "it could not be parsed")


def entry_name(block) -> Worded | str:
    """'@article{smith2020' as the entry begins, for a message naming it."""
    head = (getattr(block, "raw", "") or "").lstrip().split("\n", 1)[0]
    return head.split(",", 1)[0][:60] or worded("import.part.an_entry", "an entry")
