// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for the import's speed, measured in the same run: SQLite alone storing the contracts the
// importer has just stored. The rows are copied already typed from the bench database (INSERT … SELECT:
// no CSV, no decoding, no conversion, no binding) into a fresh file made exactly as the importer's is:
// the same schema and connection settings (Database::open, migrate), the same import settings
// (ImportCache), the same index drop and rebuild (DeferredIndexes), one transaction, and the commit with
// its WAL checkpoint. The schemas match, so SQLite copies each record whole without decoding it (its
// "transfer" optimisation of INSERT … SELECT): the insert is a lower bound, faster than any insert of
// values. Whatever the importer takes beyond this is its own (reading and converting the CSV, binding);
// this much is the store's, and no importer writing this schema into this store can go under it.
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

namespace cidadao::bench {

// Copies `table` and its `<table>_original` rows from the database at sourcePath into a fresh database
// in scratchDir (deleted after) and returns {rows, insert_s, indexes_s, commit_s, total_s, cpu_s,
// rows_per_s}.
nlohmann::json measureStoreFloor(const QString& sourcePath, const QString& scratchDir, const char* table);

} // namespace cidadao::bench
