-- Extraction (forms, studies, values as events), risk of bias and GRADE certainty per outcome.

-- One extraction form per project: its definition is a JSON document checked by review/forms.py.
CREATE TABLE extraction_forms (
    project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id)
);

-- A study is what is extracted and appraised; several reports (records) can describe it.
CREATE TABLE studies (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    design TEXT NOT NULL DEFAULT 'observational'
        CHECK (design IN ('randomised', 'non_randomised', 'observational')),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (project_id, label)
);

CREATE TABLE study_records (
    record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    linked_at TEXT NOT NULL
);
CREATE INDEX study_records_study ON study_records(study_id);

-- Extracted values are events: the latest row per (study, reviewer, path) is the current value.
-- reviewer_id NULL holds the agreed values; value is JSON (null clears a field).
CREATE TABLE extraction_values (
    id INTEGER PRIMARY KEY,
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    reviewer_id INTEGER REFERENCES users(id),
    path TEXT NOT NULL,
    value TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX extraction_values_current ON extraction_values(study_id, reviewer_id, path, id);

CREATE TRIGGER extraction_values_no_update BEFORE UPDATE ON extraction_values
BEGIN
    SELECT RAISE(ABORT, 'extracted values are events: record a new value instead');
END;

CREATE TABLE extraction_submissions (
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES users(id),
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (study_id, reviewer_id)
);

-- Custom risk-of-bias tools a lead defines (built-in tools live in review/rob/).
CREATE TABLE rob_tools (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (project_id, name)
);

-- One assessment of one study's result for one outcome with one tool by one reviewer;
-- reviewer_id NULL is the consensus assessment.
CREATE TABLE rob_assessments (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL DEFAULT '',
    tool TEXT NOT NULL,
    reviewer_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    submitted_at TEXT
);
CREATE UNIQUE INDEX rob_assessments_one ON rob_assessments(study_id, outcome, tool, ifnull(reviewer_id, 0));

-- Answers, judgements, support texts and overrides as events; the latest per item counts.
CREATE TABLE rob_entries (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES rob_assessments(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    value TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX rob_entries_current ON rob_entries(assessment_id, item, id);

CREATE TRIGGER rob_entries_no_update BEFORE UPDATE ON rob_entries
BEGIN
    SELECT RAISE(ABORT, 'risk-of-bias entries are events: record a new entry instead');
END;

-- GRADE: one body of evidence per outcome, its studies and its ratings.
CREATE TABLE grade_outcomes (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    importance TEXT NOT NULL DEFAULT 'critical' CHECK (importance IN ('critical', 'important', 'not important')),
    start TEXT NOT NULL DEFAULT 'observational' CHECK (start IN ('randomised', 'observational', 'observational_robins')),
    participants INTEGER,
    effect TEXT NOT NULL DEFAULT '',
    comments TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (project_id, name)
);

CREATE TABLE grade_outcome_studies (
    outcome_id INTEGER NOT NULL REFERENCES grade_outcomes(id) ON DELETE CASCADE,
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    PRIMARY KEY (outcome_id, study_id)
);

CREATE TABLE grade_ratings (
    outcome_id INTEGER NOT NULL REFERENCES grade_outcomes(id) ON DELETE CASCADE,
    factor TEXT NOT NULL,
    level TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    PRIMARY KEY (outcome_id, factor)
);
