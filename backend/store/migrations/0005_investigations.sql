-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0005: investigations (spec/API.md §5), owned by backend/investigations. One row per investigation:
-- the request as given, the live status (written at each phase change), and once finished the
-- results (a JSON array of AnomalyResult) and the pattern analysis. A row left `started` or
-- `processing` by a server that died is set `failed` with reason 'interrupted' at the next start.
CREATE TABLE investigations (
    id                 TEXT    PRIMARY KEY NOT NULL,
    owner_id           TEXT    NOT NULL,
    query              TEXT    NOT NULL,
    data_source        TEXT    NOT NULL,
    request            TEXT    NOT NULL,                 -- InvestigationRequest JSON
    status             TEXT    NOT NULL CHECK (status IN ('started', 'processing', 'completed', 'failed', 'cancelled')),
    current_phase      TEXT    NOT NULL,
    progress           REAL    NOT NULL DEFAULT 0,
    records_processed  INTEGER NOT NULL DEFAULT 0,
    anomalies_detected INTEGER NOT NULL DEFAULT 0,
    reason             TEXT,                             -- failed/cancelled: why
    created_ms         INTEGER NOT NULL,                 -- epoch milliseconds: the list's sort key
    completed_ms       INTEGER,
    total_records      INTEGER NOT NULL DEFAULT 0,
    summary            TEXT,
    confidence_score   REAL    NOT NULL DEFAULT 0,
    processing_time    REAL    NOT NULL DEFAULT 0,       -- seconds
    results            TEXT,                             -- JSON array of AnomalyResult
    patterns           TEXT                              -- JSON of the pattern analysis (Anita)
) STRICT;
CREATE INDEX investigations_owner_created ON investigations (owner_id, created_ms, id);
CREATE INDEX investigations_created ON investigations (created_ms, id);
CREATE INDEX investigations_status ON investigations (status);
