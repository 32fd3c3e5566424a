// SPDX-License-Identifier: GPL-3.0-or-later
// The live channels of spec/API.md §9 (workflow:, sync:, agent:, notifications:): who may
// subscribe to what, who is subscribed, and fan-out of events to them. Producers (investigations,
// chat, workflows) publish here; they never know about sockets.
#pragma once

#include "http/request.h"
#include "protocol/jsonqt.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

namespace cidadao::workflows {

// A subscriber as the hub sees it: something that can take one serialised envelope. The hub
// serialises each event once, however many subscribers get it.
class ChannelSubscriber
{
public:
    virtual ~ChannelSubscriber() = default;
    virtual void deliver(const QString& envelopeText) = 0;
};

class ChannelHub : public QObject
{
    Q_OBJECT
public:
    // keepEnded: how many ended executions stay subscribable by their owner (a client that looks
    // at a run just after it finished); older ones are forgotten once nobody watches them.
    explicit ChannelHub(QObject* parent = nullptr, int keepEnded = 256);

    // Users may watch their own sync:/notifications:, the agents, and workflows they started;
    // admins may watch anything.
    bool mayWatch(const http::Principal& principal, const QString& channel) const;
    // Records who started an execution, so that its workflow: channel is theirs.
    void registerExecution(const QString& executionId, const QString& ownerUserId);
    // Nothing more will be published on workflow:{executionId}. Of the ended executions, the
    // `keepEnded` latest stay known; an older one is forgotten as soon as nobody watches it (then,
    // or when its last subscriber leaves), so the map is bounded by running + watched + keepEnded.
    void executionEnded(const QString& executionId);
    int knownExecutionCount() const { return int(m_executionOwners.size()); }

    void subscribe(ChannelSubscriber* subscriber, const QString& channel);
    void unsubscribe(ChannelSubscriber* subscriber, const QString& channel);
    void unsubscribeAll(ChannelSubscriber* subscriber);
    int subscriberCount(const QString& channel) const;

    // Sends {type, payload, timestamp, channel, correlationId?} to every subscriber of channel.
    // Returns how many got it.
    int publish(const QString& channel, const QString& type, const protocol::Json& payload,
                const std::optional<QString>& correlationId = std::nullopt);

private:
    QHash<QString, QSet<ChannelSubscriber*>> m_subscribers;
    QHash<ChannelSubscriber*, QSet<QString>> m_channelsOf;
    void forgetIfIdle(const QString& channel);

    QHash<QString, QString> m_executionOwners;
    int m_keepEnded;
    QList<QString> m_endedOrder;        // the latest ended executions, oldest first
    QSet<QString> m_retiredExecutions; // ended, beyond keepEnded, still watched
};

} // namespace cidadao::workflows
