"""GRADE certainty of a body of evidence per outcome: starting level, ratings down and up, result.

Rules from the GRADE Handbook (Schünemann H, Brożek J, Guyatt G, Oxman A, eds., 2013), section 5,
and Guyatt GH et al., GRADE guidelines 1-9, J Clin Epidemiol 2011; a body of non-randomised studies
assessed with ROBINS-I starts high (Schünemann HJ et al., J Clin Epidemiol 2019;111:105-114).
"""
from __future__ import annotations

from typing import Any

from review.store import Invalid

STARTS = {"randomised": 4, "observational": 2, "observational_robins": 4}
DOWN = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias")
DOWN_LEVELS = {"none": 0, "serious": -1, "very_serious": -2}
UP = {"large_effect": {"none": 0, "large": 1, "very_large": 2},
      "dose_response": {"none": 0, "present": 1},
      "plausible_confounding": {"none": 0, "present": 1}}
FACTORS = {**{f: DOWN_LEVELS for f in DOWN}, **UP}
FACTOR_LABELS = {
    "risk_of_bias": "Risk of bias", "inconsistency": "Inconsistency", "indirectness": "Indirectness",
    "imprecision": "Imprecision", "publication_bias": "Publication bias", "large_effect": "Large effect",
    "dose_response": "Dose-response gradient",
    "plausible_confounding": "All plausible confounding would reduce the effect",
}
CERTAINTY = {4: "high", 3: "moderate", 2: "low", 1: "very_low"}
CERTAINTY_LABELS = {"high": "High", "moderate": "Moderate", "low": "Low", "very_low": "Very low"}
SYMBOLS = {4: "⊕⊕⊕⊕", 3: "⊕⊕⊕◯", 2: "⊕⊕◯◯", 1: "⊕◯◯◯"}


def check_rating(factor: str, level: str, explanation: str) -> None:
    """Refuse an unknown factor or level, and a rating down or up without an explanation."""
    if factor not in FACTORS:
        raise Invalid(f"{factor!r} is not a GRADE factor; choose one of {', '.join(FACTORS)}",
                      "error.grade.factor", factor=factor, choices=", ".join(FACTORS))
    if level not in FACTORS[factor]:
        raise Invalid(f"{FACTOR_LABELS[factor]}: {level!r} is not one of {', '.join(FACTORS[factor])}",
                      "error.grade.level", factor=FACTOR_LABELS[factor], level=level,
                      choices=", ".join(FACTORS[factor]))
    if level != "none" and not explanation.strip():
        raise Invalid(f"{FACTOR_LABELS[factor]}: explain why you rate {'down' if factor in DOWN else 'up'}; "
                      "the explanation becomes a footnote of the Summary of Findings table",
                      "error.grade.explain_down" if factor in DOWN else "error.grade.explain_up",
                      factor=FACTOR_LABELS[factor])


def certainty(start: str, ratings: dict[str, str]) -> dict[str, Any]:
    """The certainty a start and ratings (factor -> level) give: score 1-4, key, label and symbols.

    Each serious concern lowers by one level and each very serious one by two; a large effect raises
    by one (very large by two), a dose-response gradient and opposing plausible confounding by one each.
    The result stays between very low and high (Handbook 5.1, 5.2).
    """
    if start not in STARTS:
        raise Invalid(f"starting level {start!r} is not one of {', '.join(STARTS)}",
                      "error.grade.start", start=start, choices=", ".join(STARTS))
    for factor, level in ratings.items():
        check_rating(factor, level, "-")
    score = STARTS[start] + sum(FACTORS[factor][level] for factor, level in ratings.items())
    score = max(1, min(4, score))
    key = CERTAINTY[score]
    return {"score": score, "certainty": key, "label": CERTAINTY_LABELS[key], "symbol": SYMBOLS[score]}


def suggest_start(designs: list[str]) -> str:
    """The starting level a set of study designs suggests: randomised only if every study is."""
    return "randomised" if designs and all(d == "randomised" for d in designs) else "observational"
