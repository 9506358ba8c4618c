-- Accounts, sessions, review projects, memberships and the audit log.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    language TEXT,
    created_at TEXT NOT NULL,
    disabled_at TEXT
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    address TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_name ON login_failures(name, failed_at);
CREATE INDEX login_failures_address ON login_failures(address, failed_at);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    question TEXT NOT NULL DEFAULT '',
    review_type TEXT NOT NULL DEFAULT 'systematic' CHECK (review_type IN ('systematic', 'scoping')),
    population TEXT NOT NULL DEFAULT '',
    exposure TEXT NOT NULL DEFAULT '',
    comparator TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    inclusion_criteria TEXT NOT NULL DEFAULT '',
    exclusion_criteria TEXT NOT NULL DEFAULT '',
    highlight_include TEXT NOT NULL DEFAULT '',
    highlight_exclude TEXT NOT NULL DEFAULT '',
    reviewers_per_record INTEGER NOT NULL DEFAULT 2 CHECK (reviewers_per_record IN (1, 2)),
    blinded INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id)
);

CREATE TABLE memberships (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'reviewer', 'communicator')),
    can_resolve INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_project ON audit_events(project_id, id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN (SELECT COUNT(*) FROM projects WHERE id = OLD.project_id) > 0
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
