"""EndNote XML (EndNote 15-2025, and the variant Mendeley writes: numeric ref-type, no <style> wrappers)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from imports import normalise as norm
from imports.errors import ImportFailure
from imports.tagged import Tagged, empty_record, finish, missing_title_warnings
from imports.wording import Worded

SPACE = re.compile(r"[ \t]*\n[ \t]*")
LEAF_WRAPPERS = {"style"}


def read(text: str, file_name: str) -> tuple[list[dict[str, Any]], list[Worded]]:
    """Parse EndNote XML text into record dicts and warnings."""
    # The stdlib parser does not fetch external entities; its expat refuses entity-expansion bombs.
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ImportFailure(file_name, line, f"the XML is broken ({exc.msg if hasattr(exc, 'msg') else exc}); "
                            "export the library again as EndNote XML",
                            key="error.import.xml_broken", problem=str(exc.msg if hasattr(exc, "msg") else exc)) from None
    tagged = [flatten(element, index) for index, element in enumerate(root.iter("record"), start=1)]
    if not tagged:
        raise ImportFailure(file_name, None, "the XML has no <record> elements; is it an EndNote XML export?",
                            key="error.import.xml_no_records")
    records = [to_record(item) for item in tagged]
    warnings = missing_title_warnings(records, [0] * len(records))
    return records, warnings


def flatten(record: ET.Element, index: int) -> Tagged:
    """One <record> as path -> values ('titles/title', 'contributors/authors/author', ...)."""
    item = Tagged(line=index, raw=ET.tostring(record, encoding="unicode"))
    ref_type = record.find("ref-type")
    if ref_type is not None:
        item.add("ref-type", ref_type.get("name") or (ref_type.text or "").strip())
    _walk(record, "", item)
    return item


def _walk(element: ET.Element, path: str, item: Tagged) -> None:
    for child in element:
        name = f"{path}/{child.tag}" if path else child.tag
        if child.tag == "ref-type":
            continue
        if len(child) and any(grand.tag not in LEAF_WRAPPERS for grand in child):
            _walk(child, name, item)
        else:
            # Pretty-printed files indent values; &#xD; paragraph breaks arrive as \r and are kept.
            value = SPACE.sub(" ", "".join(child.itertext())).strip()
            if value:
                item.add(name, value.replace("\r", "\n"))


def to_record(item: Tagged) -> dict[str, Any]:
    """Map EndNote XML paths to Sil's fields."""
    r = empty_record()
    r["pub_type"] = item.first("ref-type")
    r["title"] = item.first("titles/title")
    r["abstract"] = item.first("abstract")
    r["authors"] = norm.authors(item.every("contributors/authors/author"))
    r["year"] = norm.year(item.date("dates/year", "dates/pub-dates/date"))
    r["journal"] = item.first("periodical/full-title", "titles/secondary-title", "alt-periodical/full-title")
    r["journal_abbrev"] = item.first("periodical/abbr-1", "titles/alt-title", "alt-periodical/abbr-1")
    r["volume"] = item.first("volume")
    r["issue"] = item.first("number", "issue")
    r["pages_start"], r["pages_end"] = norm.pages(item.first("pages"))
    r["doi"] = norm.doi(item.first("electronic-resource-num", "urls/related-urls/url", accept=norm.doi))
    r["issn"] = norm.issn(item.first("isbn"))
    r["keywords"] = norm.keywords(item.every("keywords/keyword"))
    r["language"] = item.first("language")
    r["url"] = item.first("urls/related-urls/url", "urls/web-urls/url")
    accession = item.first("accession-num")
    r["pmid"] = norm.pmid(accession) if accession.strip().isdigit() else ""
    r["source_id"] = accession or item.first("rec-number")
    r["extra"] = item.leftovers()
    r["raw"] = item.raw
    return finish(r)
