// SPDX-License-Identifier: GPL-3.0-or-later
// Who watches which investigation over the chat WebSocket. One listener on the EventHub fans each
// progress/finished event out to the sockets subscribed to that investigation, so 500 watchers cost
// one signal delivery plus 500 sends, not 500 slot calls per event on every socket.
#pragma once

#include "events/eventhub.h"
#include "protocol/chatws.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace cidadao::chat {

class InvestigationWatcher
{
public:
    virtual ~InvestigationWatcher() = default;
    virtual void investigationUpdated(const protocol::InvestigationUpdatePayload& update) = 0;
};

class InvestigationWatchers : public QObject
{
    Q_OBJECT
public:
    explicit InvestigationWatchers(events::EventHub& events, QObject* parent = nullptr);

    void watch(InvestigationWatcher* watcher, const QString& investigationId);
    void unwatch(InvestigationWatcher* watcher, const QString& investigationId);
    void unwatchAll(InvestigationWatcher* watcher);
    int watcherCount(const QString& investigationId) const;

    // The update payload of an InvestigationStatus JSON (as the hub and the service carry it).
    static protocol::InvestigationUpdatePayload updateFrom(const QString& investigationId, const protocol::Json& status);

private:
    void deliver(const QString& investigationId, const protocol::InvestigationUpdatePayload& update);

    QHash<QString, QSet<InvestigationWatcher*>> m_byInvestigation;
    QHash<InvestigationWatcher*, QSet<QString>> m_byWatcher;
};

} // namespace cidadao::chat
