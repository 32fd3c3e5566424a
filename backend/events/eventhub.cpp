// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventhub.h"

#include <QMetaType>

namespace cidadao::events {

EventHub::EventHub(QObject* parent)
    : QObject(parent)
{
    // Queued delivery copies the arguments through the meta-type system.
    qRegisterMetaType<protocol::Json>("cidadao::protocol::Json");
}

// Emitting is thread-safe: Qt queues the call to every receiver living in another thread.
void EventHub::publishInvestigationProgress(const QString& ownerUserId, const QString& investigationId,
                                            const protocol::Json& status)
{
    Q_EMIT investigationProgress(ownerUserId, investigationId, status);
}

void EventHub::publishInvestigationAnomaly(const QString& ownerUserId, const QString& investigationId,
                                           const protocol::Json& anomaly)
{
    Q_EMIT investigationAnomaly(ownerUserId, investigationId, anomaly);
}

void EventHub::publishInvestigationFinished(const QString& ownerUserId, const QString& investigationId,
                                            const QString& finalStatus, const protocol::Json& summary)
{
    Q_EMIT investigationFinished(ownerUserId, investigationId, finalStatus, summary);
}

void EventHub::publishImportProgress(const QString& userId, const QString& jobId, const protocol::Json& progress)
{
    Q_EMIT importProgress(userId, jobId, progress);
}

void EventHub::publishImportFinished(const QString& userId, const QString& jobId, bool succeeded,
                                     const protocol::Json& report)
{
    Q_EMIT importFinished(userId, jobId, succeeded, report);
}

void EventHub::publishEntityChanged(const QString& userId, const QString& entityWord, const QString& id,
                                    const QString& opWord)
{
    Q_EMIT entityChanged(userId, entityWord, id, opWord);
}

void EventHub::publishAgentStatus(const QString& agentId, const QString& status, const protocol::Json& details)
{
    Q_EMIT agentStatusChanged(agentId, status, details);
}

} // namespace cidadao::events
