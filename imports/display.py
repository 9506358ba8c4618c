"""Display-text exports that are meant for reading, not importing: recognised and refused with advice."""
from __future__ import annotations

import re

PUBMED_ABSTRACT = re.compile(r"^1\. [^\n]+\d{4}[^\n]*(?:doi|;|\.)", re.M)
OVID_DISPLAY = re.compile(r"^<\d+>\n", re.M)
PROQUEST_REPORT = re.compile(r"Report Information from ProQuest|^Document \d+ of \d+", re.M)

ADVICE = {
    "pubmed-abstract": ("this is PubMed's 'Abstract' display text, which cannot be imported reliably. "
                        "In PubMed choose Send to > Citation manager (or Save > Format: PubMed) and import that file"),
    "ovid-display": ("this is Ovid's 'Complete Reference' display text. In Ovid choose Export > Format: RIS "
                     "(with 'Complete Reference' fields) and import that file"),
    "proquest-report": ("this is a ProQuest text report. In ProQuest choose Cite/Export > RIS "
                        "and import that file"),
}


def recognise(head: str) -> str | None:
    """The display-text kind of a file's beginning, or None when it is not display text."""
    if PROQUEST_REPORT.search(head):
        return "proquest-report"
    stripped = head.lstrip()
    if OVID_DISPLAY.match(stripped) or (stripped.startswith("<1>\n")):
        return "ovid-display"
    if PUBMED_ABSTRACT.match(stripped) and "PMID:" in head:
        return "pubmed-abstract"
    return None
