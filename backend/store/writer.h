// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/database.h"
#include "store/storeerror.h"

#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>

namespace cidadao::store {

// The single writer of a database file: owns the ReadWrite connection on its own thread and runs submitted
// jobs one at a time, in submission order. SQLite allows one writer at a time anyway; serialising writes here
// (instead of letting threads fight over the lock with busy_timeout) keeps writes fair and never SQLITE_BUSY.
//
// A job is any callable taking Database&; submit() returns a std::future with its result or its exception.
// Jobs that change several rows should open a Transaction inside the job. A job that leaves a transaction
// open (a bug) has it rolled back before the next job runs.
//
// Shutdown (shutdown() or the destructor) drains: jobs already queued still run, later submit() calls throw
// WriterStoppedError. Never wait on a Writer future from inside a job (it would wait for itself).
class Writer
{
public:
    explicit Writer(std::unique_ptr<Database> db); // takes over a ReadWrite connection (e.g. already migrated)
    explicit Writer(const QString& path);          // opens path ReadWrite; throws StoreError
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    template <typename F>
    auto submit(F&& job) -> std::future<std::invoke_result_t<std::decay_t<F>&, Database&>>
    {
        using Result = std::invoke_result_t<std::decay_t<F>&, Database&>;
        // std::function needs a copyable callable: the move-only packaged_task lives behind a shared_ptr.
        auto task = std::make_shared<std::packaged_task<Result(Database&)>>(std::forward<F>(job));
        std::future<Result> result = task->get_future();
        enqueue([task](Database& db) { (*task)(db); });
        return result;
    }

    void shutdown(); // stop accepting jobs, run the queued ones, join the thread; idempotent
    const QString& path() const { return m_path; }

private:
    void enqueue(std::function<void(Database&)> job);
    void run();

    std::unique_ptr<Database> m_db;
    QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void(Database&)>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace cidadao::store
