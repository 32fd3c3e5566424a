// SPDX-License-Identifier: GPL-3.0-or-later
// The import's fast path (issue 4: ≥ 300k contract rows/s end to end). One transaction per file, so a
// file is all or nothing; inside it, per record, no allocation and no text building beyond what the
// typed columns need:
// - two threads (RowPipeline): one reads the CSV (quoted Portal records split in one memchr pass, fields
//   as views of the bytes read) and converts the fields into batches of cells in one arena; the calling
//   thread, which owns the connection, binds them SQLITE_STATIC to one prepared INSERT meanwhile;
// - the original row (`<table>_original`, the record's bytes as read, with the header once per import in
//   `imports.header`) only where it says more than the typed columns: a row whose every field renders
//   back from its stored value keeps nothing more (`imports.line_format`, lineformat.h; schema 0008).
//   For the Portal's own files that is nearly every row, which halves what the transaction writes;
// - search_text is left NULL: a search folds the searchable columns as it scans (data::searchTextSql);
//   stored, it was a third of each row's bytes and its fold a seventh of the import. The column stays
//   in the schema: dropping it rewrites every record (22 s for six million on the bench machine, at a
//   start-up the desktop waits at most 30 s for), and rows imported before keep their text unread;
// - into an empty table the secondary indexes are dropped and rebuilt once after the rows (a sort
//   instead of random B-tree inserts), inside the same transaction (DeferredIndexes); each rebuild scans
//   the whole table, so schema 0008 keeps only the indexes queries use;
// - a 256 MiB page cache and no per-row foreign-key checks while importing (ImportCache), and the index
//   rebuild sorting in small runs on two threads (bulkload.cpp, FastSort). A larger cache measured no
//   better once the original rows were gone.
#include "data/importer.h"

#include "data/bulkload.h"
#include "data/csvreader.h"
#include "data/lineformat.h"
#include "data/rowpipeline.h"
#include "data/values.h"
#include "data/zipreader.h"
#include "protocol/jsonqt.h"
#include "store/database.h"
#include "store/storeerror.h"
#include "store/transaction.h"

#include <QFile>
#include <QFileInfo>

#include <stdexcept>
#include <string>
#include <vector>

namespace cidadao::data {

namespace {

// The whole file is refused: its transaction is rolled back and the reason reported.
// A file refused whole. `code` is the report's error_code (ImportReport); `columns` the missing ones.
class RejectedError : public std::runtime_error
{
public:
    RejectedError(const char* errorCode, const QString& reason, QStringList missingColumns = {})
        : std::runtime_error(reason.toStdString())
        , code(QLatin1String(errorCode))
        , columns(std::move(missingColumns))
    {
    }
    QString code;
    QStringList columns;
};

class CancelledError : public std::runtime_error
{
public:
    CancelledError()
        : std::runtime_error("import cancelled")
    {
    }
};

constexpr qint64 kCheckEvery = 4096; // rows between cancellation checks and progress reports

void checkCancel(const ImportOptions& options)
{
    if (options.cancel && options.cancel->load(std::memory_order_relaxed))
        throw CancelledError();
}

QString encodingName(TextEncoding encoding)
{
    return encoding == TextEncoding::Latin1 ? QStringLiteral("iso-8859-1") : QStringLiteral("utf-8");
}

nlohmann::json errorJson(const RowError& error)
{
    nlohmann::json json = {{"line", error.line},
                           {"column", error.column.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(error.column)},
                           {"reason", error.reason},
                           {"code", error.code}};
    if (!error.value.isNull())
        json["value"] = error.value;
    if (error.code == QLatin1String("field_count")) {
        json["expected"] = error.expectedFields;
        json["found"] = error.foundFields;
    }
    if (!error.member.isEmpty())
        json["member"] = error.member;
    return json;
}

nlohmann::json partJson(const ImportPart& part)
{
    return {{"source", sourceName(part.source)},
            {"member", part.member.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(part.member)},
            {"import_id", part.importId == 0 ? nlohmann::json(nullptr) : nlohmann::json(part.importId)},
            {"rows_read", part.rowsRead},
            {"rows_imported", part.rowsImported},
            {"rows_rejected", part.rowsRejected},
            {"encoding", part.encoding}};
}

QStringList readHeader(CsvReader& reader)
{
    if (!reader.next())
        throw RejectedError("empty_file", QStringLiteral("empty file: no header row"));
    QStringList headers;
    for (const std::string_view field : reader.fields())
        headers.append(reader.decode(field).trimmed());
    return headers;
}

} // namespace

QString statusName(ImportReport::Status status)
{
    switch (status) {
    case ImportReport::Status::Imported:
        return QStringLiteral("imported");
    case ImportReport::Status::Rejected:
        return QStringLiteral("rejected");
    case ImportReport::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

nlohmann::json ImportReport::toJson() const
{
    nlohmann::json json = {{"file", file}, {"status", statusName(status)}};
    if (!error.isEmpty())
        json["error"] = error;
    if (!errorCode.isEmpty())
        json["error_code"] = errorCode;
    if (!missingColumns.isEmpty())
        json["missing_columns"] = missingColumns;
    json["rows_read"] = rowsRead;
    json["rows_imported"] = rowsImported;
    json["rows_rejected"] = rowsRejected;
    nlohmann::json errors = nlohmann::json::array();
    for (const RowError& rowError : firstErrors)
        errors.push_back(errorJson(rowError));
    json["first_errors"] = std::move(errors);
    nlohmann::json partList = nlohmann::json::array();
    for (const ImportPart& part : parts)
        partList.push_back(partJson(part));
    json["parts"] = std::move(partList);
    return json;
}

struct Importer::Unit
{
    QString member;
    std::unique_ptr<QFile> file;
    std::unique_ptr<ByteSource> source;
    std::optional<Source> wanted;
    qint64 bytes = -1;   // the unit's size (a member's uncompressed size), -1 when unknown
};

namespace {
// Progress within a unit: its rows fill the first part of its bytes, its index rebuild the rest. Each
// deferred index counts as a quarter of the rows' time (at a million contracts the rows took 3.9 s,
// the text-keyed indexes 1.1-1.5 s each, the date index 0.45 s), so the bar keeps moving through the
// rebuild instead of waiting at the end.
double rowsShare(std::size_t deferredIndexes)
{
    constexpr double kIndexCost = 0.25;
    return 1.0 / (1.0 + kIndexCost * double(deferredIndexes));
}
} // namespace

Importer::Importer(store::Database& db)
    : m_db(db)
{
}

JoinTable Importer::loadServantRegistry(ByteSource& source, const ImportOptions& options)
{
    CsvReader reader(source);
    const QStringList headers = readHeader(reader);
    const SourceSpec& spec = sourceSpec(Source::ServantRegistry);
    const ColumnMap map = mapColumns(spec, headers);
    if (!map.missingRequired.isEmpty())
        throw RejectedError("missing_columns",
                            QLatin1String("servant cadastro file: missing required column(s): ")
                                + map.missingRequired.join(QLatin1String(", ")),
                            map.missingRequired);
    JoinTable join;
    std::vector<int> fields;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const std::string_view column = spec.fields[i].column;
        if (column == "registration" || column == "role" || column == "organ" || column == "situation"
            || column == "hire_date") {
            join.columns.push_back(column);
            fields.push_back(int(i));
        }
    }
    const int idIndex = map.indexOfField[0]; // servant_id is the spec's first field
    qint64 rows = 0;
    while (reader.next()) {
        if (++rows % kCheckEvery == 0)
            checkCancel(options);
        if (reader.size() != std::size_t(headers.size()))
            continue;
        std::string id(trimmed(reader.field(std::size_t(idIndex))));
        if (id.empty() || join.rows.contains(id))
            continue; // a servant with several bonds: the first one listed describes them
        JoinTable::Row row;
        bool ok = true;
        for (const int field : fields) {
            Cell cell;
            RowError ignored; // a cadastro field that cannot be read is left out of the join
            const int index = map.indexOfField[std::size_t(field)];
            if (index >= 0)
                ok = convertCell(spec.fields[std::size_t(field)], reader.field(std::size_t(index)), reader, row.arena,
                                 cell, ignored)
                     && ok;
            row.cells.push_back(cell);
        }
        if (ok)
            join.rows.emplace(std::move(id), std::move(row));
    }
    return join;
}

void Importer::importUnit(Unit& unit, const ImportOptions& options, const JoinTable* join, ImportReport& report)
{
    CsvReader reader(*unit.source);
    const QStringList headers = readHeader(reader);
    // Kept once per import: with each row's record bytes it gives back every original column.
    const QByteArray headerBytes(reader.record().data(), qsizetype(reader.record().size()));
    const std::optional<Source> detected = detectSource(headers);
    Source source = Source::Contracts;
    if (unit.wanted) {
        source = *unit.wanted;
        if (source == Source::Biddings && detected == Source::Participants)
            source = Source::Participants;
    } else if (detected) {
        source = *detected;
    } else {
        throw RejectedError("unknown_layout", QStringLiteral("cannot tell which Portal file this is from its header"));
    }
    if (source == Source::ServantRegistry)
        throw RejectedError("registry_alone", QStringLiteral("this is a servants cadastro file: import it together "
                                                             "with the remuneração file (source servants)"));
    const SourceSpec& spec = sourceSpec(source);
    const ColumnMap map = mapColumns(spec, headers);
    if (!map.missingRequired.isEmpty())
        throw RejectedError("missing_columns",
                            QStringLiteral("missing required column(s) for %1: %2")
                                .arg(sourceName(source), map.missingRequired.join(QLatin1String(", "))),
                            map.missingRequired);

    QString registryDefault;
    if (source == Source::Sanctions) {
        const QString name = unit.member.isEmpty() ? QFileInfo(report.file).fileName() : unit.member;
        const bool hasFine = map.indexOfField[spec.fields.size() - 1] >= 0; // VALOR DA MULTA: CNEP only
        registryDefault = (name.contains(QLatin1String("cnep"), Qt::CaseInsensitive) || hasFine)
                              ? QStringLiteral("CNEP")
                              : QStringLiteral("CEIS");
    }

    store::Statement start = m_db.prepare(
        "INSERT INTO imports (source, file_name, member, header, status) VALUES (?, ?, ?, ?, 'running')");
    start.bind(1, sourceName(source)).bind(2, QFileInfo(report.file).fileName());
    if (unit.member.isEmpty())
        start.bind(3, nullptr);
    else
        start.bind(3, unit.member);
    start.bindBlob(4, headerBytes);
    start.run();
    ImportPart part;
    part.member = unit.member;
    part.source = source;
    part.importId = m_db.lastInsertRowId();

    DeferredIndexes indexes(m_db, spec.table);
    TableWriter writer(m_db, spec, map, headers, part.importId, source == Source::Servants ? join : nullptr,
                       registryDefault);
    const std::size_t firstError = report.firstErrors.size();
    const qint64 unitBytes = unit.bytes;
    const double share = unitBytes > 0 ? rowsShare(indexes.count()) : 1.0;
    {
        RowPipeline pipeline(reader, writer, ImportReport::kMaxErrors);
        while (const RowBatch* batch = pipeline.next()) {
            writer.insert(*batch);
            part.rowsRead += batch->rowsRead;
            part.rowsImported += qint64(batch->rows());
            part.rowsRejected += batch->rowsRejected;
            for (const RowError& rowError : batch->errors) {
                if (report.firstErrors.size() >= ImportReport::kMaxErrors)
                    break;
                report.firstErrors.push_back(rowError);
                report.firstErrors.back().member = unit.member;
            }
            checkCancel(options);
            // The end itself is reported once, after the commit.
            const qint64 done = m_doneBefore + qint64(double(batch->bytesConsumed) * share);
            if (options.progress && (done < m_totalBytes || m_totalBytes < 0))
                options.progress(done, m_totalBytes);
        }
    }
    checkCancel(options);
    indexes.rebuild(options.cancel, [&](std::size_t built, std::size_t total) {
        const qint64 done = m_doneBefore + qint64(double(unitBytes) * (share + (1.0 - share) * double(built) / double(total)));
        if (options.progress && done < m_totalBytes)
            options.progress(done, m_totalBytes);
    });
    checkCancel(options);
    part.encoding = encodingName(reader.encoding());
    m_doneBefore += reader.bytesConsumed();

    nlohmann::json partReport = partJson(part);
    nlohmann::json errors = nlohmann::json::array();
    for (std::size_t i = firstError; i < report.firstErrors.size(); ++i)
        errors.push_back(errorJson(report.firstErrors[i]));
    partReport["first_errors"] = std::move(errors);
    store::Statement finish = m_db.prepare(
        "UPDATE imports SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), rows_read = ?, rows_imported = ?, "
        "rows_rejected = ?, status = 'imported', encoding = ?, report = ?, line_format = ? WHERE id = ?");
    const std::string reportText = partReport.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    finish.bind(1, part.rowsRead)
        .bind(2, part.rowsImported)
        .bind(3, part.rowsRejected)
        .bind(4, part.encoding)
        .bind(5, std::string_view(reportText));
    // Rows without an original row of their own are rebuilt through the format; NULL says every row has one.
    const std::string lineFormat = writer.rowsWrittenBack() > 0 ? writer.lineFormat().toJson().dump() : std::string();
    if (lineFormat.empty())
        finish.bind(6, nullptr);
    else
        finish.bind(6, std::string_view(lineFormat));
    finish.bind(7, part.importId);
    finish.run();

    report.rowsRead += part.rowsRead;
    report.rowsImported += part.rowsImported;
    report.rowsRejected += part.rowsRejected;
    report.parts.push_back(part);
}

ImportReport Importer::importFile(const QString& path, const ImportOptions& options)
{
    const ImportCache cache(m_db);
    ImportReport report;
    report.file = path;
    m_doneBefore = 0;
    m_totalBytes = -1;
    try {
        checkCancel(options);
        store::Transaction transaction(m_db);
        JoinTable join;
        bool haveJoin = false;
        if (!options.servantRegistryFile.isEmpty()) {
            QFile registry(options.servantRegistryFile);
            if (ZipArchive::looksLikeZip(options.servantRegistryFile)) {
                const ZipArchive zip(options.servantRegistryFile);
                for (const ZipEntry& entry : zip.entries()) {
                    if (sourceOfMember(entry.name) == Source::ServantRegistry) {
                        join = loadServantRegistry(*zip.open(entry), options);
                        haveJoin = true;
                        break;
                    }
                }
                if (!haveJoin)
                    throw RejectedError("no_matching_member",
                                        QStringLiteral("no cadastro member in ") + options.servantRegistryFile);
            } else {
                if (!registry.open(QIODevice::ReadOnly))
                    throw RejectedError("cannot_open", QStringLiteral("cannot open %1: %2")
                                                           .arg(options.servantRegistryFile, registry.errorString()));
                DeviceSource source(registry);
                join = loadServantRegistry(source, options);
                haveJoin = true;
            }
        }

        std::vector<Unit> units;
        if (ZipArchive::looksLikeZip(path)) {
            const ZipArchive zip(path);
            const ZipEntry* registryEntry = nullptr;
            QStringList members;
            m_totalBytes = 0;
            for (const ZipEntry& entry : zip.entries()) {
                members.append(entry.name);
                const std::optional<Source> source = sourceOfMember(entry.name);
                if (!source)
                    continue;
                if (*source == Source::ServantRegistry) {
                    registryEntry = &entry;
                    continue;
                }
                if (options.source && *source != *options.source
                    && !(*options.source == Source::Biddings && *source == Source::Participants))
                    continue;
                units.push_back(Unit{entry.name, nullptr, zip.open(entry), source, qint64(entry.uncompressedSize)});
                m_totalBytes += qint64(entry.uncompressedSize);
            }
            if (units.empty())
                throw RejectedError("no_matching_member",
                                    QStringLiteral("no member of the ZIP holds %1 data (members: %2)")
                                        .arg(options.source ? sourceName(*options.source) : QStringLiteral("Portal"),
                                             members.join(QLatin1String(", "))));
            const bool wantsJoin = std::any_of(units.begin(), units.end(),
                                               [](const Unit& unit) { return unit.wanted == Source::Servants; });
            if (wantsJoin && !haveJoin && registryEntry) {
                join = loadServantRegistry(*zip.open(*registryEntry), options);
                haveJoin = true;
            }
        } else {
            auto file = std::make_unique<QFile>(path);
            if (!file->open(QIODevice::ReadOnly))
                throw RejectedError("cannot_open", QStringLiteral("cannot open %1: %2").arg(path, file->errorString()));
            m_totalBytes = file->size();
            auto source = std::make_unique<DeviceSource>(*file);
            units.push_back(Unit{QString(), std::move(file), std::move(source), options.source, m_totalBytes});
        }

        for (Unit& unit : units)
            importUnit(unit, options, haveJoin ? &join : nullptr, report);
        checkCancel(options);
        transaction.commit();
        if (options.progress)
            options.progress(m_totalBytes, m_totalBytes);
        report.status = ImportReport::Status::Imported;
        return report;
    } catch (const CancelledError&) {
        report.status = ImportReport::Status::Cancelled;
        report.error = QStringLiteral("import cancelled");
        report.errorCode = QStringLiteral("cancelled");
    } catch (const RejectedError& e) {
        report.status = ImportReport::Status::Rejected;
        report.error = QString::fromStdString(e.what());
        report.errorCode = e.code;
        report.missingColumns = e.columns;
    } catch (const CsvError& e) {
        report.status = ImportReport::Status::Rejected;
        report.error = QString::fromStdString(e.what());
        report.errorCode = QStringLiteral("unreadable"); // a read error, a record too long, a broken ZIP
    } catch (const store::StoreError& e) {
        if (options.cancel && options.cancel->load()) {   // an index rebuild interrupted by the cancel
            report.status = ImportReport::Status::Cancelled;
            report.error = QStringLiteral("import cancelled");
            report.errorCode = QStringLiteral("cancelled");
        } else {
            report.status = ImportReport::Status::Rejected;
            report.error = QStringLiteral("database error: ") + QString::fromStdString(e.what());
            report.errorCode = QStringLiteral("database");
        }
    }
    // Rolled back: nothing of this file is in the database.
    report.rowsImported = 0;
    for (ImportPart& part : report.parts) {
        part.importId = 0;
        part.rowsImported = 0;
    }
    return report;
}

} // namespace cidadao::data
