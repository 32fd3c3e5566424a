// SPDX-License-Identifier: GPL-3.0-or-later
// Schema migrations: fresh databases, THE upgrade test over every older version (automatically including
// migrations added later), refusing newer files, and atomicity of a failing migration.
#include "store/database.h"
#include "store/migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <vector>

using namespace cidadao::store;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

bool tableExists(Database& db, std::string_view name)
{
    Statement query = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    query.bind(1, name);
    return query.step();
}

// The schema as text (tables, indexes, views, triggers), to compare an upgraded file with a fresh one.
QStringList schemaOf(Database& db)
{
    Statement query = db.prepare(
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema "
        "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    QStringList schema;
    while (query.step())
        schema.append(query.text(0));
    return schema;
}

QString foreignKeyViolations(Database& db)
{
    Statement query = db.prepare("PRAGMA foreign_key_check");
    QStringList rows;
    while (query.step())
        rows.append(query.text(0));
    return rows.join(u", "_s);
}

// Fixture data an older binary would have written, if tests/data/store/v<N>.sql exists.
void loadFixture(Database& db, int version)
{
    QFile fixture(QStringLiteral(CIDADAO_TEST_DATA_DIR) + u"/store/v"_s + QString::number(version) + u".sql"_s);
    if (!fixture.exists())
        return;
    QVERIFY2(fixture.open(QIODevice::ReadOnly), qPrintable(fixture.fileName()));
    const QByteArray sql = fixture.readAll();
    Transaction tx(db);
    db.exec(std::string_view(sql.constData(), static_cast<std::size_t>(sql.size())));
    tx.commit();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void embeddedMigrationsAreOrderedAndNamed()
    {
        const auto migrations = embeddedMigrations();
        QVERIFY(!migrations.empty());
        QCOMPARE(migrations.front().version, 1);
        QCOMPARE(QByteArrayView(migrations.front().name), QByteArrayView("store_core"));
        int previous = 0;
        for (const Migration& m : migrations) {
            QVERIFY2(m.version > previous, qPrintable(QString::number(m.version)));
            QVERIFY(!m.name.empty());
            QVERIFY(!m.sql.empty());
            previous = m.version;
        }
        QCOMPARE(latestSchemaVersion(), migrations.back().version);
    }

    void newFileReachesLatest()
    {
        auto db = Database::open(m_dir.filePath(u"fresh.db"_s));
        QCOMPARE(schemaVersion(*db), 0);
        migrate(*db);
        QCOMPARE(schemaVersion(*db), latestSchemaVersion());
        QVERIFY(tableExists(*db, "schema_version"));
        QVERIFY(tableExists(*db, "settings"));
        QCOMPARE(integrityCheck(*db), u"ok"_s);

        // One history row per migration, with its name and a UTC timestamp.
        Statement history = db->prepare("SELECT version, name, applied_at FROM schema_version ORDER BY version");
        for (const Migration& m : embeddedMigrations()) {
            QVERIFY(history.step());
            QCOMPARE(history.int64(0), std::int64_t(m.version));
            QCOMPARE(history.text(1), QString::fromUtf8(m.name.data(), qsizetype(m.name.size())));
            QVERIFY2(history.text(2).endsWith(u'Z'), qPrintable(history.text(2)));
        }
        QVERIFY(!history.step());

        migrate(*db); // idempotent
        QCOMPARE(schemaVersion(*db), latestSchemaVersion());
        // Foreign keys are back on after the run (they are off while migrating).
        Statement fk = db->prepare("PRAGMA foreign_keys");
        QVERIFY(fk.step());
        QCOMPARE(fk.int64(0), std::int64_t(1));
    }

    // THE upgrade test: a file left by every older binary (0 = never migrated) upgrades to the latest schema.
    // It loops over versions, so migrations added later are covered without touching this test.
    void everyOlderVersionUpgradesToLatest_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < latestSchemaVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }
    void everyOlderVersionUpgradesToLatest()
    {
        QFETCH(int, from);
        const QString path = m_dir.filePath(u"upgrade-from-%1.db"_s.arg(from));
        {
            auto db = Database::open(path);
            migrateTo(*db, from);
            // Numbers may have gaps: an older binary stopped at the last migration <= from.
            int expected = 0;
            for (const Migration& m : embeddedMigrations())
                expected = m.version <= from ? m.version : expected;
            QCOMPARE(schemaVersion(*db), expected);
            loadFixture(*db, expected);
        }
        // Closed and reopened, as a new binary would find the file.
        auto db = Database::open(path);
        migrate(*db);
        QCOMPARE(schemaVersion(*db), latestSchemaVersion());
        QCOMPARE(integrityCheck(*db), u"ok"_s);
        QCOMPARE(foreignKeyViolations(*db), QString());

        auto fresh = Database::open(m_dir.filePath(u"reference-%1.db"_s.arg(from)));
        migrate(*fresh);
        QCOMPARE(schemaOf(*db), schemaOf(*fresh));
    }

    void newerFileIsRefusedAndLeftUntouched()
    {
        const QString path = m_dir.filePath(u"newer.db"_s);
        const int newer = latestSchemaVersion() + 1;
        {
            auto db = Database::open(path);
            migrate(*db);
            db->exec("CREATE TABLE from_the_future (x)");
            Statement insert = db->prepare("INSERT INTO schema_version (version, name) VALUES (?1, 'future')");
            insert.bind(1, newer).run();
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        {
            auto db = Database::open(path);
            try {
                migrate(*db);
                QFAIL("a newer database was accepted");
            } catch (const SchemaTooNewError& e) {
                QCOMPARE(e.databaseVersion(), newer);
                QCOMPARE(e.binaryVersion(), latestSchemaVersion());
                const QString message = QString::fromUtf8(e.what());
                QVERIFY2(message.contains(QString::number(newer)), e.what());
                QVERIFY2(message.contains(QString::number(latestSchemaVersion())), e.what());
            }
            QVERIFY_THROWS_EXCEPTION(SchemaTooNewError, migrateTo(*db, 1));
            QCOMPARE(schemaVersion(*db), newer);
        }
        QCOMPARE(fileHash(path), before);
    }

    void downgradeAndUnknownTargetsAreRefused()
    {
        auto db = Database::open(m_dir.filePath(u"downgrade.db"_s));
        migrate(*db);
        if (latestSchemaVersion() > 1)
            QVERIFY_THROWS_EXCEPTION(StoreError, migrateTo(*db, 1));
        QVERIFY_THROWS_EXCEPTION(StoreError, migrateTo(*db, latestSchemaVersion() + 1));
        QVERIFY_THROWS_EXCEPTION(StoreError, migrateTo(*db, -1));
        QCOMPARE(schemaVersion(*db), latestSchemaVersion());
    }

    // A migration that fails half-way leaves the file at the previous version, without its half-done changes.
    void failingMigrationRollsBack()
    {
        std::vector<Migration> migrations(embeddedMigrations().begin(), embeddedMigrations().end());
        const int latest = migrations.back().version;
        migrations.push_back({latest + 1, "good", "CREATE TABLE good_table (x); INSERT INTO good_table VALUES (1);"});
        migrations.push_back({latest + 2, "broken",
                              "CREATE TABLE half_done (x);\n"
                              "INSERT INTO half_done VALUES (1);\n"
                              "INSERT INTO settings (key, value) VALUES ('half', 'done');\n"
                              "INSERT INTO no_such_table VALUES (1);\n"});
        migrations.push_back({latest + 3, "never", "CREATE TABLE never_reached (x);"});

        auto db = Database::open(m_dir.filePath(u"failing.db"_s));
        try {
            migrate(*db, migrations);
            QFAIL("the broken migration succeeded");
        } catch (const StoreError& e) {
            const QByteArray message(e.what());
            QVERIFY2(message.contains("broken"), e.what());
            QVERIFY2(message.contains("no_such_table"), e.what());
        }
        QVERIFY(!db->inTransaction());
        QCOMPARE(schemaVersion(*db), latest + 1); // the good one stays: each migration is its own transaction
        QVERIFY(tableExists(*db, "good_table"));
        QVERIFY(!tableExists(*db, "half_done"));
        QVERIFY(!tableExists(*db, "never_reached"));
        Statement half = db->prepare("SELECT count(*) FROM settings WHERE key = 'half'");
        QVERIFY(half.step());
        QCOMPARE(half.int64(0), std::int64_t(0));
        QCOMPARE(integrityCheck(*db), u"ok"_s);

        // Fixed in the next build: the run resumes where it stopped.
        migrations[migrations.size() - 2].sql = "CREATE TABLE half_done (x);";
        migrate(*db, migrations);
        QCOMPARE(schemaVersion(*db), latest + 3);
        QVERIFY(tableExists(*db, "half_done"));
    }

    void migrationMayNotControlTheTransaction()
    {
        std::vector<Migration> migrations(embeddedMigrations().begin(), embeddedMigrations().end());
        const int latest = migrations.back().version;
        migrations.push_back({latest + 1, "commits", "CREATE TABLE committed_early (x); COMMIT; BEGIN;"});
        auto db = Database::open(m_dir.filePath(u"commit.db"_s));
        QVERIFY_THROWS_EXCEPTION(StoreError, migrate(*db, migrations));
        QCOMPARE(schemaVersion(*db), latest);
        QVERIFY(!tableExists(*db, "committed_early"));
        QVERIFY(!db->inTransaction());
    }

    void migrationLeavingAForeignKeyViolationFails()
    {
        std::vector<Migration> migrations(embeddedMigrations().begin(), embeddedMigrations().end());
        const int latest = migrations.back().version;
        migrations.push_back({latest + 1, "dangling",
                              "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                              "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));"
                              "INSERT INTO child VALUES (42);"});
        auto db = Database::open(m_dir.filePath(u"fk.db"_s));
        try {
            migrate(*db, migrations);
            QFAIL("a dangling reference was accepted");
        } catch (const StoreError& e) {
            QVERIFY2(QByteArray(e.what()).contains("child"), e.what());
        }
        QCOMPARE(schemaVersion(*db), latest);
        QVERIFY(!tableExists(*db, "child"));
    }

    void tableRebuildWithForeignKeysWorks()
    {
        // SQLite's 12-step table rebuild (needs foreign_keys=OFF during the migration) must be possible.
        std::vector<Migration> migrations(embeddedMigrations().begin(), embeddedMigrations().end());
        const int latest = migrations.back().version;
        migrations.push_back({latest + 1, "tables",
                              "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);"
                              "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));"
                              "INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1);"});
        migrations.push_back({latest + 2, "rebuild_parent",
                              "CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');"
                              "INSERT INTO parent_new SELECT id, coalesce(name, '') FROM parent;"
                              "DROP TABLE parent;"
                              "ALTER TABLE parent_new RENAME TO parent;"});
        auto db = Database::open(m_dir.filePath(u"rebuild.db"_s));
        migrate(*db, migrations);
        QCOMPARE(schemaVersion(*db), latest + 2);
        QCOMPARE(foreignKeyViolations(*db), QString());
        QVERIFY_THROWS_EXCEPTION(StoreError, db->exec("INSERT INTO child VALUES (7)")); // enforced again
    }

    void unorderedMigrationListIsRejected()
    {
        const std::vector<Migration> migrations{{2, "b", "SELECT 1;"}, {1, "a", "SELECT 1;"}};
        auto db = Database::open(m_dir.filePath(u"unordered.db"_s));
        QVERIFY_THROWS_EXCEPTION(StoreError, migrate(*db, migrations));
        QCOMPARE(schemaVersion(*db), 0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
