"""RoB 2 domain algorithms: the judgement the signalling-question answers suggest for each domain.

From the flow charts of the RoB 2 full guidance document (Higgins JPT, Savović J, Page MJ, Sterne JAC,
22 August 2019), individually randomised parallel-group trials, effect of assignment to intervention.
Answers: Y/PY count as yes, N/PN as no, NI as no information. The result is a proposal: the reviewer
judges, and returns None while a question the path needs is unanswered.
"""
from __future__ import annotations

from collections.abc import Callable

YES, NO, NI = "yes", "no", "ni"
Answers = dict[str, str]


def _kind(answers: Answers, question: str) -> str | None:
    value = answers.get(question, "")
    return {"Y": YES, "PY": YES, "N": NO, "PN": NO, "NI": NI}.get(value)


def _worst(*levels: str | None) -> str | None:
    if None in levels:
        return None
    order = ("low", "some_concerns", "high")
    return max(levels, key=order.index)  # type: ignore[arg-type]


def randomisation(a: Answers) -> str | None:
    """Domain 1: concealment decides first; baseline imbalance or a non-random sequence raise concerns."""
    q1, q2, q3 = _kind(a, "1.1"), _kind(a, "1.2"), _kind(a, "1.3")
    if q2 == NO:
        return "high"
    if q2 is None or q3 is None:
        return None
    if q2 == NI:
        return "high" if q3 == YES else "some_concerns"
    if q1 is None:
        return None
    return "some_concerns" if q1 == NO or q3 == YES else "low"


def deviations(a: Answers) -> str | None:
    """Domain 2: the worse of part 1 (deviations arising from the trial context) and part 2 (analysis)."""
    return _worst(_deviations_part1(a), _deviations_part2(a))


def _deviations_part1(a: Answers) -> str | None:
    q1, q2 = _kind(a, "2.1"), _kind(a, "2.2")
    if q1 is None or q2 is None:
        return None
    if q1 == NO and q2 == NO:
        return "low"
    q3 = _kind(a, "2.3")
    if q3 in (None, NO):
        return None if q3 is None else "low"
    if q3 == NI:
        return "some_concerns"
    q4 = _kind(a, "2.4")
    if q4 in (None, NO):
        return None if q4 is None else "some_concerns"
    q5 = _kind(a, "2.5")
    if q5 is None:
        return None
    return "some_concerns" if q5 == YES else "high"


def _deviations_part2(a: Answers) -> str | None:
    q6 = _kind(a, "2.6")
    if q6 in (None, YES):
        return None if q6 is None else "low"
    q7 = _kind(a, "2.7")
    if q7 is None:
        return None
    return "some_concerns" if q7 == NO else "high"


def missing_data(a: Answers) -> str | None:
    """Domain 3: complete data, or evidence of no bias, or missingness unrelated to the true value."""
    q1 = _kind(a, "3.1")
    if q1 in (None, YES):
        return None if q1 is None else "low"
    q2 = _kind(a, "3.2")
    if q2 in (None, YES):
        return None if q2 is None else "low"
    q3 = _kind(a, "3.3")
    if q3 in (None, NO):
        return None if q3 is None else "low"
    q4 = _kind(a, "3.4")
    if q4 is None:
        return None
    return "some_concerns" if q4 == NO else "high"


def measurement(a: Answers) -> str | None:
    """Domain 4: an inappropriate or differing measurement is high; assessor knowledge may add concerns."""
    q1, q2 = _kind(a, "4.1"), _kind(a, "4.2")
    if q1 == YES or q2 == YES:
        return "high"
    if q1 is None or q2 is None:
        return None
    best = "some_concerns" if q2 == NI else "low"
    q3 = _kind(a, "4.3")
    if q3 in (None, NO):
        return None if q3 is None else best
    q4 = _kind(a, "4.4")
    if q4 in (None, NO):
        return None if q4 is None else best
    q5 = _kind(a, "4.5")
    if q5 is None:
        return None
    return "some_concerns" if q5 == NO else "high"


def reported_result(a: Answers) -> str | None:
    """Domain 5: selection among outcome measurements or analyses is high; no pre-specified plan adds concerns."""
    q1, q2, q3 = _kind(a, "5.1"), _kind(a, "5.2"), _kind(a, "5.3")
    if YES in (q2, q3):
        return "high"
    if q2 is None or q3 is None:
        return None
    if NI in (q2, q3):
        return "some_concerns"
    if q1 is None:
        return None
    return "low" if q1 == YES else "some_concerns"


RULES: dict[str, Callable[[Answers], str | None]] = {
    "d1": randomisation, "d2": deviations, "d3": missing_data, "d4": measurement, "d5": reported_result,
}


def suggest(domain: str, answers: Answers) -> str | None:
    """The judgement RoB 2's algorithm proposes for a domain from its answers (None while incomplete)."""
    rule = RULES.get(domain)
    return rule(answers) if rule else None
