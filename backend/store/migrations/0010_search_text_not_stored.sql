-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0010: search_text no longer stored (issue 4, import speed). The folded searchable text was a third of
-- every record row (255 of 826 bytes per contract) and a seventh of the import's time to fold and
-- write, while searches (LIKE '%...%') scan the table anyway. Queries now fold the searchable columns as
-- they scan: search_fold(<the source's search columns>) (backend/store/searchfold.h, registered on every
-- connection by store::Database::open; data::searchTextSql names the columns). Not a generated column:
-- SQLite computes even VIRTUAL generated columns on every INSERT, which would fold as much as before.
-- Dropping the column rewrites each table once.
ALTER TABLE contracts DROP COLUMN search_text;
ALTER TABLE biddings DROP COLUMN search_text;
ALTER TABLE bidding_participants DROP COLUMN search_text;
ALTER TABLE agreements DROP COLUMN search_text;
ALTER TABLE expenses DROP COLUMN search_text;
ALTER TABLE servant_pay DROP COLUMN search_text;
ALTER TABLE sanctions DROP COLUMN search_text;
