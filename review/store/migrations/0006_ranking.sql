-- Ranking: the lead's choices about the queue and stopping, and a log of model runs.

CREATE TABLE ranking_settings (
    project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    random_order INTEGER NOT NULL DEFAULT 0,        -- 1: no model, the queue stays in random order
    recall_target REAL NOT NULL DEFAULT 0.95,
    confidence REAL NOT NULL DEFAULT 0.95,
    -- random sampling for the stopping test: when it began and what ranked screening had found then
    sample_started_at TEXT,
    sample_screened_before INTEGER,
    sample_found_before INTEGER,
    -- the lead stopped screening at stage 1; the records left count as excluded by automation tools
    stopped_at TEXT,
    stopped_by INTEGER REFERENCES users(id)
);

-- One row per training of a queue's model (user_id 0: the project-wide queue).
CREATE TABLE model_runs (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    stage INTEGER NOT NULL,
    trained_at TEXT NOT NULL,
    decisions INTEGER NOT NULL,
    included INTEGER NOT NULL,
    ranked INTEGER NOT NULL,
    milliseconds REAL NOT NULL
);
CREATE INDEX model_runs_project ON model_runs(project_id, stage, id);
