-- Accounts, server-side sessions, API tokens and the audit log.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL COLLATE NOCASE CHECK (length(username) BETWEEN 1 AND 40),
  display_name  TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
  role          TEXT    NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
  password_hash TEXT    NOT NULL,             -- scrypt$N$r$p$salt$hash, never the password
  disabled_at   TEXT,                         -- a disabled user can neither sign in nor use old sessions or tokens
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX idx_users_username ON users (username);

CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT    NOT NULL,             -- sha256 of the cookie value; the cookie alone opens it
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    TEXT    NOT NULL,             -- synchronizer token for this session's forms
  created_at    TEXT    NOT NULL,
  last_seen_at  TEXT    NOT NULL,
  expires_at    TEXT    NOT NULL              -- absolute expiry; idle expiry is checked against last_seen_at
);
CREATE UNIQUE INDEX idx_sessions_token_hash ON sessions (token_hash);
CREATE INDEX idx_sessions_user_id ON sessions (user_id);

CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label         TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  token_hash    TEXT    NOT NULL,             -- sha256 of the token; the token is shown once
  prefix        TEXT    NOT NULL,             -- first characters, so owners can tell tokens apart
  created_at    TEXT    NOT NULL,
  last_used_at  TEXT,
  revoked_at    TEXT
);
CREATE UNIQUE INDEX idx_api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX idx_api_tokens_user_id ON api_tokens (user_id);

CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT    NOT NULL,
  actor_id      INTEGER,                      -- NULL for anonymous events such as a failed login
  actor_name    TEXT,
  action        TEXT    NOT NULL,             -- login, login_failed, logout, user_created, role_changed, ...
  target        TEXT,
  detail        TEXT,
  ip            TEXT
);
CREATE INDEX idx_audit_log_at ON audit_log (id DESC);

-- Revisions now name the account that made them; `author` keeps its display name
-- at the time. NULL for revisions made before accounts existed.
ALTER TABLE revisions ADD COLUMN user_id INTEGER REFERENCES users (id);
