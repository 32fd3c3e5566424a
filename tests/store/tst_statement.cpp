// SPDX-License-Identifier: GPL-3.0-or-later
// Statement: binding and reading every type, NULL handling, UTF-8, reuse, errors.
#include "store/database.h"

#include <QTemporaryDir>
#include <QStringList>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <limits>

using namespace cidadao::store;
using namespace Qt::StringLiterals;

class TestStatement : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = Database::open(m_dir.filePath(u"statement.db"_s));
        m_db->exec("DROP TABLE IF EXISTS t; CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)");
    }
    void cleanup() { m_db.reset(); }

    void integersRoundTrip()
    {
        Statement insert = m_db->prepare("INSERT INTO t (i) VALUES (?1)");
        const std::int64_t big = std::numeric_limits<std::int64_t>::max();
        const std::int64_t small = std::numeric_limits<std::int64_t>::min();
        insert.bind(1, big).run();
        insert.reset();
        insert.bind(1, small).run();
        insert.reset();
        insert.bind(1, -42).run(); // int overload
        insert.reset();
        insert.bind(1, qint64(1) << 40).run(); // long long: the template overload, no ambiguity
        insert.reset();
        insert.bind(1, 7u).run();
        insert.reset();
        insert.bind(1, true).run();

        Statement query = m_db->prepare("SELECT i, typeof(i) FROM t ORDER BY rowid");
        const std::int64_t expected[] = {big, small, -42, std::int64_t(1) << 40, 7, 1};
        for (std::int64_t value : expected) {
            QVERIFY(query.step());
            QCOMPARE(query.int64(0), value);
            QCOMPARE(query.text(1), u"integer"_s);
        }
        QVERIFY(!query.step());
    }

    void unsignedOverflowIsRejected()
    {
        Statement insert = m_db->prepare("INSERT INTO t (i) VALUES (?1)");
        try {
            insert.bind(1, std::numeric_limits<std::uint64_t>::max());
            QFAIL("expected StoreError");
        } catch (const StoreError& e) {
            QCOMPARE(e.sqliteCode(), SQLITE_RANGE);
        }
    }

    void realsRoundTripAndNanBindsNull()
    {
        Statement insert = m_db->prepare("INSERT INTO t (r) VALUES (?1)");
        insert.bind(1, 1234.5678).run();
        insert.reset();
        insert.bind(1, -0.1).run();
        insert.reset();
        insert.bind(1, std::nan("")).run();
        insert.reset();
        insert.bind(1, std::numeric_limits<double>::quiet_NaN()).run();

        Statement query = m_db->prepare("SELECT r, typeof(r) FROM t ORDER BY rowid");
        QVERIFY(query.step());
        QCOMPARE(query.real(0), 1234.5678);
        QVERIFY(query.step());
        QCOMPARE(query.real(0), -0.1);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(query.step());
            QVERIFY(query.isNull(0));
            QCOMPARE(query.text(1), u"null"_s);
        }
        QVERIFY(!query.step());
    }

    void textRoundTripsUtf8()
    {
        const QString portuguese = u"Ministério da Educação — licitação nº 7/2024: São João, açaí, órgão, "
                                   u"Câmara, coração, ÀÉÎÕÜ ç ã õ, € 😀"_s;
        Statement insert = m_db->prepare("INSERT INTO t (s) VALUES (?1)");
        insert.bind(1, portuguese).run();
        insert.reset();
        insert.bind(1, std::string_view("Licitação via string_view")).run();
        insert.reset();
        insert.bind(1, "Pregão eletrônico via const char*").run();
        insert.reset();
        const QString line = u"órgão;Secretaria de Saúde;ignored"_s;
        insert.bind(1, QStringView(line).sliced(6, 19)).run();
        insert.reset();
        const QByteArray kept("Dispensa de licitação (bindStatic)");
        insert.bindStatic(1, std::string_view(kept.constData(), std::size_t(kept.size()))).run();

        Statement query = m_db->prepare("SELECT s, length(s) FROM t ORDER BY rowid");
        QVERIFY(query.step());
        QCOMPARE(query.text(0), portuguese);
        // SQLite counts characters, so a wrong encoding would change the length it sees.
        QCOMPARE(query.int64(1), std::int64_t(portuguese.toUcs4().size()));
        QVERIFY(query.step());
        QCOMPARE(query.text(0), u"Licitação via string_view"_s);
        QVERIFY(query.step());
        QCOMPARE(query.text(0), u"Pregão eletrônico via const char*"_s);
        QVERIFY(query.step());
        QCOMPARE(query.text(0), u"Secretaria de Saúde"_s);
        QVERIFY(query.step());
        QCOMPARE(query.text(0), u"Dispensa de licitação (bindStatic)"_s);
        QVERIFY(!query.step());

        // SQLite's case-insensitive matching is ASCII only; the LIKE on the exact bytes must find the row.
        Statement like = m_db->prepare("SELECT count(*) FROM t WHERE s LIKE ?1");
        like.bind(1, u"%Educação%"_s);
        QVERIFY(like.step());
        QCOMPARE(like.int64(0), std::int64_t(1));
    }

    void rebindingTextOfDifferentLengths()
    {
        // The per-parameter UTF-8 buffer is reused and regrown: every row must keep its own text.
        Statement insert = m_db->prepare("INSERT INTO t (i, s) VALUES (?1, ?2)");
        QStringList expected;
        for (int i = 0; i < 200; ++i) {
            const QString value = QString(u"çã"_s).repeated((i * 37) % 90) + QString::number(i);
            expected.append(value);
            insert.bind(1, i).bind(2, value).run();
            insert.reset();
        }
        Statement query = m_db->prepare("SELECT s FROM t ORDER BY i");
        for (const QString& value : std::as_const(expected)) {
            QVERIFY(query.step());
            QCOMPARE(query.text(0), value);
        }
        QVERIFY(!query.step());
    }

    void nullsOfEveryKind()
    {
        Statement insert = m_db->prepare("INSERT INTO t (i, r, s, b) VALUES (?1, ?2, ?3, ?4)");
        insert.bind(1, nullptr).bind(2, std::optional<double>()).bind(3, QString()).bindBlob(4, QByteArray());
        insert.run();
        insert.reset();
        insert.bind(3, QStringView()).bind(2, std::nan("")).bind(1, std::optional<QString>());
        insert.run();
        insert.reset();
        insert.bind(1, std::optional<int>(5)).bind(2, std::optional<double>(2.5)).bind(3, QString(u""_s));
        insert.bindBlob(4, QByteArray("", 0));
        insert.run();
        insert.reset();
        insert.bind(3, static_cast<const char*>(nullptr)).run(); // unbound parameters are NULL too

        Statement query = m_db->prepare("SELECT i, r, s, b, typeof(s), typeof(b) FROM t ORDER BY rowid");
        for (int row = 0; row < 2; ++row) {
            QVERIFY(query.step());
            for (int col = 0; col < 4; ++col)
                QVERIFY2(query.isNull(col), qPrintable(QString::number(col)));
            QVERIFY(query.text(2).isNull());
            QVERIFY(query.blob(3).isNull());
        }

        QVERIFY(query.step());
        QCOMPARE(query.int64(0), std::int64_t(5));
        QCOMPARE(query.real(1), 2.5);
        QVERIFY(!query.isNull(2));
        QCOMPARE(query.text(4), u"text"_s);
        QVERIFY(!query.text(2).isNull()); // '' is not NULL
        QVERIFY(query.text(2).isEmpty());
        QCOMPARE(query.text(5), u"blob"_s);
        QVERIFY(!query.blob(3).isNull());
        QVERIFY(query.blob(3).isEmpty());

        QVERIFY(query.step());
        for (int col = 0; col < 4; ++col)
            QVERIFY(query.isNull(col));
        QVERIFY(!query.step());
    }

    void blobsKeepEveryByte()
    {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        bytes.append(bytes); // embedded NULs included
        Statement insert = m_db->prepare("INSERT INTO t (b) VALUES (?1)");
        insert.bindBlob(1, bytes).run();
        Statement query = m_db->prepare("SELECT b, length(b) FROM t");
        QVERIFY(query.step());
        QCOMPARE(query.blob(0), bytes);
        QCOMPARE(query.int64(1), std::int64_t(512));
    }

    void resetClearsBindingsForReuse()
    {
        Statement insert = m_db->prepare("INSERT INTO t (i, s) VALUES (?1, ?2)");
        insert.bindAll(1, u"um"_s).run();
        insert.reset();
        insert.bind(1, 2).run(); // ?2 was cleared by reset(): NULL, not "um"
        Statement query = m_db->prepare("SELECT i, s FROM t ORDER BY i");
        QVERIFY(query.step());
        QCOMPARE(query.text(1), u"um"_s);
        QVERIFY(query.step());
        QCOMPARE(query.int64(0), std::int64_t(2));
        QVERIFY(query.isNull(1));
        QCOMPARE(query.columnCount(), 2);
        QCOMPARE(query.columnName(1), u"s"_s);
    }

    void movedFromStatementIsEmpty()
    {
        Statement a = m_db->prepare("SELECT 1");
        Statement b = std::move(a);
        QVERIFY(!a.isValid()); // NOLINT(bugprone-use-after-move): the moved-from state is part of the contract
        QVERIFY(b.isValid());
        QVERIFY(b.step());
        QCOMPARE(b.int64(0), std::int64_t(1));
        QVERIFY_THROWS_EXCEPTION(StoreError, a.step());
    }

    void errorsCarryTheSqliteCode()
    {
        m_db->exec("CREATE TABLE u (k TEXT PRIMARY KEY)");
        Statement insert = m_db->prepare("INSERT INTO u (k) VALUES (?1)");
        insert.bind(1, "a").run();
        insert.reset();
        insert.bind(1, "a");
        try {
            insert.step();
            QFAIL("expected a constraint violation");
        } catch (const StoreError& e) {
            QCOMPARE(e.sqliteCode(), SQLITE_CONSTRAINT);
            QCOMPARE(e.extendedCode(), SQLITE_CONSTRAINT_PRIMARYKEY);
            QVERIFY(QByteArray(e.what()).contains("INSERT INTO u"));
        }
        insert.reset();
        insert.bind(1, "b").run(); // usable again after reset()
        QCOMPARE(m_db->changes(), 1);

        try {
            m_db->prepare("SELEC 1");
            QFAIL("expected a syntax error");
        } catch (const StoreError& e) {
            QCOMPARE(e.sqliteCode(), SQLITE_ERROR);
            QVERIFY(QByteArray(e.what()).contains("SELEC"));
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, insert.bind(9, 1)); // out-of-range parameter index
    }

    void prepareTakesExactlyOneStatement()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError, m_db->prepare("SELECT 1; SELECT 2"));
        QVERIFY_THROWS_EXCEPTION(StoreError, m_db->prepare("   "));
        Statement withComment = m_db->prepare("SELECT 3; -- a trailing comment is fine\n");
        QVERIFY(withComment.step());
        QCOMPARE(withComment.int64(0), std::int64_t(3));
    }

    void lastInsertRowId()
    {
        Statement insert = m_db->prepare("INSERT INTO t (i) VALUES (?1)");
        insert.bind(1, 10).run();
        const std::int64_t first = m_db->lastInsertRowId();
        insert.reset();
        insert.bind(1, 11).run();
        QCOMPARE(m_db->lastInsertRowId(), first + 1);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
