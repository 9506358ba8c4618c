"""The RIS type (TY) for a record, from whatever its source called its type.

Sources name types in many ways: RIS codes, Web of Science PT letters and DT names, BibTeX entry types,
MEDLINE and Scopus type names, EndNote reference types. An export writes GEN only when none of them
says what the record is.
"""
from __future__ import annotations

import re
from typing import Any

TYPE_CODE = re.compile(r"^[A-Z]{2,6}$")
RIS_CODES = {"ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "BLOG", "BOOK", "CASE", "CHAP", "CHART", "CLSWK",
             "COMP", "CONF", "CPAPER", "CTLG", "DATA", "DBASE", "DICT", "EBOOK", "ECHAP", "EDBOOK", "EJOUR",
             "ELEC", "ENCYC", "EQUA", "FIGURE", "GEN", "GOVDOC", "GRANT", "HEAR", "ICOMM", "INPR", "JFULL",
             "JOUR", "LEGAL", "MANSCPT", "MAP", "MGZN", "MPCT", "MULTI", "MUSIC", "NEWS", "PAMP", "PAT", "PCOMM",
             "RPRT", "SER", "SLIDE", "SOUND", "STAND", "STAT", "THES", "UNBILL", "UNPB", "VIDEO", "WEB"}
WOS_PT = {"J": "JOUR", "B": "BOOK", "S": "SER", "P": "PAT", "C": "CPAPER"}
# Lower-case names (or their first word group) -> code; a name is looked up whole, then without plural 's'.
NAMES = {
    "journal article": "JOUR", "journal paper": "JOUR", "article": "JOUR", "review": "JOUR", "systematic review": "JOUR",
    "cochrane review": "JOUR", "letter": "JOUR", "editorial": "JOUR", "editorial material": "JOUR",
    "note": "JOUR", "erratum": "JOUR", "short survey": "JOUR", "data paper": "JOUR", "comment": "JOUR",
    "early access": "JOUR", "article in press": "JOUR", "published erratum": "JOUR",
    "conference abstract": "ABST", "case reports": "JOUR", "randomized controlled trial": "JOUR",
    "clinical trial": "JOUR", "meta-analysis": "JOUR", "research support": "JOUR", "electronic article": "EJOUR",
    "magazine article": "MGZN", "newspaper article": "NEWS", "meeting abstract": "ABST", "abstract": "ABST",
    "conference paper": "CPAPER", "proceedings paper": "CPAPER", "inproceedings": "CPAPER",
    "conference": "CPAPER", "conference review": "CPAPER", "conference proceedings": "CONF",
    "proceedings": "CONF", "book": "BOOK", "edited book": "EDBOOK", "book chapter": "CHAP", "chapter": "CHAP",
    "book section": "CHAP", "incollection": "CHAP", "inbook": "CHAP", "thesis": "THES", "phdthesis": "THES",
    "mastersthesis": "THES", "dissertation": "THES", "doctoral thesis": "THES", "report": "RPRT",
    "techreport": "RPRT", "technical report": "RPRT", "government document": "GOVDOC", "patent": "PAT",
    "web page": "ELEC", "online": "ELEC", "electronic resource": "ELEC", "dataset": "DATA",
    "unpublished": "UNPB", "unpublished work": "UNPB", "preprint": "UNPB", "manual": "RPRT",
    "standard": "STAND", "booklet": "PAMP", "generic": "GEN", "misc": "GEN",
}
# EndNote's numbered reference types, as EndNote XML writes them.
ENDNOTE_NUMBERS = {"17": "JOUR", "6": "BOOK", "5": "CHAP", "32": "THES", "27": "RPRT", "25": "PAT",
                   "47": "CPAPER", "10": "CONF", "12": "ELEC", "43": "EJOUR", "13": "GEN", "28": "EDBOOK"}
# Where else a record may say its type (extra keys), tried after pub_type.
TYPE_KEYS = ("TY", "PT", "DT", "entry-type", "type", "document_type", "ref-type", "Document Type")


def code_for(name: str) -> str:
    """The RIS code one type name stands for ('' when unknown): 'Article; Proceedings Paper' -> JOUR."""
    text = (name or "").strip()
    if text in RIS_CODES:
        return text
    if text in WOS_PT:
        return WOS_PT[text]
    if text in ENDNOTE_NUMBERS:
        return ENDNOTE_NUMBERS[text]
    for piece in re.split(r"[;|]", text):
        key = piece.strip().lower()
        for candidate in (key, key.rstrip("s"), key.split(",")[0].strip()):
            if candidate in NAMES:
                return NAMES[candidate]
    return text if TYPE_CODE.match(text) else ""  # a code Sil does not know, as the source wrote it


def type_code(record: dict[str, Any] | str) -> str:
    """A record's RIS type: its pub_type, else what its extra fields say of its type; GEN when unknown."""
    if isinstance(record, str):
        return code_for(record) or "GEN"
    found = code_for(record.get("pub_type") or "")
    if found and found != "GEN":
        return found
    extra = record.get("extra") or {}
    for key in TYPE_KEYS:
        for value in extra.get(key) or ():
            code = code_for(value)
            if code and code != "GEN":
                return code
    return found or "GEN"
