// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataclient.h"

#include "core/connection.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkReply>
#include <QTimer>

namespace cidadao::client {
namespace {

QString text(const protocol::Json& json, std::initializer_list<const char*> keys)
{
    for (const char* key : keys) {
        const auto it = json.find(key);
        if (it != json.end() && it->is_string())
            return it->get<QString>();
    }
    return {};
}

qint64 number(const protocol::Json& json, std::initializer_list<const char*> keys)
{
    for (const char* key : keys) {
        const auto it = json.find(key);
        if (it != json.end() && it->is_number())
            return it->get<qint64>();
    }
    return 0;
}

} // namespace

DataSourceInfo DataSourceInfo::fromJson(const protocol::Json& json)
{
    DataSourceInfo info;
    if (!json.is_object())
        return info;
    info.raw = json;
    info.source = text(json, {"source", "name", "id"});
    info.records = number(json, {"records", "record_count", "count", "rows"});
    info.firstDate = text(json, {"first_date", "date_from", "start_date", "min_date"});
    info.lastDate = text(json, {"last_date", "date_to", "end_date", "max_date"});
    const auto range = json.find("date_range");
    if (range != json.end() && range->is_object()) {
        info.firstDate = text(*range, {"from", "start", "min", "first"});
        info.lastDate = text(*range, {"to", "end", "max", "last"});
    }
    info.lastImport = text(json, {"last_import", "last_import_at", "imported_at"});
    const auto last = json.find("last_import");
    if (last != json.end() && last->is_object())
        info.lastImport = text(*last, {"finished_at", "started_at", "at"});
    return info;
}

ImportReport ImportReport::fromJson(const protocol::Json& json)
{
    ImportReport report;
    if (!json.is_object())
        return report;
    report.raw = json;
    report.status = text(json, {"status"});
    report.error = text(json, {"error", "message"});
    report.errorCode = text(json, {"error_code"});
    if (const auto missing = json.find("missing_columns"); missing != json.end() && missing->is_array()) {
        for (const auto& column : *missing)
            if (column.is_string())
                report.missingColumns.append(column.get<QString>());
    }
    report.rowsRead = number(json, {"rows_read"});
    report.rowsImported = number(json, {"rows_imported"});
    report.rowsRejected = number(json, {"rows_rejected"});
    const auto errors = json.find("first_errors");
    if (errors != json.end() && errors->is_array()) {
        for (const auto& item : *errors) {
            if (!item.is_object())
                continue;
            report.firstErrors.append({number(item, {"line"}), text(item, {"column"}), text(item, {"reason"}),
                                       text(item, {"code"}), text(item, {"value"}), number(item, {"expected"}),
                                       number(item, {"found"})});
        }
    }
    return report;
}

DataClient::DataClient(Connection& connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setInterval(300);
    connect(m_pollTimer, &QTimer::timeout, this, &DataClient::poll);
    connect(&connection.channels(), &ChannelsClient::message, this, [this](const protocol::WorkflowEnvelope& envelope) {
        if (envelope.payload)
            onChannelMessage(envelope.type, *envelope.payload);
    });
}

DataClient::~DataClient()
{
    if (m_reply)
        m_reply->abort();
}

ApiJob* DataClient::fetchSources()
{
    return m_connection.api().get(QStringLiteral("/api/v1/data/sources"));
}

ApiJob* DataClient::removeImport(qint64 importId)
{
    return m_connection.api().deleteResource(QStringLiteral("/api/v1/data/imports/%1").arg(importId));
}

ApiJob* DataClient::fetchRecords(const QString& source, const QString& query, const QString& cursor, int limit)
{
    QUrlQuery params;
    params.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!cursor.isEmpty())
        params.addQueryItem(QStringLiteral("cursor"), cursor);
    if (!query.isEmpty())
        params.addQueryItem(QStringLiteral("q"), query);
    return m_connection.api().get(QStringLiteral("/api/v1/data/%1").arg(source), ApiJob::Auth::Required, params);
}

QList<DataSourceInfo> DataClient::sourcesFrom(const protocol::Json& answer)
{
    const protocol::Json* list = &answer;
    for (const char* key : {"sources", "items", "data"}) {
        const auto it = answer.find(key);
        if (answer.is_object() && it != answer.end() && (it->is_array() || it->is_object())) {
            list = &*it;
            break;
        }
    }
    QList<DataSourceInfo> out;
    if (list->is_array()) {
        for (const auto& item : *list)
            out.append(DataSourceInfo::fromJson(item));
    } else if (list->is_object()) { // {"contracts": {...}, ...}
        for (auto it = list->begin(); it != list->end(); ++it) {
            DataSourceInfo info = DataSourceInfo::fromJson(it.value());
            if (info.source.isEmpty())
                info.source = QString::fromStdString(it.key());
            out.append(info);
        }
    }
    out.removeIf([](const DataSourceInfo& info) { return info.source.isEmpty(); });
    return out;
}

bool DataClient::importFile(const QString& path, const QString& source)
{
    if (m_importing)
        return false;
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly)) {
        m_file.reset();
        return false;
    }
    m_source = source;
    m_jobId.clear();
    m_importing = true;
    const QString user = m_connection.auth().user().id;
    if (!user.isEmpty()) // import progress and the final report come on the user's notifications
        m_connection.channels().subscribe({QStringLiteral("notifications:%1").arg(user)});
    sendUpload(false);
    return true;
}

void DataClient::sendUpload(bool afterRefresh)
{
    QUrlQuery query;
    if (!m_source.isEmpty())
        query.addQueryItem(QStringLiteral("source"), m_source);
    query.addQueryItem(QStringLiteral("file_name"), QFileInfo(*m_file).fileName());
    QNetworkRequest request = m_connection.api().makeRequest(QStringLiteral("/api/v1/data/import"), query, true);
    const bool zip = m_file->fileName().endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
    request.setHeader(QNetworkRequest::ContentTypeHeader, zip ? QByteArray("application/zip") : QByteArray("text/csv"));
    request.setTransferTimeout(0); // large files: progress shows it moves
    m_file->seek(0);
    m_reply = m_connection.api().network()->post(request, m_file.get());
    connect(m_reply, &QNetworkReply::uploadProgress, this, &DataClient::uploadProgress);
    connect(m_reply, &QNetworkReply::finished, this, [this, afterRefresh] {
        QNetworkReply* reply = m_reply;
        if (!reply)
            return;
        reply->deleteLater();
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 401 && !afterRefresh && m_connection.api().canRefresh()) {
            m_connection.api().refreshToken([this](bool ok) {
                if (ok && m_importing)
                    sendUpload(true);
                else if (m_importing) {
                    m_importing = false;
                    Q_EMIT importFailed(protocol::unauthorized(QStringLiteral("session expired")));
                }
            });
            return;
        }
        if (status == 0 || status >= 300) {
            m_importing = false;
            m_file.reset();
            Q_EMIT importFailed(status == 0 ? protocol::ApiError{0, QLatin1String(ClientErrorCode::NetworkError),
                                                                 reply->errorString(), {}}
                                            : decodeErrorBody(body, status));
            return;
        }
        m_file.reset();
        const protocol::Json answer = protocol::Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        m_jobId = text(answer, {"job_id", "import_id", "id"});
        m_statusPath = text(answer, {"status_url"});
        if (m_statusPath.isEmpty() && !m_jobId.isEmpty())
            m_statusPath = QStringLiteral("/api/v1/data/import/%1").arg(m_jobId);
        // A server that imports before answering sends the report at once.
        const auto report = answer.is_object() ? answer.find("report") : answer.end();
        if (answer.is_object() && report != answer.end() && report->is_object()) {
            m_importing = false;
            Q_EMIT importFinished(ImportReport::fromJson(*report));
        } else if (answer.is_object() && answer.contains("rows_imported") && answer.contains("first_errors")) {
            m_importing = false;
            Q_EMIT importFinished(ImportReport::fromJson(answer));
        } else if (!m_statusPath.isEmpty()) {
            m_pollTimer->start();
        }
    });
}

void DataClient::onChannelMessage(const QString& type, const protocol::Json& payload)
{
    if (!m_importing || m_jobId.isEmpty() || !payload.is_object())
        return;
    // Notifications wrap their data in {"data": ...} or carry it flat; either names the job.
    const protocol::Json& body = payload.contains("data") && payload["data"].is_object() ? payload["data"] : payload;
    if (text(body, {"job_id", "import_id"}) != m_jobId)
        return;
    onJobState(type, body);
}

void DataClient::poll()
{
    if (!m_importing || m_statusPath.isEmpty() || m_polling)
        return;
    m_polling = true;
    ApiJob* job = m_connection.api().get(m_statusPath);
    connect(job, &ApiJob::finished, this, [this](ApiJob* done) {
        m_polling = false;
        if (done->status() == ApiJob::Status::Succeeded && m_importing)
            onJobState({}, done->json());
    });
}

void DataClient::onJobState(const QString& type, const protocol::Json& body)
{
    if (!m_importing || !body.is_object())
        return;
    const QString status = text(body, {"status"});
    const auto report = body.find("report");
    const bool finished = (report != body.end() && report->is_object()) || type.contains(QLatin1String("finished"))
                          || status == QLatin1String("imported") || status == QLatin1String("rejected")
                          || status == QLatin1String("completed") || status == QLatin1String("failed")
                          || status == QLatin1String("cancelled");
    if (finished) {
        m_importing = false;
        m_pollTimer->stop();
        Q_EMIT importFinished(ImportReport::fromJson(report != body.end() && report->is_object() ? *report : body));
        return;
    }
    double progress = 0;
    const auto it = body.find("progress");
    if (it != body.end() && it->is_number())
        progress = it->get<double>();
    const int percent = progress <= 1.0 ? int(progress * 100) : int(progress);
    Q_EMIT importProgress(percent, number(body, {"rows_imported"}), number(body, {"rows_rejected"}));
}

void DataClient::cancelImport()
{
    if (m_reply)
        m_reply->abort();
    m_pollTimer->stop();
    m_importing = false;
    m_file.reset();
}

} // namespace cidadao::client
