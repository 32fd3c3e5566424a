// SPDX-License-Identifier: GPL-3.0-or-later
// Database: opening modes, the pragmas every connection gets, exec() of scripts, integrity check, settings.
#include "store/database.h"
#include "store/settings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <chrono>
#include <thread>

using namespace cidadao::store;
using namespace Qt::StringLiterals;

namespace {

QString pragmaText(Database& db, std::string_view pragma)
{
    Statement query = db.prepare(std::string("PRAGMA ") + std::string(pragma));
    return query.step() ? query.text(0) : QString();
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readWriteConnectionIsInWalModeWithOurPragmas()
    {
        const QString path = m_dir.filePath(u"wal.db"_s);
        auto db = Database::open(path);
        QCOMPARE(pragmaText(*db, "journal_mode"), u"wal"_s);
        QCOMPARE(pragmaText(*db, "synchronous"), u"1"_s); // NORMAL
        QCOMPARE(pragmaText(*db, "foreign_keys"), u"1"_s);
        QCOMPARE(pragmaText(*db, "busy_timeout"), QString::number(Database::lockWaitMs()));
        QCOMPARE(db->path(), path);
        QVERIFY(QFileInfo::exists(path));
        db->exec("CREATE TABLE t (x)");
        QVERIFY(QFileInfo::exists(path + u"-wal"_s)); // WAL for real, not only the pragma's answer
    }

    // An import keeps the write lock for as long as its file takes (all or nothing); a write from another
    // connection meanwhile waits and then succeeds, even past the 5 s that used to fail it.
    void aWriteWaitsForAnImportLongerThanFiveSeconds()
    {
        const QString path = m_dir.filePath(u"busy.db"_s);
        auto importing = Database::open(path);
        auto other = Database::open(path);
        importing->exec("CREATE TABLE t (x INTEGER)");
        importing->exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (1)");
        std::thread import([&importing] {
            std::this_thread::sleep_for(std::chrono::milliseconds(5500));
            importing->exec("COMMIT");
        });
        QElapsedTimer waited;
        waited.start();
        bool wrote = true;
        try {
            other->exec("INSERT INTO t VALUES (2)");
        } catch (const StoreError&) {
            wrote = false;
        }
        import.join();
        QVERIFY(wrote);
        QVERIFY(waited.elapsed() >= 5000);
        QCOMPARE(pragmaText(*other, "busy_timeout"), QString::number(Database::kBusyTimeoutMs));
        Statement count = other->prepare("SELECT count(*) FROM t");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), std::int64_t(2));
    }

    // search_fold(), a record's searchable text, exists on every connection (read-only ones too):
    // text arguments folded and joined by one space, others skipped, NULL when nothing is left.
    void everyConnectionKnowsSearchFold()
    {
        const QString path = m_dir.filePath(u"fold.db"_s);
        auto writer = Database::open(path);
        writer->exec("CREATE TABLE t (x)");
        auto reader = Database::open(path, Database::Mode::ReadOnly);
        for (Database* db : {writer.get(), reader.get()}) {
            Statement s = db->prepare("SELECT search_fold('Aquisição de  PAPEL', NULL, 42, '', '--', 'São José/SP'), "
                                      "search_fold(NULL, ''), search_fold()");
            QVERIFY(s.step());
            QCOMPARE(s.text(0), u"aquisicao de papel sao jose sp"_s);
            QVERIFY(s.isNull(1));
            QVERIFY(s.isNull(2));
        }
    }

    void readOnlyConnectionGetsPragmasAndCannotWrite()
    {
        const QString path = m_dir.filePath(u"readonly.db"_s);
        auto writer = Database::open(path);
        writer->exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");

        auto reader = Database::open(path, Database::Mode::ReadOnly);
        QCOMPARE(pragmaText(*reader, "journal_mode"), u"wal"_s); // persistent in the file
        QCOMPARE(pragmaText(*reader, "foreign_keys"), u"1"_s);
        QCOMPARE(pragmaText(*reader, "busy_timeout"), QString::number(Database::lockWaitMs()));
        Statement count = reader->prepare("SELECT count(*) FROM t");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), std::int64_t(1));
        try {
            reader->exec("INSERT INTO t VALUES (2)");
            QFAIL("a ReadOnly connection wrote");
        } catch (const StoreError& e) {
            QCOMPARE(e.sqliteCode(), SQLITE_READONLY);
        }
    }

    void readOnlyOpenOfAMissingFileFails()
    {
        const QString path = m_dir.filePath(u"missing.db"_s);
        try {
            Database::open(path, Database::Mode::ReadOnly);
            QFAIL("opened a missing file");
        } catch (const StoreError& e) {
            QCOMPARE(e.sqliteCode(), SQLITE_CANTOPEN);
            QVERIFY(QString::fromUtf8(e.what()).contains(path));
        }
        QVERIFY(!QFileInfo::exists(path));
    }

    void aFileThatIsNotADatabaseIsAClearError()
    {
        const QString path = m_dir.filePath(u"notes.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("This is not an SQLite database, just some notes about licitações.\n").repeated(100));
        file.close();
        try {
            Database::open(path);
            QFAIL("opened a text file as a database");
        } catch (const StoreError& e) {
            QCOMPARE(e.sqliteCode(), SQLITE_NOTADB);
        }
    }

    void pathWithAccentsWorks()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(u"Documentos/Investigações"_s));
        const QString path = m_dir.filePath(u"Documentos/Investigações/São Paulo.db"_s);
        Database::open(path)->exec("CREATE TABLE t (x)");
        QVERIFY(QFileInfo::exists(path));
    }

    void foreignKeysAreEnforced()
    {
        auto db = Database::open(m_dir.filePath(u"fk.db"_s));
        db->exec("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                 "CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id))");
        try {
            db->exec("INSERT INTO child VALUES (99)");
            QFAIL("foreign key not enforced");
        } catch (const StoreError& e) {
            QCOMPARE(e.extendedCode(), SQLITE_CONSTRAINT_FOREIGNKEY);
        }
    }

    void execRunsScriptsAndNamesTheFailingStatement()
    {
        auto db = Database::open(m_dir.filePath(u"exec.db"_s));
        db->exec("-- leading comment\nCREATE TABLE a (x); INSERT INTO a VALUES (1);\n"
                 "INSERT INTO a VALUES (2); SELECT * FROM a; -- trailing comment");
        Statement count = db->prepare("SELECT sum(x) FROM a");
        QVERIFY(count.step());
        QCOMPARE(count.int64(0), std::int64_t(3));
        try {
            db->exec("INSERT INTO a VALUES (3); INSERT INTO nowhere VALUES (4)");
            QFAIL("expected an error");
        } catch (const StoreError& e) {
            QVERIFY2(QByteArray(e.what()).contains("nowhere"), e.what());
        }
        db->exec(""); // nothing to do is not an error
    }

    void integrityCheckSaysOk()
    {
        auto db = Database::open(m_dir.filePath(u"integrity.db"_s));
        db->exec("CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1), (2)");
        QCOMPARE(integrityCheck(*db), u"ok"_s);
    }

    void integrityCheckReportsCorruption()
    {
        const QString path = m_dir.filePath(u"corrupt.db"_s);
        {
            auto db = Database::open(path);
            db->exec("CREATE TABLE t (x); CREATE INDEX t_x ON t (x);"
                     "INSERT INTO t VALUES (1), (2), (3)");
            // Make the index disagree with its table behind SQLite's back (writable_schema is how tools do it).
            db->exec("PRAGMA writable_schema = ON;"
                     "UPDATE sqlite_schema SET sql = 'CREATE INDEX t_x ON t (x DESC)' WHERE name = 't_x';"
                     "PRAGMA writable_schema = OFF");
        }
        auto db = Database::open(path);
        const QString report = integrityCheck(*db);
        QVERIFY2(report != u"ok"_s, qPrintable(report));
    }

    void settingsTableAfterMigration()
    {
        auto db = Database::open(m_dir.filePath(u"settings.db"_s));
        migrate(*db);
        const std::optional<QString> id = setting(*db, "store.database_id");
        QVERIFY(id.has_value());
        QCOMPARE(id->size(), 32);
        QVERIFY(!setting(*db, "nope").has_value());
        setSetting(*db, "ui.idioma", u"português"_s);
        QCOMPARE(setting(*db, "ui.idioma"), std::optional<QString>(u"português"_s));
        setSetting(*db, "ui.idioma", u"français"_s);
        QCOMPARE(setting(*db, "ui.idioma"), std::optional<QString>(u"français"_s));
        Statement updated = db->prepare("SELECT updated_at FROM settings WHERE key = 'ui.idioma'");
        QVERIFY(updated.step());
        QVERIFY2(updated.text(0).endsWith(u'Z'), qPrintable(updated.text(0)));
        QVERIFY(removeSetting(*db, "ui.idioma"));
        QVERIFY(!removeSetting(*db, "ui.idioma"));
        QVERIFY_THROWS_EXCEPTION(StoreError, setSetting(*db, "", u"x"_s)); // CHECK (length(key) > 0)
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
