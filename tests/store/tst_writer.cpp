// SPDX-License-Identifier: GPL-3.0-or-later
// Writer (one thread owns the ReadWrite connection) and ReaderPool (one ReadOnly connection per thread).
#include "store/database.h"
#include "store/readerpool.h"
#include "store/writer.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace cidadao::store;
using namespace Qt::StringLiterals;

namespace {

std::int64_t countRows(Database& db)
{
    Statement query = db.prepare("SELECT count(*) FROM t");
    query.step();
    return query.int64(0);
}

} // namespace

class TestWriter : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"writer-%1.db"_s.arg(++m_counter));
        auto db = Database::open(m_path);
        migrate(*db);
        db->exec("CREATE TABLE t (seq INTEGER PRIMARY KEY AUTOINCREMENT, producer INTEGER, n INTEGER)");
    }

    void returnsResultsThroughFutures()
    {
        Writer writer(m_path);
        std::future<std::int64_t> id = writer.submit([](Database& db) {
            db.exec("INSERT INTO t (producer, n) VALUES (0, 0)");
            return db.lastInsertRowId();
        });
        QCOMPARE(id.get(), std::int64_t(1));
        std::future<void> done = writer.submit([](Database& db) { db.exec("DELETE FROM t"); });
        done.get();
        QCOMPARE(writer.submit([](Database& db) { return countRows(db); }).get(), std::int64_t(0));
    }

    void runsJobsInSubmissionOrderFromManyThreads()
    {
        constexpr int producers = 4;
        constexpr int jobsEach = 250;
        Writer writer(m_path);
        std::atomic<bool> wrongThread{false};
        std::thread::id writerThread;
        writer.submit([&writerThread](Database&) { writerThread = std::this_thread::get_id(); }).get();

        std::vector<std::thread> threads;
        for (int p = 0; p < producers; ++p) {
            threads.emplace_back([&writer, &wrongThread, &writerThread, p] {
                std::vector<std::future<void>> results;
                for (int n = 0; n < jobsEach; ++n) {
                    results.push_back(writer.submit([&wrongThread, &writerThread, p, n](Database& db) {
                        if (std::this_thread::get_id() != writerThread)
                            wrongThread = true;
                        Statement insert = db.prepare("INSERT INTO t (producer, n) VALUES (?1, ?2)");
                        insert.bindAll(p, n).run();
                    }));
                }
                for (auto& result : results)
                    result.get();
            });
        }
        for (auto& thread : threads)
            thread.join();
        QVERIFY(!wrongThread);

        // Per producer, rows were inserted in that producer's submission order.
        auto perProducerOrder = writer.submit([](Database& db) {
            Statement query = db.prepare("SELECT producer, n FROM t ORDER BY seq");
            std::vector<int> next(producers, 0);
            int total = 0;
            while (query.step()) {
                const auto p = static_cast<std::size_t>(query.int64(0));
                if (query.int64(1) != next[p])
                    return -1;
                ++next[p];
                ++total;
            }
            return total;
        });
        QCOMPARE(perProducerOrder.get(), producers * jobsEach);
    }

    void exceptionsReachTheCallerAndTheWriterGoesOn()
    {
        Writer writer(m_path);
        auto failing = writer.submit([](Database& db) -> int {
            Transaction tx(db);
            db.exec("INSERT INTO t (producer, n) VALUES (9, 9)");
            throw std::invalid_argument("CNPJ inválido");
        });
        try {
            failing.get();
            QFAIL("the exception was lost");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(QString::fromUtf8(e.what()), u"CNPJ inválido"_s);
        }
        auto storeFailure = writer.submit([](Database& db) { db.exec("INSERT INTO missing VALUES (1)"); });
        QVERIFY_THROWS_EXCEPTION(StoreError, storeFailure.get());
        QCOMPARE(writer.submit([](Database& db) { return countRows(db); }).get(), std::int64_t(0));
    }

    void aTransactionLeftOpenIsRolledBack()
    {
        Writer writer(m_path);
        QTest::ignoreMessage(QtWarningMsg, "cidadao.store: a writer job left a transaction open; rolling it back");
        writer.submit([](Database& db) { db.exec("BEGIN; INSERT INTO t (producer, n) VALUES (1, 1)"); }).get();
        QVERIFY(!writer.submit([](Database& db) { return db.inTransaction(); }).get());
        QCOMPARE(writer.submit([](Database& db) { return countRows(db); }).get(), std::int64_t(0));
    }

    void shutdownDrainsQueuedJobsAndRejectsNewOnes()
    {
        std::vector<std::future<void>> queued;
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        auto writer = std::make_unique<Writer>(m_path);
        // The first job blocks the writer so that the others are still queued when shutdown starts.
        queued.push_back(writer->submit([released](Database&) { released.wait(); }));
        for (int i = 0; i < 50; ++i) {
            queued.push_back(writer->submit(
                [i](Database& db) { db.prepare("INSERT INTO t (producer, n) VALUES (0, ?1)").bind(1, i).run(); }));
        }
        std::thread stopper([&writer] { writer->shutdown(); });
        // shutdown() blocks until drained; new jobs are refused once it has started.
        bool refused = false;
        while (!refused) {
            try {
                queued.push_back(writer->submit([](Database&) {})); // accepted before shutdown began
            } catch (const WriterStoppedError& e) {
                refused = true;
                QCOMPARE(e.sqliteCode(), 21 /* SQLITE_MISUSE */);
            }
        }
        release.set_value();
        stopper.join();
        for (auto& job : queued)
            job.get(); // every queued job ran (none was dropped with a broken promise)
        writer.reset();
        auto db = Database::open(m_path, Database::Mode::ReadOnly);
        QCOMPARE(countRows(*db), std::int64_t(50));
    }

    void writerNeedsAReadWriteConnection()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError, Writer(Database::open(m_path, Database::Mode::ReadOnly)));
        QVERIFY_THROWS_EXCEPTION(StoreError, Writer(m_dir.filePath(u"no/such/dir/x.db"_s)));
    }

    // WAL: readers see the last committed state while the writer is in the middle of a transaction, and see
    // the new rows once it commits. Synchronised with promises, not timing.
    void readersSeeCommittedDataWhileTheWriterWrites()
    {
        Writer writer(m_path);
        writer.submit([](Database& db) { db.exec("INSERT INTO t (producer, n) VALUES (0, 0)"); }).get();
        ReaderPool readers(m_path);

        std::promise<void> inserted;
        std::promise<void> mayCommit;
        std::future<void> mayCommitFuture = mayCommit.get_future();
        auto job = writer.submit([&inserted, &mayCommitFuture](Database& db) {
            Transaction tx(db);
            Statement insert = db.prepare("INSERT INTO t (producer, n) VALUES (1, ?1)");
            for (int i = 0; i < 1000; ++i) {
                insert.bind(1, i).run();
                insert.reset();
            }
            inserted.set_value();
            mayCommitFuture.wait();
            tx.commit();
            return countRows(db);
        });
        inserted.get_future().wait();

        // The writer holds an open write transaction with 1000 uncommitted rows: readers are not blocked and
        // see the committed state, from this thread and from another one.
        QCOMPARE(countRows(readers.connection()), std::int64_t(1));
        std::int64_t seenByOtherThread = -1;
        std::thread other([&readers, &seenByOtherThread] { seenByOtherThread = countRows(readers.connection()); });
        other.join();
        QCOMPARE(seenByOtherThread, std::int64_t(1));
        QCOMPARE(readers.size(), std::size_t(2)); // one connection per thread

        mayCommit.set_value();
        QCOMPARE(job.get(), std::int64_t(1001));
        QCOMPARE(countRows(readers.connection()), std::int64_t(1001));
        QCOMPARE(&readers.connection(), &readers.connection()); // the same connection for the same thread
        QCOMPARE(readers.size(), std::size_t(2));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestWriter)
#include "tst_writer.moc"
