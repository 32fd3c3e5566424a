// SPDX-License-Identifier: GPL-3.0-or-later
// The part of InvestigationsService that keeps the list in step with the user's other clients
// through sync_update {entity:"investigation", id, op}. Reads here are quiet on failure: the next
// update or the refresh after a reconnect reads again, and Connection reports a lost server.
#include "investigationsservice.h"

#include "core/apiclient.h"
#include "protocol/pagination.h"
#include "protocol/workflow.h"

#include <QUrlQuery>

namespace cidadao::client {

namespace {

// A new investigation is at the top of the list (newest first); this many rows are enough to find
// it even when several were started at once.
constexpr int SummaryPageLimit = 20;

} // namespace

void InvestigationsService::applySyncUpdate(const QString& entity, const QString& id, const QString& op)
{
    // Upstream's public routes have no accounts and so no sync channel.
    if (entity != QLatin1String(protocol::SyncEntity::Investigation) || id.isEmpty() || m_publicRoutes || !m_api)
        return;
    if (op == QLatin1String(protocol::SyncOp::Deleted)) {
        unfollow(id);
        m_queries.remove(id);
        const bool listed = m_list.remove(id);
        if (id == m_currentId) {
            m_currentId.clear();
            m_results.reset();
            m_anomalies.setAnomalies({});
        }
        if (listed)
            Q_EMIT investigationRemoved(id);
        return;
    }
    if (m_list.rowOf(id) >= 0)
        fetchStatus(id); // finished, cancelled or failed elsewhere: applyStatus does the rest
    else
        fetchSummary(id);
}

void InvestigationsService::fetchSummary(const QString& id)
{
    // The list's row carries the query, which the status alone does not.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(SummaryPageLimit));
    ApiJob* job = m_api->get(QStringLiteral("/api/v1/investigations"), ApiJob::Auth::Required, query);
    connect(job, &ApiJob::success, this, [this, id](ApiJob* done) {
        std::optional<InvestigationSummary> found;
        try {
            const protocol::Json& json = done->json();
            const auto items = json.find("items");
            if (items != json.end() && items->is_array())
                for (const protocol::Json& item : *items)
                    if (item.is_object() && item.value("investigation_id", std::string()) == id.toStdString()) {
                        found = summaryOf(item);
                        break;
                    }
        } catch (const protocol::ValidationFailure&) {
            found.reset();
        }
        if (!found) {
            follow(id); // older than the first page: its status comes once the socket is up
            return;
        }
        m_queries.insert(id, found->query);
        if (m_list.rowOf(id) < 0)
            m_list.upsert(*found);
        else
            applyStatus(found->status);
        if (!isFinished(found->status.status))
            follow(id);
    });
}

} // namespace cidadao::client
