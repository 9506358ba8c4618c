-- sil: foreign-keys-off
-- Nynorsk as a third language of plain-language summaries (the Language Act: bokmål, nynorsk and
-- English), and the editable parts of the public portal's accessibility statement.
-- SQLite cannot change a CHECK constraint in place, so the summaries table is rebuilt as SQLite's
-- ALTER TABLE page describes (new table, copy, drop, rename); foreign keys are off while it runs
-- (the first line asks review.db.migrate for that), or dropping the old table would delete every
-- version and event through ON DELETE CASCADE. migrate() runs PRAGMA foreign_key_check before commit.
CREATE TABLE summaries_nynorsk (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    lang TEXT NOT NULL CHECK (lang IN ('nb', 'nn', 'en')),
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
INSERT INTO summaries_nynorsk SELECT id, project_id, lang, state, approved_version_id, approved_by, approved_at,
    published_version_id, published_by, published_at, first_published_at, published_prisma, published_certainty,
    withdrawn_at, created_at, created_by FROM summaries;
DROP TABLE summaries;
ALTER TABLE summaries_nynorsk RENAME TO summaries;

-- The portal's accessibility statement: what a person must fill in (contact, the body's name, the
-- date of the last manual check); the rest comes from Sil's own axe-core results. One row per field.
CREATE TABLE portal_statement (
    field TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id)
);
