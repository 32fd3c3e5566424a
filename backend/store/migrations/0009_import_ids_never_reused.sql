-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0009: an import's id is never handed out again. `DELETE /api/v1/data/imports/{id}` removes an import;
-- with a plain INTEGER PRIMARY KEY SQLite reuses the highest freed id, so a client still holding the
-- old id (another window, a script) would remove the file imported after it. AUTOINCREMENT keeps the
-- high-water mark in sqlite_sequence. The table is rebuilt (the documented procedure: foreign keys are
-- OFF while migrations run, so the records' `REFERENCES imports(id)` simply resolve to the new table).
CREATE TABLE imports_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    source        TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    member        TEXT,
    encoding      TEXT,
    started_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at   TEXT,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_imported INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    status        TEXT    NOT NULL CHECK (status IN ('running', 'imported', 'rejected', 'cancelled')),
    report        TEXT,
    header        BLOB,
    line_format   TEXT
) STRICT;

INSERT INTO imports_new (id, source, file_name, member, encoding, started_at, finished_at, rows_read,
                         rows_imported, rows_rejected, status, report, header, line_format)
SELECT id, source, file_name, member, encoding, started_at, finished_at, rows_read, rows_imported,
       rows_rejected, status, report, header, line_format
FROM imports;

DROP TABLE imports;
ALTER TABLE imports_new RENAME TO imports;
