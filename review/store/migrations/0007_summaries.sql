-- Plain-language summaries (one per review and language, every version kept) and the
-- PRISMA numbers only a person knows (records removed before screening for other reasons).

CREATE TABLE summaries (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    lang TEXT NOT NULL CHECK (lang IN ('nb', 'en')),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_review', 'published', 'withdrawn')),
    approved_version_id INTEGER REFERENCES summary_versions(id),
    approved_by INTEGER REFERENCES users(id),
    approved_at TEXT,
    published_version_id INTEGER REFERENCES summary_versions(id),
    published_by INTEGER REFERENCES users(id),
    published_at TEXT,
    first_published_at TEXT,
    published_prisma TEXT,                 -- JSON snapshot of the PRISMA counts at publication
    published_certainty TEXT,              -- JSON snapshot of GRADE certainty per outcome
    withdrawn_at TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (project_id, lang)
);

CREATE TABLE summary_versions (
    id INTEGER PRIMARY KEY,
    summary_id INTEGER NOT NULL REFERENCES summaries(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    content TEXT NOT NULL,                 -- JSON: title, key_messages, sections, findings, report_url
    topics TEXT NOT NULL DEFAULT '[]',
    saved_at TEXT NOT NULL,
    saved_by INTEGER REFERENCES users(id),
    UNIQUE (summary_id, number)
);

CREATE TRIGGER summary_versions_no_update BEFORE UPDATE ON summary_versions
BEGIN
    SELECT RAISE(ABORT, 'summary versions are kept as written: save a new version');
END;

CREATE TABLE summary_events (
    id INTEGER PRIMARY KEY,
    summary_id INTEGER NOT NULL REFERENCES summaries(id) ON DELETE CASCADE,
    version_id INTEGER REFERENCES summary_versions(id),
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX summary_events_summary ON summary_events(summary_id, id);

CREATE TABLE prisma_removals (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    count INTEGER NOT NULL CHECK (count >= 0),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    entered_by INTEGER REFERENCES users(id),
    entered_at TEXT NOT NULL,
    retracted_at TEXT
);
CREATE INDEX prisma_removals_project ON prisma_removals(project_id);
