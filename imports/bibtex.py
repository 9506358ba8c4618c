"""BibTeX exports (Scopus, Web of Science), parsed with bibtexparser; LaTeX accents decoded for display."""
from __future__ import annotations

from typing import Any

import bibtexparser

from imports import accounting
from imports import bibtex_values as values
from imports import normalise as norm
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings
from imports.wording import Worded, joined, text_of, worded

VERBATIM = {"url", "doi", "link", "unique-id", "issn", "eissn"}


def read(text: str, file_name: str, skip_broken: bool = False) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Parse BibTeX text into record dicts and warnings. A broken entry fails the file, naming the entry,
    its line and why; with skip_broken the other entries are imported and the broken ones listed in a warning."""
    try:
        with values.parser_messages() as messages:
            library = bibtexparser.parse_string(text, parse_stack=[])
    except Exception as exc:  # the parser's own errors are not typed; any of them means "cannot read"
        raise ImportFailure(file_name, None, f"the BibTeX could not be parsed ({type(exc).__name__}: {exc})",
                            key="error.import.bibtex_unparsable", problem=f"{type(exc).__name__}: {exc}") from None
    macros = values.macro_table(library.strings)
    entries = list(library.entries)
    warnings, broken = [], []
    for block in library.failed_blocks:
        recovered = getattr(block, "ignore_error_block", None)
        if recovered is not None and hasattr(recovered, "fields"):
            entries.append(recovered)
            warnings.append(_recovered(block))
        else:
            entry, line, reason = values.entry_name(block), block.start_line + 1, values.failure_reason(block, messages)
            broken.append(worded("import.part.broken_entry", f"{text_of(entry)} (line {line}): {text_of(reason)}",
                                 entry=entry, line=line, reason=reason))
    entries.sort(key=lambda e: e.start_line)
    if broken and not skip_broken:
        first_line = min(b.start_line for b in library.failed_blocks if not hasattr(
            getattr(b, "ignore_error_block", None), "fields")) + 1
        raise ImportFailure(file_name, first_line, f"{len(broken)} BibTeX entr{'y is' if len(broken) == 1 else 'ies are'} "
                            f"broken: {joined(broken[:10], '; ')}. Fix {'it' if len(broken) == 1 else 'them'}, or import "
                            f"with 'skip broken entries' (--skip-broken) to import the other {len(entries)} and list "
                            "the broken ones in the search's warnings",
                            key="error.import.bibtex_broken_entries", n=len(broken), entries=joined(broken[:10], "; "),
                            others=len(entries))
    if broken:
        warnings.append(worded("import.warning.bibtex_skipped", f"{len(broken)} broken BibTeX "
                               f"entr{'y was' if len(broken) == 1 else 'ies were'} skipped (skip broken entries was "
                               f"chosen): {joined(broken, '; ')}", n=len(broken), entries=broken))
    if not entries:
        raise ImportFailure(file_name, None, "no BibTeX entries found" + (" that could be read" if broken else ""),
                            key="error.import.bibtex_none")
    warnings += accounting.check("bibtex", text, len(entries), skipped=len(broken))
    tagged = [_tagged(entry, macros) for entry in entries]
    records = [to_record(item) for item in tagged]
    return records, warnings + missing_title_warnings(records, [t.line for t in tagged])


def _recovered(block) -> Worded:
    """The warning for an entry bibtexparser kept despite a repeated field or key."""
    entry, line = values.entry_name(block), block.start_line + 1
    if "Field" in type(block).__name__:
        return worded("import.warning.bibtex_repeated_field", f"line {line}: {text_of(entry)} repeats a field; it was "
                      "kept with every value", line=line, entry=entry)
    return worded("import.warning.bibtex_repeated_key", f"line {line}: {text_of(entry)} repeats the key of an earlier "
                  "entry; it was kept with every value", line=line, entry=entry)


def _tagged(entry, macros: dict[str, str]) -> Tagged:
    item = Tagged(line=entry.start_line + 1, raw=entry.raw)
    item.add("entry-type", entry.entry_type)
    item.add("key", entry.key)
    for field in entry.fields:
        key = field.key.lower()
        value = values.expand(str(field.value), macros, key)
        item.add(key, values.verbatim(value) if key in VERBATIM else _decode(value))
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
    # BibTeX separates keywords with commas; Scopus and WoS write '; ' (then a comma is part of a keyword).
    r["keywords"] = norm.keywords([k for v in item.every("author_keywords", "keywords", "keywords-plus", "keyword")
                                   for k in (v.split(";") if ";" in v else v.split(","))])
    r["language"] = item.first("language")
    r["url"] = item.first("url")
    r["source_id"] = item.first("unique-id", "key")
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)
