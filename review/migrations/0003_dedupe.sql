-- Duplicate groups: links between records, never edits of them.
CREATE TABLE duplicate_groups (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    representative_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX duplicate_groups_project ON duplicate_groups(project_id);

CREATE TABLE duplicate_links (
    record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES duplicate_groups(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('certain', 'confirmed')),
    linked_at TEXT NOT NULL
);
CREATE INDEX duplicate_links_group ON duplicate_links(group_id);

-- The records a person screens: one per duplicate group, and every record in no group.
CREATE VIEW screenable_records AS
SELECT r.project_id, r.id AS record_id
FROM records r
LEFT JOIN duplicate_links l ON l.record_id = r.id
LEFT JOIN duplicate_groups g ON g.id = l.group_id
WHERE g.id IS NULL OR g.representative_id = r.id;
