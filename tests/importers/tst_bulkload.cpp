// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite side of a bulk import (data/bulkload.h): the secondary indexes dropped before the rows and
// rebuilt after them, and a cancel that arrives while SQLite is inside one of those CREATE INDEX.
#include "data/bulkload.h"
#include "importtestutil.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>

using namespace cidadao;
using cidadao::testsupport::scalar;

namespace {

// flip(x) returns x and, at its `at`-th call, raises the cancel flag: used in an index's expression, it
// says "cancel now" from inside the CREATE INDEX that evaluates it for every row.
struct Flip
{
    std::atomic_bool* cancel;
    int at;
    int calls = 0;
};

void flip(sqlite3_context* context, int, sqlite3_value** arguments)
{
    auto* state = static_cast<Flip*>(sqlite3_user_data(context));
    if (++state->calls == state->at)
        *state->cancel = true;
    sqlite3_result_value(context, arguments[0]);
}

const std::string kCountIndexes = "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 't'";

} // namespace

class TestBulkLoad : public QObject
{
    Q_OBJECT

private slots:
    void cancelInsideACreateIndexInterruptsIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto db = store::Database::open(dir.filePath(QStringLiteral("bulk.db")));
        std::atomic_bool cancel = false;
        constexpr int kRows = 100000;
        Flip state{&cancel, kRows / 5};
        QCOMPARE(sqlite3_create_function_v2(db->handle(), "flip", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, &state, flip,
                                            nullptr, nullptr, nullptr),
                 SQLITE_OK);
        db->exec("CREATE TABLE t (x INTEGER); CREATE INDEX t_plain ON t (x); CREATE INDEX t_flip ON t (flip(x))");
        QCOMPARE(scalar(*db, kCountIndexes), 2);

        store::Transaction transaction(*db);
        data::DeferredIndexes indexes(*db, "t");
        QCOMPARE(indexes.count(), std::size_t(2));
        QCOMPARE(scalar(*db, kCountIndexes), 0);   // dropped while the rows go in
        db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kRows)
                 + ") INSERT INTO t SELECT (i * 7919) % 100003 FROM n");
        std::size_t built = 0;
        int code = SQLITE_OK;
        try {
            indexes.rebuild(&cancel, [&](std::size_t done, std::size_t total) {
                built = done;
                QCOMPARE(total, std::size_t(2));
            });
        } catch (const store::StoreError& error) {
            code = error.sqliteCode();
        }
        // The plain index was built; the second stopped inside its CREATE INDEX, well before its last row.
        QCOMPARE(code, SQLITE_INTERRUPT);
        QCOMPARE(built, std::size_t(1));
        QVERIFY(state.calls >= kRows / 5);
        QVERIFY2(state.calls < kRows, qPrintable(QString::number(state.calls)));
        // SQLite ends the whole transaction on an interrupt; rolling back after it is not an error.
        QVERIFY(!db->inTransaction());
        transaction.rollback();

        // Rolled back: no rows, and both indexes as they were.
        QCOMPARE(scalar(*db, "SELECT count(*) FROM t"), 0);
        QCOMPARE(scalar(*db, kCountIndexes), 2);
        QCOMPARE(testsupport::textValue(*db, "PRAGMA integrity_check"), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestBulkLoad)
#include "tst_bulkload.moc"
