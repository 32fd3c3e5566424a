-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0001: the store core. Generic tables only; domain tables come with their own migrations (0002+).
-- Rules for every migration: no BEGIN/COMMIT (the runner wraps each file in one transaction with its
-- schema_version row), never edit a released file (add a new one), timestamps are UTC ISO 8601 text.

-- One row per applied migration: the history of the file, not only its current version.
-- The runner inserts (version, name); applied_at records when, for support and audits.
CREATE TABLE schema_version (
    version    INTEGER PRIMARY KEY CHECK (version > 0),
    name       TEXT    NOT NULL,
    applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Server-side settings that must live with the data (not the desktop QSettings): e.g. the id of this data
-- directory, the last sample-data seed loaded. Values are text; callers encode JSON when they need structure.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
    value      TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT, WITHOUT ROWID;

-- A random id for this database, so that caches and exports can tell two data directories apart.
INSERT INTO settings (key, value) VALUES ('store.database_id', lower(hex(randomblob(16))));
