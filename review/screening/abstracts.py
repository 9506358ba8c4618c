"""Structured abstracts (BACKGROUND: ... METHODS: ...) cut into labelled paragraphs, keywords ordered for reading."""
from __future__ import annotations

import re
from typing import Any

# Headings that journals print in title case; any run of capitals ("MAIN OUTCOME MEASURES:") counts as well.
KNOWN_HEADINGS = (
    "background", "backgrounds", "objective", "objectives", "aim", "aims", "aims and objectives", "purpose",
    "introduction", "context", "importance", "rationale", "hypothesis", "method", "methods", "methodology",
    "materials and methods", "methods and materials", "patients and methods", "design", "study design",
    "setting", "settings", "participants", "patients", "population", "intervention", "interventions",
    "main outcome measures", "outcome measures", "outcomes", "measurements", "exposure", "exposures",
    "data sources", "study selection", "data extraction", "data synthesis", "eligibility criteria",
    "evidence acquisition", "evidence synthesis", "review methods", "search methods", "selection criteria",
    "data collection and analysis", "analysis", "results", "result", "findings", "main results",
    "conclusion", "conclusions", "authors' conclusions", "discussion", "interpretation", "limitations",
    "implications", "implications for practice", "relevance", "significance", "trial registration",
    "registration", "funding", "keywords", "clinical trial registration",
    # Norwegian
    "bakgrunn", "hensikt", "formål", "mål", "metode", "metoder", "materiale og metode", "resultat",
    "resultater", "konklusjon", "fortolkning", "tolkning", "diskusjon",
)
_CAPS = r"[A-ZÆØÅÄÖÜÉ][A-ZÆØÅÄÖÜÉ'’ /&,-]{2,48}"
_KNOWN = "|".join(re.escape(h) for h in sorted(KNOWN_HEADINGS, key=len, reverse=True))
# A heading starts the text or follows the end of a sentence (or a line break) and ends in a colon.
HEADING = re.compile(rf"(?:^|(?<=[.!?)\]])\s+|\n\s*)(?P<label>{_CAPS}|(?i:{_KNOWN})):\s*")
KEYWORDS_SHOWN = 12


def sections(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of each paragraph of a structured abstract; one unlabelled paragraph otherwise."""
    text = text or ""
    found = [m for m in HEADING.finditer(text) if _is_heading(m.group("label"))]
    if not found or (len(found) < 2 and found[0].start() > 0):
        return [("", 0, len(text))] if text.strip() else []
    parts = []
    if text[:found[0].start()].strip():
        parts.append(("", 0, found[0].start()))
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        parts.append((match.group("label").strip(), match.end(), end))
    return parts


def _is_heading(label: str) -> bool:
    words = label.strip()
    if words.lower() in KNOWN_HEADINGS:
        return True
    # a run of capitals: at least one real word of four letters, so "CI:" or "HR:" in a sentence stays text
    return words.isupper() and any(len(w) >= 4 for w in re.findall(r"\w+", words))


def marked_sections(text: str, marked: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The abstract's paragraphs, each with its label and its highlighted pieces (cut from `marked`)."""
    return [{"label": label, "marked": slice_segments(marked, start, end)} for label, start, end in sections(text)]


def slice_segments(marked: list[tuple[str, str]], start: int, end: int) -> list[tuple[str, str]]:
    """The pieces of `marked` that cover text[start:end], stripped of surrounding white space."""
    out, cursor = [], 0
    for piece, kind in marked:
        lo, hi = max(start, cursor), min(end, cursor + len(piece))
        if lo < hi:
            out.append((piece[lo - cursor:hi - cursor], kind))
        cursor += len(piece)
    if out:
        out[0] = (out[0][0].lstrip(), out[0][1])
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return [p for p in out if p[0]]


def highlighted_first(keywords: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """Keywords with inclusion terms first, then exclusion terms, then the rest, each group in its own order."""
    def rank(segs: list[tuple[str, str]]) -> int:
        kinds = {kind for _, kind in segs}
        return 0 if "inc" in kinds else 1 if "exc" in kinds else 2
    return sorted(keywords, key=rank)
