-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0003: accounts and token state (backend/auth). Timestamps are UTC ISO 8601 text with second precision
-- ('2026-01-31T12:00:00Z'), written by the auth library from its injected clock; that fixed-width form
-- sorts and compares correctly as text, which the expiry purges rely on.

-- Emails are stored lower-cased by the library (NOCASE alone only folds ASCII) and are unique whatever
-- their case. password_hash is a libsodium argon2id string, or '!' for an account that cannot log in with
-- a password (the embedded mode's local account, which signs in with the one-time bootstrap token).
CREATE TABLE users (
    id            TEXT    PRIMARY KEY NOT NULL CHECK (length(id) = 36),
    email         TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role          TEXT    NOT NULL DEFAULT 'analyst' CHECK (role IN ('admin', 'analyst', 'citizen')),
    password_hash TEXT    NOT NULL CHECK (length(password_hash) > 0),
    is_active     INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at    TEXT    NOT NULL,
    last_login    TEXT
) STRICT, WITHOUT ROWID;

-- Every refresh token ever issued, until it expires. Rotation: using a token revokes it (revoked_at) and
-- names its successor (replaced_by); all tokens descending from one login share family_id, so presenting
-- an already-rotated token (a sign of theft) revokes the whole family. access_jti is the access token
-- issued together with this refresh token: logout without the refresh token still ends that session.
CREATE TABLE refresh_tokens (
    jti         TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   TEXT NOT NULL,
    access_jti  TEXT,
    issued_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT,
    replaced_by TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_by_access ON refresh_tokens (access_jti);
CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens (expires_at);

-- Access tokens revoked before their expiry (logout). A row is useless once the token has expired anyway,
-- so the purge deletes it then; the table stays as small as the number of recent logouts.
CREATE TABLE revoked_access_jti (
    jti        TEXT PRIMARY KEY NOT NULL,
    expires_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX revoked_access_jti_by_expiry ON revoked_access_jti (expires_at);

-- The embedded mode's one-time bootstrap tokens, stored as SHA-256 (hex) only: the token itself is printed
-- once on the ready line for the parent app and never kept. used_at set = spent.
CREATE TABLE bootstrap_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT, WITHOUT ROWID;
