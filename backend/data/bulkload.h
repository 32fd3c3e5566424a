// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite side of a bulk import, around the file's transaction: connection settings for the import's
// duration (ImportCache) and secondary indexes built once after the rows (DeferredIndexes). Internal to
// backend/data; the Importer uses both.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cidadao::store {
class Database;
}

namespace cidadao::data {

// A larger page cache (256 MiB: more measured no faster) and no per-row foreign-key checks, for as long
// as the object lives; the previous settings come back after.
// Made before the file's transaction begins (PRAGMA foreign_keys is a no-op inside one).
class ImportCache
{
public:
    explicit ImportCache(store::Database& db);
    ~ImportCache();
    ImportCache(const ImportCache&) = delete;
    ImportCache& operator=(const ImportCache&) = delete;

private:
    store::Database& m_db;
    std::int64_t m_previous = -2000;
    std::int64_t m_previousKeys = 1;
};

// Into an empty table, building each secondary index once after the rows are in (one sort) costs a
// fraction of updating it row by row in random key order. The indexes are dropped and re-created
// inside the file's transaction, so a rejected or cancelled import rolls the drop back with its rows.
// A table that already holds rows keeps its indexes: rebuilding them would cost more than it saves.
//
// At a million contracts the rebuild is a third of the import (three indexes, 2.4 s), so it reports
// each index built and can be cancelled inside a CREATE INDEX: a progress handler polls `cancel` and
// interrupts the statement, which then throws store::StoreError (SQLITE_INTERRUPT).
class DeferredIndexes
{
public:
    DeferredIndexes(store::Database& db, std::string_view table);
    std::size_t count() const { return m_create.size(); }
    // afterEach(built, count()) after each index.
    void rebuild(const std::atomic_bool* cancel, const std::function<void(std::size_t, std::size_t)>& afterEach);

private:
    store::Database& m_db;
    std::vector<std::string> m_create;
};

} // namespace cidadao::data
