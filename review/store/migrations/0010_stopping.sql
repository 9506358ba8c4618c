-- Stopping: the method the lead chose, the figures kept with the decision to stop, and the
-- background check after each batch of decisions (what the lead is told).

ALTER TABLE ranking_settings ADD COLUMN stop_method TEXT NOT NULL DEFAULT 'ranked';
-- JSON: method, target, confidence, screened, found, remaining, p_value, recall_at_least, reached
ALTER TABLE ranking_settings ADD COLUMN stop_figures TEXT;

CREATE TABLE stopping_checks (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    checked_at TEXT NOT NULL,
    method TEXT NOT NULL,
    recall_target REAL NOT NULL,
    confidence REAL NOT NULL,
    screened INTEGER NOT NULL,
    found INTEGER NOT NULL,
    remaining INTEGER NOT NULL,
    reached INTEGER NOT NULL,
    p_value REAL,
    recall_at_least REAL,
    more_records INTEGER
);
CREATE INDEX stopping_checks_project ON stopping_checks(project_id, id);
