"""Which database and platform a record came from, as a person reads it next to the record: 'MEDLINE (PubMed)'
and 'MEDLINE (Ovid)' are one database searched on two platforms, and a reviewer comparing two records must
see which is which."""
from __future__ import annotations

import json
import re

# 'Ovid MEDLINE(R) <2023 to 2024>': the segments of the database a search ran on
SEGMENT = re.compile(r"\s*<[^>]*>\s*")
PLATFORMS = (("ovid", "Ovid"), ("ebsco", "EBSCOhost"), ("proquest", "ProQuest"), ("pubmed", "PubMed"),
             ("web of science", "Web of Science"), ("embase.com", "Embase.com"))


def record_database(extra: str | dict | None) -> str:
    """The database an export names inside the record (RIS 'DB'), without its date segments."""
    if isinstance(extra, str):
        try:
            extra = json.loads(extra or "{}")
        except ValueError:
            return ""
    values = (extra or {}).get("DB") or []
    value = values[0] if isinstance(values, list) and values else values if isinstance(values, str) else ""
    return SEGMENT.sub(" ", str(value)).strip()


def platform_of(platform: str, record_db: str, file_format: str, pmid: str = "") -> str:
    """The platform given with the search, else the one the record or the file's format shows."""
    if platform.strip():
        return platform.strip()
    lowered = record_db.lower()
    for word, name in PLATFORMS:
        if word in lowered:
            return name
    # PubMed writes MEDLINE's tagged format ('PMID- '; ERIC's records in that format have no PMID); Ovid and
    # EBSCO export RIS
    return "PubMed" if file_format == "medline" and pmid else ""


def source_label(database: str | None, platform: str | None, file_name: str | None, file_format: str | None = "",
                 record_db: str = "", pmid: str | None = "") -> str:
    """'MEDLINE (PubMed)', 'MEDLINE (Ovid)', 'Embase', or the file's name when nothing else is known."""
    database = (database or "").strip()
    platform = platform_of(platform or "", record_db, file_format or "", pmid or "")
    name = database or record_db or platform or (file_name or "")
    if platform and platform.lower() not in name.lower():
        return f"{name} ({platform})"
    return name
