"""The PRISMA 2020 flow as plain values: the counts, the box texts in English, bokmål or nynorsk, the text alternative."""
from __future__ import annotations

from dataclasses import dataclass, field

Named = tuple[str, int]  # (a database, register, source or reason; its count)

LABELS = {
    "en": {
        "title": "PRISMA 2020 flow diagram",
        "main_column": "Identification of studies via databases and registers",
        "other_column": "Identification of studies via other methods",
        "identification": "Identification", "screening": "Screening", "included": "Included",
        "identified_from": "Records identified from:", "databases": "Databases", "registers": "Registers",
        "removed_before": "Records removed before screening:", "duplicates": "Duplicate records removed",
        "automation": "Records marked as ineligible by automation tools",
        "other_reasons": "Records removed for other reasons",
        "screened": "Records screened", "screen_excluded": "Records excluded",
        "sought": "Reports sought for retrieval", "not_retrieved": "Reports not retrieved",
        "assessed": "Reports assessed for eligibility", "excluded": "Reports excluded:",
        "studies_included": "Studies included in review", "reports_included": "Reports of included studies",
        "other_identified": "Records identified from:",
        "desc": "Flow of records through the review, with the number in each box.",
        "awaiting_screening": "Records awaiting screening", "awaiting_assessment": "Reports awaiting assessment",
        "in_progress": "In progress: screening is not finished",
    },
    "nb": {
        "title": "PRISMA 2020 flytdiagram",
        "main_column": "Identifisering av studier via databaser og registre",
        "other_column": "Identifisering av studier via andre metoder",
        "identification": "Identifisering", "screening": "Screening", "included": "Inkludert",
        "identified_from": "Poster identifisert fra:", "databases": "Databaser", "registers": "Registre",
        "removed_before": "Poster fjernet før screening:", "duplicates": "Dubletter fjernet",
        "automation": "Poster vurdert som ikke relevante av automatiske verktøy",
        "other_reasons": "Poster fjernet av andre grunner",
        "screened": "Poster screenet", "screen_excluded": "Poster ekskludert",
        "sought": "Rapporter forsøkt innhentet", "not_retrieved": "Rapporter ikke innhentet",
        "assessed": "Rapporter vurdert for inklusjon", "excluded": "Rapporter ekskludert:",
        "studies_included": "Studier inkludert i oversikten", "reports_included": "Rapporter fra inkluderte studier",
        "other_identified": "Poster identifisert fra:",
        "desc": "Hvordan postene gikk gjennom oversikten, med antallet i hver boks.",
        "awaiting_screening": "Poster som venter på screening", "awaiting_assessment": "Rapporter som venter på vurdering",
        "in_progress": "Pågår: screeningen er ikke ferdig",
    },
    "nn": {
        "title": "PRISMA 2020 flytdiagram",
        "main_column": "Identifisering av studiar via databasar og register",
        "other_column": "Identifisering av studiar via andre metodar",
        "identification": "Identifisering", "screening": "Screening", "included": "Inkludert",
        "identified_from": "Postar identifiserte frå:", "databases": "Databasar", "registers": "Register",
        "removed_before": "Postar fjerna før screening:", "duplicates": "Dublettar fjerna",
        "automation": "Postar vurderte som ikkje relevante av automatiske verktøy",
        "other_reasons": "Postar fjerna av andre grunnar",
        "screened": "Postar screena", "screen_excluded": "Postar ekskluderte",
        "sought": "Rapportar freista henta inn", "not_retrieved": "Rapportar ikkje henta inn",
        "assessed": "Rapportar vurderte for inklusjon", "excluded": "Rapportar ekskluderte:",
        "studies_included": "Studiar inkluderte i oversikta", "reports_included": "Rapportar frå inkluderte studiar",
        "other_identified": "Postar identifiserte frå:",
        "desc": "Korleis postane gjekk gjennom oversikta, med talet i kvar boks.",
        "awaiting_screening": "Postar som ventar på screening", "awaiting_assessment": "Rapportar som ventar på vurdering",
        "in_progress": "Pågår: screeninga er ikkje ferdig",
    },
}


@dataclass
class OtherMethods:
    """The right-hand column: citation searching, websites, organisations."""

    sources: list[Named] = field(default_factory=list)
    sought: int = 0
    not_retrieved: int = 0
    assessed: int = 0
    excluded: list[Named] = field(default_factory=list)
    awaiting_assessment: int = 0


@dataclass
class PrismaCounts:
    """Every number in the PRISMA 2020 diagram, as computed by review.prisma."""

    databases: list[Named] = field(default_factory=list)
    registers: list[Named] = field(default_factory=list)
    duplicates_removed: int = 0
    automation_excluded: int = 0
    other_removed: list[Named] = field(default_factory=list)
    screened: int = 0
    screen_excluded: int = 0
    sought: int = 0
    not_retrieved: int = 0
    assessed: int = 0
    excluded: list[Named] = field(default_factory=list)
    studies_included: int = 0
    reports_included: int = 0
    other: OtherMethods | None = None
    awaiting_screening: int = 0  # while screening is under way: records not yet settled at stage 1
    awaiting_assessment: int = 0  # reports sought and retrieved without a full-text decision yet


def labels(lang: str) -> dict[str, str]:
    """The box texts in bokmål ('nb'), nynorsk ('nn') or English (anything else)."""
    return LABELS.get(lang, LABELS["en"])


def n(label: str, value: int) -> str:
    """'Label (n = 12)' as PRISMA writes it."""
    return f"{label} (n = {value})"


def total(items: list[Named]) -> int:
    """The sum of the counts of named items."""
    return sum(count for _, count in items)


def boxes(counts: PrismaCounts, lang: str = "en") -> dict[str, list[str]]:
    """The lines of every box, keyed by box name; the SVG and the text alternative both use these."""
    t = labels(lang)
    found = {
        "identified": [t["identified_from"], n(t["databases"], total(counts.databases)),
                       *[n("  " + name, c) for name, c in counts.databases],
                       n(t["registers"], total(counts.registers)),
                       *[n("  " + name, c) for name, c in counts.registers]],
        "removed": [t["removed_before"], n(t["duplicates"], counts.duplicates_removed),
                    n(t["automation"], counts.automation_excluded),
                    n(t["other_reasons"], total(counts.other_removed)),
                    *[n("  " + reason, c) for reason, c in counts.other_removed]],
        "screened": [n(t["screened"], counts.screened)],
        "screen_excluded": [n(t["screen_excluded"], counts.screen_excluded)],
        "sought": [n(t["sought"], counts.sought)],
        "not_retrieved": [n(t["not_retrieved"], counts.not_retrieved)],
        "assessed": [n(t["assessed"], counts.assessed)],
        "excluded": [n(t["excluded"].rstrip(":"), total(counts.excluded)),
                     *[n("  " + reason, c) for reason, c in counts.excluded]],
        "included": [n(t["studies_included"], counts.studies_included),
                     n(t["reports_included"], counts.reports_included)],
    }
    if counts.awaiting_screening:
        found["awaiting_screening"] = [n(t["awaiting_screening"], counts.awaiting_screening), t["in_progress"]]
    if counts.awaiting_assessment:
        found["awaiting_assessment"] = [n(t["awaiting_assessment"], counts.awaiting_assessment), t["in_progress"]]
    if counts.other is not None:
        o = counts.other
        found.update({
            "other_identified": [t["other_identified"], *[n(name, c) for name, c in o.sources]],
            "other_sought": [n(t["sought"], o.sought)],
            "other_not_retrieved": [n(t["not_retrieved"], o.not_retrieved)],
            "other_assessed": [n(t["assessed"], o.assessed)],
            "other_excluded": [n(t["excluded"].rstrip(":"), total(o.excluded)),
                               *[n("  " + reason, c) for reason, c in o.excluded]],
        })
        if o.awaiting_assessment:
            found["other_awaiting_assessment"] = [n(t["awaiting_assessment"], o.awaiting_assessment), t["in_progress"]]
    return found


def text_alternative(counts: PrismaCounts, lang: str = "en") -> list[str]:
    """The diagram as sentences in reading order, every count included (for screen readers and desc)."""
    t = labels(lang)
    found = boxes(counts, lang)
    order = ["identified", "removed", "screened", "screen_excluded", "awaiting_screening", "sought",
             "not_retrieved", "awaiting_assessment", "assessed", "excluded"]
    order = [key for key in order if key in found]
    lines = [t["main_column"] + ":"]
    lines += [" ".join(part.strip() for part in found[key]) for key in order]
    if counts.other is not None:
        lines.append(t["other_column"] + ":")
        lines += [" ".join(part.strip() for part in found[key]) for key in
                  ("other_identified", "other_sought", "other_not_retrieved", "other_awaiting_assessment",
                   "other_assessed", "other_excluded") if key in found]
    lines.append(" ".join(found["included"]))
    return lines


def counts_from_dict(data: dict) -> PrismaCounts:
    """PrismaCounts from the plain dict review.prisma computes (and a publication stores as JSON)."""
    pairs = lambda items: [(str(name), int(count)) for name, count in items or []]  # noqa: E731
    other = data.get("other")
    return PrismaCounts(
        databases=pairs(data.get("databases")), registers=pairs(data.get("registers")),
        duplicates_removed=int(data.get("duplicates_removed", 0)),
        automation_excluded=int(data.get("automation_excluded", 0)),
        other_removed=pairs(data.get("other_removed")),
        screened=int(data.get("screened", 0)), screen_excluded=int(data.get("screen_excluded", 0)),
        sought=int(data.get("sought", 0)), not_retrieved=int(data.get("not_retrieved", 0)),
        assessed=int(data.get("assessed", 0)), excluded=pairs(data.get("excluded")),
        studies_included=int(data.get("studies_included", 0)),
        reports_included=int(data.get("reports_included", 0)),
        other=None if not other else OtherMethods(
            sources=pairs(other.get("sources")), sought=int(other.get("sought", 0)),
            not_retrieved=int(other.get("not_retrieved", 0)), assessed=int(other.get("assessed", 0)),
            excluded=pairs(other.get("excluded")), awaiting_assessment=int(other.get("awaiting_assessment", 0))),
        awaiting_screening=int(data.get("awaiting_screening", 0)),
        awaiting_assessment=int(data.get("awaiting_assessment", 0)),
    )
