"""Colon- and percent-tagged text: EndNote/refer (%0 %A %T), NoteExpress ({Title}: ...), Cochrane CDSR text."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from imports import normalise as norm
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings
from imports.wording import Worded

REFER_TAG = re.compile(r"%(\S) ?(.*)$")
NOTEEXPRESS_TAG = re.compile(r"\{([^}]+)\}:\s?(.*)$")
COCHRANE_TAG = re.compile(r"([A-Z]{2,3}): ?(.*)$")
COCHRANE_START = re.compile(r"Record #\d+ of \d+")
PARTICLES = {"van", "von", "de", "der", "den", "del", "da", "di", "la", "le", "du", "dos", "das", "ten", "ter"}


def blocks(text: str, tag: re.Pattern, starts: Callable[[str], bool] | None = None) -> list[Tagged]:
    """Records separated by blank lines (or by a start line); untagged lines continue the last value."""
    records: list[Tagged] = []
    current: Tagged | None = None
    start, last = 0, ""
    lines = text.split("\n")

    def close(end: int) -> None:
        if current is not None and current.tags:
            current.raw = "\n".join(lines[start:end]).strip("\n")
            records.append(current)

    blank_seen = False
    for number, line in enumerate(lines, start=1):
        if starts is not None and starts(line):
            close(number - 1)
            current, start, last = Tagged(line=number), number - 1, ""
        if not line.strip():
            blank_seen = True
            continue
        found = tag.match(line)
        if found is not None:
            # A blank line ends a record only when the tag after it opens a new one (%0, or a tag the
            # record has already): CNKI abstracts hold blank lines followed by one more field.
            key = found.group(1)
            if current is None or (starts is None and blank_seen and (key == "0" or key in current.tags)):
                close(number - 1)
                current, start = Tagged(line=number), number - 1
            current.add(found.group(1), found.group(2).strip())
            last = found.group(1)
        elif current is not None and last:
            current.tags[last][-1] += "\n" + line.strip()
        blank_seen = False
    close(len(lines))
    return records


def read_refer(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """EndNote tagged export (%0 type, %A author, %T title ...); records end at a blank line."""
    tagged = blocks(text, REFER_TAG)
    return _finish(tagged, _refer_record, file_name, "EndNote tagged")


def read_noteexpress(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """CNKI NoteExpress export ({Reference Type}: ..., {Title}: ...)."""
    tagged = blocks(text, NOTEEXPRESS_TAG, starts=lambda line: line.startswith("{Reference Type}"))
    return _finish(tagged, _noteexpress_record, file_name, "NoteExpress")


def read_cochrane(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Cochrane Library plain-text citation export ('Record #1 of N', 'AU: ...', 'TI: ...')."""
    tagged = blocks(text, COCHRANE_TAG, starts=lambda line: bool(COCHRANE_START.match(line)))
    return _finish(tagged, _cochrane_record, file_name, "Cochrane text")


def _finish(tagged: list[Tagged], mapper, file_name: str, kind: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    if not tagged:
        raise ImportFailure(file_name, None, f"no {kind} records found",
                            key="error.import.refer_none", format=kind)
    records = [mapper(item) for item in tagged]
    return records, missing_title_warnings(records, [t.line for t in tagged])


def _refer_record(item: Tagged) -> dict[str, Any]:
    r = empty_record()
    r["pub_type"] = item.first("0")
    r["title"] = item.first("T")
    r["abstract"] = item.first("X")
    r["authors"] = norm.authors(item.every("A"), split_on=";;")
    r["year"] = norm.year(item.date("D", "8"))
    r["journal"] = item.first("J", "B")
    r["volume"] = item.first("V")
    r["issue"] = item.first("N")
    r["pages_start"], r["pages_end"] = norm.pages(item.first("P"))
    r["doi"] = norm.doi(item.first("R", "U", accept=norm.doi))
    r["issn"] = norm.issn(item.first("@"))
    r["keywords"] = norm.keywords(item.every("K"))
    r["language"] = item.first("G")
    r["url"] = item.first("U")
    r["source_id"] = item.first("M", "L")
    return _close(r, item)


def _noteexpress_record(item: Tagged) -> dict[str, Any]:
    r = empty_record()
    r["pub_type"] = item.first("Reference Type")
    r["title"] = item.first("Title")
    r["abstract"] = item.first("Abstract")
    r["authors"] = norm.authors(item.every("Author"), split_on=";")
    r["year"] = norm.year(item.first("Year", accept=norm.year))
    r["journal"] = item.first("Journal", "Secondary Title")
    r["volume"] = item.first("Volume")
    r["issue"] = item.first("Issue")
    r["pages_start"], r["pages_end"] = norm.pages(item.first("Pages"))
    r["doi"] = norm.doi(item.first("DOI", accept=norm.doi))
    r["issn"] = norm.issn(item.first("ISBN/ISSN"))
    r["keywords"] = norm.keywords(item.every("Keywords"))
    r["url"] = item.first("URL")
    return _close(r, item)


def _cochrane_record(item: Tagged) -> dict[str, Any]:
    r = empty_record()
    r["source_id"] = item.first("ID")
    r["title"] = item.first("TI")
    r["abstract"] = item.first("AB")
    r["authors"] = [_family_first(a) for a in item.every("AU")]
    r["year"] = norm.year(item.first("YR", accept=norm.year))
    r["journal"] = item.first("SO")
    r["volume"] = item.first("VL")
    r["issue"] = item.first("NO")
    r["pages_start"], r["pages_end"] = norm.pages(item.first("PG"))
    r["doi"] = norm.doi(item.first("DOI", accept=norm.doi))
    r["keywords"] = norm.keywords(item.every("KY"))
    r["url"] = item.first("US")
    r["pub_type"] = "Cochrane Review" if r["source_id"].startswith("CD") else ""
    return _close(r, item)


def _family_first(name: str) -> str:
    """'Van Ryswyk Emer' -> 'Van Ryswyk, Emer': Cochrane writes the family name first, without a comma."""
    words = name.split()
    cut = 1
    while cut < len(words) - 1 and words[cut - 1].lower() in PARTICLES:
        cut += 1
    if len(words) < 2:
        return name.strip()
    return f"{' '.join(words[:cut])}, {' '.join(words[cut:])}"


def _close(r: dict[str, Any], item: Tagged) -> dict[str, Any]:
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)
