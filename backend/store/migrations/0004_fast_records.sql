-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0004: records stored for fast bulk import (issue 4). The original row is no longer a JSON object per
-- row (header names repeated a million times, ~1 KB a row, built and copied on every insert): each
-- table's `raw` column moves to a side table `<table>_original(id, line)` holding the record's bytes as
-- read from the file (in the file's own encoding, `imports.encoding`; quotes and `;` as written), and
-- the file's header record is kept once in `imports.header`. Splitting `line` with the header gives back
-- every original column, modelled or not. Rows imported before 0004 have `imports.header` NULL and their
-- `line` is the old JSON object header→value (UTF-8). The side table keeps the record tables narrow, so
-- that the loader's full scans read a third of the pages.
ALTER TABLE imports ADD COLUMN header BLOB;

CREATE TABLE contracts_original (
    id   INTEGER PRIMARY KEY REFERENCES contracts(id) ON DELETE CASCADE,
    line BLOB    NOT NULL
) STRICT;
INSERT INTO contracts_original (id, line) SELECT id, CAST(raw AS BLOB) FROM contracts;
ALTER TABLE contracts DROP COLUMN raw;

CREATE TABLE biddings_original (
    id   INTEGER PRIMARY KEY REFERENCES biddings(id) ON DELETE CASCADE,
    line BLOB    NOT NULL
) STRICT;
INSERT INTO biddings_original (id, line) SELECT id, CAST(raw AS BLOB) FROM biddings;
ALTER TABLE biddings DROP COLUMN raw;

CREATE TABLE bidding_participants_original (
    id   INTEGER PRIMARY KEY REFERENCES bidding_participants(id) ON DELETE CASCADE,
    line BLOB    NOT NULL
) STRICT;
INSERT INTO bidding_participants_original (id, line) SELECT id, CAST(raw AS BLOB) FROM bidding_participants;
ALTER TABLE bidding_participants DROP COLUMN raw;

CREATE TABLE agreements_original (
    id   INTEGER PRIMARY KEY REFERENCES agreements(id) ON DELETE CASCADE,
    line BLOB    NOT NULL
) STRICT;
INSERT INTO agreements_original (id, line) SELECT id, CAST(raw AS BLOB) FROM agreements;
ALTER TABLE agreements DROP COLUMN raw;

CREATE TABLE expenses_original (
    id   INTEGER PRIMARY KEY REFERENCES expenses(id) ON DELETE CASCADE,
    line BLOB    NOT NULL
) STRICT;
INSERT INTO expenses_original (id, line) SELECT id, CAST(raw AS BLOB) FROM expenses;
ALTER TABLE expenses DROP COLUMN raw;

CREATE TABLE servant_pay_original (
    id   INTEGER PRIMARY KEY REFERENCES servant_pay(id) ON DELETE CASCADE,
    line BLOB    NOT NULL
) STRICT;
INSERT INTO servant_pay_original (id, line) SELECT id, CAST(raw AS BLOB) FROM servant_pay;
ALTER TABLE servant_pay DROP COLUMN raw;

CREATE TABLE sanctions_original (
    id   INTEGER PRIMARY KEY REFERENCES sanctions(id) ON DELETE CASCADE,
    line BLOB    NOT NULL
) STRICT;
INSERT INTO sanctions_original (id, line) SELECT id, CAST(raw AS BLOB) FROM sanctions;
ALTER TABLE sanctions DROP COLUMN raw;
