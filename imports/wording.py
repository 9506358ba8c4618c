"""How a reader words what it warns about, so that the web can say it in the reader's language.

A warning is a plain dict, stored as it is (JSON in searches.warnings): its catalogue key
(`import.warning.<what>` in screens/locale/*/LC_MESSAGES/sil.po), the values its texts name, and the
English text, which the search log (PRISMA-S) and the command line show. A value may itself be worded
(`import.part.<what>`: a line, a record, a format's name), or a list of such, so that every word of a
warning has a translation: screens.i18n.keyed_text puts them together in the reader's language.
Searches imported before warnings had keys hold plain English strings: text_of takes those too.
"""
from __future__ import annotations

from typing import Any

Worded = dict[str, Any]
SHOWN = 10  # items a warning lists before "and N more"


def worded(key: str, text: str, /, **values: Any) -> Worded:
    """A warning (key import.warning.*) or a piece of one (import.part.*): key, values and English text."""
    return {"key": key, "values": values, "text": text}


def text_of(item: Worded | str) -> str:
    """The English text of a warning, or of an old search's plain-string warning."""
    return item if isinstance(item, str) else item["text"]


def joined(parts: list[Worded], separator: str = ", ") -> str:
    """The English of several pieces in a row."""
    return separator.join(p["text"] for p in parts)


def some(parts: list[Any], shown: int = SHOWN) -> tuple[dict[str, Any], str]:
    """The first `shown` pieces (worded, or line numbers) and, past them, how many more: the values
    `shown` and `rest` of a warning, and their English ("line 3, line 9 and 4 more")."""
    left = len(parts) - shown
    rest = worded("import.part.more", f" and {left} more", n=left) if left > 0 else ""
    english = ", ".join(p["text"] if isinstance(p, dict) else str(p) for p in parts[:shown])
    return {"shown": parts[:shown], "rest": rest}, english + (rest["text"] if rest else "")


def line_part(number: int) -> Worded:
    return worded("import.part.line", f"line {number}", line=number)


def line_text_part(number: int, text: str) -> Worded:
    """A line and what it says (shortened, as the file wrote it)."""
    return worded("import.part.line_text", f"line {number}: {text!r}", line=number, text=text)


def record_part(number: int, at_line: int = 0) -> Worded:
    """A record by its number in the file, with its line where the format has lines."""
    if at_line:
        return worded("import.part.record_line", f"record {number} (line {at_line})", record=number, line=at_line)
    return worded("import.part.record", f"record {number}", record=number)
