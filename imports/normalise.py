"""Normalised values for display and matching; the raw text is kept elsewhere untouched."""
from __future__ import annotations

import html
import re
from urllib.parse import unquote

DOI_PREFIX = re.compile(r"^\s*(?:https?://)?(?:dx\.)?(?:doi\.org/|doi:\s*|doi\s+)", re.I)
DOI_SHAPE = re.compile(r"10\.\d{4,9}/[^\s&?#\"<>]+")
TAGS = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>]*)?/?>")
BLOCK_TAGS = re.compile(r"<\s*(?:br|/p|/AbstractText|/sec|/title)\s*/?>", re.I)
# Only what needs changing: two or more spaces, or a tab / no-break / thin space (with what follows).
SPACES = re.compile(r" [ \t\u00a0\u2009\u202f]+|[\t\u00a0\u2009\u202f][ \t\u00a0\u2009\u202f]*")
YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
COMPACT_DATE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?:0[1-9]|1[0-2])(?:[0-3]\d)?(?!\d)")  # 20170812
PAGE_RANGE = re.compile(r"^\s*([A-Za-z]*\d+[A-Za-z]*)\s*[-\u2010-\u2015\u2212]+\s*([A-Za-z]*\d+[A-Za-z]*)\s*$")
PMID = re.compile(r"^\s*(\d{1,9})\b")
# Words that make a name without a comma a corporate author ("World Health Organization"), kept as written.
CORPORATE = re.compile(
    r"\b(?:organi[sz]ations?|group|collaborat\w*|consortium|committee|association|society|institut\w*|council|"
    r"agency|network|team|investigators|trialists|department|ministry|university|universitet\w*|cent(?:re|er)|"
    r"foundation|office|board|commission|federation|programme|program|services?|authority|panel|alliance|trust|"
    r"union|working party|task force|academy|college|hospital|sykehus\w*|direktorat\w*|departement\w*|"
    r"tilsyn\w*|forbund\w*|statens|helse\w*|folkehelse\w*|on behalf of|writing|research|statisti\w*|"
    r"bureau|corporation|company|inc|ltd|limited|laboratory|library|project|initiative|partnership|forum|"
    r"registry|nations|national|international|european|ministr\w*|kommune|fylkeskommune|etat\w*)\b", re.I)
CONNECTORS = {"of", "for", "and", "the", "on", "in", "og", "i", "av"}  # "Ministry of Health"
ET_AL = re.compile(r"^\s*(?:et\.? al\.?|and others|\.\.\.|…)\s*$", re.I)  # not an author: the list goes on
ET_AL_MAX = 16
MARKUP_HINT = re.compile(r"<|&[#A-Za-z]")
PLACEHOLDERS = {"na", "n/a", "null", "none", "[no abstract available]", "no abstract available", "no title"}
PLACEHOLDER_MAX = max(map(len, PLACEHOLDERS))  # longer values are never lower-cased to be compared


def clean_text(value: str | None) -> str:
    """Text for display: HTML/JATS tags dropped, entities decoded, runs of spaces collapsed."""
    if not value:
        return ""
    if not _needs_cleaning(value):  # most values need nothing but trimming
        return value.strip()
    text = value
    if "<" in text or ("&" in text and MARKUP_HINT.search(text)):  # substring tests first: far cheaper
        if "<" in text:  # both patterns need one; "&amp;" alone goes straight to unescaping
            text = BLOCK_TAGS.sub("\n", text)
            text = TAGS.sub("", text)
        for _ in range(3):  # Cochrane escapes twice ("&amp;quot;"); display wants the character
            unescaped = html.unescape(text)
            if unescaped == text:
                break
            text = TAGS.sub("", unescaped) if "<" in unescaped and unescaped.count("<") > text.count("<") else unescaped
    if "\u2028" in text:
        text = text.replace("\u2028", "\n")
    if "  " in text or _has_odd_space(text):  # what SPACES can match; most abstracts have neither
        text = SPACES.sub(" ", text)
    lines = text.split("\n")
    return "\n".join(stripped for stripped in (line.strip() for line in lines) if stripped)


def clean_field(value: str | None) -> str:
    """A one-line field (title, journal): clean_text with line breaks folded to spaces."""
    if not value:
        return ""
    if not _needs_cleaning(value):  # the common case, without going through clean_text
        return value.strip()
    text = clean_text(value)
    return text.replace("\n", " ") if "\n" in text else text


def drop_placeholder(value: str) -> str:
    """'NA', 'No Title' and the like, written by tools for an empty field, become empty."""
    text = value.strip()
    return "" if len(text) <= PLACEHOLDER_MAX and text.lower() in PLACEHOLDERS else value


def doi(value: str | None) -> str:
    """A DOI in lower case without a URL or 'doi:' prefix; '' when the value holds none."""
    if not value:
        return ""
    text = html.unescape(value.strip())
    if "%2" in text:  # resolver links carry the DOI URL-encoded
        text = unquote(text)
    text = DOI_PREFIX.sub("", text)
    match = DOI_SHAPE.search(text)
    if not match:
        return ""
    return match.group(0).rstrip(".,;)]").lower()


def year(value: str | int | None) -> int | None:
    """The first plausible four-digit year in a date text ('2016///', '1975-1976//', 'Nov 2020')."""
    if value is None:
        return None
    if isinstance(value, int):
        return value if 1500 <= value <= 2100 else None
    match = YEAR.search(value) or COMPACT_DATE.search(value)
    return int(match.group(1)) if match else None


def pages(start: str | None, end: str | None = None) -> tuple[str, str]:
    """(start, end) with a range in one field split and an abbreviated end expanded: '123-9' -> 123, 129."""
    start, end = (start or "").strip(), (end or "").strip()
    if start and not end:
        match = PAGE_RANGE.match(start)
        if match:
            start, end = match.group(1), match.group(2)
    if start.lower() == "no" and end.lower() == "specified":  # Ovid's "No pagination specified"
        return "", ""
    if start.isdigit() and end.isdigit() and len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return start, end


def author(value: str) -> str:
    """One author as 'Family, Given': 'Smith JM' -> 'Smith, JM'; 'Shi,Yu ' -> 'Shi, Yu'."""
    name = (clean_field(value) if _needs_cleaning(value) else value).strip().strip(",;").strip()
    if not name:
        return ""
    if "," not in name and " " in name and (CORPORATE.search(name) or _organisation_words(name)):
        return name
    if "," in name:
        family, _, given = name.partition(",")
        given = given.strip()
        return f"{family.strip()}, {given}" if given else family.strip()
    parts = name.split()
    if len(parts) >= 2 and _initials(parts[-1]):
        return f"{' '.join(parts[:-1])}, {parts[-1]}"
    if len(parts) >= 2:
        return f"{parts[-1]}, {' '.join(parts[:-1])}"
    return name


def authors(values: list[str], split_on: str | None = None) -> list[str]:
    """A list of authors, each normalised; one field with every author is split on ';'."""
    found: list[str] = []
    for value in values:
        pieces = [value]
        if split_on and split_on in value:
            pieces = value.split(split_on)
        elif ";" in value:
            pieces = value.split(";")
        for piece in pieces:
            if len(piece) <= ET_AL_MAX and ET_AL.match(piece):  # the length test first: it runs for every author
                continue
            name = author(piece)
            if name:
                found.append(name)
    return found


def issn(value: str | None) -> str:
    """The first ISSN in a value ('0964-6906 (Print)0964-6906' -> '0964-6906'), upper-case X."""
    if not value:
        return ""
    match = re.search(r"(\d{4})-?(\d{3}[\dXx])", value)
    return f"{match.group(1)}-{match.group(2).upper()}" if match else value.strip()


def pmid(value: str | None) -> str:
    """The numeric PubMed id at the start of a value ('35957633 [PMID]' -> '35957633')."""
    if not value:
        return ""
    match = PMID.match(value)
    return match.group(1) if match else ""


def keywords(values: list[str]) -> list[str]:
    """Keywords cleaned, split on ';' where a tool put several in one value, duplicates dropped."""
    seen: dict[str, None] = {}
    plain = not _needs_cleaning("\x1f".join(values))  # one check for the common all-plain list
    for value in values:
        for piece in value.split(";") if ";" in value else (value,):
            word = piece.strip() if plain else clean_field(piece)
            if word:
                seen[word] = None
    return list(seen)


def _needs_cleaning(value: str) -> bool:
    """Whether clean_text has anything to do (substring tests are much cheaper than a regex scan)."""
    return ("<" in value or "&" in value or "\n" in value or "  " in value or "\t" in value
            or (not value.isascii() and ("\u2028" in value or _has_odd_space(value))))


def _has_odd_space(value: str) -> bool:
    """A tab, no-break, thin or narrow no-break space: what SPACES folds besides runs of spaces."""
    return "\t" in value or "\u00a0" in value or "\u2009" in value or "\u202f" in value


def _organisation_words(name: str) -> bool:
    """Three or more words joined by a lower-case 'of', 'for', 'and' ...: a body, not a person."""
    words = name.split()
    return len(words) >= 3 and any(w in CONNECTORS for w in words[1:-1])


def _initials(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return 0 < len(letters) <= 3 and letters.isupper()
