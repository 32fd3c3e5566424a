// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationsservice.h"

#include "investigationsocket.h"
#include "reportdownload.h"

#include "core/apiclient.h"
#include "core/serverlanguage.h"
#include "protocol/pagination.h"
#include "protocol/vocabulary.h"

#include <QUrlQuery>

namespace cidadao::client {

namespace {

protocol::ApiError badAnswer(const protocol::ValidationFailure& failure)
{
    return {200, QLatin1String(ClientErrorCode::BadResponse),
            QStringLiteral("%1: %2").arg(failure.field(), failure.reason()), {}};
}

} // namespace

InvestigationSummary InvestigationsService::summaryOf(const protocol::Json& item)
{
    InvestigationSummary summary;
    summary.status = protocol::decode<protocol::InvestigationStatus>(item);
    const protocol::ObjectReader reader(item);
    summary.query = reader.optionalString("query").value_or(QString());
    for (const char* key : {"updated_at", "completed_at", "created_at"}) {
        if (const auto when = reader.optionalTimestamp(key)) {
            summary.updatedAt = *when;
            break;
        }
    }
    return summary;
}

InvestigationsService::InvestigationsService(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{
}

InvestigationsService::~InvestigationsService()
{
    const QList<QString> ids = m_sockets.keys();
    for (const QString& id : ids)
        unfollow(id);
}

bool InvestigationsService::isFinished(const QString& status)
{
    for (const char* word : protocol::InvestigationState::Finished)
        if (status == QLatin1String(word))
            return true;
    return false;
}

void InvestigationsService::fail(const protocol::ApiError& error, std::function<void()> retry)
{
    m_retry = std::move(retry);
    Q_EMIT errorOccurred(error);
}

void InvestigationsService::retry()
{
    if (auto again = std::exchange(m_retry, {}))
        again();
}

QString InvestigationsService::statusPath(const QString& id) const
{
    return m_publicRoutes ? QStringLiteral("/api/v1/investigations/public/status/%1").arg(id)
                          : QStringLiteral("/api/v1/investigations/%1/status").arg(id);
}

QString InvestigationsService::resultsPath(const QString& id) const
{
    return m_publicRoutes ? QStringLiteral("/api/v1/investigations/public/results/%1").arg(id)
                          : QStringLiteral("/api/v1/investigations/%1/results").arg(id);
}

// Listing, cancelling and exporting need an account on our own server; upstream has no such routes.
bool InvestigationsService::refuseOnPublicRoutes()
{
    if (!m_publicRoutes)
        return false;
    Q_EMIT errorOccurred(protocol::ApiError{501, QStringLiteral("NotAvailable"),
                                            tr("This server does not offer that for investigations."),
                                            protocol::Json::object()});
    return true;
}

void InvestigationsService::refresh()
{
    if (m_publicRoutes) {
        // No list upstream: keep the rows of investigations started here and refresh their status.
        for (const QString& id : m_queries.keys())
            fetchStatus(id);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(protocol::PageLimitMax));
    ApiJob* job = m_api->get(QStringLiteral("/api/v1/investigations"), ApiJob::Auth::Required, query);
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        QList<InvestigationSummary> items;
        try {
            const protocol::Json& json = done->json();
            const auto it = json.find("items");
            if (it == json.end() || !it->is_array())
                throw protocol::ValidationFailure(QStringLiteral("items"), QStringLiteral("missing"));
            for (const protocol::Json& item : *it) {
                items.append(summaryOf(item));
                m_queries.insert(items.last().status.investigationId, items.last().query);
            }
        } catch (const protocol::ValidationFailure& failure) {
            fail(badAnswer(failure), [this] { refresh(); });
            return;
        }
        m_list.setInvestigations(items);
        for (const InvestigationSummary& item : std::as_const(items))
            if (!isFinished(item.status.status))
                follow(item.status.investigationId);
    });
    connect(job, &ApiJob::failure, this, [this](ApiJob* done) { fail(done->error(), [this] { refresh(); }); });
}

void InvestigationsService::start(const protocol::InvestigationRequest& request)
{
    const QString path = m_publicRoutes ? QStringLiteral("/api/v1/investigations/public/create")
                                        : QStringLiteral("/api/v1/investigations/start");
    ApiJob* job = m_api->post(path, protocol::encode(request), routeAuth());
    connect(job, &ApiJob::success, this, [this, request](ApiJob* done) {
        protocol::InvestigationStarted started;
        try {
            started = protocol::decode<protocol::InvestigationStarted>(done->json());
        } catch (const protocol::ValidationFailure& failure) {
            fail(badAnswer(failure), {});
            return;
        }
        InvestigationSummary summary;
        summary.status.investigationId = started.investigationId;
        summary.status.status = started.status;
        summary.query = request.query;
        summary.updatedAt = QDateTime::currentDateTimeUtc();
        m_queries.insert(started.investigationId, request.query);
        m_list.upsert(summary);
        follow(started.investigationId);
        Q_EMIT this->started(started.investigationId);
    });
    connect(job, &ApiJob::failure, this,
            [this, request](ApiJob* done) { fail(done->error(), [this, request] { start(request); }); });
}

void InvestigationsService::follow(const QString& id)
{
    if (m_sockets.contains(id) || !m_api)
        return;
    auto* socket = new InvestigationSocket(id, {}, this);
    socket->setUrl(InvestigationSocket::urlFor(m_api->baseUrl(), id));
    QPointer<ApiClient> api = m_api;
    socket->setTokenProvider([api] {
        const QByteArray header = api ? api->authorizationHeader() : QByteArray();
        return header.startsWith("Bearer ") ? QString::fromUtf8(header.mid(7)) : QString();
    });
    connect(socket, &InvestigationSocket::update, this, [this](const protocol::InvestigationUpdatePayload& update) {
        protocol::InvestigationStatus status;
        status.investigationId = update.investigationId;
        status.status = update.status;
        // Upstream has sent percentages here; the API's unit is 0..1.
        status.progress = update.progress > 1.0 ? update.progress / 100.0 : update.progress;
        status.currentPhase = update.currentPhase;
        status.anomaliesDetected = update.anomaliesDetected;
        applyStatus(status);
    });
    // Whatever happened before the socket was up (even the whole run) is read once it is.
    connect(socket, &WebSocketChannel::opened, this, [this, id] { fetchStatus(id); });
    connect(socket, &WebSocketChannel::dropped, this, [this, id](const QString&) { fetchStatus(id); });
    m_sockets.insert(id, socket);
    socket->open();
}

void InvestigationsService::unfollow(const QString& id)
{
    if (InvestigationSocket* socket = m_sockets.take(id)) {
        socket->disconnect(this);
        socket->close();
        socket->deleteLater();
    }
}

void InvestigationsService::fetchStatus(const QString& id)
{
    ApiJob* job = m_api->get(statusPath(id), routeAuth());
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        try {
            applyStatus(protocol::decode<protocol::InvestigationStatus>(done->json()));
        } catch (const protocol::ValidationFailure&) {
            // The socket's updates still come; one unreadable status changes nothing.
        }
    });
}

void InvestigationsService::applyStatus(const protocol::InvestigationStatus& status)
{
    const int row = m_list.rowOf(status.investigationId);
    // A status may arrive twice (socket and poll): a finished row does not go back to running.
    if (row >= 0 && isFinished(m_list.at(row).status.status) && !isFinished(status.status))
        return;
    const bool wasFinished = row >= 0 && isFinished(m_list.at(row).status.status);
    protocol::InvestigationStatus merged = status;
    if (row >= 0 && !isFinished(merged.status)) {
        // The socket and a status read can cross on the way: what was already shown stays.
        const protocol::InvestigationStatus& shown = m_list.at(row).status;
        merged.progress = qMax(merged.progress, shown.progress);
        merged.recordsProcessed = qMax(merged.recordsProcessed, shown.recordsProcessed);
        merged.anomaliesDetected = qMax(merged.anomaliesDetected, shown.anomaliesDetected);
    }
    if (isFinished(merged.status) && merged.status == QLatin1String(protocol::InvestigationState::Completed))
        merged.progress = 1.0;
    m_list.updateStatus(merged, QDateTime::currentDateTimeUtc());
    if (row < 0 && m_queries.contains(merged.investigationId)) {
        InvestigationSummary summary = m_list.at(m_list.rowOf(merged.investigationId));
        summary.query = m_queries.value(merged.investigationId);
        m_list.upsert(summary);
    }
    Q_EMIT progressed(merged);
    if (isFinished(merged.status) && !wasFinished) {
        unfollow(merged.investigationId);
        Q_EMIT investigationFinished(merged.investigationId, merged.status);
        if (merged.investigationId == m_currentId)
            fetchResults(merged.investigationId);
    }
}

void InvestigationsService::open(const QString& id)
{
    if (id != m_currentId) {
        m_currentId = id;
        m_results.reset();
        m_anomalies.setAnomalies({});
    }
    const int row = m_list.rowOf(id);
    if (row >= 0 && isFinished(m_list.at(row).status.status))
        fetchResults(id);
    else
        follow(id);
}

void InvestigationsService::fetchResults(const QString& id)
{
    ApiJob* job = m_api->get(resultsPath(id), routeAuth());
    connect(job, &ApiJob::success, this, [this, id](ApiJob* done) {
        if (id != m_currentId)
            return;
        try {
            m_results = protocol::decode<protocol::InvestigationResponse>(done->json());
        } catch (const protocol::ValidationFailure& failure) {
            fail(badAnswer(failure), [this, id] { fetchResults(id); });
            return;
        }
        m_anomalies.setAnomalies(m_results->results);
        Q_EMIT resultsLoaded(id);
    });
    connect(job, &ApiJob::failure, this, [this, id](ApiJob* done) {
        // 409: not finished after all (a stale list); following it brings the results later.
        if (done->httpStatus() == 409) {
            follow(id);
            return;
        }
        fail(done->error(), [this, id] { fetchResults(id); });
    });
}

void InvestigationsService::cancel(const QString& id)
{
    if (refuseOnPublicRoutes())
        return;
    ApiJob* job = m_api->deleteResource(QStringLiteral("/api/v1/investigations/%1").arg(id));
    connect(job, &ApiJob::success, this, [this](ApiJob* done) {
        try {
            applyStatus(protocol::decode<protocol::InvestigationStatus>(done->json()));
        } catch (const protocol::ValidationFailure& failure) {
            fail(badAnswer(failure), {});
        }
    });
    connect(job, &ApiJob::failure, this, [this, id](ApiJob* done) {
        if (done->httpStatus() == 409) { // it finished meanwhile: show how
            fetchStatus(id);
            return;
        }
        fail(done->error(), [this, id] { cancel(id); });
    });
}

void InvestigationsService::exportReport(const QString& id, const QString& format, const QString& filePath)
{
    if (refuseOnPublicRoutes())
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("format"), format);
    // The report in the interface's language: the server writes pt-BR and en (English for fr too).
    query.addQueryItem(QStringLiteral("lang"), serverLanguage());
    auto* download =
        new ReportDownload(m_api, QStringLiteral("/api/v1/investigations/%1/export").arg(id), query, filePath, this);
    connect(download, &ReportDownload::succeeded, this,
            [this, format](const QString& path, const QString&) { Q_EMIT exported(path, format); });
    connect(download, &ReportDownload::failed, this, [this, id, format, filePath](const protocol::ApiError& error) {
        fail(error, [this, id, format, filePath] { exportReport(id, format, filePath); });
    });
    connect(download, &ReportDownload::finished, download, &QObject::deleteLater);
    download->start();
}

} // namespace cidadao::client
