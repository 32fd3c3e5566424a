// SPDX-License-Identifier: GPL-3.0-or-later
// Imports Portal da Transparência files (CSV, or the Portal's ZIP downloads) into the store. Each
// file is one transaction: bad rows are reported and skipped, but a file that cannot be read as a
// whole (unreadable, not the expected layout, cancelled) leaves the database exactly as it was.
#pragma once

#include "data/sources.h"
#include "data/tablewriter.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cidadao::store {
class Database;
}

namespace cidadao::data {

struct ImportOptions
{
    // The source the file holds; nullopt: detected from the header row (or the ZIP member names).
    // Biddings also takes the participants file; servants takes the cadastro as the join file.
    std::optional<Source> source;
    // Servants only: the cadastro file (CSV or ZIP) joined on Id_SERVIDOR_PORTAL.
    QString servantRegistryFile;
    // Called every few thousand rows and at the end: bytes consumed and total (-1 when unknown).
    std::function<void(qint64 done, qint64 total)> progress;
    // Set from any thread to stop the import; the file's changes are then rolled back.
    const std::atomic_bool* cancel = nullptr;
};

// One table filled from the file (a CSV, or one member of a ZIP).
struct ImportPart
{
    QString member;
    Source source = Source::Contracts;
    std::int64_t importId = 0; // imports.id; 0 when the file was rolled back
    qint64 rowsRead = 0;
    qint64 rowsImported = 0;
    qint64 rowsRejected = 0;
    QString encoding;
};

struct ImportReport
{
    enum class Status { Imported, Rejected, Cancelled };
    static constexpr std::size_t kMaxErrors = 50;

    QString file;
    Status status = Status::Imported;
    QString error; // why the whole file was rejected (English, for logs and scripts)
    // The same as a stable code, for clients to put in their user's language: cancelled, empty_file,
    // unknown_layout, registry_alone, missing_columns (missingColumns), no_matching_member,
    // cannot_open, unreadable, database.
    QString errorCode;
    QStringList missingColumns;
    qint64 rowsRead = 0;
    qint64 rowsImported = 0;
    qint64 rowsRejected = 0;
    std::vector<RowError> firstErrors;
    std::vector<ImportPart> parts;

    // {file, status, error?, error_code?, missing_columns?, rows_read, rows_imported, rows_rejected, first_errors:[{line, column, reason,
    //  member?}], parts:[{source, member, import_id, rows_read, rows_imported, rows_rejected, encoding}]}
    nlohmann::json toJson() const;
};

QString statusName(ImportReport::Status status);

class Importer
{
public:
    explicit Importer(store::Database& db);

    // Never throws for bad input: the outcome, including a rejection, is in the report.
    ImportReport importFile(const QString& path, const ImportOptions& options = {});

private:
    struct Unit;
    void importUnit(Unit& unit, const ImportOptions& options, const JoinTable* join, ImportReport& report);
    JoinTable loadServantRegistry(ByteSource& source, const ImportOptions& options);

    store::Database& m_db;
    qint64 m_doneBefore = 0;
    qint64 m_totalBytes = -1;
};

} // namespace cidadao::data
