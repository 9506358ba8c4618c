"""Records as table rows (CSV/XLSX) for checking an import: one row per record, normalised fields."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

RECORD_COLUMNS = ("record_id", "search_id", "database", "source_id", "title", "abstract", "authors", "year",
                  "journal", "journal_abbrev", "volume", "issue", "pages", "doi", "pmid", "issn", "keywords",
                  "language", "pub_type", "url", "removed_duplicate_of")


def pages_text(start: str, end: str) -> str:
    """'123', '129' -> '123-129'; one page alone as it is."""
    return f"{start}-{end}" if start and end else start or end or ""


def record_rows(records: Iterable[dict[str, Any]], databases: dict[int, str] | None = None,
                duplicates: dict[int, int] | None = None) -> Iterator[list[Any]]:
    """Rows in RECORD_COLUMNS order; lists joined with '; ', the database named by the record's search, and
    for a duplicate removed from screening the id of the record kept in its place (duplicates)."""
    databases, duplicates = databases or {}, duplicates or {}
    for r in records:
        yield [r["id"], r["search_id"], databases.get(r["search_id"], ""), r["source_id"], r["title"],
               r["abstract"], "; ".join(r["authors"]), "" if r["year"] is None else r["year"], r["journal"],
               r["journal_abbrev"], r["volume"], r["issue"], pages_text(r["pages_start"], r["pages_end"]),
               r["doi"], r["pmid"], r["issn"], "; ".join(r["keywords"]), r["language"], r["pub_type"], r["url"],
               duplicates.get(r["id"], "")]
