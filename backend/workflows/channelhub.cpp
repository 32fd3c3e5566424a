// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelhub.h"

#include "protocol/agent.h"
#include "protocol/workflow.h"
#include "protocol/wsenvelopes.h"

#include <QDateTime>

namespace cidadao::workflows {

ChannelHub::ChannelHub(QObject* parent, int keepEnded)
    : QObject(parent)
    , m_keepEnded(qMax(0, keepEnded))
{
}

bool ChannelHub::mayWatch(const http::Principal& principal, const QString& channel) const
{
    const auto parsed = protocol::parseChannel(channel);
    if (!parsed || principal.anonymous)
        return false;
    if (principal.role == QLatin1String("admin"))
        return true;
    if (parsed->kind == QLatin1String(protocol::ChannelKind::Sync)
        || parsed->kind == QLatin1String(protocol::ChannelKind::Notifications))
        return parsed->id == principal.userId;
    if (parsed->kind == QLatin1String(protocol::ChannelKind::Agent))
        return protocol::findAgent(parsed->id).has_value();
    if (parsed->kind == QLatin1String(protocol::ChannelKind::Workflow))
        return m_executionOwners.value(parsed->id) == principal.userId;
    return false;
}

void ChannelHub::registerExecution(const QString& executionId, const QString& ownerUserId)
{
    m_executionOwners.insert(executionId, ownerUserId);
}

static QString workflowChannelOf(const QString& executionId)
{
    return QLatin1String(protocol::ChannelKind::Workflow) + QLatin1Char(':') + executionId;
}

void ChannelHub::executionEnded(const QString& executionId)
{
    if (!m_executionOwners.contains(executionId) || m_endedOrder.contains(executionId))
        return;
    m_endedOrder.append(executionId);
    while (m_endedOrder.size() > m_keepEnded) {
        const QString old = m_endedOrder.takeFirst();
        m_retiredExecutions.insert(old);
        forgetIfIdle(workflowChannelOf(old));
    }
}

void ChannelHub::forgetIfIdle(const QString& channel)
{
    const auto parsed = protocol::parseChannel(channel);
    if (!parsed || parsed->kind != QLatin1String(protocol::ChannelKind::Workflow))
        return;
    if (!m_retiredExecutions.contains(parsed->id) || m_subscribers.contains(channel))
        return;
    m_retiredExecutions.remove(parsed->id);
    m_executionOwners.remove(parsed->id);
}

void ChannelHub::subscribe(ChannelSubscriber* subscriber, const QString& channel)
{
    m_subscribers[channel].insert(subscriber);
    m_channelsOf[subscriber].insert(channel);
}

void ChannelHub::unsubscribe(ChannelSubscriber* subscriber, const QString& channel)
{
    auto it = m_subscribers.find(channel);
    if (it != m_subscribers.end()) {
        it->remove(subscriber);
        if (it->isEmpty())
            m_subscribers.erase(it);
    }
    m_channelsOf[subscriber].remove(channel);
    forgetIfIdle(channel);
}

void ChannelHub::unsubscribeAll(ChannelSubscriber* subscriber)
{
    const QSet<QString> channels = m_channelsOf.take(subscriber);
    for (const QString& channel : channels)
        unsubscribe(subscriber, channel);
    m_channelsOf.remove(subscriber);
}

int ChannelHub::subscriberCount(const QString& channel) const
{
    return int(m_subscribers.value(channel).size());
}

int ChannelHub::publish(const QString& channel, const QString& type, const protocol::Json& payload,
                        const std::optional<QString>& correlationId)
{
    const auto it = m_subscribers.constFind(channel);
    if (it == m_subscribers.constEnd())
        return 0;
    protocol::Json envelope;
    protocol::to_json(envelope,
                      protocol::WorkflowEnvelope::make(type, payload, QDateTime::currentDateTimeUtc(), correlationId));
    envelope["channel"] = channel;
    const QString text = QString::fromUtf8(protocol::toBytes(envelope));
    // A copy: a delivery may unsubscribe (a subscriber that closes itself).
    const QSet<ChannelSubscriber*> subscribers = *it;
    for (ChannelSubscriber* subscriber : subscribers)
        subscriber->deliver(text);
    return int(subscribers.size());
}

} // namespace cidadao::workflows
