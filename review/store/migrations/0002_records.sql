-- Searches (the PRISMA-S log, one per imported file) and the records they brought.
CREATE TABLE searches (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    source_kind TEXT NOT NULL DEFAULT 'database' CHECK (source_kind IN ('database', 'register', 'other')),
    database_name TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL DEFAULT '',
    searched_on TEXT,
    query TEXT NOT NULL DEFAULT '',
    limits TEXT NOT NULL DEFAULT '',
    reported_count INTEGER,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_format TEXT NOT NULL,
    encoding TEXT NOT NULL DEFAULT '',
    record_count INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL,
    imported_by INTEGER REFERENCES users(id)
);
CREATE INDEX searches_project ON searches(project_id);
CREATE INDEX searches_sha ON searches(project_id, file_sha256);

CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    search_id INTEGER NOT NULL REFERENCES searches(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    abstract TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '[]',
    year INTEGER,
    journal TEXT NOT NULL DEFAULT '',
    journal_abbrev TEXT NOT NULL DEFAULT '',
    volume TEXT NOT NULL DEFAULT '',
    issue TEXT NOT NULL DEFAULT '',
    pages_start TEXT NOT NULL DEFAULT '',
    pages_end TEXT NOT NULL DEFAULT '',
    doi TEXT NOT NULL DEFAULT '',
    pmid TEXT NOT NULL DEFAULT '',
    issn TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',
    language TEXT NOT NULL DEFAULT '',
    pub_type TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    raw TEXT NOT NULL DEFAULT '',
    UNIQUE (search_id, position)
);
CREATE INDEX records_project ON records(project_id);
CREATE INDEX records_doi ON records(project_id, doi) WHERE doi <> '';
CREATE INDEX records_pmid ON records(project_id, pmid) WHERE pmid <> '';

CREATE VIRTUAL TABLE records_fts USING fts5(
    title, abstract, authors, journal, keywords,
    content = 'records', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts(rowid, title, abstract, authors, journal, keywords)
    VALUES (new.id, new.title, new.abstract, new.authors, new.journal, new.keywords);
END;

CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    INSERT INTO records_fts(records_fts, rowid, title, abstract, authors, journal, keywords)
    VALUES ('delete', old.id, old.title, old.abstract, old.authors, old.journal, old.keywords);
END;

CREATE TRIGGER records_no_update BEFORE UPDATE OF title, abstract, authors, year, journal, doi, pmid, raw ON records
BEGIN
    SELECT RAISE(ABORT, 'imported records are never overwritten');
END;
