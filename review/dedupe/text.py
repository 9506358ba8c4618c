"""Text folding for duplicate keys: lower-case ASCII without accents, markup or the notes databases append."""
from __future__ import annotations

import html
import re
import unicodedata

GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa",
         "λ": "lambda", "μ": "mu", "π": "pi", "σ": "sigma", "τ": "tau", "ω": "omega"}

# letters NFKD does not take apart (Norwegian, Danish, German, Polish, ...)
GREEK.update({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d"})
GREEK_TABLE = str.maketrans(GREEK)

# Notes after the title (possibly cut off by the export): MEDLINE's '[Review] [12 refs]', '[Erratum
# appears in ...]', '[Comment]', a language in brackets.
ANNOTATION = re.compile(r"(?<=\S)\s*\.?\s*\[(erratum|comment|review|see|retraction|retracted|published|corrected|"
                        r"update|\d+ refs|[a-z]+\])[^\]]*(\]|$).*$")

# MEDLINE marks a word fixed by an erratum inside the title: only the mark goes, the rest is title
CORRECTED_MARK = re.compile(r"\s*\[corrected\]")

TAG = re.compile(r"<[^>]{0,40}>")

def fold(text: str) -> str:
    """Lower-case ASCII text without accents, markup or entities, Greek letters spelt out."""
    if "<" in text or "&" in text:
        text = html.unescape(TAG.sub(" ", text))
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(GREEK_TABLE))
    return "".join(ch for ch in text if not unicodedata.combining(ch))

def strip_annotations(title: str) -> str:
    """A title without the notes databases append ('[Review] [45 refs]', '[Erratum appears in ...')."""
    title = fold(title)
    if "[corrected]" in title:
        title = CORRECTED_MARK.sub("", title)
    return ANNOTATION.sub("", title).strip() if "[" in title else title.strip()
