"""ROBINS-E, risk of bias in non-randomised studies of exposures (the common case in occupational health).

Higgins JPT, Morgan RL, Rooney AA, et al. A tool to assess risk of bias in non-randomized follow-up
studies of exposure effects (ROBINS-E). Environment International 2024;186:108602; ROBINS-E
Development Group. Risk Of Bias In Non-randomized Studies - of Exposure (ROBINS-E), launch version,
20 June 2023. Signalling questions are abridged here; the tool's own text governs.
"""
from __future__ import annotations

from review.appraisal.rob.tool import HIGH, LOW, SOME_CONCERNS, Domain, Level, Overall, Tool, count

VERY_HIGH = Level("very_high", "Very high", "!", "#820000")

DOMAINS = (
    Domain("d1", "Bias due to confounding", (
        ("1.1", "Did the authors control for all the important confounding factors for which this was necessary?"),
        ("1.2", "If Y/PY/WN to 1.1: Were confounding factors that were controlled for (and for which control was necessary) measured validly and reliably by the variables available in this study?"),
        ("1.3", "If Y/PY/WN to 1.1: Did the authors control for any variables in the analysis that were measured after the start of the exposure and could have been affected by it?"),
        ("1.4", "Did the use of negative controls, or other considerations, suggest serious uncontrolled confounding?"),
    )),
    Domain("d2", "Bias arising from measurement of the exposure", (
        ("2.1", "Does the measured exposure well characterise the exposure of interest over the time period of interest?"),
        ("2.2", "Was the exposure measured validly and reliably?"),
        ("2.3", "Were errors in exposure measurement likely to be related to the outcome or to the risk of the outcome?"),
        ("2.4", "Is there evidence that the exposure measurement was not influenced by knowledge of the outcome?"),
    )),
    Domain("d3", "Bias in selection of participants into the study (or into the analysis)", (
        ("3.1", "Was follow-up of each participant begun at (or close to) the start of the exposure?"),
        ("3.2", "Was selection of participants into the study (or into the analysis) based on participant characteristics observed after the start of the exposure?"),
        ("3.3", "If Y/PY to 3.2: Were the characteristics that influenced selection likely to be associated with the exposure?"),
        ("3.4", "If Y/PY to 3.3: Were they likely to be influenced by the outcome or a cause of the outcome?"),
        ("3.5", "Were adjustment techniques used that are likely to correct for the presence of selection biases?"),
    )),
    Domain("d4", "Bias due to post-exposure interventions", (
        ("4.1", "Were there post-exposure interventions that were influenced by prior exposure during the follow-up period?"),
        ("4.2", "If Y/PY/NI to 4.1: Were these interventions likely to have affected the outcome?"),
    )),
    Domain("d5", "Bias due to missing data", (
        ("5.1", "Were data on the exposure available for all, or nearly all, participants?"),
        ("5.2", "Were data on the outcome available for all, or nearly all, participants?"),
        ("5.3", "Were data on the confounders available for all, or nearly all, participants?"),
        ("5.4", "If N/PN/NI to 5.1, 5.2 or 5.3: Is there evidence that the result was not biased by missing data?"),
    )),
    Domain("d6", "Bias arising from measurement of the outcome", (
        ("6.1", "Could the outcome measure have been influenced by knowledge of the exposure?"),
        ("6.2", "Were outcome assessors aware of the exposure history of participants?"),
        ("6.3", "Were the methods of outcome assessment comparable across exposure groups?"),
        ("6.4", "Were any systematic errors in measurement of the outcome related to the exposure?"),
    )),
    Domain("d7", "Bias in selection of the reported result", (
        ("7.1", "Was the result reported in accordance with an available, pre-determined analysis plan?"),
        ("7.2", "Is the reported result likely to be selected, on the basis of the results, from multiple exposure measurements within the exposure domain?"),
        ("7.3", "... from multiple outcome measurements within the outcome domain?"),
        ("7.4", "... from multiple analyses of the exposure-outcome relationship?"),
        ("7.5", "... from multiple subgroups of a larger cohort?"),
    )),
)


def overall(judgements: dict[str, str]) -> Overall:
    """ROBINS-E overall judgement (Higgins 2024, table of overall judgements; launch version, section 4).

    Low: low in all domains. Some concerns: some concerns in at least one domain, high or very high in
    none. High: high in at least one domain, very high in none. Very high: very high in at least one
    domain, or high in several domains -- the latter a reviewer's call, proposed here in the note.
    """
    if count(judgements, "very_high"):
        return Overall("very_high")
    highs = count(judgements, "high")
    if highs > 1:
        return Overall("high", f"high in {highs} domains: judge 'very high' if together they substantially "
                               "lower confidence in the result (override with a reason)",
                       "rob.note.robins_e_high", {"n": highs})
    if highs:
        return Overall("high")
    return Overall("some_concerns" if count(judgements, "some_concerns") else "low")


TOOL = Tool("robins_e", "ROBINS-E (non-randomised studies of exposures)",
            (LOW, SOME_CONCERNS, HIGH, VERY_HIGH), DOMAINS, overall,
            "Higgins JPT et al. Environ Int 2024;186:108602")
