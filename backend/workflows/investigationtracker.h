// SPDX-License-Identifier: GPL-3.0-or-later
// The `investigation` workflow's link to the InvestigationService: its nodes run on the runner's
// pool, the service lives in the main thread. The tracker starts, reads and cancels investigations
// on the main thread for them, and follows each one's phase through the EventHub's progress
// events, so that a node can wait until "its" phase is over. A waiting node polls its cancel flag:
// a cancelled execution (or a server shutting down) never leaves a node blocked.
#pragma once

#include "events/eventhub.h"
#include "protocol/investigation.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace cidadao::investigations {
class InvestigationService;
}

namespace cidadao::workflows {

struct InvestigationProgress
{
    QString status; // InvestigationState word
    QString phase;  // InvestigationPhase word
    qint64 recordsProcessed = 0;
    qint64 anomaliesDetected = 0;
    QString reason; // failed/cancelled: why
};

class InvestigationTracker : public QObject
{
    Q_OBJECT
public:
    // Lives in the main thread, like `service` and `events`.
    InvestigationTracker(investigations::InvestigationService& service, events::EventHub& events,
                         QObject* parent = nullptr);

    // The calls below are made from node threads. Each throws NodeFailure (not retryable) when the
    // service refuses, and NodeFailure("cancelled") once *cancel is set.
    QString start(const QString& userId, const protocol::InvestigationRequest& request, const std::atomic_bool* cancel);
    // Blocks until the investigation has left `phase` (or finished) and returns where it is then.
    // A failed or cancelled investigation is a NodeFailure carrying its reason.
    InvestigationProgress waitPast(const QString& investigationId, const QString& phase, const std::atomic_bool* cancel);
    protocol::InvestigationResponse results(const QString& userId, const QString& investigationId,
                                            const std::atomic_bool* cancel);
    // Fire and forget: the investigation is cancelled on the main thread (if still running).
    void cancel(const QString& userId, const QString& investigationId);
    // Drops what is known about an investigation the workflow is done with.
    void forget(const QString& investigationId);
    int trackedCount() const;

private:
    void onProgress(const QString& investigationId, const protocol::Json& status);
    void onFinished(const QString& investigationId, const QString& finalStatus, const protocol::Json& summary);
    // Runs `work` on the main thread and waits for it, polling *cancel.
    void callOnMain(std::function<void()> work, const std::atomic_bool* cancel);

    QPointer<investigations::InvestigationService> m_service;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QHash<QString, InvestigationProgress> m_progress;
};

} // namespace cidadao::workflows
