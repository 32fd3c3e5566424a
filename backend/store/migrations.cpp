// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/migrations.h"

#include "store/database.h"

#include <QtGlobal>

#include <sqlite3.h>

#include <string>

namespace cidadao::store {

namespace {

void validate(std::span<const Migration> migrations)
{
    int previous = 0;
    for (const Migration& migration : migrations) {
        if (migration.version <= previous)
            throw StoreError("Migration list is not strictly increasing at version "
                                 + std::to_string(migration.version),
                             SQLITE_MISUSE);
        previous = migration.version;
    }
}

int latestOf(std::span<const Migration> migrations)
{
    return migrations.empty() ? 0 : migrations.back().version;
}

// While a migration's SQL runs, transaction control is refused at prepare time: a COMMIT inside a file would
// commit half a migration without its schema_version row, which the runner could not undo afterwards.
int refuseTransactionControl(void*, int action, const char*, const char*, const char*, const char*)
{
    return action == SQLITE_TRANSACTION ? SQLITE_DENY : SQLITE_OK;
}

class TransactionControlRefused
{
public:
    explicit TransactionControlRefused(Database& db)
        : m_db(db)
    {
        sqlite3_set_authorizer(m_db.handle(), &refuseTransactionControl, nullptr);
    }
    ~TransactionControlRefused() { sqlite3_set_authorizer(m_db.handle(), nullptr, nullptr); }
    TransactionControlRefused(const TransactionControlRefused&) = delete;
    TransactionControlRefused& operator=(const TransactionControlRefused&) = delete;

private:
    Database& m_db;
};

void apply(Database& db, const Migration& migration)
{
    Transaction transaction(db);
    // Re-read inside the write lock: another process may have migrated since we looked.
    if (schemaVersion(db) >= migration.version)
        return;
    try {
        TransactionControlRefused guard(db);
        db.exec(migration.sql);
    } catch (const StoreError& e) {
        throw StoreError("Migration " + std::to_string(migration.version) + " (" + std::string(migration.name)
                             + ") failed: " + e.what(),
                         e.extendedCode());
    }
    if (!db.inTransaction())
        throw StoreError("Migration " + std::to_string(migration.version) + " (" + std::string(migration.name)
                             + ") ended the transaction itself: migrations must not contain BEGIN/COMMIT/ROLLBACK",
                         SQLITE_MISUSE);
    // Foreign keys are off during migrations (see migrateTo): check them here, before the version is recorded.
    Statement foreignKeys = db.prepare("PRAGMA foreign_key_check");
    if (foreignKeys.step())
        throw StoreError("Migration " + std::to_string(migration.version) + " (" + std::string(migration.name)
                             + ") leaves a foreign key violation in table " + foreignKeys.text(0).toStdString(),
                         SQLITE_CONSTRAINT_FOREIGNKEY);
    Statement record = db.prepare("INSERT INTO schema_version (version, name) VALUES (?1, ?2)");
    record.bind(1, migration.version).bind(2, migration.name).run();
    transaction.commit();
}

// SQLite's documented procedure for schema changes that rebuild a table (CREATE new, copy, DROP old, RENAME)
// needs foreign_keys=OFF, which can only change outside a transaction: switched off for the whole run and
// restored even when a migration throws.
class ForeignKeysOffDuringMigration
{
public:
    explicit ForeignKeysOffDuringMigration(Database& db)
        : m_db(db)
        , m_active(!db.inTransaction())
    {
        if (m_active)
            m_db.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOffDuringMigration()
    {
        if (!m_active)
            return;
        try {
            m_db.exec("PRAGMA foreign_keys = ON");
        } catch (const std::exception& e) {
            qWarning("cidadao.store: cannot re-enable foreign keys: %s", e.what());
        }
    }
    ForeignKeysOffDuringMigration(const ForeignKeysOffDuringMigration&) = delete;
    ForeignKeysOffDuringMigration& operator=(const ForeignKeysOffDuringMigration&) = delete;

private:
    Database& m_db;
    bool m_active;
};

} // namespace

int latestSchemaVersion()
{
    return latestOf(embeddedMigrations());
}

int schemaVersion(Database& db)
{
    Statement exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'");
    if (!exists.step())
        return 0;
    Statement version = db.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    version.step();
    return static_cast<int>(version.int64(0));
}

void migrate(Database& db)
{
    migrate(db, embeddedMigrations());
}

void migrateTo(Database& db, int version)
{
    migrateTo(db, version, embeddedMigrations());
}

void migrate(Database& db, std::span<const Migration> migrations)
{
    migrateTo(db, latestOf(migrations), migrations);
}

void migrateTo(Database& db, int version, std::span<const Migration> migrations)
{
    validate(migrations);
    const int latest = latestOf(migrations);
    const int current = schemaVersion(db);
    // Checked before anything is written: a newer file is left byte-for-byte untouched.
    if (current > latest)
        throw SchemaTooNewError(current, latest, db.path().toStdString());
    if (version < 0 || version > latest)
        throw StoreError("Cannot migrate to schema version " + std::to_string(version) + ": this program knows 0 to "
                             + std::to_string(latest),
                         SQLITE_MISUSE);
    if (version < current)
        throw StoreError("Cannot migrate " + db.path().toStdString() + " down from schema version "
                             + std::to_string(current) + " to " + std::to_string(version)
                             + ": downgrades are not supported",
                         SQLITE_MISUSE);
    if (version == current)
        return;
    ForeignKeysOffDuringMigration foreignKeysOff(db);
    for (const Migration& migration : migrations) {
        if (migration.version > current && migration.version <= version)
            apply(db, migration);
    }
}

} // namespace cidadao::store
