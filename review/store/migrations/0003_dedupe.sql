-- Duplicate groups: links between records, never edits of them. Every change a person makes is
-- also an audit event; pairs keep the person's decision so a later run never undoes it.
CREATE TABLE duplicate_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    representative_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX duplicate_groups_project ON duplicate_groups(project_id);

CREATE TABLE duplicate_links (
    record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES duplicate_groups(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('certain', 'confirmed')),
    linked_at TEXT NOT NULL
);
CREATE INDEX duplicate_links_group ON duplicate_links(group_id);

-- Candidate pairs a person looks at ('possible'), and every pair a person decided.
CREATE TABLE duplicate_pairs (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    record_a INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    record_b INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    score REAL NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    found_at TEXT NOT NULL,
    decision TEXT CHECK (decision IN ('same', 'different')),
    decided_by INTEGER REFERENCES users(id),
    decided_at TEXT,
    CHECK (record_a < record_b),
    UNIQUE (record_a, record_b)
);
CREATE INDEX duplicate_pairs_project ON duplicate_pairs(project_id, decision);

-- One row per run: a later run compares only records added since (against everything).
CREATE TABLE dedupe_runs (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id),
    ran_at TEXT NOT NULL,
    last_record_id INTEGER NOT NULL,
    groups INTEGER NOT NULL,
    certain INTEGER NOT NULL,
    possible INTEGER NOT NULL
);
CREATE INDEX dedupe_runs_project ON dedupe_runs(project_id, id);

-- The records a person screens: one per duplicate group, and every record in no group.
CREATE VIEW screenable_records AS
SELECT r.project_id, r.id AS record_id
FROM records r
LEFT JOIN duplicate_links l ON l.record_id = r.id
LEFT JOIN duplicate_groups g ON g.id = l.group_id
WHERE g.id IS NULL OR g.representative_id = r.id;
