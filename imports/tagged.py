"""Shared pieces of the tagged formats: a parsed record of (tag, values) and the record dict."""
from __future__ import annotations

from typing import Any

from imports import normalise as norm
from imports.dates import says_more
from imports.wording import Worded, record_part, some, worded

FIELDS = ("title", "abstract", "authors", "year", "journal", "journal_abbrev", "volume", "issue",
          "pages_start", "pages_end", "doi", "pmid", "issn", "keywords", "language", "pub_type", "url",
          "source_id", "extra", "raw")


ALL = None  # in Tagged.used: every value of the tag was taken


class Tagged:
    """One record as the file wrote it: tags in file order with every value, its first line, its text."""

    # A plain slotted class: readers build one per record, and a dataclass costs measurably more.
    __slots__ = ("line", "tags", "raw", "used")

    def __init__(self, line: int, tags: dict[str, list[str]] | None = None, raw: str = "") -> None:
        self.line = line
        self.tags: dict[str, list[str]] = {} if tags is None else tags
        self.raw = raw
        self.used: dict[str, set[int] | None] = {}  # tag -> indexes taken by a field (ALL: every one)

    def add(self, tag: str, value: str) -> None:
        """Append a value under a tag (repeated tags keep every value)."""
        values = self.tags.get(tag)
        if values is None:
            self.tags[tag] = [value]
        else:
            values.append(value)

    def first(self, *tags: str, accept=None) -> str:
        """The first non-empty value of the first tag that has one; marks it used."""
        for tag in tags:
            values = self.tags.get(tag)
            if not values:
                continue
            for index, value in enumerate(values):
                if value and not value.isspace() and (accept is None or accept(value)):
                    used = self.used  # inlined marking: first() runs ~17 times per record
                    if tag not in used:
                        used[tag] = {index}
                    elif used[tag] is not ALL:
                        used[tag].add(index)
                    return value
        return ""

    def date(self, *tags: str) -> str:
        """The first value holding a year (marked used); it stays in leftovers too when it says more than
        the year ('1948/07//'), so the full date survives in extra."""
        value = self.first(*tags, accept=norm.year)
        if value and says_more(value):
            for tag in tags:
                values = self.tags.get(tag)
                taken = self.used.get(tag)
                if values and taken and taken is not ALL and value in values:
                    taken.discard(values.index(value))
                    if not taken:
                        del self.used[tag]
                    break
        return value

    def every(self, *tags: str) -> list[str]:
        """Every value of these tags, in tag order; marks them used."""
        found: list[str] = []
        for tag in tags:
            values = self.tags.get(tag)
            if values:
                self.used[tag] = ALL
                found += [v for v in values if v and not v.isspace()]
        return found

    def leftovers(self) -> dict[str, list[str]]:
        """Every value no field took, by tag: nothing is lost."""
        extra: dict[str, list[str]] = {}
        used = self.used
        for tag, values in self.tags.items():
            taken = used.get(tag, values)  # values itself stands for "not used": no other object is it
            if taken is values:
                if len(values) == 1:  # most tags have one value: no list comprehension for it
                    value = values[0]
                    if value and not value.isspace():
                        extra[tag] = values
                    continue
                rest = [v for v in values if v and not v.isspace()]
            elif taken is ALL or len(values) == 1:
                continue  # a used tag with one value: that value was taken
            else:
                rest = [v for i, v in enumerate(values) if i not in taken and v and not v.isspace()]
            if rest:
                extra[tag] = rest
        return extra


def empty_record() -> dict[str, Any]:
    """A record dict with every field present and empty."""
    record: dict[str, Any] = {name: "" for name in FIELDS}
    record.update(authors=[], keywords=[], extra={}, year=None)
    return record


def finish(record: dict[str, Any]) -> dict[str, Any]:
    """Clean the display fields of a record built by a reader (markup, placeholders, spacing)."""
    record["title"] = norm.drop_placeholder(norm.clean_field(record["title"]))
    record["abstract"] = norm.drop_placeholder(norm.clean_text(record["abstract"]))
    for name in ("journal", "journal_abbrev", "volume", "issue", "language", "pub_type", "source_id"):
        record[name] = norm.clean_field(record[name])
    record["url"] = (record["url"] or "").strip()
    return record


def missing_title_warnings(records: list[dict[str, Any]], lines: list[int]) -> list[Worded]:
    """One warning naming the records (and lines) that have no title."""
    return untitled_warning([(i + 1, line) for i, (rec, line) in enumerate(zip(records, lines)) if not rec["title"]])


def untitled_warning(missing: list[tuple[int, int]]) -> list[Worded]:
    """The warning for (record number, line) pairs of records without a title (line 0: a format without lines)."""
    if not missing:
        return []
    values, shown = some([record_part(n, line) for n, line in missing])
    return [worded("import.warning.untitled", f"{len(missing)} record(s) without a title: {shown}", n=len(missing), **values)]


def outside_records(count: int, first: int, text: str) -> Worded:
    """The warning for lines outside any record (RIS, Web of Science), naming the first of them."""
    text = text.strip()[:60]
    return worded("import.warning.outside_records", f"{count} line(s) outside records were ignored "
                  f"(first: line {first}: {text!r})", n=count, line=first, text=text)
