"""What the screening page shows of one record: its text with inclusion and exclusion terms highlighted
(word forms in English and Norwegian), the full-text status and my own decision only."""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import snowballstemmer

from review.screening.abstracts import KEYWORDS_SHOWN, highlighted_first, marked_sections
from review.screening.access import require_screener
from review.screening.decisions import my_decision
from review.screening.fulltext import fulltext_status
from review.store import NotFound

WORD = re.compile(r"\w+", re.UNICODE)
_STEMMERS = {lang: snowballstemmer.stemmer(lang) for lang in ("english", "norwegian")}


@lru_cache(maxsize=50_000)
def stems(word: str) -> frozenset[str]:
    """The English and Norwegian stems of a lower-case word."""
    return frozenset(s.stemWord(word) for s in _STEMMERS.values())


def parse_terms(text: str) -> list[tuple[str, ...]]:
    """Terms from a setting: separated by commas, semicolons or lines; a term may have several words and end in *."""
    terms = []
    for part in re.split(r"[,;\n]", text or ""):
        words = tuple(w.lower() for w in re.findall(r"[\w*]+", part))
        if words:
            terms.append(words)
    return terms


def segments(text: str, include: Iterable[tuple[str, ...]], exclude: Iterable[tuple[str, ...]]) -> list[tuple[str, str]]:
    """The text cut into (piece, kind) with kind 'inc', 'exc' or '' for plain text; joined, the pieces give the text."""
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text or "")]
    by_prefix: dict[str, list[int]] = {}
    for i, (_, _, word) in enumerate(words):
        by_prefix.setdefault(word[:3], []).append(i)
    marks: list[str] = [""] * len(words)
    for kind, terms in (("exc", list(exclude)), ("inc", list(include))):
        for term in terms:
            _mark(words, by_prefix, marks, term, kind)
    pieces, cursor = [], 0
    for (start, end, _), kind in zip(words, marks):
        if not kind:
            continue
        if start > cursor:
            pieces.append((text[cursor:start], ""))
        pieces.append((text[start:end], kind))
        cursor = end
    if cursor < len(text or ""):
        pieces.append((text[cursor:], ""))
    return _merge(pieces)


def _mark(words: list[tuple[int, int, str]], by_prefix: dict[str, list[int]], marks: list[str],
          term: tuple[str, ...], kind: str) -> None:
    # Only words sharing the first three letters of the term's first word can start a match.
    head = term[0].rstrip("*")
    if len(head) >= 3:
        starts = by_prefix.get(head[:3], [])
    else:
        starts = [i for key, found in by_prefix.items() if key.startswith(head) for i in found]
    n = len(term)
    for i in starts:
        if i + n <= len(words) and all(_matches(words[i + k][2], term[k]) for k in range(n)):
            for k in range(n):
                marks[i + k] = marks[i + k] or kind


def _matches(word: str, pattern: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1]) and len(pattern) > 1
    # Stems start like their word, so a cheap prefix test spares stemming most words of an abstract.
    if word[:3] != pattern[:3]:
        return False
    if word == pattern:
        return True
    return any(_close(a, b) for a in stems(word) for b in stems(pattern))


def _close(a: str, b: str) -> bool:
    # Same stem, or one a short extension of the other: Norwegian stems plural forms further than the
    # singular ("sykepleiere" -> "sykeplei", "sykepleier" -> "sykepleier").
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 4 and len(long) - len(short) <= 2 and long.startswith(short))


def _merge(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    merged: list[tuple[str, str]] = []
    for piece, kind in pieces:
        if merged and merged[-1][1] == kind:
            merged[-1] = (merged[-1][0] + piece, kind)
        elif merged and kind and merged[-1][1] == "" and not merged[-1][0].strip() and len(merged) > 1 and merged[-2][1] == kind:
            merged[-2] = (merged[-2][0] + merged[-1][0] + piece, kind)
            merged.pop()
        else:
            merged.append((piece, kind))
    return merged


def record_for_screening(conn: sqlite3.Connection, project_id: int, user_id: int, record_id: int,
                         stage: int) -> dict[str, Any]:
    """A record as a screener sees it: text, highlights, own decision, full-text status; never others' decisions."""
    require_screener(conn, project_id, user_id)
    row = conn.execute(
        """SELECT r.id, r.title, r.abstract, r.authors, r.year, r.journal, r.keywords, r.doi, r.pmid, r.url
           FROM records r JOIN screenable_records v ON v.record_id = r.id AND v.project_id = r.project_id
           WHERE r.project_id = ? AND r.id = ?""", (project_id, record_id)).fetchone()
    if row is None:
        raise NotFound(f"record {record_id} is not screened in this project", "error.screening.record_not_screened")
    terms = conn.execute("SELECT highlight_include, highlight_exclude FROM projects WHERE id = ?", (project_id,)).fetchone()
    include, exclude = parse_terms(terms["highlight_include"]), parse_terms(terms["highlight_exclude"])
    keywords = json.loads(row["keywords"])
    abstract_marked = segments(row["abstract"], include, exclude)
    return {
        "id": row["id"], "stage": stage, "year": row["year"], "journal": row["journal"], "doi": row["doi"],
        "pmid": row["pmid"], "url": row["url"], "authors": json.loads(row["authors"]),
        "title": row["title"], "abstract": row["abstract"], "keywords": keywords,
        "title_marked": segments(row["title"], include, exclude),
        "abstract_marked": abstract_marked,
        "abstract_sections": marked_sections(row["abstract"], abstract_marked),
        "keywords_marked": highlighted_first([segments(k, include, exclude) for k in keywords]),
        "keywords_shown": KEYWORDS_SHOWN,
        "mine": my_decision(conn, project_id, user_id, record_id, stage),
        "fulltext": fulltext_status(conn, project_id, user_id, record_id) if stage == 2 else None,
    }
