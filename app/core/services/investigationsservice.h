// SPDX-License-Identifier: GPL-3.0-or-later
// Investigations as the app uses them (spec/API.md §5, §7): start one, list the user's own, follow
// the running ones live over the per-investigation WebSocket (progress lands in the list model's
// row), load the finished one's results into the AnomalyModel, cancel, and download a report.
// A follow survives a dropped socket (WebSocketChannel reconnects) and an investigation that
// finished before the socket opened (the status is read once the socket is up).
#pragma once

#include "core/apijob.h"
#include "core/models/anomalymodel.h"
#include "core/models/investigationlistmodel.h"
#include "protocol/apierror.h"
#include "protocol/chatws.h"
#include "protocol/investigation.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace cidadao::client {

class ApiClient;
class InvestigationSocket;

class InvestigationsService : public QObject
{
    Q_OBJECT
public:
    explicit InvestigationsService(ApiClient* api, QObject* parent = nullptr);
    ~InvestigationsService() override;

    InvestigationListModel* investigations() { return &m_list; }
    AnomalyModel* anomalies() { return &m_anomalies; }
    // The investigation whose results the AnomalyModel shows.
    QString currentId() const { return m_currentId; }
    const std::optional<protocol::InvestigationResponse>& currentResults() const { return m_results; }
    bool isFollowing(const QString& id) const { return m_sockets.contains(id); }

    void refresh();
    void start(const protocol::InvestigationRequest& request);
    // Live progress for one investigation until it finishes.
    void follow(const QString& id);
    // Makes `id` the current investigation: its results when finished, else progress until then.
    void open(const QString& id);
    void cancel(const QString& id);
    // format: pdf | csv | json | md. Emits exported or errorOccurred.
    void exportReport(const QString& id, const QString& format, const QString& filePath);
    void retry();

    static bool isFinished(const QString& status);

    // Live sync (spec/API.md §9, investigationssync.cpp): a sync_update from sync:{userId} said
    // that one of this user's investigations was created, changed or deleted, maybe by another
    // running client. A new one gets its row (and is followed live while it runs); a known row
    // reads its status again; a deleted one leaves the list.
    void applySyncUpdate(const QString& entity, const QString& id, const QString& op);

    // The public upstream service (no accounts, no /api/v1/info) serves only the *upstream*
    // aliases of spec §5: POST /public/create, GET /public/status/{id}, GET /public/results/{id}.
    // With them the list holds what this app started, and cancel/export say they are unavailable.
    void setPublicRoutes(bool publicRoutes) { m_publicRoutes = publicRoutes; }
    bool usesPublicRoutes() const { return m_publicRoutes; }

Q_SIGNALS:
    void started(const QString& id);
    void progressed(const cidadao::protocol::InvestigationStatus& status);
    void investigationFinished(const QString& id, const QString& status);
    void resultsLoaded(const QString& id);
    void exported(const QString& filePath, const QString& format);
    void errorOccurred(const cidadao::protocol::ApiError& error);
    void investigationRemoved(const QString& id);

private:
    void applyStatus(const protocol::InvestigationStatus& status);
    void fetchStatus(const QString& id);
    void fetchResults(const QString& id);
    void unfollow(const QString& id);
    void fetchSummary(const QString& id);
    // One row of GET /investigations: the status members plus query and timestamps.
    static InvestigationSummary summaryOf(const protocol::Json& item);
    void fail(const protocol::ApiError& error, std::function<void()> retry);
    QString statusPath(const QString& id) const;
    QString resultsPath(const QString& id) const;
    bool refuseOnPublicRoutes();
    // Upstream's public routes are anonymous; ours need the account's token.
    ApiJob::Auth routeAuth() const { return m_publicRoutes ? ApiJob::Auth::None : ApiJob::Auth::Required; }

    QPointer<ApiClient> m_api;
    InvestigationListModel m_list;
    AnomalyModel m_anomalies;
    QString m_currentId;
    std::optional<protocol::InvestigationResponse> m_results;
    QHash<QString, InvestigationSocket*> m_sockets;
    QHash<QString, QString> m_queries; // id → query, for rows made before the list is read
    std::function<void()> m_retry;
    bool m_publicRoutes = false;
};

} // namespace cidadao::client
