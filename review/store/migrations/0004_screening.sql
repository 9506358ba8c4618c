-- Screening: decisions are appended events; the tables after them are projections that the
-- core keeps in step inside the same transaction (and can rebuild from the events).

-- Per-project screening settings that projects(…) does not hold.
CREATE TABLE screening_settings (
    project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    -- as_include: maybe moves on with include and conflicts with exclude (the common convention);
    -- conflict: any maybe needs a resolution.
    maybe_policy TEXT NOT NULL DEFAULT 'as_include' CHECK (maybe_policy IN ('as_include', 'conflict')),
    pdf_max_bytes INTEGER NOT NULL DEFAULT 52428800
);

-- The lead's editable list of stage-2 exclusion reasons; retired, never deleted (decisions cite them).
CREATE TABLE exclusion_reasons (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    retired_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX exclusion_reasons_project ON exclusion_reasons(project_id, position);

-- A pilot round: every listed reviewer screens the same random sample first.
CREATE TABLE pilots (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    reviewer_ids TEXT NOT NULL,            -- JSON list of user ids taking part
    started_by INTEGER REFERENCES users(id),
    started_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX pilots_project ON pilots(project_id);

CREATE TABLE pilot_records (
    pilot_id INTEGER NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    PRIMARY KEY (pilot_id, record_id)
);

-- The events: one row per decision, undo or resolution; never updated, never deleted.
CREATE TABLE screening_events (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage IN (1, 2)),
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('decision', 'undo', 'resolution')),
    decision TEXT CHECK (decision IN ('include', 'exclude', 'maybe')),
    reason_id INTEGER REFERENCES exclusion_reasons(id),
    note TEXT NOT NULL DEFAULT '',
    labels TEXT NOT NULL DEFAULT '[]',
    change_reason TEXT NOT NULL DEFAULT '',   -- why a decision was changed, or why a conflict was resolved so
    undoes INTEGER REFERENCES screening_events(id),
    at TEXT NOT NULL
);
CREATE INDEX screening_events_record ON screening_events(project_id, record_id, stage, id);
CREATE INDEX screening_events_user ON screening_events(project_id, user_id, id);
CREATE INDEX screening_events_undoes ON screening_events(undoes) WHERE undoes IS NOT NULL;

CREATE TRIGGER screening_events_no_update BEFORE UPDATE ON screening_events
BEGIN
    SELECT RAISE(ABORT, 'screening events are append-only');
END;

CREATE TRIGGER screening_events_no_delete BEFORE DELETE ON screening_events
WHEN (SELECT COUNT(*) FROM projects WHERE id = OLD.project_id) > 0
BEGIN
    SELECT RAISE(ABORT, 'screening events are append-only');
END;

-- Projection: each reviewer's current decision per record and stage.
CREATE TABLE screening_current (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    event_id INTEGER NOT NULL REFERENCES screening_events(id),
    decision TEXT NOT NULL,
    reason_id INTEGER REFERENCES exclusion_reasons(id),
    note TEXT NOT NULL DEFAULT '',
    labels TEXT NOT NULL DEFAULT '[]',
    at TEXT NOT NULL,
    PRIMARY KEY (project_id, stage, record_id, user_id)
);
CREATE INDEX screening_current_user ON screening_current(project_id, user_id, stage);

-- Projection: where each record stands at each stage once anything happened to it.
-- state: open (needs more decisions), conflict (all in, they disagree), settled (agreed or resolved).
CREATE TABLE screening_state (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    decisions INTEGER NOT NULL,
    required INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'conflict', 'settled')),
    outcome TEXT CHECK (outcome IN ('include', 'exclude')),
    reason_id INTEGER REFERENCES exclusion_reasons(id),
    resolution_event_id INTEGER REFERENCES screening_events(id),
    PRIMARY KEY (project_id, stage, record_id)
);
CREATE INDEX screening_state_state ON screening_state(project_id, stage, state);

-- Projection: records that still need a decision at a stage, with a stable pseudo-random key so a
-- queue without a ranking walks an index instead of sorting the project on every request.
CREATE TABLE screening_pending (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    shuffle INTEGER NOT NULL,
    pilot_id INTEGER REFERENCES pilots(id),
    PRIMARY KEY (project_id, stage, record_id)
);
CREATE INDEX screening_pending_shuffle ON screening_pending(project_id, stage, shuffle);

INSERT INTO screening_pending (project_id, stage, record_id, shuffle)
SELECT project_id, 1, id, random() FROM records;

CREATE TRIGGER records_screening_pending AFTER INSERT ON records BEGIN
    INSERT INTO screening_pending (project_id, stage, record_id, shuffle)
    VALUES (new.project_id, 1, new.id, random());
END;

-- The queue contract with review/ranking: it writes ranks (lower first) per reviewer, or with
-- user_id 0 for the whole project; screening only reads them and never ranks inside a request.
CREATE TABLE queue_ranks (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    stage INTEGER NOT NULL,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    rank REAL NOT NULL,
    PRIMARY KEY (project_id, user_id, stage, record_id)
);
CREATE INDEX queue_ranks_order ON queue_ranks(project_id, user_id, stage, rank);

-- Full texts: uploads and "not retrieved" marks as events; the latest per record counts.
CREATE TABLE fulltext_events (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('uploaded', 'not_retrieved')),
    file_name TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT '',
    file_size INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX fulltext_events_record ON fulltext_events(project_id, record_id, id);
