// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/migrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/transaction.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>

struct sqlite3;

namespace cidadao::store {

// ONE SQLite connection, to be used from one thread only (it is opened without SQLite's per-connection mutex).
// The design is one writer connection (see Writer) and one ReadOnly connection per reading thread (see
// ReaderPool): WAL lets readers see the last committed state while the writer writes.
//
// Every connection gets: journal_mode=WAL (ReadWrite only: it is persistent in the file), synchronous=NORMAL
// (durable at each WAL checkpoint, never corrupt; the right trade-off in WAL mode), foreign_keys=ON and
// busy_timeout=lockWaitMs().
class Database
{
public:
    // How long a write waits for another connection's write transaction before failing with SQLITE_BUSY:
    // long enough for an import of several million rows (see database.cpp).
    static constexpr int kBusyTimeoutMs = 120000;
    // kBusyTimeoutMs, or the environment's CIDADAO_LOCK_WAIT_MS (operations; a test that needs a held
    // lock to fail a write without waiting two minutes).
    static int lockWaitMs();

    enum class Mode { ReadWrite, ReadOnly };

    // ReadWrite creates the file if needed; ReadOnly requires it. Throws StoreError.
    static std::unique_ptr<Database> open(const QString& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql); // one or more statements; rows of a SELECT are ignored
    Statement prepare(std::string_view sql); // exactly one statement; reuse it with reset()

    std::int64_t lastInsertRowId() const;
    int changes() const; // rows changed by the last INSERT/UPDATE/DELETE
    bool inTransaction() const;

    const QString& path() const { return m_path; }
    Mode mode() const { return m_mode; }
    sqlite3* handle() { return m_db; }

private:
    Database(sqlite3* db, QString path, Mode mode);
    sqlite3* m_db;
    QString m_path;
    Mode m_mode;
};

// The output of PRAGMA integrity_check, lines joined with '\n': exactly "ok" for a healthy database.
QString integrityCheck(Database& db);

} // namespace cidadao::store
