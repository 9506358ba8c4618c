"""BibTeX exports (Scopus, Web of Science), parsed with bibtexparser; LaTeX accents decoded for display."""
from __future__ import annotations

from typing import Any

import bibtexparser

from imports import normalise as norm
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings


VERBATIM = {"url", "doi", "link", "unique-id", "issn", "eissn"}


def read(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse BibTeX text into record dicts and warnings; a broken entry fails the file, naming its line."""
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # the parser's own errors are not typed; any of them means "cannot read"
        raise ImportFailure(file_name, None, f"the BibTeX could not be parsed ({exc})",
                            key="error.import.bibtex_unparsable", problem=str(exc)) from None
    entries = list(library.entries)
    warnings = []
    for block in library.failed_blocks:
        recovered = getattr(block, "ignore_error_block", None)
        if recovered is not None and hasattr(recovered, "fields"):
            entries.append(recovered)
            warnings.append(f"line {block.start_line + 1}: an entry repeats a field; every value was kept")
        else:
            raise ImportFailure(file_name, block.start_line + 1, f"this BibTeX entry is broken ({block.error}); "
                                "fix it or export the records again",
                                key="error.import.bibtex_broken", problem=str(block.error))
    entries.sort(key=lambda e: e.start_line)
    if not entries:
        raise ImportFailure(file_name, None, "no BibTeX entries found",
                            key="error.import.bibtex_none")
    tagged = [_tagged(entry) for entry in entries]
    records = [to_record(item) for item in tagged]
    return records, warnings + missing_title_warnings(records, [t.line for t in tagged])


def _tagged(entry) -> Tagged:
    item = Tagged(line=entry.start_line + 1, raw=entry.raw)
    item.add("entry-type", entry.entry_type)
    item.add("key", entry.key)
    for field in entry.fields:
        key = field.key.lower()
        value = str(field.value)
        item.add(key, value if key in VERBATIM else _decode(value))
    return item


def _decode(value: str) -> str:
    """Braces and LaTeX escapes out ('{\\"o}' -> 'ö'); undecodable text is kept as written."""
    if "\\" not in value and "{" not in value and "$" not in value:
        return value
    try:
        from pylatexenc.latex2text import LatexNodes2Text

        return LatexNodes2Text(math_mode="verbatim").latex_to_text(value)
    except Exception:  # pylatexenc rejects some malformed input; the raw value is still worth keeping
        return value.replace("{", "").replace("}", "")


def to_record(item: Tagged) -> dict[str, Any]:
    """Map BibTeX fields (Scopus and WoS spellings) to Sil's fields."""
    r = empty_record()
    r["pub_type"] = item.first("document_type", "type", "entry-type")
    r["title"] = item.first("title")
    r["abstract"] = item.first("abstract")
    r["authors"] = norm.authors([a for v in item.every("author") for a in v.split(" and ")])
    r["year"] = norm.year(item.first("year", accept=norm.year))
    r["journal"] = item.first("journal", "booktitle")
    r["journal_abbrev"] = item.first("abbrev_source_title", "journal-iso")
    r["volume"] = item.first("volume")
    r["issue"] = item.first("number")
    r["pages_start"], r["pages_end"] = norm.pages(item.first("pages", "art_number", "article-number"))
    r["doi"] = norm.doi(item.first("doi", accept=norm.doi))
    r["pmid"] = norm.pmid(item.first("pubmed_id", "pmid"))
    r["issn"] = norm.issn(item.first("issn", "eissn"))
    r["keywords"] = norm.keywords(item.every("author_keywords", "keywords", "keywords-plus"))
    r["language"] = item.first("language")
    r["url"] = item.first("url")
    r["source_id"] = item.first("unique-id", "key")
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)
