// SPDX-License-Identifier: GPL-3.0-or-later
#include "datacontroller.h"

#include "importremoval.h"

#include "http/asyncwork.h"

#include "data/importer.h"
#include "data/sources.h"
#include "engine/columns.h"
#include "engine/textfold.h"
#include "protocol/cursor.h"
#include "protocol/pagination.h"
#include "protocol/vocabulary.h"
#include "store/database.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUuid>
#include <QtConcurrent>

#include <sqlite3.h>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDataApi, "cidadao.data.api", QtInfoMsg)

namespace cidadao::server {

using protocol::Json;

namespace {

constexpr int kMaxSearchLength = 200;
constexpr qint64 kMaxUploadBytes = qint64(256) * 1024 * 1024; // 256 MiB

int sqlite3BindIndex(store::Statement& s, const char* name)
{
    return sqlite3_bind_parameter_index(s.handle(), name);
}

int sqlite3ColumnType(store::Statement& s, int column)
{
    return sqlite3_column_type(s.handle(), column);
}

// The browsable sources: the importer's names, without the join-only servant registry.
std::optional<data::Source> browsableSource(const QString& name)
{
    const auto source = data::sourceFromName(name);
    if (!source || *source == data::Source::ServantRegistry)
        return std::nullopt;
    return source;
}

std::string tableOf(data::Source source)
{
    return std::string(data::sourceSpec(source).table);
}

// The date column that places a record in time (the loader's choice, spec/DATA.md).
const char* dateColumnOf(data::Source source)
{
    switch (source) {
    case data::Source::Contracts: return "signed_date";
    case data::Source::Biddings: return "open_date";
    case data::Source::Agreements: return "published_date";
    case data::Source::Expenses: return "date";
    case data::Source::Sanctions: return "start_date";
    default: return nullptr;
    }
}

QString isoDay(qint64 day)
{
    const engine::CivilDate c = engine::toCivil(engine::Day(day));
    return QDate(c.year, c.month, c.day).toString(Qt::ISODate);
}

bool isDateColumn(const QString& name)
{
    return name == QLatin1String("date") || name.endsWith(QLatin1String("_date"));
}

Json rowToJson(store::Statement& s)
{
    Json row = Json::object();
    const int columns = s.columnCount();
    for (int c = 0; c < columns; ++c) {
        const QString name = s.columnName(c);
        if (name == QLatin1String("search_text"))
            continue;   // legacy, no longer filled (searches fold the columns): not part of a record
        const std::string key = name.toStdString();
        if (s.isNull(c)) {
            row[key] = nullptr;
            continue;
        }
        switch (sqlite3ColumnType(s, c)) {
        case 1: // SQLITE_INTEGER
            row[key] = isDateColumn(name) ? Json(isoDay(s.int64(c)).toStdString()) : Json(s.int64(c));
            break;
        case 2: row[key] = s.real(c); break; // SQLITE_FLOAT
        case 4: break;                       // SQLITE_BLOB: not part of the browsing view
        default: row[key] = s.text(c).toStdString(); break;
        }
    }
    return row;
}

Json sourceInfo(store::Database& db, data::Source source)
{
    const std::string table = tableOf(source);
    Json info{{"source", data::sourceName(source).toStdString()}, {"table", table}};
    {
        store::Statement s = db.prepare("SELECT count(*) FROM " + table);
        s.step();
        info["record_count"] = s.int64(0);
    }
    Json range = nullptr;
    if (const char* column = dateColumnOf(source)) {
        store::Statement s = db.prepare("SELECT min(" + std::string(column) + "), max(" + column + ") FROM " + table);
        if (s.step() && !s.isNull(0))
            range = Json{{"from", isoDay(s.int64(0)).toStdString()}, {"to", isoDay(s.int64(1)).toStdString()}};
    } else if (source == data::Source::Servants) {
        store::Statement s = db.prepare("SELECT min(year * 100 + month), max(year * 100 + month) FROM servant_pay");
        if (s.step() && !s.isNull(0)) {
            const qint64 lo = s.int64(0);
            const qint64 hi = s.int64(1);
            range = Json{{"from", QDate(int(lo / 100), int(lo % 100), 1).toString(Qt::ISODate).toStdString()},
                         {"to", QDate(int(hi / 100), int(hi % 100), 1).addMonths(1).addDays(-1).toString(Qt::ISODate).toStdString()}};
        }
    }
    info["date_range"] = range;
    store::Statement last = db.prepare(
        "SELECT id, file_name, status, started_at, finished_at, rows_imported FROM imports WHERE source = ? "
        "ORDER BY id DESC LIMIT 1");
    last.bind(1, data::sourceName(source));
    if (last.step()) {
        info["last_import"] = Json{{"import_id", last.int64(0)},
                                   {"file_name", last.text(1).toStdString()},
                                   {"status", last.text(2).toStdString()},
                                   {"started_at", last.text(3).toStdString()},
                                   {"finished_at", last.isNull(4) ? Json(nullptr) : Json(last.text(4).toStdString())},
                                   {"rows_imported", last.int64(5)}};
    } else {
        info["last_import"] = nullptr;
    }
    return info;
}

QString likePattern(const QString& folded)
{
    QString escaped = folded;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

struct RecordsQuery
{
    data::Source source;
    std::optional<qint64> afterId;
    std::optional<qint64> beforeId;
    int limit = protocol::PageLimitDefault;
    QString search; // folded
};

Json recordsPage(store::Database& db, const RecordsQuery& q)
{
    const std::string table = tableOf(q.source);
    std::string sql = "SELECT * FROM " + table + " WHERE 1";
    if (q.afterId)
        sql += " AND id > :after";
    if (q.beforeId)
        sql += " AND id < :before";
    if (!q.search.isEmpty())
        sql += " AND " + data::searchTextSql(q.source) + " LIKE :search ESCAPE '\\'";
    sql += q.beforeId ? " ORDER BY id DESC" : " ORDER BY id ASC";
    sql += " LIMIT :limit";
    store::Statement s = db.prepare(sql);
    const auto index = [&s](const char* name) { return sqlite3BindIndex(s, name); };
    if (q.afterId)
        s.bind(index(":after"), *q.afterId);
    if (q.beforeId)
        s.bind(index(":before"), *q.beforeId);
    if (!q.search.isEmpty())
        s.bind(index(":search"), likePattern(q.search));
    s.bind(index(":limit"), q.limit + 1);
    std::vector<Json> rows;
    while (s.step())
        rows.push_back(rowToJson(s));
    const bool more = int(rows.size()) > q.limit;
    if (more)
        rows.pop_back();
    if (q.beforeId)
        std::reverse(rows.begin(), rows.end());
    const auto cursorAt = [](const Json& row, const char* direction) {
        return protocol::encodeCursor(protocol::Cursor{QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                                       QString::number(row["id"].get<qint64>()),
                                                       QLatin1String(direction)});
    };
    // The CursorPaginationResponse envelope, with records as plain objects.
    Json out{{"items", Json::array()}, {"has_more", more}, {"metadata", Json{{"source", data::sourceName(q.source).toStdString()}}}};
    for (Json& row : rows)
        out["items"].push_back(std::move(row));
    const Json& items = out["items"];
    if (!items.empty()) {
        if (q.beforeId) {
            out["next_cursor"] = cursorAt(items.back(), "next").toStdString();
            if (more)
                out["prev_cursor"] = cursorAt(items.front(), "prev").toStdString();
        } else {
            if (more)
                out["next_cursor"] = cursorAt(items.back(), "next").toStdString();
            if (q.afterId)
                out["prev_cursor"] = cursorAt(items.front(), "prev").toStdString();
        }
    }
    if (!q.search.isEmpty())
        out["metadata"]["q"] = q.search.toStdString();
    return out;
}

void rejectUnknownParameters(const http::Request& request, const QStringList& known)
{
    const auto items = request.query.queryItems();
    for (const auto& item : items) {
        if (!known.contains(item.first))
            throw protocol::ValidationFailure(item.first, QStringLiteral("unknown query parameter"));
    }
}

bool visible(const http::Principal& who, const QString& ownerId)
{
    return who.role == QLatin1String(protocol::UserRole::Admin) || who.userId == ownerId;
}

} // namespace

DataController::DataController(QString databasePath, QString uploadDir, events::EventHub& events, QThreadPool& workers,
                               QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_uploadDir(std::move(uploadDir))
    , m_events(events)
    , m_workers(workers)
    , m_readers(std::make_shared<store::ReaderPool>(m_databasePath))
{
    // One import at a time: SQLite has one writer anyway, and each file is one transaction.
    m_importPool.setMaxThreadCount(1);
}

DataController::~DataController()
{
    {
        std::lock_guard lock(m_jobsMutex);
        for (const auto& job : std::as_const(m_jobs))
            job->cancel = true;
    }
    m_importPool.waitForDone();
}

void DataController::registerRoutes(http::Router& router)
{
    using http::Access;
    using namespace std::placeholders;
    const QString base = QStringLiteral("/api/v1/data");
    router.add("GET", base + QStringLiteral("/sources"), std::bind(&DataController::sources, this, _1, _2),
               Access::AnonymousOk);
    // A monthly Portal file is tens of megabytes: this route alone takes bodies past the 1 MiB default.
    // QHttpServer 6.4 buffers the whole body before we see it, hence a bound rather than no limit.
    router.add("POST", base + QStringLiteral("/import"), std::bind(&DataController::startImport, this, _1, _2),
               Access::Authenticated)
        .maxBodyBytes = kMaxUploadBytes;
    router.add("GET", base + QStringLiteral("/import/{job_id}"), std::bind(&DataController::importStatus, this, _1, _2),
               Access::Authenticated);
    // Replacing a data set (the desktop's sample reload) removes the earlier import first. Imports do
    // not record who made them, so only an administrator (the desktop's own local account is one) may.
    router.add("DELETE", base + QStringLiteral("/imports/{import_id}"),
               std::bind(&DataController::removeImport, this, _1, _2), Access::Admin);
    router.add("GET", base + QStringLiteral("/{source}"), std::bind(&DataController::records, this, _1, _2),
               Access::AnonymousOk);
    router.add("GET", base + QStringLiteral("/{source}/{id}"), std::bind(&DataController::record, this, _1, _2),
               Access::AnonymousOk);
}

void DataController::sources(http::Request& request, http::Responder& responder)
{
    rejectUnknownParameters(request, {});
    http::answerLater(
        m_workers, this, std::move(responder),
        [readers = m_readers] {
            store::Database& db = readers->connection();
            Json items = Json::array();
            for (data::Source source : data::allSources()) {
                if (source != data::Source::ServantRegistry)
                    items.push_back(sourceInfo(db, source));
            }
            return Json{{"sources", items}};
        },
        [](http::Responder& answer, Json body) { answer.json(200, body); });
}

void DataController::records(http::Request& request, http::Responder& responder)
{
    rejectUnknownParameters(request, {QStringLiteral("cursor"), QStringLiteral("limit"), QStringLiteral("direction"),
                                      QStringLiteral("q")});
    const QString name = request.param(QStringLiteral("source"));
    const auto source = browsableSource(name);
    if (!source)
        throw protocol::ApiException(protocol::notFound(QStringLiteral("no such data source: %1").arg(name)));
    const protocol::CursorPaginationRequest page = protocol::CursorPaginationRequest::fromQuery(request.query);
    RecordsQuery query{*source, std::nullopt, std::nullopt, page.limit, {}};
    if (page.cursor) {
        const protocol::Cursor cursor = protocol::decodeCursor(*page.cursor);
        bool ok = false;
        const qint64 id = cursor.id.toLongLong(&ok);
        if (!ok)
            throw protocol::ValidationFailure(QStringLiteral("cursor"), QStringLiteral("not a cursor of this list"));
        if (cursor.direction == QLatin1String("prev"))
            query.beforeId = id;
        else
            query.afterId = id;
    }
    const QString q = request.queryValue(QStringLiteral("q")).trimmed();
    if (q.size() > kMaxSearchLength)
        throw protocol::ValidationFailure(QStringLiteral("q"), QStringLiteral("must be at most %1 characters").arg(kMaxSearchLength));
    query.search = engine::foldText(q);
    http::answerLater(
        m_workers, this, std::move(responder), [readers = m_readers, query] { return recordsPage(readers->connection(), query); },
        [](http::Responder& answer, Json body) { answer.json(200, body); });
}

void DataController::record(http::Request& request, http::Responder& responder)
{
    rejectUnknownParameters(request, {});
    const QString name = request.param(QStringLiteral("source"));
    const auto source = browsableSource(name);
    if (!source)
        throw protocol::ApiException(protocol::notFound(QStringLiteral("no such data source: %1").arg(name)));
    bool ok = false;
    const qint64 id = request.param(QStringLiteral("id")).toLongLong(&ok);
    if (!ok)
        throw protocol::ApiException(protocol::notFound(QStringLiteral("no such record")));
    http::answerLater(
        m_workers, this, std::move(responder),
        [readers = m_readers, source = *source, id] {
            store::Statement s = readers->connection().prepare("SELECT * FROM " + tableOf(source) + " WHERE id = ?");
            s.bind(1, id);
            // Not an exception: QtConcurrent hands only QException subclasses back to the caller.
            if (!s.step())
                return Json();
            Json row = rowToJson(s);
            row["source"] = data::sourceName(source).toStdString();
            return row;
        },
        [](http::Responder& answer, Json body) {
            if (body.is_null())
                answer.error(protocol::notFound(QStringLiteral("no such record")));
            else
                answer.json(200, body);
        });
}

void DataController::startImport(http::Request& request, http::Responder& responder)
{
    rejectUnknownParameters(request, {QStringLiteral("source"), QStringLiteral("file_name")});
    const QString sourceName = request.queryValue(QStringLiteral("source"));
    std::optional<data::Source> source;
    if (!sourceName.isEmpty() && sourceName != QLatin1String("auto")) {
        source = browsableSource(sourceName);
        if (!source)
            throw protocol::ValidationFailure(QStringLiteral("source"), QStringLiteral("unknown data source"));
    }
    if (request.body.isEmpty())
        throw protocol::ValidationFailure(QStringLiteral("body"), QStringLiteral("must be a CSV or ZIP file"));
    auto job = std::make_shared<ImportJob>();
    job->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job->ownerId = request.principal->userId;
    job->source = source ? data::sourceName(*source) : QStringLiteral("auto");
    const QString given = request.queryValue(QStringLiteral("file_name"));
    const bool zip = request.body.startsWith("PK\x03\x04");
    job->fileName = given.isEmpty() ? QStringLiteral("upload.%1").arg(zip ? QStringLiteral("zip") : QStringLiteral("csv"))
                                    : QFileInfo(given).fileName();
    QDir().mkpath(m_uploadDir);
    const QString path = QDir(m_uploadDir).filePath(job->id + (zip ? QStringLiteral(".zip") : QStringLiteral(".csv")));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(request.body) != request.body.size())
        throw std::runtime_error("cannot store the uploaded file");
    file.close();
    job->state = Json{{"job_id", job->id.toStdString()}, {"source", job->source.toStdString()},
                      {"file_name", job->fileName.toStdString()}, {"status", "queued"}, {"rows_read", 0},
                      {"rows_imported", 0}, {"rows_rejected", 0}, {"progress", 0.0}};
    {
        std::lock_guard lock(m_jobsMutex);
        m_jobs.insert(job->id, job);
    }
    (void)QtConcurrent::run(&m_importPool, [this, job, path] { runImport(job, path); });
    responder.json(202, Json{{"job_id", job->id.toStdString()}, {"status", "queued"},
                             {"status_url", QString(QStringLiteral("/api/v1/data/import/") + job->id).toStdString()}});
}

void DataController::runImport(const std::shared_ptr<ImportJob>& job, const QString& filePath)
{
    const auto publish = [this, job] {
        Json state;
        {
            std::lock_guard lock(job->mutex);
            state = job->state;
        }
        m_events.publishImportProgress(job->ownerId, job->id, state);
    };
    {
        std::lock_guard lock(job->mutex);
        job->state["status"] = "running";
    }
    publish();
    data::ImportReport report;
    try {
        auto db = store::Database::open(m_databasePath);
        data::ImportOptions options;
        if (job->source != QLatin1String("auto"))
            options.source = data::sourceFromName(job->source);
        options.cancel = &job->cancel;
        QElapsedTimer sincePublish;
        sincePublish.start();
        options.progress = [&](qint64 done, qint64 total) {
            {
                std::lock_guard lock(job->mutex);
                job->state["bytes_read"] = done;
                job->state["progress"] = total > 0 ? double(done) / double(total) : 0.0;
            }
            if (sincePublish.elapsed() >= 200) {
                sincePublish.restart();
                publish();
            }
        };
        data::Importer importer(*db);
        report = importer.importFile(filePath, options);
    } catch (const std::exception& error) {
        qCWarning(lcDataApi) << "import" << job->id << "failed:" << error.what();
        report.status = data::ImportReport::Status::Rejected;
        report.error = QStringLiteral("internal error");
    }
    QFile::remove(filePath);
    Json reportJson = report.toJson();
    reportJson["file"] = job->fileName.toStdString(); // not the server's temporary path
    const bool succeeded = report.status == data::ImportReport::Status::Imported;
    {
        std::lock_guard lock(job->mutex);
        job->state["status"] = data::statusName(report.status).toStdString();
        job->state["rows_read"] = report.rowsRead;
        job->state["rows_imported"] = report.rowsImported;
        job->state["rows_rejected"] = report.rowsRejected;
        job->state["progress"] = 1.0;
        job->state["report"] = reportJson;
    }
    publish();
    m_events.publishImportFinished(job->ownerId, job->id, succeeded, reportJson);
    qCInfo(lcDataApi) << "import" << job->id << data::statusName(report.status) << report.rowsImported << "rows";
}

void DataController::removeImport(http::Request& request, http::Responder& responder)
{
    rejectUnknownParameters(request, {});
    bool ok = false;
    const qint64 id = request.param(QStringLiteral("import_id")).toLongLong(&ok);
    if (!ok || id <= 0)
        throw protocol::ApiException(protocol::notFound(QStringLiteral("no such import")));
    // On the import pool: one writer at a time, and never in the middle of an import's transaction.
    http::answerLater(
        m_importPool, this, std::move(responder),
        [path = m_databasePath, id] {
            auto db = store::Database::open(path);
            const std::optional<RemovedImport> removed = server::removeImport(*db, id);
            return removed ? removed->toJson() : Json();
        },
        [id](http::Responder& answer, Json body) {
            if (body.is_null()) {
                answer.error(protocol::notFound(QStringLiteral("import %1 not found").arg(id)));
                return;
            }
            qCInfo(lcDataApi) << "import" << id << "removed with" << body["records_removed"].get<qint64>() << "records";
            answer.json(200, body);
        });
}

void DataController::importStatus(http::Request& request, http::Responder& responder)
{
    const QString id = request.param(QStringLiteral("job_id"));
    std::shared_ptr<ImportJob> job;
    {
        std::lock_guard lock(m_jobsMutex);
        job = m_jobs.value(id);
    }
    if (!job || !visible(*request.principal, job->ownerId))
        throw protocol::ApiException(protocol::notFound(QStringLiteral("import job %1 not found").arg(id)));
    std::lock_guard lock(job->mutex);
    responder.json(200, job->state);
}

} // namespace cidadao::server
