// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/readerpool.h"

#include <utility>

namespace cidadao::store {

ReaderPool::ReaderPool(QString path)
    : m_path(std::move(path))
{
}

Database& ReaderPool::connection()
{
    const std::thread::id self = std::this_thread::get_id();
    {
        std::lock_guard lock(m_mutex);
        auto it = m_connections.find(self);
        if (it != m_connections.end())
            return *it->second;
    }
    // Opened outside the lock: opening touches the file system, and only this thread can insert this key.
    // A recycled thread id inherits the connection of a finished thread, which is safe (that thread is gone).
    auto db = Database::open(m_path, Database::Mode::ReadOnly);
    std::lock_guard lock(m_mutex);
    auto& slot = m_connections[self];
    slot = std::move(db);
    return *slot;
}

std::size_t ReaderPool::size() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size();
}

} // namespace cidadao::store
