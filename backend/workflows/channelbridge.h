// SPDX-License-Identifier: GPL-3.0-or-later
// Forwards what the EventHub hears to the live channels of spec/API.md §9:
// - entity changes → sync_update {entity, id, op} on sync:{userId} (a second client stays in step);
// - finished investigations, critical anomalies, finished imports → notification on
//   notifications:{userId};
// - agent status → agent_status {agentId, status, details} on agent:{agentId}.
// Producers never know about channels; the bridge is the one place that maps one to the other.
#pragma once

#include "channelhub.h"

#include "events/eventhub.h"

#include <QObject>

namespace cidadao::workflows {

class ChannelBridge : public QObject
{
    Q_OBJECT
public:
    ChannelBridge(events::EventHub& events, ChannelHub& hub, QObject* parent = nullptr);

private:
    void notify(const QString& userId, const char* kind, const QString& message, const protocol::Json& data);

    ChannelHub& m_hub;
};

} // namespace cidadao::workflows
