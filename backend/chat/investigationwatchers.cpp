// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationwatchers.h"

#include "protocol/vocabulary.h"

namespace cidadao::chat {

InvestigationWatchers::InvestigationWatchers(events::EventHub& events, QObject* parent)
    : QObject(parent)
{
    connect(&events, &events::EventHub::investigationProgress, this,
            [this](const QString&, const QString& id, const protocol::Json& status) {
                if (!m_byInvestigation.contains(id))
                    return;
                // The run's last progress event already carries the final status, and the "finished"
                // event below follows it: only the latter (with the final anomaly count) is sent, so
                // subscribers get the final update exactly once.
                const protocol::InvestigationUpdatePayload update = updateFrom(id, status);
                for (const char* final : protocol::InvestigationState::Finished)
                    if (update.status == QLatin1String(final))
                        return;
                deliver(id, update);
            });
    connect(&events, &events::EventHub::investigationFinished, this,
            [this](const QString&, const QString& id, const QString& finalStatus, const protocol::Json& summary) {
                if (!m_byInvestigation.contains(id))
                    return;
                protocol::InvestigationUpdatePayload update;
                update.investigationId = id;
                update.status = finalStatus;
                update.progress = finalStatus == QLatin1String(protocol::InvestigationState::Completed) ? 1.0 : 0.0;
                update.currentPhase = finalStatus == QLatin1String(protocol::InvestigationState::Completed)
                                          ? QLatin1String(protocol::InvestigationPhase::Completed)
                                          : finalStatus;
                update.anomaliesDetected = summary.value("anomalies_found", qint64(0));
                deliver(id, update);
            });
}

protocol::InvestigationUpdatePayload InvestigationWatchers::updateFrom(const QString& investigationId,
                                                                       const protocol::Json& status)
{
    protocol::InvestigationUpdatePayload update;
    update.investigationId = investigationId;
    if (!status.is_object())
        return update;
    update.status = QString::fromStdString(status.value("status", std::string()));
    update.progress = status.value("progress", 0.0);
    update.currentPhase = QString::fromStdString(status.value("current_phase", std::string()));
    update.anomaliesDetected = status.value("anomalies_detected", qint64(0));
    return update;
}

void InvestigationWatchers::watch(InvestigationWatcher* watcher, const QString& investigationId)
{
    m_byInvestigation[investigationId].insert(watcher);
    m_byWatcher[watcher].insert(investigationId);
}

void InvestigationWatchers::unwatch(InvestigationWatcher* watcher, const QString& investigationId)
{
    auto it = m_byInvestigation.find(investigationId);
    if (it != m_byInvestigation.end()) {
        it->remove(watcher);
        if (it->isEmpty())
            m_byInvestigation.erase(it);
    }
    auto w = m_byWatcher.find(watcher);
    if (w != m_byWatcher.end()) {
        w->remove(investigationId);
        if (w->isEmpty())
            m_byWatcher.erase(w);
    }
}

void InvestigationWatchers::unwatchAll(InvestigationWatcher* watcher)
{
    const QSet<QString> ids = m_byWatcher.take(watcher);
    for (const QString& id : ids) {
        auto it = m_byInvestigation.find(id);
        if (it == m_byInvestigation.end())
            continue;
        it->remove(watcher);
        if (it->isEmpty())
            m_byInvestigation.erase(it);
    }
}

int InvestigationWatchers::watcherCount(const QString& investigationId) const
{
    return int(m_byInvestigation.value(investigationId).size());
}

void InvestigationWatchers::deliver(const QString& investigationId, const protocol::InvestigationUpdatePayload& update)
{
    // A copy: a watcher may unsubscribe (or close) while being told.
    const QSet<InvestigationWatcher*> watchers = m_byInvestigation.value(investigationId);
    for (InvestigationWatcher* watcher : watchers) {
        if (m_byInvestigation.value(investigationId).contains(watcher))
            watcher->investigationUpdated(update);
    }
}

} // namespace cidadao::chat
