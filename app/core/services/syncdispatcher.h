// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps a second running client of the same user in step (spec/API.md §9, issue #10): subscribes
// to sync:{userId} on the /ws channels once the user is known and turns every sync_update
// {entity, id, op} into a targeted refresh of the services attached to it: sessions and the open
// conversation (ConversationService), the investigations list (InvestigationsService). Nothing is
// polled. After a reconnect, when updates may have been missed, the attached services read again.
#pragma once

#include "core/channelsclient.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace cidadao::client {

class ConversationService;
class InvestigationsService;

class SyncDispatcher : public QObject
{
    Q_OBJECT
public:
    explicit SyncDispatcher(ChannelsClient& channels, QObject* parent = nullptr);

    // Subscribes to sync:{userId} (kept across reconnects by ChannelsClient) and drops the previous
    // user's channel; an empty id only unsubscribes.
    void setUserId(const QString& userId);
    QString userId() const { return m_userId; }
    QString channel() const;
    // True once the server granted the channel on the current connection.
    bool isLive() const { return m_live; }

    // Services are not owned; one that is destroyed is simply no longer told.
    void attach(ConversationService* conversations);
    void attach(InvestigationsService* investigations);

Q_SIGNALS:
    void syncUpdate(const QString& entity, const QString& id, const QString& op);
    void liveChanged(bool live);

private:
    void onMessage(const protocol::WorkflowEnvelope& envelope);
    void onSubscribed(const QStringList& channels);
    void setLive(bool live);

    ChannelsClient& m_channels;
    QString m_userId;
    bool m_live = false;
    bool m_grantedBefore = false; // a later grant is a reconnect: catch up
    QList<QPointer<ConversationService>> m_conversations;
    QList<QPointer<InvestigationsService>> m_investigations;
};

} // namespace cidadao::client
