"""Appraisal of the included studies: studies made from records, extraction forms and dual extraction with
consensus, risk of bias (RoB 2, ROBINS-I, ROBINS-E, custom tools), GRADE per outcome and the Summary
of Findings table.

create_study, list_studies, get_study; get_form, save_form; save_values, submit, comparison,
record_agreed; open_assessment, record_judgements, submit_assessment, compare_assessments; create_outcome,
rate, sof_table, certainty_for_outcomes; export_extraction, export_sof, export_rob_plot, export_rob_table.
"""
from review.appraisal.default_form import DEFAULT_FORM
from review.appraisal.evidence import (
    IMPORTANCE,
    certainty_for_outcomes,
    create_outcome,
    get_outcome,
    list_outcomes,
    rate,
    sof_table,
    update_outcome,
)
from review.appraisal.exports import export_extraction, export_rob_plot, export_rob_table, export_sof
from review.appraisal.extraction import (
    agree_identical_values,
    comparison,
    nest,
    own_values,
    progress,
    record_agreed,
    save_values,
    submit,
    submitted_reviewers,
)
from review.appraisal.forms import (
    FIELD_TYPES,
    YES_NO,
    codebook,
    field_at,
    get_form,
    save_form,
    with_field,
    without_field,
)
from review.appraisal.grade import DOWN, DOWN_LEVELS, FACTORS, STARTS, UP, check_rating
from review.appraisal.rob import tools_for
from review.appraisal.rob.assessments import (
    compare_assessments,
    list_assessments,
    open_assessment,
    plot_choices,
    record_judgements,
    submit_assessment,
    view_assessment,
)
from review.appraisal.rob.consensus import start_consensus
from review.appraisal.rob.custom import create_tool
from review.appraisal.rob.tool import ANSWER_LABELS, ANSWERS
from review.appraisal.studies import (
    DESIGNS,
    candidate_records,
    create_study,
    get_study,
    link_records,
    list_studies,
    unlink_record,
)

__all__ = [
    "ANSWERS",
    "ANSWER_LABELS",
    "DEFAULT_FORM",
    "DESIGNS",
    "DOWN",
    "DOWN_LEVELS",
    "FACTORS",
    "FIELD_TYPES",
    "IMPORTANCE",
    "STARTS",
    "UP",
    "YES_NO",
    "agree_identical_values",
    "candidate_records",
    "certainty_for_outcomes",
    "check_rating",
    "codebook",
    "compare_assessments",
    "comparison",
    "create_outcome",
    "create_study",
    "create_tool",
    "export_extraction",
    "export_rob_plot",
    "export_rob_table",
    "export_sof",
    "field_at",
    "get_form",
    "get_outcome",
    "get_study",
    "link_records",
    "list_assessments",
    "list_outcomes",
    "list_studies",
    "nest",
    "open_assessment",
    "own_values",
    "plot_choices",
    "progress",
    "rate",
    "record_agreed",
    "record_judgements",
    "save_form",
    "save_values",
    "sof_table",
    "start_consensus",
    "submit",
    "submit_assessment",
    "submitted_reviewers",
    "tools_for",
    "unlink_record",
    "update_outcome",
    "view_assessment",
    "with_field",
    "without_field",
]
