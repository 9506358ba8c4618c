"""Shared pieces of the tagged formats: a parsed record of (tag, values) and the record dict."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from imports import normalise as norm

FIELDS = ("title", "abstract", "authors", "year", "journal", "journal_abbrev", "volume", "issue",
          "pages_start", "pages_end", "doi", "pmid", "issn", "keywords", "language", "pub_type", "url",
          "source_id", "extra", "raw")


@dataclass
class Tagged:
    """One record as the file wrote it: tags in file order with every value, its first line, its text."""

    line: int
    tags: dict[str, list[str]] = field(default_factory=dict)
    raw: str = ""
    used: set[tuple[str, int]] = field(default_factory=set)
    used_tags: set[str] = field(default_factory=set)

    def add(self, tag: str, value: str) -> None:
        """Append a value under a tag (repeated tags keep every value)."""
        self.tags.setdefault(tag, []).append(value)

    def first(self, *tags: str, accept=None) -> str:
        """The first non-empty value of the first tag that has one; marks it used."""
        for tag in tags:
            values = self.tags.get(tag)
            if not values:
                continue
            for index, value in enumerate(values):
                if value and not value.isspace() and (accept is None or accept(value)):
                    self.used.add((tag, index))
                    self.used_tags.add(tag)
                    return value
        return ""

    def every(self, *tags: str) -> list[str]:
        """Every value of these tags, in tag order; marks them used."""
        found = []
        for tag in tags:
            values = self.tags.get(tag)
            if values:
                self.used.update((tag, index) for index in range(len(values)))
                self.used_tags.add(tag)
                found.extend(v for v in values if v and not v.isspace())
        return found

    def leftovers(self) -> dict[str, list[str]]:
        """Every value no field took, by tag: nothing is lost."""
        extra: dict[str, list[str]] = {}
        used, used_tags = self.used, self.used_tags
        for tag, values in self.tags.items():
            if tag in used_tags:
                rest = [v for i, v in enumerate(values) if (tag, i) not in used and v and not v.isspace()]
            else:
                rest = [v for v in values if v and not v.isspace()]
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


def missing_title_warnings(records: list[dict[str, Any]], lines: list[int]) -> list[str]:
    """One warning naming the records (and lines) that have no title."""
    return untitled_warning([(i + 1, line) for i, (rec, line) in enumerate(zip(records, lines)) if not rec["title"]])


def untitled_warning(missing: list[tuple[int, int]]) -> list[str]:
    """The warning for (record number, line) pairs of records without a title."""
    if not missing:
        return []
    shown = ", ".join(f"record {n} (line {line})" if line else f"record {n}" for n, line in missing[:10])
    more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
    return [f"{len(missing)} record(s) without a title: {shown}{more}"]
