-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0008: import speed (issue 4). Original rows kept only where they say more than the record's columns.
-- A row whose every field renders back from its stored value to the text the file had (see
-- backend/data/lineformat.h: text without surrounding blanks, documents without punctuation, DD/MM/YYYY
-- dates, numbers with the column's own decimals, the file's SIM/NÃO spelling) gets no `<table>_original`
-- row any more; `line_format` says, per file column in file order, which record column holds it and how
-- it renders ({"version":1,"columns":[{"column","kind","decimals"?,"yes"?,"no"?}]}). Rows that do not
-- render back, and every row of a file with a column no field models, keep their bytes as before; NULL
-- (imports before 0008, and such files) means every row has its `<table>_original` row. With
-- imports.header, every original column of every row is still there.
ALTER TABLE imports ADD COLUMN line_format TEXT;

-- Fewer indexes on the record tables. Every secondary index is rebuilt after each bulk import (a full
-- scan of the table and a sort: ~1 s per index per million contracts, most of the import's time), so
-- only the indexes a query actually uses are kept (2026-11, grep of backend/agents, data/loader,
-- server/datacontroller, investigations):
-- - `<table>_import (import_id)`: only deleting an import reads records by import_id, once per import (a
--   scan; the cascade is rare), and the loader's import filter reads most of a table anyway.
-- - contracts_number: no query looks contracts up by number; contracts_unit_signed: only the loader's
--   unit filter, rare, which then scans. Kept: contracts_supplier (the agents' supplier questions),
--   contracts_organ_signed and contracts_signed (the organ and date filters of loader and agents).
DROP INDEX contracts_number;
DROP INDEX contracts_unit_signed;
DROP INDEX contracts_import;
DROP INDEX biddings_import;
DROP INDEX bidding_participants_import;
DROP INDEX agreements_import;
DROP INDEX expenses_import;
DROP INDEX servant_pay_import;
DROP INDEX sanctions_import;
