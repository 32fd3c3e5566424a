// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncdispatcher.h"

#include "conversationservice.h"
#include "investigationsservice.h"

#include "protocol/channel.h"
#include "protocol/workflow.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "cidadao.client.sync")

namespace cidadao::client {

SyncDispatcher::SyncDispatcher(ChannelsClient& channels, QObject* parent)
    : QObject(parent)
    , m_channels(channels)
{
    connect(&m_channels, &ChannelsClient::message, this, &SyncDispatcher::onMessage);
    connect(&m_channels, &ChannelsClient::subscribed, this, &SyncDispatcher::onSubscribed);
    connect(&m_channels, &WebSocketChannel::stateChanged, this, [this](WebSocketChannel::State state) {
        if (state != WebSocketChannel::State::Open)
            setLive(false); // the server forgets subscriptions with the connection
    });
}

QString SyncDispatcher::channel() const
{
    if (m_userId.isEmpty())
        return {};
    return QLatin1String(protocol::ChannelKind::Sync) + QLatin1Char(':') + m_userId;
}

void SyncDispatcher::setUserId(const QString& userId)
{
    if (userId == m_userId)
        return;
    if (!m_userId.isEmpty())
        m_channels.unsubscribe({channel()});
    m_userId = userId;
    m_grantedBefore = false;
    setLive(false);
    if (!m_userId.isEmpty())
        m_channels.subscribe({channel()});
}

void SyncDispatcher::attach(ConversationService* conversations)
{
    if (conversations && !m_conversations.contains(conversations))
        m_conversations.append(conversations);
}

void SyncDispatcher::attach(InvestigationsService* investigations)
{
    if (investigations && !m_investigations.contains(investigations))
        m_investigations.append(investigations);
}

void SyncDispatcher::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    Q_EMIT liveChanged(live);
}

void SyncDispatcher::onSubscribed(const QStringList& channels)
{
    if (m_userId.isEmpty() || !channels.contains(channel()) || m_live)
        return;
    setLive(true);
    // The first grant comes with the views' own first reads; a later one follows a reconnect,
    // and whatever changed while the socket was down was never announced.
    if (!std::exchange(m_grantedBefore, true))
        return;
    qCDebug(lcSync) << "resubscribed to" << channel() << "- reading sessions and investigations again";
    for (const auto& service : std::as_const(m_conversations))
        if (service)
            service->resync();
    for (const auto& service : std::as_const(m_investigations))
        if (service)
            service->refresh();
}

void SyncDispatcher::onMessage(const protocol::WorkflowEnvelope& envelope)
{
    if (envelope.type != QLatin1String(protocol::WorkflowType::SyncUpdate) || !envelope.payload)
        return;
    protocol::SyncUpdatePayload update;
    try {
        protocol::from_json(*envelope.payload, update);
    } catch (const std::exception& error) {
        qCWarning(lcSync) << "unreadable sync_update:" << error.what();
        return;
    }
    qCDebug(lcSync) << "sync_update" << update.entity << update.id << update.op;
    Q_EMIT syncUpdate(update.entity, update.id, update.op);
    for (const auto& service : std::as_const(m_conversations))
        if (service)
            service->applySyncUpdate(update.entity, update.id, update.op);
    for (const auto& service : std::as_const(m_investigations))
        if (service)
            service->applySyncUpdate(update.entity, update.id, update.op);
}

} // namespace cidadao::client
