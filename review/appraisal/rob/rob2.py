"""RoB 2, the Cochrane risk-of-bias tool for randomised trials (individually randomised, parallel group).

Sterne JAC, Savović J, Page MJ, et al. RoB 2: a revised tool for assessing risk of bias in randomised
trials. BMJ 2019;366:l4898; Higgins JPT, Savović J, Page MJ, Sterne JAC (eds). Revised Cochrane
risk-of-bias tool for randomized trials (RoB 2), full guidance document, 22 August 2019.
"""
from __future__ import annotations

from review.appraisal.rob.rob2_domains import suggest
from review.appraisal.rob.tool import HIGH, LOW, SOME_CONCERNS, Domain, Overall, Tool, count

DOMAINS = (
    Domain("d1", "Bias arising from the randomisation process", (
        ("1.1", "Was the allocation sequence random?"),
        ("1.2", "Was the allocation sequence concealed until participants were enrolled and assigned to interventions?"),
        ("1.3", "Did baseline differences between intervention groups suggest a problem with the randomisation process?"),
    )),
    Domain("d2", "Bias due to deviations from intended interventions", (
        ("2.1", "Were participants aware of their assigned intervention during the trial?"),
        ("2.2", "Were carers and people delivering the interventions aware of participants' assigned intervention during the trial?"),
        ("2.3", "If Y/PY/NI to 2.1 or 2.2: Were there deviations from the intended intervention that arose because of the trial context?"),
        ("2.4", "If Y/PY to 2.3: Were these deviations likely to have affected the outcome?"),
        ("2.5", "If Y/PY/NI to 2.4: Were these deviations from intended intervention balanced between groups?"),
        ("2.6", "Was an appropriate analysis used to estimate the effect of assignment to intervention?"),
        ("2.7", "If N/PN/NI to 2.6: Was there potential for a substantial impact (on the result) of the failure to analyse participants in the group to which they were randomised?"),
    )),
    Domain("d3", "Bias due to missing outcome data", (
        ("3.1", "Were data for this outcome available for all, or nearly all, participants randomised?"),
        ("3.2", "If N/PN/NI to 3.1: Is there evidence that the result was not biased by missing outcome data?"),
        ("3.3", "If N/PN to 3.2: Could missingness in the outcome depend on its true value?"),
        ("3.4", "If Y/PY/NI to 3.3: Is it likely that missingness in the outcome depended on its true value?"),
    )),
    Domain("d4", "Bias in measurement of the outcome", (
        ("4.1", "Was the method of measuring the outcome inappropriate?"),
        ("4.2", "Could measurement or ascertainment of the outcome have differed between intervention groups?"),
        ("4.3", "If N/PN/NI to 4.1 and 4.2: Were outcome assessors aware of the intervention received by study participants?"),
        ("4.4", "If Y/PY/NI to 4.3: Could assessment of the outcome have been influenced by knowledge of intervention received?"),
        ("4.5", "If Y/PY/NI to 4.4: Is it likely that assessment of the outcome was influenced by knowledge of intervention received?"),
    )),
    Domain("d5", "Bias in selection of the reported result", (
        ("5.1", "Were the data that produced this result analysed in accordance with a pre-specified analysis plan that was finalised before unblinded outcome data were available for analysis?"),
        ("5.2", "Is the numerical result being assessed likely to have been selected, on the basis of the results, from multiple eligible outcome measurements (e.g. scales, definitions, time points) within the outcome domain?"),
        ("5.3", "Is the numerical result being assessed likely to have been selected, on the basis of the results, from multiple eligible analyses of the data?"),
    )),
)


def overall(judgements: dict[str, str]) -> Overall:
    """RoB 2 overall judgement (Sterne 2019, table 2; full guidance section 6.2).

    Low: low in every domain. Some concerns: some concerns in at least one domain, high in none.
    High: high in at least one domain, or some concerns in several domains "in a way that substantially
    lowers confidence in the result" -- a judgement the tool leaves to the reviewer, so the rule proposes
    'some concerns' and says so in the note; the reviewer overrides with a reason.
    """
    if count(judgements, "high"):
        return Overall("high")
    concerns = count(judgements, "some_concerns")
    if concerns == 0:
        return Overall("low")
    if concerns > 1:
        return Overall("some_concerns", f"some concerns in {concerns} domains: judge 'high' if together they "
                                        "substantially lower confidence in the result (override with a reason)",
                       "rob.note.rob2_concerns", {"n": concerns})
    return Overall("some_concerns")


TOOL = Tool("rob2", "RoB 2 (randomised trials)", (LOW, SOME_CONCERNS, HIGH), DOMAINS, overall,
            "Sterne JAC et al. BMJ 2019;366:l4898", domain_rule=suggest)
