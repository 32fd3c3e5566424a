// SPDX-License-Identifier: GPL-3.0-or-later
// Transaction: commit, rollback on exception, explicit rollback, nesting as savepoints.
#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using namespace cidadao::store;
using namespace Qt::StringLiterals;

class TestTransaction : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"tx.db"_s);
        m_db = Database::open(m_path);
        m_db->exec("DROP TABLE IF EXISTS t; CREATE TABLE t (x INTEGER)");
    }
    void cleanup() { m_db.reset(); }

    void commitKeepsRows()
    {
        {
            Transaction tx(*m_db);
            QVERIFY(m_db->inTransaction());
            insertRows(3);
            tx.commit();
        }
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(count(*m_db), 3);
        auto other = Database::open(m_path, Database::Mode::ReadOnly); // durable for other connections too
        QCOMPARE(count(*other), 3);
    }

    void exceptionRollsBack()
    {
        insertRows(1);
        try {
            Transaction tx(*m_db);
            insertRows(5);
            QCOMPARE(count(*m_db), 6);
            throw std::runtime_error("import aborted");
        } catch (const std::runtime_error&) {
        }
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(count(*m_db), 1);
    }

    void storeErrorInsideRollsBackEverything()
    {
        try {
            Transaction tx(*m_db);
            insertRows(2);
            m_db->exec("INSERT INTO missing_table VALUES (1)");
            tx.commit();
            QFAIL("expected StoreError");
        } catch (const StoreError&) {
        }
        QCOMPARE(count(*m_db), 0);
    }

    void explicitRollback()
    {
        Transaction tx(*m_db);
        insertRows(2);
        tx.rollback();
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(count(*m_db), 0);
        tx.rollback(); // idempotent
        QVERIFY_THROWS_EXCEPTION(StoreError, tx.commit());
    }

    void nestedTransactionIsASavepoint()
    {
        Transaction outer(*m_db);
        insertRows(1);
        try {
            Transaction inner(*m_db);
            insertRows(10);
            throw std::runtime_error("inner fails");
        } catch (const std::runtime_error&) {
        }
        QVERIFY(m_db->inTransaction()); // the outer one survives the inner rollback
        QCOMPARE(count(*m_db), 1);
        {
            Transaction inner(*m_db);
            insertRows(2);
            inner.commit();
        }
        outer.commit();
        QCOMPARE(count(*m_db), 3);
    }

    void outerRollbackUndoesCommittedInner()
    {
        {
            Transaction outer(*m_db);
            Transaction inner(*m_db);
            insertRows(4);
            inner.commit();
        }
        QCOMPARE(count(*m_db), 0);
    }

    void beginIsImmediate()
    {
        // A second writer must be refused at BEGIN, not half-way through its work.
        Transaction tx(*m_db);
        auto second = Database::open(m_path);
        second->exec("PRAGMA busy_timeout = 0");
        try {
            Transaction blocked(*second);
            QFAIL("two write transactions at once");
        } catch (const StoreError& e) {
            QCOMPARE(e.sqliteCode(), 5 /* SQLITE_BUSY */);
        }
    }

    void bulkInsertInOneTransaction()
    {
        // The documented fast path: one transaction, one statement, reset per row.
        constexpr int rows = 20000;
        Transaction tx(*m_db);
        Statement insert = m_db->prepare("INSERT INTO t (x) VALUES (?1)");
        for (int i = 0; i < rows; ++i) {
            insert.bind(1, i).run();
            insert.reset();
        }
        tx.commit();
        QCOMPARE(count(*m_db), rows);
        Statement sum = m_db->prepare("SELECT sum(x) FROM t");
        QVERIFY(sum.step());
        QCOMPARE(sum.int64(0), std::int64_t(rows) * (rows - 1) / 2);
    }

private:
    void insertRows(int n)
    {
        Statement insert = m_db->prepare("INSERT INTO t (x) VALUES (?1)");
        for (int i = 0; i < n; ++i) {
            insert.bind(1, i).run();
            insert.reset();
        }
    }
    static int count(Database& db)
    {
        Statement query = db.prepare("SELECT count(*) FROM t");
        query.step();
        return static_cast<int>(query.int64(0));
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
