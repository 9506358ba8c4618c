"""Bytes to text: BOMs, strict UTF-8, then a scored guess between legacy 8-bit encodings."""
from __future__ import annotations

import codecs
import re

from imports.wording import Worded, worded

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY = ("cp1252", "mac_roman")
# Letters that legacy-encoded European text plausibly contains; mojibake scores low on these.
PLAUSIBLE = set("áàâäãåæçéèêëíìîïñóòôöõøúùûüýÿßÁÀÂÄÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝœŒ–—‘’“”…«»°±µ§·")
LINE_ENDS = re.compile(r"\r\n?")


def decode(data: bytes) -> tuple[str, str, list[Worded]]:
    """Decode a file's bytes; return (text with LF line ends, encoding name, warnings)."""
    for bom, name in BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            return normalise_newlines(text.lstrip("\ufeff")), name_of(name, bom), _replaced(text)
    if _looks_utf16(data):
        name = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text = data.decode(name, errors="replace")
        return normalise_newlines(text), name, _replaced(text)
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError as exc:
        bad_line = data.count(b"\n", 0, exc.start) + 1
    name = guess_legacy(data)
    warning = worded("import.warning.not_utf8", f"line {bad_line}: the file is not UTF-8; it was read as {name} "
                     "(a guess). Check names with accents, or export the file again as UTF-8.", line=bad_line, encoding=name)
    return normalise_newlines(data.decode(name, errors="replace")), name, [warning]


def name_of(codec: str, bom: bytes) -> str:
    """A readable encoding name for the search log."""
    if codec == "utf-8-sig":
        return "utf-8 (BOM)"
    order = "le" if bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE) else "be"
    return f"{codec}-{order} (BOM)"


def guess_legacy(data: bytes) -> str:
    """Pick the 8-bit encoding whose reading of the high bytes looks most like letters."""
    high = bytes(b for b in data if b >= 0x80)
    scores = {}
    for name in LEGACY:
        text = high.decode(name, errors="replace")
        scores[name] = sum(ch in PLAUSIBLE for ch in text) - 2 * sum(not ch.isprintable() for ch in text)
    return max(LEGACY, key=lambda n: scores[n])


def normalise_newlines(text: str) -> str:
    """CRLF and bare CR become LF; BOMs of concatenated exports go; U+2028 stays (we never use splitlines)."""
    if "\r" in text:
        text = LINE_ENDS.sub("\n", text)
    if "\n\ufeff" in text:
        text = text.replace("\n\ufeff", "\n")
    return text


def _looks_utf16(data: bytes) -> bool:
    sample = data[:200]
    return len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 3


def _replaced(text: str) -> list[Worded]:
    if "\ufffd" in text:
        return [worded("import.warning.replaced_bytes", "some bytes could not be decoded and were replaced by \ufffd")]
    return []
