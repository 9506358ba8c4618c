-- Issue 16: blinding that a reviewer's own actions cannot break.
--
-- released_outcomes: the outcomes the lead released to blinded members (a snapshot of the records
-- settled at a stage when the lead released them). While a project is blinded, reviewers and
-- communicators see outcomes only from here, so no decision of theirs can show them what another
-- reviewer decided on a record that was still open.
CREATE TABLE released_outcomes (
    project_id INTEGER NOT NULL REFERENCES projects(id),
    stage INTEGER NOT NULL CHECK (stage IN (1, 2)),
    record_id INTEGER NOT NULL REFERENCES records(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('include', 'exclude')),
    reason_id INTEGER REFERENCES exclusion_reasons(id),
    released_at TEXT NOT NULL,
    released_by INTEGER REFERENCES users(id),
    PRIMARY KEY (project_id, stage, record_id)
);

-- A record's place in the pseudo-random queue order is a function of the record alone, so a record
-- that leaves the queue and comes back (closed by a decision, then undone) takes its old place:
-- with random() its new place depended on whether another reviewer's decision had closed it.
UPDATE screening_pending SET shuffle = ((record_id * 2654435761) % 4294967296 - 2147483648) * 4294967296;

DROP TRIGGER records_screening_pending;
CREATE TRIGGER records_screening_pending AFTER INSERT ON records BEGIN
    INSERT INTO screening_pending (project_id, stage, record_id, shuffle)
    VALUES (new.project_id, 1, new.id, ((new.id * 2654435761) % 4294967296 - 2147483648) * 4294967296);
END;
