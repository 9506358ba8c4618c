"""Readers for the labelled deduplication benchmarks in ../shared/data/dedup (read in place)."""
from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dedup"
# 'Adeli K.Lewis G. F.': family names followed by initials, with no separator between authors
PACKED_AUTHOR = re.compile(r"\s*(.+?(?:\s(?:[A-Z][a-z]?\.|[A-Z]{1,3}\b)-?)+)")


@dataclass
class BenchSet:
    """One labelled set: records (Sil's record dicts, source_id = the label id) and the truth."""

    name: str
    records: list[dict]
    groups: list[set[str]] = field(default_factory=list)  # true duplicate groups (size >= 2)
    flagged: set[str] | None = None  # membership labels only (every member of a set flagged)


def _na(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value in ("NA", "nan") else value


def _pages(text: str) -> tuple[str, str]:
    text = _na(text).replace("--", "-")
    start, _, end = text.partition("-")
    return start.strip(), end.strip()


def _year(text: str) -> int | None:
    found = re.search(r"\d{4}", text or "")
    return int(found.group(0)) if found else None


def _record(source_id: str, title: str, authors: list[str], year: str, journal: str, volume: str,
            number: str, pages: str, doi: str = "", abstract: str = "", issn: str = "", pub_type: str = "") -> dict:
    start, end = _pages(pages)
    return {"source_id": source_id, "title": _na(title), "authors": authors, "year": _year(year),
            "journal": _na(journal), "volume": _na(volume), "issue": _na(number), "pages_start": start,
            "pages_end": end, "doi": _na(doi), "abstract": _na(abstract), "issn": _na(issn).split("\n")[0],
            "pub_type": pub_type}


def read_groups(path: Path) -> list[set[str]]:
    with path.open(encoding="utf-8") as f:
        return [set(row["merged_ids"].split(";")) for row in csv.DictReader(f)]


def load_diabetes() -> BenchSet:
    folder = DATA / "asysd_diabetes"
    with (folder / "labelled_test_set.csv").open(encoding="cp1252") as f:
        rows = list(csv.DictReader(f))
    records = [_record(f"id_{int(r['record_id']):07d}", r["title"], PACKED_AUTHOR.findall(_na(r["author"])),
                       r["year"], r["journal"], r["volume"], r["number"], r["pages"], r["doi"], r["abstract"],
                       r["isbn"]) for r in rows]
    return BenchSet("asysd_diabetes", records, read_groups(folder / "merged_record_ids.csv"))


def load_bibtex_csv(name: str) -> BenchSet:
    """The sets bib-dedupe ships as records_pre_merged.csv (authors joined with ' and ')."""
    folder = DATA / name
    with (folder / "records_pre_merged.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    records = []
    for r in rows:
        authors = [a.strip() for a in _na(r.get("author")).split(" and ") if a.strip()]
        venue = _na(r.get("journal")) or _na(r.get("booktitle"))
        pub_type = "conference paper" if r.get("ENTRYTYPE") == "inproceedings" else ""
        records.append(_record(r["ID"], r.get("title", ""), authors, r.get("year", ""), venue, r.get("volume", ""),
                               r.get("number") or r.get("issue") or "", r.get("pages", ""), r.get("doi", ""),
                               r.get("abstract", ""), pub_type=pub_type))
    return BenchSet(name, records, read_groups(folder / "merged_record_ids.csv"))


def _text(node: ET.Element | None) -> str:
    return "".join(node.itertext()).strip() if node is not None else ""


def load_endnote_xml(name: str, file_name: str) -> BenchSet:
    """Forbes et al.: EndNote XML where every member of a duplicate set has the caption 'Duplicate'."""
    root = ET.parse(DATA / name / file_name).getroot()
    records, flagged = [], set()
    for n, rec in enumerate(root.iter("record"), start=1):
        source_id = f"id_{n:07d}"
        if _text(rec.find("caption")).lower() == "duplicate":
            flagged.add(source_id)
        authors = [_text(a) for a in rec.findall("contributors/authors/author")]
        records.append(_record(source_id, _text(rec.find("titles/title")), authors, _text(rec.find("dates/year")),
                               _text(rec.find("titles/secondary-title")), _text(rec.find("volume")),
                               _text(rec.find("number")), _text(rec.find("pages")),
                               _text(rec.find("electronic-resource-num")), _text(rec.find("abstract")),
                               _text(rec.find("isbn")), _text(rec.find("work-type"))))
    return BenchSet(name, records, flagged=flagged)


def load_all() -> list[BenchSet]:
    """Every set that has records, smallest first."""
    sets = [load_bibtex_csv("bibdedupe_special_cases"), load_diabetes()]
    sets += [load_bibtex_csv(f"rathbone2015_{n}") for n in ("cytology_screening", "haematology", "respiratory")]
    sets += [load_endnote_xml("forbes2024_copper", "copper.xml"),
             load_endnote_xml("forbes2024_tafenoquine", "tafenoquine.xml")]
    return sets
