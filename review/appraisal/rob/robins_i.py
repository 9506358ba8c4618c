"""ROBINS-I, risk of bias in non-randomised studies of interventions.

Sterne JAC, Hernán MA, Reeves BC, et al. ROBINS-I: a tool for assessing risk of bias in non-randomised
studies of interventions. BMJ 2016;355:i4919; Sterne JAC, Higgins JPT, Elbers RG, Reeves BC and the
development group. ROBINS-I detailed guidance, 20 October 2016.
"""
from __future__ import annotations

from review.appraisal.rob.tool import LOW, NO_INFORMATION, Domain, Level, Overall, Tool, count

MODERATE = Level("moderate", "Moderate", "-", "#E2DF07")
SERIOUS = Level("serious", "Serious", "X", "#BF0000")
CRITICAL = Level("critical", "Critical", "!", "#820000")

DOMAINS = (
    Domain("d1", "Bias due to confounding", (
        ("1.1", "Is there potential for confounding of the effect of intervention in this study?"),
        ("1.2", "Was the analysis based on splitting participants' follow up time according to intervention received?"),
        ("1.3", "Were intervention discontinuations or switches likely to be related to factors that are prognostic for the outcome?"),
        ("1.4", "Did the authors use an appropriate analysis method that controlled for all the important confounding domains?"),
        ("1.5", "Were confounding domains that were controlled for measured validly and reliably by the variables available in this study?"),
        ("1.6", "Did the authors control for any post-intervention variables that could have been affected by the intervention?"),
        ("1.7", "Did the authors use an appropriate analysis method that adjusted for all the important confounding domains and for time-varying confounding?"),
        ("1.8", "Were confounding domains that were adjusted for measured validly and reliably by the variables available in this study?"),
    )),
    Domain("d2", "Bias in selection of participants into the study", (
        ("2.1", "Was selection of participants into the study (or into the analysis) based on participant characteristics observed after the start of intervention?"),
        ("2.2", "If Y/PY to 2.1: Were the post-intervention variables that influenced selection likely to be associated with intervention?"),
        ("2.3", "If Y/PY to 2.2: Were the post-intervention variables that influenced selection likely to be influenced by the outcome or a cause of the outcome?"),
        ("2.4", "Do start of follow-up and start of intervention coincide for most participants?"),
        ("2.5", "If Y/PY to 2.2 and 2.3, or N/PN to 2.4: Were adjustment techniques used that are likely to correct for the presence of selection biases?"),
    )),
    Domain("d3", "Bias in classification of interventions", (
        ("3.1", "Were intervention groups clearly defined?"),
        ("3.2", "Was the information used to define intervention groups recorded at the start of the intervention?"),
        ("3.3", "Could classification of intervention status have been affected by knowledge of the outcome or risk of the outcome?"),
    )),
    Domain("d4", "Bias due to deviations from intended interventions", (
        ("4.1", "Were there deviations from the intended intervention beyond what would be expected in usual practice?"),
        ("4.2", "If Y/PY to 4.1: Were these deviations from intended intervention unbalanced between groups and likely to have affected the outcome?"),
        ("4.3", "Were important co-interventions balanced across intervention groups?"),
        ("4.4", "Was the intervention implemented successfully for most participants?"),
        ("4.5", "Did study participants adhere to the assigned intervention regimen?"),
        ("4.6", "If N/PN to 4.3, 4.4 or 4.5: Was an appropriate analysis used to estimate the effect of starting and adhering to the intervention?"),
    )),
    Domain("d5", "Bias due to missing data", (
        ("5.1", "Were outcome data available for all, or nearly all, participants?"),
        ("5.2", "Were participants excluded due to missing data on intervention status?"),
        ("5.3", "Were participants excluded due to missing data on other variables needed for the analysis?"),
        ("5.4", "If N/PN to 5.1, or Y/PY to 5.2 or 5.3: Are the proportion of participants and reasons for missing data similar across interventions?"),
        ("5.5", "If N/PN to 5.1, or Y/PY to 5.2 or 5.3: Is there evidence that results were robust to the presence of missing data?"),
    )),
    Domain("d6", "Bias in measurement of outcomes", (
        ("6.1", "Could the outcome measure have been influenced by knowledge of the intervention received?"),
        ("6.2", "Were outcome assessors aware of the intervention received by study participants?"),
        ("6.3", "Were the methods of outcome assessment comparable across intervention groups?"),
        ("6.4", "Were any systematic errors in measurement of the outcome related to intervention received?"),
    )),
    Domain("d7", "Bias in selection of the reported result", (
        ("7.1", "Is the reported effect estimate likely to be selected, on the basis of the results, from multiple outcome measurements within the outcome domain?"),
        ("7.2", "... from multiple analyses of the intervention-outcome relationship?"),
        ("7.3", "... from different subgroups?"),
    )),
)


def overall(judgements: dict[str, str]) -> Overall:
    """ROBINS-I overall judgement (Sterne 2016, table 2; detailed guidance, 'overall risk of bias').

    Low: low in all domains. Moderate: low or moderate in all domains. Serious: serious in at least one
    domain, critical in none. Critical: critical in at least one domain. No information: no clear
    indication of serious or critical risk, and lack of information in one or more key domains.
    So the overall judgement is the most severe domain judgement, with 'no information' ranking below
    serious and above moderate.
    """
    for level in ("critical", "serious", "no_information", "moderate"):
        if count(judgements, level):
            note = ""
            if level == "serious" and count(judgements, "serious") > 1:
                note = ("serious in several domains: the guidance allows 'critical' when together they make the "
                        "study too problematic to provide useful evidence (override with a reason)")
            return Overall(level, note, "rob.note.robins_i_serious" if note else "")
    return Overall("low")


TOOL = Tool("robins_i", "ROBINS-I (non-randomised studies of interventions)",
            (LOW, MODERATE, SERIOUS, CRITICAL, NO_INFORMATION), DOMAINS, overall,
            "Sterne JAC et al. BMJ 2016;355:i4919")
