-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0007: workflow executions and the watchlist (backend/workflows). Timestamps are UTC ISO 8601 text with
-- millisecond precision ('2026-01-31T12:00:00.000Z'): fixed width, so they sort as text.

-- One run of a workflow. status: running | completed | failed | cancelled. A row still 'running' when the
-- server starts belongs to a run the previous process never finished: startup marks it failed.
CREATE TABLE workflow_executions (
    id             TEXT PRIMARY KEY NOT NULL,
    workflow_id    TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
    input          TEXT NOT NULL DEFAULT '{}',
    result         TEXT,
    error          TEXT,
    failed_node    TEXT,
    correlation_id TEXT,
    started_at     TEXT NOT NULL,
    finished_at    TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX workflow_executions_by_user ON workflow_executions (user_id, started_at DESC);
CREATE INDEX workflow_executions_running ON workflow_executions (status) WHERE status = 'running';

-- One node of one execution, written when it finishes (or is abandoned). status: completed | failed |
-- cancelled.
CREATE TABLE workflow_node_runs (
    execution_id TEXT    NOT NULL REFERENCES workflow_executions (id) ON DELETE CASCADE,
    node_id      TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('completed', 'failed', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 1,
    duration_ms  REAL    NOT NULL DEFAULT 0,
    output       TEXT,
    error        TEXT,
    finished_at  TEXT    NOT NULL,
    PRIMARY KEY (execution_id, node_id)
) STRICT, WITHOUT ROWID;

-- Saved investigations re-run by the watchlist workflow. request: an InvestigationRequest JSON.
CREATE TABLE watchlist_items (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    request    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_run   TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX watchlist_items_by_user ON watchlist_items (user_id);

-- Findings already reported for a watchlist item, by a stable fingerprint (detector + affected records),
-- so that a re-run notifies only what is new.
CREATE TABLE watchlist_seen (
    item_id     TEXT NOT NULL REFERENCES watchlist_items (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    PRIMARY KEY (item_id, fingerprint)
) STRICT, WITHOUT ROWID;
