// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/writer.h"

#include <QtGlobal>

#if defined(__linux__)
#include <pthread.h>
#endif

namespace cidadao::store {

Writer::Writer(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{
    if (!m_db)
        throw StoreError("Writer needs a database connection", 21 /* SQLITE_MISUSE */);
    if (m_db->mode() != Database::Mode::ReadWrite)
        throw StoreError("Writer needs a ReadWrite connection to " + m_db->path().toStdString(),
                         21 /* SQLITE_MISUSE */);
    m_path = m_db->path();
    m_thread = std::thread([this] { run(); });
}

Writer::Writer(const QString& path)
    : Writer(Database::open(path, Database::Mode::ReadWrite))
{
}

Writer::~Writer()
{
    shutdown();
}

void Writer::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

void Writer::enqueue(std::function<void(Database&)> job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            throw WriterStoppedError();
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void Writer::run()
{
#if defined(__linux__)
    pthread_setname_np(pthread_self(), "cidadao-writer"); // visible in top/gdb; at most 15 characters
#endif
    for (;;) {
        std::function<void(Database&)> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping and drained
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        // The packaged_task stores the job's exception in its future; nothing escapes here.
        job(*m_db);
        if (m_db->inTransaction()) {
            qWarning("cidadao.store: a writer job left a transaction open; rolling it back");
            try {
                m_db->exec("ROLLBACK");
            } catch (const std::exception& e) {
                qWarning("cidadao.store: rollback failed: %s", e.what());
            }
        }
    }
}

} // namespace cidadao::store
