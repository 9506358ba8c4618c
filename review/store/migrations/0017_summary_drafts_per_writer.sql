-- Each writer's own draft of a summary (issue 20): two people editing the same summary no longer
-- overwrite each other's drafts, so the key is (summary, writer) instead of the summary alone.
-- based_on is the number of the version the writer's text started from (0: there was none), so the
-- editor can say who saved a version since, and saving on top of it is refused until the writer
-- confirms it (review.publishing.summaries.save_version). NULL means not recorded (a draft from before
-- this migration, or from an archive written then): it is read as the newest version saved before
-- the draft (review/publishing/drafts.py).
-- The old drafts go to the writer who saved them (saved_by); a row without one (save_draft always wrote
-- it) goes to whoever started the summary. Nothing refers to summary_drafts, so the rebuild needs no
-- foreign keys off.
CREATE TABLE summary_drafts_per_writer (
    summary_id INTEGER NOT NULL REFERENCES summaries(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    content TEXT NOT NULL,
    topics TEXT NOT NULL DEFAULT '[]',
    based_on INTEGER,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (summary_id, user_id)
);
INSERT INTO summary_drafts_per_writer (summary_id, user_id, content, topics, based_on, saved_at)
    SELECT d.summary_id, COALESCE(d.saved_by, s.created_by), d.content, d.topics, NULL, d.saved_at
    FROM summary_drafts d JOIN summaries s ON s.id = d.summary_id
    WHERE COALESCE(d.saved_by, s.created_by) IS NOT NULL;
DROP TABLE summary_drafts;
ALTER TABLE summary_drafts_per_writer RENAME TO summary_drafts;
