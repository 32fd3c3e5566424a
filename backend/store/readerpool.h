// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/database.h"

#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace cidadao::store {

// ReadOnly connections to one database file, one per calling thread, opened on first use and kept until the
// pool is destroyed (a prepared-statement-friendly alternative to opening a connection per request). In WAL
// mode every reader sees the last committed state, never a half-written transaction, and never blocks the
// writer. Destroy the pool only once no thread uses its connections any more.
class ReaderPool
{
public:
    explicit ReaderPool(QString path);
    ReaderPool(const ReaderPool&) = delete;
    ReaderPool& operator=(const ReaderPool&) = delete;

    Database& connection(); // the calling thread's connection; throws StoreError if the file cannot be opened
    std::size_t size() const;
    const QString& path() const { return m_path; }

private:
    QString m_path;
    mutable std::mutex m_mutex;
    std::map<std::thread::id, std::unique_ptr<Database>> m_connections;
};

} // namespace cidadao::store
