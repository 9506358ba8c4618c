-- A summary's draft: what its writers typed since the last saved version, kept by autosave. One per summary;
-- saving a version on purpose (review.summaries.save_version) clears it. Drafts are never versions.
CREATE TABLE summary_drafts (
    summary_id INTEGER PRIMARY KEY REFERENCES summaries(id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    topics TEXT NOT NULL DEFAULT '[]',
    saved_at TEXT NOT NULL,
    saved_by INTEGER REFERENCES users(id)
);
