-- Labels the lead puts on records from the records list (bulk actions). Unlike the labels a reviewer gives
-- with a decision (screening_events.labels), these belong to the project, not to a decision, so blinding
-- does not hide them. A label is kept once per record whatever its case.
CREATE TABLE record_labels (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    label TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(label)) > 0),
    added_by INTEGER REFERENCES users(id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (record_id, label)
);
CREATE INDEX record_labels_project ON record_labels(project_id, label);
