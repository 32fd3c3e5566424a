// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/bulkload.h"

#include "store/database.h"
#include "store/statement.h"
#include "store/storeerror.h"

#include <sqlite3.h>

namespace cidadao::data {

namespace {

// A pragma's current value, to set it back afterwards.
std::int64_t pragmaValue(store::Database& db, const char* name, std::int64_t fallback)
{
    store::Statement statement = db.prepare(std::string("PRAGMA ") + name);
    return statement.step() ? statement.int64(0) : fallback;
}

} // namespace

ImportCache::ImportCache(store::Database& db)
    : m_db(db)
{
    // With SQLite's default 2 MiB cache, the B-tree pages of a large insert would be read back from disk.
    m_previous = pragmaValue(db, "cache_size", -2000);
    db.exec("PRAGMA cache_size = -262144");
    // The importer writes consistent rows itself (each record's import_id is the import row it
    // just inserted, each original's id the record it just inserted): checking the foreign keys
    // of every inserted row cost a parent lookup per row, 6% of the import's time. The pragma is
    // a no-op inside a transaction, so it is switched before the file's transaction begins.
    m_previousKeys = pragmaValue(db, "foreign_keys", 1);
    db.exec("PRAGMA foreign_keys = OFF");
}

ImportCache::~ImportCache()
{
    try {
        m_db.exec("PRAGMA cache_size = " + std::to_string(m_previous));
        m_db.exec("PRAGMA foreign_keys = " + std::to_string(m_previousKeys));
    } catch (const store::StoreError&) {
        // The default is only a performance setting: never fail an import over it.
    }
}

DeferredIndexes::DeferredIndexes(store::Database& db, std::string_view table)
    : m_db(db)
{
    store::Statement any = db.prepare("SELECT 1 FROM " + std::string(table) + " LIMIT 1");
    if (any.step())
        return;
    store::Statement list = db.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL");
    list.bind(1, std::string_view(table));
    std::vector<std::string> names;
    while (list.step()) {
        names.push_back(list.text(0).toStdString());
        m_create.push_back(list.text(1).toStdString());
    }
    for (const std::string& name : names)
        db.exec("DROP INDEX \"" + name + "\"");
}

namespace {

// How SQLite sorts an index's keys fastest here. Its sorter cuts the keys into runs the size of the page
// cache, sorts each run (on a worker thread when PRAGMA threads allows) and merges the runs from temporary
// files. With the import's 256 MiB cache the whole index was one run, a linked list of separately
// allocated records sorted on one thread; with temp_store = MEMORY, which ImportCache used to set, the
// sorter never cuts runs at all. Three indexes over a million contracts: 3.5 s that way and 1.6 s with
// 4 MiB runs on two threads in the sqlite3 shell on a checkpointed file; in the importer, where the
// rows are still in the transaction's pages, 3.2 s and 2.4 s. Only the rebuild has the small cache: the
// rows before it are inserted with the large one.
class FastSort
{
public:
    explicit FastSort(store::Database& db)
        : m_db(db)
        , m_cache(pragmaValue(db, "cache_size", -2000))
        , m_threads(pragmaValue(db, "threads", 0))
    {
        db.exec("PRAGMA cache_size = -4096; PRAGMA threads = 2");
    }
    ~FastSort()
    {
        try {
            m_db.exec("PRAGMA cache_size = " + std::to_string(m_cache) + "; PRAGMA threads = " + std::to_string(m_threads));
        } catch (const store::StoreError&) {
            // Only performance settings: never fail an import over them.
        }
    }
    FastSort(const FastSort&) = delete;
    FastSort& operator=(const FastSort&) = delete;

private:
    store::Database& m_db;
    std::int64_t m_cache;
    std::int64_t m_threads;
};

} // namespace

void DeferredIndexes::rebuild(const std::atomic_bool* cancel, const std::function<void(std::size_t, std::size_t)>& afterEach)
{
    const std::size_t total = m_create.size();
    // Every 100,000 virtual-machine steps (a few milliseconds): often enough to stop promptly, rarely
    // enough to cost nothing.
    if (cancel)
        sqlite3_progress_handler(
            m_db.handle(), 100000,
            [](void* flag) { return static_cast<const std::atomic_bool*>(flag)->load(std::memory_order_relaxed) ? 1 : 0; },
            const_cast<std::atomic_bool*>(cancel));
    struct HandlerOff
    {
        sqlite3* db;
        ~HandlerOff() { sqlite3_progress_handler(db, 0, nullptr, nullptr); }
    } off{m_db.handle()};
    const FastSort sort(m_db);
    for (std::size_t i = 0; i < total; ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return;   // the caller sees the cancel; its transaction rolls back the dropped indexes
        m_db.exec(m_create[i]);
        if (afterEach)
            afterEach(i + 1, total);
    }
    m_create.clear();
}

} // namespace cidadao::data
