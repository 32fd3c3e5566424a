// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string_view>

namespace cidadao::store {

class Database;

// Schema migrations are the files backend/store/migrations/NNNN_short_name.sql, embedded into the library at
// build time (adding a file is enough; re-run cmake) and applied in increasing order of NNNN, each in its own
// transaction together with its schema_version row: a migration that fails leaves the database at the
// previous version. Migration files must not contain BEGIN/COMMIT (that would break that guarantee and is
// rejected), nor PRAGMAs that cannot run inside a transaction.
//
// Numbers are reserved: 0001 = store core, 0002 = data-source records + sanctions + import jobs,
// 0003 = users/auth, 0004+ = later work. A released migration is never edited: add a new one.
struct Migration
{
    int version; // NNNN, > 0, strictly increasing in a migration list
    std::string_view name;
    std::string_view sql;
};

// The migrations compiled into this binary, in increasing version order (generated from the .sql files).
std::span<const Migration> embeddedMigrations();

int latestSchemaVersion();       // version of the last embedded migration (0 when there is none)
int schemaVersion(Database& db); // 0 for a new file (no schema_version table yet)

void migrate(Database& db);                 // to latest; throws SchemaTooNewError if the file is newer
void migrateTo(Database& db, int version);  // tests only: build a database as an older binary would have

// The same on an explicit migration list: for tests that inject a broken migration, and for tools.
// migrateTo applies every migration whose version is <= version (numbers may have gaps).
void migrate(Database& db, std::span<const Migration> migrations);
void migrateTo(Database& db, int version, std::span<const Migration> migrations);

} // namespace cidadao::store
