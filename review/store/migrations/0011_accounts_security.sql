-- Accounts fit for a real server: one-time passwords that expire, email addresses, links sent by email
-- (invitations, forgotten passwords), and project invitations that the invited person accepts.
ALTER TABLE users ADD COLUMN one_time_expires_at TEXT;
ALTER TABLE users ADD COLUMN email TEXT;
CREATE UNIQUE INDEX users_email ON users(email COLLATE NOCASE) WHERE email IS NOT NULL;

-- One-time passwords handed out before this migration expire 72 hours from now.
UPDATE users SET one_time_expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+72 hours')
WHERE must_change_password = 1;

-- A link sent by email: it sets the account's password, once, before it expires. Only its hash is kept.
CREATE TABLE account_links (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX account_links_user ON account_links(user_id);

-- A lead's invitation into a project, by user name or email address: the person joins when they accept it.
-- Kept by the text the lead typed, so the members page shows it whether or not such an account exists.
CREATE TABLE project_invitations (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    invitee TEXT NOT NULL COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'reviewer', 'communicator')),
    can_resolve INTEGER NOT NULL DEFAULT 0,
    invited_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (project_id, invitee)
);
CREATE INDEX project_invitations_invitee ON project_invitations(invitee);
