// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationtracker.h"
#include "workflowdefinition.h"

#include "investigations/investigationservice.h"
#include "protocol/vocabulary.h"

#include <QMetaObject>

#include <chrono>
#include <exception>

namespace cidadao::workflows {

namespace State = protocol::InvestigationState;
namespace Phase = protocol::InvestigationPhase;

namespace {

// How far along the investigation's walk a phase is; unknown words (upstream's) count as the start.
int phaseRank(const QString& phase)
{
    int rank = 0;
    for (const char* word : Phase::All) {
        if (phase == QLatin1String(word))
            return rank;
        ++rank;
    }
    return 0;
}

bool isFinished(const QString& status)
{
    for (const char* word : State::Finished) {
        if (status == QLatin1String(word))
            return true;
    }
    return false;
}

http::Principal ownerPrincipal(const QString& userId)
{
    http::Principal who;
    who.userId = userId;
    return who;
}

NodeFailure refused(const std::exception& error)
{
    return NodeFailure(QString::fromUtf8(error.what()), false);
}

} // namespace

InvestigationTracker::InvestigationTracker(investigations::InvestigationService& service, events::EventHub& events,
                                           QObject* parent)
    : QObject(parent)
    , m_service(&service)
{
    connect(&events, &events::EventHub::investigationProgress, this,
            [this](const QString&, const QString& id, const protocol::Json& status) { onProgress(id, status); });
    connect(&events, &events::EventHub::investigationFinished, this,
            [this](const QString&, const QString& id, const QString& finalStatus, const protocol::Json& summary) {
                onFinished(id, finalStatus, summary);
            });
}

void InvestigationTracker::callOnMain(std::function<void()> work, const std::atomic_bool* cancel)
{
    struct Call
    {
        std::mutex mutex;
        std::condition_variable done;
        bool finished = false;
        bool abandoned = false;
        std::exception_ptr error;
    };
    auto call = std::make_shared<Call>();
    QMetaObject::invokeMethod(
        this,
        [call, work = std::move(work)] {
            // Under the call's lock: the caller cannot give up (and drop what `work` writes to)
            // while it runs, and work it gave up on never runs.
            std::lock_guard lock(call->mutex);
            if (call->abandoned)
                return;
            try {
                work();
            } catch (...) {
                call->error = std::current_exception();
            }
            call->finished = true;
            call->done.notify_all();
        },
        Qt::QueuedConnection);
    std::unique_lock lock(call->mutex);
    // A short wait in a loop: the main thread may be the one shutting the runner down, and then
    // only the cancel flag tells this node to give up.
    while (!call->done.wait_for(lock, std::chrono::milliseconds(50), [&] { return call->finished; })) {
        if (cancel && cancel->load()) {
            call->abandoned = true;
            throw NodeFailure(QStringLiteral("cancelled"), false);
        }
    }
    if (call->error)
        std::rethrow_exception(call->error);
}

QString InvestigationTracker::start(const QString& userId, const protocol::InvestigationRequest& request,
                                    const std::atomic_bool* cancel)
{
    QString id;
    try {
        callOnMain(
            [this, userId, request, &id] {
                if (!m_service)
                    throw NodeFailure(QStringLiteral("the investigation service has stopped"), false);
                const protocol::InvestigationStarted started = m_service->start(ownerPrincipal(userId), request);
                InvestigationProgress progress;
                progress.status = started.status;
                progress.phase = QLatin1String(Phase::DataRetrieval);
                // Recorded before any progress event of this investigation reaches the main thread.
                std::lock_guard lock(m_mutex);
                m_progress.insert(started.investigationId, progress);
                id = started.investigationId;
            },
            cancel);
    } catch (const NodeFailure&) {
        throw;
    } catch (const std::exception& error) {
        throw refused(error);
    }
    return id;
}

InvestigationProgress InvestigationTracker::waitPast(const QString& investigationId, const QString& phase,
                                                     const std::atomic_bool* cancel)
{
    const int rank = phaseRank(phase);
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto it = m_progress.constFind(investigationId);
        if (it == m_progress.constEnd())
            throw NodeFailure(QStringLiteral("investigation %1 is not being followed").arg(investigationId), false);
        const InvestigationProgress progress = *it;
        if (isFinished(progress.status)) {
            if (progress.status != QLatin1String(State::Completed))
                throw NodeFailure(QStringLiteral("investigation %1 %2: %3")
                                      .arg(investigationId, progress.status, progress.reason),
                                  false);
            return progress;
        }
        if (phaseRank(progress.phase) > rank)
            return progress;
        if (cancel && cancel->load())
            throw NodeFailure(QStringLiteral("cancelled"), false);
        m_changed.wait_for(lock, std::chrono::milliseconds(50));
    }
}

protocol::InvestigationResponse InvestigationTracker::results(const QString& userId, const QString& investigationId,
                                                              const std::atomic_bool* cancel)
{
    std::optional<protocol::InvestigationResponse> response;
    try {
        callOnMain(
            [this, userId, investigationId, &response] {
                if (m_service)
                    response = m_service->results(ownerPrincipal(userId), investigationId);
            },
            cancel);
    } catch (const NodeFailure&) {
        throw;
    } catch (const std::exception& error) {
        throw refused(error);
    }
    if (!response)
        throw NodeFailure(QStringLiteral("investigation %1 is gone").arg(investigationId), false);
    return *response;
}

void InvestigationTracker::cancel(const QString& userId, const QString& investigationId)
{
    QMetaObject::invokeMethod(
        this,
        [this, userId, investigationId] {
            if (!m_service)
                return;
            try {
                m_service->cancel(ownerPrincipal(userId), investigationId);
            } catch (const std::exception&) {
                // Finished meanwhile (409): nothing left to cancel.
            }
        },
        Qt::QueuedConnection);
}

void InvestigationTracker::forget(const QString& investigationId)
{
    std::lock_guard lock(m_mutex);
    m_progress.remove(investigationId);
}

int InvestigationTracker::trackedCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_progress.size());
}

void InvestigationTracker::onProgress(const QString& investigationId, const protocol::Json& status)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_progress.find(investigationId);
        if (it == m_progress.end())
            return; // not one of ours
        if (!isFinished(it->status)) {
            it->status = QString::fromStdString(status.value("status", it->status.toStdString()));
            it->phase = QString::fromStdString(status.value("current_phase", it->phase.toStdString()));
        }
        it->recordsProcessed = status.value("records_processed", it->recordsProcessed);
        it->anomaliesDetected = status.value("anomalies_detected", it->anomaliesDetected);
    }
    m_changed.notify_all();
}

void InvestigationTracker::onFinished(const QString& investigationId, const QString& finalStatus,
                                      const protocol::Json& summary)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_progress.find(investigationId);
        if (it == m_progress.end())
            return;
        it->status = finalStatus;
        if (finalStatus == QLatin1String(State::Completed))
            it->phase = QLatin1String(Phase::Completed);
        it->reason = QString::fromStdString(summary.value("reason", summary.value("summary", std::string())));
    }
    m_changed.notify_all();
}

} // namespace cidadao::workflows
