"""The ready extraction form for occupational-health studies, offered until a lead designs another."""
from __future__ import annotations

# NACE Rev. 2 sections (Eurostat 2008), the classification Norwegian labour statistics use (SN2007).
NACE_SECTIONS = [
    "A Agriculture, forestry and fishing", "B Mining and quarrying", "C Manufacturing",
    "D Electricity, gas, steam and air conditioning supply",
    "E Water supply; sewerage, waste management and remediation", "F Construction",
    "G Wholesale and retail trade; repair of motor vehicles", "H Transportation and storage",
    "I Accommodation and food service activities", "J Information and communication",
    "K Financial and insurance activities", "L Real estate activities",
    "M Professional, scientific and technical activities", "N Administrative and support service activities",
    "O Public administration and defence; compulsory social security", "P Education",
    "Q Human health and social work activities", "R Arts, entertainment and recreation",
    "S Other service activities", "T Activities of households as employers",
    "U Activities of extraterritorial organisations and bodies",
]

FORM_DESIGNS = [
    "Randomised controlled trial", "Cluster-randomised trial", "Non-randomised controlled study",
    "Prospective cohort", "Retrospective cohort", "Case-control", "Cross-sectional",
    "Interrupted time series", "Before-after study", "Other",
]

DEFAULT_FORM = {
    "name": "Occupational health (default)",
    "fields": [
        {"key": "design", "label": "Study design", "type": "choice", "options": FORM_DESIGNS},
        {"key": "country", "label": "Country", "type": "text"},
        {"key": "industry", "label": "Industry or occupation", "type": "text"},
        {"key": "nace_section", "label": "NACE section", "type": "choice", "options": NACE_SECTIONS},
        {"key": "nace_code", "label": "NACE code", "type": "text",
         "help": "NACE Rev. 2 division, group or class, e.g. 86.10 (hospital activities)"},
        {"key": "setting", "label": "Setting", "type": "text"},
        {"key": "population", "label": "Population", "type": "text"},
        {"key": "sample_size", "label": "Sample size", "type": "number", "help": "Participants analysed"},
        {"key": "exposure", "label": "Exposure or intervention", "type": "text"},
        {"key": "comparator", "label": "Comparator", "type": "text"},
        {"key": "outcomes", "label": "Outcomes", "type": "group", "fields": [
            {"key": "name", "label": "Outcome", "type": "text"},
            {"key": "measure", "label": "How measured", "type": "text"},
            {"key": "effect_measure", "label": "Effect measure", "type": "choice",
             "options": ["OR", "RR", "HR", "IRR", "RD", "MD", "SMD", "Beta", "Correlation", "Other"]},
            {"key": "value", "label": "Effect value", "type": "number"},
            {"key": "ci_low", "label": "CI lower bound", "type": "number"},
            {"key": "ci_high", "label": "CI upper bound", "type": "number"},
            {"key": "ci_level", "label": "CI level (%)", "type": "number"},
        ]},
        {"key": "follow_up", "label": "Follow-up", "type": "text", "help": "Length of follow-up, e.g. 2 years"},
        {"key": "confounders_adjusted", "label": "Adjusted for confounders", "type": "yesno"},
        {"key": "confounders", "label": "Confounders adjusted for", "type": "text"},
        {"key": "funding", "label": "Funding", "type": "text"},
        {"key": "conflicts", "label": "Conflicts of interest", "type": "yesno"},
        {"key": "conflicts_detail", "label": "Conflicts of interest (details)", "type": "text"},
    ],
}
